"""Who may do what in the publication workbench (staff only; the public reads selectors).

采集 (collect): the agency's enforcement staff; 审核 (review the masks): the agency's legal
reviewers and heads, never the collector of the same publication; 发布 (publish), withdrawal
and corrections: the agency's heads. "Another agency's publication" is answered as missing.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sanxiang.core.errors import NotFoundError, PermissionDeniedError
from sanxiang.publicity.models import Publication
from sanxiang.registry.models import Role, User

__all__ = [
    "COLLECTORS",
    "PUBLISHERS",
    "REVIEWERS",
    "access_publication",
    "publication_scope",
    "require_role",
    "staff_account",
]

COLLECTORS = frozenset({Role.OFFICER, Role.DEPARTMENT_HEAD, Role.AGENCY_HEAD})
REVIEWERS = frozenset({Role.LEGAL_REVIEWER, Role.DEPARTMENT_HEAD, Role.AGENCY_HEAD})
PUBLISHERS = frozenset({Role.DEPARTMENT_HEAD, Role.AGENCY_HEAD})
WORKBENCH_USERS = COLLECTORS | REVIEWERS


def staff_account(user: User | AnonymousUser) -> User | None:
    """The account if it is an active member of an agency's publication staff."""
    if (
        isinstance(user, User)
        and user.is_authenticated
        and user.is_active
        and user.agency_id is not None
        and user.role in WORKBENCH_USERS
    ):
        return user
    return None


def publication_scope(user: User | AnonymousUser) -> QuerySet[Publication]:
    account = staff_account(user)
    if account is None or account.agency_id is None:
        return Publication.objects.none()
    return Publication.objects.filter(agency_id=account.agency_id)


def access_publication(user: User | AnonymousUser, publication_id: int | str) -> Publication:
    try:
        return publication_scope(user).select_related("agency", "case").get(pk=publication_id)
    except (Publication.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFoundError() from exc


def require_role(user: User, roles: frozenset[str], *, code: str) -> None:
    if user.role not in roles:
        raise PermissionDeniedError(
            _("Your role may not take this step of the publication."), code=code
        )
