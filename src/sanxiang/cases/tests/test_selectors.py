"""Reads of the case app: lists, timeline, deadlines and the inbox, with bounded queries."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from sanxiang.cases import services as svc
from sanxiang.cases.choices import CaseStatus, DeadlineStatus
from sanxiang.cases.selectors import (
    CaseFilters,
    case_approvals,
    case_balance_get,
    case_deadlines,
    case_get,
    case_list,
    case_stages,
    case_timeline,
    case_transitions,
    inbox,
)
from sanxiang.cases.stages import Stage
from sanxiang.cases.tests.factories import (
    BASE_DAY,
    CaseFactory,
    DeadlineFactory,
    PartyFactory,
    filed_case,
    lead,
)
from sanxiang.registry import models as m
from sanxiang.registry.tests import factories as rf

pytestmark = pytest.mark.django_db


def _many(agency, n):
    for i in range(n):
        case = CaseFactory.create(agency=agency, status=CaseStatus.FILED)
        PartyFactory.create(case=case)
        DeadlineFactory.create(case=case, due_on=BASE_DAY + datetime.timedelta(days=i))


def test_case_list_query_count_does_not_grow(django_assert_num_queries):
    agency = rf.AgencyFactory.create()
    user = rf.UserFactory.create(role=m.Role.OFFICER, agency=agency)
    _many(agency, 3)
    with django_assert_num_queries(1):
        rows = list(case_list(user=user))
        assert [str(row.agency) for row in rows]
    _many(agency, 12)
    with django_assert_num_queries(1):
        rows = list(case_list(user=user))
        assert len({row.agency.name for row in rows}) == 1
    assert len(rows) == 15
    assert rows[-1].next_due_on == BASE_DAY  # type: ignore[attr-defined]  # annotation


def test_case_list_filters(world):
    first = lead(world)
    second = lead(world)
    svc.party_add(
        case=second,
        data=svc.PartyData(
            kind="natural_person",
            name="赵六",
            other_id_document="E1234",
            birth_date=datetime.date(1990, 1, 1),
        ),
        actor=world.handler,
    )
    svc.case_assign_officers(case=first, officers=[world.officer_a], actor=world.handler)
    assert list(case_list(user=world.handler, filters=CaseFilters(query="赵六"))) == [second]
    mine = case_list(user=world.handler, filters=CaseFilters(assigned_to_me=True))
    assert list(mine) == [first]
    assert not case_list(user=world.handler, filters=CaseFilters(status="filed")).exists()


def test_case_get_prefetches_the_legal_basis(world, django_assert_num_queries):
    case = filed_case(world)
    detail = case_get(user=world.handler, case_id=case.pk)
    with django_assert_num_queries(0):
        basis = detail.legal_basis()
        assert basis[0].provision.law.title
        assert [p.name for p in detail.parties.all()] == []
        assert len(detail.case_officers.all()) == 2


def test_timeline_deadlines_approvals_and_stages(world):
    case = filed_case(world)
    timeline = case_timeline(user=world.handler, case_id=case.pk)
    assert timeline[0].action == "cases.lead_registered"
    assert timeline[-1].action == "cases.filed"
    assert timeline[-1].data["changes"]["status"] == ["lead", "filed"]
    running = case_deadlines(user=world.handler, case_id=case.pk)
    with translation.override("en"):
        assert [(d.rule, str(d.rule_label)) for d in running] == [
            ("LAW-APL-60", "Penalty decision")
        ]
    everything = case_deadlines(user=world.handler, case_id=case.pk, include_closed=True)
    assert {d.status for d in everything} == {DeadlineStatus.RUNNING, DeadlineStatus.MET}
    approvals = list(case_approvals(user=world.handler, case_id=case.pk))
    assert [(a.level, a.approver) for a in approvals] == [
        (1, world.handler),
        (2, world.department_head),
        (3, world.agency_head),
    ]
    stages = case_stages(user=world.handler, case_id=case.pk)
    assert stages[Stage.START] is True and stages[Stage.DECISION] is False
    assert case_balance_get(user=world.handler, case_id=case.pk).outstanding_fen == 0
    names = [t.name for t in case_transitions(user=world.handler, case_id=case.pk)]
    assert names == ["start_investigation"]


def test_inbox_lists_waiting_approvals_by_level_and_closest_deadlines(world):
    case = lead(world)
    svc.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    svc.case_submit_for_filing(
        case=case,
        power_item=world.power_item,
        facts="事实",
        violation_started_on=BASE_DAY,
        discovered_on=BASE_DAY,
        actor=world.handler,
    )
    head_box = inbox(user=world.department_head)
    assert [(a.case_id, a.level) for a in head_box.approvals] == [(case.pk, 2)]
    assert inbox(user=world.agency_head).approvals == []
    assert inbox(user=world.handler).approvals == []
    assert [d.case_id for d in inbox(user=world.handler).deadlines] == [case.pk]
    other = rf.UserFactory.create(role=m.Role.DEPARTMENT_HEAD)
    assert inbox(user=other).approvals == [] and inbox(user=other).deadlines == []


def test_inbox_query_count_is_bounded(world, django_assert_max_num_queries):
    _many(world.agency, 3)
    with django_assert_max_num_queries(2):
        first = inbox(user=world.handler)
    _many(world.agency, 12)
    with django_assert_max_num_queries(2):
        second = inbox(user=world.handler, limit=5)
    assert len(first.deadlines) == 3 and len(second.deadlines) == 5
    assert [d.due_on for d in second.deadlines] == sorted(d.due_on for d in second.deadlines)
