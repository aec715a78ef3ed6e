"""Journeys from lead to archive through the pages only, posting the forms as a user would:
(a) general procedure with a hearing, (b) simple procedure on the spot, (c) no penalty
(首违不罚), (d) transfer to the judicial organs. After each step: the status, the timeline,
the deadlines; at the end the six stages of LAW-APL-47 and the archive."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client

from sanxiang.cases.choices import CaseStatus, DeadlineStatus
from sanxiang.cases.models import Case, CaseEvent, Deadline
from sanxiang.cases.tests.factories import BASE_DAY, World
from sanxiang.cases.tests.pages import (
    case_url,
    decide_pending,
    field_error,
    page,
    refused,
    status_of,
    submit,
)
from sanxiang.evidence.tests.factories import fill_av_checklist
from sanxiang.registry.tests.factories import (
    DiscretionTierFactory,
    make_credit_code,
    make_resident_id,
)
from sanxiang.review.tests.factories import make_reviewer, pass_legal_review_via_pages

pytestmark = pytest.mark.django_db

D = datetime.date


def _events(case: Case) -> list[str]:
    return list(CaseEvent.objects.filter(case=case).order_by("id").values_list("action", flat=True))


def _running(case: Case) -> dict[str, str]:
    """Running deadlines of the case: rule id → last day."""
    return {
        d.rule: d.due_on.isoformat()
        for d in Deadline.objects.filter(case=case, status=DeadlineStatus.RUNNING)
    }


def _register_lead(client: Client, world: World, title: str) -> Case:
    client.force_login(world.handler)
    response = submit(
        client,
        "/office/cases/new/",
        {
            "title": title,
            "lead_source": "complaint",
            "received_on": BASE_DAY.isoformat(),
            "lead_summary": "群众举报。",
            "place": "和平区南京路",
            "reporter_name": "王五",
            "reporter_contact": "13900000000",
            "department": world.department.pk,
        },
    )
    found = re.search(r"/office/cases/(\d+)/", response["Location"])
    assert found is not None
    case = Case.objects.get(pk=int(found[1]))
    assert case.status == CaseStatus.LEAD
    assert _running(case) == {"SAMR-PROC-18": "2025-03-24"}
    assert 'data-rule="SAMR-PROC-18"' in page(client, case_url(case))
    return case


def _file(client: Client, world: World, case: Case, **extra: str) -> None:
    submit(
        client,
        case_url(case, "officers"),
        {"officers": [world.officer_a.pk, world.officer_b.pk], "lead": world.officer_a.pk},
    )
    submit(
        client,
        case_url(case, "submit-filing"),
        {
            "power_item": world.power_item.pk,
            "title": case.title,
            "facts": "经查，当事人存在违法行为。",
            "violation_started_on": "2025-02-20",
            "discovered_on": BASE_DAY.isoformat(),
            "opinion": "建议立案",
            **extra,
        },
    )
    assert status_of(case) == CaseStatus.LEAD
    assert decide_pending(client, case, world.department_head) == 1
    assert decide_pending(client, case, world.agency_head) == 1
    assert status_of(case) == CaseStatus.FILED
    assert case.case_number.startswith("津市监立〔2025〕")
    assert _running(case) == {"LAW-APL-60": "2025-06-03"}
    client.force_login(world.handler)


def _investigate(client: Client, world: World, case: Case, party: dict[str, str]) -> None:
    submit(client, case_url(case, "party-add"), party)
    submit(
        client,
        case_url(case, "record-add"),
        {
            "kind": "inquiry",
            "started_at": "2025-03-03T14:00",
            "place": "和平区市场监管所",
            "subject_name": party["name"],
            "content": "问：情况是否属实？答：属实。",
            "officers": [world.officer_a.pk, world.officer_b.pk],
        },
    )
    assert status_of(case) == CaseStatus.INVESTIGATING
    submit(client, case_url(case, "end-investigation"), {"reason": ""})
    assert status_of(case) == CaseStatus.CASE_REVIEW


def _decide(client: Client, world: World, case: Case, data: dict[str, object]) -> None:
    submit(client, case_url(case, "decision"), {"reasons": "依据相关规定。", **data})
    decide_pending(client, case, world.department_head)
    decide_pending(client, case, world.agency_head)
    assert status_of(case) == CaseStatus.DECIDED
    client.force_login(world.handler)


def _close_and_archive(client: Client, world: World, case: Case) -> str:
    # GUO-118-08: every seizure, on-site record, hearing... has its video (or a reason) first.
    fill_av_checklist(client, case.pk, via="pages")
    submit(client, case_url(case, "close"), {"summary": "执行完毕，予以结案。"})
    assert decide_pending(client, case, world.department_head) == 1
    assert status_of(case) == CaseStatus.CLOSED
    assert _running(case) == {}
    client.force_login(world.handler)
    body = page(client, case_url(case))
    stages = dict(re.findall(r'data-stage="(\w+)" data-recorded="(\w+)"', body))
    assert set(stages) == {"start", "investigation", "review", "decision", "delivery", "execution"}
    assert "no" not in stages.values()
    submit(client, case_url(case, "archive"), {})
    assert status_of(case) == CaseStatus.ARCHIVED
    return page(client, case_url(case))


PERSON = {
    "kind": "natural_person",
    "name": "张三",
    "id_number": make_resident_id(7, birth="19850312"),
    "address": "天津市和平区南京路1号",
}


def test_general_procedure_with_a_hearing(client: Client, world: World, clock) -> None:
    """(a) A fine of 20,000元 to a natural person: hearing right (LAW-APL-63), hearing held,
    decision in the 10,000–50,000元 tier, delivery, payment, closing, archive."""
    high = DiscretionTierFactory.create(
        standard=world.standard, level="较重", fine_min_fen=1_000_000, fine_max_fen=5_000_000
    )
    case = _register_lead(client, world, "某超市销售过期食品")
    _file(client, world, case)
    _investigate(client, world, case, PERSON)

    submit(
        client,
        case_url(case, "notice-draft"),
        {"penalty_types": ["fine"], "fine_yuan": "20000", "content": "拟处罚款二万元。"},
    )
    decide_pending(client, case, world.department_head)
    decide_pending(client, case, world.agency_head)
    client.force_login(world.handler)
    serve_form = page(client, case_url(case, "notice-serve"))
    assert 'data-hearing-right="yes"' in serve_form
    submit(client, case_url(case, "notice-serve"), {"served_on": "2025-03-03", "method": "direct"})
    assert status_of(case) == CaseStatus.NOTIFIED
    assert _running(case) == {
        "LAW-APL-60": "2025-06-03",
        "SAMR-PROC-57": "2025-03-10",
        "LAW-APL-64(一)": "2025-03-10",
    }

    clock.go(D(2025, 3, 5))
    submit(
        client,
        case_url(case, "statement"),
        {"received_on": "2025-03-05", "content": "当事人称不知道食品已过期。"},
    )
    statement = case.statements.get()
    submit(
        client,
        case_url(case, "statement-reexamine", statement.pk),
        {"result": "not_adopted", "note": "经营者负有查验义务。", "on": "2025-03-05"},
    )
    submit(client, case_url(case, "hearing-request"), {"requested_on": "2025-03-05"})
    assert status_of(case) == CaseStatus.HEARING
    hearing = case.hearings.get()

    client.force_login(world.department_head)
    schedule = case_url(case, "hearing-schedule", hearing.pk)
    early = {
        "presiding_officer": world.outsider.pk,
        "hearing_notice_served_on": "2025-03-05",
        "scheduled_on": "2025-03-10",
        "place": "第一听证室",
        "is_public": "on",
    }
    body = refused(client, schedule, early)
    assert "LAW-APL-64" in field_error(body, "scheduled_on")
    assert 'value="第一听证室"' in body
    submit(client, schedule, {**early, "scheduled_on": "2025-03-17"})

    clock.go(D(2025, 3, 17))
    client.force_login(world.handler)
    submit(
        client,
        case_url(case, "hearing-hold", hearing.pk),
        {"held_on": "2025-03-17", "party_attended": "on", "record": "听证笔录：当事人陈述意见。"},
    )
    # LAW-APL-58(二): decided after a hearing, a major decision: the case page says so, and
    # the legal review approves the decision before it is drafted.
    panel = page(client, case_url(case))
    assert 'data-review-required="yes"' in panel and "LAW-APL-58(二)" in panel
    reviewer = make_reviewer(world.agency)
    pass_legal_review_via_pages(client, case, handler=world.handler, reviewer=reviewer)
    assert status_of(case) == CaseStatus.LEGAL_REVIEW
    assert 'data-review-current="yes"' in page(client, case_url(case))
    _decide(
        client,
        world,
        case,
        {
            "outcome": "penalty",
            "penalty_types": ["fine"],
            "fine_yuan": "20000",
            "discretion_tier": high.pk,
        },
    )
    assert _running(case) == {"LAW-APL-61": "2025-03-26"}

    clock.go(D(2025, 3, 18))
    submit(
        client,
        case_url(case, "delivery"),
        {
            "document": "decision",
            "method": "direct",
            "recipient": "张三",
            "delivered_on": "2025-03-18",
            "proof": "送达回证第1号",
        },
    )
    assert status_of(case) == CaseStatus.ENFORCING
    assert _running(case) == {"LAW-APL-67": "2025-04-02"}
    clock.go(D(2025, 3, 20))
    submit(
        client,
        case_url(case, "payment"),
        {"amount_yuan": "20000", "paid_on": "2025-03-20", "channel": "bank", "reference": "B1"},
    )
    assert _running(case) == {"SAMR-PROC-77": "2025-04-11"}

    body = _close_and_archive(client, world, case)
    assert _events(case)[0] == "cases.lead_registered"
    for action in (
        "cases.filed",
        "cases.notice_served",
        "cases.statement_reexamined",
        "cases.hearing_requested",
        "cases.hearing_scheduled",
        "cases.hearing_held",
        "cases.decided",
        "cases.delivered",
        "cases.enforcement_started",
        "cases.payment_recorded",
        "cases.closed",
        "cases.archived",
    ):
        assert action in _events(case)
        assert f'data-event="{action}"' in body
    # Archiving binds the case file in the same move (一案一卷, SAMR-PROC-78).
    assert _events(case)[-2:] == ["cases.archived", "documents.case_file_built"]


def test_simple_procedure_on_the_spot(client: Client, world: World, clock) -> None:
    """(b) A 200元 fine on the spot (LAW-APL-51): 201元 is refused; paid at the bank later,
    filed with the agency (SAMR-PROC-70), closed and archived."""
    client.force_login(world.handler)
    data = {
        "title": "占道经营",
        "place": "和平区滨江道",
        "acted_at": "2025-03-03T09:30",
        "facts": "当事人占道摆摊。",
        **PERSON,
        "officers": [world.officer_a.pk, world.officer_b.pk],
        "penalty_types": ["fine"],
        "fine_yuan": "201",
        "form_number": "津当场0001",
        "reasons": "依据相关规定当场处罚。",
    }
    body = refused(client, "/office/cases/on-spot/new/", data)
    assert "LAW-APL-51" in field_error(body, "fine_yuan")
    assert 'value="津当场0001"' in body
    assert not Case.objects.exists()

    response = submit(client, "/office/cases/on-spot/new/", {**data, "fine_yuan": "200"})
    case = Case.objects.get()
    assert response["Location"] == case_url(case)
    assert case.status == CaseStatus.ENFORCING
    assert _running(case) == {"SAMR-PROC-70": "2025-03-12", "LAW-APL-67": "2025-03-18"}
    assert _events(case)[:3] == ["cases.party_added", "cases.record_added", "cases.decided_on_spot"]

    clock.go(D(2025, 3, 5))
    submit(
        client,
        case_url(case, "payment"),
        {"amount_yuan": "200", "paid_on": "2025-03-05", "channel": "bank", "reference": "B2"},
    )
    body = refused(client, case_url(case, "close"), {"summary": "已缴纳罚款。"})
    assert "SAMR-PROC-70" in body
    submit(client, case_url(case, "simple-filing"), {"filed_on": "2025-03-05"})
    assert _running(case) == {"SAMR-PROC-77": "2025-03-26"}
    # GUO-118-08: no video of the on-site act; the officer records why on the evidence page.
    no_video = "现场执法时执法记录仪故障，已以现场笔录和照片固定。"
    assert fill_av_checklist(client, case.pk, via="pages", reason=no_video) == [
        f"inspection:{case.records.get().pk}"
    ]
    body = _close_and_archive(client, world, case)
    assert 'data-event="cases.simple_filed"' in body


def test_no_penalty_first_offence(client: Client, world: World, clock) -> None:
    """(c) 首违不罚 (LAW-APL-33): no reason code is refused; the reason kept; education
    recorded as execution; archived."""
    case = _register_lead(client, world, "首次未按规定公示价格")
    _file(client, world, case)
    _investigate(
        client,
        world,
        case,
        {
            "kind": "organisation",
            "name": "天津某某商贸有限公司",
            "credit_code": make_credit_code(4242, prefix="91"),
            "legal_representative": "李四",
        },
    )
    decision = {
        "outcome": "no_penalty",
        "no_penalty_reason": "",
        "reasons": "初次违法，危害后果轻微并已及时改正。",
    }
    body = refused(client, case_url(case, "decision"), decision)
    assert "LAW-APL-33" in field_error(body, "no_penalty_reason")
    assert "初次违法，危害后果轻微并已及时改正。" in body
    _decide(client, world, case, {**decision, "no_penalty_reason": "first_offence"})
    assert case.decision.no_penalty_reason == "first_offence"

    submit(
        client,
        case_url(case, "delivery"),
        {
            "document": "decision",
            "method": "direct",
            "recipient": "李四",
            "delivered_on": "2025-03-03",
            "proof": "送达回证第2号",
        },
    )
    assert status_of(case) == CaseStatus.DELIVERED
    submit(
        client,
        case_url(case, "execution"),
        {"kind": "education", "executed_on": "2025-03-03", "description": "对当事人进行了教育。"},
    )
    assert _running(case) == {"SAMR-PROC-77": "2025-03-24"}
    body = _close_and_archive(client, world, case)
    assert 'data-no-penalty-reason="first_offence"' in body


def test_transfer_to_judicial_organs(client: Client, world: World, clock) -> None:
    """(d) Suspected crime: transfer without the organ is refused (LAW-APL-27); the transfer
    letter delivered and the hand-over recorded; archived."""
    case = _register_lead(client, world, "涉嫌生产销售伪劣产品")
    _file(client, world, case, suspected_crime="on")
    _investigate(client, world, case, PERSON)
    decision = {"outcome": "transfer", "transfer_organ": "", "reasons": "涉嫌犯罪。"}
    body = refused(client, case_url(case, "decision"), decision)
    assert "LAW-APL-27" in field_error(body, "transfer_organ")
    _decide(client, world, case, {**decision, "transfer_organ": "天津市公安局和平分局"})
    submit(
        client,
        case_url(case, "delivery"),
        {
            "document": "transfer",
            "method": "direct",
            "recipient": "天津市公安局和平分局",
            "delivered_on": "2025-03-03",
            "proof": "移送回执",
        },
    )
    assert status_of(case) == CaseStatus.DELIVERED
    submit(
        client,
        case_url(case, "execution"),
        {
            "kind": "transfer_handed_over",
            "executed_on": "2025-03-03",
            "description": "案件材料已移交公安机关。",
        },
    )
    body = _close_and_archive(client, world, case)
    assert "天津市公安局和平分局" in body
    assert "cases.decided" in _events(case)
