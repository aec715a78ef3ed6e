"""Deciding the case (决定): collective deliberation (LAW-APL-57), the decision draft and its
approval, and the decision time limit with extensions and pauses (LAW-APL-60, SAMR-PROC-64)."""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.cases import decision_checks as checks
from sanxiang.cases.access import require_agency_head
from sanxiang.cases.choices import (
    ApprovalResult,
    ApprovalStep,
    CaseStatus,
    DecisionOutcome,
    ExtensionKind,
    HearingStatus,
    NoPenaltyReason,
    PauseReason,
)
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import (
    Case,
    CaseExtension,
    ClockPause,
    Decision,
    Deliberation,
    PenaltyNotice,
)
from sanxiang.cases.refusals import refuse
from sanxiang.cases.services.approvals import approval_submit, next_round
from sanxiang.cases.services.writing import (
    bump_revision,
    lock_case,
    require_status,
    today,
    validated_save,
)
from sanxiang.cases.tracking import decision_deadline_refresh
from sanxiang.registry.models import DiscretionTier, User

__all__ = [
    "DECIDABLE_STATES",
    "case_extend",
    "clock_pause_start",
    "clock_pause_stop",
    "decision_make",
    "deliberation_record",
]

# SAMR-PROC-64: "经……负责人批准，可以延长三十日".
FIRST_EXTENSION_MAX_DAYS = 30
DECIDABLE_STATES = frozenset(
    {
        CaseStatus.INVESTIGATING,
        CaseStatus.CASE_REVIEW,
        CaseStatus.NOTIFIED,
        CaseStatus.HEARING,
        CaseStatus.LEGAL_REVIEW,
        CaseStatus.DELIBERATION,
    }
)
_UNDECIDED = DECIDABLE_STATES | {CaseStatus.FILED}


def deliberation_record(
    *,
    case: Case,
    held_on: datetime.date,
    chaired_by: User,
    participants: Sequence[str],
    minutes: str,
    conclusion: str,
    actor: User,
) -> Deliberation:
    """Record the collective deliberation of the agency heads (集体讨论, LAW-APL-57).

    Preconditions: the investigation is concluded and no decision made; the chair is the
    agency head; at least two participants; minutes and conclusion are given. Event
    `cases.deliberation_recorded`.
    """
    names = [name.strip() for name in participants if name.strip()]
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(
            locked, DECIDABLE_STATES - {CaseStatus.INVESTIGATING}, action=_("record a deliberation")
        )
        require_agency_head(chaired_by, locked, rule="LAW-APL-57")
        if len(names) < 2:
            refuse(
                _(
                    "A collective deliberation has at least two participants (participants, "
                    "LAW-APL-57)."
                ),
                code="cases.deliberation.participants",
                rule="LAW-APL-57",
                field="participants",
            )
        deliberation = Deliberation(
            case=locked,
            held_on=held_on,
            chaired_by=chaired_by,
            participants=names,
            minutes=minutes,
            conclusion=conclusion,
            recorded_by=actor,
        )
        validated_save(deliberation)
        record_case_event(
            case=locked,
            action="cases.deliberation_recorded",
            actor=actor,
            data={"deliberation": deliberation.pk, "held_on": held_on, "participants": names},
        )
    return deliberation


