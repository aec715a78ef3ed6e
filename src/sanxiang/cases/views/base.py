"""What every case page does first: who is asking, and may they see or change this case.

A case outside the user's scope answers exactly like a missing one — the same 404 page, for
GET and POST alike (`access.access_case`). Who may see a case but not change it (supervisors,
reviewers, administrators) gets 403 on every action; the pages do not offer them actions.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest

from sanxiang.cases import selectors
from sanxiang.cases.access import WRITER_ROLES
from sanxiang.cases.models import Case
from sanxiang.core.access import get_or_not_found
from sanxiang.core.errors import NotFoundError
from sanxiang.registry.models import User

__all__ = [
    "CaseRequest",
    "case_or_404",
    "child_or_404",
    "may_write",
    "require_staff_writer",
    "require_writer",
]


class CaseRequest(HttpRequest):
    """A request that `login_required` has let through: its user is a platform account."""

    user: User


def case_or_404(user: User, case_id: object) -> Case:
    """The case if `user` may see it; otherwise the 404 page, whether it exists or not."""
    try:
        return selectors.access_case(user, case_id)
    except NotFoundError:
        raise Http404 from None


def may_write(user: User, case: Case) -> bool:
    """Whether the pages offer `user` the actions of `case` (the services check again)."""
    return user.role in WRITER_ROLES and user.agency_id == case.agency_id


def require_writer(user: User, case: Case) -> None:
    """403 for a user who may see the case but not change it (read-only supervisors…)."""
    if not may_write(user, case):
        raise PermissionDenied


def require_staff_writer(user: User) -> None:
    """403 unless `user` is enforcement staff of an agency (to register a new case)."""
    if user.role not in WRITER_ROLES or user.agency_id is None:
        raise PermissionDenied


def child_or_404(case: Case, relation: str, pk: object) -> Any:
    """A record of the case (a party, an approval, a hearing…) by id, or the 404 page."""
    related: models.Manager[Any] = getattr(case, relation)
    try:
        return get_or_not_found(related.all(), pk=pk)
    except NotFoundError:
        raise Http404 from None
