"""The reviewer's work: the GUO-118-13 checklist, approval or return with a written opinion,
and the agency head's word on a disagreement (GUO-118-14)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.access import require_agency_head, require_case_writer
from sanxiang.cases.refusals import refuse
from sanxiang.core.errors import PermissionDeniedError
from sanxiang.registry.models import User
from sanxiang.review.models import (
    EscalationResult,
    Finding,
    LegalReview,
    ReviewFinding,
    ReviewItem,
    ReviewStatus,
)
from sanxiang.review.services.common import lock_review, record, require_review_status, today

__all__ = [
    "review_approve",
    "review_escalate",
    "review_escalation_decide",
    "review_findings_record",
    "review_return",
]


def _require_assigned(review: LegalReview, actor: User) -> None:
    if not review.assignments.filter(reviewer=actor).exists():
        raise PermissionDeniedError(
            _("Only a reviewer assigned to this review may do this."),
            code="review.not_assigned",
        )


def review_findings_record(
    *,
    review: LegalReview,
    findings: Mapping[str, tuple[str, str]],
    actor: User,
) -> LegalReview:
    """Record the finding on some or all of the seven GUO-118-13 items: `{item: (finding,
    note)}`. A problem needs a note saying what is wrong. Event `review.findings_recorded`."""
    with transaction.atomic():
        locked = lock_review(review)
        _require_assigned(locked, actor)
        require_review_status(locked, (ReviewStatus.ASSIGNED,), action=_("record findings"))
        for item, (finding, note) in findings.items():
            if item not in ReviewItem.values or finding not in Finding.values:
                refuse(
                    _("Unknown checklist item or finding (findings, GUO-118-13)."),
                    code="review.finding_invalid",
                    rule="GUO-118-13",
                    field="findings",
                    item=item,
                )
            if finding == Finding.PROBLEM and not note.strip():
                refuse(
                    _("Say what the problem is under “%(item)s” (findings, GUO-118-13).")
                    % {"item": ReviewItem(item).label},
                    code="review.problem_note_required",
                    rule="GUO-118-13",
                    field="findings",
                    item=item,
                )
            ReviewFinding.objects.update_or_create(
                review=locked,
                item=item,
                defaults={"finding": finding, "note": note.strip(), "recorded_by": actor},
            )
        record(
            locked,
            "review.findings_recorded",
            actor,
            {"findings": {item: value[0] for item, value in sorted(findings.items())}},
        )
    return locked


def _require_complete(review: LegalReview) -> dict[str, str]:
    recorded = dict(review.findings.values_list("item", "finding"))
    missing = [item for item in ReviewItem.values if item not in recorded]
    if missing:
        refuse(
            _(
                "Record a finding on every checklist item first; missing: %(items)s "
                "(findings, GUO-118-13)."
            )
            % {"items": "、".join(str(ReviewItem(i).label) for i in missing)},
            code="review.checklist_incomplete",
            rule="GUO-118-13",
            field="findings",
            missing=missing,
        )
    return recorded


def _require_opinion(opinion: str) -> str:
    text = opinion.strip()
    if not text:
        refuse(
            _("Write the review opinion (opinion, GUO-118-13)."),
            code="review.opinion_required",
            rule="GUO-118-13",
            field="opinion",
        )
    return text


def review_approve(
    *, review: LegalReview, opinion: str, actor: User, on: datetime.date | None = None
) -> LegalReview:
    """Approve (同意, GUO-118-13): every item checked and none with a problem, a written opinion,
    and the case still at the revision submitted (else the handling unit resubmits). Event
    `review.approved`; the decision gate now passes for this revision (LAW-APL-58)."""
    with transaction.atomic():
        locked = lock_review(review)
        _require_assigned(locked, actor)
        require_review_status(locked, (ReviewStatus.ASSIGNED,), action=_("approve"))
        recorded = _require_complete(locked)
        if Finding.PROBLEM in recorded.values():
            refuse(
                _(
                    "A problem is recorded on the checklist: return the case instead "
                    "(findings, GUO-118-13)."
                ),
                code="review.problem_recorded",
                rule="GUO-118-13",
                field="findings",
            )
        if locked.case.revision != locked.case_revision:
            refuse(
                _(
                    "The case changed after it was submitted (version %(old)s, now %(new)s): it "
                    "must be submitted again (legal review, LAW-APL-58)."
                )
                % {"old": locked.case_revision, "new": locked.case.revision},
                code="review.case_changed",
                rule="LAW-APL-58",
                field="case",
            )
        locked.opinion = _require_opinion(opinion)
        locked.status = ReviewStatus.APPROVED
        locked.concluded_by, locked.concluded_on = actor, today(on)
        locked.save(
            update_fields=["opinion", "status", "concluded_by", "concluded_on", "updated_at"]
        )
        record(locked, "review.approved", actor, {"opinion": locked.opinion})
    return locked


def review_return(
    *, review: LegalReview, opinion: str, actor: User, on: datetime.date | None = None
) -> LegalReview:
    """Return the case (存在问题, GUO-118-13): every item checked, at least one problem, and a
    written opinion saying what to correct. The handling unit corrects and resubmits, or
    escalates the disagreement. Event `review.returned`."""
    with transaction.atomic():
        locked = lock_review(review)
        _require_assigned(locked, actor)
        require_review_status(locked, (ReviewStatus.ASSIGNED,), action=_("return"))
        recorded = _require_complete(locked)
        if Finding.PROBLEM not in recorded.values():
            refuse(
                _(
                    "Mark the items with problems on the checklist before returning "
                    "(findings, GUO-118-13)."
                ),
                code="review.no_problem_recorded",
                rule="GUO-118-13",
                field="findings",
            )
        locked.opinion = _require_opinion(opinion)
        locked.status = ReviewStatus.RETURNED
        locked.concluded_by, locked.concluded_on = actor, today(on)
        locked.save(
            update_fields=["opinion", "status", "concluded_by", "concluded_on", "updated_at"]
        )
        record(locked, "review.returned", actor, {"opinion": locked.opinion})
    return locked


def review_escalate(
    *, review: LegalReview, reason: str, actor: User, on: datetime.date | None = None
) -> LegalReview:
    """The handling unit disagrees with a return and asks the agency head to decide
    (GUO-118-14: a mechanism for disagreements; the principal leader answers). Only the latest
    round, returned, can be escalated. Event `review.escalated`."""
    with transaction.atomic():
        locked = lock_review(review)
        require_case_writer(actor, locked.case)
        require_review_status(locked, (ReviewStatus.RETURNED,), action=_("escalate"))
        if LegalReview.objects.filter(case=locked.case, round__gt=locked.round).exists():
            refuse(
                _(
                    "A later round exists; only the latest return can be escalated "
                    "(review, GUO-118-14)."
                ),
                code="review.not_latest",
                rule="GUO-118-14",
                field="review",
            )
        if locked.escalation_result:
            refuse(
                _("The agency head has already decided on this return (review, GUO-118-14)."),
                code="review.already_escalated",
                rule="GUO-118-14",
                field="review",
            )
        text = reason.strip()
        if not text:
            refuse(
                _("Say why you disagree with the return (reason, GUO-118-14)."),
                code="review.reason_required",
                rule="GUO-118-14",
                field="reason",
            )
        locked.status = ReviewStatus.ESCALATED
        locked.escalation_reason, locked.escalated_by = text, actor
        locked.escalated_on = today(on)
        locked.save(
            update_fields=[
                "status",
                "escalation_reason",
                "escalated_by",
                "escalated_on",
                "updated_at",
            ]
        )
        record(locked, "review.escalated", actor, {"reason": text})
    return locked


def review_escalation_decide(
    *,
    review: LegalReview,
    result: str,
    opinion: str,
    actor: User,
    on: datetime.date | None = None,
) -> LegalReview:
    """The agency head decides a disagreement (GUO-118-14: 第一责任人): `upheld` keeps the
    return (the case is corrected and resubmitted); `overruled` approves the round on the
    head's responsibility, for the revision reviewed. Event `review.escalation_decided`."""
    with transaction.atomic():
        locked = lock_review(review)
        require_agency_head(actor, locked.case, rule="GUO-118-14")
        require_review_status(locked, (ReviewStatus.ESCALATED,), action=_("decide"))
        if result not in EscalationResult.values:
            refuse(
                _("Choose whether the return is upheld or overruled (result, GUO-118-14)."),
                code="review.escalation_result_invalid",
                rule="GUO-118-14",
                field="result",
            )
        locked.escalation_opinion = _require_opinion(opinion)
        locked.escalation_result = result
        locked.escalation_decided_by, locked.escalation_decided_on = actor, today(on)
        locked.status = (
            ReviewStatus.APPROVED if result == EscalationResult.OVERRULED else ReviewStatus.RETURNED
        )
        locked.save(
            update_fields=[
                "escalation_opinion",
                "escalation_result",
                "escalation_decided_by",
                "escalation_decided_on",
                "status",
                "updated_at",
            ]
        )
        record(
            locked,
            "review.escalation_decided",
            actor,
            {"result": result, "opinion": locked.escalation_opinion},
        )
    return locked
