"""Yearly enforcement statistics (执法统计年报, GUO-118-06d).

Generated from the year's data (and frozen in the report), reviewed by a head of the agency
and published by 31 January of the following year. The portal shows them with charts.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.cases.models import Case, Decision, RemedyPause
from sanxiang.core.errors import ApplicationError
from sanxiang.publicity.access import PUBLISHERS, require_role
from sanxiang.publicity.deadlines import yearly_report_due
from sanxiang.publicity.models import Publication, PublicationStatus, ReportStatus, YearlyReport
from sanxiang.registry.models import Agency, User

__all__ = ["yearly_report_data", "yearly_report_generate", "yearly_report_publish"]


def yearly_report_data(*, agency: Agency, year: int) -> dict[str, Any]:
    """The statistics of `agency` for `year`: counts by act type and outcome, amounts,
    publication timeliness, withdrawals and remedies. Plain numbers, JSON-ready."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    # A case counts in the year it was filed (or, for an on-the-spot penalty, decided; for
    # another act or a lead, received), not the year its row was written.
    cases = Case.objects.filter(agency=agency).annotate(
        case_day=Coalesce("filed_on", "simple_filed_on", "received_on", TruncDate("created_at"))
    )
    by_act = dict(
        cases.filter(case_day__range=(start, end))
        .values_list("act_type")
        .annotate(n=Count("pk"))
        .values_list("act_type", "n")
    )
    decisions = Decision.objects.filter(case__agency=agency, decided_on__range=(start, end))
    by_outcome = dict(decisions.values_list("outcome").annotate(n=Count("pk")))
    amounts = decisions.aggregate(fine=Sum("fine_fen"), confiscation=Sum("confiscation_fen"))
    by_month = [0] * 12
    for day in decisions.values_list("decided_on", flat=True):
        if day is not None:
            by_month[day.month - 1] += 1
    publications = Publication.objects.filter(agency=agency, decided_on__range=(start, end))
    published = publications.exclude(published_on__isnull=True)
    return {
        "year": year,
        "cases_by_act_type": by_act,
        "decisions_by_outcome": by_outcome,
        "decisions_by_month": by_month,
        "fine_fen": amounts["fine"] or 0,
        "confiscation_fen": amounts["confiscation"] or 0,
        "publications": publications.count(),
        "published": published.count(),
        "published_late": published.filter(published_late=True).count(),
        "withdrawn": publications.filter(status=PublicationStatus.WITHDRAWN).count(),
        "remedies": RemedyPause.objects.filter(
            case__agency=agency, started_on__range=(start, end)
        ).count(),
    }


@transaction.atomic
def yearly_report_generate(*, agency: Agency, year: int) -> YearlyReport:
    """Generate (or regenerate, while still a draft) the report of `year` from the data."""
    report = YearlyReport.objects.select_for_update().filter(agency=agency, year=year).first()
    if report is not None and report.status == ReportStatus.PUBLISHED:
        raise ApplicationError(
            _("The report is published and frozen."), code="publicity.report_published"
        )
    data = yearly_report_data(agency=agency, year=year)
    if report is None:
        return YearlyReport.objects.create(
            agency=agency,
            year=year,
            data=data,
            generated_at=timezone.now(),
            due_on=yearly_report_due(year),
        )
    report.data = data
    report.generated_at = timezone.now()
    report.save(update_fields=["data", "generated_at"])
    return report


@transaction.atomic
def yearly_report_publish(
    *, report: YearlyReport, actor: User, on: datetime.date | None = None
) -> YearlyReport:
    """A head of the agency reviews and publishes the report (GUO-118-06d: by 31 January)."""
    require_role(actor, PUBLISHERS, code="publicity.not_publisher")
    row = YearlyReport.objects.select_for_update().get(pk=report.pk)
    if actor.agency_id != row.agency_id:
        raise ApplicationError(_("Not found."), code="not_found")
    if row.status == ReportStatus.PUBLISHED:
        raise ApplicationError(
            _("The report is published and frozen."), code="publicity.report_published"
        )
    row.status = ReportStatus.PUBLISHED
    row.reviewed_by = actor
    row.published_on = on or timezone.localdate()
    row.save(update_fields=["status", "reviewed_by", "published_on"])
    return row