def decision_make(
    *,
    case: Case,
    outcome: DecisionOutcome | str,
    reasons: str = "",
    penalty_types: Collection[str] = (),
    fine_fen: int = 0,
    confiscation_fen: int = 0,
    detention_days: int = 0,
    other_penalty: str = "",
    no_penalty_reason: NoPenaltyReason | str = "",
    discretion_tier: DiscretionTier | None = None,
    fine_basis_fen: int | None = None,
    outside_range_reason: str = "",
    mitigation_reason: str = "",
    transfer_organ: str = "",
    transfer_details: str = "",
    opinion: str = "",
    on: datetime.date | None = None,
    actor: User,
) -> Decision:
    """Draft the decision and submit it for the decision approval; the final approval makes it.

    Preconditions (each refusal names the field and rule): amounts match the penalty types
    (LAW-APL-9); no penalty for a party under 14, a mitigation reason for 14–17 or limited
    capacity (LAW-APL-30/31); no penalty carries a reason code, 首违 only for a first offence
    (LAW-APL-33); a transfer names the organ (LAW-APL-27); the penalty is not heavier than
    notified (LAW-APL-45); the discretion tier is named and a fine outside it has a reason,
    which flags the decision for legal review (LAW-APL-34); then everything the `decide`
    transition checks (notice and statement window LAW-APL-44/62, hearing LAW-APL-64/65,
    deliberation LAW-APL-57, 90 days LAW-APL-60, officers LAW-APL-42, legal review LAW-APL-58),
    all as of `on`, the day of the draft (default: today). Side effects: the draft (replacing an
    earlier one) linked to the concluded hearing and the deliberation; revision + 1; the
    decision approval starts. Events: `cases.decision_drafted` and the approval's
    (`cases.decided` when it completes).
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, DECIDABLE_STATES, action=_("draft the decision"))
        decision = Decision.objects.select_for_update().filter(case=locked).first()
        if decision is None:
            decision = Decision(case=locked)
        notice = PenaltyNotice.objects.filter(case=locked, is_current=True).first()
        decision.outcome = outcome
        decision.reasons = reasons
        decision.penalty_types = sorted(set(penalty_types))
        decision.fine_fen, decision.confiscation_fen = fine_fen, confiscation_fen
        decision.detention_days, decision.other_penalty = detention_days, other_penalty.strip()
        decision.no_penalty_reason = no_penalty_reason
        decision.discretion_tier, decision.fine_basis_fen = discretion_tier, fine_basis_fen
        decision.outside_range_reason = outside_range_reason.strip()
        decision.mitigation_reason = mitigation_reason.strip()
        decision.transfer_organ = transfer_organ.strip()
        decision.transfer_details = transfer_details.strip()
        decision.hearing = (
            locked.hearings.filter(status__in=[HearingStatus.HELD, HearingStatus.DEEMED_WAIVED])
            .order_by("-id")
            .first()
        )
        decision.deliberation = locked.deliberations.order_by("-held_on", "-id").first()
        day = today(on)
        checks.check_penalty_consistent(decision)
        checks.check_minors_and_capacity(locked, decision, day)
        checks.check_no_penalty_reason(locked, decision)
        checks.check_transfer(decision)
        checks.check_not_heavier_than_notice(notice, decision)
        discretion = checks.check_discretion_applied(locked, decision, day)
        decision.flag_for_legal_review = bool(discretion and discretion.flag_for_legal_review)
        decision.revision = bump_revision(locked)
        decision.drafted_by, decision.drafted_at = actor, timezone.now()
        validated_save(decision)
        if locked.discretion_tier_id != (discretion_tier.pk if discretion_tier else None):
            locked.discretion_tier = discretion_tier
            locked.save(update_fields=["discretion_tier", "updated_at"])
        record_case_event(
            case=locked,
            action="cases.decision_drafted",
            actor=actor,
            data={
                "decision": decision.pk,
                "outcome": decision.outcome,
                "penalty_types": decision.penalty_types,
                "fine_fen": fine_fen,
                "confiscation_fen": confiscation_fen,
                "no_penalty_reason": decision.no_penalty_reason,
                "flag_for_legal_review": decision.flag_for_legal_review,
            },
        )
        approval_submit(
            case=locked, step=ApprovalStep.DECISION, opinion=opinion, actor=actor, on=day
        )
    decision.refresh_from_db()
    return decision


def case_extend(
    *,
    case: Case,
    days: int,
    reason: str,
    basis: str = "SAMR-PROC-64",
    opinion: str = "",
    on: datetime.date | None = None,
    actor: User,
) -> CaseExtension:
    """Ask to extend the decision time limit (LAW-APL-60 "法律、法规、规章另有规定的，从其规定";
    SAMR-PROC-64: 30 days with the head's approval; a further extension only after a
    collective deliberation). Side effects: a `CaseExtension` submitted for the extension
    approval; when approved, the decision deadline moves. `on` is the day of the request
    (default: today). Events: `cases.extension_requested` and the approval's.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, _UNDECIDED, action=_("extend the decision time limit"))
        approved = locked.extensions.filter(
            kind=ExtensionKind.DECISION, status=ApprovalResult.APPROVED
        )
        if days < 1 or (not approved.exists() and days > FIRST_EXTENSION_MAX_DAYS):
            refuse(
                _("The first extension is 1 to %(max)s days (days, SAMR-PROC-64).")
                % {"max": FIRST_EXTENSION_MAX_DAYS},
                code="cases.extension.days",
                rule="SAMR-PROC-64",
                field="days",
            )
        if approved.exists() and not locked.deliberations.exists():
            refuse(
                _(
                    "A further extension is decided by the heads' collective deliberation; "
                    "record it first (deliberation, SAMR-PROC-64)."
                ),
                code="cases.extension.deliberation_required",
                rule="SAMR-PROC-64",
                field="deliberation",
            )
        extension = CaseExtension(
            case=locked,
            kind=ExtensionKind.DECISION,
            days=days,
            reason=reason.strip(),
            basis=basis.strip(),
            approval_round=next_round(locked, ApprovalStep.EXTENSION),
            requested_by=actor,
            requested_on=today(on),
        )
        validated_save(extension)
        record_case_event(
            case=locked,
            action="cases.extension_requested",
            actor=actor,
            data={"kind": extension.kind, "days": days, "reason": extension.reason},
        )
        approval_submit(
            case=locked, step=ApprovalStep.EXTENSION, opinion=opinion, actor=actor, on=on
        )
    extension.refresh_from_db()
    return extension


