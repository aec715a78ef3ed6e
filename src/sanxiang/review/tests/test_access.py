"""Who sees which reviews, through the pages and the API: reviewers their agency's queue,
counsel only the rounds assigned to them; another agency's officer and the public get 404."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from sanxiang.cases.tests.factories import World
from sanxiang.core.testing import assert_api_error
from sanxiang.registry import models as m
from sanxiang.registry.tests import factories as rf
from sanxiang.review import services
from sanxiang.review.models import Counsel, CounselKind, LegalReview
from sanxiang.review.tests.factories import make_reviewer
from sanxiang.review.tests.helpers import MATERIALS, all_ok, ready_case, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(world: World) -> LegalReview:
    return submitted(ready_case(world), world.handler)


def _counsel(world: World) -> m.User:
    user = rf.UserFactory.create(role=m.Role.COUNSEL)
    member = Counsel.objects.create(
        user=user,
        kind=CounselKind.PUBLIC_LAWYER,
        qualification_number="G2020001",
        qualified_on=datetime.date(2020, 1, 1),
    )
    member.agencies.add(world.agency)
    return user


def test_reviewer_sees_the_agency_queue(client: Client, world: World, review: LegalReview) -> None:
    reviewer = make_reviewer(world.agency)
    client.force_login(reviewer)
    assert client.get("/review/?view=queue").status_code == 200
    page = client.get(f"/review/{review.pk}/")
    assert page.status_code == 200
    assert f'data-candidate="{reviewer.pk}"' in page.content.decode()
    body = client.get("/api/v1/review/reviews?view=queue").json()
    assert [r["id"] for r in body] == [review.pk]


def test_reviewer_of_another_agency_gets_404(client: Client, review: LegalReview) -> None:
    client.force_login(make_reviewer(rf.AgencyFactory.create()))
    assert client.get(f"/review/{review.pk}/").status_code == 404
    assert client.get(f"/review/cases/{review.case_id}/").status_code == 404
    assert_api_error(client.get(f"/api/v1/review/reviews/{review.pk}"), "not_found", 404)
    assert client.get("/api/v1/review/reviews?view=all").json() == []


def test_officer_of_another_agency_gets_404(client: Client, review: LegalReview) -> None:
    other = rf.UserFactory.create(role=m.Role.OFFICER, agency=rf.AgencyFactory.create())
    client.force_login(other)
    assert client.get(f"/review/{review.pk}/").status_code == 404
    assert_api_error(
        client.post(
            f"/api/v1/review/cases/{review.case_id}/reviews",
            {"materials": MATERIALS},
            content_type="application/json",
        ),
        "not_found",
        404,
    )


def test_public_is_sent_to_login_and_api_refuses(client: Client, review: LegalReview) -> None:
    response = client.get(f"/review/{review.pk}/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get(f"/api/v1/review/reviews/{review.pk}").status_code in (401, 403)


def test_counsel_sees_only_assigned_rounds(
    client: Client, world: World, review: LegalReview
) -> None:
    lawyer = _counsel(world)
    other = submitted(ready_case(world), world.handler)
    client.force_login(lawyer)
    assert client.get(f"/review/{review.pk}/").status_code == 404
    services.review_assign(review=review, reviewers=[lawyer], actor=world.agency_head)
    assert client.get(f"/review/{review.pk}/").status_code == 200
    assert client.get(f"/review/cases/{review.case_id}/").status_code == 200
    assert client.get(f"/review/{other.pk}/").status_code == 404
    assert client.get(f"/review/cases/{other.case_id}/").status_code == 404
    # The case pages of the case app stay closed to counsel.
    assert client.get(f"/office/cases/{review.case_id}/").status_code == 404
    ids = [r["id"] for r in client.get("/api/v1/review/reviews?view=all").json()]
    assert ids == [review.pk]


def test_review_through_the_api_and_pages(
    client: Client, world: World, amount_rule: object
) -> None:
    case = ready_case(world)
    client.force_login(world.handler)
    triggers = client.get(f"/api/v1/review/cases/{case.pk}/triggers").json()
    assert triggers["review_required"] and triggers["triggers"][0]["trigger"] == "amount"
    assert_api_error(
        client.post(
            f"/api/v1/review/cases/{case.pk}/reviews",
            {"materials": ["evidence"]},
            content_type="application/json",
        ),
        "review.materials_missing",
        400,
    )
    created = client.post(
        f"/api/v1/review/cases/{case.pk}/reviews",
        {"materials": MATERIALS},
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    review_id = created.json()["id"]
    reviewer = make_reviewer(world.agency)
    client.force_login(reviewer)
    assert (
        client.post(
            f"/api/v1/review/reviews/{review_id}/assign",
            {"reviewer_ids": [reviewer.pk]},
            content_type="application/json",
        ).status_code
        == 200
    )
    findings = [{"item": k, "finding": v[0], "note": v[1]} for k, v in all_ok().items()]
    assert (
        client.put(
            f"/api/v1/review/reviews/{review_id}/findings",
            {"findings": findings},
            content_type="application/json",
        ).status_code
        == 200
    )
    page = client.post(
        f"/review/{review_id}/", {"action": "conclude", "conclusion": "approve", "opinion": ""}
    )
    assert page.status_code == 400
    page = client.post(
        f"/review/{review_id}/", {"action": "conclude", "conclusion": "approve", "opinion": "同意"}
    )
    assert page.status_code == 302
    assert client.get(f"/api/v1/review/reviews/{review_id}").json()["status"] == "approved"
    for url in ("/review/", "/review/staffing/", "/review/catalogue/", f"/review/cases/{case.pk}/"):
        assert client.get(url).status_code == 200, url


def test_staffing_212_officers_need_11_reviewers_guo_118_11(client: Client, world: World) -> None:
    """GUO-118-11: ceil(5% × 212) = 11."""
    agency = rf.AgencyFactory.create()
    officers = rf.OfficerFactory.create_batch(212, agency=agency)
    for officer in officers:
        rf.CertificateFactory.create(officer=officer)
    for _ in range(10):
        make_reviewer(agency)
    from sanxiang.review.selectors import agency_staffing

    staffing = agency_staffing(agency=agency)
    assert (staffing.certified_officers, staffing.reviewers_required) == (212, 11)
    assert staffing.shortfall == 1
    client.force_login(rf.UserFactory.create(role=m.Role.AGENCY_HEAD, agency=agency))
    page = client.get("/review/staffing/").content.decode()
    assert "<td data-required>11</td>" in page
