"""Reads behind the workspace dashboards that `registry.selectors` does not offer yet.

Each takes the user and narrows to what that user may see: their own officer record, their own
agency, the agencies in a supervisor's scope (`registry.access.private_scope`). An
administrator's master-data counts are the only platform-wide read. They belong with the
registry's selectors and should move there; the dashboards then import them from there.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, Prefetch, Q, Sum

from sanxiang.core.errors import PermissionDeniedError
from sanxiang.core.models import CalendarDay
from sanxiang.registry.access import is_administrator, private_scope
from sanxiang.registry.models import (
    Agency,
    Certificate,
    CertificateStatus,
    DiscretionStandard,
    Law,
    MajorDecisionRule,
    Officer,
    PowerItem,
    RecordingDevice,
    Role,
    TrainingRecord,
    User,
)
from sanxiang.registry.selectors import agency_list

MASTER_DATA_MODELS: tuple[type[models.Model], ...] = (
    Agency,
    Officer,
    Certificate,
    RecordingDevice,
    Law,
    PowerItem,
    DiscretionStandard,
    MajorDecisionRule,
    CalendarDay,
)


def officer_get_own(*, user: User) -> Officer | None:
    """The officer record linked to `user`, with agency, department and certificates.

    Everyone may read their own record in full, whatever their role: a counsel has no private
    scope (`registry.access`) yet must see their own qualification. Certificates come newest
    expiry first, so the one an officer works under leads the list.
    """
    return (
        Officer.objects.select_related("agency", "department")
        .prefetch_related(
            Prefetch("certificates", queryset=Certificate.objects.order_by("-expires_on", "number"))
        )
        .filter(user=user)
        .first()
    )


def training_hours_get(*, officer: Officer, year: int) -> int:
    """Legal-training hours of `officer` (the caller's own record) in `year` (TJ-SUP-10)."""
    total = TrainingRecord.objects.filter(officer=officer, year=year).aggregate(hours=Sum("hours"))[
        "hours"
    ]
    return int(total or 0)


def agency_active_officer_count(*, agency: Agency) -> int:
    """Active officers of `agency` (the caller passes the user's own agency)."""
    return Officer.objects.filter(agency=agency, is_active=True).count()


def certificate_list_expiring(
    *, agency: Agency, today: datetime.date, within_days: int
) -> list[Certificate]:
    """Valid certificates of `agency`'s active officers expiring within `within_days`.

    Soonest first, officer joined. The caller passes the user's own agency: nothing of any
    other agency is read.
    """
    return list(
        Certificate.objects.select_related("officer")
        .filter(
            officer__agency=agency,
            officer__is_active=True,
            status=CertificateStatus.VALID,
            expires_on__gte=today,
            expires_on__lte=today + datetime.timedelta(days=within_days),
        )
        .order_by("expires_on", "number")
    )


@dataclass(frozen=True)
class SupervisedAgency:
    agency: Agency
    officer_count: int


def supervised_agency_list(*, user: User) -> list[SupervisedAgency]:
    """Active agencies a supervisor's office supervises (any depth), with active officers.

    The office itself is left out. Any other role, or a supervisor without an office, gets an
    empty list.
    """
    if user.role != Role.SUPERVISOR or user.agency_id is None:
        return []
    scope = private_scope(user)
    agencies = (
        agency_list(user=user)
        .filter(scope.q("id"))
        .exclude(pk=user.agency_id)
        .annotate(active_officers=Count("officers", filter=Q(officers__is_active=True)))
        .order_by("name", "pk")
    )
    return [SupervisedAgency(agency, agency.active_officers) for agency in agencies]


def master_data_count_list(*, user: User) -> list[tuple[type[models.Model], int]]:
    """Rows in each master-data table: administrators only (platform-wide)."""
    if not is_administrator(user):
        raise PermissionDeniedError()
    return [(model, model._default_manager.count()) for model in MASTER_DATA_MODELS]
