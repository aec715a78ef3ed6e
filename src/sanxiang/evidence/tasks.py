"""Background tasks of the evidence app (see `cases/tasks.py` for the convention).

`PERIODIC_TASKS` runs from `sanxiang tasks periodic`: the scheduled re-hash of stored files
(their integrity state shows on the case page) and the removal of abandoned uploads.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

from sanxiang.evidence.conf import verify_days
from sanxiang.evidence.models import EvidenceItem
from sanxiang.evidence.services import evidence_verify, uploads_expire

__all__ = ["PERIODIC_TASKS", "expire_abandoned_uploads", "reverify_evidence_files"]

# Files re-hashed per run, so one run stays bounded; the oldest checks go first.
BATCH = 500


@task()
def reverify_evidence_files() -> dict[str, int]:
    """Re-hash the files not checked for `SANXIANG_EVIDENCE_VERIFY_DAYS` (oldest first).

    Returns the count per resulting state; an altered or missing file becomes a case event.
    """
    cutoff = timezone.now() - datetime.timedelta(days=verify_days())
    due = EvidenceItem.objects.filter(verified_at__lt=cutoff) | EvidenceItem.objects.filter(
        verified_at__isnull=True
    )
    counts: dict[str, int] = {}
    for item in due.order_by("verified_at", "id")[:BATCH]:
        state = evidence_verify(item=item, actor=None).integrity
        counts[state] = counts.get(state, 0) + 1
    return counts


@task()
def expire_abandoned_uploads() -> int:
    """Remove resumable uploads abandoned for `SANXIANG_EVIDENCE_UPLOAD_HOURS`."""
    return uploads_expire()


PERIODIC_TASKS: list[Task[[], Any]] = [reverify_evidence_files, expire_abandoned_uploads]
