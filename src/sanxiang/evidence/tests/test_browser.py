"""Evidence upload in a real headless Chromium on a phone-sized viewport (390×844).

Selenium drives the Debian `chromium` through `chromedriver` against a live server: an officer
picks the committed demo clip in the case page's upload form, fills the capture metadata and
submits; tus-js-client sends the file with the tus protocol; the stored file's SHA-256 is
compared with `hashlib`, its ledger leaf looked up, and the item page's player must load the
video's metadata (range requests). Another agency's officer gets the 404 page. Skipped, with
the reason, only when chromium, chromedriver or selenium are absent
(`scripts/install-browser.sh` installs the Debian packages).
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from sanxiang.cases.tests.factories import CaseFactory, make_world
from sanxiang.core.browser import requires_browser, sign_in
from sanxiang.evidence.choices import CustodyAction, IntegrityState
from sanxiang.evidence.demo import VIDEO
from sanxiang.evidence.models import CustodyLog, EvidenceItem
from sanxiang.ledger.models import LedgerEntry
from sanxiang.registry.models import Role
from sanxiang.registry.tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), requires_browser]


def _no_horizontal_scroll(driver: Any) -> bool:
    return bool(
        driver.execute_script(
            "return document.documentElement.scrollWidth <= window.innerWidth + 1"
        )
    )


def test_officer_uploads_a_video_from_the_case_page_and_plays_it(browser, live_server) -> None:
    world = make_world()
    case = CaseFactory.create(agency=world.agency)
    sign_in(browser, live_server.url, world.handler)
    browser.get(f"{live_server.url}/office/evidence/cases/{case.pk}/")
    assert _no_horizontal_scroll(browser)

    browser.find_element(By.ID, "ev-file").send_keys(str(VIDEO.resolve()))
    Select(browser.find_element(By.ID, "ev-kind")).select_by_value("audio_visual")
    assert browser.find_element(By.ID, "ev-captured").get_attribute("value")  # filled by JS
    browser.find_element(By.ID, "ev-place").send_keys("和平区南京路1号")
    officers = Select(browser.find_element(By.ID, "ev-officers"))
    officers.select_by_value(str(world.officer_a.pk))
    officers.select_by_value(str(world.officer_b.pk))
    browser.find_element(By.ID, "ev-description").send_keys("执法记录仪现场录像")
    submit = browser.find_element(By.CSS_SELECTOR, "#evidence-upload button[type=submit]")
    # Bootstrap's `scroll-behavior: smooth` would still be scrolling when the click lands.
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", submit
    )
    submit.click()

    # tus-js-client uploads, then the page reloads with the new item in the list.
    # A refusal shows in the status line instead; stop waiting then and show it.
    WebDriverWait(browser, 30).until(
        lambda d: (
            d.find_elements(By.CSS_SELECTOR, "li[data-evidence]")
            or d.find_element(By.ID, "ev-status").get_attribute("data-failed")
        )
    )
    rows = browser.find_elements(By.CSS_SELECTOR, "li[data-evidence]")
    assert rows, browser.find_element(By.ID, "ev-status").text
    row = rows[0]
    assert row.get_attribute("data-integrity") == IntegrityState.VERIFIED
    assert VIDEO.name in row.text

    item = EvidenceItem.objects.get(pk=row.get_attribute("data-evidence"))
    data = VIDEO.read_bytes()
    assert item.case_id == case.pk
    assert item.size == len(data)
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert item.content_type == "video/mp4"
    assert item.place == "和平区南京路1号"
    assert item.description == "执法记录仪现场录像"
    assert set(item.officers.all()) == {world.officer_a, world.officer_b}
    entry = LedgerEntry.objects.get(kind="evidence.file", ref=str(item.pk))
    assert item.ledger_index == entry.index

    # The item page plays it: the player reads the metadata through range requests.
    browser.find_element(By.CSS_SELECTOR, f"li[data-evidence='{item.pk}'] a").click()
    video = browser.find_element(By.TAG_NAME, "video")
    WebDriverWait(browser, 20).until(
        lambda d: d.execute_script("return arguments[0].readyState", video) >= 1
    )
    duration = browser.execute_script("return arguments[0].duration", video)
    assert 3.5 < duration < 4.5  # the 4-second demo clip
    # Seeking asks for a byte range: the same page gets exactly those bytes back (206).
    part = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "fetch(arguments[0].currentSrc, {headers: {Range: 'bytes=100-199'}})"
        ".then(function (r) { return r.arrayBuffer().then(function (b) {"
        "  done([r.status, r.headers.get('Content-Range'), Array.from(new Uint8Array(b))]); }); })"
        ".catch(function (e) { done([0, String(e), []]); });",
        video,
    )
    assert part == [206, f"bytes 100-199/{len(data)}", list(data[100:200])]
    # The player asked for byte ranges, and playback was logged as a view by this officer.
    views = CustodyLog.objects.filter(item=item, action=CustodyAction.VIEW)
    assert {log.actor_id for log in views} == {world.handler.pk}
    assert any(log.detail.get("range", "").startswith("bytes=0-") for log in views)
    assert "HeadlessChrome" in views[0].user_agent
    assert _no_horizontal_scroll(browser)


def test_another_agencys_officer_gets_the_404_page(browser, live_server) -> None:
    world = make_world()
    case = CaseFactory.create(agency=world.agency)
    stranger = UserFactory.create(role=Role.OFFICER)  # an officer of another agency
    assert stranger.agency_id != world.agency.pk
    sign_in(browser, live_server.url, stranger)
    browser.get(f"{live_server.url}/office/evidence/cases/{case.pk}/")
    assert browser.find_element(By.CSS_SELECTOR, "main h1").text == "页面不存在"
    assert not browser.find_elements(By.ID, "evidence-upload")
    assert not browser.find_elements(By.ID, "ev-file")
