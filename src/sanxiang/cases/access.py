"""Who may see and change which cases (DESIGN §1; Zulip `access_*`).

Visibility (`visible_cases`):

- officer, legal reviewer, agency head: the cases of their own agency;
- department head: the cases of their own department, and the agency's cases not assigned to
  any department; one without a department sees the agency's cases;
- supervisor: the cases of every agency their office supervises (`registry.access.private_scope`,
  TJ-SUP-6, GUO-118-10 real-time access);
- administrator (and a Django superuser): every case;
- counsel and everyone else: none.

A case outside the scope is answered exactly like a missing one (`NotFoundError`). Writing
(`require_case_writer`) is for officers, department heads and agency heads who see the case;
supervisors, reviewers and administrators read only.

Who reported a lead (举报人: `reporter_name`, `reporter_contact`) is kept confidential
(`may_see_reporter`): only the enforcement staff of the case's agency see it; reviewers,
supervisors and administrators who read the case do not.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from sanxiang.cases.models import Case, CaseOfficer
from sanxiang.core.access import get_or_not_found
from sanxiang.core.errors import NotFoundError, PermissionDeniedError
from sanxiang.registry.access import AnyUser, is_administrator, private_scope
from sanxiang.registry.models import Role, User

__all__ = [
    "WRITER_ROLES",
    "access_case",
    "case_scope_q",
    "is_active_case_officer",
    "may_change_case",
    "may_see_reporter",
    "require_agency_head",
    "require_case_writer",
    "visible_cases",
]

WRITER_ROLES = frozenset({Role.OFFICER, Role.DEPARTMENT_HEAD, Role.AGENCY_HEAD})
_AGENCY_WIDE_ROLES = frozenset({Role.OFFICER, Role.LEGAL_REVIEWER, Role.AGENCY_HEAD})
_NOTHING = Q(pk__in=[])


def _account(user: AnyUser) -> User | None:
    if isinstance(user, User) and user.is_authenticated and user.is_active:
        return user
    return None


def case_scope_q(user: AnyUser, prefix: str = "") -> Q:
    """A filter for the cases `user` may see; `prefix` is the path to the case ("case__")."""
    account = _account(user)
    if account is None:
        return _NOTHING
    if is_administrator(account):
        return Q()
    if account.role == Role.SUPERVISOR:
        scope = private_scope(account)
        if scope.is_empty:
            return _NOTHING
        return scope.q(f"{prefix}agency")
    if account.agency_id is None:
        return _NOTHING
    if account.role in _AGENCY_WIDE_ROLES:
        return Q(**{f"{prefix}agency_id": account.agency_id})
    if account.role == Role.DEPARTMENT_HEAD:
        if account.department_id is None:
            return Q(**{f"{prefix}agency_id": account.agency_id})
        # Their department's cases, and the agency's cases not given to any department.
        return Q(**{f"{prefix}agency_id": account.agency_id}) & (
            Q(**{f"{prefix}department_id": account.department_id})
            | Q(**{f"{prefix}department__isnull": True})
        )
    return _NOTHING


def visible_cases(user: AnyUser) -> QuerySet[Case]:
    """Every case `user` may see (module docstring)."""
    return Case.objects.filter(case_scope_q(user))


def access_case(user: AnyUser, case_id: object) -> Case:
    """The case if `user` may see it, else `NotFoundError` — also for a case that exists."""
    return get_or_not_found(visible_cases(user).select_related("agency", "department"), pk=case_id)


def require_case_writer(user: AnyUser, case: Case) -> User:
    """Refuse unless `user` may change `case`: it must be visible (else `NotFoundError`) and the
    user an officer, department head or agency head (else `PermissionDeniedError`)."""
    account = _account(user)
    if account is None or not visible_cases(account).filter(pk=case.pk).exists():
        raise NotFoundError()
    if account.role not in WRITER_ROLES or account.agency_id != case.agency_id:
        raise PermissionDeniedError(_("Only the agency's enforcement staff may change a case."))
    return account


def may_change_case(user: AnyUser, case: Case) -> bool:
    """Whether `require_case_writer` would let `user` change `case` (to offer actions)."""
    account = _account(user)
    return (
        account is not None
        and account.role in WRITER_ROLES
        and account.agency_id == case.agency_id
        and visible_cases(account).filter(pk=case.pk).exists()
    )


def require_agency_head(user: User, case: Case, *, rule: str) -> None:
    """Refuse unless `user` is the head of the case's agency (机关负责人)."""
    if user.role != Role.AGENCY_HEAD or user.agency_id != case.agency_id:
        raise PermissionDeniedError(
            _("Only the head of the agency may do this (%(rule)s).") % {"rule": rule},
            code="cases.agency_head_required",
        )


def is_active_case_officer(user: User, case: Case) -> bool:
    """Whether `user` is the account of an officer currently assigned to `case`."""
    return CaseOfficer.objects.filter(
        case=case, removed_on__isnull=True, officer__user=user
    ).exists()


def may_see_reporter(user: AnyUser, case: Case) -> bool:
    """Whether `user` may read who reported the lead (举报人, kept confidential): the
    enforcement staff of the case's agency only — not reviewers, supervisors or others who
    see the case."""
    account = _account(user)
    return (
        account is not None
        and account.role in WRITER_ROLES
        and account.agency_id is not None
        and account.agency_id == case.agency_id
    )
