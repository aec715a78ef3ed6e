"""Choices that depend on the case or the user: the agency's officers, heads, power items, tiers.

Every queryset is narrowed to the agency of the case (or of the acting user), so a form can
never offer another agency's officer or power item.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from sanxiang.cases.certification import certificate_on
from sanxiang.cases.forms.base import today
from sanxiang.core.money import format_yuan_cn
from sanxiang.registry.models import (
    ActType,
    Department,
    DiscretionTier,
    Officer,
    Role,
    User,
)
from sanxiang.registry.selectors import PowerItemFilters, power_item_list

__all__ = [
    "OfficerChoiceField",
    "OfficerMultipleChoiceField",
    "TierChoiceField",
    "agency_heads",
    "agency_officers",
    "departments",
    "power_items",
]


def agency_officers(agency_id: int | None) -> QuerySet[Officer]:
    """The active officers of the agency with their certificates (for the labels)."""
    if agency_id is None:
        return Officer.objects.none()
    return (
        Officer.objects.filter(agency_id=agency_id, is_active=True)
        .prefetch_related("certificates")
        .order_by("name", "pk")
    )


def agency_heads(agency_id: int | None) -> QuerySet[User]:
    """The agency heads (机关负责人) who approve preservation, seizure and deliberations."""
    if agency_id is None:
        return User.objects.none()
    return User.objects.filter(agency_id=agency_id, role=Role.AGENCY_HEAD, is_active=True).order_by(
        "full_name", "username"
    )


def departments(agency_id: int | None) -> QuerySet[Department]:
    if agency_id is None:
        return Department.objects.none()
    return Department.objects.filter(agency_id=agency_id).order_by("name", "pk")


def power_items(user: User, agency_id: int | None, act_types: tuple[str, ...]) -> QuerySet[Any]:
    """Active power items of the agency of these act types (the registry's published list)."""
    items = power_item_list(user=user, filters=PowerItemFilters(agency_id=agency_id))
    return items.filter(act_type__in=act_types)


def _officer_label(officer: Officer) -> str:
    certificate = certificate_on(officer, today())
    if certificate is None:
        return officer.name
    return f"{officer.name} · {certificate.number}"


class OfficerChoiceField(forms.ModelChoiceField[Officer]):
    def label_from_instance(self, obj: Officer) -> str:
        return _officer_label(obj)


class OfficerMultipleChoiceField(forms.ModelMultipleChoiceField[Officer]):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Officer) -> str:
        return _officer_label(obj)


class TierChoiceField(forms.ModelChoiceField[DiscretionTier]):
    """A tier shown with its circumstance and fine range, so the range is in sight."""

    widget = forms.RadioSelect

    def label_from_instance(self, obj: DiscretionTier) -> str:
        parts = [obj.level, obj.circumstance]
        fine = obj.fine_range_text()
        if fine:
            parts.append(fine)
        return " · ".join(part for part in parts if part)


def penalty_item_types() -> tuple[str, ...]:
    return (ActType.PENALTY,)


def yuan_text(fen: int | None) -> str:
    return "" if fen is None else format_yuan_cn(fen)
