"""Nothing unpublished or unredacted is reachable by the public (GUO-118-02, LAW-APL-50).

Seeds decisions in every state — collecting, under review, approved but not published,
published (redacted), withdrawn, removed — plus a draft yearly report, then crawls as an
anonymous visitor every page linked from the portal, every public URL pattern with every id,
the feeds, the downloads (PDF text extracted) and the public and ledger APIs, and checks that
no personal data and no text of an unpublished, withdrawn or removed publication appears.
"""

from __future__ import annotations

import datetime
import io
import re
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
from django.test import Client
from pypdf import PdfReader

from sanxiang.ledger.models import LedgerEntry
from sanxiang.publicity import services
from sanxiang.publicity.models import Publication
from sanxiang.publicity.tests.factories import (
    SECRET_ADDRESS,
    SECRET_ID,
    SECRET_NAME,
    SECRET_PHONE,
    make_staff,
    open_publication,
    publish,
)
from sanxiang.registry.tests import factories as rf

pytestmark = pytest.mark.django_db
D = datetime.date

UNPUBLISHED = "未公开事实甲乙丙"
UNDER_REVIEW = "审核中事实丁戊己"
APPROVED = "待发布事实庚辛壬"
WITHDRAWN = "已撤回事实子丑寅"
REMOVED = "已期满事实卯辰巳"
VISIBLE = "已公开事实午未申"
FORBIDDEN = (
    SECRET_NAME,
    SECRET_ID,
    SECRET_PHONE,
    SECRET_ADDRESS,
    UNPUBLISHED,
    UNDER_REVIEW,
    APPROVED,
    WITHDRAWN,
    REMOVED,
)


def _seed() -> list[Publication]:
    staff = make_staff()
    officer = rf.OfficerFactory.create(agency=staff.agency)
    rf.CertificateFactory.create(officer=officer)
    rows = [open_publication(staff, facts=f"当事人{SECRET_NAME}身份证{SECRET_ID}，{UNPUBLISHED}。")]
    reviewing = open_publication(staff, facts=f"{SECRET_NAME}{UNDER_REVIEW}")
    rows.append(services.publication_submit(publication=reviewing, actor=staff.officer))
    approved = services.publication_submit(
        publication=open_publication(staff, facts=f"{SECRET_NAME}{APPROVED}"), actor=staff.officer
    )
    rows.append(
        services.publication_approve(
            publication=approved, actor=staff.reviewer, keep_indexes=range(99)
        )
    )
    withdrawn = publish(staff, open_publication(staff, facts=f"{SECRET_NAME}{WITHDRAWN}"))
    rows.append(
        services.publication_withdraw(
            publication=withdrawn, actor=staff.head, reason="决定被撤销", ground="revoked"
        )
    )
    removed = publish(
        staff, open_publication(staff, facts=f"{SECRET_NAME}{REMOVED}"), on=D(2020, 1, 6)
    )
    rows.append(removed)
    rows.append(
        publish(
            staff,
            open_publication(
                staff,
                facts=f"当事人{SECRET_NAME}（电话{SECRET_PHONE}）{VISIBLE}，住{SECRET_ADDRESS}。",
            ),
        )
    )
    services.publications_remove_expired(on=D(2024, 1, 1))
    services.yearly_report_generate(agency=staff.agency, year=2024)  # a draft: not public
    return rows


def _text(response) -> str:
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    if body.startswith(b"%PDF"):
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(body)).pages)
    return body.decode("utf-8", errors="replace")


def test_anonymous_crawl_reaches_no_unpublished_or_unredacted_text(client: Client) -> None:
    rows = _seed()
    agency_id = rows[0].agency_id
    seeds = [
        "/",
        "/public/",
        "/public/decisions/",
        "/public/withdrawals/",
        "/public/agencies/",
        "/public/procedures/",
        "/public/verify/",
        "/public/atom.xml",
        "/public/feed.json",
        "/public/open-data/",
        "/public/open-data/decisions.csv",
        "/public/open-data/decisions.json",
        "/public/display/",
        "/public/reports/",
        f"/public/agencies/{agency_id}/booklet.pdf",
        "/api/v1/public/decisions",
        "/api/v1/openapi.json",
    ]
    for row in rows:
        seeds.append(f"/public/decisions/{row.pk}/")
        seeds.append(f"/public/workbench/{row.pk}/")
    for term in (*FORBIDDEN, "罚款", "食品", SECRET_NAME[:2], SECRET_ID[:6]):
        seeds.append(f"/api/v1/public/decisions?q={term}")
        seeds.append(f"/public/decisions/?q={term}")
    seeds.extend(
        f"/api/v1/ledger/entries/{index}"
        for index in LedgerEntry.objects.values_list("index", flat=True)
    )
    seen: set[str] = set()
    queue = list(seeds)
    visible_found = False
    while queue:
        url = queue.pop()
        if url in seen or len(seen) > 400:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code < 500, url
        text = _text(response)
        echoed = parse_qs(urlparse(url).query).get("q", [""])[0]
        if echoed:  # the search page shows the visitor's own query back in its input
            text = text.replace(f'value="{echoed}"', "").replace(f"?q={echoed}", "")
        for secret in FORBIDDEN:
            assert secret not in text, (url, secret)
        visible_found = visible_found or VISIBLE in text
        if response.get("Content-Type", "").startswith("text/html"):
            for href in re.findall(r'href="([^"#]+)"', text):
                target = urlparse(urljoin(url, href.replace("&amp;", "&")))
                if (
                    target.netloc in ("", "testserver")
                    and target.path.startswith(("/public/", "/api/v1/public/", "/ledger/"))
                ) or target.path == "/":
                    queue.append(target.path + (f"?{target.query}" if target.query else ""))
    assert visible_found  # the crawl did reach the published, redacted text
    assert len(seen) > 40
