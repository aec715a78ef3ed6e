"""Input and output schemas of the review API (explicit per operation, STYLE 8)."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from sanxiang.review.models import LegalReview


class TriggerOut(Schema):
    rule_id: int | None
    rule_name: str
    trigger: str
    reason: str
    legal_basis: str


class CaseTriggersOut(Schema):
    case_id: int
    revision: int
    review_required: bool
    triggers: list[TriggerOut]
    approved_review_id: int | None
    approval_current: bool


class ProposalIn(Schema):
    """The decision proposed for review before any draft (SAMR-PROC-52 拟作出的决定)."""

    outcome: str = "penalty"
    penalty_types: list[str] = Field(default_factory=list)
    fine_fen: int = 0
    confiscation_fen: int = 0


class SubmitIn(Schema):
    materials: list[str] = Field(description="`ReviewMaterial` codes (SAMR-PROC-52).")
    note: str = ""
    proposal: ProposalIn | None = Field(
        default=None,
        description="Without a draft decision: the decision proposed (default: the notice's).",
    )


class AssignIn(Schema):
    reviewer_ids: list[int] = Field(
        default_factory=list, description="Empty: the least-loaded eligible reviewer."
    )


class FindingIn(Schema):
    item: str
    finding: str
    note: str = ""


class FindingsIn(Schema):
    findings: list[FindingIn]


class OpinionIn(Schema):
    opinion: str


class ReasonIn(Schema):
    reason: str


class EscalationIn(Schema):
    result: str
    opinion: str


class FindingOut(Schema):
    item: str
    finding: str
    note: str


class ReviewOut(Schema):
    id: int
    case_id: int
    round: int
    stage: str
    case_revision: int
    status: str
    materials: list[str]
    proposal: dict[str, Any]
    triggers: list[dict[str, Any]]
    submitted_on: datetime.date
    due_on: datetime.date
    overdue: bool
    reviewer_ids: list[int]
    findings: list[FindingOut]
    opinion: str
    concluded_on: datetime.date | None
    escalation_result: str

    @staticmethod
    def of(review: LegalReview, today: datetime.date) -> dict[str, Any]:
        return {
            "id": review.pk,
            "case_id": review.case_id,
            "round": review.round,
            "stage": review.stage,
            "case_revision": review.case_revision,
            "status": review.status,
            "materials": review.materials,
            "proposal": review.proposal,
            "triggers": review.triggers,
            "submitted_on": review.submitted_on,
            "due_on": review.due_on,
            "overdue": review.is_open and review.due_on < today,
            "reviewer_ids": [a.reviewer_id for a in review.assignments.all()],
            "findings": [
                {"item": f.item, "finding": f.finding, "note": f.note}
                for f in review.findings.all()
            ],
            "opinion": review.opinion,
            "concluded_on": review.concluded_on,
            "escalation_result": review.escalation_result,
        }
