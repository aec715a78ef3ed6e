"""Documents fed by the apps built beside this one: the 法制审核意见书 from the review app
(LAW-APL-58) and the evidence list of the decision and the case file from the evidence app."""

from __future__ import annotations

import io

import pytest

from sanxiang.cases.tests.factories import BASE_DAY, at
from sanxiang.documents import services
from sanxiang.documents.selectors import case_documents
from sanxiang.documents.tests.helpers import (
    close_decided,
    configure_agency,
    decided_case,
    pdf_text,
    stored,
)
from sanxiang.registry import models as m

pytestmark = pytest.mark.django_db


def test_legal_review_opinion_is_offered_and_rendered_law_apl_58(world, clock) -> None:
    from sanxiang.review.tests.factories import make_reviewer
    from sanxiang.review.tests.helpers import approved, ready_case

    m.MajorDecisionRule.objects.create(
        agency=world.agency,
        name="罚款二千元以上",
        trigger=m.MajorDecisionTrigger.AMOUNT,
        amount_fen=200_000,
        legal_basis="测试目录",
    )
    configure_agency(world.agency)
    case = ready_case(world)
    _case, before = case_documents(user=world.handler, case_id=case.pk)
    assert "legal_review_opinion" not in {slot.kind.code for slot in before}
    reviewer = make_reviewer(world.agency)
    approved(case, world.handler, reviewer)
    document = services.document_issue(
        case=case, kind_code="legal_review_opinion", source="", actor=world.handler
    )
    text = pdf_text(stored(document.pdf_path)).replace("\n", "")
    assert "法制审核意见书" in text and "同意。" in text and reviewer.display_name in text


def test_evidence_list_goes_into_the_decision_and_the_case_file(world, clock) -> None:
    from sanxiang.evidence.services.items import evidence_attach
    from sanxiang.evidence.tests.helpers import png_bytes

    configure_agency(world.agency)
    case = decided_case(world, clock)
    data = png_bytes()
    evidence_attach(
        case=case,
        actor=world.handler,
        stream=io.BytesIO(data),
        length=len(data),
        metadata={
            "kind": "documentary",
            "captured_at": at(case.filed_on or BASE_DAY).isoformat(),
            "filename": "过期食品照片.png",
        },
    )
    decision = services.document_issue(
        case=case, kind_code="decision", source="", actor=world.handler
    )
    assert "过期食品照片" in pdf_text(stored(decision.pdf_path)).replace("\n", "")
    case = close_decided(world, clock, case)
    case_file = services.case_file_archive(case=case, actor=world.handler)
    listing = [e for e in case_file.entries if e["title"] == "证据清单"]
    assert listing and listing[0]["section"] == "证据材料"
    page = pdf_text(stored(case_file.pdf_path)).replace("\n", "").split("证据清单")[-1]
    assert "过期食品照片.png" in page
