"""Serving files with range requests, the custody log, and who may see what."""

from __future__ import annotations

import pytest
from django.test import Client

from sanxiang.cases.models import CaseEvent
from sanxiang.cases.tests.factories import CaseFactory
from sanxiang.evidence.choices import CustodyAction
from sanxiang.evidence.models import CustodyLog, EvidenceItem
from sanxiang.evidence.selectors import evidence_list_for_case_file
from sanxiang.evidence.tests.helpers import TUS, mp4_bytes, png_bytes, tus_create, tus_upload
from sanxiang.registry.models import Role
from sanxiang.registry.tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def video(client, world):
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    data = mp4_bytes(2_500_000)
    response = tus_upload(client, case, data, filename="执法记录仪.mp4")
    return EvidenceItem.objects.get(pk=response["Evidence-Item"]), data


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_range_requests_give_206_with_content_range(client, video):
    item, data = video
    url = f"/office/evidence/items/{item.pk}/file"
    whole = client.get(url)
    assert whole.status_code == 200
    assert whole["Accept-Ranges"] == "bytes"
    assert whole["Content-Type"] == "video/mp4"
    assert _body(whole) == data
    part = client.get(url, headers={"Range": "bytes=1000000-1000099"})
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 1000000-1000099/{len(data)}"
    assert part["Content-Length"] == "100"
    assert _body(part) == data[1000000:1000100]
    open_ended = client.get(url, headers={"Range": "bytes=2400000-"})
    assert _body(open_ended) == data[2400000:]
    suffix = client.get(url, headers={"Range": "bytes=-500"})
    assert suffix.status_code == 206 and _body(suffix) == data[-500:]
    beyond = client.get(url, headers={"Range": f"bytes={len(data)}-"})
    assert beyond.status_code == 416
    assert beyond["Content-Range"] == f"bytes */{len(data)}"


def test_views_and_downloads_are_logged_but_not_every_seek(client, world, video):
    item, _data = video
    url = f"/office/evidence/items/{item.pk}/file"
    client.get(url, headers={"Range": "bytes=0-", "User-Agent": "Mobile Safari"})
    client.get(url, headers={"Range": "bytes=500000-"})  # a seek
    client.get(url + "?download=1")
    actions = list(
        CustodyLog.objects.filter(item=item).order_by("id").values_list("action", flat=True)
    )
    assert actions == [CustodyAction.UPLOAD, CustodyAction.VIEW, CustodyAction.DOWNLOAD]
    view = CustodyLog.objects.get(item=item, action=CustodyAction.VIEW)
    assert (view.actor, view.remote_addr, view.user_agent) == (
        world.handler,
        "127.0.0.1",
        "Mobile Safari",
    )
    page = client.get(f"/office/evidence/items/{item.pk}/")
    assert page.status_code == 200
    assert page.content.decode().count("data-custody=") == 3


def test_transfer_and_verify_are_logged(client, world, video):
    item, _data = video
    response = client.post(
        f"/office/evidence/items/{item.pk}/transfer",
        {"recipient": "某区人民法院", "reason": "行政诉讼举证"},
    )
    assert response.status_code == 302
    transfer = CustodyLog.objects.get(item=item, action=CustodyAction.TRANSFER)
    assert transfer.detail["recipient"] == "某区人民法院"
    assert CaseEvent.objects.filter(case=item.case, action="evidence.transferred").exists()
    client.post(f"/office/evidence/items/{item.pk}/verify")
    verify = CustodyLog.objects.get(item=item, action=CustodyAction.VERIFY)
    assert verify.detail["result"] == "verified"


def test_another_agency_and_the_public_get_404(client, world, video):
    item, _data = video
    other = UserFactory.create(role=Role.OFFICER, agency=AgencyFactory.create())
    urls = [
        f"/office/evidence/items/{item.pk}/file",
        f"/office/evidence/items/{item.pk}/file?download=1",
        f"/office/evidence/items/{item.pk}/",
        f"/office/evidence/cases/{item.case_id}/",
        f"/office/evidence/cases/{item.case_id}/panel/",
        f"/api/v1/evidence/items/{item.pk}",
        f"/api/v1/evidence/cases/{item.case_id}/items",
    ]
    client.force_login(other)
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert client.post(f"/office/evidence/items/{item.pk}/verify").status_code == 404
    assert tus_create(client, item.case, 10).status_code == 404
    public = Client()
    assert public.get(urls[0]).status_code == 404
    assert public.get(f"/office/evidence/items/{item.pk}/thumbnail").status_code == 404
    # None of the refused fetches touched the custody log.
    assert not CustodyLog.objects.filter(item=item).exclude(action=CustodyAction.UPLOAD).exists()


def test_only_writers_upload_and_only_their_own_upload_continues(client, world, video):
    item, _data = video
    created = tus_create(client, item.case, 100)
    supervisor = UserFactory.create(role=Role.LEGAL_REVIEWER, agency=world.agency)
    client.force_login(supervisor)
    # A reviewer sees the case but may not upload (403), nor continue someone's upload (404).
    assert tus_create(client, item.case, 10).status_code == 403
    assert client.head(created["Location"], headers=TUS).status_code == 404
    assert client.get(f"/office/evidence/items/{item.pk}/file").status_code == 200
    client.force_login(world.partner)
    assert client.head(created["Location"], headers=TUS).status_code == 404


def test_case_file_rows_for_the_documents_app(client, world):
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    late = tus_upload(
        client,
        case,
        png_bytes(),
        captured_at="2025-03-01T11:00:00+08:00",
        officers=f"{world.officer_a.pk},{world.officer_b.pk}",
        description="现场照片",
    )
    early = tus_upload(
        client,
        case,
        mp4_bytes(1000),
        captured_at="2025-03-01T09:00:00+08:00",
        filename="a.mp4",
        kind="electronic",
    )
    rows = evidence_list_for_case_file(case=case)
    assert [row.number for row in rows] == [1, 2]
    assert rows[0].file_name == "a.mp4" and rows[0].kind_label == "电子数据"
    names = "、".join(sorted([world.officer_a.name, world.officer_b.name]))
    assert rows[1].captured_by == names and rows[1].description == "现场照片"
    item = EvidenceItem.objects.get(pk=late["Evidence-Item"])
    assert (rows[1].sha256, rows[1].size, rows[1].ledger_index) == (
        item.sha256,
        item.size,
        item.ledger_index,
    )
    assert early.status_code == 204


def test_case_page_shows_the_evidence_panel(client, world, video):
    item, _data = video
    page = client.get(f"/office/cases/{item.case_id}/")
    assert page.status_code == 200
    assert f"/office/evidence/cases/{item.case_id}/panel/" in page.content.decode()
    panel = client.get(f"/office/evidence/cases/{item.case_id}/panel/").content.decode()
    assert f'data-evidence="{item.pk}"' in panel and 'data-integrity="verified"' in panel
    full = client.get(f"/office/evidence/cases/{item.case_id}/").content.decode()
    assert 'capture="environment"' in full and 'accept="audio/*" capture' in full
    assert "tus/tus.min.js" in full
