"""Reads of publicity: the public portal (published data only) and the staff workbench.

Public selectors never take the request's user: they read as an anonymous visitor
(`AnonymousUser`), so a signed-in officer browsing the portal sees exactly what the public
sees. Only `status = published` publications expose their public text; withdrawn ones expose
their withdrawal notice (title, ground, reason); nothing exposes `source_*` or masks.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Model, Prefetch, Q, QuerySet
from django.utils import timezone

from sanxiang.core.access import get_or_not_found
from sanxiang.publicity.access import publication_scope
from sanxiang.publicity.models import (
    Delegation,
    DisclosureItem,
    Publication,
    PublicationStatus,
    ReportStatus,
    SpotCheckItem,
    YearlyReport,
)
from sanxiang.registry.access import (
    visible_agencies,
    visible_discretion_standards,
    visible_officers,
    visible_power_items,
)
from sanxiang.registry.models import (
    Agency,
    Certificate,
    DiscretionStandard,
    DiscretionTier,
    Officer,
    PowerItem,
    User,
)

PUBLIC = AnonymousUser()
S = PublicationStatus


def published_publications() -> QuerySet[Publication]:
    return Publication.objects.filter(status=S.PUBLISHED).select_related("agency")


def public_publication_get(*, publication_id: object) -> Publication:
    """A published publication, or a withdrawn one (shown as its withdrawal notice only)."""
    return get_or_not_found(
        Publication.objects.filter(status__in=[S.PUBLISHED, S.WITHDRAWN])
        .select_related("agency")
        .prefetch_related("changes"),
        pk=publication_id,
    )


def withdrawn_publications() -> QuerySet[Publication]:
    return (
        Publication.objects.filter(status=S.WITHDRAWN)
        .select_related("agency")
        .order_by("-withdrawn_on", "-id")
    )


def latest_published(*, agency_id: int | None = None, limit: int = 20) -> list[Publication]:
    rows = published_publications()
    if agency_id is not None:
        rows = rows.filter(agency_id=agency_id)
    return list(rows.order_by("-id")[:limit])


def public_agencies() -> QuerySet[Agency]:
    return visible_agencies(PUBLIC).select_related("region").order_by("name")


def public_agency_get(*, agency_id: object) -> Agency:
    return get_or_not_found(public_agencies(), pk=agency_id)


def public_officers(*, agency: Agency) -> QuerySet[Officer]:
    return (
        visible_officers(PUBLIC)
        .filter(agency=agency)
        .prefetch_related(Prefetch("certificates", queryset=Certificate.objects.order_by("number")))
        .order_by("name", "pk")
    )


def public_power_items(*, agency: Agency) -> QuerySet[PowerItem]:
    return (
        visible_power_items(PUBLIC)
        .filter(agency=agency)
        .prefetch_related("basis_links__provision__law")
        .order_by("code")
    )


def public_discretion_standards(*, agency: Agency) -> QuerySet[DiscretionStandard]:
    today = timezone.localdate()
    return (
        visible_discretion_standards(PUBLIC)
        .filter(power_item__agency=agency, effective_from__lte=today)
        .select_related("power_item")
        .prefetch_related(Prefetch("tiers", queryset=DiscretionTier.objects.order_by("order")))
        .order_by("code")
    )


def catalogue(*, agency: Agency) -> QuerySet[DisclosureItem]:
    return DisclosureItem.objects.filter(agency=agency)


def delegations(*, agency: Agency) -> QuerySet[Delegation]:
    return Delegation.objects.filter(agency=agency)


def spot_check_items(*, agency: Agency) -> QuerySet[SpotCheckItem]:
    return SpotCheckItem.objects.filter(agency=agency)


def published_reports(*, agency: Agency | None = None) -> QuerySet[YearlyReport]:
    rows = YearlyReport.objects.filter(status=ReportStatus.PUBLISHED).select_related("agency")
    return rows.filter(agency=agency) if agency is not None else rows


def published_report_get(*, report_id: object) -> YearlyReport:
    return get_or_not_found(published_reports(), pk=report_id)


def last_changed(
    models: Iterable[type[Model]],
    rows: Iterable[QuerySet[Any]] = (),
) -> datetime.datetime | None:
    """When the data of a page last changed (GUO-118-04 "动态调整"): the latest admin change
    of its models (master data is kept in the admin) or `updated_at` of its own rows."""
    types = [ContentType.objects.get_for_model(m) for m in models]
    stamps = [
        LogEntry.objects.filter(content_type__in=types).aggregate(at=Max("action_time"))["at"]
    ]
    stamps.extend(qs.aggregate(at=Max("updated_at"))["at"] for qs in rows)
    found = [s for s in stamps if s is not None]
    return max(found) if found else None


@dataclass(frozen=True)
class WorkbenchCounts:
    collecting: int
    reviewing: int
    approved: int
    overdue: int
    withdrawal_overdue: int


def workbench_rows(*, user: User, status: str = "") -> QuerySet[Publication]:
    rows = publication_scope(user).select_related("case", "collected_by", "reviewed_by")
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("due_on", "id")


def workbench_counts(*, user: User, today: datetime.date) -> WorkbenchCounts:
    rows = publication_scope(user)
    open_states = [S.COLLECTING, S.REVIEWING, S.APPROVED]
    return WorkbenchCounts(
        collecting=rows.filter(status=S.COLLECTING).count(),
        reviewing=rows.filter(status=S.REVIEWING).count(),
        approved=rows.filter(status=S.APPROVED).count(),
        overdue=rows.filter(status__in=open_states, due_on__lt=today).count(),
        withdrawal_overdue=rows.filter(
            status=S.PUBLISHED, withdraw_due_on__lt=today, withdrawn_on__isnull=True
        ).count(),
    )


def publications_overdue(*, today: datetime.date) -> QuerySet[Publication]:
    """Every agency's overdue publications and withdrawals, for supervision alerts
    (GUO-118-06a/b, LAW-APL-48)."""
    late_publication = Q(status__in=[S.COLLECTING, S.REVIEWING, S.APPROVED], due_on__lt=today)
    late_withdrawal = Q(status=S.PUBLISHED, withdraw_due_on__lt=today)
    return Publication.objects.filter(late_publication | late_withdrawal).select_related("agency")
