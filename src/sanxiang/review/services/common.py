"""What every review service shares: locking, the event with its ledger leaf, refusals."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.cases.events import record_case_event
from sanxiang.core.errors import ApplicationError
from sanxiang.registry.models import User
from sanxiang.review.ledger import review_ledger_append
from sanxiang.review.models import LegalReview, ReviewStatus

__all__ = ["lock_review", "record", "require_review_status", "today"]


def today(on: datetime.date | None) -> datetime.date:
    return on or timezone.localdate()


def lock_review(review: LegalReview) -> LegalReview:
    return (
        LegalReview.objects.select_for_update(of=("self",))
        .select_related("case", "case__agency")
        .get(pk=review.pk)
    )


def require_review_status(review: LegalReview, allowed: Iterable[str], *, action: str) -> None:
    allowed = frozenset(allowed)
    if review.status not in allowed:
        raise ApplicationError(
            _("A review in the state “%(status)s” cannot do this: %(action)s.")
            % {"status": ReviewStatus(review.status).label, "action": action},
            code="review.not_allowed_in_state",
            extra={"field": "status", "status": review.status, "allowed": sorted(allowed)},
        )


def record(
    review: LegalReview, action: str, actor: User | None, data: Mapping[str, Any] | None = None
) -> None:
    """The case event (`review.<what>`) and the round's ledger leaf, in this transaction."""
    record_case_event(
        case=review.case,
        action=action,
        actor=actor,
        data={"review": review.pk, "round": review.round, "status": review.status, **(data or {})},
    )
    review_ledger_append(review)
