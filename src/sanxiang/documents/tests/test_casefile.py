"""The case file (一案一卷, SAMR-PROC-78): cover, contents in the prescribed order, every issued
document, bookmarks, signed, hashed and in the ledger; bound at archiving."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from sanxiang.cases.choices import CaseStatus
from sanxiang.cases.models import CaseEvent
from sanxiang.core.errors import ApplicationError
from sanxiang.documents import services
from sanxiang.documents.selectors import case_documents
from sanxiang.documents.signing import sha256_hex, verify_pdf
from sanxiang.documents.tests.helpers import closed_case, configure_agency, pdf_text, stored
from sanxiang.ledger.models import LedgerEntry

pytestmark = pytest.mark.django_db


def _issue_all(world, case) -> None:
    _case, slots = case_documents(user=world.handler, case_id=case.pk)
    for slot in slots:
        if slot.kind.in_case_file:
            services.document_issue(
                case=case, kind_code=slot.kind.code, source=slot.source.ref, actor=world.handler
            )


def test_archiving_binds_the_case_file_in_samr_proc_78_order(world, clock) -> None:
    configure_agency(world.agency)
    case = closed_case(world, clock)
    _issue_all(world, case)
    case_file = services.case_file_archive(case=case, actor=world.handler)
    case.refresh_from_db()
    assert case.status == CaseStatus.ARCHIVED
    sections = [e["section"] for e in case_file.entries]
    # SAMR-PROC-78: 立案审批表; 决定书及送达回证; 其他法律文书; 证据材料; … 副卷 结案审批表.
    assert sections == [
        "立案审批表",
        "行政处罚决定书及送达回证",
        "行政处罚决定书及送达回证",
        "其他法律文书及送达回证",
        "证据材料",
        "结案审批表",
    ]
    assert [e["title"] for e in case_file.entries][:3] == [
        "立案审批表",
        "行政处罚决定书",
        "送达回证",
    ]
    pdf = stored(case_file.pdf_path)
    assert sha256_hex(pdf) == case_file.sha256
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == case_file.pages == 2 + sum(e["pages"] for e in case_file.entries)
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[:3] == ["案卷封面", "卷内目录", "正卷·立案审批表"]
    assert "副卷·结案审批表" in outline
    # Each bookmark of a document points at the first page the table of contents gives.
    decision_entry = case_file.entries[1]
    decision_page = reader.pages[decision_entry["first_page"] - 1].extract_text()
    assert "行政处罚决定书" in decision_page and decision_entry["number"] in decision_page
    toc = pdf_text(pdf).split("\n")
    assert any("第4页" in line for line in toc)
    assert verify_pdf(pdf, agency=world.agency).ok
    assert LedgerEntry.objects.filter(kind="documents.case_file", ref=str(case_file.pk)).exists()
    assert CaseEvent.objects.filter(case=case, action="documents.case_file_built").exists()


def test_case_file_is_not_bound_before_the_case_is_closed(world, clock) -> None:
    from sanxiang.documents.tests.helpers import decided_case

    configure_agency(world.agency)
    case = decided_case(world, clock)
    with pytest.raises(ApplicationError) as refusal:
        services.case_file_build(case=case, actor=world.handler)
    assert refusal.value.code == "documents.not_available"


def test_archive_refused_by_the_case_workflow_binds_nothing(world, clock) -> None:
    from sanxiang.documents.tests.helpers import decided_case

    configure_agency(world.agency)
    case = decided_case(world, clock)
    with pytest.raises(ApplicationError):
        services.case_file_archive(case=case, actor=world.handler)
    assert not LedgerEntry.objects.filter(kind="documents.case_file").exists()
