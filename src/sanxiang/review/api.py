"""JSON API of the review app, mounted under /api/v1/review/ by config/urls.py.

Out-of-scope cases and reviews answer 404 like missing ones; refusals use the one error shape
`{"code", "message", "extra"}` with the rule id in `extra.rule`.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from sanxiang.cases.access import access_case
from sanxiang.cases.api.common import actor
from sanxiang.cases.schemas.common import READ_ERRORS, WRITE_ERRORS
from sanxiang.core.errors import NotFoundError
from sanxiang.registry.models import Role, User
from sanxiang.review import selectors, services
from sanxiang.review.access import access_review, visible_reviews
from sanxiang.review.currency import latest_approved, review_covers
from sanxiang.review.models import LegalReview
from sanxiang.review.schemas import (
    AssignIn,
    CaseTriggersOut,
    EscalationIn,
    FindingsIn,
    OpinionIn,
    ReasonIn,
    ReviewOut,
    SubmitIn,
)
from sanxiang.review.services.submission import stage_of
from sanxiang.review.triggers import Proposal, case_triggers

router = Router(tags=["review"])


def _out(review: LegalReview) -> dict[str, Any]:
    fresh = LegalReview.objects.prefetch_related("assignments", "findings").get(pk=review.pk)
    return ReviewOut.of(fresh, timezone.localdate())


def _case(user: User, case_id: int) -> Any:
    if user.role == Role.COUNSEL:
        review = visible_reviews(user).filter(case_id=case_id).select_related("case").first()
        if review is None:
            raise NotFoundError()
        return review.case
    return access_case(user, case_id)


@router.get("/reviews", response={200: list[ReviewOut], **READ_ERRORS}, summary="List reviews")
def review_list(request: HttpRequest, view: str = "open") -> list[dict[str, Any]]:
    """`view`: `mine`, `queue`, `overdue`, `open` (default) or `all` — within what the user
    may see (reviewers: their agency; counsel: only rounds assigned to them)."""
    user = actor(request)
    today = timezone.localdate()
    qs = selectors.review_list(user=user, view=view).prefetch_related("findings")[:500]
    return [ReviewOut.of(review, today) for review in qs]


@router.get(
    "/cases/{case_id}/triggers",
    response={200: CaseTriggersOut, **READ_ERRORS},
    summary="Which catalogue triggers fire for the case, and why",
)
def case_trigger_list(request: HttpRequest, case_id: int) -> dict[str, Any]:
    """LAW-APL-58, GUO-118-12: the triggers firing now and whether an approval covers the
    case's current revision."""
    case = _case(actor(request), case_id)
    stage = stage_of(case)  # a lead: the review before filing (GUO-14-04)
    fired = case_triggers(case, stage=stage)
    approved = latest_approved(case, stage=stage)
    return {
        "case_id": case.pk,
        "revision": case.revision,
        "review_required": bool(fired),
        "triggers": [t.as_json() for t in fired],
        "approved_review_id": approved.pk if approved else None,
        "approval_current": approved is not None
        and review_covers(approved, case, getattr(case, "decision", None)),
    }


@router.post(
    "/cases/{case_id}/reviews",
    response={201: ReviewOut, **WRITE_ERRORS},
    summary="Submit the case for legal review (or resubmit after a return)",
)
def review_submit(request: HttpRequest, case_id: int, data: SubmitIn) -> Status:
    user = actor(request)
    case = _case(user, case_id)
    proposal = (
        None
        if data.proposal is None
        else Proposal(
            outcome=data.proposal.outcome,
            penalty_types=frozenset(data.proposal.penalty_types),
            fine_fen=data.proposal.fine_fen,
            confiscation_fen=data.proposal.confiscation_fen,
        )
    )
    review = services.review_submit(
        case=case, materials=data.materials, note=data.note, proposal=proposal, actor=user
    )
    return Status(201, _out(review))


@router.get("/reviews/{review_id}", response={200: ReviewOut, **READ_ERRORS}, summary="A review")
def review_get(request: HttpRequest, review_id: int) -> dict[str, Any]:
    return _out(access_review(actor(request), review_id))


@router.post(
    "/reviews/{review_id}/assign", response={200: ReviewOut, **WRITE_ERRORS}, summary="Assign"
)
def review_assign(request: HttpRequest, review_id: int, data: AssignIn) -> dict[str, Any]:
    """To qualified legal reviewers of the agency (LAW-APL-58) or counsel serving it
    (GUO-118-11); never to anyone who handled or investigated the case (SAMR-PROC-49)."""
    user = actor(request)
    review = access_review(user, review_id)
    reviewers = list(User.objects.filter(pk__in=data.reviewer_ids))
    if len(reviewers) != len(set(data.reviewer_ids)):
        raise NotFoundError()
    return _out(services.review_assign(review=review, reviewers=reviewers, actor=user))


@router.put(
    "/reviews/{review_id}/findings",
    response={200: ReviewOut, **WRITE_ERRORS},
    summary="Record checklist findings (GUO-118-13)",
)
def review_findings(request: HttpRequest, review_id: int, data: FindingsIn) -> dict[str, Any]:
    user = actor(request)
    review = access_review(user, review_id)
    findings = {f.item: (f.finding, f.note) for f in data.findings}
    return _out(services.review_findings_record(review=review, findings=findings, actor=user))


@router.post(
    "/reviews/{review_id}/approve", response={200: ReviewOut, **WRITE_ERRORS}, summary="Approve"
)
def review_approve(request: HttpRequest, review_id: int, data: OpinionIn) -> dict[str, Any]:
    user = actor(request)
    review = access_review(user, review_id)
    return _out(services.review_approve(review=review, opinion=data.opinion, actor=user))


@router.post(
    "/reviews/{review_id}/return",
    response={200: ReviewOut, **WRITE_ERRORS},
    summary="Return for correction",
)
def review_return(request: HttpRequest, review_id: int, data: OpinionIn) -> dict[str, Any]:
    user = actor(request)
    review = access_review(user, review_id)
    return _out(services.review_return(review=review, opinion=data.opinion, actor=user))


@router.post(
    "/reviews/{review_id}/escalate",
    response={200: ReviewOut, **WRITE_ERRORS},
    summary="Escalate a disagreement to the agency head (GUO-118-14)",
)
def review_escalate(request: HttpRequest, review_id: int, data: ReasonIn) -> dict[str, Any]:
    user = actor(request)
    review = access_review(user, review_id)
    return _out(services.review_escalate(review=review, reason=data.reason, actor=user))


@router.post(
    "/reviews/{review_id}/escalation",
    response={200: ReviewOut, **WRITE_ERRORS},
    summary="The agency head decides the disagreement",
)
def review_escalation(request: HttpRequest, review_id: int, data: EscalationIn) -> dict[str, Any]:
    user = actor(request)
    review = access_review(user, review_id)
    return _out(
        services.review_escalation_decide(
            review=review, result=data.result, opinion=data.opinion, actor=user
        )
    )


@router.post(
    "/reviews/{review_id}/withdraw", response={200: ReviewOut, **WRITE_ERRORS}, summary="Withdraw"
)
def review_withdraw(request: HttpRequest, review_id: int, data: ReasonIn) -> dict[str, Any]:
    user = actor(request)
    review = access_review(user, review_id)
    return _out(services.review_withdraw(review=review, reason=data.reason, actor=user))
