"""Test factories of the review app, for its own tests and for any test whose case must pass
the legal review gate (LAW-APL-58) on its way to a decision.

`pass_legal_review(world, case)` goes through the real services, as a handling unit and a
reviewer would: submit with the materials SAMR-PROC-52 requires, assign a qualified legal
reviewer of the world's agency (never one who handled the case, SAMR-PROC-49), record a
finding on each GUO-118-13 item and approve.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse

from sanxiang.cases.models import Case
from sanxiang.registry import models as m
from sanxiang.registry.tests import factories as rf
from sanxiang.review import services
from sanxiang.review.models import (
    Finding,
    LegalReview,
    ReviewerQualification,
    ReviewItem,
    ReviewStatus,
)
from sanxiang.review.services.submission import required_materials

__all__ = [
    "agency_reviewer",
    "all_ok",
    "make_reviewer",
    "pass_legal_review",
    "pass_legal_review_via_api",
    "pass_legal_review_via_pages",
]

APPROVAL_OPINION = "经审核，执法主体合法，程序合法，事实清楚，证据充分，适用法律正确，同意。"


def make_reviewer(agency: m.Agency, *, qualified: bool = True) -> m.User:
    """A legal reviewer (法制审核人员) of `agency`, first reviewing in 2023: with the legal
    professional qualification LAW-APL-58 then requires, or (`qualified=False`) without."""
    user = rf.UserFactory.create(role=m.Role.LEGAL_REVIEWER, agency=agency)
    ReviewerQualification.objects.create(
        user=user,
        certificate_number="A20221201000123" if qualified else "",
        certificate_date=datetime.date(2022, 12, 1) if qualified else None,
        reviewing_since=datetime.date(2023, 1, 1),
    )
    return user


def agency_reviewer(agency: m.Agency) -> m.User:
    """The agency's first qualified legal reviewer, created when it has none."""
    existing = (
        m.User.objects.filter(
            role=m.Role.LEGAL_REVIEWER,
            agency=agency,
            is_active=True,
            review_qualification__certificate_number__gt="",
        )
        .order_by("pk")
        .first()
    )
    return existing or make_reviewer(agency)


def all_ok(**problems: str) -> dict[str, tuple[str, str]]:
    """A finding for every GUO-118-13 item: OK, or a problem with its note."""
    return {
        item.value: (
            (Finding.PROBLEM, problems[item.value]) if item.value in problems else (Finding.OK, "")
        )
        for item in ReviewItem
    }


def pass_legal_review(
    world: Any,
    case: Case,
    *,
    reviewer: m.User | None = None,
    handler: m.User | None = None,
    opinion: str = APPROVAL_OPINION,
) -> LegalReview:
    """Take `case` (awaiting its decision) through an approved round of legal review.

    `world` is the cases tests' `World` (its handler submits); the reviewer defaults to the
    agency's qualified legal reviewer. The case row is refreshed: submitting from `notified`
    or `hearing` moves it to `legal_review` (and bumps nothing else).
    """
    submitter = handler or world.handler
    chosen = reviewer or agency_reviewer(case.agency)
    review = services.review_submit(case=case, materials=required_materials(case), actor=submitter)
    services.review_assign(review=review, reviewers=[chosen], actor=chosen)
    services.review_findings_record(review=review, findings=all_ok(), actor=chosen)
    approved = services.review_approve(review=review, opinion=opinion, actor=chosen)
    assert approved.status == ReviewStatus.APPROVED
    case.refresh_from_db()
    return approved


def pass_legal_review_via_api(
    api: Any, case_id: int, *, reviewer: m.User, proposal: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The same round through `/api/v1/review/` with the cases tests' `CaseApi`: the signed-in
    handler submits (the SAMR-PROC-52 materials and, before any draft, `proposal`), the
    reviewer takes the review, records the GUO-118-13 checklist and approves; the API is then
    signed in as before. Returns the approved review as the API shows it."""
    handler = api.user
    case = Case.objects.get(pk=case_id)
    body: dict[str, Any] = {"materials": required_materials(case)}
    if proposal is not None:
        body["proposal"] = proposal
    review = api.post(f"/review/cases/{case_id}/reviews", body, expect=201)
    assert review["status"] == ReviewStatus.SUBMITTED
    api.login(reviewer)
    api.post(f"/review/reviews/{review['id']}/assign", {"reviewer_ids": [reviewer.pk]})
    api.put(
        f"/review/reviews/{review['id']}/findings",
        {"findings": [{"item": item, "finding": Finding.OK} for item in ReviewItem.values]},
    )
    approved: dict[str, Any] = api.post(
        f"/review/reviews/{review['id']}/approve", {"opinion": APPROVAL_OPINION}
    )
    assert approved["status"] == ReviewStatus.APPROVED
    api.login(handler)
    return approved


def pass_legal_review_via_pages(
    client: Any, case: Case, *, handler: m.User, reviewer: m.User
) -> LegalReview:
    """The same round through the review pages, as people click through them: the handler
    submits on `/review/cases/<id>/`, the reviewer takes it, fills the checklist and approves
    on `/review/<id>/`. The client is left signed in as the handler."""

    def post(url: str, data: dict[str, Any]) -> None:
        response = client.post(url, data)
        assert response.status_code == 302, (url, response.status_code)

    client.force_login(handler)
    post(
        reverse("review:case", args=[case.pk]),
        {"action": "submit", "materials": required_materials(case)},
    )
    review = LegalReview.objects.filter(case=case).order_by("-round").first()
    assert review is not None and review.status == ReviewStatus.SUBMITTED
    detail = reverse("review:detail", args=[review.pk])
    client.force_login(reviewer)
    post(detail, {"action": "assign", "reviewers": [str(reviewer.pk)]})
    post(
        detail,
        {"action": "findings", **{f"finding_{item}": Finding.OK for item in ReviewItem.values}},
    )
    post(detail, {"action": "conclude", "conclusion": "approve", "opinion": APPROVAL_OPINION})
    client.force_login(handler)
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED
    case.refresh_from_db()
    return review
