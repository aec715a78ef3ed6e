"""Enforcement (执行): payment plans (LAW-APL-66), payments (LAW-APL-67), pauses of the
surcharge during remedies (LAW-APL-73) and execution records (LAW-APL-47 stage 执行)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.access import require_agency_head
from sanxiang.cases.balances import case_balance
from sanxiang.cases.choices import (
    CaseStatus,
    DeadlineKind,
    DecisionOutcome,
    ExecutionKind,
    PaymentChannel,
    PaymentPlanKind,
    RemedyKind,
)
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case, Decision, Execution, Payment, PaymentPlan, RemedyPause
from sanxiang.cases.refusals import refuse
from sanxiang.cases.services.writing import lock_case, require_status, today, validated_save
from sanxiang.cases.tracking import closing_deadline_if_executed, deadline_reschedule
from sanxiang.registry.models import User

__all__ = [
    "execution_record",
    "payment_plan_approve",
    "payment_record",
    "remedy_pause_start",
    "remedy_pause_stop",
]

_AFTER_DECISION = frozenset({CaseStatus.DECIDED, CaseStatus.DELIVERED, CaseStatus.ENFORCING})
# What an execution record may say for each outcome.
_EXECUTION_KINDS: dict[str, frozenset[str]] = {
    DecisionOutcome.PENALTY: frozenset(
        {
            ExecutionKind.PERFORMED,
            ExecutionKind.COURT_APPLICATION,
            ExecutionKind.COURT_CONCLUDED,
            ExecutionKind.TERMINATED,
        }
    ),
    DecisionOutcome.NO_PENALTY: frozenset({ExecutionKind.EDUCATION}),
    DecisionOutcome.TRANSFER: frozenset({ExecutionKind.TRANSFER_HANDED_OVER}),
    DecisionOutcome.DISMISSED: frozenset(),
}


def _decision(case: Case) -> Decision:
    decision = Decision.objects.filter(case=case, decided_on__isnull=False).first()
    if decision is None:
        refuse(
            _("There is no decision yet (decision, LAW-APL-67)."),
            code="cases.enforcement.no_decision",
            rule="LAW-APL-67",
            field="decision",
        )
    return decision


def payment_plan_approve(
    *,
    case: Case,
    kind: PaymentPlanKind | str,
    applied_on: datetime.date,
    reason: str,
    instalments: Sequence[tuple[datetime.date, int]],
    approved_on: datetime.date | None = None,
    actor: User,
) -> PaymentPlan:
    """Approve the party's application to defer or pay by instalments (LAW-APL-66
    "经当事人申请和行政机关批准").

    Preconditions: the case is being enforced and has no plan; the actor is the agency head;
    the instalments (a deferral has one) add up to the money due and fall on or after the
    application. Side effects: the plan; the payment deadline moves to its last day, and the
    surcharge runs only after it (LAW-APL-66/72). Event `cases.payment_plan_approved`.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, [CaseStatus.ENFORCING], action=_("approve a payment plan"))
        require_agency_head(actor, locked, rule="LAW-APL-66")
        decision = _decision(locked)
        if PaymentPlan.objects.filter(case=locked).exists():
            refuse(
                _("This case already has a payment plan (plan, LAW-APL-66)."),
                code="cases.plan.exists",
                rule="LAW-APL-66",
                field="instalments",
            )
        dates = [due for due, _amount in instalments]
        total = sum(amount for _due, amount in instalments)
        single = kind == PaymentPlanKind.DEFERRAL
        if (
            not instalments
            or (single and len(instalments) != 1)
            or any(amount <= 0 for _due, amount in instalments)
            or total != decision.amount_due_fen
            or min(dates) < applied_on
        ):
            refuse(
                _(
                    "The instalments must add up to the %(total)s fen due, each positive and "
                    "not before the application; a deferral has one (instalments, LAW-APL-66)."
                )
                % {"total": decision.amount_due_fen},
                code="cases.plan.instalments_invalid",
                rule="LAW-APL-66",
                field="instalments",
            )
        plan = PaymentPlan(
            case=locked,
            kind=kind,
            applied_on=applied_on,
            reason=reason.strip(),
            instalments=[
                {"due_on": due.isoformat(), "amount_fen": amount}
                for due, amount in sorted(instalments)
            ],
            ends_on=max(dates),
            approved_by=actor,
            approved_on=today(approved_on),
        )
        validated_save(plan)
        deadline_reschedule(case=locked, kind=DeadlineKind.PAYMENT, due_on=plan.ends_on)
        record_case_event(
            case=locked,
            action="cases.payment_plan_approved",
            actor=actor,
            data={"plan": plan.pk, "kind": plan.kind, "ends_on": plan.ends_on, "total": total},
        )
    return plan


