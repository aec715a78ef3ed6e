"""Background tasks of publicity (`sanxiang tasks periodic`, see cases/tasks.py).

* `collect_publications`: opens a publication, due in 7 or 20 working days (GUO-118-06a/b),
  for every newly decided case; the hook by which decisions reach the workbench without the
  case services knowing about publicity.
* `remove_expired_publications`: takes publications down at the end of their display period
  (SAMR-PUB-13).
* `generate_yearly_reports`: from 1 January, drafts last year's statistics of every agency
  for review, to be published by 31 January (GUO-118-06d).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

from sanxiang.publicity.models import YearlyReport
from sanxiang.publicity.services import (
    publications_collect,
    publications_remove_expired,
    yearly_report_generate,
)
from sanxiang.registry.models import Agency

__all__ = [
    "PERIODIC_TASKS",
    "collect_publications",
    "generate_yearly_reports",
    "remove_expired_publications",
]


@task()
def collect_publications() -> int:
    """Open publications for decided cases that have none; returns how many were opened."""
    return publications_collect()


@task()
def remove_expired_publications() -> int:
    """Take down publications whose display period ended; returns how many."""
    return publications_remove_expired(on=timezone.localdate())


@task()
def generate_yearly_reports() -> int:
    """Draft last year's report of each active agency that has none; returns how many."""
    year = timezone.localdate().year - 1
    done = set(YearlyReport.objects.filter(year=year).values_list("agency_id", flat=True))
    created = 0
    for agency in Agency.objects.filter(is_active=True).exclude(pk__in=done):
        yearly_report_generate(agency=agency, year=year)
        created += 1
    return created


PERIODIC_TASKS: list[Task[[], Any]] = [
    collect_publications,
    remove_expired_publications,
    generate_yearly_reports,
]
