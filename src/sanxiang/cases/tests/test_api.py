"""The case API under /api/v1/cases/: access (401, the same 404 for another agency's case as
for a missing one, 403, CSRF, language), the reads (list with its filters and query count, the
full case, timeline, deadlines, moves, inbox and approvals) and the creating endpoints
(LAW-APL-51 on the spot). The other actions are in `test_api_workflow.py`, the journeys from
lead to archive in `test_journeys_api.py`."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from sanxiang.cases import services as svc
from sanxiang.cases.choices import RecordKind
from sanxiang.cases.models import Case, CaseEvent
from sanxiang.cases.schemas.workflow import TRANSITION_ENDPOINTS
from sanxiang.cases.tests.apiclient import API, CaseApi, assert_rule, party_json, written
from sanxiang.cases.tests.factories import (
    BASE_DAY,
    World,
    at,
    filed_case,
    lead,
    make_world,
    notified_case,
    person,
)
from sanxiang.cases.workflow import TRANSITIONS
from sanxiang.core.testing import assert_api_error
from sanxiang.registry import models as m
from sanxiang.registry.tests import factories as rf

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, world: World) -> CaseApi:
    return CaseApi(client, world.handler)


def in_chinese(message: str) -> str:
    """`message` as the API renders it by default (the platform's language is Chinese)."""
    with translation.override("zh-hans"):
        return translation.gettext(message)


class TestAccess:
    def test_anonymous_is_401(self, client, world) -> None:
        case = lead(world)
        for response in (
            client.get(f"{API}/cases/"),
            client.get(f"{API}/cases/{case.pk}"),
            client.get(f"{API}/inbox"),
            client.post(f"{API}/cases/{case.pk}/archive", {}, content_type="application/json"),
        ):
            body = assert_api_error(response, "not_authenticated", 401)
            assert body["message"] == in_chinese("Authentication required.")

    def test_another_agencys_case_is_the_same_404_as_a_missing_one(self, api, world) -> None:
        foreign = lead(world)
        party = svc.party_add(case=foreign, data=person(), actor=world.handler)
        stranger = rf.UserFactory.create(role=m.Role.OFFICER)
        api.login(stranger)
        missing = foreign.pk + 10_000
        before = written(foreign)
        for method, path, body in (
            ("get", "/cases/{id}", None),
            ("get", "/cases/{id}/timeline", None),
            ("get", "/cases/{id}/deadlines", None),
            ("get", "/cases/{id}/transitions", None),
            ("post", "/cases/{id}/parties", {"kind": "organisation", "name": "某公司"}),
            ("put", f"/cases/{{id}}/parties/{party.pk}", {"kind": "natural_person", "name": "x"}),
            ("post", "/cases/{id}/transitions/end_investigation", {}),
            ("post", "/cases/{id}/archive", {}),
        ):
            existing = api.refused(
                method, path.format(id=foreign.pk), body, code="not_found", status=404
            )
            absent = api.refused(
                method, path.format(id=missing), body, code="not_found", status=404
            )
            assert existing == absent == {"code": "not_found", "message": "未找到。", "extra": {}}
        assert written(foreign) == before
        assert api.get("/cases/")["count"] == 0

    def test_a_reader_who_may_not_change_the_case_gets_403(self, api, world) -> None:
        case = lead(world)
        before = written(case)
        for role in (m.Role.LEGAL_REVIEWER, m.Role.SUPERVISOR, m.Role.ADMINISTRATOR):
            api.login(rf.UserFactory.create(role=role, agency=world.agency))
            assert api.case(case.pk)["can_change"] is False
            refusal = api.refused(
                "post",
                f"/cases/{case.pk}/parties",
                party_json(),
                code="permission_denied",
                status=403,
            )
            assert refusal["message"]
        assert written(case) == before

    def test_csrf_is_checked_for_browser_sessions(self, world) -> None:
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(world.handler)
        assert browser.get(f"{API}/cases/").status_code == 200
        response = browser.post(
            f"{API}/cases/leads",
            {"title": "x", "lead_source": "complaint", "received_on": "2025-03-03"},
            content_type="application/json",
        )
        assert_api_error(response, "http_403", 403)
        assert not Case.objects.exists()

    def test_messages_follow_the_active_language(self, api, world) -> None:
        api.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        assert api.refused("get", "/cases/999", code="not_found", status=404)["message"] == (
            "Not found."
        )
        body = api.refused(
            "post", "/cases/leads", {"lead_source": "complaint"}, code="validation", status=422
        )
        assert body["message"].startswith("title: This field is required.")
        del api.client.cookies[settings.LANGUAGE_COOKIE_NAME]  # Chinese by default
        body = api.refused(
            "post", "/cases/leads", {"lead_source": "complaint"}, code="validation", status=422
        )
        assert "此字段为必填项" in body["message"] and body["message"].startswith("title")
        assert set(body["extra"]["fields"]) == {"title", "received_on"}


class TestReads:
    def test_list_filters_and_pages(self, api, world, clock) -> None:
        old = lead(world, received_on=datetime.date(2025, 1, 2))  # its lead deadline has passed
        fresh = lead(world)
        act = svc.act_register(act_type=m.ActType.INSPECTION, title="日常检查", actor=world.handler)
        svc.party_add(case=fresh, data=person(name="赵六"), actor=world.handler)
        lead(make_world())  # another agency's lead: never listed

        page = api.get("/cases/", limit=2)
        assert page["count"] == 3
        assert [c["id"] for c in page["items"]] == [act.pk, fresh.pk]
        assert [c["id"] for c in api.get("/cases/", limit=2, offset=2)["items"]] == [old.pk]
        assert [c["id"] for c in api.get("/cases/", act_type="inspection")["items"]] == [act.pk]
        assert [c["id"] for c in api.get("/cases/", q="赵六")["items"]] == [fresh.pk]
        assert api.get("/cases/", status="lead", procedure="general")["count"] == 2
        svc.case_assign_officers(case=old, officers=[world.officer_a], actor=world.handler)
        assert [c["id"] for c in api.get("/cases/", assigned_to_me=True)["items"]] == [old.pk]
        overdue = api.get("/cases/", overdue=True)["items"]
        assert [(c["id"], c["overdue"], c["next_due_on"]) for c in overdue] == [
            (old.pk, True, "2025-01-23")
        ]
        row = page["items"][1]
        assert row["status_label"] and row["agency"]["id"] == world.agency.pk
        assert row["overdue"] is False and row["next_due_on"] == "2025-03-24"
        api.refused("get", "/cases/?limit=1000", code="validation", status=422)
        api.refused("get", "/cases/?status=teleported", code="validation", status=422)

    def test_list_query_count_does_not_grow_with_the_rows(self, api, world) -> None:
        lead(world)
        with CaptureQueriesContext(connection) as one:
            assert api.get("/cases/")["count"] == 1
        for _ in range(6):
            lead(world)
        with CaptureQueriesContext(connection) as seven:
            assert api.get("/cases/")["count"] == 7
        assert len(seven) == len(one) <= 6

    def test_the_full_case(self, api, world) -> None:
        case = notified_case(world)
        body = api.case(case.pk)
        assert (body["status"], body["track"], body["case_number"]) == (
            "notified",
            "general",
            case.case_number,
        )
        assert body["parties"][0]["birth_date"] == "1985-03-12"  # from the ID number
        assert [o["officer"]["id"] for o in body["case_officers"]] == [
            world.officer_a.pk,
            world.officer_b.pk,
        ]
        assert body["case_officers"][0]["certificates"][0]["number"]
        assert body["power_item"]["id"] == world.power_item.pk
        assert body["power_item"]["basis"][0]["reference"].startswith("《")
        assert body["discretion_standard"]["tiers"][0]["id"] == world.tier.pk
        assert body["discretion_standard"]["tiers"][0]["fine_max_fen"] == 500_000
        assert body["notices"][0]["fine_fen"] == 300_000
        assert body["notices"][0]["statement_window_end"] == "2025-03-10"  # SAMR-PROC-57
        assert {(a["step"], a["level"], a["result"]) for a in body["approvals"]} >= {
            ("filing", 1, "approved"),
            ("filing", 3, "approved"),
            ("notice", 2, "approved"),
        }
        assert body["approvals"][0]["approver"]["name"] == world.handler.display_name
        assert {d["rule"]: d["due_on"] for d in body["deadlines"]} == {
            "LAW-APL-60": "2025-06-03",
            "SAMR-PROC-57": "2025-03-10",
        }
        assert body["deadlines"][0]["rule_label"]
        assert body["balance"] == {
            "principal_fen": 0,
            "late_fee_fen": 0,
            "paid_fen": 0,
            "outstanding_fen": 0,
            "due_on": None,
        }
        assert [(s["stage"], s["recorded"]) for s in body["stages"]][:3] == [
            ("start", True),
            ("investigation", True),
            ("review", False),
        ]
        assert body["decision"] is None and body["can_change"] is True

    def test_the_reporter_is_shown_only_to_enforcement_staff(self, api, world) -> None:
        case = lead(world)
        assert api.case(case.pk)["reporter"] == {"name": "王五", "contact": "13900000000"}
        for role in (m.Role.LEGAL_REVIEWER, m.Role.SUPERVISOR):
            api.login(rf.UserFactory.create(role=role, agency=world.agency))
            assert api.case(case.pk)["reporter"] is None

    def test_timeline_and_deadlines(self, api, world) -> None:
        case = filed_case(world)
        timeline = api.get(f"/cases/{case.pk}/timeline")
        assert timeline[0]["action"] == "cases.lead_registered"
        assert timeline[0]["actor_name"] == world.handler.display_name
        filed = next(e for e in timeline if e["action"] == "cases.filed")
        assert filed["data"]["changes"]["status"] == ["lead", "filed"]
        assert filed["label"]
        assert [d["rule"] for d in api.get(f"/cases/{case.pk}/deadlines")] == ["LAW-APL-60"]
        every = api.get(f"/cases/{case.pk}/deadlines", include_closed=True)
        assert {(d["rule"], d["status"]) for d in every} == {
            ("SAMR-PROC-18", "met"),
            ("LAW-APL-60", "running"),
        }

    def test_transitions_say_what_blocks_each_move(self, api, world) -> None:
        case = notified_case(world)
        moves = {t["name"]: t for t in api.get(f"/cases/{case.pk}/transitions")}
        assert set(moves) == {
            "request_hearing",
            "request_legal_review",
            "start_deliberation",
            "decide",
        }
        hearing = moves["request_hearing"]
        assert hearing["allowed"] is False
        assert hearing["blocking"]["extra"]["rule"] == "LAW-APL-63"  # 3,000元: no hearing right
        assert hearing["endpoint"] == "/api/v1/cases/{case_id}/hearings"
        review = moves["request_legal_review"]
        assert review["blocking"]["code"] == "cases.statement.window_open"
        assert "LAW-APL-62" in review["blocking"]["message"]
        assert moves["decide"]["approval_step"] == "decision"
        assert moves["decide"]["endpoint"] == "/api/v1/cases/{case_id}/decision"

    def test_inbox_and_approval_decisions(self, api, world) -> None:
        case = lead(world)
        svc.case_assign_officers(
            case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
        )
        api.post(
            f"/cases/{case.pk}/filing",
            {
                "power_item_id": world.power_item.pk,
                "facts": "事实",
                "violation_started_on": "2025-03-01",
                "discovered_on": "2025-03-03",
            },
        )
        waiting = api.login(world.department_head).get("/inbox")["approvals"]
        assert [(a["case"]["id"], a["step"], a["level"]) for a in waiting] == [
            (case.pk, "filing", 2)
        ]
        approval_id = waiting[0]["id"]
        # The handler may not approve level 2; a refusal needs the reasons.
        api.login(world.handler)
        api.refused(
            "post",
            f"/approvals/{approval_id}/decision",
            {"approve": True},
            code="approval.wrong_level",
            status=403,
        )
        api.login(world.department_head)
        refusal = api.refused(
            "post",
            f"/approvals/{approval_id}/decision",
            {"approve": False},
            code="approval.opinion_required",
        )
        assert "opinion" in refusal["extra"]["fields"]
        granted = api.post(
            f"/approvals/{approval_id}/decision", {"approve": True, "opinion": "同意立案"}
        )
        assert (granted["result"], granted["approver"]["id"]) == (
            "approved",
            world.department_head.pk,
        )
        api.refused(
            "post",
            f"/approvals/{approval_id}/decision",
            {"approve": True},
            code="approval.already_decided",
        )
        api.login(world.agency_head)
        assert api.get("/inbox")["approvals"][0]["level"] == 3
        api.login(rf.UserFactory.create(role=m.Role.AGENCY_HEAD))
        assert api.get("/inbox") == {"approvals": [], "deadlines": []}
        api.refused(
            "post",
            f"/approvals/{approval_id}/decision",
            {"approve": True},
            code="not_found",
            status=404,
        )


def test_every_move_of_the_workflow_has_an_endpoint(client, world) -> None:
    client.force_login(world.handler)
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    for transition in TRANSITIONS:
        endpoint = TRANSITION_ENDPOINTS[transition.name]
        if endpoint.endswith("/transitions/" + transition.name):
            endpoint = endpoint.removesuffix(transition.name) + "{name}"
        assert "post" in paths[endpoint], transition.name


class TestCreate:
    def test_lead(self, api, world) -> None:
        case = api.post(
            "/cases/leads",
            {
                "title": "无照经营",
                "lead_source": "inspection",
                "received_on": "2025-03-03",
                "department_id": world.department.pk,
            },
            expect=201,
        )
        assert (case["status"], case["department"]["id"]) == ("lead", world.department.pk)
        assert api.get(f"/cases/{case['id']}/deadlines")[0]["rule"] == "SAMR-PROC-18"
        foreign = rf.DepartmentFactory.create()
        refusal = api.refused(
            "post",
            "/cases/leads",
            {
                "title": "x",
                "lead_source": "inspection",
                "received_on": "2025-03-03",
                "department_id": foreign.pk,
            },
            code="validation",
        )
        assert refusal["extra"]["fields"] == {
            "department_id": [refusal["message"].split("：", 1)[1]]
        }
        typo = api.refused(
            "post",
            "/cases/leads",
            {"title": "x", "lead_source": "inspection", "received_on": "2025-03-03", "fine": 1},
            code="validation",
            status=422,
        )
        assert "fine" in typo["extra"]["fields"]
        assert Case.objects.count() == 1

    def test_on_the_spot_200_yuan_but_not_201_law_apl_51(self, api, world) -> None:
        spot: dict[str, Any] = {
            "title": "占道经营",
            "facts": "当事人在人行道上摆摊经营。",
            "place": "和平区南京路",
            "acted_at": "2025-03-03T10:00:00+08:00",
            "party": party_json(),
            "officer_ids": [world.officer_a.pk, world.officer_b.pk],
            "penalty_types": ["fine"],
            "form_number": "津当罚No.0001",
            "reasons": "依据《城市市容和环境卫生管理条例》",
        }
        refusal = api.refused(
            "post",
            "/cases/on-spot",
            {**spot, "fine_fen": 20_100},
            code="rules.simple_procedure.amount_exceeded",
        )
        assert_rule(refusal, "LAW-APL-51", "fine_fen")
        assert not Case.objects.exists() and not CaseEvent.objects.exists()
        case = api.post("/cases/on-spot", {**spot, "fine_fen": 20_000}, expect=201)
        assert (case["status"], case["procedure"]) == ("enforcing", "simple")
        alone = api.refused(
            "post",
            "/cases/on-spot",
            {**spot, "fine_fen": 100, "officer_ids": [world.officer_a.pk]},
            code="rules.officers.too_few_certified",
        )
        assert_rule(alone, "LAW-APL-42")
        unknown = api.refused(
            "post",
            "/cases/on-spot",
            {**spot, "officer_ids": [world.officer_a.pk, 0]},
            code="validation",
        )
        assert list(unknown["extra"]["fields"]) == ["officer_ids"]
        assert Case.objects.count() == 1

    def test_other_act_from_registration_to_archive(self, api, world) -> None:
        case = api.post(
            "/cases/acts", {"act_type": "inspection", "title": "对某企业的日常检查"}, expect=201
        )
        case_id = case["id"]
        assert case["status"] == "registered"
        api.refused(
            "post",
            "/cases/acts",
            {"act_type": "penalty", "title": "x"},
            code="cases.act.type_invalid",
        )
        assert api.post(f"/cases/{case_id}/act/start")["status"] == "in_progress"
        refusal = api.refused(
            "post",
            f"/cases/{case_id}/act/result",
            {"result": "compliant", "text": "未发现问题", "amount_fen": 100},
            code="cases.act.amount_not_expected",
        )
        assert_rule(refusal, "GUO-118-06a", "amount_fen")
        decided = api.post(
            f"/cases/{case_id}/act/result", {"result": "compliant", "text": "未发现问题"}
        )
        assert decided["status"] == "decided"
        assert (
            api.post(f"/cases/{case_id}/act/close", {"summary": "检查完毕"})["status"] == "closed"
        )
        assert api.post(f"/cases/{case_id}/archive")["status"] == "archived"
        assert api.case(case_id)["act_result"]["result"] == "compliant"


def test_record_dates_without_an_offset_are_local_time(api, world) -> None:
    case = filed_case(world)
    record = api.post(
        f"/cases/{case.pk}/records",
        {
            "kind": RecordKind.INQUIRY.value,
            "started_at": "2025-03-03T09:30:00",
            "place": "所里",
            "subject_name": "张三",
            "content": "询问",
            "officer_ids": [world.officer_a.pk, world.officer_b.pk],
        },
        expect=201,
    )
    assert datetime.datetime.fromisoformat(record["started_at"]) == at(BASE_DAY, 9).replace(
        minute=30
    )
