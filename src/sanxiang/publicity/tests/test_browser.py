"""Browser tests in a real headless Chromium on a phone-sized viewport (390×844).

Selenium drives the Debian `chromium` through `chromedriver` against a live server. They are
skipped, with the reason, only when chromium, chromedriver or selenium are absent
(`scripts/install-browser.sh` installs the Debian packages).
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By

from sanxiang.core.browser import requires_browser
from sanxiang.publicity.tests.factories import SECRET_ID, make_staff, open_publication, publish
from sanxiang.registry.models import CertificateStatus
from sanxiang.registry.tests import factories as rf

pytestmark = [pytest.mark.django_db(transaction=True), requires_browser]


def _no_horizontal_scroll(driver) -> bool:
    return driver.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth + 1"
    )


def test_search_on_a_phone(browser, live_server) -> None:
    staff = make_staff()
    row = publish(staff, open_publication(staff))
    browser.get(live_server.url + "/")
    box = browser.find_element(By.ID, "home-q")
    box.send_keys("罚款")
    box.submit()
    count = browser.find_element(By.ID, "result-count")
    assert "1" in count.text
    link = browser.find_element(By.LINK_TEXT, row.public_title)
    assert link.is_displayed()
    assert _no_horizontal_scroll(browser)
    assert browser.find_element(By.CSS_SELECTOR, "main#main")  # landmark
    assert browser.find_element(By.CSS_SELECTOR, "label[for=id_q]")


def test_decision_page_on_a_phone(browser, live_server) -> None:
    staff = make_staff()
    row = publish(staff, open_publication(staff))
    browser.get(f"{live_server.url}/public/decisions/{row.pk}/")
    assert browser.find_element(By.ID, "decision-title").text == row.public_title
    text = browser.find_element(By.CSS_SELECTOR, ".sx-decision-text").text
    assert "保质期" in text and SECRET_ID not in text
    proof = browser.find_element(By.PARTIAL_LINK_TEXT, "JSON")
    assert f"index={row.ledger_index}" in proof.get_attribute("href")
    assert _no_horizontal_scroll(browser)


@pytest.mark.parametrize(
    ("status", "expires", "shown"),
    [
        (CertificateStatus.VALID, 100, "valid"),
        (CertificateStatus.VALID, -1, "expired"),
        (CertificateStatus.SUSPENDED, 100, "suspended"),
        (CertificateStatus.REVOKED, 100, "revoked"),
    ],
)
def test_certificate_verification_on_a_phone(browser, live_server, status, expires, shown) -> None:
    today = timezone.localdate()
    rf.CertificateFactory.create(
        number="12010055001",
        status=status,
        issued_on=today - datetime.timedelta(days=500),
        expires_on=today + datetime.timedelta(days=expires),
    )
    browser.get(live_server.url + "/public/verify/")
    field = browser.find_element(By.ID, "cert-number")
    field.send_keys("12010055001")
    field.submit()
    result = browser.find_element(By.ID, "verify-status")
    assert result.get_attribute("data-status") == shown
    assert result.is_displayed()
    assert _no_horizontal_scroll(browser)
