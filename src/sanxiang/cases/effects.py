"""What a move of the workflow does besides changing the status (`Transition.effects`).

Each effect runs inside `case_transition`, after every guard passed and before the status is
saved, in the same transaction: it may set fields on the locked case (it returns their names
so that they are saved with the status) and open or close deadlines. Keeping them here means a
move does the same thing whether a service or the final approval triggers it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sanxiang.cases.choices import (
    DeadlineHolder,
    DeadlineKind,
    DeadlineStatus,
    DecisionOutcome,
    Track,
)
from sanxiang.cases.deadlines import closing_due, decision_due, delivery_due, payment_due
from sanxiang.cases.guards import TransitionContext
from sanxiang.cases.models import Decision
from sanxiang.cases.tracking import (
    deadline_close,
    deadline_open,
    deadlines_close_running,
)
from sanxiang.core.docnumbers import format_document_number
from sanxiang.core.sequences import next_in_sequence

__all__ = ["Effect"]

Effect = Callable[[TransitionContext], Iterable[str]]

# The filing register (立案) of an agency: 津市监立〔2026〕12号 (STD-9704-7.2.5).
CASE_NUMBER_MARK = "立"


def assign_case_number(ctx: TransitionContext) -> Iterable[str]:
    """Give the case its number (案号) from the agency's gapless yearly filing sequence."""
    case = ctx.case
    agency = case.agency
    prefix = (agency.short_name or agency.name).replace(" ", "") + CASE_NUMBER_MARK
    sequence = next_in_sequence(scope=f"case:{agency.pk}", year=ctx.on.year)
    case.case_number = format_document_number(prefix=prefix, year=ctx.on.year, sequence=sequence)
    case.filed_on = ctx.on
    return ("case_number", "filed_on")


def start_decision_clock(ctx: TransitionContext) -> Iterable[str]:
    """LAW-APL-60: the 90-day decision clock starts at filing; the lead deadline is met."""
    deadline_close(case=ctx.case, kind=DeadlineKind.LEAD_FILING, on=ctx.on)
    deadline_open(
        case=ctx.case,
        kind=DeadlineKind.DECISION,
        rule="LAW-APL-60",
        started_on=ctx.on,
        due_on=decision_due(ctx.on),
    )
    return ()


def close_lead_deadline(ctx: TransitionContext) -> Iterable[str]:
    """SAMR-PROC-18: declining the lead meets the deadline to decide on it."""
    deadline_close(case=ctx.case, kind=DeadlineKind.LEAD_FILING, on=ctx.on)
    return ()


def open_statement_windows(ctx: TransitionContext) -> Iterable[str]:
    """SAMR-PROC-57 / LAW-APL-64(一): the party's windows start when the notice is served."""
    notice = ctx.notice()
    if notice is None or notice.served_on is None:
        return ()
    if notice.statement_window_end is not None:
        deadline_open(
            case=ctx.case,
            kind=DeadlineKind.STATEMENT_WINDOW,
            rule="SAMR-PROC-57",
            started_on=notice.served_on,
            due_on=notice.statement_window_end,
            holder=DeadlineHolder.PARTY,
        )
    if notice.hearing_right and notice.hearing_request_due is not None:
        deadline_open(
            case=ctx.case,
            kind=DeadlineKind.HEARING_REQUEST,
            rule="LAW-APL-64(一)",
            started_on=notice.served_on,
            due_on=notice.hearing_request_due,
            holder=DeadlineHolder.PARTY,
        )
    return ()


def close_hearing_request_window(ctx: TransitionContext) -> Iterable[str]:
    """LAW-APL-64(一): the request was made, so its window is met."""
    deadline_close(case=ctx.case, kind=DeadlineKind.HEARING_REQUEST, on=ctx.on)
    return ()


def make_decision(ctx: TransitionContext) -> Iterable[str]:
    """The drafted decision takes effect on this day, by the final approver (LAW-APL-57).

    Meets the decision clock, ends the party's windows, and starts the delivery deadline
    (LAW-APL-61) — or, for a dismissed case, the closing deadline (SAMR-PROC-77).
    """
    decision = Decision.objects.select_for_update().get(case=ctx.case)
    decision.decided_on = ctx.on
    decision.decided_by = ctx.actor
    decision.full_clean()
    decision.save(update_fields=["decided_on", "decided_by"])
    case = ctx.case
    deadline_close(case=case, kind=DeadlineKind.DECISION, on=ctx.on)
    for kind in (DeadlineKind.STATEMENT_WINDOW, DeadlineKind.HEARING_REQUEST):
        deadline_close(case=case, kind=kind, on=ctx.on, status=DeadlineStatus.ELAPSED)
    if decision.outcome == DecisionOutcome.DISMISSED:
        deadline_open(
            case=case,
            kind=DeadlineKind.CLOSING,
            rule="SAMR-PROC-77",
            started_on=ctx.on,
            due_on=closing_due(ctx.on),
        )
    elif case.track == Track.GENERAL:
        deadline_open(
            case=case,
            kind=DeadlineKind.DELIVERY,
            rule="LAW-APL-61",
            started_on=ctx.on,
            due_on=delivery_due(ctx.on),
        )
    return ()


def record_delivery_deadlines(ctx: TransitionContext) -> Iterable[str]:
    """LAW-APL-61 met; LAW-APL-67: payment due 15 days after receipt when money is owed,
    otherwise the closing deadline starts once nothing is left to execute (SAMR-PROC-77)."""
    case = ctx.case
    deadline_close(case=case, kind=DeadlineKind.DELIVERY, on=ctx.on)
    decision = Decision.objects.get(case=case)
    if decision.outcome == DecisionOutcome.PENALTY and decision.amount_due_fen:
        deadline_open(
            case=case,
            kind=DeadlineKind.PAYMENT,
            rule="LAW-APL-67",
            started_on=ctx.on,
            due_on=payment_due(ctx.on),
            # The party must pay; an unpaid fine is not an agency failure but starts the
            # late fee (LAW-APL-72), so the sweep lets this window elapse.
            holder=DeadlineHolder.PARTY,
        )
    return ()


def close_case(ctx: TransitionContext) -> Iterable[str]:
    """SAMR-PROC-77 met; every other running deadline ends with the case."""
    ctx.case.closed_on = ctx.on
    deadline_close(case=ctx.case, kind=DeadlineKind.CLOSING, on=ctx.on)
    deadlines_close_running(case=ctx.case, on=ctx.on)
    return ("closed_on",)


def archive_case(ctx: TransitionContext) -> Iterable[str]:
    """The case file is archived (归档保存, LAW-APL-47)."""
    ctx.case.archived_on = ctx.on
    return ("archived_on",)
