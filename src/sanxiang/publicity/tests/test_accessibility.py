"""Accessibility of the public portal, checked on the rendered pages (WCAG 2.1 AA basics).

Every page an anonymous visitor can open: a `lang`, one `<main>`, a skip link to it, one `<h1>`
and no skipped heading level, a label for every form control, an `alt` on every image, and no
positive `tabindex` (the focus follows the page order). The colours the portal adds (badges,
marks, certificate states) reach the 4.5:1 contrast of normal text.
"""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from sanxiang.publicity.models import DisclosureItem, Stage
from sanxiang.publicity.services import yearly_report_generate, yearly_report_publish
from sanxiang.publicity.tests.factories import make_staff, open_publication, publish
from sanxiang.registry.tests import factories as rf

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[2]
CONTROLS = {"input", "select", "textarea"}
UNLABELLED_INPUTS = {"hidden", "submit", "button", "reset", "image"}


class Page(HTMLParser):
    """What the checks need from one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.mains: list[str] = []
        self.skip_targets: list[str] = []
        self.headings: list[int] = []
        self.labels: set[str] = set()
        self.controls: list[dict[str, str]] = []
        self.images: list[dict[str, str]] = []
        self.tabindexes: list[int] = []
        self._label_depth = 0
        self._label_has_control = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag == "main":
            self.mains.append(a.get("id", ""))
        if tag == "a" and "skip-link" in a.get("class", ""):
            self.skip_targets.append(a.get("href", ""))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "label":
            self._label_depth += 1
            if a.get("for"):
                self.labels.add(a["for"])
        if tag in CONTROLS and (tag != "input" or a.get("type", "text") not in UNLABELLED_INPUTS):
            a["_wrapped"] = "1" if self._label_depth else ""
            self.controls.append({"tag": tag, **a})
        if tag == "img":
            self.images.append(a)
        if "tabindex" in a and a["tabindex"].lstrip("-").isdigit():
            self.tabindexes.append(int(a["tabindex"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._label_depth = max(0, self._label_depth - 1)


def parse(client: Client, url: str) -> Page:
    response = client.get(url)
    assert response.status_code == 200, url
    page = Page()
    page.feed(response.content.decode())
    return page


@pytest.fixture
def portal_urls() -> list[str]:
    staff = make_staff()
    DisclosureItem.objects.create(
        agency=staff.agency,
        stage=Stage.BEFORE,
        item="执法主体",
        content="名称、职责",
        time_limit="20个工作日",
        channel="门户网站",
        display_period="长期",
        legal_basis="国办发〔2018〕118号",
    )
    row = publish(staff, open_publication(staff))
    today = timezone.localdate()
    officer = rf.OfficerFactory.create(agency=staff.agency)
    cert = rf.CertificateFactory.create(
        officer=officer,
        issued_on=today - datetime.timedelta(days=10),
        expires_on=today + datetime.timedelta(days=100),
    )
    report = yearly_report_generate(agency=staff.agency, year=2025)
    yearly_report_publish(report=report, actor=staff.head, on=datetime.date(2026, 1, 20))
    agency = f"/public/agencies/{staff.agency.pk}"
    return [
        "/",
        "/public/",
        "/public/decisions/",
        "/public/decisions/?q=行政处罚",
        f"/public/decisions/{row.pk}/",
        "/public/withdrawals/",
        "/public/agencies/",
        f"{agency}/",
        f"{agency}/officers/",
        f"{agency}/powers/",
        f"{agency}/discretion/",
        "/public/procedures/",
        "/public/verify/",
        f"/public/verify/{cert.number}",
        "/public/open-data/",
        "/public/reports/",
        f"/public/reports/{report.pk}/",
    ]


def test_every_portal_page_has_landmarks_headings_labels_and_alt_texts(
    client: Client, portal_urls: list[str]
) -> None:
    for url in portal_urls:
        page = parse(client, url)
        assert page.lang.startswith("zh"), url  # Chinese by default
        assert page.mains == ["main"], url
        assert page.skip_targets == ["#main"], url
        assert page.headings.count(1) == 1, (url, page.headings)
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, (url, page.headings)  # no skipped level
        for control in page.controls:
            labelled = (
                control.get("id", "") in page.labels
                or control.get("aria-label")
                or control.get("aria-labelledby")
                or control.get("_wrapped")
            )
            assert labelled, (url, control)
        for image in page.images:
            assert "alt" in image, (url, image)
        assert all(index <= 0 for index in page.tabindexes), url


def test_the_search_form_labels_each_filter(client: Client, portal_urls: list[str]) -> None:
    page = parse(client, "/public/decisions/")
    ids = {control.get("id") for control in page.controls}
    assert {"id_q", "id_agency", "id_act_type", "id_date_from", "id_date_to"} <= ids
    assert ids <= page.labels


def test_the_portal_marks_the_current_section(client: Client, portal_urls: list[str]) -> None:
    html = client.get("/public/withdrawals/").content.decode()
    current = re.findall(r'<a class="nav-link active" aria-current="page" href="([^"]+)"', html)
    assert current == ["/public/withdrawals/"]


def luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_portal_colours_reach_aa_contrast() -> None:
    """The text colours of portal.css on their backgrounds, and the Bootstrap badges used."""
    css = (STATIC / "publicity" / "static" / "publicity" / "portal.css").read_text()
    rules = dict(re.findall(r"([^{}]+)\{([^}]*)\}", css))
    pairs: list[tuple[str, str, str]] = []
    for selector, body in rules.items():
        colour = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", body)
        if colour is None:
            continue
        declared = re.search(r"background:\s*(#[0-9a-fA-F]{3,6})", body)
        if declared is None:
            background_colour = "#0b1f3d" if ".sx-display" in selector else "#ffffff"
            if ".sx-mask" in selector:
                background_colour = "#ffe08a"
        else:
            background_colour = declared.group(1)
        pairs.append((selector.strip(), colour.group(1), background_colour))
    assert len(pairs) >= 5
    vendor = STATIC / "web" / "static" / "vendor"
    bootstrap = (vendor / "bootstrap" / "bootstrap.min.css").read_text()
    for name in ("warning", "danger", "light"):
        rgb = re.search(rf"--bs-{name}-rgb:\s*(\d+),\s*(\d+),\s*(\d+)", bootstrap)
        text = re.search(rf"\.text-bg-{name}\{{color:(#[0-9a-fA-F]{{3,6}})", bootstrap)
        assert rgb is not None and text is not None
        badge = "#" + "".join(f"{int(c):02x}" for c in rgb.groups())
        pairs.append((f".text-bg-{name}", text.group(1), badge))
    for selector, foreground, background_colour in pairs:
        assert contrast(foreground, background_colour) >= 4.5, (selector, foreground)