def payment_record(
    *,
    case: Case,
    amount_fen: int,
    paid_on: datetime.date,
    channel: PaymentChannel | str,
    reference: str,
    actor: User,
) -> Payment:
    """Record a payment confirmed by the bank or the e-payment system (LAW-APL-67: the platform
    records confirmations and never receives money).

    Preconditions: the case is being enforced; the amount is positive; the confirmation
    number is given; on-the-spot collection belongs to the simple procedure
    (`case_decide_on_spot`, LAW-APL-68). Side effects: once the fine, confiscated gains and
    the surcharge to that day are paid, the payment deadline is met and the closing deadline
    starts (SAMR-PROC-77). Event `cases.payment_recorded` with the balance.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, [CaseStatus.ENFORCING], action=_("record a payment"))
        _decision(locked)
        if channel == PaymentChannel.ON_SPOT:
            refuse(
                _(
                    "Collection on the spot is only part of the simple procedure "
                    "(channel, LAW-APL-68)."
                ),
                code="cases.payment.on_spot_not_allowed",
                rule="LAW-APL-68",
                field="channel",
            )
        if not reference.strip():
            refuse(
                _("Give the bank or e-payment confirmation number (reference, LAW-APL-67)."),
                code="cases.payment.reference_required",
                rule="LAW-APL-67",
                field="reference",
            )
        payment = Payment(
            case=locked,
            amount_fen=amount_fen,
            paid_on=paid_on,
            channel=channel,
            reference=reference.strip(),
            recorded_by=actor,
        )
        validated_save(payment)
        balance = case_balance(locked, paid_on)
        closing_deadline_if_executed(case=locked, on=paid_on)
        record_case_event(
            case=locked,
            action="cases.payment_recorded",
            actor=actor,
            data={
                "payment": payment.pk,
                "amount_fen": amount_fen,
                "paid_on": paid_on,
                "late_fee_fen": balance.late_fee_fen,
                "outstanding_fen": balance.outstanding_fen,
            },
        )
    return payment


def remedy_pause_start(
    *,
    case: Case,
    kind: RemedyKind | str,
    started_on: datetime.date,
    reference: str = "",
    actor: User,
) -> RemedyPause:
    """Record a pending reconsideration or lawsuit: execution goes on, but the surcharge is not
    counted meanwhile (LAW-APL-73). One at a time. Event `cases.remedy_started`."""
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, _AFTER_DECISION, action=_("record a reconsideration or lawsuit"))
        if locked.remedy_pauses.filter(ended_on__isnull=True).exists():
            refuse(
                _("A reconsideration or lawsuit is already pending (remedy, LAW-APL-73)."),
                code="cases.remedy.already_pending",
                rule="LAW-APL-73",
                field="kind",
            )
        pause = RemedyPause(
            case=locked,
            kind=kind,
            started_on=started_on,
            reference=reference.strip(),
            created_by=actor,
        )
        validated_save(pause)
        record_case_event(
            case=locked,
            action="cases.remedy_started",
            actor=actor,
            data={"remedy": pause.pk, "kind": pause.kind, "started_on": started_on},
        )
    return pause


def remedy_pause_stop(*, pause: RemedyPause, ended_on: datetime.date, actor: User) -> RemedyPause:
    """Record that the reconsideration or lawsuit ended; the surcharge runs again from the next
    day (LAW-APL-73). Event `cases.remedy_ended`."""
    with transaction.atomic():
        locked = lock_case(pause.case, actor)
        row = RemedyPause.objects.select_for_update().get(pk=pause.pk)
        if row.ended_on is not None or ended_on < row.started_on:
            refuse(
                _(
                    "The remedy has ended already or would end before it started (ended on, "
                    "LAW-APL-73)."
                ),
                code="cases.remedy.invalid_end",
                rule="LAW-APL-73",
                field="ended_on",
            )
        row.ended_on = ended_on
        validated_save(row, update_fields=["ended_on"])
        record_case_event(
            case=locked,
            action="cases.remedy_ended",
            actor=actor,
            data={"remedy": row.pk, "ended_on": ended_on},
        )
    return row


def execution_record(
    *,
    case: Case,
    kind: ExecutionKind | str,
    executed_on: datetime.date,
    description: str,
    actor: User,
) -> Execution:
    """Record the execution stage (执行, LAW-APL-47) for what a payment does not cover.

    Penalty: carried out (licence revoked, business suspended…), court enforcement applied for
    or concluded (LAW-ACL-53), enforcement terminated; no penalty: the party was educated
    (LAW-APL-33 "应当对当事人进行教育"); transfer: the case was handed over (LAW-APL-27).
    Side effects: when execution is complete the closing deadline starts (SAMR-PROC-77). Event
    `cases.execution_recorded`.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, _AFTER_DECISION, action=_("record the execution"))
        decision = _decision(locked)
        if kind not in _EXECUTION_KINDS[decision.outcome]:
            refuse(
                _("This record does not fit a decision of this outcome (kind, LAW-APL-47)."),
                code="cases.execution.kind_not_allowed",
                rule="LAW-APL-47",
                field="kind",
            )
        execution = Execution(
            case=locked,
            kind=kind,
            executed_on=executed_on,
            description=description,
            recorded_by=actor,
        )
        validated_save(execution)
        closing_deadline_if_executed(case=locked, on=executed_on)
        record_case_event(
            case=locked,
            action="cases.execution_recorded",
            actor=actor,
            data={"execution": execution.pk, "kind": execution.kind, "executed_on": executed_on},
        )
    return execution
