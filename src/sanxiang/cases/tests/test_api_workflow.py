"""The case API's actions after creation: filing and people, investigation, notice and
decision, delivery and enforcement — each endpoint's answer and its refusals with the rule id
(LAW-APL-45, -47, -61, -62 …), and nothing written by a refused call."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from sanxiang.cases import services as svc
from sanxiang.cases.choices import DecisionOutcome
from sanxiang.cases.models import Approval, Case, CaseEvent, Decision, Party
from sanxiang.cases.tests.apiclient import CaseApi, assert_rule, party_json, written
from sanxiang.cases.tests.factories import (
    BASE_DAY,
    World,
    approve_pending,
    decide,
    filed_case,
    investigated_case,
    lead,
    notified_case,
    person,
)
from sanxiang.registry.tests import factories as rf

pytestmark = pytest.mark.django_db
WINDOW_END = datetime.date(2025, 3, 10)  # SAMR-PROC-57: 5 working days after 2025-03-03
NO_PENALTY: dict[str, Any] = {"penalty_types": (), "fine_fen": 0, "discretion_tier": None}


@pytest.fixture
def api(client, world: World) -> CaseApi:
    return CaseApi(client, world.handler)


def _decided(world: World, clock) -> Case:
    """A 3,000元 fine decided on 2025-03-04 after the party's waiver."""
    case = notified_case(world)
    day = datetime.date(2025, 3, 4)
    clock.go(day)
    svc.statement_waive(case=case, waived_on=day, note="书面放弃", actor=world.handler)
    return decide(world, case)


