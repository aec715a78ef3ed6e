"""Working days (工作日) and period arithmetic for legal deadlines (DESIGN.md decision 8).

Legal basis:

- CNT-APL-85, CNT-ACL-69, CNT-ALL-82: short periods count working days, "不含法定节假日", so a
  deadline engine needs the real State Council holiday arrangement, make-up working days
  (调休工作日) included.
- CNT-SAMR-80/84: "期间开始的时或者日不计算在内" — the start day is excluded, so
  `add_working_days(start, n)` is the n-th working day *after* `start`; and "期间届满的最后一日
  为法定节假日的，以法定节假日后的第一日为期间届满的日期" — a calendar-day period ending on a
  day off ends on the next working day (`add_calendar_days_rolled`). A weekend that is not a
  make-up working day counts as such a day off, as in court practice for the same wording.

Where the answer comes from, for one date:

1. a `CalendarDay` row for that date (an administrator's override) wins;
2. otherwise, in a year `chinese_calendar` covers, the library decides;
3. otherwise the year must have a `CalendarYear` row (the administrator has entered all its
   holidays and make-up days): then Monday–Friday are working days and weekends are not;
4. otherwise `ApplicationError` with code `calendar.year_not_maintained` naming the year. A
   deadline is never silently guessed from weekends alone.

A `WorkdayCalendar` loads each year's overrides once (one or two queries per year touched) and
keeps them for its lifetime; reuse one instance to compute many deadlines. The module-level
functions make a fresh instance per call, so they always see the current overrides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

import chinese_calendar
from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError
from sanxiang.core.models import CalendarDay, CalendarYear

__all__ = [
    "WorkdayCalendar",
    "add_calendar_days_rolled",
    "add_working_days",
    "is_working_day",
    "library_covers_year",
    "next_working_day",
    "roll_forward_to_working_day",
    "unmaintained_years",
    "working_days_between",
]

_ONE_DAY = timedelta(days=1)


@cache
def library_covers_year(year: int) -> bool:
    """Whether the installed `chinese_calendar` has the holiday arrangement for `year`.

    The library signals an unknown year only by raising `NotImplementedError` (it decides by
    the range of years in its holiday table), so we ask it about 1 January of that year.
    """
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class _YearCalendar:
    covered_by_library: bool
    # date -> True for a make-up working day, False for a holiday
    overrides: dict[date, bool]


class WorkdayCalendar:
    """Working-day arithmetic over `chinese_calendar` plus administrators' overrides.

    Holds each year's `CalendarDay` overrides after first use, so a long computation costs
    O(1) queries per year touched, not one per day. The cache is not invalidated: create a new
    instance for each request or batch so that edits by administrators are seen.
    """

    def __init__(self) -> None:
        self._years: dict[int, _YearCalendar] = {}

    def is_working_day(self, day: date) -> bool:
        """Whether `day` is a working day (see the module docstring for the precedence)."""
        _require_date(day)
        year = self._year(day.year)
        override = year.overrides.get(day)
        if override is not None:
            return override
        if year.covered_by_library:
            return bool(chinese_calendar.is_workday(day))
        # A maintained year outside the library: its holidays and make-up days are all rows.
        return day.weekday() < 5

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (CNT-SAMR-80/84: `start` itself is not counted).

        `n == 0` returns `start` unchanged. A negative `n` is refused (`calendar.negative_period`).
        """
        _require_date(start)
        _require_non_negative(n)
        day = start
        remaining = n
        while remaining:
            day += _ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Number of working days in (start, end]: `start` excluded, `end` included.

        So `working_days_between(s, add_working_days(s, n)) == n`. Returns 0 when `end` is not
        after `start`.
        """
        _require_date(start)
        _require_date(end)
        count = 0
        day = start + _ONE_DAY
        while day <= end:
            if self.is_working_day(day):
                count += 1
            day += _ONE_DAY
        return count

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        return self.add_working_days(day, 1)

    def roll_forward_to_working_day(self, day: date) -> date:
        """`day` itself if it is a working day, else the next working day (CNT-SAMR-80)."""
        return day if self.is_working_day(day) else self.next_working_day(day)

    def add_calendar_days_rolled(self, start: date, n: int) -> date:
        """End of a period of `n` calendar days from `start` (CNT-SAMR-80/84).

        The start day is excluded, so the last day is `start + n`; if that day is not a working
        day the period ends on the next working day. A negative `n` is refused.
        """
        _require_date(start)
        _require_non_negative(n)
        return self.roll_forward_to_working_day(start + timedelta(days=n))

    def _year(self, year: int) -> _YearCalendar:
        cached = self._years.get(year)
        if cached is None:
            cached = self._years[year] = _load_year(year)
        return cached


def _load_year(year: int) -> _YearCalendar:
    covered = library_covers_year(year)
    if not covered and not CalendarYear.objects.filter(year=year).exists():
        # Never a silent guess: without the year's holidays every deadline in it could be wrong.
        raise ApplicationError(
            _(
                "Working days in %(year)s are not known: an administrator must enter that "
                "year's holidays and make-up working days and mark the year as maintained."
            )
            % {"year": year},
            code="calendar.year_not_maintained",
            extra={"year": year},
        )
    rows = CalendarDay.objects.filter(
        date__gte=date(year, 1, 1), date__lte=date(year, 12, 31)
    ).values_list("date", "kind")
    overrides = {day: kind == CalendarDay.Kind.WORKDAY for day, kind in rows}
    return _YearCalendar(covered_by_library=covered, overrides=overrides)


def unmaintained_years(*, today: date, horizon_days: int = 180) -> list[int]:
    """Years from `today` to `today + horizon_days` whose working days are not known.

    Legal periods reach months ahead (90 days to decide, LAW-APL-60; 3-year display periods),
    so administrators are warned before a deadline in such a year is refused with
    `calendar.year_not_maintained`. The State Council announces the next year's holidays
    each November; entering them and marking the year maintained clears the warning.
    """
    last = today + timedelta(days=horizon_days)
    candidates = [
        year for year in range(today.year, last.year + 1) if not library_covers_year(year)
    ]
    maintained = set(
        CalendarYear.objects.filter(year__in=candidates).values_list("year", flat=True)
    )
    return [year for year in candidates if year not in maintained]


def _require_date(day: date) -> None:
    # A datetime is a date subclass but never equal to one, so it would silently miss every
    # override; the caller must choose the local calendar day first.
    if isinstance(day, datetime):
        raise TypeError("Working-day functions take a date; use timezone.localdate(value)")


def _require_non_negative(n: int) -> None:
    if n < 0:
        raise ApplicationError(
            _("A period cannot be %(days)s days long.") % {"days": n},
            code="calendar.negative_period",
            extra={"days": n},
        )


def is_working_day(day: date) -> bool:
    """Whether `day` is a working day. See `WorkdayCalendar.is_working_day`."""
    return WorkdayCalendar().is_working_day(day)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start`. See `WorkdayCalendar.add_working_days`."""
    return WorkdayCalendar().add_working_days(start, n)


def working_days_between(start: date, end: date) -> int:
    """Working days in (start, end]. See `WorkdayCalendar.working_days_between`."""
    return WorkdayCalendar().working_days_between(start, end)


def next_working_day(day: date) -> date:
    """The first working day after `day`. See `WorkdayCalendar.next_working_day`."""
    return WorkdayCalendar().next_working_day(day)


def roll_forward_to_working_day(day: date) -> date:
    """`day`, or the next working day if it is a day off (CNT-SAMR-80)."""
    return WorkdayCalendar().roll_forward_to_working_day(day)


def add_calendar_days_rolled(start: date, n: int) -> date:
    """End of an n-calendar-day period (CNT-SAMR-80/84). See the `WorkdayCalendar` method."""
    return WorkdayCalendar().add_calendar_days_rolled(start, n)
