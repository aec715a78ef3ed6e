"""Every read of the review app, scoped by the user (STYLE 3), and the data of the
法制审核意见书 for the documents app (`review_opinion_data`)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from sanxiang.cases.models import Case
from sanxiang.core.workdays import WorkdayCalendar
from sanxiang.registry.access import AnyUser
from sanxiang.registry.models import Agency, MajorDecisionRule
from sanxiang.registry.selectors.organisations import ReviewerStaffing, reviewer_staffing
from sanxiang.review.access import access_review, visible_reviews
from sanxiang.review.models import (
    Finding,
    LegalReview,
    ReviewAssignment,
    ReviewFinding,
    ReviewItem,
    ReviewStatus,
    SupervisorFiling,
)
from sanxiang.review.models.choices import DECIDED_STATUSES, OPEN_STATUSES

__all__ = [
    "ReviewOpinionData",
    "ReviewStatistics",
    "access_review",
    "case_reviews",
    "review_list",
    "review_opinion_data",
    "review_statistics",
    "reviewer_staffing",
]


@dataclass(frozen=True)
class ReviewOpinionData:
    """What the 法制审核意见书 shows: the latest concluded round of a case (GUO-118-13)."""

    case_number: str
    case_title: str
    agency_name: str
    round: int
    submitted_on: datetime.date
    reviewed_on: datetime.date | None
    reviewers: list[str]
    triggers: list[str]
    checklist: list[tuple[str, str, str]]
    conclusion: str  # "approved" or "returned"
    conclusion_label: str
    opinion: str


def review_opinion_data(*, case: Case) -> ReviewOpinionData | None:
    """The latest approved or returned round of `case` as the opinion document needs it, or
    None when no round was concluded. The caller has checked that the user may see the case.

    The checklist lists the seven GUO-118-13 items in order, each with its finding label and
    note. For a round the agency head decided after escalation (GUO-118-14), the opinion is the
    reviewer's followed by the head's.
    """
    review = (
        LegalReview.objects.filter(case=case, status__in=sorted(DECIDED_STATUSES))
        .select_related("case", "case__agency")
        .prefetch_related(
            Prefetch("assignments", queryset=ReviewAssignment.objects.select_related("reviewer"))
        )
        .order_by("-round")
        .first()
    )
    if review is None:
        return None
    findings = {f.item: f for f in ReviewFinding.objects.filter(review=review)}
    checklist = []
    for item in ReviewItem:
        row = findings.get(item.value)
        checklist.append(
            (
                str(item.label),
                str(Finding(row.finding).label) if row else "",
                row.note if row else "",
            )
        )
    opinion = review.opinion
    if review.escalation_opinion:
        opinion = f"{opinion}\n{review.escalation_opinion}".strip()
    reviewed_on = review.escalation_decided_on or review.concluded_on
    return ReviewOpinionData(
        case_number=review.case.case_number,
        case_title=review.case.title,
        agency_name=review.case.agency.name,
        round=review.round,
        submitted_on=review.submitted_on,
        reviewed_on=reviewed_on,
        reviewers=[a.reviewer.display_name for a in review.assignments.all()],
        triggers=[str(t.get("reason", "")) for t in review.triggers],
        checklist=checklist,
        conclusion=str(review.status),
        conclusion_label=str(ReviewStatus(review.status).label),
        opinion=opinion,
    )


# Lists ----------------------------------------------------------------------------------------

INBOX_VIEWS = ("mine", "queue", "overdue", "open", "all")


def review_list(
    *, user: AnyUser, view: str = "open", filters: Mapping[str, Any] | None = None
) -> QuerySet[LegalReview]:
    """The reviews `user` may see: `mine` (assigned to them, open), `queue` (submitted, not
    assigned yet), `overdue` (open past the time limit), `open`, `all`."""
    today = timezone.localdate()
    qs = visible_reviews(user).select_related("case", "case__agency", "submitted_by")
    if view == "mine":
        qs = qs.filter(
            assignments__reviewer_id=getattr(user, "pk", None), status__in=sorted(OPEN_STATUSES)
        )
    elif view == "queue":
        qs = qs.filter(status=ReviewStatus.SUBMITTED)
    elif view == "overdue":
        qs = qs.filter(status__in=sorted(OPEN_STATUSES), due_on__lt=today)
    elif view == "open":
        qs = qs.filter(status__in=sorted(OPEN_STATUSES))
    filters = filters or {}
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("case"):
        qs = qs.filter(case_id=filters["case"])
    return qs.prefetch_related(
        Prefetch("assignments", queryset=ReviewAssignment.objects.select_related("reviewer"))
    ).order_by("due_on", "id")


def case_reviews(case: Case) -> list[LegalReview]:
    """Every round of a case the caller may see (the caller checked the case), newest first."""
    return list(
        LegalReview.objects.filter(case=case)
        .prefetch_related(
            Prefetch("assignments", queryset=ReviewAssignment.objects.select_related("reviewer")),
            "findings",
        )
        .order_by("-round")
    )


def inbox_counts(*, user: AnyUser) -> dict[str, int]:
    today = timezone.localdate()
    qs = visible_reviews(user)
    open_q = Q(status__in=sorted(OPEN_STATUSES))
    return qs.aggregate(
        mine=Count(
            "id",
            filter=open_q & Q(assignments__reviewer_id=getattr(user, "pk", None)),
            distinct=True,
        ),
        queue=Count("id", filter=Q(status=ReviewStatus.SUBMITTED), distinct=True),
        overdue=Count("id", filter=open_q & Q(due_on__lt=today), distinct=True),
        open=Count("id", filter=open_q, distinct=True),
    )


def filings_list(*, user: AnyUser) -> QuerySet[SupervisorFiling]:
    """The unfiled major decisions of the cases `user` may see (TJ-SUP-14)."""
    from sanxiang.cases.access import case_scope_q

    return (
        SupervisorFiling.objects.filter(case_scope_q(user, prefix="case__"), filed_on__isnull=True)
        .select_related("case")
        .order_by("due_on")
    )


# Statistics and staffing --------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewStatistics:
    """An agency's reviews over a period (GUO-118-14, supervision of the three systems)."""

    submitted: int
    approved: int
    returned: int
    open: int
    overdue: int
    concluded_late: int
    average_working_days: float | None

    @property
    def return_rate(self) -> float | None:
        concluded = self.approved + self.returned
        return None if concluded == 0 else self.returned / concluded


