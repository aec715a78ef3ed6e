"""Issuing documents: the checks (LAW-APL-59 six elements and seal, LAW-APL-52, LAW-ARL-20/23),
numbers (STD-9704-7.2.5), amounts in words, Chinese dates, signatures, edits and the ledger."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from pypdf import PdfReader

from sanxiang.cases.models import CaseEvent
from sanxiang.core.docnumbers import DOCUMENT_NUMBER_RE
from sanxiang.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from sanxiang.documents import services
from sanxiang.documents.models import Document
from sanxiang.documents.signing import verify_pdf
from sanxiang.documents.tests.helpers import (
    COURT,
    PAYMENT,
    configure_agency,
    decided_case,
    docx_text,
    on_spot_case,
    pdf_text,
    stored,
)
from sanxiang.ledger.models import LedgerEntry
from sanxiang.ledger.verification import ledger_verify
from sanxiang.registry.models import Role
from sanxiang.registry.tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db

A4 = (595.28, 841.89)  # points (STD-9704-5.1: 210 mm × 297 mm)


def _issue(world, case, kind="decision", source=""):
    return services.document_issue(case=case, kind_code=kind, source=source, actor=world.handler)


def test_decision_carries_the_six_elements_law_apl_59(world, clock) -> None:
    configure_agency(world.agency)
    case = decided_case(world, clock)
    document = _issue(world, case)
    text = pdf_text(stored(document.pdf_path)).replace("\n", "")
    assert "张三" in text and "天津市和平区南京路1号" in text  # (一)
    assert "销售超过保质期的食品" in text and "询问笔录" in text  # (二)
    provision = str(case.legal_basis()[0].provision)
    assert "罚款3000元（大写：人民币叁仟元整）" in text and provision in text  # (三)
    assert "十五日内" in text and PAYMENT in text  # (四)
    assert "六十日内向天津市人民政府申请行政复议" in text  # (五) LAW-ARL-20/24
    assert f"六个月内依法向{COURT}提起行政诉讼" in text
    assert world.agency.name in text and "2025年3月4日" in text  # (六), STD-9704-7.3.5.4
    assert "明确表示放弃陈述、申辩权利" in text  # SAMR-PROC-62


def test_decision_number_format_std_9704_7_2_5(world, clock) -> None:
    configure_agency(world.agency)
    document = _issue(world, decided_case(world, clock))
    assert document.number == "津市监罚〔2025〕1号"
    assert DOCUMENT_NUMBER_RE.match(document.number)
    assert document.number in pdf_text(stored(document.pdf_path))


def test_decision_without_seal_is_refused_law_apl_59(world, clock) -> None:
    configure_agency(world.agency, seal=False)
    case = decided_case(world, clock)
    with pytest.raises(ApplicationError) as refusal:
        _issue(world, case)
    assert refusal.value.code == "documents.incomplete"
    assert [m["element"] for m in refusal.value.extra["missing"]] == ["seal"]
    assert not Document.objects.filter(case=case, status="issued").exists()
    # The refusal used no number: the next issue still gets 1 (gapless).
    configure_agency(world.agency)
    assert _issue(world, case).number.endswith("〔2025〕1号")


def test_decision_without_court_or_payment_names_the_missing_elements_law_apl_59(
    world, clock
) -> None:
    case = decided_case(world, clock)
    with pytest.raises(ApplicationError) as refusal:
        _issue(world, case)
    elements = {m["element"] for m in refusal.value.extra["missing"]}
    assert {"performance", "court", "seal"} <= elements
    assert refusal.value.extra["rule"] == "LAW-APL-59"


def test_on_spot_decision_says_reconsideration_first_law_arl_23(world, clock) -> None:
    configure_agency(world.agency)
    case = on_spot_case(world)
    document = _issue(world, case, kind="on_spot_decision")
    text = pdf_text(stored(document.pdf_path)).replace("\n", "")
    assert "先向天津市人民政府申请行政复议" in text
    assert "也可以自收到本决定书之日起六个月内" not in text
    assert "罚款200元（大写：人民币贰佰元整）" in text
    assert document.number == "津市监当罚〔2025〕1号"


def test_remedy_clause_before_2024_offers_a_direct_lawsuit_law_arl_23() -> None:
    from sanxiang.documents.remedy import remedy_clause

    before = remedy_clause(
        body="甲", court="乙", decided_on=datetime.date(2023, 12, 31), on_the_spot=True
    )
    after = remedy_clause(
        body="甲", court="乙", decided_on=datetime.date(2024, 1, 1), on_the_spot=True
    )
    assert not before.reconsideration_first and "也可以" in before.text
    assert after.reconsideration_first and "也可以" not in after.text and "先向甲" in after.text


def test_reconsideration_body_follows_law_arl_24_27() -> None:
    from sanxiang.documents.remedy import default_reconsideration_body

    city = AgencyFactory.create(kind="government", name="某市人民政府")
    department = AgencyFactory.create(kind="department", parent=city)
    vertical = AgencyFactory.create(kind="department", parent=department, is_vertical=True)
    assert default_reconsideration_body(department) == "某市人民政府"
    assert default_reconsideration_body(vertical) == department.name


def test_issued_pdf_is_a4_signed_and_verifies_and_fonts_are_embedded(world, clock) -> None:
    configure_agency(world.agency)
    document = _issue(world, decided_case(world, clock))
    pdf = stored(document.pdf_path)
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4
    fonts: Any = reader.pages[0]["/Resources"]["/Font"]  # type: ignore[index]  # PDF dicts
    descendants = [f.get_object()["/DescendantFonts"][0].get_object() for f in fonts.values()]
    assert all(
        "/FontFile3" in d["/FontDescriptor"] or "/FontFile2" in d["/FontDescriptor"]
        for d in descendants
    )
    result = verify_pdf(pdf, agency=world.agency)
    assert result.ok, result
    assert document.signer and world.agency.name in document.signer
    assert document.signed_at is not None and document.certificate_sha256
    # An altered copy no longer verifies.
    altered = bytearray(pdf)
    position = pdf.index(b"stream") + 200
    altered[position] ^= 0x01
    assert not verify_pdf(bytes(altered), agency=world.agency).ok


def test_docx_opens_with_python_docx_and_records_template_version(world, clock) -> None:
    configure_agency(world.agency)
    document = _issue(world, decided_case(world, clock))
    text = docx_text(stored(document.docx_path))
    assert "行政处罚决定书" in text and document.number in text and "叁仟元整" in text
    assert document.template_version == 0 and document.template is None


def test_issued_document_is_in_the_ledger_and_an_altered_pdf_is_named(world, clock) -> None:
    configure_agency(world.agency)
    document = _issue(world, decided_case(world, clock))
    entry = LedgerEntry.objects.get(kind="documents.document", ref=str(document.pk))
    assert document.pdf_sha256 in bytes(entry.entry).decode()
    assert ledger_verify().ok
    from django.core.files.storage import storages

    path = storages["private"].path(document.pdf_path)
    with open(path, "r+b") as handle:
        handle.seek(100)
        byte = handle.read(1)
        handle.seek(100)
        handle.write(bytes([byte[0] ^ 1]))
    report = ledger_verify()
    assert not report.ok
    named = [str(m) for m in report.mismatches if document.number in str(m)]
    assert named and "altered" in named[0]


def test_edits_are_recorded_with_old_and_new_values(world, clock) -> None:
    configure_agency(world.agency)
    case = decided_case(world, clock)
    services.document_edit(
        case=case,
        kind_code="decision",
        source="",
        values={"evidence": "1. 询问笔录一份"},
        actor=world.handler,
    )
    services.document_edit(
        case=case,
        kind_code="decision",
        source="",
        values={"evidence": "1. 询问笔录一份；2. 照片"},
        actor=world.handler,
    )
    events = CaseEvent.objects.filter(case=case, action="documents.edited").order_by("pk")
    assert [e.data["changes"]["evidence"] for e in events] == [
        ["", "1. 询问笔录一份"],
        ["1. 询问笔录一份", "1. 询问笔录一份；2. 照片"],
    ]
    with pytest.raises(ApplicationError) as refusal:
        services.document_edit(
            case=case,
            kind_code="decision",
            source="",
            values={"penalty": "警告"},
            actor=world.handler,
        )
    assert refusal.value.code == "documents.field_not_editable"
    document = _issue(world, case)
    assert "1. 询问笔录一份；2. 照片" in pdf_text(stored(document.pdf_path))
    with pytest.raises(ApplicationError) as issued:
        services.document_edit(
            case=case,
            kind_code="decision",
            source="",
            values={"evidence": "x"},
            actor=world.handler,
        )
    assert issued.value.code == "documents.already_issued"


def test_a_document_is_issued_once_and_numbers_are_gapless_std_9704_7_2_5(world, clock) -> None:
    configure_agency(world.agency)
    case = decided_case(world, clock)
    notice = _issue(world, case, kind="penalty_notice")
    decision = _issue(world, case)
    assert (notice.number, decision.number) == ("津市监罚告〔2025〕1号", "津市监罚〔2025〕1号")
    with pytest.raises(ApplicationError) as again:
        _issue(world, case)
    assert again.value.code == "documents.already_issued"


def test_kind_not_offered_at_this_stage_is_refused(world, clock) -> None:
    from sanxiang.cases.tests.factories import filed_case

    configure_agency(world.agency)
    case = filed_case(world)
    with pytest.raises(ApplicationError) as refusal:
        _issue(world, case)
    assert refusal.value.code == "documents.not_available"


def test_other_agency_and_read_only_users_cannot_issue(world, clock) -> None:
    configure_agency(world.agency)
    case = decided_case(world, clock)
    stranger = UserFactory.create(role=Role.OFFICER, agency=AgencyFactory.create())
    with pytest.raises(NotFoundError):
        services.document_issue(case=case, kind_code="decision", source="", actor=stranger)
    reviewer = UserFactory.create(role=Role.LEGAL_REVIEWER, agency=world.agency)
    with pytest.raises(PermissionDeniedError):
        services.document_issue(case=case, kind_code="decision", source="", actor=reviewer)
