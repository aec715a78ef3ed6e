"""Every write of the registry (STYLE.md convention 2): `<entity>_<verb>`, keyword-only, atomic.

Each service checks the acting user's right, locks the row it changes, runs `full_clean()`
and saves only the fields it changed. The spreadsheet imports live in `registry.spreadsheets`
and are re-exported here so that callers have one entry point.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.registry.access import is_administrator, private_scope
from sanxiang.registry.models import (
    Certificate,
    CertificateStatus,
    RecordingDevice,
    Role,
    User,
)
from sanxiang.registry.spreadsheets import (
    agencies_export,
    agencies_import,
    discretion_standards_export,
    discretion_standards_import,
    officers_export,
    officers_import,
    power_items_export,
    power_items_import,
)

__all__ = [
    "agencies_export",
    "agencies_import",
    "certificate_set_status",
    "device_record_review",
    "discretion_standards_export",
    "discretion_standards_import",
    "officers_export",
    "officers_import",
    "power_items_export",
    "power_items_import",
]

# Statuses a person sets; "expired" follows from the expiry date alone.
_SETTABLE_STATUSES = frozenset(
    {CertificateStatus.VALID, CertificateStatus.SUSPENDED, CertificateStatus.REVOKED}
)


def certificate_set_status(
    *, certificate: Certificate, status: str, reason: str, acting_user: User
) -> Certificate:
    """Suspend, revoke or reinstate an enforcement certificate.

    Preconditions: the acting user is an administrator, or a supervisor whose scope covers the
    officer's agency (TJ-SUP-24: the supervising office may temporarily withdraw certificates;
    TJ-SUP-25/26: a failed yearly exam withdraws it). `status` is valid, suspended or revoked;
    suspending or revoking needs a reason; a revoked certificate stays revoked (a new one is
    issued instead). Effect: from now on `status_on` reports the new status, so LAW-APL-42
    checks refuse acts by an officer whose certificate is suspended or revoked.
    """
    if status not in _SETTABLE_STATUSES:
        raise ApplicationError(
            _("Expiry follows the expiry date; choose valid, suspended or revoked."),
            code="certificate.status_not_settable",
            extra={"fields": {"status": [_("Not a status that can be set.")]}},
        )
    reason = reason.strip()
    if status != CertificateStatus.VALID and not reason:
        raise ApplicationError(
            _("Give the reason for suspending or revoking the certificate."),
            code="certificate.reason_required",
            extra={"fields": {"reason": [_("This field is required.")]}},
        )
    with transaction.atomic():
        locked = (
            Certificate.objects.select_for_update().select_related("officer").get(pk=certificate.pk)
        )
        if not _may_set_certificate_status(acting_user, locked.officer.agency_id):
            raise PermissionDeniedError(
                _("Only an administrator or the supervising office may change a certificate.")
            )
        if locked.status == CertificateStatus.REVOKED and status != CertificateStatus.REVOKED:
            raise ApplicationError(
                _("A revoked certificate cannot be reinstated; issue a new one."),
                code="certificate.revoked_final",
            )
        locked.status = status
        locked.status_reason = reason
        locked.status_changed_at = timezone.now()
        locked.status_changed_by = acting_user
        locked.full_clean()
        locked.save(
            update_fields=["status", "status_reason", "status_changed_at", "status_changed_by"]
        )
    return locked


def _may_set_certificate_status(user: User, agency_id: int) -> bool:
    if is_administrator(user):
        return True
    return user.role == Role.SUPERVISOR and private_scope(user).covers(agency_id)


def device_record_review(
    *,
    device: RecordingDevice,
    legal_review_passed_on: datetime.date | None,
    technical_review_passed_on: datetime.date | None,
    location: str,
    location_published: bool,
    acting_user: User,
) -> RecordingDevice:
    """Record the legal and technical review and the published location of a device.

    LAW-APL-41: an electronic monitoring device "应当经过法制和技术审核……设置地点应当向社会
    公布"; until both reviews are recorded and the location is published, `review_passed` is
    false and its recordings cannot be penalty evidence. Preconditions: the acting user is an
    administrator or the head of the device's agency; review dates are not in the future; a
    published location is not empty. A `None` date clears that review (e.g. a failed re-check).
    """
    if not (
        is_administrator(acting_user)
        or (acting_user.role == Role.AGENCY_HEAD and acting_user.agency_id == device.agency_id)
    ):
        raise PermissionDeniedError(
            _("Only an administrator or the agency head may record a device review.")
        )
    today = timezone.localdate()
    fields: dict[str, list[str]] = {}
    for name, day in (
        ("legal_review_passed_on", legal_review_passed_on),
        ("technical_review_passed_on", technical_review_passed_on),
    ):
        if day is not None and day > today:
            fields[name] = [_("A review cannot pass in the future.")]
    location = location.strip()
    if location_published and not location:
        fields["location"] = [_("Give the location before publishing it (LAW-APL-41).")]
    if fields:
        raise ApplicationError(
            _("The device review cannot be recorded."),
            code="device.review_invalid",
            extra={"fields": fields},
        )
    with transaction.atomic():
        locked = RecordingDevice.objects.select_for_update().get(pk=device.pk)
        locked.legal_review_passed_on = legal_review_passed_on
        locked.technical_review_passed_on = technical_review_passed_on
        locked.location = location
        locked.location_published = location_published
        locked.full_clean()
        locked.save(
            update_fields=[
                "legal_review_passed_on",
                "technical_review_passed_on",
                "location",
                "location_published",
            ]
        )
    return locked
