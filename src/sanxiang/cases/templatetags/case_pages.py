"""Template filters of the case pages: money in yuan, days left, labels of stored codes."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django import template
from django.utils import timezone

from sanxiang.cases.rules import HearingReason
from sanxiang.core.money import format_yuan_cn
from sanxiang.registry.models import PenaltyType

register = template.Library()


@register.filter
def yuan(fen: int | None) -> str:
    """Fen as written in decisions: 300000 → "3000元"; None → "—"."""
    return "—" if fen is None else format_yuan_cn(int(fen))


@register.filter
def days_left(day: datetime.date | None) -> int | None:
    """Days from today (Asia/Shanghai) to `day`; negative once it has passed."""
    if day is None:
        return None
    return (day - timezone.localdate()).days


@register.filter
def penalty_labels(codes: Iterable[str] | None) -> str:
    labels = dict(PenaltyType.choices)
    return "、".join(str(labels.get(code, code)) for code in codes or ())


@register.filter
def hearing_reason_labels(codes: Iterable[str] | None) -> str:
    labels = dict(HearingReason.choices)
    return "、".join(str(labels.get(code, code)) for code in codes or ())


@register.filter
def absolute(value: int | None) -> int | None:
    return None if value is None else abs(value)