class TestFilingAndPeople:
    def test_decline_facts_and_lead_extension(self, api, world) -> None:
        case = lead(world)
        refusal = api.refused(
            "post",
            f"/cases/{case.pk}/decline",
            {"reason": "no_violation"},
            code="workflow.role_not_allowed",
            status=403,
        )
        assert refusal["message"]
        changed = api.patch(f"/cases/{case.pk}/facts", {"title": "某超市涉嫌销售过期食品"})
        assert (changed["title"], changed["revision"]) == ("某超市涉嫌销售过期食品", 2)
        api.refused(
            "post",
            f"/cases/{case.pk}/filing",
            {
                "power_item_id": world.power_item.pk,
                "facts": "事实",
                "violation_started_on": "2025-03-01",
                "discovered_on": "2025-03-03",
            },
            code="approval.not_handler",
            status=403,
        )
        svc.case_assign_officers(case=case, officers=[world.officer_a], actor=world.handler)
        before = written(case)
        expired = api.refused(
            "post",
            f"/cases/{case.pk}/filing",
            {
                "power_item_id": world.power_item.pk,
                "facts": "事实",
                "violation_started_on": "2020-03-01",
                "discovered_on": "2025-03-03",
            },
            code="rules.limitation.expired",
        )
        assert_rule(expired, "LAW-APL-36")
        assert written(case) == before
        extension = api.post(
            f"/cases/{case.pk}/lead-extension", {"reason": "需要补充核查"}, expect=201
        )
        assert (extension["kind"], extension["days"], extension["status"]) == (
            "lead_filing",
            15,
            "pending",
        )
        api.refused(
            "post",
            f"/cases/{case.pk}/lead-extension",
            {"reason": "再次延长"},
            code="cases.lead.already_extended",
        )
        api.login(world.department_head)
        declined = api.post(
            f"/cases/{case.pk}/decline", {"reason": "no_violation", "note": "经核查无违法事实"}
        )
        assert declined["status"] == "declined"

    def test_parties_and_electronic_consent(self, api, world) -> None:
        case = filed_case(world)
        valid = party_json()["id_number"]
        wrong = party_json(id_number=valid[:-1] + ("1" if valid[-1] == "0" else "0"))
        refusal = api.refused(
            "post", f"/cases/{case.pk}/parties", wrong, code="resident_id.checksum"
        )
        assert_rule(refusal, "STD-11643-4", "id_number")
        organisation = api.refused(
            "post",
            f"/cases/{case.pk}/parties",
            {"kind": "organisation", "name": "某公司"},
            code="validation",
        )
        assert "credit_code" in organisation["extra"]["fields"]
        party = api.post(f"/cases/{case.pk}/parties", party_json(), expect=201)
        assert party["birth_date"] == "1985-03-12"
        moved = api.put(
            f"/cases/{case.pk}/parties/{party['id']}", party_json(address="河西区友谊路2号")
        )
        assert moved["address"] == "河西区友谊路2号"
        consent = api.post(
            f"/cases/{case.pk}/parties/{party['id']}/electronic-consents",
            {"signed_on": "2025-03-03", "channel": "email", "address": "zhang@example.com"},
            expect=201,
        )
        assert api.case(case.pk)["parties"][0]["delivery_consents"][0]["id"] == consent["id"]
        other = lead(world)  # the same agency's case: the party is not one of its rows
        api.refused(
            "put",
            f"/cases/{other.pk}/parties/{party['id']}",
            party_json(),
            code="not_found",
            status=404,
        )
        api.delete(f"/cases/{case.pk}/parties/{party['id']}")
        assert not Party.objects.filter(case=case).exists()
        api.refused(
            "delete", f"/cases/{case.pk}/parties/{party['id']}", code="not_found", status=404
        )

    def test_officers_and_recusal(self, api, world) -> None:
        case = lead(world)
        unknown = api.refused(
            "post", f"/cases/{case.pk}/officers", {"officer_ids": [0]}, code="validation"
        )
        assert "officer_ids" in unknown["extra"]["fields"]
        foreign = rf.OfficerFactory.create()
        refusal = api.refused(
            "post",
            f"/cases/{case.pk}/officers",
            {"officer_ids": [foreign.pk]},
            code="cases.officers.foreign",
        )
        assert_rule(refusal, "LAW-APL-42", "officers")
        assigned = api.post(
            f"/cases/{case.pk}/officers",
            {"officer_ids": [world.officer_a.pk], "lead_officer_id": world.officer_b.pk},
        )
        assert [(o["officer"]["id"], o["is_lead"]) for o in assigned] == [
            (world.officer_b.pk, True),
            (world.officer_a.pk, False),
        ]
        recusal = api.post(
            f"/cases/{case.pk}/recusals",
            {
                "officer_id": world.officer_b.pk,
                "applicant": "party",
                "reason": "与当事人有利害关系",
            },
            expect=201,
        )
        api.refused(
            "post",
            f"/cases/{case.pk}/recusals/{recusal['id']}/decision",
            {"granted": True, "reason": "理由成立"},
            code="cases.agency_head_required",
            status=403,
        )
        api.login(world.agency_head)
        decided = api.post(
            f"/cases/{case.pk}/recusals/{recusal['id']}/decision",
            {"granted": True, "reason": "理由成立"},
        )
        assert decided["result"] == "granted"
        officers = api.case(case.pk)["case_officers"]
        assert [
            o["removed_on"] is not None
            for o in officers
            if o["officer"]["id"] == world.officer_b.pk
        ] == [True]

    def test_a_refused_approval_is_submitted_again(self, api, world) -> None:
        case = investigated_case(world)
        api.post(
            f"/cases/{case.pk}/notice",
            {"penalty_types": ["fine"], "fine_fen": 300_000, "content": "拟罚款"},
            expect=201,
        )
        waiting = Approval.objects.get(case=case, result="pending")
        api.login(world.department_head).post(
            f"/approvals/{waiting.pk}/decision", {"approve": False, "opinion": "请补充证据"}
        )
        api.login(world.handler)
        rows = api.post(
            f"/cases/{case.pk}/approvals", {"step": "notice", "opinion": "已补充"}, expect=201
        )
        assert [(r["round"], r["level"], r["result"]) for r in rows] == [
            (2, 1, "approved"),
            (2, 2, "pending"),
        ]
        api.refused(
            "post", f"/cases/{case.pk}/approvals", {"step": "notice"}, code="approval.round_open"
        )


