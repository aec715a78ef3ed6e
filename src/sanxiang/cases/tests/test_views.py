"""The case pages through their real URLs: who sees what, the list and its filters, the case
page, the inbox, and every form — its happy path and a refusal that names the field and the
rule id and keeps the user's input (nothing half-written: the services are atomic)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client

from sanxiang.cases import services as svc
from sanxiang.cases.choices import CaseStatus, DeadlineStatus
from sanxiang.cases.models import Case, CaseEvent, Deadline, Party
from sanxiang.cases.tests.factories import (
    BASE_DAY,
    CaseFactory,
    DeadlineFactory,
    PartyFactory,
    approve_pending,
    decide,
    filed_case,
    investigated_case,
    lead,
    notified_case,
)
from sanxiang.cases.tests.pages import (
    case_url,
    field_error,
    page,
    refused,
    status_of,
    submit,
    without_csrf,
)
from sanxiang.evidence.tests.factories import fill_av_checklist, record_av_reason
from sanxiang.registry.models import ActType, Role
from sanxiang.registry.tests.factories import (
    AgencyFactory,
    UserFactory,
    make_supervised_agencies,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def _log_in(client: Client, user) -> None:
    client.force_login(user)


# --- who sees what --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role", [Role.OFFICER, Role.DEPARTMENT_HEAD, Role.AGENCY_HEAD, Role.LEGAL_REVIEWER]
)
def test_agency_staff_see_the_list_the_case_and_the_inbox(client, world, role) -> None:
    case = filed_case(world)
    user = UserFactory.create(role=role, agency=world.agency, department=world.department)
    _log_in(client, user)
    assert f'data-case="{case.pk}"' in page(client, "/office/cases/")
    body = page(client, case_url(case))
    assert case.case_number in body
    assert ("data-read-only" in body) == (role == Role.LEGAL_REVIEWER)
    assert "data-inbox" in page(client, "/office/inbox/")


def test_supervisor_reads_the_case_without_actions_and_cannot_post(client, world) -> None:
    city, district, _bureau, _outsider = make_supervised_agencies()
    world.agency.supervising_body = district
    world.agency.save()
    case = filed_case(world)
    _log_in(client, UserFactory.create(role=Role.SUPERVISOR, agency=city))
    assert f'data-case="{case.pk}"' in page(client, "/office/cases/")
    body = page(client, case_url(case))
    assert "data-read-only" in body
    assert "data-action=" not in body and "data-move=" not in body
    assert "data-reporter-hidden" in body and "13900000000" not in body
    assert client.get(case_url(case, "record-add")).status_code == 403
    before = CaseEvent.objects.count()
    response = client.post(case_url(case, "facts"), {"title": "改"})
    assert response.status_code == 403
    assert CaseEvent.objects.count() == before


def test_handler_sees_the_reporter(client, world) -> None:
    case = lead(world)
    _log_in(client, world.handler)
    body = page(client, case_url(case))
    assert "data-reporter>" in body and "13900000000" in body


def test_another_agency_gets_the_same_404_as_for_a_missing_case(client, world) -> None:
    case = filed_case(world)
    party = case.parties.create(
        kind="natural_person", name="某某", other_id_document="P1", birth_date=D(1990, 1, 1)
    )
    stranger_agency = AgencyFactory.create()
    stranger = UserFactory.create(role=Role.OFFICER, agency=stranger_agency)
    _log_in(client, stranger)
    missing = case.pk + 100
    for existing, absent in (
        (case_url(case), case_url(missing)),
        (case_url(case, "record-add"), case_url(missing, "record-add")),
        (case_url(case, "party-edit", party.pk), case_url(missing, "party-edit", party.pk)),
        (
            f"{case_url(case)}do/notice-draft/preview/",
            f"{case_url(missing)}do/notice-draft/preview/",
        ),
    ):
        for method in (client.get, client.post):
            seen, unseen = method(existing), method(absent)
            assert seen.status_code == unseen.status_code == 404
            # The language switch returns to the page asked for: the only difference allowed.
            assert without_csrf(seen.content).replace(existing, absent) == without_csrf(
                unseen.content
            )
    assert CaseEvent.objects.filter(actor=stranger).count() == 0


def test_counsel_gets_404_and_the_public_the_login_page(client, world) -> None:
    case = filed_case(world)
    _log_in(client, UserFactory.create(role=Role.COUNSEL, agency=None))
    assert client.get(case_url(case)).status_code == 404
    assert client.post(case_url(case, "facts"), {}).status_code == 404
    assert 'data-total="0"' in page(client, "/office/cases/")
    client.logout()
    for url in (
        case_url(case),
        case_url(case, "facts"),
        "/office/cases/",
        "/office/inbox/",
        "/office/cases/new/",
    ):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302
            assert response["Location"].startswith("/accounts/login/?next=")


def test_registering_is_for_enforcement_staff(client, world) -> None:
    _log_in(client, UserFactory.create(role=Role.LEGAL_REVIEWER, agency=world.agency))
    for url in ("/office/cases/new/", "/office/cases/on-spot/new/", "/office/cases/acts/new/"):
        assert client.get(url).status_code == 403
        assert client.post(url, {"title": "x"}).status_code == 403


# --- the list -------------------------------------------------------------------------------


def test_list_filters_and_marks_overdue_deadlines(client, world, clock) -> None:
    late = CaseFactory.create(agency=world.agency, title="逾期案件", status=CaseStatus.LEAD)
    DeadlineFactory.create(case=late, due_on=BASE_DAY - datetime.timedelta(days=2))
    on_time = CaseFactory.create(agency=world.agency, title="正常案件", status=CaseStatus.FILED)
    DeadlineFactory.create(case=on_time, due_on=BASE_DAY + datetime.timedelta(days=5))
    PartyFactory.create(case=on_time, name="赵六")
    other = CaseFactory.create(
        agency=world.agency, title="检查", act_type=ActType.INSPECTION, status=CaseStatus.REGISTERED
    )
    _log_in(client, world.handler)
    body = page(client, "/office/cases/")
    rows = dict(re.findall(r'<tr data-case="(\d+)">(.*?)</tr>', body, re.S))
    assert "data-overdue" in rows[str(late.pk)]
    assert "data-overdue" not in rows[str(on_time.pk)]
    assert "赵六" in rows[str(on_time.pk)]
    assert 'data-total="3"' in body

    def shown(query: str) -> set[int]:
        return {
            int(pk)
            for pk in re.findall(r'data-case="(\d+)"', page(client, f"/office/cases/?{query}"))
        }

    assert shown("overdue=on") == {late.pk}
    assert shown("status=filed") == {on_time.pk}
    assert shown("act_type=inspection") == {other.pk}
    assert shown("procedure=simple") == set()
    assert shown("q=赵六") == {on_time.pk}
    assert shown("q=逾期") == {late.pk}


def test_list_is_paginated_with_a_bounded_query_count(
    client, world, django_assert_max_num_queries
) -> None:
    for n in range(25):
        case = CaseFactory.create(agency=world.agency, title=f"案件{n}")
        PartyFactory.create(case=case)
        DeadlineFactory.create(case=case)
    _log_in(client, world.handler)
    # Session, user, count, page, parties; the navigation resolves no query.
    with django_assert_max_num_queries(6):
        first = page(client, "/office/cases/")
    assert len(re.findall(r'data-case="', first)) == 20
    assert 'rel="next"' in first
    assert len(re.findall(r'data-case="', page(client, "/office/cases/?page=2"))) == 5


# --- the case page --------------------------------------------------------------------------


def test_case_page_shows_every_part_of_the_record(client, world, clock) -> None:
    case = notified_case(world, fine_fen=1_000_000)
    _log_in(client, world.handler)
    body = page(client, case_url(case))
    assert f'data-power-item="{world.power_item.code}"' in body
    assert 'data-basis="penalty"' in body
    assert "1000元至5000元" in body  # the tier's range (法律法规自动关联)
    assert "data-id-number>" in body
    assert body.count("data-certificate-valid") == 2
    assert 'data-event="cases.notice_served"' in body and "→" in body
    assert 'data-rule="SAMR-PROC-57"' in body and 'data-rule="LAW-APL-64(一)"' in body
    assert "data-finished-deadlines" in body  # the met lead deadline, collapsed
    assert 'data-hearing-right="yes"' in body
    assert 'data-stage="start" data-recorded="yes"' in body
    assert 'data-stage="decision" data-recorded="no"' in body
    assert 'data-move="request_hearing" data-allowed' in body
    assert 'data-move="request_legal_review" data-blocked="cases.statement.window_open"' in body
    assert "LAW-APL-62" in body
    assert 'data-approval="' in body and 'data-result="approved"' in body


def test_case_page_query_count_does_not_grow_with_the_record(
    client, world, clock, django_assert_max_num_queries
) -> None:
    case = notified_case(world)
    _log_in(client, world.handler)
    with django_assert_max_num_queries(90) as few:
        page(client, case_url(case))
    for n in range(4):
        svc.statement_record(
            case=case, received_on=BASE_DAY, content=f"陈述{n}", actor=world.handler
        )
        PartyFactory.create(case=case)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page(client, case_url(case))


# --- the inbox ------------------------------------------------------------------------------


def test_inbox_and_home_panel_show_approvals_and_closest_deadlines(
    client, world, clock, django_assert_max_num_queries
) -> None:
    case = lead(world)
    svc.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    svc.case_submit_for_filing(
        case=case,
        power_item=world.power_item,
        facts="事实",
        violation_started_on=D(2025, 2, 20),
        discovered_on=BASE_DAY,
        actor=world.handler,
    )
    _log_in(client, world.department_head)
    with django_assert_max_num_queries(6):
        body = page(client, "/office/inbox/")
    assert 'data-inbox-approval="' in body
    assert 'data-rule="SAMR-PROC-18"' in body
    home = page(client, "/office/")
    assert "data-inbox-approval" in home
    _log_in(client, world.handler)
    body = page(client, "/office/inbox/")
    assert "data-inbox-approval" not in body and 'data-rule="SAMR-PROC-18"' in body


def test_navigation_offers_cases_inbox_and_lead_by_role(client, world) -> None:
    from sanxiang.web.tests.pages import nav_keys

    _log_in(client, world.handler)
    assert {"cases", "inbox", "new_lead"} <= nav_keys(client.get("/office/"))
    city, *_ = make_supervised_agencies()
    _log_in(client, UserFactory.create(role=Role.SUPERVISOR, agency=city))
    keys = nav_keys(client.get("/office/"))
    assert "cases" in keys and "new_lead" not in keys and "inbox" not in keys


# --- creating cases -------------------------------------------------------------------------


def test_register_lead_keeps_input_when_a_field_is_missing(client, world) -> None:
    _log_in(client, world.handler)
    response = client.post("/office/cases/new/", {"title": "某店无照经营", "lead_source": "other"})
    assert response.status_code == 422
    body = response.content.decode()
    assert 'value="某店无照经营"' in body and field_error(body, "received_on")
    assert not Case.objects.exists()


def test_register_other_act_and_coercion_lifecycle(client, world, clock) -> None:
    _log_in(client, world.handler)
    submit(
        client,
        "/office/cases/acts/new/",
        {"act_type": "coercion", "title": "扣押涉案物品", "received_on": "2025-03-03"},
    )
    case = Case.objects.get()
    assert case.status == CaseStatus.REGISTERED
    body = refused(client, case_url(case, "act-progress"), {"on": "2025-03-03"})
    assert 'data-rule="LAW-APL-42"' in body  # LAW-ACL-18: two certified officers
    submit(
        client, case_url(case, "officers"), {"officers": [world.officer_a.pk, world.officer_b.pk]}
    )
    submit(client, case_url(case, "act-progress"), {"on": "2025-03-03"})
    assert status_of(case) == CaseStatus.IN_PROGRESS
    submit(
        client,
        case_url(case, "seizure-start"),
        {
            "kind": "seize",
            "items": "冻肉100公斤",
            "started_on": "2025-03-03",
            "approved_by": world.agency_head.pk,
        },
    )
    seizure = case.seizures.get()
    assert Deadline.objects.get(case=case, rule="LAW-ACL-25").due_on == D(2025, 4, 2)
    body = refused(
        client,
        case_url(case, "seizure-extend", seizure.pk),
        {"reason": "", "on": "2025-03-03", "approved_by": world.agency_head.pk},
    )
    assert "LAW-ACL-25" in body
    submit(
        client,
        case_url(case, "seizure-extend", seizure.pk),
        {"reason": "需要检验", "on": "2025-03-03", "approved_by": world.agency_head.pk},
    )
    submit(
        client,
        case_url(case, "act-decide"),
        {"result": "measure_taken", "text": "依法扣押。", "decided_on": "2025-03-03"},
    )
    body = refused(client, case_url(case, "close"), {"summary": "结束"})
    assert "LAW-ACL-25" in body
    submit(
        client,
        case_url(case, "seizure-release", seizure.pk),
        {"ended_on": "2025-03-03", "reason": "检验合格，解除扣押"},
    )
    # GUO-118-08: the seizure and the measure are recorded on continuous video (tus uploads).
    assert fill_av_checklist(client, case.pk, via="pages") == [
        f"seizure:{seizure.pk}",
        f"coercion:{case.pk}",
    ]
    submit(client, case_url(case, "close"), {"summary": "结束"})
    assert status_of(case) == CaseStatus.CLOSED
    submit(client, case_url(case, "archive"), {})
    assert status_of(case) == CaseStatus.ARCHIVED


# --- lead, filing, facts, parties, officers -------------------------------------------------


def test_filing_refused_outside_the_limitation_period_keeps_input(client, world) -> None:
    case = lead(world)
    svc.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    _log_in(client, world.handler)
    body = refused(
        client,
        case_url(case, "submit-filing"),
        {
            "power_item": world.power_item.pk,
            "title": case.title,
            "facts": "三年前的违法行为。",
            "violation_started_on": "2021-01-04",
            "discovered_on": "2025-03-03",
        },
    )
    assert "LAW-APL-36" in field_error(body, "discovered_on")
    assert "三年前的违法行为。" in body
    assert status_of(case) == CaseStatus.LEAD and case.power_item_id is None


def test_decline_is_for_heads_and_extension_for_handlers(client, world, clock) -> None:
    case = lead(world)
    _log_in(client, world.handler)
    body = refused(client, case_url(case, "decline"), {"reason": "no_violation", "note": "无"})
    assert 'data-refusal="workflow.role_not_allowed"' in body
    svc.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    submit(client, case_url(case, "lead-extend"), {"reason": "需要进一步核查"})
    body = refused(client, case_url(case, "lead-extend"), {"reason": "再次延长"})
    assert "SAMR-PROC-18" in body and "再次延长" in body
    _log_in(client, world.department_head)
    submit(
        client, case_url(case, "decline"), {"reason": "no_violation", "note": "经核查无违法事实"}
    )
    assert status_of(case) == CaseStatus.DECLINED
    assert Deadline.objects.get(case=case, rule="SAMR-PROC-18").status == DeadlineStatus.MET


def test_facts_edit_and_refusal_on_the_field(client, world, clock) -> None:
    case = filed_case(world)
    _log_in(client, world.handler)
    data = {
        "title": "新标题",
        "facts": "补充事实",
        "violation_started_on": "2025-02-20",
        "violation_ended_on": "2025-02-01",
    }
    body = refused(client, case_url(case, "facts"), data)
    assert field_error(body, "violation_ended_on")
    assert 'value="新标题"' in body
    assert Case.objects.get(pk=case.pk).title != "新标题"
    submit(client, case_url(case, "facts"), {**data, "violation_ended_on": "2025-02-25"})
    case.refresh_from_db()
    assert (case.title, case.violation_ended_on) == ("新标题", D(2025, 2, 25))


def test_party_add_edit_remove_and_a_wrong_id_number(client, world, clock) -> None:
    case = filed_case(world)
    _log_in(client, world.handler)
    data = {"kind": "natural_person", "name": "钱七", "id_number": "120101198503120001"}
    body = refused(client, case_url(case, "party-add"), data)
    assert field_error(body, "id_number") and 'value="钱七"' in body
    assert not case.parties.exists()
    submit(client, case_url(case, "party-add"), {**data, "id_number": "120101198503120078"})
    party = case.parties.get()
    assert party.birth_date == D(1985, 3, 12)
    submit(
        client,
        case_url(case, "party-edit", party.pk),
        {**data, "id_number": "120101198503120078", "phone": "13800000000"},
    )
    assert Party.objects.get(pk=party.pk).phone == "13800000000"
    submit(client, case_url(case, "party-remove", party.pk), {})
    assert not case.parties.exists()
    assert {"cases.party_added", "cases.party_updated", "cases.party_removed"} <= set(
        CaseEvent.objects.filter(case=case).values_list("action", flat=True)
    )


def test_recusal_applied_and_decided_by_the_agency_head(client, world, clock) -> None:
    case = filed_case(world)
    _log_in(client, world.handler)
    submit(
        client,
        case_url(case, "recusal-apply"),
        {
            "officer": world.officer_b.pk,
            "applicant": "party",
            "reason": "与当事人有亲属关系",
            "applied_on": "2025-03-03",
        },
    )
    recusal = case.recusals.get()
    _log_in(client, world.agency_head)
    url = case_url(case, "recusal-decide", recusal.pk)
    body = refused(client, url, {"granted": "1", "reason": "", "on": "2025-03-03"})
    assert "LAW-APL-43" in field_error(body, "reason")
    submit(client, url, {"granted": "1", "reason": "理由成立", "on": "2025-03-03"})
    assert case.case_officers.get(officer=world.officer_b).removed_on == BASE_DAY


def test_record_needs_two_certified_officers(client, world, clock) -> None:
    case = filed_case(world)
    _log_in(client, world.handler)
    data = {
        "kind": "inspection",
        "started_at": "2025-03-03T15:00",
        "place": "现场",
        "subject_name": "张三",
        "content": "现场检查情况。",
        "officers": [world.officer_a.pk],
    }
    body = refused(client, case_url(case, "record-add"), data)
    assert "LAW-APL-42" in field_error(body, "officers") and "现场检查情况。" in body
    assert status_of(case) == CaseStatus.FILED and not case.records.exists()
    submit(
        client,
        case_url(case, "record-add"),
        {**data, "officers": [world.officer_a.pk, world.officer_b.pk]},
    )
    assert status_of(case) == CaseStatus.INVESTIGATING


def test_preservation_and_its_disposal_deadline(client, world, clock) -> None:
    case = filed_case(world)
    _log_in(client, world.handler)
    submit(
        client,
        case_url(case, "preservation-start"),
        {"items": "过期食品20箱", "started_on": "2025-03-03", "approved_by": world.agency_head.pk},
    )
    preservation = case.preservations.get()
    assert preservation.disposal_due == D(2025, 3, 12)
    url = case_url(case, "preservation-dispose", preservation.pk)
    body = refused(client, url, {"disposed_on": "2025-03-13", "disposal": "没收"})
    assert "LAW-APL-56" in field_error(body, "disposed_on")
    submit(client, url, {"disposed_on": "2025-03-10", "disposal": "予以没收"})
    assert Deadline.objects.get(case=case, rule="LAW-APL-56").status == DeadlineStatus.MET


# --- notice, statement, hearing, deliberation -----------------------------------------------


def test_hearing_preview_computes_the_right_at_the_threshold(client, world, clock) -> None:
    case = investigated_case(world)
    _log_in(client, world.handler)
    base = f"{case_url(case)}do/notice-draft/preview/?penalty_types=fine&fine_yuan="
    assert 'data-applies="yes"' in page(client, base + "10000")
    assert 'data-applies="no"' in page(client, base + "9999.99")
    assert "data-thresholds" in page(client, case_url(case, "notice-draft"))


def test_notice_served_electronically_needs_consent(client, world, clock) -> None:
    case = investigated_case(world)
    svc.notice_draft(
        case=case, penalty_types=("fine",), fine_fen=300_000, content="拟罚款", actor=world.handler
    )
    approve_pending(world, case)
    _log_in(client, world.handler)
    body = refused(
        client, case_url(case, "notice-serve"), {"served_on": "2025-03-03", "method": "electronic"}
    )
    assert "LAW-APL-61" in body
    submit(
        client,
        case_url(case, "consent"),
        {
            "party": case.parties.get().pk,
            "signed_on": "2025-03-03",
            "channel": "email",
            "address": "zhangsan@example.com",
        },
    )
    submit(
        client, case_url(case, "notice-serve"), {"served_on": "2025-03-03", "method": "electronic"}
    )
    assert status_of(case) == CaseStatus.NOTIFIED


def test_waiver_hearing_right_and_moves_after_the_statement_phase(client, world, clock) -> None:
    case = notified_case(world)
    _log_in(client, world.handler)
    body = refused(client, case_url(case, "hearing-request"), {"requested_on": "2025-03-04"})
    assert "LAW-APL-63" in body
    body = refused(client, case_url(case, "request-legal-review"), {"reason": ""})
    assert "LAW-APL-62" in body
    body = refused(client, case_url(case, "waiver"), {"waived_on": "2025-03-04", "note": ""})
    assert "LAW-APL-62" in field_error(body, "note")
    submit(
        client,
        case_url(case, "waiver"),
        {"waived_on": "2025-03-04", "note": "当事人在送达回证上签字放弃", "includes_hearing": "on"},
    )
    assert Deadline.objects.get(case=case, rule="SAMR-PROC-57").status == DeadlineStatus.MET
    submit(client, case_url(case, "request-legal-review"), {"reason": ""})
    assert status_of(case) == CaseStatus.LEGAL_REVIEW
    submit(client, case_url(case, "start-deliberation"), {"reason": ""})
    assert status_of(case) == CaseStatus.DELIBERATION
    data = {
        "held_on": "2025-03-04",
        "chaired_by": world.agency_head.pk,
        "participants": "局长",
        "minutes": "讨论记录",
        "conclusion": "同意处罚",
    }
    body = refused(client, case_url(case, "deliberation"), data)
    assert "LAW-APL-57" in field_error(body, "participants") and "讨论记录" in body
    submit(client, case_url(case, "deliberation"), {**data, "participants": "局长\n副局长"})
    body = refused(client, case_url(case, "return-to-investigation"), {"reason": ""})
    assert "SAMR-PROC-54" in field_error(body, "reason")
    submit(client, case_url(case, "return-to-investigation"), {"reason": "补充证据"})
    assert status_of(case) == CaseStatus.INVESTIGATING


def test_hearing_withdrawn(client, world, clock) -> None:
    case = notified_case(world, fine_fen=1_000_000)
    svc.hearing_request(case=case, requested_on=BASE_DAY, actor=world.handler)
    _log_in(client, world.handler)
    submit(
        client,
        case_url(case, "hearing-withdraw", case.hearings.get().pk),
        {"note": "当事人撤回听证申请", "on": "2025-03-04"},
    )
    assert case.hearings.get().status == "withdrawn"


# --- decision, time limit, approvals --------------------------------------------------------


def test_decision_shows_the_tier_range_and_needs_a_reason_outside_it(client, world, clock) -> None:
    case = notified_case(world)
    clock.go(D(2025, 3, 11))
    _log_in(client, world.handler)
    form = page(client, case_url(case, "decision"))
    assert "1000元至5000元" in form and "data-ceiling" in form
    data = {
        "outcome": "penalty",
        "penalty_types": ["fine"],
        "fine_yuan": "800",
        "discretion_tier": world.tier.pk,
        "reasons": "依据规定",
    }
    body = refused(client, case_url(case, "decision"), data)
    assert "LAW-APL-34" in field_error(body, "outside_range_reason")
    assert 'value="800"' in body
    assert not hasattr(Case.objects.get(pk=case.pk), "decision_id")
    submit(client, case_url(case, "decision"), {**data, "outside_range_reason": "主动减轻危害后果"})
    assert case.decision.flag_for_legal_review


def test_approval_rejection_needs_an_opinion(client, world, clock) -> None:
    case = investigated_case(world)
    svc.notice_draft(
        case=case, penalty_types=("fine",), fine_fen=300_000, content="拟罚款", actor=world.handler
    )
    approval = case.approvals.get(step="notice", level=2)
    _log_in(client, world.department_head)
    url = case_url(case, "approval-decide", approval.pk)
    body = refused(client, url, {"approve": "0", "opinion": ""})
    assert field_error(body, "opinion")
    submit(client, url, {"approve": "0", "opinion": "事实不清，退回"})
    approval.refresh_from_db()
    assert (approval.result, approval.opinion) == ("rejected", "事实不清，退回")


def test_extension_and_clock_pause(client, world, clock) -> None:
    case = filed_case(world)
    _log_in(client, world.handler)
    body = refused(
        client,
        case_url(case, "extension"),
        {"days": "31", "reason": "案情复杂", "basis": "SAMR-PROC-64"},
    )
    assert "SAMR-PROC-64" in field_error(body, "days") and "案情复杂" in body
    submit(
        client,
        case_url(case, "extension"),
        {"days": "30", "reason": "案情复杂", "basis": "SAMR-PROC-64"},
    )
    approve_pending(world, case)
    assert Deadline.objects.get(case=case, rule="LAW-APL-60").due_on == D(2025, 7, 1)
    submit(client, case_url(case, "pause"), {"reason": "testing", "started_on": "2025-03-04"})
    body = refused(
        client, case_url(case, "pause"), {"reason": "testing", "started_on": "2025-03-05"}
    )
    assert "SAMR-PROC-64" in body
    submit(
        client, case_url(case, "pause-stop", case.clock_pauses.get().pk), {"ended_on": "2025-03-14"}
    )
    assert Deadline.objects.get(case=case, rule="LAW-APL-60").due_on == D(2025, 7, 11)


# --- delivery, payment, enforcement, closing, archive ---------------------------------------


def _enforcing(world, clock):
    case = notified_case(world, fine_fen=100_000)
    clock.go(D(2025, 3, 4))
    svc.statement_waive(case=case, waived_on=D(2025, 3, 4), note="放弃", actor=world.handler)
    case = decide(world, case, fine_fen=100_000)
    clock.go(D(2025, 3, 11))
    svc.delivery_record(
        case=case,
        method="direct",
        recipient="张三",
        delivered_on=D(2025, 3, 11),
        proof="回证",
        actor=world.handler,
    )
    case.refresh_from_db()
    return case


def test_delivery_electronic_only_with_consent(client, world, clock) -> None:
    case = notified_case(world)
    clock.go(D(2025, 3, 11))
    case = decide(world, case)
    _log_in(client, world.handler)
    data = {
        "document": "decision",
        "method": "electronic",
        "recipient": "张三",
        "delivered_on": "2025-03-11",
        "proof": "短信截图",
    }
    body = refused(client, case_url(case, "delivery"), data)
    assert "LAW-APL-61" in field_error(body, "method") and "短信截图" in body
    assert status_of(case) == CaseStatus.DECIDED


def test_payment_late_fee_plan_remedy_and_close(client, world, clock) -> None:
    case = _enforcing(world, clock)
    clock.go(D(2025, 4, 5))  # due 2025-03-26, 10 days late → 300元 (LAW-APL-72)
    _log_in(client, world.handler)
    form = page(client, case_url(case, "payment"))
    assert re.search(r"data-late-fee>300元<", form)
    data = {"amount_yuan": "1300", "paid_on": "2025-04-05", "channel": "on_spot", "reference": "R9"}
    body = refused(client, case_url(case, "payment"), data)
    assert "LAW-APL-68" in field_error(body, "channel") and 'value="R9"' in body
    body = refused(client, case_url(case, "close"), {"summary": "结案"})
    assert "SAMR-PROC-77" in body
    submit(
        client, case_url(case, "remedy"), {"kind": "reconsideration", "started_on": "2025-04-01"}
    )
    pause = case.remedy_pauses.get()
    body = refused(client, case_url(case, "remedy-stop", pause.pk), {"ended_on": "2025-03-01"})
    assert "LAW-APL-73" in field_error(body, "ended_on")
    submit(client, case_url(case, "remedy-stop", pause.pk), {"ended_on": "2025-04-03"})
    body = refused(
        client,
        case_url(case, "execution"),
        {"kind": "education", "executed_on": "2025-04-05", "description": "教育"},
    )
    assert "LAW-APL-47" in field_error(body, "kind")
    _log_in(client, world.agency_head)
    plan = case_url(case, "payment-plan")
    plan_data = {
        "kind": "instalments",
        "applied_on": "2025-04-05",
        "reason": "经济困难",
        "instalments": "2025-04-30 500\n2025-05-30 400",
        "approved_on": "2025-04-05",
    }
    body = refused(client, plan, plan_data)
    assert "LAW-APL-66" in field_error(body, "instalments")
    submit(client, plan, {**plan_data, "instalments": "2025-04-30 500\n2025-05-30 500"})
    assert Deadline.objects.get(case=case, rule="LAW-APL-67").due_on == D(2025, 5, 30)


def test_archive_refused_while_a_stage_has_no_record(client, world, clock) -> None:
    case = filed_case(world)
    svc.preservation_start(
        case=case,
        items="物品",
        started_on=BASE_DAY,
        approved_by=world.agency_head,
        actor=world.handler,
    )
    svc.preservation_dispose(
        preservation=case.preservations.get(),
        disposed_on=BASE_DAY,
        disposal="退还",
        actor=world.handler,
    )
    svc.party_add(
        case=case,
        data=svc.PartyData(kind="natural_person", name="张三", id_number="120101198503120078"),
        actor=world.handler,
    )
    case = decide(
        world, case, outcome="dismissed", penalty_types=(), fine_fen=0, discretion_tier=None
    )
    record_av_reason(case, actor=world.handler, act=case.preservations.get())  # GUO-118-08
    svc.case_close(case=case, summary="撤销案件", actor=world.handler)
    approve_pending(world, case)
    assert status_of(case) == CaseStatus.CLOSED
    _log_in(client, world.handler)
    form = page(client, case_url(case, "archive"))
    assert 'data-stage="investigation"' in form
    body = refused(client, case_url(case, "archive"), {})
    assert 'data-rule="LAW-APL-47"' in body
    assert status_of(case) == CaseStatus.CLOSED
    assert not CaseEvent.objects.filter(case=case, action="cases.archived").exists()
