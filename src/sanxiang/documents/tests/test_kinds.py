"""Every document kind built from cases walked through the real case services (the factories'
journeys), rendered to PDF and DOCX; the content each kind must carry."""

from __future__ import annotations

import datetime
import io

import pytest
from pypdf import PdfReader

from sanxiang.cases import services as svc
from sanxiang.cases.choices import RecordKind
from sanxiang.cases.tests import factories as f
from sanxiang.documents import services
from sanxiang.documents.kinds import KINDS
from sanxiang.documents.selectors import case_documents
from sanxiang.documents.tests.helpers import (
    closed_case,
    configure_agency,
    decided_case,
    docx_text,
    on_spot_case,
    pdf_text,
    stored,
)

pytestmark = pytest.mark.django_db


def _issue_every_offered(world, case) -> dict[str, str]:
    """Issue every kind the case offers; {kind: text of its signed PDF}."""
    texts = {}
    _case, slots = case_documents(user=world.handler, case_id=case.pk)
    for slot in slots:
        if not slot.kind.in_case_file:
            continue
        document = services.document_issue(
            case=case, kind_code=slot.kind.code, source=slot.source.ref, actor=world.handler
        )
        pdf = stored(document.pdf_path)
        page = PdfReader(io.BytesIO(pdf)).pages[0]
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        assert document.title in docx_text(stored(document.docx_path))
        texts[slot.kind.code] = pdf_text(pdf).replace("\n", "")
    return texts


def test_investigation_and_hearing_documents(world, clock) -> None:
    configure_agency(world.agency)
    case = f.notified_case(world, fine_fen=1_000_000)  # 1万元 for a person: hearing right
    hearing = svc.hearing_request(
        case=case, requested_on=datetime.date(2025, 3, 5), actor=world.handler
    )
    svc.hearing_schedule(
        hearing=hearing,
        presiding_officer=world.outsider,
        hearing_notice_served_on=datetime.date(2025, 3, 11),
        scheduled_on=datetime.date(2025, 3, 20),
        place="听证室",
        actor=world.agency_head,
    )
    clock.go(datetime.date(2025, 3, 20))
    svc.hearing_hold(
        hearing=hearing,
        held_on=datetime.date(2025, 3, 20),
        record="主持人：宣布听证开始。\n当事人：对事实无异议。",
        actor=world.handler,
    )
    texts = _issue_every_offered(world, case)
    assert set(texts) == {
        "filing_approval",
        "inquiry_record",
        "penalty_notice",
        "hearing_notice",
        "hearing_record",
    }
    # LAW-APL-63/64: the notice states the hearing right and its 5-working-day window.
    assert (
        "要求举行听证的权利" in texts["penalty_notice"]
        and "五个工作日内" in texts["penalty_notice"]
    )
    assert "罚款10000元（大写：人民币壹万元整）" in texts["penalty_notice"]
    assert "2025年3月20日在听证室公开举行听证" in texts["hearing_notice"]
    assert "对事实无异议" in texts["hearing_record"]
    assert "问：你是否销售了过期食品？答：是的。" in texts["inquiry_record"]
    assert "执法证号" in texts["inquiry_record"]  # LAW-APL-55
    assert "承办人意见" in texts["filing_approval"] or "立案日期" in texts["filing_approval"]


def test_notice_without_hearing_right_does_not_offer_one_law_apl_63(world, clock) -> None:
    configure_agency(world.agency)
    case = f.notified_case(world)  # 3000元: below the threshold
    texts = _issue_every_offered(world, case)
    assert "陈述、申辩" in texts["penalty_notice"] and "听证" not in texts["penalty_notice"]


def test_preservation_and_inspection_documents(world, clock) -> None:
    configure_agency(world.agency)
    case = f.filed_case(world)
    svc.party_add(case=case, data=f.person(), actor=world.handler)
    svc.record_add(
        case=case,
        kind=RecordKind.INSPECTION,
        started_at=f.at(f.BASE_DAY, 14),
        place="某超市",
        subject_name="张三",
        content="现场发现过期食品十二盒。",
        officers=[world.officer_a, world.officer_b],
        actor=world.handler,
    )
    svc.preservation_start(
        case=case,
        items="过期食品十二盒",
        started_on=f.BASE_DAY,
        approved_by=world.agency_head,
        actor=world.handler,
    )
    services.document_edit(
        case=case,
        kind_code="preservation_notice",
        source=f"preservation:{case.preservations.get().pk}",
        values={"storage_place": "本机关罚没物品仓库"},
        actor=world.handler,
    )
    texts = _issue_every_offered(world, case)
    assert {"inspection_record", "preservation_notice"} <= set(texts)
    assert "过期食品十二盒" in texts["preservation_notice"]
    assert "七个工作日内" in texts["preservation_notice"]  # SAMR-PROC-35
    assert "本机关罚没物品仓库" in texts["preservation_notice"]
    assert "现场发现过期食品十二盒" in texts["inspection_record"]


def test_no_penalty_decision_names_the_reason_law_apl_33(world, clock) -> None:
    configure_agency(world.agency)
    case = decided_case(
        world,
        clock,
        outcome="no_penalty",
        no_penalty_reason="first_offence",
        penalty_types=(),
        fine_fen=0,
        discretion_tier=None,
    )
    texts = _issue_every_offered(world, case)
    text = texts["no_penalty_decision"]
    assert "初次违法且危害后果轻微并及时改正" in text and "决定不予行政处罚" in text
    assert "六十日内" in text and "六个月内" in text


def test_delivery_receipt_and_closing_form(world, clock) -> None:
    configure_agency(world.agency)
    case = closed_case(world, clock)
    texts = _issue_every_offered(world, case)
    number = case.documents.get(kind="decision").number
    assert number in texts["delivery_receipt"] and "直接送达" in texts["delivery_receipt"]
    assert "罚款已缴清" in texts["closing_approval"]
    assert "工行回单20250311001" in texts["closing_approval"]


def test_on_spot_decision_lists_the_law_apl_52_elements(world, clock) -> None:
    configure_agency(world.agency)
    case = on_spot_case(world)
    text = _issue_every_offered(world, case)["on_spot_decision"]
    for element in ("摆摊经营", "和平区南京路", "贰佰元整", "执法证号", "2025年3月3日"):
        assert element in text, element


def test_every_kind_declares_its_rule_and_placeholders() -> None:
    for kind in KINDS.values():
        assert kind.rule, kind.code
        assert {"agency_name", "number", "sections"} <= kind.context_keys