class TestInvestigation:
    def test_records_and_generic_moves(self, api, world) -> None:
        case = filed_case(world)
        record = {
            "kind": "inspection",
            "started_at": "2025-03-03T09:00:00+08:00",
            "place": "某超市",
            "subject_name": "张三",
            "content": "现场检查发现过期食品12箱。",
            "officer_ids": [world.officer_a.pk],
        }
        alone = api.refused(
            "post", f"/cases/{case.pk}/records", record, code="rules.officers.too_few_certified"
        )
        assert_rule(alone, "LAW-APL-42")
        assert api.status(case.pk) == "filed"
        api.post(
            f"/cases/{case.pk}/records",
            {**record, "officer_ids": [world.officer_a.pk, world.officer_b.pk]},
            expect=201,
        )
        assert api.status(case.pk) == "investigating"
        no_party = api.refused(
            "post",
            f"/cases/{case.pk}/transitions/end_investigation",
            {},
            code="cases.party_required",
        )
        assert_rule(no_party, "LAW-APL-59", "parties")
        svc.party_add(case=case, data=person(), actor=world.handler)
        assert (
            api.post(f"/cases/{case.pk}/transitions/end_investigation", {})["status"]
            == "case_review"
        )
        no_reason = api.refused(
            "post",
            f"/cases/{case.pk}/transitions/return_to_investigation",
            {},
            code="cases.return.reason_required",
        )
        assert_rule(no_reason, "SAMR-PROC-54", "reason")
        back = api.post(
            f"/cases/{case.pk}/transitions/return_to_investigation", {"reason": "补充询问"}
        )
        assert back["status"] == "investigating"
        own = api.refused(
            "post", f"/cases/{case.pk}/transitions/decide", {}, code="workflow.use_step_endpoint"
        )
        assert own["extra"]["endpoint"] == "/api/v1/cases/{case_id}/decision"
        api.refused(
            "post", f"/cases/{case.pk}/transitions/teleport", {}, code="workflow.unknown_transition"
        )
        event = CaseEvent.objects.filter(case=case, action="cases.returned_to_investigation").get()
        assert event.data["reason"] == "补充询问"

    def test_preservation_and_seizure(self, api, world) -> None:
        case = filed_case(world)
        preservation = {
            "items": "过期食品12箱",
            "started_on": "2025-03-03",
            "approved_by_id": world.department_head.pk,
        }
        refusal = api.refused(
            "post",
            f"/cases/{case.pk}/preservations",
            preservation,
            code="cases.agency_head_required",
            status=403,
        )
        assert "LAW-APL-56" in refusal["message"]
        kept = api.post(
            f"/cases/{case.pk}/preservations",
            {**preservation, "approved_by_id": world.agency_head.pk},
            expect=201,
        )
        assert kept["disposal_due"] == "2025-03-12"  # LAW-APL-56: 7 working days
        late = api.refused(
            "post",
            f"/cases/{case.pk}/preservations/{kept['id']}/disposal",
            {"disposed_on": "2025-03-13", "disposal": "解除保存"},
            code="cases.preservation.overdue",
        )
        assert_rule(late, "LAW-APL-56", "disposed_on")
        disposed = api.post(
            f"/cases/{case.pk}/preservations/{kept['id']}/disposal",
            {"disposed_on": "2025-03-10", "disposal": "予以没收"},
        )
        assert disposed["status"] == "disposed"
        seizure = api.post(
            f"/cases/{case.pk}/seizures",
            {
                "kind": "seal",
                "items": "仓库一间",
                "started_on": "2025-03-03",
                "approved_by_id": world.agency_head.pk,
            },
            expect=201,
        )
        assert seizure["expires_on"] == "2025-04-02"
        extended = api.post(
            f"/cases/{case.pk}/seizures/{seizure['id']}/extension",
            {"reason": "案情复杂", "approved_by_id": world.agency_head.pk},
        )
        assert (extended["extended"], extended["expires_on"]) == (True, "2025-05-02")
        again = api.refused(
            "post",
            f"/cases/{case.pk}/seizures/{seizure['id']}/extension",
            {"reason": "再延", "approved_by_id": world.agency_head.pk},
            code="cases.seizure.extension_refused",
        )
        assert_rule(again, "LAW-ACL-25")
        released = api.post(
            f"/cases/{case.pk}/seizures/{seizure['id']}/release",
            {"ended_on": "2025-03-20", "reason": "解除查封"},
        )
        assert released["status"] == "released"