def review_statistics(
    *, agency: Agency, since: datetime.date | None = None, until: datetime.date | None = None
) -> ReviewStatistics:
    """Counts, return rate, average time in working days and overdue rounds of `agency`.

    Two queries and one working-day computation per concluded round (one calendar)."""
    today = timezone.localdate()
    qs = LegalReview.objects.filter(case__agency=agency)
    if since is not None:
        qs = qs.filter(submitted_on__gte=since)
    if until is not None:
        qs = qs.filter(submitted_on__lte=until)
    open_q = Q(status__in=sorted(OPEN_STATUSES))
    figures = qs.aggregate(
        submitted=Count("id"),
        approved=Count("id", filter=Q(status=ReviewStatus.APPROVED)),
        returned=Count("id", filter=Q(status=ReviewStatus.RETURNED)),
        open=Count("id", filter=open_q),
        overdue=Count("id", filter=open_q & Q(due_on__lt=today)),
        late=Count("id", filter=Q(concluded_on__gt=F("due_on"))),
    )
    calendar = WorkdayCalendar()
    spans = [
        calendar.working_days_between(submitted, concluded)
        for submitted, concluded in qs.filter(
            status__in=sorted(DECIDED_STATUSES), concluded_on__isnull=False
        ).values_list("submitted_on", "concluded_on")
        if concluded is not None
    ]
    return ReviewStatistics(
        submitted=figures["submitted"],
        approved=figures["approved"],
        returned=figures["returned"],
        open=figures["open"],
        overdue=figures["overdue"],
        concluded_late=figures["late"],
        average_working_days=(sum(spans) / len(spans)) if spans else None,
    )


def agency_staffing(*, agency: Agency) -> ReviewerStaffing:
    """Reviewers against ceil(5% of certified officers) (GUO-118-11: 212 → 11)."""
    return reviewer_staffing(agency=agency)


def catalogue(*, agency: Agency | None) -> QuerySet[MajorDecisionRule]:
    """The platform default catalogue and the agency's own rows (GUO-118-12)."""
    q = Q(agency__isnull=True)
    if agency is not None:
        q |= Q(agency=agency)
    return (
        MajorDecisionRule.objects.filter(q)
        .select_related("agency")
        .order_by("agency_id", "trigger", "name")
    )


def all_agency_rules() -> QuerySet[MajorDecisionRule]:
    """Every agency's own catalogue rows (for administrators)."""
    return (
        MajorDecisionRule.objects.filter(agency__isnull=False)
        .select_related("agency")
        .order_by("agency__name", "trigger", "name")
    )
