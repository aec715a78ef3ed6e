"""What the party owes and has paid (LAW-APL-66/67/72/73), and whether execution is complete.

Read-only: the platform records bank and e-payment confirmations and never receives money
(LAW-APL-67). The late-payment surcharge (加处罚款) is `deadlines.late_fee` on the fine, from
the day after the payment is due — the end of an approved payment plan (LAW-APL-66) or 15 days
after the decision was received (LAW-APL-67) — leaving out the days a reconsideration or lawsuit
was pending (LAW-APL-73).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Sum

from sanxiang.cases.choices import DecisionOutcome, DeliveredDocument, ExecutionKind
from sanxiang.cases.deadlines import late_fee, payment_due
from sanxiang.cases.models import Case, Decision, PaymentPlan
from sanxiang.core.money import Fen
from sanxiang.registry.models import PenaltyType

__all__ = ["Balance", "case_balance", "case_late_fee", "case_payment_due", "execution_complete"]

_COURT_ENDS = frozenset({ExecutionKind.COURT_CONCLUDED, ExecutionKind.TERMINATED})
_EXECUTED_BY_DELIVERY_OR_PAYMENT = frozenset(
    {PenaltyType.WARNING, PenaltyType.FINE, PenaltyType.CONFISCATE_GAINS}
)
_OUTCOME_RECORD = {
    DecisionOutcome.NO_PENALTY: ExecutionKind.EDUCATION,  # LAW-APL-33 "应当对当事人进行教育"
    DecisionOutcome.TRANSFER: ExecutionKind.TRANSFER_HANDED_OVER,  # LAW-APL-27
}


@dataclass(frozen=True, slots=True)
class Balance:
    """Money under the decision on one day, in fen."""

    principal_fen: Fen  # fine plus confiscated gains
    late_fee_fen: Fen
    paid_fen: Fen
    due_on: datetime.date | None

    @property
    def outstanding_fen(self) -> Fen:
        return max(self.principal_fen + self.late_fee_fen - self.paid_fen, 0)


def _decision(case: Case) -> Decision | None:
    return Decision.objects.filter(case=case, decided_on__isnull=False).first()


def case_payment_due(case: Case) -> datetime.date | None:
    """The last day to pay: the plan's end (LAW-APL-66) or receipt + 15 days (LAW-APL-67)."""
    plan = PaymentPlan.objects.filter(case=case).first()
    if plan is not None:
        return plan.ends_on
    first = (
        case.deliveries.filter(document=DeliveredDocument.DECISION)
        .order_by("delivered_on")
        .values_list("delivered_on", flat=True)
        .first()
    )
    return payment_due(first) if first is not None else None


def case_late_fee(case: Case, on: datetime.date) -> Fen:
    """The surcharge on the fine as of `on` (LAW-APL-72), paused during remedies (LAW-APL-73)."""
    decision = _decision(case)
    due_on = case_payment_due(case)
    if decision is None or not decision.fine_fen or due_on is None:
        return 0
    paused = [pause.interval(on) for pause in case.remedy_pauses.all()]
    return late_fee(decision.fine_fen, due_on=due_on, on=on, paused=paused)


def _paid(case: Case) -> Fen:
    total: int | None = case.payments.aggregate(total=Sum("amount_fen"))["total"]
    return total or 0


def case_balance(case: Case, on: datetime.date) -> Balance:
    """Principal, surcharge to `on`, and the total paid."""
    decision = _decision(case)
    principal = decision.amount_due_fen if decision is not None else 0
    return Balance(
        principal_fen=principal,
        late_fee_fen=case_late_fee(case, on),
        paid_fen=_paid(case),
        due_on=case_payment_due(case),
    )


def execution_complete(case: Case) -> bool:
    """Whether the decision has been executed (SAMR-PROC-77, LAW-APL-47 stage 执行).

    Penalty: the fine and confiscated gains paid in full (surcharge to the last payment
    included) and, for types other than a warning, fine or confiscated gains, an execution
    record — or the court ended enforcement. A warning is carried out by delivering the
    decision. No penalty: the education record; transfer: the hand-over record; dismissed:
    nothing to execute.
    """
    decision = _decision(case)
    if decision is None:
        return False
    kinds = set(case.executions.values_list("kind", flat=True))
    if decision.outcome == DecisionOutcome.DISMISSED:
        return True
    if decision.outcome in _OUTCOME_RECORD:
        return _OUTCOME_RECORD[DecisionOutcome(decision.outcome)] in kinds
    if kinds & _COURT_ENDS:
        return True
    if decision.amount_due_fen:
        last_paid = case.payments.order_by("-paid_on").values_list("paid_on", flat=True).first()
        if last_paid is None or case_balance(case, last_paid).outstanding_fen:
            return False
    # A warning is carried out by delivering the decision; money by payment; anything else
    # (licence revoked, business suspended, property confiscated…) needs an execution record.
    if set(decision.penalty_types) - _EXECUTED_BY_DELIVERY_OR_PAYMENT:
        return ExecutionKind.PERFORMED in kinds
    return True