class TestNoticeAndDecision:
    def test_notice_draft_and_service(self, api, world) -> None:
        case = investigated_case(world)
        notice = api.post(
            f"/cases/{case.pk}/notice",
            {"penalty_types": ["fine"], "fine_fen": 1_000_000, "content": "拟罚款一万元"},
            expect=201,
        )
        assert (notice["hearing_right"], notice["hearing_threshold_fen"]) == (True, 1_000_000)
        early = api.refused(
            "post",
            f"/cases/{case.pk}/notice/service",
            {"served_on": "2025-03-03"},
            code="workflow.approval_required",
        )
        assert_rule(early, "SAMR-PROC-19", "approval")
        approve_pending(world, case)
        electronic = api.refused(
            "post",
            f"/cases/{case.pk}/notice/service",
            {"served_on": "2025-03-03", "method": "electronic"},
            code="cases.delivery.no_consent",
        )
        assert_rule(electronic, "LAW-APL-61", "method")
        served = api.post(f"/cases/{case.pk}/notice/service", {"served_on": "2025-03-03"})
        assert served["hearing_request_due"] == "2025-03-10"
        assert api.status(case.pk) == "notified"

    def test_decision_before_the_statement_window_ends_law_apl_62(self, api, world, clock) -> None:
        case = notified_case(world)
        clock.go(WINDOW_END)
        api.login(world.handler)
        before = written(case)
        decision = {
            "outcome": "penalty",
            "penalty_types": ["fine"],
            "fine_fen": 300_000,
            "discretion_tier_id": world.tier.pk,
        }
        refusal = api.refused(
            "post", f"/cases/{case.pk}/decision", decision, code="cases.statement.window_open"
        )
        assert_rule(refusal, "LAW-APL-62", "decided_on")
        assert refusal["extra"]["window_end"] == "2025-03-10"
        assert written(case) == before  # the draft and its revision were rolled back
        assert not Decision.objects.filter(case=case).exists()
        api.post(f"/cases/{case.pk}/waiver", {"waived_on": "2025-03-10", "note": "当事人书面放弃"})
        drafted = api.post(f"/cases/{case.pk}/decision", decision)
        assert drafted["decided_on"] is None and drafted["fine_fen"] == 300_000

    def test_heavier_penalty_after_a_statement_law_apl_45(self, api, world, clock) -> None:
        case = notified_case(world, fine_fen=300_000)
        statement = api.post(
            f"/cases/{case.pk}/statements",
            {"received_on": "2025-03-05", "content": "我是初犯"},
            expect=201,
        )
        clock.go(WINDOW_END + datetime.timedelta(days=1))
        api.login(world.handler)
        decision = {
            "outcome": "penalty",
            "penalty_types": ["fine"],
            "discretion_tier_id": world.tier.pk,
        }
        unexamined = api.refused(
            "post",
            f"/cases/{case.pk}/decision",
            {**decision, "fine_fen": 300_000},
            code="cases.statement.not_reexamined",
        )
        assert_rule(unexamined, "LAW-APL-45", "reexamination_result")
        api.post(
            f"/cases/{case.pk}/statements/{statement['id']}/reexamination",
            {"result": "not_adopted", "note": "理由不成立"},
        )
        before = written(case)
        heavier = api.refused(
            "post",
            f"/cases/{case.pk}/decision",
            {**decision, "fine_fen": 400_000},
            code="rules.heavier_penalty.forbidden",
        )
        assert_rule(heavier, "LAW-APL-45", "fine_fen")
        assert written(case) == before
        assert (
            api.post(f"/cases/{case.pk}/decision", {**decision, "fine_fen": 200_000})["fine_fen"]
            == 200_000
        )

    def test_hearing_schedule_refusals_and_withdrawal(self, api, world) -> None:
        case = notified_case(world, fine_fen=1_000_000)
        without = notified_case(
            world, fine_fen=300_000, party=person(id_number=rf.make_resident_id(31))
        )
        no_right = api.refused(
            "post",
            f"/cases/{without.pk}/hearings",
            {"requested_on": "2025-03-04"},
            code="cases.hearing.no_right",
        )
        assert_rule(no_right, "LAW-APL-63", "hearing")
        hearing = api.post(f"/cases/{case.pk}/hearings", {"requested_on": "2025-03-04"}, expect=201)
        schedule = {
            "presiding_officer_id": world.outsider.pk,
            "hearing_notice_served_on": "2025-03-11",
            "scheduled_on": "2025-03-19",
            "place": "听证室",
        }
        path = f"/cases/{case.pk}/hearings/{hearing['id']}"
        api.refused(
            "post",
            f"{path}/schedule",
            schedule,
            code="cases.hearing.designation_by_head",
            status=403,
        )
        api.login(world.agency_head)
        investigator = api.refused(
            "post",
            f"{path}/schedule",
            {**schedule, "presiding_officer_id": world.officer_a.pk},
            code="cases.hearing.presiding_investigator",
        )
        assert_rule(investigator, "LAW-APL-64", "presiding_officer")
        early = api.refused("post", f"{path}/schedule", schedule, code="cases.hearing.too_early")
        assert early["extra"]["earliest"] == "2025-03-20"
        api.login(world.handler)
        withdrawn = api.post(f"{path}/withdrawal", {"note": "当事人撤回听证申请"})
        assert withdrawn["status"] == "withdrawn"
        api.refused(
            "post", f"{path}/record", {"held_on": "2025-03-20"}, code="cases.hearing.not_scheduled"
        )

    def test_deliberation_extension_and_clock_pause(self, api, world) -> None:
        case = notified_case(world, is_complex=True)
        refusal = api.refused(
            "post",
            f"/cases/{case.pk}/deliberations",
            {
                "held_on": "2025-03-05",
                "chaired_by_id": world.department_head.pk,
                "participants": ["局长", "副局长"],
                "minutes": "记录",
                "conclusion": "同意",
            },
            code="cases.agency_head_required",
            status=403,
        )
        assert "LAW-APL-57" in refusal["message"]
        deliberation = api.post(
            f"/cases/{case.pk}/deliberations",
            {
                "held_on": "2025-03-05",
                "chaired_by_id": world.agency_head.pk,
                "participants": ["局长", "副局长"],
                "minutes": "记录",
                "conclusion": "同意",
            },
            expect=201,
        )
        assert deliberation["chaired_by"]["id"] == world.agency_head.pk
        too_long = api.refused(
            "post",
            f"/cases/{case.pk}/extensions",
            {"days": 31, "reason": "案情复杂"},
            code="cases.extension.days",
        )
        assert_rule(too_long, "SAMR-PROC-64", "days")
        extension = api.post(
            f"/cases/{case.pk}/extensions", {"days": 30, "reason": "案情复杂"}, expect=201
        )
        approve_pending(world, case)
        assert api.case(case.pk)["extensions"][0]["status"] == "approved"
        assert extension["basis"] == "SAMR-PROC-64"
        pause = api.post(
            f"/cases/{case.pk}/clock-pauses",
            {"reason": "testing", "started_on": "2025-03-10"},
            expect=201,
        )
        api.refused(
            "post",
            f"/cases/{case.pk}/clock-pauses",
            {"reason": "testing", "started_on": "2025-03-11"},
            code="cases.pause.already_paused",
        )
        api.post(f"/cases/{case.pk}/clock-pauses/{pause['id']}/end", {"ended_on": "2025-03-30"})
        # 90 + 30 + 20 days after 2025-03-03.
        assert {d["rule"]: d["due_on"] for d in api.get(f"/cases/{case.pk}/deadlines")}[
            "LAW-APL-60"
        ] == "2025-07-21"


