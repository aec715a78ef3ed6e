"""Reads of power items (权责清单) and discretion standards (裁量基准).

Both are published before enforcement (GUO-118-04, LAW-APL-34, TJ-SUP-12/13), so every user
sees the active ones of every agency; inactive ones only inside the private scope.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from sanxiang.core.access import get_or_not_found
from sanxiang.registry.access import (
    AnyUser,
    private_scope,
    visible_discretion_standards,
    visible_power_items,
)
from sanxiang.registry.models import (
    ActType,
    DiscretionStandard,
    DiscretionTier,
    PowerItem,
    PowerItemBasis,
)


@dataclass(frozen=True)
class PowerItemFilters:
    agency_id: int | None = None
    act_type: ActType | str | None = None
    q: str | None = None  # code or name contains
    include_inactive: bool = False  # honoured only inside the private scope


def _basis_prefetch() -> Prefetch:
    return Prefetch(
        "basis_links",
        queryset=PowerItemBasis.objects.select_related("provision__law").order_by(
            "kind", "provision__law__title", "provision__article", "pk"
        ),
    )


def _tiers_prefetch() -> Prefetch:
    return Prefetch("tiers", queryset=DiscretionTier.objects.order_by("order"))


def power_item_list(
    *, user: AnyUser, filters: PowerItemFilters | None = None
) -> QuerySet[PowerItem]:
    """Visible power items ordered by agency and code, with their agency joined."""
    filters = filters or PowerItemFilters()
    scope = private_scope(user)
    items = visible_power_items(user, scope=scope)
    if not filters.include_inactive:
        items = items.filter(is_active=True)
    if filters.agency_id is not None:
        items = items.filter(agency_id=filters.agency_id)
    if filters.act_type:
        items = items.filter(act_type=filters.act_type)
    term = (filters.q or "").strip()
    if term:
        items = items.filter(Q(code__icontains=term) | Q(name__icontains=term))
    return items.select_related("agency").order_by("agency__name", "code", "pk")


def power_item_list_with_basis(
    *, user: AnyUser, filters: PowerItemFilters | None = None
) -> QuerySet[PowerItem]:
    """`power_item_list` with the legal basis prefetched (spreadsheet export: 2 queries)."""
    return power_item_list(user=user, filters=filters).prefetch_related(_basis_prefetch())


def power_item_get(*, user: AnyUser, power_item_id: int) -> PowerItem:
    """One power item with its legal basis and its visible discretion standards and tiers."""
    items = (
        visible_power_items(user)
        .select_related("agency")
        .prefetch_related(
            _basis_prefetch(),
            Prefetch(
                "discretion_standards",
                queryset=DiscretionStandard.objects.order_by("code").prefetch_related(
                    _tiers_prefetch()
                ),
            ),
        )
    )
    return get_or_not_found(items, pk=power_item_id)


def discretion_standard_list(
    *, user: AnyUser, agency_id: int | None = None, include_inactive: bool = False
) -> QuerySet[DiscretionStandard]:
    """Visible standards with power item, agency and tiers (constant query count)."""
    standards = visible_discretion_standards(user)
    if not include_inactive:
        standards = standards.filter(power_item__is_active=True)
    if agency_id is not None:
        standards = standards.filter(power_item__agency_id=agency_id)
    return (
        standards.select_related("power_item__agency")
        .prefetch_related(_tiers_prefetch())
        .order_by("code")
    )


def discretion_standard_get(*, user: AnyUser, standard_id: int) -> DiscretionStandard:
    """One standard with its tiers in order (LAW-APL-34); 404 if its item is not visible."""
    standards = (
        visible_discretion_standards(user)
        .select_related("power_item__agency")
        .prefetch_related(_tiers_prefetch())
    )
    return get_or_not_found(standards, pk=standard_id)
