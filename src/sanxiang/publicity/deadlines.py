"""Publication deadlines and display periods (pure functions, each citing its rule id)."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from sanxiang.core.workdays import add_working_days
from sanxiang.registry.models import ActType, PenaltyType

__all__ = [
    "Due",
    "add_months",
    "display_months",
    "publication_due",
    "withdrawal_due",
    "yearly_report_due",
]


@dataclass(frozen=True)
class Due:
    on: datetime.date
    rule: str


def publication_due(
    *,
    act_type: str,
    is_penalty: bool,
    decided_on: datetime.date,
    strict_days: int = 7,
    general_days: int = 20,
) -> Due:
    """The day a decision must be published by.

    GUO-118-06b: penalty and licensing decisions within 7 working days of the decision;
    GUO-118-06a: every other enforcement decision (inspection results, a decision not to
    penalise, …) within 20 working days. The decision day itself is not counted (CNT-SAMR-80).
    """
    if act_type == ActType.LICENSING or (act_type == ActType.PENALTY and is_penalty):
        return Due(add_working_days(decided_on, strict_days), "GUO-118-06b")
    return Due(add_working_days(decided_on, general_days), "GUO-118-06a")


def withdrawal_due(*, started_on: datetime.date, days: int = 3) -> Due:
    """LAW-APL-48 / SAMR-PUB-11: a published decision that is changed, revoked, confirmed
    illegal or void is withdrawn within 3 working days, with a published reason."""
    return Due(add_working_days(started_on, days), "LAW-APL-48")


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` plus `months` calendar months, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


SHORT_DISPLAY_TYPES = frozenset({PenaltyType.WARNING, PenaltyType.PUBLIC_CRITICISM})


def is_short_display(*, penalty_types: list[str], fine_fen: int, low_fine_fen: int) -> bool:
    """SAMR-PUB-13: only public criticism (or a warning) or a lower fine → short period.

    A decision with any other penalty (confiscation, suspension, revocation…) is long.
    """
    types = set(penalty_types)
    if not types:
        return False
    if types <= SHORT_DISPLAY_TYPES:
        return True
    return types <= (SHORT_DISPLAY_TYPES | {PenaltyType.FINE}) and fine_fen <= low_fine_fen


def display_months(
    *, act_type: str, short: bool, short_months: int, long_months: int, other_months: int
) -> int:
    """SAMR-PUB-13: 3 months for criticism or a lower fine, 3 years for other penalties;
    other acts use the agency's configured period."""
    if act_type != ActType.PENALTY:
        return other_months
    return short_months if short else long_months


def yearly_report_due(year: int) -> datetime.date:
    """GUO-118-06d: the statistics of `year` are published by 31 January of the next year."""
    return datetime.date(year + 1, 1, 31)
