"""Working days and period arithmetic (CNT-APL-85, CNT-ACL-69, CNT-ALL-82, CNT-SAMR-80/84).

Dates follow the State Council arrangements shipped in chinese_calendar: National Day and
Mid-Autumn 2025 off 10-01..10-08 with make-up working days Sun 09-28 and Sat 10-11; Spring
Festival 2026 off 02-15..02-23 with make-up days Sat 02-14 and Sat 02-28; National Day 2026 off
10-01..10-07 with make-up days Sun 09-20 and Sat 10-10.
"""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanxiang.core.errors import ApplicationError
from sanxiang.core.models import CalendarDay, CalendarYear
from sanxiang.core.workdays import (
    WorkdayCalendar,
    add_calendar_days_rolled,
    add_working_days,
    is_working_day,
    next_working_day,
    roll_forward_to_working_day,
    unmaintained_years,
    working_days_between,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2025, 9, 26), True),  # Friday
        (date(2025, 9, 27), False),  # Saturday
        (date(2025, 9, 28), True),  # Sunday, make-up working day
        (date(2025, 10, 1), False),  # National Day
        (date(2025, 10, 6), False),  # Mid-Autumn, Monday
        (date(2025, 10, 8), False),
        (date(2025, 10, 9), True),
        (date(2025, 10, 11), True),  # Saturday, make-up working day
        (date(2026, 2, 14), True),  # Saturday, make-up working day
        (date(2026, 2, 16), False),  # Spring Festival, Monday
        (date(2026, 2, 23), False),  # Spring Festival, Monday
        (date(2026, 2, 24), True),
    ],
)
def test_is_working_day_follows_the_state_council_arrangement(day, working):
    assert is_working_day(day) is working


def test_seven_working_days_skip_national_day_2025_cnt_apl_85():
    # Start 09-29 is excluded (CNT-SAMR-80/84): 09-30, 10-09, 10-10, 10-11 (make-up Sat),
    # 10-13, 10-14, 10-15.
    assert add_working_days(date(2025, 9, 29), 7) == date(2025, 10, 15)


def test_make_up_sunday_counts_as_a_working_day_cnt_apl_85():
    # From Friday 09-26: 09-28 (make-up Sun), 09-29, 09-30, 10-09, 10-10, 10-11, 10-13.
    assert add_working_days(date(2025, 9, 26), 7) == date(2025, 10, 13)


def test_working_days_over_national_day_2026_cnt_acl_69():
    assert add_working_days(date(2026, 9, 30), 2) == date(2026, 10, 9)
    assert add_working_days(date(2026, 9, 18), 5) == date(2026, 9, 24)  # make-up Sun 09-20


def test_working_days_over_spring_festival_2026_cnt_all_82():
    # 02-14 (make-up Sat), then nothing until 02-24.
    assert add_working_days(date(2026, 2, 13), 3) == date(2026, 2, 25)


def test_working_days_between_excludes_start_and_includes_end_cnt_samr_80():
    assert working_days_between(date(2025, 9, 29), date(2025, 10, 15)) == 7
    assert working_days_between(date(2025, 9, 30), date(2025, 10, 8)) == 0
    assert working_days_between(date(2025, 10, 15), date(2025, 9, 29)) == 0


def test_zero_days_and_negative_periods():
    assert add_working_days(date(2025, 10, 1), 0) == date(2025, 10, 1)
    with pytest.raises(ApplicationError) as caught:
        add_working_days(date(2025, 10, 1), -1)
    assert caught.value.code == "calendar.negative_period"


def test_next_working_day_and_roll_forward_cnt_samr_80():
    assert next_working_day(date(2025, 9, 30)) == date(2025, 10, 9)
    assert next_working_day(date(2025, 10, 9)) == date(2025, 10, 10)
    assert roll_forward_to_working_day(date(2025, 10, 3)) == date(2025, 10, 9)
    assert roll_forward_to_working_day(date(2025, 10, 9)) == date(2025, 10, 9)
    assert roll_forward_to_working_day(date(2025, 10, 11)) == date(2025, 10, 11)  # make-up Sat


def test_calendar_period_ending_on_a_holiday_rolls_forward_cnt_samr_80():
    # 15 calendar days from 09-16 end on 10-01, a holiday: the period ends on 10-09.
    assert add_calendar_days_rolled(date(2025, 9, 16), 15) == date(2025, 10, 9)
    # Ending on an ordinary working day: no roll.
    assert add_calendar_days_rolled(date(2025, 9, 1), 15) == date(2025, 9, 16)
    # 90 calendar days (LAW-APL-60 style) ending on Spring Festival 2026 roll to 02-24.
    assert add_calendar_days_rolled(date(2025, 11, 17), 90) == date(2026, 2, 24)


