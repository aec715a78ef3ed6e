"""Three-level approval (三级审批) per `CasePolicy`: order, who/when/opinion, rejection."""

from __future__ import annotations

import pytest

from sanxiang.cases import services as svc
from sanxiang.cases.choices import ApprovalResult, ApprovalStep, CaseStatus
from sanxiang.cases.models import Approval, Case, CaseEvent
from sanxiang.cases.tests.factories import BASE_DAY, lead, make_world
from sanxiang.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from sanxiang.registry import models as m
from sanxiang.registry.tests import factories as rf

pytestmark = pytest.mark.django_db


def _submitted(world):
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
        opinion="建议立案",
        actor=world.handler,
    )
    return case


def _waiting(case):
    return list(Approval.objects.filter(case=case, result=ApprovalResult.PENDING))


def test_levels_approve_in_order_and_the_last_one_files(world):
    case = _submitted(world)
    rows = list(Approval.objects.filter(case=case).order_by("level"))
    # Level 1 is the handler's submission with the opinion; level 2 waits; level 3 not yet.
    assert [(r.level, r.result) for r in rows] == [(1, "approved"), (2, "pending")]
    assert rows[0].approver == world.handler and rows[0].opinion == "建议立案"
    with pytest.raises(PermissionDeniedError):
        svc.approval_decide(approval=rows[1], approve=True, actor=world.agency_head)
    second = svc.approval_decide(
        approval=rows[1], approve=True, opinion="同意立案", actor=world.department_head
    )
    assert second.approver == world.department_head and second.decided_at is not None
    assert Case.objects.get(pk=case.pk).status == CaseStatus.LEAD
    (third,) = _waiting(case)
    assert third.level == 3
    svc.approval_decide(approval=third, approve=True, opinion="同意", actor=world.agency_head)
    case.refresh_from_db()
    assert case.status == CaseStatus.FILED
    actions = list(CaseEvent.objects.filter(case=case).values_list("action", flat=True))
    assert actions[-4:] == [
        "cases.approval_submitted",
        "cases.approval_granted",
        "cases.approval_granted",
        "cases.filed",
    ]
    filed = CaseEvent.objects.get(case=case, action="cases.filed")
    assert filed.actor == world.agency_head


def test_rejection_returns_the_case_and_a_resubmission_opens_a_new_round(world):
    case = _submitted(world)
    (row,) = _waiting(case)
    with pytest.raises(ApplicationError) as refusal:
        svc.approval_decide(approval=row, approve=False, actor=world.department_head)
    assert refusal.value.code == "approval.opinion_required"
    svc.approval_decide(
        approval=row, approve=False, opinion="证据不足", actor=world.department_head
    )
    assert _waiting(case) == []
    assert Case.objects.get(pk=case.pk).status == CaseStatus.LEAD
    assert CaseEvent.objects.filter(case=case, action="cases.approval_rejected").exists()
    rows = svc.approval_submit(
        case=case, step=ApprovalStep.FILING, opinion="已补充", actor=world.handler
    )
    assert {r.round for r in rows} == {2}


def test_only_a_handler_submits_and_only_one_round_is_open(world):
    case = _submitted(world)
    with pytest.raises(PermissionDeniedError):
        svc.approval_submit(case=case, step=ApprovalStep.FILING, actor=world.department_head)
    with pytest.raises(ApplicationError) as refusal:
        svc.approval_submit(case=case, step=ApprovalStep.FILING, actor=world.handler)
    assert refusal.value.code == "approval.round_open"


def test_a_head_handling_the_case_cannot_approve_it_samr_proc_49(world):
    case = _submitted(world)
    head_officer = rf.OfficerFactory.create(agency=world.agency, user=world.department_head)
    rf.CertificateFactory.create(officer=head_officer)
    svc.case_assign_officers(case=case, officers=[head_officer], actor=world.handler)
    (row,) = _waiting(case)
    with pytest.raises(PermissionDeniedError) as refusal:
        svc.approval_decide(approval=row, approve=True, actor=world.department_head)
    assert refusal.value.code == "approval.own_case"


def test_department_head_of_another_department_cannot_approve(world):
    case = _submitted(world)
    other = rf.UserFactory.create(
        role=m.Role.DEPARTMENT_HEAD,
        agency=world.agency,
        department=rf.DepartmentFactory.create(agency=world.agency),
    )
    (row,) = _waiting(case)
    # The other department's head does not even see the case.
    with pytest.raises(NotFoundError):
        svc.approval_decide(approval=row, approve=True, actor=other)


def test_policy_without_levels_files_at_submission(clock, db):
    world = make_world(filing_levels=[])
    case = _submitted(world)
    case.refresh_from_db()
    assert case.status == CaseStatus.FILED
    assert not Approval.objects.filter(case=case).exists()


def test_policy_parallel_levels_wait_together(clock, db):
    world = make_world(filing_levels=[2, 3], approval_is_sequential=False)
    case = _submitted(world)
    levels = sorted(row.level for row in _waiting(case))
    assert levels == [2, 3]
    rows = {row.level: row for row in _waiting(case)}
    svc.approval_decide(approval=rows[3], approve=True, actor=world.agency_head)
    assert Case.objects.get(pk=case.pk).status == CaseStatus.LEAD
    svc.approval_decide(approval=rows[2], approve=True, actor=world.department_head)
    assert Case.objects.get(pk=case.pk).status == CaseStatus.FILED


def test_a_refusal_at_the_last_level_cancels_nothing_else_and_keeps_the_lead(clock, db):
    world = make_world(filing_levels=[2, 3], approval_is_sequential=False)
    case = _submitted(world)
    rows = {row.level: row for row in _waiting(case)}
    svc.approval_decide(approval=rows[3], approve=False, opinion="不同意", actor=world.agency_head)
    rows[2].refresh_from_db()
    assert rows[2].result == ApprovalResult.CANCELLED
