"""Filing reviewed major decisions with the supervising legal office (备案, TJ-SUP-14), and
the daily sweep of review time limits (SAMR-PROC-55, GUO-118-14): reminders and overdue marks.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.access import require_case_writer
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case, Decision
from sanxiang.cases.refusals import refuse
from sanxiang.core.errors import ApplicationError
from sanxiang.core.workdays import WorkdayCalendar
from sanxiang.registry.models import User
from sanxiang.review.deadlines import filing_due, reminder_day
from sanxiang.review.models import (
    LegalReview,
    ReviewPolicy,
    ReviewStage,
    ReviewStatus,
    SupervisorFiling,
)
from sanxiang.review.models.choices import OPEN_STATUSES
from sanxiang.review.services.common import today

__all__ = ["filing_record", "filings_open_due", "reviews_sweep"]


def _filing_for(case: Case, calendar: WorkdayCalendar | None = None) -> SupervisorFiling | None:
    """The filing row of a decided, reviewed case (created when missing), else None."""
    existing = SupervisorFiling.objects.filter(case=case).first()
    if existing is not None:
        return existing
    decision = Decision.objects.filter(case=case, decided_on__isnull=False).first()
    if decision is None or decision.decided_on is None:
        return None
    if not LegalReview.objects.filter(
        case=case, status=ReviewStatus.APPROVED, stage=ReviewStage.DECISION
    ).exists():
        return None
    policy = ReviewPolicy.for_agency(case.agency)
    due = filing_due(
        decision.decided_on,
        days=policy.filing_days,
        working_days=policy.filing_in_working_days,
        calendar=calendar,
    )
    return SupervisorFiling.objects.create(
        case=case, decided_on=decision.decided_on, due_on=due, office=policy.supervising_office
    )


def filing_record(
    *,
    case: Case,
    filed_on: datetime.date,
    reference: str,
    office: str = "",
    actor: User,
) -> SupervisorFiling:
    """Record that the reviewed major decision was filed with the supervising legal office
    (TJ-SUP-14). Preconditions: `actor` is enforcement staff of the agency; the case is decided
    after an approved review; not filed yet; a filing reference; not before the decision.
    Event `review.filed_with_supervisor`."""
    with transaction.atomic():
        locked = (
            Case.objects.select_for_update(of=("self",)).select_related("agency").get(pk=case.pk)
        )
        require_case_writer(actor, locked)
        filing = _filing_for(locked)
        if filing is None:
            raise ApplicationError(
                _(
                    "Only a major decision made after legal review is filed with the supervising "
                    "office."
                ),
                code="review.filing_not_due",
                extra={"field": "case", "rule": "TJ-SUP-14"},
            )
        filing = SupervisorFiling.objects.select_for_update().get(pk=filing.pk)
        if filing.filed_on is not None:
            refuse(
                _("The decision was already filed on %(day)s (filed on, TJ-SUP-14).")
                % {"day": filing.filed_on.isoformat()},
                code="review.already_filed",
                rule="TJ-SUP-14",
                field="filed_on",
            )
        if filed_on < filing.decided_on or not reference.strip():
            refuse(
                _(
                    "Give the filing reference and a day not before the decision (filed on, "
                    "TJ-SUP-14)."
                ),
                code="review.filing_invalid",
                rule="TJ-SUP-14",
                field="filed_on" if reference.strip() else "reference",
            )
        filing.filed_on, filing.reference = filed_on, reference.strip()
        filing.office = office.strip() or filing.office
        filing.filed_by = actor
        filing.full_clean()
        filing.save()
        record_case_event(
            case=locked,
            action="review.filed_with_supervisor",
            actor=actor,
            data={
                "filed_on": filed_on,
                "reference": filing.reference,
                "office": filing.office,
                "due_on": filing.due_on,
                "late": filed_on > filing.due_on,
            },
        )
    return filing


def filings_open_due(*, on: datetime.date | None = None) -> int:
    """Create the filing rows of reviewed decisions that have none yet; returns how many."""
    calendar = WorkdayCalendar()
    created = 0
    cases = Case.objects.filter(
        decision__decided_on__isnull=False,
        legal_reviews__status=ReviewStatus.APPROVED,
        legal_reviews__stage=ReviewStage.DECISION,
        supervisor_filing__isnull=True,
    ).distinct()
    for case in cases.select_related("agency"):
        with transaction.atomic():
            if _filing_for(case, calendar) is not None:
                created += 1
    return created


def reviews_sweep(*, on: datetime.date | None = None) -> int:
    """Remind and mark overdue (SAMR-PROC-55, GUO-118-14, TJ-SUP-14); returns the events written.

    An open round gets `review.reminded` once, from `reminder_days` working days before it is
    due, and `review.overdue` once, the day after it is due. A filing gets
    `review.filing_reminder` and `review.filing_overdue` the same way. Each row is locked and
    checked again, so an overlapping run writes nothing twice.
    """
    day = today(on)
    calendar = WorkdayCalendar()
    filings_open_due(on=day)
    written = 0
    policies: dict[int, ReviewPolicy] = {}

    def policy_of(case: Case) -> ReviewPolicy:
        if case.agency_id not in policies:
            policies[case.agency_id] = ReviewPolicy.for_agency(case.agency)
        return policies[case.agency_id]

    open_ids = (
        LegalReview.objects.filter(status__in=sorted(OPEN_STATUSES))
        .filter(overdue_marked_on__isnull=True)
        .values_list("pk", flat=True)
    )
    for pk in list(open_ids):
        with transaction.atomic():
            review = (
                LegalReview.objects.select_for_update(of=("self",))
                .select_related("case", "case__agency")
                .get(pk=pk)
            )
            if not review.is_open:
                continue
            policy = policy_of(review.case)
            if review.due_on < day and review.overdue_marked_on is None:
                review.overdue_marked_on = day
                review.save(update_fields=["overdue_marked_on", "updated_at"])
                record_case_event(
                    case=review.case,
                    action="review.overdue",
                    actor=None,
                    data={"review": review.pk, "round": review.round, "due_on": review.due_on},
                )
                written += 1
            elif review.reminded_on is None and day >= reminder_day(
                review.due_on, working_days_before=policy.reminder_days, calendar=calendar
            ):
                review.reminded_on = day
                review.save(update_fields=["reminded_on", "updated_at"])
                record_case_event(
                    case=review.case,
                    action="review.reminded",
                    actor=None,
                    data={"review": review.pk, "round": review.round, "due_on": review.due_on},
                )
                written += 1
    filing_ids = SupervisorFiling.objects.filter(
        filed_on__isnull=True, overdue_marked_on__isnull=True
    ).values_list("pk", flat=True)
    for pk in list(filing_ids):
        with transaction.atomic():
            filing = (
                SupervisorFiling.objects.select_for_update(of=("self",))
                .select_related("case", "case__agency")
                .get(pk=pk)
            )
            if filing.filed_on is not None:
                continue
            if filing.due_on < day and filing.overdue_marked_on is None:
                filing.overdue_marked_on = day
                filing.save(update_fields=["overdue_marked_on"])
                action = "review.filing_overdue"
            elif filing.reminded_on is None and day >= reminder_day(
                filing.due_on,
                working_days_before=policy_of(filing.case).reminder_days,
                calendar=calendar,
            ):
                filing.reminded_on = day
                filing.save(update_fields=["reminded_on"])
                action = "review.filing_reminder"
            else:
                continue
            record_case_event(
                case=filing.case, action=action, actor=None, data={"due_on": filing.due_on}
            )
            written += 1
    return written
