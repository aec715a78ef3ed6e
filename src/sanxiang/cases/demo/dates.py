"""The demo's calendar: the day it is written against and working-day steps between acts.

Every date of the demo cases is derived from a case's first date by moving a number of working
days (`Clock.after`), so officers act on working days and the legal periods (CNT-APL-85,
CNT-SAMR-80/84) come out as the services compute them. `TODAY` is the registry demo's
reference day: nothing in the demo happens after it.
"""

from __future__ import annotations

import datetime

from sanxiang.core.workdays import WorkdayCalendar
from sanxiang.registry.demo.officers import REFERENCE_DAY

__all__ = ["FIRST_DAY", "LAST_FILING_DAY", "SHANGHAI", "TODAY", "Clock", "at"]

TODAY = REFERENCE_DAY  # 2026-11-30
FIRST_DAY = datetime.date(2025, 1, 6)
# The 90-day decision period (LAW-APL-60) of a case filed after this day ends in 2027, whose
# working days are not known yet (`calendar.year_not_maintained`): demo filings stay before it.
LAST_FILING_DAY = datetime.date(2026, 9, 30)
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def at(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """An aware datetime on `day` in Asia/Shanghai."""
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI)


class Clock:
    """Working-day arithmetic for one load (one `WorkdayCalendar`, loaded once per year)."""

    def __init__(self) -> None:
        self.calendar = WorkdayCalendar()

    def after(self, day: datetime.date, working_days: int) -> datetime.date:
        """The `working_days`-th working day after `day` (0: `day` itself, or the next working
        day if `day` is a day off)."""
        if working_days == 0:
            return self.calendar.roll_forward_to_working_day(day)
        return self.calendar.add_working_days(day, working_days)

    def before(self, day: datetime.date, working_days: int) -> datetime.date:
        """The `working_days`-th working day before `day`."""
        current = day
        remaining = working_days
        while remaining:
            current -= datetime.timedelta(days=1)
            if self.calendar.is_working_day(current):
                remaining -= 1
        return current

    def on_or_after(self, day: datetime.date) -> datetime.date:
        """`day`, or the next working day if it is a day off."""
        return self.calendar.roll_forward_to_working_day(day)

    def on_or_before(self, day: datetime.date) -> datetime.date:
        """`day`, or the working day before it if it is a day off."""
        return day if self.calendar.is_working_day(day) else self.before(day, 1)

    def days_before(self, day: datetime.date, days: int) -> datetime.date:
        """The working day on or before `days` calendar days before `day`."""
        return self.on_or_before(day - datetime.timedelta(days=days))

    def days_after(self, day: datetime.date, days: int) -> datetime.date:
        """The working day on or after `days` calendar days after `day`."""
        return self.on_or_after(day + datetime.timedelta(days=days))