class TestAfterTheDecision:
    def test_electronic_delivery_needs_the_signed_consent_law_apl_61(
        self, api, world, clock
    ) -> None:
        case = _decided(world, clock)
        api.login(world.handler)
        before = written(case)
        delivery = {
            "method": "electronic",
            "recipient": "张三",
            "delivered_on": "2025-03-04",
            "proof": "短信送达",
        }
        refusal = api.refused(
            "post", f"/cases/{case.pk}/deliveries", delivery, code="cases.delivery.no_consent"
        )
        assert_rule(refusal, "LAW-APL-61", "method")
        assert written(case) == before
        party = case.parties.get()
        api.post(
            f"/cases/{case.pk}/parties/{party.pk}/electronic-consents",
            {"signed_on": "2025-03-04", "channel": "sms", "address": "13900000000"},
            expect=201,
        )
        delivered = api.post(f"/cases/{case.pk}/deliveries", delivery, expect=201)
        assert delivered["consent_id"] is not None
        assert api.status(case.pk) == "enforcing"

    def test_payment_plan_remedy_and_payments(self, api, world, clock) -> None:
        case = _decided(world, clock)
        api.login(world.handler)
        api.post(
            f"/cases/{case.pk}/deliveries",
            {
                "method": "direct",
                "recipient": "张三",
                "delivered_on": "2025-03-04",
                "proof": "送达回证",
            },
            expect=201,
        )
        plan: dict[str, Any] = {
            "kind": "instalments",
            "applied_on": "2025-03-05",
            "reason": "经济困难",
            "instalments": [
                {"due_on": "2025-04-05", "amount_fen": 100_000},
                {"due_on": "2025-05-05", "amount_fen": 100_000},
            ],
        }
        api.refused(
            "post",
            f"/cases/{case.pk}/payment-plan",
            plan,
            code="cases.agency_head_required",
            status=403,
        )
        api.login(world.agency_head)
        short = api.refused(
            "post", f"/cases/{case.pk}/payment-plan", plan, code="cases.plan.instalments_invalid"
        )
        assert_rule(short, "LAW-APL-66", "instalments")
        plan["instalments"][1]["amount_fen"] = 200_000
        approved = api.post(f"/cases/{case.pk}/payment-plan", plan, expect=201)
        assert approved["ends_on"] == "2025-05-05"
        api.login(world.handler)
        remedy = api.post(
            f"/cases/{case.pk}/remedies",
            {"kind": "reconsideration", "started_on": "2025-03-10"},
            expect=201,
        )
        api.post(f"/cases/{case.pk}/remedies/{remedy['id']}/end", {"ended_on": "2025-03-20"})
        on_spot = api.refused(
            "post",
            f"/cases/{case.pk}/payments",
            {
                "amount_fen": 100_000,
                "paid_on": "2025-04-01",
                "channel": "on_spot",
                "reference": "x",
            },
            code="cases.payment.on_spot_not_allowed",
        )
        assert_rule(on_spot, "LAW-APL-68", "channel")
        api.refused(
            "post",
            f"/cases/{case.pk}/payments",
            {"amount_fen": 0, "paid_on": "2025-04-01", "channel": "bank", "reference": "x"},
            code="validation",
            status=422,
        )
        api.post(
            f"/cases/{case.pk}/payments",
            {
                "amount_fen": 300_000,
                "paid_on": "2025-04-01",
                "channel": "bank",
                "reference": "工行001",
            },
            expect=201,
        )
        body = api.case(case.pk)
        assert body["balance"]["paid_fen"] == 300_000 and body["balance"]["outstanding_fen"] == 0
        assert body["payment_plan"]["instalments"][0] == {
            "due_on": "2025-04-05",
            "amount_fen": 100_000,
        }
        assert [d["rule"] for d in body["deadlines"]] == ["SAMR-PROC-77"]
        api.refused(
            "post",
            f"/cases/{case.pk}/executions",
            {"kind": "education", "executed_on": "2025-04-01", "description": "教育"},
            code="cases.execution.kind_not_allowed",
        )

    def test_closing_needs_execution_samr_proc_77(self, api, world, clock) -> None:
        case = _decided(world, clock)
        api.login(world.handler)
        refusal = api.refused(
            "post", f"/cases/{case.pk}/close", {"summary": "结案"}, code="cases.close.not_delivered"
        )
        assert_rule(refusal, "SAMR-PROC-77", "delivery")
        api.refused(
            "post",
            f"/cases/{case.pk}/simple-filing",
            {"filed_on": "2025-03-04"},
            code="cases.simple.not_fileable",
        )

    def test_archive_names_the_missing_stages_law_apl_47(self, api, world) -> None:
        # A case transferred during the investigation, before any record was made.
        case = filed_case(world)
        svc.party_add(case=case, data=person(), actor=world.handler)
        svc.preservation_start(
            case=case,
            items="涉案物品",
            started_on=BASE_DAY,
            approved_by=world.agency_head,
            actor=world.handler,
        )
        svc.preservation_dispose(
            preservation=case.preservations.get(),
            disposed_on=BASE_DAY,
            disposal="随案移送",
            actor=world.handler,
        )
        decide(
            world,
            case,
            outcome=DecisionOutcome.TRANSFER,
            transfer_organ="天津市公安局和平分局",
            **NO_PENALTY,
        )
        api.post(
            f"/cases/{case.pk}/deliveries",
            {
                "method": "direct",
                "document": "transfer",
                "recipient": "天津市公安局和平分局",
                "delivered_on": "2025-03-03",
                "proof": "移送回执",
            },
            expect=201,
        )
        api.post(
            f"/cases/{case.pk}/executions",
            {"kind": "transfer_handed_over", "executed_on": "2025-03-03", "description": "已移交"},
            expect=201,
        )
        # GUO-118-08: the preservation needs a video or a recorded reason before closing.
        api.post(
            f"/evidence/cases/{case.pk}/reasons",
            {
                "act_kind": "preservation",
                "act_id": case.preservations.get().pk,
                "reason": "登记保存时执法记录仪故障，清单已由当事人签字确认。",
            },
            expect=201,
        )
        api.post(f"/cases/{case.pk}/close", {"summary": "已移送"})
        approve_pending(world, case)
        assert api.status(case.pk) == "closed"
        before = written(case)
        refusal = api.refused(
            "post", f"/cases/{case.pk}/archive", code="cases.archive.stages_missing"
        )
        assert_rule(refusal, "LAW-APL-47", "stages")
        assert refusal["extra"]["missing"] == ["investigation"]
        assert written(case) == before
        stages = {s["stage"]: s["recorded"] for s in api.case(case.pk)["stages"]}
        assert stages["investigation"] is False
