"""The public portal: certificate check, search API and pages, feeds, open data, booklet."""

from __future__ import annotations

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from sanxiang.publicity.tests.factories import make_staff, open_publication, publish
from sanxiang.registry.models import CertificateStatus, Role
from sanxiang.registry.tests import factories as rf

pytestmark = pytest.mark.django_db
D = datetime.date
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize(
    ("status", "issued", "expires", "shown"),
    [
        (CertificateStatus.VALID, -100, 100, "valid"),
        (CertificateStatus.VALID, -400, -1, "expired"),
        (CertificateStatus.SUSPENDED, -100, 100, "suspended"),
        (CertificateStatus.REVOKED, -100, 100, "revoked"),
        (CertificateStatus.VALID, 10, 400, "not_yet_valid"),
    ],
)
def test_verify_page_shows_each_certificate_state_guo_118_05(
    client: Client, status, issued, expires, shown
) -> None:
    today = timezone.localdate()
    officer = rf.OfficerFactory.create(name="李执法", phone="13999999999")
    cert = rf.CertificateFactory.create(
        officer=officer,
        number="12010099001",
        status=status,
        issued_on=today + datetime.timedelta(days=issued),
        expires_on=today + datetime.timedelta(days=expires),
    )
    response = client.get(f"/public/verify/{cert.number}")
    page = response.content.decode()
    assert response.status_code == 200
    assert f'data-status="{shown}"' in page
    assert "李执法" in page
    assert officer.id_number not in page and "13999999999" not in page
    api = client.get(f"/api/v1/public/certificates/{cert.number}").json()
    assert api["status"] == shown
    assert "id_number" not in api


def test_verify_unknown_number_says_so(client: Client) -> None:
    response = client.get("/public/verify/NOPE-1")
    assert response.status_code == 404
    assert 'data-status="unknown"' in response.content.decode()
    assert client.get("/public/verify/?number=ABC").status_code == 302


def test_decision_api_has_exactly_the_design_shape(client: Client) -> None:
    staff = make_staff()
    row = publish(staff, open_publication(staff))
    body = client.get("/api/v1/public/decisions", {"q": "保质期", "page": "1"}).json()
    assert set(body) == {"total", "items"}
    assert body["total"] == 1
    item = body["items"][0]
    assert set(item) == {"id", "title", "agency", "decided_on", "text", "ledger_index"}
    assert item["id"] == row.pk
    assert item["text"] == row.public_text
    assert item["ledger_index"] == row.ledger_index


def test_two_character_and_one_character_terms_are_found(client: Client) -> None:
    # FTS5 trigram alone returns nothing for 罚款 (performance notes): the bigram index does.
    staff = make_staff()
    publish(staff, open_publication(staff))
    for term in ("罚款", "食品", "罚", "保质期", "超过保质期 食品"):
        assert client.get("/api/v1/public/decisions", {"q": term}).json()["total"] == 1, term
    assert client.get("/api/v1/public/decisions", {"q": "警告"}).json()["total"] == 0


def test_filters_by_agency_act_type_date_and_amount(client: Client) -> None:
    one, two = make_staff(), make_staff()
    fine = publish(one, open_publication(one, fine_fen=500_000, decided_on=D(2025, 3, 3)))
    licence = publish(two, open_publication(two, act_type="licensing", decided_on=D(2025, 5, 6)))

    def ids(**params: Any) -> list[int]:
        data = client.get("/api/v1/public/decisions", params).json()
        return [i["id"] for i in data["items"]]

    assert ids(agency=one.agency.pk) == [fine.pk]
    assert ids(act_type="licensing") == [licence.pk]
    assert ids(date_from="2025-04-01") == [licence.pk]
    assert ids(amount_min_fen=100_000) == [fine.pk]
    assert ids(amount_max_fen=0) == [licence.pk]
    page = client.get("/public/decisions/", {"amount_min": "1000", "q": "食品"}).content.decode()
    assert f"/public/decisions/{fine.pk}/" in page
    assert f"/public/decisions/{licence.pk}/" not in page


