"""Pages and API of documents: what each user may see and do (DESIGN §1), downloads recorded."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from sanxiang.cases.models import CaseEvent
from sanxiang.core.testing import assert_api_error
from sanxiang.documents import services
from sanxiang.documents.tests.helpers import configure_agency, decided_case, on_spot_case
from sanxiang.registry.models import Role
from sanxiang.registry.tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(world, clock):
    configure_agency(world.agency)
    case = decided_case(world, clock)
    return services.document_issue(case=case, kind_code="decision", source="", actor=world.handler)


def test_case_documents_page_lists_the_stage_and_issued_numbers(
    client: Client, world, issued
) -> None:
    client.force_login(world.handler)
    page = client.get(reverse("documents:case", args=[issued.case_id]))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-kind="decision"' in html and issued.number in html
    assert 'data-kind="penalty_notice"' in html
    assert 'data-kind="closing_approval"' not in html  # not at this stage
    detail = client.get(reverse("cases:detail", args=[issued.case_id])).content.decode()
    assert reverse("documents:case", args=[issued.case_id]) in detail


def test_download_is_recorded_and_returns_the_signed_pdf(client: Client, world, issued) -> None:
    client.force_login(world.partner)
    response = client.get(reverse("documents:download", args=[issued.pk, "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert (
        b"".join(response)
        if hasattr(response, "streaming_content")
        else response.content.startswith(b"%PDF")
    )
    event = CaseEvent.objects.get(case_id=issued.case_id, action="documents.downloaded")
    assert event.actor == world.partner and event.data["format"] == "pdf"
    docx = client.get(reverse("documents:download", args=[issued.pk, "docx"]))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"


def test_another_agency_gets_404_everywhere(client: Client, world, issued) -> None:
    stranger = UserFactory.create(role=Role.OFFICER, agency=AgencyFactory.create())
    client.force_login(stranger)
    for url in (
        reverse("documents:case", args=[issued.case_id]),
        reverse("documents:download", args=[issued.pk, "pdf"]),
        reverse("documents:print", args=[issued.pk]),
        reverse("documents:preview", args=[issued.case_id, "penalty_notice"]),
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(reverse("documents:issue", args=[issued.case_id, "penalty_notice"])).status_code
        == 404
    )
    assert_api_error(client.get(f"/api/v1/documents/{issued.pk}"), "not_found", 404)
    assert_api_error(client.get(f"/api/v1/documents/cases/{issued.case_id}"), "not_found", 404)
    assert not CaseEvent.objects.filter(action="documents.downloaded").exists()


def test_public_is_sent_to_sign_in_and_api_answers_401(client: Client, issued) -> None:
    page = client.get(reverse("documents:download", args=[issued.pk, "pdf"]))
    assert page.status_code == 302 and "login" in page["Location"]
    assert client.get(f"/api/v1/documents/{issued.pk}/pdf").status_code == 401


def test_read_only_roles_download_but_cannot_issue(client: Client, world, issued) -> None:
    reviewer = UserFactory.create(role=Role.LEGAL_REVIEWER, agency=world.agency)
    client.force_login(reviewer)
    assert client.get(reverse("documents:download", args=[issued.pk, "pdf"])).status_code == 200
    response = client.post(
        reverse("documents:issue", args=[issued.case_id, "penalty_notice"]), {"source": ""}
    )
    assert response.status_code == 403
    assert (
        client.get(reverse("documents:edit", args=[issued.case_id, "decision"])).status_code == 403
    )


def test_print_view_for_on_site_delivery_is_phone_friendly(client: Client, world, clock) -> None:
    configure_agency(world.agency)
    case = on_spot_case(world)
    document = services.document_issue(
        case=case, kind_code="on_spot_decision", source="", actor=world.handler
    )
    client.force_login(world.handler)
    html = client.get(reverse("documents:print", args=[document.pk])).content.decode()
    assert 'name="viewport"' in html and "当场行政处罚决定书" in html
    assert document.number in html and document.pdf_sha256 in html  # QR and hash to check it


def test_api_issue_refusal_names_the_missing_elements_law_apl_59(
    client: Client, world, clock
) -> None:
    case = decided_case(world, clock)  # no court, payment or seal configured
    client.force_login(world.handler)
    response = client.post(
        f"/api/v1/documents/cases/{case.pk}/decision/issue",
        {"source": ""},
        content_type="application/json",
    )
    body = assert_api_error(response, "documents.incomplete", 400)
    assert {m["element"] for m in body["extra"]["missing"]} >= {"seal", "court", "performance"}


def test_api_lists_issues_and_verifies(client: Client, world, clock) -> None:
    configure_agency(world.agency)
    case = decided_case(world, clock)
    client.force_login(world.handler)
    listing = client.get(f"/api/v1/documents/cases/{case.pk}").json()
    assert "decision" in {item["kind"] for item in listing["items"]}
    edited = client.post(
        f"/api/v1/documents/cases/{case.pk}/decision/edit",
        {"source": "", "values": {"evidence": "询问笔录一份"}},
        content_type="application/json",
    )
    assert edited.status_code == 200 and edited.json()["edits"] == {"evidence": "询问笔录一份"}
    issued = client.post(
        f"/api/v1/documents/cases/{case.pk}/decision/issue",
        {"source": ""},
        content_type="application/json",
    )
    assert issued.status_code == 201
    document = issued.json()
    assert document["number"] == "津市监罚〔2025〕1号"
    verified = client.get(f"/api/v1/documents/{document['id']}/verify").json()
    assert (
        verified["intact"]
        and verified["valid"]
        and verified["trusted"]
        and verified["sha256_matches"]
    )
