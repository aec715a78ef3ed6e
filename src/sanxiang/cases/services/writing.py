"""How every case service writes: lock the case, check the writer, validate, save, bump the
revision. Shared by the service modules; not called from outside `cases.services`."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.cases.access import WRITER_ROLES, require_case_writer
from sanxiang.cases.choices import CaseStatus
from sanxiang.cases.models import Case
from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.core.saving import validated_save
from sanxiang.registry.models import User

__all__ = [
    "DECIDED_STATES",
    "bump_revision",
    "lock_case",
    "require_enforcement_staff",
    "require_status",
    "today",
    "validated_save",
]

# States in which the decision has been made: facts, parties and penalty are fixed.
DECIDED_STATES = frozenset(
    {
        CaseStatus.DECIDED,
        CaseStatus.DELIVERED,
        CaseStatus.ENFORCING,
        CaseStatus.CLOSED,
        CaseStatus.ARCHIVED,
        CaseStatus.ON_SPOT_DECIDED,
        CaseStatus.DECLINED,
    }
)


def today(on: datetime.date | None) -> datetime.date:
    return on or timezone.localdate()


def require_enforcement_staff(actor: User) -> int:
    """Refuse unless `actor` is an officer or head of an enforcement agency; its id."""
    if actor.role not in WRITER_ROLES or actor.agency_id is None:
        raise PermissionDeniedError(_("Only an agency's enforcement staff may do this."))
    return actor.agency_id


def lock_case(case: Case, actor: User) -> Case:
    """Lock the case row for this transaction and check that `actor` may change it."""
    locked = (
        Case.objects.select_for_update(of=("self",))
        .select_related("agency", "department")
        .get(pk=case.pk)
    )
    require_case_writer(actor, locked)
    return locked


def require_status(case: Case, allowed: Iterable[str], *, action: str) -> None:
    """Refuse unless the case is in one of the `allowed` states."""
    allowed = frozenset(allowed)
    if case.status not in allowed:
        raise ApplicationError(
            _("A case in the state “%(status)s” cannot do this: %(action)s.")
            % {"status": CaseStatus(case.status).label, "action": action},
            code="workflow.not_allowed_in_state",
            extra={"field": "status", "status": case.status, "allowed": sorted(allowed)},
        )


def bump_revision(case: Case) -> int:
    """Facts, penalty or parties changed: a new revision, so older approvals go stale."""
    case.revision += 1
    case.save(update_fields=["revision", "updated_at"])
    return case.revision
