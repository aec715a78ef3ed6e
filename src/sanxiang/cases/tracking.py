"""Open, move and close the deadline rows of a case (`models.Deadline`).

Dates come from `cases.deadlines` (one function per rule id); this module only stores them so
that the case page can list every running deadline with its rule and an inbox can pick the
closest ones with one query. `deadlines_sweep` is the scheduled task that marks agency
deadlines missed and party windows elapsed.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import translation

from sanxiang.cases.balances import execution_complete
from sanxiang.cases.choices import DeadlineHolder, DeadlineKind, DeadlineStatus
from sanxiang.cases.deadlines import DEADLINE_RULES, closing_due, decision_due
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case, Deadline

__all__ = [
    "closing_deadline_if_executed",
    "deadline_close",
    "deadline_open",
    "deadline_reschedule",
    "deadlines_close_running",
    "deadlines_sweep",
    "decision_deadline_refresh",
]


def _label(rule: str) -> str:
    # Stored in the English source text; pages translate through DEADLINE_RULES[rule].
    with translation.override("en"):
        return str(DEADLINE_RULES[rule])


def deadline_open(
    *,
    case: Case,
    kind: DeadlineKind,
    rule: str,
    started_on: datetime.date,
    due_on: datetime.date,
    holder: DeadlineHolder = DeadlineHolder.AGENCY,
    subject: str = "",
) -> Deadline:
    """Start tracking a deadline; a running one of the same kind and subject is moved instead."""
    running = Deadline.objects.filter(
        case=case, kind=kind, subject=subject, status=DeadlineStatus.RUNNING
    ).first()
    if running is not None:
        running.rule, running.started_on, running.due_on = rule, started_on, due_on
        running.label = _label(rule)
        running.save(update_fields=["rule", "label", "started_on", "due_on"])
        return running
    deadline = Deadline(
        case=case,
        kind=kind,
        rule=rule,
        label=_label(rule),
        holder=holder,
        subject=subject,
        started_on=started_on,
        due_on=due_on,
    )
    deadline.full_clean()
    deadline.save()
    return deadline


def deadline_reschedule(
    *, case: Case, kind: DeadlineKind, due_on: datetime.date, subject: str = ""
) -> Deadline | None:
    """Move the due date of the running deadline (after an extension, pause or plan)."""
    running = Deadline.objects.filter(
        case=case, kind=kind, subject=subject, status=DeadlineStatus.RUNNING
    ).first()
    if running is not None and running.due_on != due_on:
        running.due_on = due_on
        running.save(update_fields=["due_on"])
    return running


def deadline_close(
    *,
    case: Case,
    kind: DeadlineKind,
    on: datetime.date,
    status: DeadlineStatus = DeadlineStatus.MET,
    subject: str = "",
) -> Deadline | None:
    """Close the running deadline of `kind` (met, missed, elapsed or cancelled) on `on`."""
    running = Deadline.objects.filter(
        case=case, kind=kind, subject=subject, status=DeadlineStatus.RUNNING
    ).first()
    if running is None:
        return None
    running.status = status
    running.met_on = on
    running.save(update_fields=["status", "met_on"])
    return running


def deadlines_close_running(*, case: Case, on: datetime.date) -> int:
    """Cancel every deadline still running (the case is closed or no longer needs them)."""
    return Deadline.objects.filter(case=case, status=DeadlineStatus.RUNNING).update(
        status=DeadlineStatus.CANCELLED, met_on=on
    )


def deadlines_sweep(*, on: datetime.date) -> int:
    """Close deadlines whose last day is before `on`: the agency's are missed (and recorded as
    a `cases.deadline_missed` event for supervision), the party's windows elapse.

    Meant for a daily task; returns how many deadlines it closed.
    """
    closed = 0
    overdue = Deadline.objects.filter(status=DeadlineStatus.RUNNING, due_on__lt=on).select_related(
        "case"
    )
    for deadline in overdue:
        with transaction.atomic():
            # The case row first, as every service does, then the deadline, then the ledger:
            # one lock order for every transaction that logs (docs/ledger.md).
            Case.objects.select_for_update(of=("self",)).filter(pk=deadline.case_id).first()
            locked = Deadline.objects.select_for_update().get(pk=deadline.pk)
            if locked.status != DeadlineStatus.RUNNING:
                continue
            missed = locked.holder == DeadlineHolder.AGENCY
            locked.status = DeadlineStatus.MISSED if missed else DeadlineStatus.ELAPSED
            locked.met_on = locked.due_on
            locked.save(update_fields=["status", "met_on"])
            if missed:
                record_case_event(
                    case=deadline.case,
                    action="cases.deadline_missed",
                    actor=None,
                    data={
                        "kind": locked.kind,
                        "rule": locked.rule,
                        "due_on": locked.due_on.isoformat(),
                    },
                )
            closed += 1
    return closed


def closing_deadline_if_executed(*, case: Case, on: datetime.date) -> Deadline | None:
    """Start the closing deadline (SAMR-PROC-77: 15 working days) once execution is complete.

    Called after anything that may complete execution: a delivery, a payment, an execution
    record. Does nothing while execution is incomplete or the deadline already runs.
    """
    if not execution_complete(case):
        return None
    if Deadline.objects.filter(case=case, kind=DeadlineKind.CLOSING).exists():
        return None
    deadline_close(case=case, kind=DeadlineKind.PAYMENT, on=on)
    return deadline_open(
        case=case,
        kind=DeadlineKind.CLOSING,
        rule="SAMR-PROC-77",
        started_on=on,
        due_on=closing_due(on),
    )


def decision_deadline_refresh(*, case: Case, on: datetime.date) -> Deadline | None:
    """Recompute the LAW-APL-60 due date from approved extensions and ended pauses
    (SAMR-PROC-64) and move the running decision deadline to it."""
    if case.filed_on is None:
        return None
    extension_days = sum(
        case.extensions.filter(kind="decision", status="approved").values_list("days", flat=True)
    )
    paused_days = sum(
        pause.days_until(on) for pause in case.clock_pauses.filter(ended_on__isnull=False)
    )
    due = decision_due(case.filed_on, extension_days=extension_days, paused_days=paused_days)
    return deadline_reschedule(case=case, kind=DeadlineKind.DECISION, due_on=due)
