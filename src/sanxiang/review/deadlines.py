"""The review's own dates, each computed by one function citing its rule (DESIGN decision 8)."""

from __future__ import annotations

import datetime

from sanxiang.core.workdays import WorkdayCalendar

__all__ = ["filing_due", "reminder_day"]


def filing_due(
    decided_on: datetime.date,
    *,
    days: int = 10,
    working_days: bool = False,
    calendar: WorkdayCalendar | None = None,
) -> datetime.date:
    """Last day to file a major decision with the supervising legal office (TJ-SUP-14).

    "于行政执法决定作出后10日内，向本级人民政府法制机构备案". Whether these are calendar or working
    days is UNCONFIRMED: by default calendar days, the start day not counted and a last day off
    rolled to the next working day (CNT-SAMR-80/84); `working_days` counts working days.
    """
    cal = calendar or WorkdayCalendar()
    # TJ-SUP-14: 10 days after the decision.
    if working_days:
        return cal.add_working_days(decided_on, days)
    return cal.add_calendar_days_rolled(decided_on, days)


def reminder_day(
    due_on: datetime.date, *, working_days_before: int, calendar: WorkdayCalendar | None = None
) -> datetime.date:
    """The day a reminder goes out: `working_days_before` working days before `due_on`
    (GUO-118-14: the agency sets the time limit and the reminders that keep it)."""
    cal = calendar or WorkdayCalendar()
    day = due_on
    remaining = working_days_before
    while remaining > 0:
        day -= datetime.timedelta(days=1)
        if cal.is_working_day(day):
            remaining -= 1
    return day
