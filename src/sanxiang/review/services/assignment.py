"""Assigning a round to reviewers: the agency's qualified legal reviewers (LAW-APL-58) or
counsel from the pool (GUO-118-11), never anyone who handled or investigated the case
(SAMR-PROC-49: "办案人员不得作为审核人员")."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from sanxiang.cases.models import (
    Case,
    CaseOfficer,
    Decision,
    InvestigationRecord,
    PenaltyNotice,
    RecordOfficer,
)
from sanxiang.cases.refusals import refuse
from sanxiang.core.errors import PermissionDeniedError
from sanxiang.registry.models import Officer, Role, User
from sanxiang.review.models import (
    Counsel,
    LegalReview,
    ReviewAssignment,
    ReviewerQualification,
    ReviewStatus,
)
from sanxiang.review.models.choices import OPEN_STATUSES
from sanxiang.review.services.common import lock_review, record, require_review_status, today

__all__ = ["Candidate", "assignment_candidates", "conflict_reason", "review_assign"]


@dataclass(frozen=True)
class Candidate:
    """Someone who could review the round, with their open workload and what bars them."""

    user: User
    kind: str  # "reviewer" or the counsel kind label
    open_reviews: int
    capacity: int | None
    problem: str  # empty when they may be assigned

    @property
    def eligible(self) -> bool:
        return not self.problem


def conflict_reason(user: User, case: Case) -> str:
    """Why `user` may not review `case` (SAMR-PROC-49), or "" when nothing bars them.

    Barred: an officer ever assigned to the case (handler, 承办人, even if later removed), one
    named on an investigation record, who wrote such a record, and who created the case or
    drafted its notice or decision.
    """
    officer = Officer.objects.filter(user=user).first()
    if officer is not None:
        if CaseOfficer.objects.filter(case=case, officer=officer).exists():
            return _("%(name)s handles this case.") % {"name": user.display_name}
        if RecordOfficer.objects.filter(record__case=case, officer=officer).exists():
            return _("%(name)s took part in the investigation.") % {"name": user.display_name}
    if (
        InvestigationRecord.objects.filter(case=case, recorded_by=user).exists()
        or case.created_by_id == user.pk
        or PenaltyNotice.objects.filter(case=case, drafted_by=user).exists()
        or Decision.objects.filter(case=case, drafted_by=user).exists()
    ):
        return _("%(name)s took part in handling this case.") % {"name": user.display_name}
    return ""


def _open_counts(users: Sequence[User]) -> dict[int, int]:
    rows = (
        ReviewAssignment.objects.filter(
            reviewer__in=users, review__status__in=sorted(OPEN_STATUSES)
        )
        .values("reviewer_id")
        .annotate(n=Count("id"))
    )
    return {row["reviewer_id"]: row["n"] for row in rows}


def _qualification_problem(user: User) -> str:
    """LAW-APL-58: a first-time reviewer holds the 法律职业资格."""
    qualification = ReviewerQualification.objects.filter(user=user).first()
    if qualification is not None:
        if qualification.may_review:
            return ""
    else:
        officer = Officer.objects.filter(user=user).first()
        if officer is not None and officer.has_legal_qualification:
            return ""
    return _("%(name)s has no legal professional qualification on record (LAW-APL-58).") % {
        "name": user.display_name
    }


def assignment_candidates(review: LegalReview) -> list[Candidate]:
    """The agency's legal reviewers and the counsel serving the agency, least loaded first,
    each with what (if anything) bars them from this round."""
    case = review.case
    reviewers = list(
        User.objects.filter(agency_id=case.agency_id, role=Role.LEGAL_REVIEWER, is_active=True)
    )
    counsel = list(
        Counsel.objects.filter(agencies=case.agency_id, is_active=True, user__is_active=True)
        .select_related("user")
        .distinct()
    )
    counts = _open_counts([*reviewers, *(c.user for c in counsel)])
    assigned = set(review.assignments.values_list("reviewer_id", flat=True))
    result: list[Candidate] = []
    for user in reviewers:
        problem = conflict_reason(user, case) or _qualification_problem(user)
        if user.pk in assigned:
            problem = _("Already assigned.")
        result.append(Candidate(user, _("Legal reviewer"), counts.get(user.pk, 0), None, problem))
    for member in counsel:
        load = counts.get(member.user_id, 0)
        problem = conflict_reason(member.user, case)
        if not problem and load >= member.max_open_reviews:
            problem = _("%(name)s already has %(n)s open reviews.") % {
                "name": member.user.display_name,
                "n": load,
            }
        if member.user_id in assigned:
            problem = _("Already assigned.")
        result.append(
            Candidate(
                member.user, str(member.get_kind_display()), load, member.max_open_reviews, problem
            )
        )
    result.sort(key=lambda c: (not c.eligible, c.open_reviews, c.user.display_name))
    return result


def _may_assign(actor: User, case: Case) -> bool:
    return actor.agency_id == case.agency_id and actor.role in (
        Role.LEGAL_REVIEWER,
        Role.AGENCY_HEAD,
    )


def review_assign(
    *,
    review: LegalReview,
    reviewers: Sequence[User] = (),
    actor: User,
    on: datetime.date | None = None,
) -> LegalReview:
    """Assign the round to `reviewers` (none given: the least-loaded eligible candidate).

    Preconditions: `actor` is a legal reviewer or the head of the case's agency; the round is
    submitted or under review; each reviewer is a legal reviewer of the agency holding the
    qualification (LAW-APL-58) or active counsel serving the agency with room in their
    workload (GUO-118-11), and none handled or investigated the case (SAMR-PROC-49) — each
    refusal names the person. Side effects: the assignments; the round is under review.
    Event `review.assigned`.
    """
    day = today(on)
    with transaction.atomic():
        locked = lock_review(review)
        if not _may_assign(actor, locked.case):
            raise PermissionDeniedError(
                _("Only the agency's legal reviewers or its head may assign a review."),
                code="review.assign_not_allowed",
            )
        require_review_status(
            locked, (ReviewStatus.SUBMITTED, ReviewStatus.ASSIGNED), action=_("assign")
        )
        candidates = {c.user.pk: c for c in assignment_candidates(locked)}
        chosen = list(reviewers)
        if not chosen:
            best = next((c for c in candidates.values() if c.eligible), None)
            if best is None:
                refuse(
                    _(
                        "Nobody is free to review this case: add a reviewer or counsel "
                        "(reviewers, GUO-118-11)."
                    ),
                    code="review.no_reviewer_available",
                    rule="GUO-118-11",
                    field="reviewers",
                )
            chosen = [best.user]
        for user in chosen:
            conflict = conflict_reason(user, locked.case)
            if conflict:
                refuse(
                    _(
                        "%(reason)s Whoever handled or investigated a case may not review it "
                        "(reviewers, SAMR-PROC-49)."
                    )
                    % {"reason": conflict},
                    code="review.conflict_of_interest",
                    rule="SAMR-PROC-49",
                    field="reviewers",
                    user=user.pk,
                )
            candidate = candidates.get(user.pk)
            if candidate is None:
                refuse(
                    _(
                        "%(name)s is neither a legal reviewer of the agency nor counsel serving it "
                        "(reviewers, GUO-118-11)."
                    )
                    % {"name": user.display_name},
                    code="review.not_a_reviewer",
                    rule="GUO-118-11",
                    field="reviewers",
                    user=user.pk,
                )
            if candidate.problem:
                code = (
                    "review.reviewer_unqualified"
                    if user.role == Role.LEGAL_REVIEWER
                    else "review.counsel_unavailable"
                )
                refuse(
                    candidate.problem + " " + _("(reviewers, LAW-APL-58)"),
                    code=code,
                    rule="LAW-APL-58",
                    field="reviewers",
                    user=user.pk,
                )
            ReviewAssignment.objects.create(
                review=locked,
                reviewer=user,
                counsel=Counsel.objects.filter(user=user).first()
                if user.role == Role.COUNSEL
                else None,
                assigned_by=actor,
                assigned_on=day,
            )
        locked.status = ReviewStatus.ASSIGNED
        locked.save(update_fields=["status", "updated_at"])
        record(
            locked,
            "review.assigned",
            actor,
            {"reviewers": [u.pk for u in chosen], "names": [u.display_name for u in chosen]},
        )
    return locked
