"""Journeys through the JSON API only, from the first record to the archive (issue 3, "Done
means"): (a) general procedure with a hearing, (b) simple procedure on the spot, (c) no penalty
for a first offence (首违不罚), (d) transfer to the judicial organs. The status is checked after
every step, and the timeline and deadlines along the way.

Only the master data (agency, officers, power item, discretion standard) comes from factories;
every case record is written through /api/v1/.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from sanxiang.cases.tests.apiclient import CaseApi, party_json
from sanxiang.cases.tests.factories import World
from sanxiang.evidence.tests.factories import fill_av_checklist
from sanxiang.registry.tests import factories as rf
from sanxiang.review.tests.factories import make_reviewer, pass_legal_review_via_api

pytestmark = pytest.mark.django_db

MAR = {day: datetime.date(2025, 3, day).isoformat() for day in range(1, 32)}


@pytest.fixture
def api(client, world: World) -> CaseApi:
    return CaseApi(client, world.handler)


@pytest.fixture
def go(api: CaseApi, clock):
    """Move the clock to a day and sign in again (a session lasts two weeks)."""

    def _go(day: datetime.date) -> None:
        clock.go(day)
        api.login(api.user)

    return _go


def running(api: CaseApi, case_id: int) -> dict[str, str]:
    """The running deadlines of the case: rule id → last day."""
    return {d["rule"]: d["due_on"] for d in api.get(f"/cases/{case_id}/deadlines")}


def actions(api: CaseApi, case_id: int) -> list[str]:
    return [entry["action"] for entry in api.get(f"/cases/{case_id}/timeline")]


def company(**overrides: Any) -> dict[str, Any]:
    values = {
        "kind": "organisation",
        "name": "天津某某商贸有限公司",
        "credit_code": rf.make_credit_code(4242, prefix="91"),
        "legal_representative": "李四",
    }
    return {**values, **overrides}


def file_lead(api: CaseApi, world: World, *, suspected_crime: bool = False) -> int:
    """Register a lead, assign the two officers, submit the filing and let the heads approve:
    the case is filed (SAMR-PROC-18/19, LAW-APL-42)."""
    case = api.post(
        "/cases/leads",
        {
            "title": "某超市销售过期食品",
            "lead_source": "complaint",
            "received_on": MAR[3],
            "lead_summary": "群众投诉某超市销售过期食品。",
            "reporter_name": "王五",
            "reporter_contact": "13900000000",
        },
        expect=201,
    )
    case_id: int = case["id"]
    assert case["status"] == "lead"
    # SAMR-PROC-18: 15 working days from 03-03 to decide on filing.
    assert running(api, case_id) == {"SAMR-PROC-18": MAR[24]}
    officers = api.post(
        f"/cases/{case_id}/officers",
        {
            "officer_ids": [world.officer_a.pk, world.officer_b.pk],
            "lead_officer_id": world.officer_a.pk,
        },
    )
    assert [o["is_lead"] for o in officers] == [True, False]
    submitted = api.post(
        f"/cases/{case_id}/filing",
        {
            "power_item_id": world.power_item.pk,
            "facts": "经查，当事人销售超过保质期的食品。",
            "violation_started_on": "2025-02-20",
            "discovered_on": MAR[3],
            "suspected_crime": suspected_crime,
            "opinion": "建议立案",
        },
    )
    assert submitted["status"] == "lead"  # waiting for the filing approval
    api.approve(case_id, world.department_head, world.agency_head)
    case = api.case(case_id)
    assert case["status"] == "filed"
    assert case["case_number"].startswith("津市监立〔2025〕")
    assert running(api, case_id) == {"LAW-APL-60": "2025-06-03"}  # 90 days from filing
    return case_id


def investigate(api: CaseApi, world: World, case_id: int, party: dict[str, Any]) -> None:
    """A party, an inquiry record by the two officers, the investigation concluded."""
    api.post(f"/cases/{case_id}/parties", party, expect=201)
    record = api.post(
        f"/cases/{case_id}/records",
        {
            "kind": "inquiry",
            "started_at": "2025-03-03T10:00:00+08:00",
            "place": "和平区市场监管所",
            "subject_name": party["name"],
            "content": "问：你是否销售了过期食品？答：是的。",
            "officer_ids": [world.officer_a.pk, world.officer_b.pk],
        },
        expect=201,
    )
    assert all(o["certificate_number"] for o in record["record_officers"])  # LAW-APL-55
    assert api.status(case_id) == "investigating"
    moved = api.post(f"/cases/{case_id}/transitions/end_investigation", {})
    assert moved["status"] == "case_review"


def close_and_archive(api: CaseApi, world: World, case_id: int) -> None:
    # GUO-118-08: every seizure, on-site record, hearing... has its video (or a reason) first.
    fill_av_checklist(api.client, case_id)
    closing = api.post(f"/cases/{case_id}/close", {"summary": "执行完毕，结案。"})
    assert closing["status"] != "closed"  # waiting for the closing approval
    api.approve(case_id, world.department_head)
    assert api.status(case_id) == "closed"
    assert running(api, case_id) == {}
    archived = api.post(f"/cases/{case_id}/archive")
    assert archived["status"] == "archived"
    case = api.case(case_id)
    assert all(stage["recorded"] is not False for stage in case["stages"])


def test_general_procedure_with_a_hearing(api, world, go):
    # A second tier of the standard, 5,000–20,000元, for the 10,000元 fine (LAW-APL-34).
    tier = rf.DiscretionTierFactory.create(
        standard=world.standard, fine_min_fen=500_000, fine_max_fen=2_000_000
    )
    case_id = file_lead(api, world)
    investigate(api, world, case_id, party_json())

    # LAW-APL-44/63: a 10,000元 fine to a natural person gives the right to a hearing.
    notice = api.post(
        f"/cases/{case_id}/notice",
        {
            "penalty_types": ["fine"],
            "fine_fen": 1_000_000,
            "content": "拟对当事人罚款一万元。",
            "opinion": "建议告知",
        },
        expect=201,
    )
    assert notice["hearing_right"] is True
    api.approve(case_id, world.department_head, world.agency_head)
    served = api.post(f"/cases/{case_id}/notice/service", {"served_on": MAR[3]})
    assert served["statement_window_end"] == MAR[10]
    assert api.status(case_id) == "notified"
    assert running(api, case_id) == {
        "LAW-APL-60": "2025-06-03",
        "SAMR-PROC-57": MAR[10],
        "LAW-APL-64(一)": MAR[10],
    }

    go(datetime.date(2025, 3, 5))
    statement = api.post(
        f"/cases/{case_id}/statements",
        {"received_on": MAR[5], "content": "我是初次违法，请求从轻。"},
        expect=201,
    )
    hearing = api.post(f"/cases/{case_id}/hearings", {"requested_on": MAR[5]}, expect=201)
    assert api.status(case_id) == "hearing"
    assert "LAW-APL-64(一)" not in running(api, case_id)  # the request was made

    api.login(world.agency_head)
    scheduled = api.post(
        f"/cases/{case_id}/hearings/{hearing['id']}/schedule",
        {
            "presiding_officer_id": world.outsider.pk,
            "hearing_notice_served_on": MAR[11],
            "scheduled_on": MAR[20],  # LAW-APL-64(二): 7 working days after 03-11
            "place": "听证室",
        },
    )
    assert scheduled["status"] == "scheduled"
    api.login(world.handler)

    go(datetime.date(2025, 3, 20))
    held = api.post(
        f"/cases/{case_id}/hearings/{hearing['id']}/record",
        {"held_on": MAR[20], "record": "听证笔录：当事人承认违法事实，请求从轻。"},
    )
    assert held["status"] == "held"
    api.post(
        f"/cases/{case_id}/statements/{statement['id']}/reexamination",
        {"result": "partly_adopted", "note": "初次违法属实，在裁量幅度内从轻。"},
    )
    # LAW-APL-58(二): decided after a hearing, so a major decision. The proposed decision
    # (8,000元, lighter than notified) is drafted and goes for approval, but the agency head
    # cannot make it before the legal review approves that proposal.
    draft = {
        "outcome": "penalty",
        "penalty_types": ["fine"],
        "fine_fen": 800_000,
        "discretion_tier_id": tier.pk,
        "reasons": "依据《食品安全法》第一百二十四条。",
    }
    decision = api.post(f"/cases/{case_id}/decision", draft)
    assert decision["hearing_id"] == hearing["id"]  # LAW-APL-65: decided on the record
    assert decision["decided_on"] is None
    triggers = api.get(f"/review/cases/{case_id}/triggers")
    assert triggers["review_required"] and not triggers["approval_current"]
    assert [t["legal_basis"] for t in triggers["triggers"]] == ["LAW-APL-58(二)"]
    api.approve(case_id, world.department_head)
    handler = api.user
    api.login(world.agency_head)
    waiting = [a for a in api.get("/inbox")["approvals"] if a["case"]["id"] == case_id]
    refusal = api.refused(
        "post",
        f"/approvals/{waiting[0]['id']}/decision",
        {"approve": True, "opinion": "同意"},
        code="review.required",
    )
    assert refusal["extra"]["rule"] == "LAW-APL-58"
    api.login(handler)
    assert api.status(case_id) == "hearing"
    reviewed = pass_legal_review_via_api(api, case_id, reviewer=make_reviewer(world.agency))
    assert reviewed["proposal"]["fine_fen"] == 800_000  # the draft is what was reviewed
    assert api.status(case_id) == "legal_review"
    assert api.get(f"/review/cases/{case_id}/triggers")["approval_current"]
    api.approve(case_id, world.agency_head)
    case = api.case(case_id)
    assert case["status"] == "decided"
    assert case["decision"]["decided_on"] == MAR[20]
    assert running(api, case_id) == {"LAW-APL-61": MAR[31]}  # 7 working days to deliver

    go(datetime.date(2025, 3, 21))
    api.post(
        f"/cases/{case_id}/deliveries",
        {"method": "direct", "recipient": "张三", "delivered_on": MAR[21], "proof": "送达回证"},
        expect=201,
    )
    assert api.status(case_id) == "enforcing"
    assert running(api, case_id) == {"LAW-APL-67": "2025-04-07"}  # 15 days, after 清明

    go(datetime.date(2025, 3, 25))
    api.post(
        f"/cases/{case_id}/payments",
        {"amount_fen": 800_000, "paid_on": MAR[25], "channel": "bank", "reference": "工行001"},
        expect=201,
    )
    case = api.case(case_id)
    assert case["balance"]["outstanding_fen"] == 0
    assert case["balance"]["late_fee_fen"] == 0
    assert list(running(api, case_id)) == ["SAMR-PROC-77"]  # closing is due now

    close_and_archive(api, world, case_id)
    timeline = actions(api, case_id)
    for action in (
        "cases.lead_registered",
        "cases.filed",
        "cases.investigation_started",
        "cases.investigation_ended",
        "cases.notice_served",
        "cases.hearing_requested",
        "cases.hearing_held",
        "cases.statement_reexamined",
        "cases.decided",
        "cases.delivered",
        "cases.enforcement_started",
        "cases.payment_recorded",
        "cases.closed",
        "cases.archived",
    ):
        assert action in timeline, action
    assert timeline.index("cases.hearing_held") < timeline.index("cases.decided")
    # Archiving binds the case file in the same move (一案一卷, SAMR-PROC-78).
    assert timeline[-2:] == ["cases.archived", "documents.case_file_built"]


def test_simple_procedure_on_the_spot(api, world, go):
    case = api.post(
        "/cases/on-spot",
        {
            "title": "占道经营",
            "facts": "当事人在人行道上摆摊经营。",
            "place": "和平区南京路",
            "acted_at": "2025-03-03T10:00:00",
            "party": party_json(),
            "officer_ids": [world.officer_a.pk, world.officer_b.pk],
            "penalty_types": ["fine"],
            "fine_fen": 20_000,  # 200元: the LAW-APL-51 limit for a citizen, included
            "form_number": "津当罚No.0001",
            "reasons": "依据《城市市容和环境卫生管理条例》",
        },
        expect=201,
    )
    case_id = case["id"]
    assert (case["status"], case["procedure"]) == ("enforcing", "simple")
    assert running(api, case_id) == {"SAMR-PROC-70": MAR[12], "LAW-APL-67": MAR[18]}
    assert actions(api, case_id)[:4] == [
        "cases.party_added",
        "cases.record_added",
        "cases.decided_on_spot",
        "cases.delivered",
    ]

    go(datetime.date(2025, 3, 5))
    api.post(
        f"/cases/{case_id}/payments",
        {"amount_fen": 20_000, "paid_on": MAR[5], "channel": "e_payment", "reference": "E001"},
        expect=201,
    )
    assert api.status(case_id) == "enforcing"
    filed = api.post(f"/cases/{case_id}/simple-filing", {"filed_on": MAR[5]})
    assert filed["status"] == "enforcing"
    assert list(running(api, case_id)) == ["SAMR-PROC-77"]
    # GUO-118-08: the on-site record has no video; the officer records why, through the API.
    no_video = "现场执法时执法记录仪故障，已以现场笔录和照片固定。"
    assert fill_av_checklist(api.client, case_id, reason=no_video) == [
        f"inspection:{api.case(case_id)['records'][0]['id']}"
    ]
    close_and_archive(api, world, case_id)
    stages = {s["stage"]: s["recorded"] for s in api.case(case_id)["stages"]}
    assert stages == dict.fromkeys(
        ("start", "investigation", "review", "decision", "delivery", "execution"), True
    )


def test_no_penalty_for_a_first_offence(api, world, go):
    case_id = file_lead(api, world)
    investigate(api, world, case_id, company())
    # LAW-APL-33: no notice is needed when no penalty is decided.
    decision = api.post(
        f"/cases/{case_id}/decision",
        {
            "outcome": "no_penalty",
            "no_penalty_reason": "first_offence",
            "reasons": "初次违法且危害后果轻微并及时改正。",
        },
    )
    assert decision["outcome"] == "no_penalty"
    api.approve(case_id, world.department_head, world.agency_head)
    assert api.status(case_id) == "decided"
    assert list(running(api, case_id)) == ["LAW-APL-61"]

    go(datetime.date(2025, 3, 4))
    api.post(
        f"/cases/{case_id}/deliveries",
        {"method": "direct", "recipient": "李四", "delivered_on": MAR[4], "proof": "送达回证"},
        expect=201,
    )
    assert api.status(case_id) == "delivered"  # nothing to pay: no enforcement
    assert running(api, case_id) == {}
    api.post(
        f"/cases/{case_id}/executions",
        {"kind": "education", "executed_on": MAR[4], "description": "对当事人进行了批评教育。"},
        expect=201,
    )
    assert list(running(api, case_id)) == ["SAMR-PROC-77"]
    close_and_archive(api, world, case_id)
    assert "cases.execution_recorded" in actions(api, case_id)


def test_transfer_to_the_judicial_organs(api, world, go):
    case_id = file_lead(api, world, suspected_crime=True)
    investigate(api, world, case_id, party_json())
    api.post(f"/cases/{case_id}/transitions/return_to_investigation", {"reason": "查封涉案物品"})
    assert api.status(case_id) == "investigating"
    seizure = api.post(
        f"/cases/{case_id}/seizures",
        {
            "kind": "seize",
            "items": "过期食品二百箱",
            "started_on": MAR[3],
            "approved_by_id": world.agency_head.pk,
        },
        expect=201,
    )
    assert running(api, case_id)["LAW-ACL-25"] == "2025-04-02"  # 30 days
    api.post(
        f"/cases/{case_id}/seizures/{seizure['id']}/release",
        {"ended_on": MAR[3], "reason": "随案移送公安机关", "disposed": True},
    )
    # LAW-APL-27: transferred, naming the organ; no notice for a transfer.
    api.post(
        f"/cases/{case_id}/decision",
        {
            "outcome": "transfer",
            "transfer_organ": "天津市公安局和平分局",
            "reasons": "涉嫌生产销售不符合安全标准的食品罪。",
        },
    )
    api.approve(case_id, world.department_head, world.agency_head)
    case = api.case(case_id)
    assert (case["status"], case["decision"]["outcome"]) == ("decided", "transfer")

    api.post(
        f"/cases/{case_id}/deliveries",
        {
            "method": "direct",
            "document": "transfer",
            "recipient": "天津市公安局和平分局",
            "delivered_on": MAR[3],
            "proof": "移送回执",
        },
        expect=201,
    )
    assert api.status(case_id) == "delivered"
    api.post(
        f"/cases/{case_id}/executions",
        {
            "kind": "transfer_handed_over",
            "executed_on": MAR[3],
            "description": "案件材料及涉案物品已移交公安机关。",
        },
        expect=201,
    )
    close_and_archive(api, world, case_id)
    closed = api.get(f"/cases/{case_id}/deadlines", include_closed=True)
    assert {d["rule"]: d["status"] for d in closed} == {
        "SAMR-PROC-18": "met",
        "LAW-APL-60": "met",
        "LAW-ACL-25": "met",
        "LAW-APL-61": "met",
        "SAMR-PROC-77": "met",
    }