def test_holiday_override_changes_the_deadline():
    before = add_working_days(date(2025, 9, 29), 7)
    CalendarDay.objects.create(
        date=date(2025, 10, 9), kind=CalendarDay.Kind.HOLIDAY, name="Local holiday"
    )
    assert not is_working_day(date(2025, 10, 9))
    assert add_working_days(date(2025, 9, 29), 7) == before + timedelta(days=1)


def test_workday_override_on_a_weekend_changes_the_deadline():
    CalendarDay.objects.create(date=date(2025, 10, 12), kind=CalendarDay.Kind.WORKDAY)
    assert is_working_day(date(2025, 10, 12))
    assert add_working_days(date(2025, 9, 29), 7) == date(2025, 10, 14)


def test_uncovered_year_is_refused_until_maintained():
    with pytest.raises(ApplicationError) as caught:
        add_working_days(date(2026, 12, 28), 5)
    assert caught.value.code == "calendar.year_not_maintained"
    assert caught.value.extra == {"year": 2027}
    assert "2027" in caught.value.message

    CalendarYear.objects.create(year=2027, note="test arrangement")
    CalendarDay.objects.create(date=date(2027, 1, 1), kind=CalendarDay.Kind.HOLIDAY, name="元旦")
    # 12-29, 12-30, 12-31, then 01-01 is a holiday (Fri), the weekend is off, 01-04, 01-05.
    assert add_working_days(date(2026, 12, 28), 5) == date(2027, 1, 5)

    CalendarDay.objects.create(date=date(2027, 1, 2), kind=CalendarDay.Kind.WORKDAY)
    assert add_working_days(date(2026, 12, 28), 5) == date(2027, 1, 4)


def test_day_rows_alone_do_not_make_a_year_maintained():
    CalendarDay.objects.create(date=date(2027, 1, 1), kind=CalendarDay.Kind.HOLIDAY)
    with pytest.raises(ApplicationError) as caught:
        is_working_day(date(2027, 3, 1))
    assert caught.value.code == "calendar.year_not_maintained"


def test_years_before_the_library_are_refused_too():
    with pytest.raises(ApplicationError) as caught:
        is_working_day(date(2003, 12, 31))
    assert caught.value.extra == {"year": 2003}


def test_a_datetime_is_refused():
    with pytest.raises(TypeError):
        is_working_day(datetime(2025, 10, 9, 9, 0))


def test_ninety_working_days_cost_one_query_per_year(django_assert_max_num_queries):
    # 2025-11-03 + 90 working days crosses into 2026: one override query per year.
    with django_assert_max_num_queries(2):
        end = add_working_days(date(2025, 11, 3), 90)
    assert end.year == 2026


def test_a_maintained_uncovered_year_costs_two_queries(django_assert_max_num_queries):
    CalendarYear.objects.create(year=2027)
    with django_assert_max_num_queries(2):
        add_calendar_days_rolled(date(2027, 1, 4), 90)


def test_a_reused_calendar_queries_each_year_once(django_assert_num_queries):
    calendar = WorkdayCalendar()
    calendar.add_working_days(date(2025, 9, 29), 7)
    with django_assert_num_queries(0):
        calendar.add_working_days(date(2025, 9, 1), 40)
        calendar.working_days_between(date(2025, 1, 1), date(2025, 12, 31))


@settings(
    max_examples=40,
    deadline=None,
)
@given(
    st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 6, 30)),
    st.integers(min_value=1, max_value=60),
)
def test_counting_back_gives_the_same_number_of_working_days(start, n):
    calendar = WorkdayCalendar()
    end = calendar.add_working_days(start, n)
    assert calendar.is_working_day(end)
    assert calendar.working_days_between(start, end) == n


@pytest.mark.django_db
def test_unmaintained_years_lists_uncovered_years_in_the_horizon_until_maintained() -> None:
    assert unmaintained_years(today=date(2026, 3, 1)) == []
    assert unmaintained_years(today=date(2026, 11, 30)) == [2027]
    assert unmaintained_years(today=date(2026, 11, 30), horizon_days=400) == [2027, 2028]
    CalendarYear.objects.create(year=2027)
    assert unmaintained_years(today=date(2026, 11, 30)) == []
