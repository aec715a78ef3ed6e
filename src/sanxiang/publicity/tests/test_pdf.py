"""What a reader finds in the printed channels: the disclosure booklet (公示册) and the officer's
certificate card, read back from the PDF with pypdf; and the QR code of the card.

No QR decoder on PyPI is pure Python (the readers wrap zbar, ZXing or OpenCV), so the QR code
is checked one step earlier: the card view must hand `/public/verify/<number>` to the builder,
and the builder's SVG, read back module by module, must be the QR matrix of that URL.
"""

from __future__ import annotations

import base64
import datetime
import io
import re
from typing import Any

import pytest
import qrcode  # type: ignore[import-untyped]
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from sanxiang.publicity.models import DisclosureItem, SpotCheckItem, Stage
from sanxiang.publicity.views import staff as staff_views
from sanxiang.registry.models import Role
from sanxiang.registry.tests import factories as rf

pytestmark = pytest.mark.django_db

MM = 72 / 25.4  # PDF points per millimetre
A4 = (210 * MM, 297 * MM)
CARD = (85.6 * MM, 54 * MM)  # ID-1 (ISO/IEC 7810)


def pdf(response: Any) -> PdfReader:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def text_of(reader: PdfReader) -> str:
    # Table cells may wrap: compare without the line breaks.
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def page_sizes(reader: PdfReader) -> set[tuple[float, float]]:
    return {
        (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1))
        for page in reader.pages
    }


def embedded_fonts(reader: PdfReader) -> set[str]:
    """Base names of the fonts whose program is embedded in the file."""
    names: set[str] = set()
    for page in reader.pages:
        resources: Any = page["/Resources"].get_object()
        fonts = resources.get("/Font")
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants.get_object()[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is None:
                continue
            descriptor = descriptor.get_object()
            if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                names.add(str(font["/BaseFont"]))
    return names


def assert_cjk_font_embedded(reader: PdfReader) -> None:
    fonts = embedded_fonts(reader)
    assert any("CJK" in name for name in fonts), fonts


def test_booklet_shows_the_agency_catalogue_officers_and_inspections_a4(client: Client) -> None:
    agency = rf.AgencyFactory.create(name="天津市财政局")
    DisclosureItem.objects.create(
        agency=agency,
        stage=Stage.AFTER,
        order=1,
        item="行政处罚决定",
        content="执法机关、执法对象、执法类别、执法结论",
        time_limit="作出决定之日起7个工作日内",
        channel="本机关门户网站",
        display_period="3年",
        legal_basis="国办发〔2018〕118号",
    )
    SpotCheckItem.objects.create(
        agency=agency,
        code="CZ-SJ-01",
        name="会计信息质量检查",
        subjects="企业",
        method="双随机",
        ratio="3%",
        legal_basis="会计法",
    )
    officer = rf.OfficerFactory.create(agency=agency, name="薛梅")
    today = timezone.localdate()
    rf.CertificateFactory.create(
        officer=officer,
        number="12010055001",
        issued_on=today - datetime.timedelta(days=30),
        expires_on=today + datetime.timedelta(days=300),
    )
    reader = pdf(client.get(f"/public/agencies/{agency.pk}/booklet.pdf"))
    text = text_of(reader)
    for expected in (
        "天津市财政局",
        "行政执法公示册",
        "行政处罚决定",
        "作出决定之日起7个工作日内",
        "会计信息质量检查",
        "薛梅",
        "12010055001",
    ):
        assert expected in text, expected
    assert officer.id_number not in text  # public data only
    assert page_sizes(reader) == {(round(A4[0], 1), round(A4[1], 1))}
    assert_cjk_font_embedded(reader)


def test_certificate_card_is_one_id1_card_per_certificate_with_its_verify_url_guo_118_05(
    client: Client, login_as, monkeypatch: pytest.MonkeyPatch
) -> None:
    officer = rf.OfficerFactory.create(name="张伟")
    today = timezone.localdate()
    numbers = ["12010066001", "12010066002"]
    for number in numbers:
        rf.CertificateFactory.create(
            officer=officer,
            number=number,
            issued_on=today - datetime.timedelta(days=30),
            expires_on=today + datetime.timedelta(days=300),
        )
    built: list[str] = []
    real_builder = staff_views.qr_svg

    def spy(url: str) -> str:
        built.append(url)
        return real_builder(url)

    monkeypatch.setattr(staff_views, "qr_svg", spy)
    login_as(Role.AGENCY_HEAD, agency=officer.agency)
    reader = pdf(client.get(f"/public/workbench/cards/{officer.pk}.pdf"))
    urls = [f"http://testserver/public/verify/{number}" for number in numbers]
    assert built == urls  # the QR code of each card encodes its certificate's check page
    assert len(reader.pages) == len(numbers)
    assert page_sizes(reader) == {(round(CARD[0], 1), round(CARD[1], 1))}
    for page, number, url in zip(reader.pages, numbers, urls, strict=True):
        text = re.sub(r"\s+", "", page.extract_text())
        assert "张伟" in text and officer.agency.name in text
        assert number in text and url in text
        assert "行政执法证" in text
        assert officer.id_number not in text
        # The QR code is drawn as vector paths: at least three line segments per dark module.
        contents = page.get_contents()
        assert contents is not None
        drawing = contents.get_data()
        assert drawing.count(b" l\n") >= 3 * len(qr_modules(url))
    assert_cjk_font_embedded(reader)


def svg_modules(data_uri: str) -> set[tuple[int, int]]:
    """The dark modules (x, y) of a QR code drawn by `qr_svg`, read back from its SVG path."""
    prefix = "data:image/svg+xml;base64,"
    assert data_uri.startswith(prefix)
    svg = base64.b64decode(data_uri[len(prefix) :]).decode()
    return {(int(x), int(y)) for x, y in re.findall(r"M(\d+),(\d+)H", svg)}


def qr_modules(url: str, border: int = 2) -> set[tuple[int, int]]:
    code = qrcode.QRCode(border=border)
    code.add_data(url)
    code.make(fit=True)
    return {(x, y) for y, row in enumerate(code.get_matrix()) for x, dark in enumerate(row) if dark}


def test_qr_builder_draws_the_qr_matrix_of_the_verify_url() -> None:
    url = "https://portal.example.cn/public/verify/12010066001"
    drawn = svg_modules(staff_views.qr_svg(url))
    assert drawn == qr_modules(url)
    assert drawn != qr_modules(url.replace("66001", "66002"))
