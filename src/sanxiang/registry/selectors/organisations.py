"""Reads of agencies and accounts, and the staffing indicators the supervision pages show.

The indicator selectors (`reviewer_staffing`, `device_ratio`, `officers_short_of_training`)
take an `Agency` the caller has already obtained through `access_agency` or the user's own
account: they compute figures about it and return no personal data beyond officers' names.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from sanxiang.core.access import get_or_not_found
from sanxiang.registry.access import AnyUser, visible_agencies
from sanxiang.registry.models import (
    Agency,
    CertificateStatus,
    Department,
    DeviceStatus,
    DeviceType,
    Officer,
    RecordingDevice,
    Role,
    User,
)
from sanxiang.registry.models.officers import REQUIRED_TRAINING_HOURS_PER_YEAR

# GUO-118-11: reviewers "原则上" at least 5% of the enforcement headcount. A province may set
# its own share, so it is configuration (legal-rules.md preamble), in whole percent.
DEFAULT_REVIEWER_MIN_PERCENT = 5
# Target for portable recording devices: one for every four officers. No rule id sets this
# figure; it is a configurable planning target (SANXIANG_OFFICERS_PER_DEVICE).
DEFAULT_OFFICERS_PER_DEVICE = 4


def _ceil_div(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)


@dataclass(frozen=True)
class ReviewerStaffing:
    """GUO-118-11 staffing check for one agency."""

    certified_officers: int
    reviewers: int
    reviewers_required: int

    @property
    def shortfall(self) -> int:
        return max(0, self.reviewers_required - self.reviewers)

    @property
    def meets_requirement(self) -> bool:
        return self.shortfall == 0


@dataclass(frozen=True)
class DeviceRatio:
    """Portable recording devices in service against the one-per-four target (GUO-118-08)."""

    devices_in_service: int
    officers: int
    devices_required: int

    @property
    def devices_per_officer(self) -> Decimal:
        if not self.officers:
            return Decimal("0.00")
        ratio = Decimal(self.devices_in_service) / Decimal(self.officers)
        return ratio.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def meets_target(self) -> bool:
        return self.devices_in_service >= self.devices_required


@dataclass(frozen=True)
class TrainingShortfall:
    """An officer below the TJ-SUP-10 yearly training minimum."""

    officer_id: int
    name: str
    hours: int
    missing_hours: int


def agency_list(*, user: AnyUser) -> QuerySet[Agency]:
    """Agencies (public: active ones; administrators also inactive), region and office joined."""
    return (
        visible_agencies(user)
        .select_related("region", "supervising_body")
        .order_by("region_id", "name")
    )


def agency_list_with_departments(*, user: AnyUser) -> QuerySet[Agency]:
    """`agency_list` with the parent agency and the departments (by name) loaded: the agency
    sheet. Four queries whatever the number of agencies."""
    return (
        agency_list(user=user)
        .select_related("parent")
        .prefetch_related(Prefetch("departments", queryset=Department.objects.order_by("name")))
    )


def agency_get(*, user: AnyUser, agency_id: int) -> Agency:
    return get_or_not_found(agency_list(user=user), pk=agency_id)


def user_profile_get(*, user: User) -> User:
    """The signed-in account with its agency and department (the /me answer)."""
    return User.objects.select_related("agency", "department").get(pk=user.pk)


def certified_officers(*, agency: Agency, day: datetime.date | None = None) -> QuerySet[Officer]:
    """Active officers of `agency` holding a certificate valid on `day` (LAW-APL-42)."""
    day = day or timezone.localdate()
    valid = Q(
        certificates__status=CertificateStatus.VALID,
        certificates__issued_on__lte=day,
        certificates__expires_on__gte=day,
    )
    return Officer.objects.filter(valid, agency=agency, is_active=True).distinct()


def reviewer_staffing(*, agency: Agency, day: datetime.date | None = None) -> ReviewerStaffing:
    """Legal reviewers needed = ceil(5% × certified officers) (GUO-118-11): 212 → 11.

    Reviewers are the agency's active accounts with the legal-reviewer role.
    """
    percent: int = getattr(settings, "SANXIANG_REVIEWER_MIN_PERCENT", DEFAULT_REVIEWER_MIN_PERCENT)
    officers = certified_officers(agency=agency, day=day).count()
    reviewers = User.objects.filter(agency=agency, role=Role.LEGAL_REVIEWER, is_active=True).count()
    return ReviewerStaffing(
        certified_officers=officers,
        reviewers=reviewers,
        reviewers_required=_ceil_div(officers * percent, 100),
    )


def device_ratio(*, agency: Agency, day: datetime.date | None = None) -> DeviceRatio:
    """Portable devices in service per certified officer against one device per four officers.

    Fixed monitoring devices (LAW-APL-41) are installed, not carried, so they do not count.
    """
    per_device: int = getattr(settings, "SANXIANG_OFFICERS_PER_DEVICE", DEFAULT_OFFICERS_PER_DEVICE)
    officers = certified_officers(agency=agency, day=day).count()
    devices = (
        RecordingDevice.objects.filter(agency=agency, status=DeviceStatus.IN_SERVICE)
        .exclude(device_type=DeviceType.FIXED_MONITORING)
        .count()
    )
    return DeviceRatio(
        devices_in_service=devices,
        officers=officers,
        devices_required=_ceil_div(officers, per_device),
    )


def officers_short_of_training(*, agency: Agency, year: int) -> list[TrainingShortfall]:
    """Active officers of `agency` with fewer than 40 training hours in `year` (TJ-SUP-10).

    An officer without a record for the year has 0 hours. One query.
    """
    officers = (
        Officer.objects.filter(agency=agency, is_active=True)
        .annotate(hours=Coalesce(Sum("training__hours", filter=Q(training__year=year)), 0))
        .filter(hours__lt=REQUIRED_TRAINING_HOURS_PER_YEAR)
        .order_by("hours", "name", "pk")
    )
    return [
        TrainingShortfall(
            officer_id=officer.pk,
            name=officer.name,
            hours=officer.hours,
            missing_hours=REQUIRED_TRAINING_HOURS_PER_YEAR - officer.hours,
        )
        for officer in officers
    ]
