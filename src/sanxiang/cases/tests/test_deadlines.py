"""Case deadlines (cases/deadlines.py), one test group per rule id.

Holiday facts used (State Council arrangements in chinese_calendar, see core/tests/test_workdays):
National Day and Mid-Autumn 2025 off 10-01..10-08, make-up working days Sun 09-28 and Sat 10-11;
Spring Festival 2026 off 02-15..02-23, make-up working days Sat 02-14 and Sat 02-28; May Day 2025
off 05-01..05-05. Tests that read the calendar need the database (overrides live there); the
late-fee arithmetic does not.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanxiang.cases.deadlines import (
    DEADLINE_RULES,
    Deadline,
    closing_due,
    decision_due,
    delivery_due,
    earliest_hearing_date,
    hearing_request_due,
    late_fee,
    late_fee_days,
    lead_filing_due,
    legal_review_due,
    payment_due,
    preservation_disposal_due,
    seizure_expires,
    simple_procedure_filing_due,
    statement_window_end,
)
from sanxiang.core.errors import ApplicationError
from sanxiang.core.models import CalendarDay
from sanxiang.core.workdays import WorkdayCalendar, working_days_between

db = pytest.mark.django_db

YUAN = 100  # fen


# --- LAW-APL-61: delivery within 7 working days (CNT-APL-85) ---------------------------------


@db
def test_delivery_due_skips_national_day_2025_law_apl_61():
    # 09-30, 10-09, 10-10, 10-11 (make-up Sat), 10-13, 10-14, 10-15.
    assert delivery_due(date(2025, 9, 29)) == date(2025, 10, 15)


@db
def test_delivery_due_skips_spring_festival_2026_law_apl_61():
    # 02-13, 02-14 (make-up Sat), then 02-24, 02-25, 02-26, 02-27, 02-28 (make-up Sat).
    assert delivery_due(date(2026, 2, 12)) == date(2026, 2, 28)


@db
def test_deadlines_see_administrators_overrides_through_the_calendar():
    CalendarDay.objects.create(date=date(2025, 10, 15), kind=CalendarDay.Kind.HOLIDAY)
    calendar = WorkdayCalendar()
    assert delivery_due(date(2025, 9, 29), calendar=calendar) == date(2025, 10, 16)
    # One calendar serves many deadlines (LAW-APL-61, SAMR-PROC-70 here).
    assert simple_procedure_filing_due(date(2025, 9, 29), calendar=calendar) == date(2025, 10, 16)


# --- LAW-APL-60 / SAMR-PROC-64: 90 calendar days, paused and extended, rolled (CNT-SAMR-80) ---


@db
def test_decision_due_is_ninety_calendar_days_law_apl_60():
    assert decision_due(date(2025, 1, 3)) == date(2025, 4, 3)


@db
def test_decision_due_on_a_holiday_rolls_to_the_next_working_day_cnt_samr_80():
    # 2025-07-03 + 90 days = 2025-10-01 (National Day) → first working day 10-09.
    assert date(2025, 7, 3) + timedelta(days=90) == date(2025, 10, 1)
    assert decision_due(date(2025, 7, 3)) == date(2025, 10, 9)


@db
def test_twenty_days_of_testing_move_the_decision_by_twenty_samr_proc_64():
    base = decision_due(date(2025, 1, 10))
    paused = decision_due(date(2025, 1, 10), paused_days=20)
    assert base == date(2025, 4, 10)
    assert paused == date(2025, 4, 30)
    assert (paused - base).days == 20


@db
def test_extension_is_added_before_rolling_samr_proc_64():
    # 2025-01-03 + 90 + 30 = 2025-05-03, inside the May Day holiday → 05-06.
    assert decision_due(date(2025, 1, 3), extension_days=30) == date(2025, 5, 6)


def test_negative_pause_or_extension_is_refused_samr_proc_64():
    with pytest.raises(ApplicationError) as caught:
        decision_due(date(2025, 1, 3), paused_days=-1)
    assert caught.value.code == "deadlines.negative_days"
    assert caught.value.extra["field"] == "paused_days"
    assert caught.value.extra["rule"] == "SAMR-PROC-64"
    with pytest.raises(ApplicationError):
        decision_due(date(2025, 1, 3), extension_days=-30)


# --- SAMR-PROC-57 / LAW-APL-62 and LAW-APL-64(一) / SAMR-HEAR-7: 5 working days -------------


@db
def test_statement_window_counts_a_make_up_sunday_samr_proc_57():
    # From Mon 09-22: 23, 24, 25, 26, then Sun 09-28 (make-up working day).
    assert statement_window_end(date(2025, 9, 22)) == date(2025, 9, 28)


@db
def test_hearing_request_due_is_five_working_days_law_apl_64_samr_hear_7():
    # 09-30, 10-09, 10-10, 10-11 (make-up Sat), 10-13.
    assert hearing_request_due(date(2025, 9, 29)) == date(2025, 10, 13)


# --- LAW-APL-64(二): the hearing is held no earlier than 7 working days after the notice -----


@db
def test_earliest_hearing_date_law_apl_64():
    served = date(2025, 11, 7)  # Friday
    earliest = earliest_hearing_date(served)
    assert earliest == date(2025, 11, 18)
    assert working_days_between(served, earliest) == 7
    assert working_days_between(served, earliest - timedelta(days=1)) == 6


@db
def test_earliest_hearing_date_over_national_day_law_apl_64():
    assert earliest_hearing_date(date(2025, 9, 29)) == date(2025, 10, 15)


# --- LAW-APL-67: 15 calendar days to pay, rolled (CNT-SAMR-80) ------------------------------


@db
def test_payment_due_is_fifteen_calendar_days_law_apl_67():
    assert payment_due(date(2025, 3, 3)) == date(2025, 3, 18)


@db
def test_payment_due_on_national_day_rolls_forward_law_apl_67_cnt_samr_80():
    assert payment_due(date(2025, 9, 16)) == date(2025, 10, 9)


# --- LAW-APL-56 / SAMR-PROC-33/35, SAMR-PROC-70, SAMR-PROC-77, SAMR-PROC-55 -----------------


@db
def test_preservation_disposal_due_law_apl_56():
    assert preservation_disposal_due(date(2025, 9, 29)) == date(2025, 10, 15)


@db
def test_simple_procedure_filing_due_samr_proc_70():
    assert simple_procedure_filing_due(date(2026, 2, 12)) == date(2026, 2, 28)


@db
def test_closing_due_is_fifteen_working_days_samr_proc_77():
    assert closing_due(date(2025, 9, 29)) == date(2025, 10, 27)


@db
def test_legal_review_due_samr_proc_55_guo_118_14():
    assert legal_review_due(date(2025, 9, 29)) == date(2025, 10, 20)
    # GUO-118-14: each agency may set its own limit.
    assert legal_review_due(date(2025, 9, 29), working_days=5) == date(2025, 10, 13)


# --- SAMR-PROC-18: 15 working days, one 15-day extension -------------------------------------


@db
def test_lead_filing_due_and_its_one_extension_samr_proc_18():
    received = date(2025, 9, 29)
    assert lead_filing_due(received) == date(2025, 10, 27)
    extended = lead_filing_due(received, extensions=1)
    assert working_days_between(received, extended) == 30


def test_second_lead_filing_extension_is_refused_samr_proc_18():
    with pytest.raises(ApplicationError) as caught:
        lead_filing_due(date(2025, 9, 29), extensions=2)
    assert caught.value.code == "deadlines.lead_filing.too_many_extensions"
    assert caught.value.extra == {
        "field": "extensions",
        "rule": "SAMR-PROC-18",
        "extensions": 2,
        "maximum": 1,
    }
    assert "SAMR-PROC-18" in caught.value.message


# --- LAW-ACL-25: 30 calendar days, one 30-day extension -------------------------------------


def test_seizure_expires_after_thirty_days_not_rolled_law_acl_25():
    # 10-01 is a holiday; the seizure still ends that day (see the function's docstring).
    assert seizure_expires(date(2025, 9, 1)) == date(2025, 10, 1)
    assert seizure_expires(date(2025, 9, 1), extended=True) == date(2025, 10, 31)


def test_seizure_testing_days_do_not_count_law_acl_25():
    assert seizure_expires(date(2025, 9, 1), paused_days=10) == date(2025, 10, 11)


# --- LAW-APL-72/73: the late-payment surcharge ------------------------------------------------


def test_late_fee_ten_days_is_thirty_percent_law_apl_72():
    due = date(2025, 3, 18)
    assert late_fee(1000 * YUAN, due_on=due, on=due + timedelta(days=10)) == 300 * YUAN


def test_late_fee_is_capped_at_the_fine_law_apl_72():
    due = date(2025, 3, 18)
    assert late_fee(1000 * YUAN, due_on=due, on=due + timedelta(days=40)) == 1000 * YUAN


def test_reconsideration_pause_is_not_counted_law_apl_73():
    due = date(2025, 3, 18)
    pause = (date(2025, 3, 21), date(2025, 3, 24))  # 4 days, both bounds included
    on = due + timedelta(days=10)
    assert late_fee_days(due, on, paused=[pause]) == 6
    assert late_fee(1000 * YUAN, due_on=due, on=on, paused=[pause]) == 180 * YUAN


def test_late_fee_days_start_the_day_after_the_due_date_law_apl_72():
    due = date(2025, 3, 18)
    assert late_fee_days(due, due) == 0
    assert late_fee_days(due, due - timedelta(days=3)) == 0
    assert late_fee_days(due, due + timedelta(days=1)) == 1


def test_overlapping_and_outside_pauses_are_counted_once_law_apl_73():
    due = date(2025, 3, 18)
    on = date(2025, 3, 28)  # 10 days
    paused = [
        (date(2025, 3, 20), date(2025, 3, 23)),
        (date(2025, 3, 22), date(2025, 3, 25)),  # overlaps: 03-20..03-25 is 6 days
        (date(2025, 3, 1), date(2025, 3, 10)),  # before the surcharge started
        (date(2025, 3, 27), date(2025, 4, 30)),  # runs past `on`: 03-27, 03-28
    ]
    assert late_fee_days(due, on, paused=paused) == 2


def test_reversed_pause_is_refused_law_apl_73():
    with pytest.raises(ApplicationError) as caught:
        late_fee_days(
            date(2025, 3, 18), date(2025, 3, 28), paused=[(date(2025, 3, 25), date(2025, 3, 20))]
        )
    assert caught.value.code == "deadlines.late_fee.pause_reversed"
    assert caught.value.extra["rule"] == "LAW-APL-73"


_days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
_pauses = st.lists(
    st.tuples(_days, st.integers(min_value=0, max_value=60)).map(
        lambda p: (p[0], p[0] + timedelta(days=p[1]))
    ),
    max_size=5,
)


@given(
    fine=st.integers(min_value=0, max_value=10**12),
    due=_days,
    late=st.integers(min_value=0, max_value=200),
    more=st.integers(min_value=0, max_value=200),
    paused=_pauses,
)
def test_late_fee_never_exceeds_the_fine_and_grows_with_time_law_apl_72(
    fine, due, late, more, paused
):
    on = due + timedelta(days=late)
    fee = late_fee(fine, due_on=due, on=on, paused=paused)
    assert 0 <= fee <= fine
    assert fee <= late_fee(fine, due_on=due, on=on + timedelta(days=more), paused=paused)
    # LAW-APL-73: a pause can only lower the surcharge.
    assert fee <= late_fee(fine, due_on=due, on=on)


@given(due=_days, late=st.integers(min_value=-5, max_value=120), paused=_pauses)
def test_late_fee_days_equal_a_day_by_day_count_law_apl_73(due, late, paused):
    on = due + timedelta(days=late)
    paused_days = {
        start + timedelta(days=i) for start, end in paused for i in range((end - start).days + 1)
    }
    expected = sum(
        1 for i in range(1, max(late, 0) + 1) if due + timedelta(days=i) not in paused_days
    )
    assert late_fee_days(due, on, paused=paused) == expected


# --- The rule registry ----------------------------------------------------------------------


def test_every_deadline_rule_has_a_label_and_deadline_carries_it():
    assert {
        "SAMR-PROC-18",
        "LAW-APL-60",
        "SAMR-PROC-57",
        "LAW-APL-64(一)",
        "LAW-APL-64(二)",
        "LAW-APL-61",
        "LAW-APL-67",
        "LAW-APL-56",
        "SAMR-PROC-70",
        "SAMR-PROC-77",
        "LAW-ACL-25",
        "SAMR-PROC-55",
        "LAW-APL-72",
    } <= set(DEADLINE_RULES)
    deadline = Deadline.for_rule("LAW-APL-61", date(2025, 10, 15))
    assert deadline.rule == "LAW-APL-61"
    assert str(deadline.label) == str(DEADLINE_RULES["LAW-APL-61"])
    assert deadline.due_on == date(2025, 10, 15)
    with pytest.raises(ValueError, match="LAW-UNKNOWN-0"):
        Deadline.for_rule("LAW-UNKNOWN-0", date(2025, 10, 15))
