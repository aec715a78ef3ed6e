"""Three-level approval (三级审批): submit a step, decide each level, perform the gated move.

Levels: 1 承办人 — an officer assigned to the case, who submits (the submission is that
level's approval, with the opinion); 2 执法机构负责人 — the head of the case's department;
3 机关负责人 — the agency head. `CasePolicy` says which levels each step needs and whether they
approve in order. When the last required level approves, the move the step gates (filing,
decision, closing; an extension takes effect) happens in the same transaction; a rejection ends
the round and returns the matter to the handler, who may resubmit (a new round).
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.cases import guards as g
from sanxiang.cases.access import is_active_case_officer
from sanxiang.cases.approval_state import latest_round, round_is_complete, round_is_open
from sanxiang.cases.choices import (
    ApprovalLevel,
    ApprovalResult,
    ApprovalStep,
    DeadlineKind,
    ExtensionKind,
)
from sanxiang.cases.deadlines import lead_filing_due
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Approval, Case, CaseExtension, CasePolicy
from sanxiang.cases.services.writing import lock_case, today
from sanxiang.cases.tracking import deadline_reschedule, decision_deadline_refresh
from sanxiang.cases.workflow import TRANSITIONS, case_transition, guards_for
from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.registry.models import Role, User

__all__ = ["approval_decide", "approval_submit", "next_round"]

# The move each step gates when its final approval performs it.
_GATED = {t.approval_step: t for t in TRANSITIONS if t.approval_step and t.on_final_approval}


def next_round(case: Case, step: str) -> int:
    rows = latest_round(case, step)
    return rows[0].round + 1 if rows else 1


def _precheck(case: Case, step: str, actor: User, on: datetime.date) -> None:
    """Refuse early what the gated move would refuse at the final approval."""
    spec = _GATED.get(ApprovalStep(step))
    if spec is None:
        return
    if case.track not in spec.tracks or case.status not in spec.sources:
        raise ApplicationError(
            _("A case in this state cannot be submitted for this approval (%(step)s).")
            % {"step": ApprovalStep(step).label},
            code="workflow.not_allowed_in_state",
            extra={"field": "status", "status": case.status, "step": step},
        )
    ctx = g.TransitionContext(case=case, transition=spec.name, actor=actor, on=on)
    for guard in guards_for(spec, precheck=True):
        if guard is not g.approval_granted:
            guard(ctx)


def approval_submit(
    *,
    case: Case,
    step: ApprovalStep | str,
    opinion: str = "",
    actor: User,
    on: datetime.date | None = None,
) -> list[Approval]:
    """Submit `step` of `case` for approval and return the round's rows.

    Preconditions: `actor` is an officer assigned to the case (承办人); no round of the step is
    open; for filing, decision and closing, the gated move's guards already pass (checked again
    at the final approval). Side effects: a new round; level 1, when required, is approved by
    the submitter with `opinion`; the next level (or, if not sequential, every level) waits.
    With no level required, the step completes at once. Events: `cases.approval_submitted`
    (and those of the completed step).
    """
    step = ApprovalStep(step)
    day = today(on)
    with transaction.atomic():
        locked = lock_case(case, actor)
        if not is_active_case_officer(actor, locked):
            raise PermissionDeniedError(
                _("Only an officer handling the case may submit it for approval."),
                code="approval.not_handler",
            )
        if round_is_open(latest_round(locked, step)):
            raise ApplicationError(
                _("This step is already waiting for approval (%(step)s).") % {"step": step.label},
                code="approval.round_open",
                extra={"field": "step", "step": step},
            )
        if step != ApprovalStep.EXTENSION:
            _precheck(locked, step, actor, day)
        policy = CasePolicy.for_agency(locked.agency)
        levels = policy.levels_for(step)
        number = next_round(locked, step)
        now = timezone.now()
        rows: list[Approval] = []
        for level in levels:
            handler_level = level == ApprovalLevel.HANDLER
            waiting = any(row.result == ApprovalResult.PENDING for row in rows)
            if not handler_level and waiting and policy.approval_is_sequential:
                break
            row = Approval(
                case=locked,
                step=step,
                round=number,
                level=level,
                revision=locked.revision,
                submitted_by=actor,
                submitted_at=now,
            )
            if handler_level:
                row.result, row.approver, row.decided_at = ApprovalResult.APPROVED, actor, now
                row.opinion = opinion
            row.full_clean()
            row.save()
            rows.append(row)
        record_case_event(
            case=locked,
            action="cases.approval_submitted",
            actor=actor,
            data={"step": step, "round": number, "levels": levels, "opinion": opinion},
        )
        if round_is_complete(rows, levels):
            _step_completed(locked, step, number, actor, day)
    return rows


def _may_approve(user: User, case: Case, level: int) -> bool:
    if user.agency_id != case.agency_id:
        return False
    if level == ApprovalLevel.DEPARTMENT_HEAD:
        return user.role == Role.DEPARTMENT_HEAD and (
            case.department_id is None or user.department_id == case.department_id
        )
    if level == ApprovalLevel.AGENCY_HEAD:
        return user.role == Role.AGENCY_HEAD
    return is_active_case_officer(user, case)


def approval_decide(
    *,
    approval: Approval,
    approve: bool,
    opinion: str = "",
    actor: User,
    on: datetime.date | None = None,
) -> Approval:
    """Approve or reject one waiting level and return the decided row.

    Preconditions: the row is waiting; `actor` holds the level (2: head of the case's
    department; 3: agency head) and is not an officer of the case (SAMR-PROC-49: who handles a
    case does not review it); a rejection gives its reasons. Side effects: who, when and the
    opinion are recorded (`cases.approval_granted` / `cases.approval_rejected`); in order, the
    next level starts waiting; the last approval performs the gated move or extension; a
    rejection ends the round (the other waiting levels are cancelled).
    """
    day = today(on)
    with transaction.atomic():
        locked = lock_case(approval.case, actor)
        row = Approval.objects.select_for_update().get(pk=approval.pk)
        if row.result != ApprovalResult.PENDING:
            raise ApplicationError(
                _("This approval has already been decided."),
                code="approval.already_decided",
                extra={"field": "approval"},
            )
        if not _may_approve(actor, locked, row.level):
            raise PermissionDeniedError(
                _("You do not hold the approval level %(level)s for this case.")
                % {"level": ApprovalLevel(row.level).label},
                code="approval.wrong_level",
            )
        if row.level != ApprovalLevel.HANDLER and is_active_case_officer(actor, locked):
            raise PermissionDeniedError(
                _("An officer handling the case cannot approve it (SAMR-PROC-49)."),
                code="approval.own_case",
            )
        if not approve and not opinion.strip():
            raise ApplicationError(
                _("Give the reasons for refusing (opinion)."),
                code="approval.opinion_required",
                extra={"field": "opinion", "fields": {"opinion": [_("This field is required.")]}},
            )
        row.result = ApprovalResult.APPROVED if approve else ApprovalResult.REJECTED
        row.approver, row.decided_at, row.opinion = actor, timezone.now(), opinion
        row.full_clean()
        row.save(update_fields=["result", "approver", "decided_at", "opinion"])
        record_case_event(
            case=locked,
            action="cases.approval_granted" if approve else "cases.approval_rejected",
            actor=actor,
            data={"step": row.step, "round": row.round, "level": row.level, "opinion": opinion},
        )
        if approve:
            _after_approval(locked, row, actor, day)
        else:
            Approval.objects.filter(
                case=locked, step=row.step, round=row.round, result=ApprovalResult.PENDING
            ).update(result=ApprovalResult.CANCELLED)
            _step_rejected(locked, row.step, row.round, actor, day)
    return row


def _after_approval(case: Case, row: Approval, actor: User, on: datetime.date) -> None:
    policy = CasePolicy.for_agency(case.agency)
    levels = policy.levels_for(row.step)
    rows = list(Approval.objects.filter(case=case, step=row.step, round=row.round))
    if round_is_complete(rows, levels):
        _step_completed(case, row.step, row.round, actor, on)
        return
    present = {r.level for r in rows}
    waiting = [level for level in levels if level not in present]
    if policy.approval_is_sequential and waiting and not round_is_open(rows):
        Approval.objects.create(
            case=case,
            step=row.step,
            round=row.round,
            level=waiting[0],
            revision=row.revision,
            submitted_by=row.submitted_by,
            submitted_at=row.submitted_at,
        )


def _step_completed(case: Case, step: str, number: int, actor: User, on: datetime.date) -> None:
    spec = _GATED.get(ApprovalStep(step))
    if spec is not None:
        case_transition(case=case, transition=spec.name, actor=actor, on=on)
    elif step == ApprovalStep.EXTENSION:
        _extension_decided(case, number, actor, on, approved=True)


def _step_rejected(case: Case, step: str, number: int, actor: User, on: datetime.date) -> None:
    if step == ApprovalStep.EXTENSION:
        _extension_decided(case, number, actor, on, approved=False)


def _extension_decided(
    case: Case, number: int, actor: User, on: datetime.date, *, approved: bool
) -> None:
    """SAMR-PROC-18 / LAW-APL-60, SAMR-PROC-64: the extension takes effect or is refused."""
    extension = CaseExtension.objects.select_for_update().get(case=case, approval_round=number)
    extension.status = ApprovalResult.APPROVED if approved else ApprovalResult.REJECTED
    extension.decided_on = on
    extension.save(update_fields=["status", "decided_on"])
    if approved and extension.kind == ExtensionKind.LEAD_FILING:
        case.lead_extended = True
        case.save(update_fields=["lead_extended", "updated_at"])
        if case.received_on is not None:
            policy = CasePolicy.for_agency(case.agency)
            due = lead_filing_due(
                case.received_on, working_days=policy.lead_filing_days, extensions=1
            )
            deadline_reschedule(case=case, kind=DeadlineKind.LEAD_FILING, due_on=due)
    elif approved:
        decision_deadline_refresh(case=case, on=on)
    record_case_event(
        case=case,
        action="cases.extension_granted" if approved else "cases.extension_refused",
        actor=actor,
        data={"kind": extension.kind, "days": extension.days, "basis": extension.basis},
    )