def clock_pause_start(
    *,
    case: Case,
    reason: PauseReason | str,
    started_on: datetime.date,
    note: str = "",
    actor: User,
) -> ClockPause:
    """Stop the decision clock for a period SAMR-PROC-64 does not count (中止、听证、公告、
    检测检验检疫鉴定…). One pause at a time. Event `cases.clock_paused`."""
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, _UNDECIDED, action=_("pause the time limit"))
        if locked.clock_pauses.filter(ended_on__isnull=True).exists():
            refuse(
                _("The time limit is already paused (pause, SAMR-PROC-64)."),
                code="cases.pause.already_paused",
                rule="SAMR-PROC-64",
                field="reason",
            )
        pause = ClockPause(
            case=locked, reason=reason, started_on=started_on, note=note.strip(), created_by=actor
        )
        validated_save(pause)
        record_case_event(
            case=locked,
            action="cases.clock_paused",
            actor=actor,
            data={"pause": pause.pk, "reason": pause.reason, "started_on": started_on},
        )
    return pause


def clock_pause_stop(*, pause: ClockPause, ended_on: datetime.date, actor: User) -> ClockPause:
    """End a pause; the decision deadline moves by the days paused (SAMR-PROC-64). Event
    `cases.clock_resumed`."""
    with transaction.atomic():
        locked = lock_case(pause.case, actor)
        row = ClockPause.objects.select_for_update().get(pk=pause.pk)
        if row.ended_on is not None or ended_on < row.started_on:
            refuse(
                _(
                    "The pause is over already or would end before it started (ended on, "
                    "SAMR-PROC-64)."
                ),
                code="cases.pause.invalid_end",
                rule="SAMR-PROC-64",
                field="ended_on",
            )
        row.ended_on = ended_on
        validated_save(row, update_fields=["ended_on"])
        deadline = decision_deadline_refresh(case=locked, on=ended_on)
        record_case_event(
            case=locked,
            action="cases.clock_resumed",
            actor=actor,
            data={
                "pause": row.pk,
                "ended_on": ended_on,
                "days": row.days_until(ended_on),
                "due_on": deadline.due_on if deadline else None,
            },
        )
    return row