def test_decision_page_links_its_ledger_proof(client: Client) -> None:
    staff = make_staff()
    row = publish(staff, open_publication(staff))
    page = client.get(f"/public/decisions/{row.pk}/").content.decode()
    assert f"/api/v1/ledger/proofs/inclusion?index={row.ledger_index}" in page
    proof = client.get(f"/api/v1/ledger/proofs/inclusion?index={row.ledger_index}")
    assert proof.status_code in (200, 404)  # 404 until the first checkpoint is signed


def test_atom_and_json_feeds_are_valid(client: Client) -> None:
    staff = make_staff()
    row = publish(staff, open_publication(staff))
    for url in ("/public/atom.xml", f"/public/agencies/{staff.agency.pk}/atom.xml"):
        response = client.get(url)
        assert response["Content-Type"].startswith("application/atom+xml")
        root = ET.fromstring(response.content)  # noqa: S314 (our own server's feed)
        assert root.tag == f"{ATOM}feed"
        entries = root.findall(f"{ATOM}entry")
        assert [e.findtext(f"{ATOM}title") for e in entries] == [row.public_title]
        assert root.findtext(f"{ATOM}id") and root.findtext(f"{ATOM}updated")
    for url in ("/public/feed.json", f"/public/agencies/{staff.agency.pk}/feed.json"):
        feed = json.loads(client.get(url).content)
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert {"title", "items", "home_page_url", "feed_url"} <= set(feed)
        (item,) = feed["items"]
        assert {"id", "url", "title", "content_text", "date_published"} <= set(item)
        assert datetime.datetime.fromisoformat(item["date_published"])
    other = make_staff()
    assert (
        json.loads(client.get(f"/public/agencies/{other.agency.pk}/feed.json").content)["items"]
        == []
    )


def test_open_data_downloads_are_valid_csv_and_json(client: Client) -> None:
    staff = make_staff()
    row = publish(staff, open_publication(staff))
    open_publication(staff)  # not published: absent
    csv_response: Any = client.get("/public/open-data/decisions.csv")
    body = b"".join(csv_response.streaming_content).decode()
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert len(rows) == 1
    assert rows[0]["id"] == str(row.pk)
    assert rows[0]["text"] == row.public_text
    assert int(rows[0]["amount_fen"]) == row.amount_fen
    json_response: Any = client.get("/public/open-data/decisions.json")
    data = json.loads(b"".join(json_response.streaming_content))
    assert [f["name"] for f in data["fields"]] == list(rows[0])
    assert [i["id"] for i in data["items"]] == [row.pk]


def test_booklet_is_a_pdf(client: Client) -> None:
    staff = make_staff()
    response = client.get(f"/public/agencies/{staff.agency.pk}/booklet.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_certificate_card_is_for_the_officers_own_agency_staff(client: Client, login_as) -> None:
    officer = rf.OfficerFactory.create()
    rf.CertificateFactory.create(officer=officer, number="12010077001")
    assert client.get(f"/public/workbench/cards/{officer.pk}.pdf").status_code == 302
    login_as(Role.OFFICER, agency=rf.AgencyFactory.create())
    assert client.get(f"/public/workbench/cards/{officer.pk}.pdf").status_code == 404
    login_as(Role.AGENCY_HEAD, agency=officer.agency)
    response = client.get(f"/public/workbench/cards/{officer.pk}.pdf")
    assert response.content.startswith(b"%PDF")


def test_workbench_is_scoped_to_the_agency(client: Client, login_as) -> None:
    staff = make_staff()
    row = open_publication(staff)
    assert client.get("/public/workbench/").status_code == 302
    login_as(Role.OFFICER, agency=rf.AgencyFactory.create())
    assert client.get(f"/public/workbench/{row.pk}/").status_code == 404
    client.force_login(staff.officer)
    assert client.get(f"/public/workbench/{row.pk}/").status_code == 200
    response = client.post(
        f"/public/workbench/{row.pk}/",
        {
            "action": "submit",
            "source_title": row.source_title,
            "source_text": row.source_text,
        },
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == "reviewing"
    client.force_login(staff.reviewer)
    page = client.get(f"/public/workbench/{row.pk}/").content.decode()
    assert 'class="sx-mask"' in page  # proposed masks highlighted for the reviewer
