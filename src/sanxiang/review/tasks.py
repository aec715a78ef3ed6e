"""Background tasks of the review app (the `PERIODIC_TASKS` convention of `cases.tasks`).

`sweep_reviews` runs daily from `sanxiang tasks periodic`: reminders before the review time
limit, overdue marks after it (SAMR-PROC-55, GUO-118-14), and the filing of reviewed major
decisions with the supervising office, with its reminder and overdue mark (TJ-SUP-14). The
service locks and re-checks each row, so an overlapping or repeated run writes nothing twice.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django_tasks import TaskContext, task
from django_tasks.base import Task

from sanxiang.cases.events import current_request_id
from sanxiang.review.services import reviews_sweep

__all__ = ["PERIODIC_TASKS", "sweep_reviews"]


@task(takes_context=True)
def sweep_reviews(context: TaskContext) -> int:
    """Remind, mark overdue and open due filings; returns how many events it wrote."""
    token = current_request_id.set(f"task:{context.task_result.id}")
    try:
        return reviews_sweep(on=timezone.localdate())
    finally:
        current_request_id.reset(token)


PERIODIC_TASKS: list[Task[[], Any]] = [sweep_reviews]
