"""Background tasks of the case app (DESIGN.md §3 decision 10, docs/decisions/0005).

`PERIODIC_TASKS` lists the jobs that `sanxiang tasks periodic` runs from cron or a systemd timer
(docs/deploy.md); `sanxiang.core.tasks` finds the list. Each task calls the service that does
the work and adds nothing to it: the services lock each row, check it again and commit it on
its own, so an overlapping run (another timer, another host) changes nothing twice, and a run
repeated on the same day finds nothing left to do. The case events they write carry
`task:<result id>` as request id, so the timeline shows which run wrote them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.apps import apps
from django.utils import timezone
from django_tasks import TaskContext, task
from django_tasks.base import Task

from sanxiang.cases.events import current_request_id
from sanxiang.cases.services import deadlines_sweep, preservations_lapse_overdue

__all__ = [
    "PERIODIC_TASKS",
    "lapse_overdue_preservations",
    "sign_ledger_checkpoint",
    "sweep_case_deadlines",
]


@contextmanager
def _events_tagged(context: TaskContext) -> Iterator[None]:
    token = current_request_id.set(f"task:{context.task_result.id}")
    try:
        yield
    finally:
        current_request_id.reset(token)


@task(takes_context=True)
def lapse_overdue_preservations(context: TaskContext) -> int:
    """Let preservations lapse whose 7-day disposal deadline passed (LAW-APL-56, SAMR-PROC-35).

    Returns how many lapsed; each is recorded as `cases.preservation_lapsed` and its deadline
    marked missed.
    """
    with _events_tagged(context):
        return preservations_lapse_overdue(on=timezone.localdate())


@task(takes_context=True)
def sweep_case_deadlines(context: TaskContext) -> int:
    """Mark the agency's overdue deadlines missed and the parties' past windows elapsed.

    Returns how many deadlines it closed; each missed one is recorded as
    `cases.deadline_missed` for supervision.
    """
    with _events_tagged(context):
        return deadlines_sweep(on=timezone.localdate())


@task()
def sign_ledger_checkpoint() -> int | None:
    """Sign a ledger checkpoint when entries were added and the interval passed (decision 6).

    Returns the size of the new checkpoint, or None when none was due.
    """
    # Imported here: the case app runs without the ledger app, which then lists no such task.
    from sanxiang.ledger.services import checkpoint_sign_if_due

    checkpoint = checkpoint_sign_if_due()
    return None if checkpoint is None else checkpoint.size


# Lapses first: a lapse closes the preservation's deadline with its own event, which the
# generic sweep would otherwise close first as a plain missed deadline.
PERIODIC_TASKS: list[Task[[], Any]] = [lapse_overdue_preservations, sweep_case_deadlines]
if apps.is_installed("sanxiang.ledger"):
    PERIODIC_TASKS.append(sign_ledger_checkpoint)
