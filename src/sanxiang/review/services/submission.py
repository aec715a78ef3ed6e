"""Submitting a case for legal review, resubmitting after a return, withdrawing, and the
public-interest flag the catalogue reads (LAW-APL-58, GUO-118-14, SAMR-PROC-52/55)."""

from __future__ import annotations

import datetime
from collections.abc import Collection

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.access import require_case_writer
from sanxiang.cases.choices import CaseStatus, DecisionOutcome, HearingStatus, Track
from sanxiang.cases.deadlines import legal_review_due
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case, Decision
from sanxiang.cases.refusals import refuse
from sanxiang.cases.services.decisions import DECIDABLE_STATES
from sanxiang.cases.workflow import case_transition
from sanxiang.core.errors import ApplicationError
from sanxiang.core.saving import validated_save
from sanxiang.registry.models import PenaltyType, User
from sanxiang.review.currency import review_covers
from sanxiang.review.models import (
    LegalReview,
    ReviewCaseFlags,
    ReviewMaterial,
    ReviewPolicy,
    ReviewStatus,
)
from sanxiang.review.models.choices import (
    OPEN_STATUSES,
    REQUIRED_ACT_MATERIALS,
    REQUIRED_FILING_MATERIALS,
    REQUIRED_MATERIALS,
    ReviewStage,
)
from sanxiang.review.services.common import (
    lock_review,
    record,
    require_review_status,
    today,
)
from sanxiang.review.triggers import (
    Proposal,
    Stage,
    case_proposal,
    case_triggers,
    proposal_of_decision,
)

__all__ = ["case_flags_set", "required_materials", "review_submit", "review_withdraw"]

# The case moves to `legal_review` with the table's own transition from these states.
_MOVE_FROM = frozenset({CaseStatus.NOTIFIED, CaseStatus.HEARING})


def stage_of(case: Case) -> str:
    """The stage a submission of `case` reviews: a lead is reviewed before filing (GUO-14-04
    pilot practice), any other case before its decision (LAW-APL-58)."""
    return ReviewStage.FILING if case.status == CaseStatus.LEAD else ReviewStage.DECISION


def required_materials(case: Case) -> list[str]:
    """SAMR-PROC-52: the proposed decision, the investigation report, the evidence and the
    legal basis; the hearing record as well when a hearing was held. Before filing (GUO-14-04):
    the evidence gathered so far and the legal basis of the proposed filing."""
    if stage_of(case) == ReviewStage.FILING:
        return [str(m) for m in REQUIRED_FILING_MATERIALS]
    if case.track == Track.OTHER:
        return [str(m) for m in REQUIRED_ACT_MATERIALS]
    needed = [str(m) for m in REQUIRED_MATERIALS]
    if case.hearings.filter(status=HearingStatus.HELD).exists():
        needed.append(ReviewMaterial.STATEMENT)
    return needed


