"""Who may see which reviews (DESIGN §1; Zulip `access_*`).

- administrator: every review;
- legal reviewer: the reviews of their own agency's cases (the agency's queue, and so the
  rounds assigned to them);
- counsel: only the rounds assigned to them — no other case of any agency;
- officers, heads and supervisors: the reviews of the cases they may see
  (`cases.access.case_scope_q`);
- everyone else, and an officer of another agency: none.

A review outside the scope answers exactly like a missing one (`NotFoundError`).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from sanxiang.cases.access import case_scope_q
from sanxiang.core.access import get_or_not_found
from sanxiang.registry.access import AnyUser, is_administrator
from sanxiang.registry.models import Role, User
from sanxiang.review.models import LegalReview

__all__ = ["access_review", "is_assigned_reviewer", "review_scope_q", "visible_reviews"]

_NOTHING = Q(pk__in=[])


def _account(user: AnyUser) -> User | None:
    if isinstance(user, User) and user.is_authenticated and user.is_active:
        return user
    return None


def review_scope_q(user: AnyUser) -> Q:
    """A filter of `LegalReview` for what `user` may see (module docstring)."""
    account = _account(user)
    if account is None:
        return _NOTHING
    if is_administrator(account):
        return Q()
    if account.role == Role.COUNSEL:
        return Q(assignments__reviewer=account)
    if account.role == Role.LEGAL_REVIEWER:
        if account.agency_id is None:
            return Q(assignments__reviewer=account)
        return Q(case__agency_id=account.agency_id)
    return case_scope_q(account, prefix="case__")


def visible_reviews(user: AnyUser) -> QuerySet[LegalReview]:
    ids = LegalReview.objects.filter(review_scope_q(user)).values("pk")
    return LegalReview.objects.filter(pk__in=ids)


def access_review(user: AnyUser, review_id: object) -> LegalReview:
    """The review if `user` may see it, else `NotFoundError` — also for one that exists."""
    return get_or_not_found(
        visible_reviews(user).select_related("case", "case__agency", "submitted_by"),
        pk=review_id,
    )


def is_assigned_reviewer(user: AnyUser, review: LegalReview) -> bool:
    account = _account(user)
    return account is not None and review.assignments.filter(reviewer=account).exists()
