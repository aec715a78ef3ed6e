"""Whether an approved review still covers the case (the stale-approval rule, LAW-APL-58).

An approval covers the revision it reviewed. `Case.revision` grows whenever the facts, the
parties or the penalty change; growth by decision drafts alone is allowed (drafting bumps the
revision, and a draft the head sent back is drafted again) when the current draft proposes
exactly the decision that was reviewed (outcome, penalty types, fine and confiscation). Any
other change — or a draft with another penalty — makes the approval stale.
"""

from __future__ import annotations

from sanxiang.cases.models import Case, CaseEvent, Decision
from sanxiang.review.models import LegalReview, ReviewStage, ReviewStatus
from sanxiang.review.triggers import proposal_of_decision

__all__ = ["latest_approved", "review_covers"]


def review_covers(review: LegalReview, case: Case, decision: Decision | None) -> bool:
    """Whether approved `review` covers `case` as it stands (module docstring)."""
    if review.status != ReviewStatus.APPROVED:
        return False
    if review.case_revision == case.revision:
        return True
    if review.stage != ReviewStage.DECISION:
        return False
    if (
        decision is None
        or decision.revision != case.revision
        or proposal_of_decision(decision).as_json() != review.proposal
    ):
        return False
    # Every revision since the review was submitted must have come from a decision draft.
    drafts = CaseEvent.objects.filter(
        case=case, action="cases.decision_drafted", occurred_at__gte=review.created_at
    ).count()
    return case.revision - review.case_revision <= drafts


def latest_approved(case: Case, *, stage: str = ReviewStage.DECISION) -> LegalReview | None:
    """The case's latest approved round of `stage` (a filing round never covers a decision)."""
    return (
        LegalReview.objects.filter(case=case, status=ReviewStatus.APPROVED, stage=stage)
        .order_by("-round")
        .first()
    )
