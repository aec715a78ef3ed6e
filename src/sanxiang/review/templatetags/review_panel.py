"""The review panel shown on the case page of the cases app (`review/_hook.html`): which
triggers fire and why (LAW-APL-58, GUO-118-12, GUO-14-04), where the review stands, and the
link to the case's review page. `cases` includes the hook by template name only and never
imports this app."""

from __future__ import annotations

from typing import Any

from django import template

from sanxiang.cases.choices import CaseStatus, Track
from sanxiang.cases.models import Case
from sanxiang.review.currency import latest_approved, review_covers
from sanxiang.review.models import LegalReview, ReviewStage
from sanxiang.review.models.choices import OPEN_STATUSES
from sanxiang.review.triggers import case_triggers

register = template.Library()

# Where a review can still matter: before filing, and until the decision or result is made.
_BEFORE_DECISION = frozenset(
    {
        CaseStatus.LEAD,
        CaseStatus.FILED,
        CaseStatus.INVESTIGATING,
        CaseStatus.CASE_REVIEW,
        CaseStatus.NOTIFIED,
        CaseStatus.HEARING,
        CaseStatus.LEGAL_REVIEW,
        CaseStatus.DELIBERATION,
        CaseStatus.REGISTERED,
        CaseStatus.IN_PROGRESS,
    }
)


def panel_data(case: Case) -> dict[str, Any]:
    """What the panel shows for `case` (a few queries; no writes)."""
    stage = ReviewStage.FILING if case.status == CaseStatus.LEAD else ReviewStage.DECISION
    pending = case.status in _BEFORE_DECISION
    fired = list(case_triggers(case, stage=stage)) if pending else []
    approved = latest_approved(case, stage=stage)
    decision = getattr(case, "decision", None) if case.track != Track.OTHER else None
    current = approved is not None and (
        review_covers(approved, case, decision)
        if stage == ReviewStage.DECISION
        else approved.case_revision == case.revision
    )
    rounds = list(LegalReview.objects.filter(case=case).order_by("-round")[:1])
    latest = rounds[0] if rounds else None
    return {
        "case": case,
        "stage": stage,
        "pending": pending,
        "triggers": fired,
        "approved": approved,
        "current": current,
        "latest": latest,
        "open": latest is not None and latest.status in OPEN_STATUSES,
    }


@register.inclusion_tag("review/_case_panel.html")
def review_panel(case: Case) -> dict[str, Any]:
    return panel_data(case)