def review_submit(
    *,
    case: Case,
    materials: Collection[str],
    note: str = "",
    proposal: Proposal | None = None,
    actor: User,
    on: datetime.date | None = None,
) -> LegalReview:
    """Submit `case` for legal review (a first round, or the next round after a return).

    Preconditions: `actor` is enforcement staff of the case's agency (GUO-118-14: the handling
    unit answers for what it submits); the case awaits its decision, or is a lead submitted for
    filing whose filing triggers fire (a `filing` round, GUO-14-04); no round is open; the
    required materials are listed (SAMR-PROC-52); a resubmission says what was corrected
    (`note`); the case is not already covered by an approved review. Side effects: a new round
    for the case's current revision with the triggers that fire and the decision reviewed
    (the draft if there is one, else `proposal`, else the current notice's penalty),
    due after the agency's time limit in working days (SAMR-PROC-55, default 10); a case in
    `notified` or `hearing` moves to `legal_review` (`request_legal_review`); a lead stays a
    lead (its filing approval goes on; the `file` gate waits for the approval). Events:
    `review.submitted` or `review.resubmitted` (and `cases.legal_review_requested`).
    """
    day = today(on)
    with transaction.atomic():
        locked = (
            Case.objects.select_for_update(of=("self",)).select_related("agency").get(pk=case.pk)
        )
        require_case_writer(actor, locked)
        stage = stage_of(locked)
        if stage == ReviewStage.FILING:
            if locked.power_item_id is None or not case_triggers(locked, stage=Stage.FILING):
                raise ApplicationError(
                    _(
                        "A lead is reviewed only when the agency reviews major cases before "
                        "filing, once it is submitted for filing and flagged major."
                    ),
                    code="review.case_not_ready",
                    extra={"field": "status", "status": locked.status},
                )
        elif locked.status not in DECIDABLE_STATES and not (
            # GUO-118-12: a licensing, inspection, levy or coercion decision in the catalogue
            # is reviewed while in progress, before its result is recorded (`act_decide`).
            locked.track == Track.OTHER and locked.status == CaseStatus.IN_PROGRESS
        ):
            raise ApplicationError(
                _("Only a case awaiting its decision can be submitted for legal review."),
                code="review.case_not_ready",
                extra={"field": "status", "status": locked.status},
            )
        rounds = LegalReview.objects.select_for_update().filter(case=locked).order_by("-round")
        last_round = rounds.first()
        if last_round is not None and last_round.status in OPEN_STATUSES:
            raise ApplicationError(
                _("The case is already under legal review (round %(round)s).")
                % {"round": last_round.round},
                code="review.already_open",
                extra={"field": "case", "review": last_round.pk},
            )
        # The latest round of this stage: its approval may already cover the case, its
        # return makes this submission a resubmission.
        latest = next((r for r in rounds if r.stage == stage), None)
        decision = getattr(locked, "decision", None)
        if (
            latest is not None
            and latest.status == ReviewStatus.APPROVED
            and review_covers(latest, locked, decision)
        ):
            raise ApplicationError(
                _("The current version of the case is already approved by legal review."),
                code="review.already_approved",
                extra={"field": "case", "review": latest.pk},
            )
        chosen = sorted({str(m) for m in materials})
        unknown = [m for m in chosen if m not in ReviewMaterial.values]
        missing = [m for m in required_materials(locked) if m not in chosen]
        if unknown or missing:
            labels = "、".join(str(ReviewMaterial(m).label) for m in missing) or "、".join(unknown)
            refuse(
                _("The submission lacks required materials: %(missing)s (materials, SAMR-PROC-52).")
                % {"missing": labels},
                code="review.materials_missing",
                rule="SAMR-PROC-52",
                field="materials",
                missing=missing,
                unknown=unknown,
            )
        if proposal is not None and (
            proposal.outcome not in DecisionOutcome.values
            or not proposal.penalty_types <= set(PenaltyType.values)
            or min(proposal.fine_fen, proposal.confiscation_fen) < 0
        ):
            refuse(
                _(
                    "The proposed decision names an unknown outcome, penalty or amount "
                    "(proposal, SAMR-PROC-52)."
                ),
                code="review.proposal_invalid",
                rule="SAMR-PROC-52",
                field="proposal",
            )
        resubmission = latest is not None and latest.status == ReviewStatus.RETURNED
        if resubmission and not note.strip():
            refuse(
                _("Say what was corrected after the return (note, GUO-118-13)."),
                code="review.correction_note_required",
                rule="GUO-118-13",
                field="note",
            )
        if locked.status in _MOVE_FROM:
            locked = case_transition(
                case=locked, transition="request_legal_review", actor=actor, on=day
            )
        policy = ReviewPolicy.for_agency(locked.agency)
        # SAMR-PROC-52 拟作出的决定: the decision as drafted; before any draft, what the
        # handling unit proposes (after a statement or hearing it may be lighter than the
        # notice, LAW-APL-45), else the notice's penalty.
        drafted = Decision.objects.filter(case=locked).first()
        if stage == ReviewStage.FILING or locked.track == Track.OTHER:
            proposal = None
        elif drafted is not None:
            proposal = proposal_of_decision(drafted)
        elif proposal is None:
            proposal = case_proposal(locked)
        review = LegalReview(
            case=locked,
            round=(last_round.round + 1) if last_round is not None else 1,
            stage=stage,
            previous=latest if resubmission else None,
            case_revision=locked.revision,
            status=ReviewStatus.SUBMITTED,
            materials=chosen,
            materials_note=note.strip(),
            proposal=proposal.as_json() if proposal is not None else {},
            triggers=[trigger.as_json() for trigger in case_triggers(locked, stage=stage)],
            submitted_by=actor,
            submitted_on=day,
            # SAMR-PROC-55 / GUO-118-14: the agency's time limit in working days.
            due_on=legal_review_due(day, working_days=policy.time_limit_days),
        )
        validated_save(review)
        record(
            review,
            "review.resubmitted" if resubmission else "review.submitted",
            actor,
            {"materials": chosen, "due_on": review.due_on, "revision": review.case_revision},
        )
    return review


def review_withdraw(
    *, review: LegalReview, reason: str, actor: User, on: datetime.date | None = None
) -> LegalReview:
    """The handling unit takes back an open round before it is concluded (GUO-118-14).
    Event `review.withdrawn`."""
    with transaction.atomic():
        locked = lock_review(review)
        require_case_writer(actor, locked.case)
        require_review_status(
            locked, (ReviewStatus.SUBMITTED, ReviewStatus.ASSIGNED), action=_("withdraw")
        )
        if not reason.strip():
            refuse(
                _("Give the reason for withdrawing (reason, GUO-118-14)."),
                code="review.reason_required",
                rule="GUO-118-14",
                field="reason",
            )
        locked.status = ReviewStatus.WITHDRAWN
        locked.concluded_on = today(on)
        locked.opinion = reason.strip()
        validated_save(locked, update_fields=["status", "concluded_on", "opinion"])
        record(locked, "review.withdrawn", actor, {"reason": locked.opinion})
    return locked


def case_flags_set(
    *, case: Case, public_interest: bool, reason: str = "", actor: User
) -> ReviewCaseFlags:
    """State whether the case concerns a major public interest (LAW-APL-58(一), GUO-118-12);
    setting it needs a reason. Event `review.flags_changed`."""
    with transaction.atomic():
        locked = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
        require_case_writer(actor, locked)
        if public_interest and not reason.strip():
            refuse(
                _("Say why the case concerns a major public interest (reason, LAW-APL-58)."),
                code="review.reason_required",
                rule="LAW-APL-58",
                field="reason",
            )
        flags = ReviewCaseFlags.objects.filter(case=locked).first() or ReviewCaseFlags(
            case=locked, updated_by=actor
        )
        before = flags.public_interest
        flags.public_interest = public_interest
        flags.public_interest_reason = reason.strip()
        flags.updated_by = actor
        flags.full_clean()
        flags.save()
        record_case_event(
            case=locked,
            action="review.flags_changed",
            actor=actor,
            data={
                "changes": {"public_interest": [before, public_interest]},
                "reason": flags.public_interest_reason,
            },
        )
    return flags
