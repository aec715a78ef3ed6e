"""Factories for case tests: model factories for reads, and `World` + helpers that walk a case
through the real services (STYLE 10: tests go through the entry points)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import factory

from sanxiang.cases import models as cm
from sanxiang.cases import services as svc
from sanxiang.cases.choices import (
    ApprovalResult,
    CaseStatus,
    DeadlineKind,
    LeadSource,
    PartyKind,
    RecordKind,
)
from sanxiang.registry import models as m
from sanxiang.registry.tests import factories as rf

BASE_DAY = datetime.date(2025, 3, 3)  # a Monday with no holiday in the following weeks
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    """An aware datetime on `day` in Asia/Shanghai."""
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)


class CaseFactory(factory.django.DjangoModelFactory[cm.Case]):
    """A bare case row (for reads and access tests); writes go through the services."""

    class Meta:
        model = cm.Case

    agency = factory.SubFactory(rf.AgencyFactory)
    title = factory.Sequence(lambda n: f"测试案件{n}")
    status = CaseStatus.LEAD
    lead_source = LeadSource.INSPECTION
    received_on = BASE_DAY


class PartyFactory(factory.django.DjangoModelFactory[cm.Party]):
    class Meta:
        model = cm.Party

    case = factory.SubFactory(CaseFactory)
    kind = PartyKind.NATURAL_PERSON
    name = factory.Sequence(lambda n: f"当事人{n}")
    id_number = factory.Sequence(lambda n: rf.make_resident_id(n + 500))
    birth_date = datetime.date(1985, 3, 12)


class DeadlineFactory(factory.django.DjangoModelFactory[cm.Deadline]):
    class Meta:
        model = cm.Deadline

    case = factory.SubFactory(CaseFactory)
    kind = DeadlineKind.LEAD_FILING
    rule = "SAMR-PROC-18"
    label = "Decision whether to file the lead"
    started_on = BASE_DAY
    due_on = BASE_DAY + datetime.timedelta(days=21)


@dataclass
class World:
    """One agency with a department, two certified officers with accounts, the heads, an
    officer who never investigates (to preside a hearing) and a penalty power item whose
    discretion standard has a 1,000–5,000元 tier."""

    agency: m.Agency
    department: m.Department
    handler: m.User
    partner: m.User
    officer_a: m.Officer
    officer_b: m.Officer
    outsider: m.Officer
    department_head: m.User
    agency_head: m.User
    power_item: m.PowerItem
    standard: m.DiscretionStandard
    tier: m.DiscretionTier


def _officer_with_account(agency: m.Agency, department: m.Department) -> tuple[m.User, m.Officer]:
    user = rf.UserFactory.create(role=m.Role.OFFICER, agency=agency, department=department)
    officer = rf.OfficerFactory.create(agency=agency, department=department, user=user)
    rf.CertificateFactory.create(officer=officer)
    return user, officer


def make_world(**policy: Any) -> World:
    """A `World`; keyword arguments create the agency's `CasePolicy` with those values."""
    agency = rf.AgencyFactory.create(short_name="津市监")
    department = rf.DepartmentFactory.create(agency=agency)
    handler, officer_a = _officer_with_account(agency, department)
    partner, officer_b = _officer_with_account(agency, department)
    outsider = rf.OfficerFactory.create(agency=agency)
    rf.CertificateFactory.create(officer=outsider)
    item = rf.PowerItemFactory.create(agency=agency)
    rf.PowerItemBasisFactory.create(power_item=item)
    standard = rf.DiscretionStandardFactory.create(power_item=item)
    tier = rf.DiscretionTierFactory.create(
        standard=standard, fine_min_fen=100_000, fine_max_fen=500_000
    )
    if policy:
        cm.CasePolicy.objects.create(agency=agency, **policy)
    return World(
        agency=agency,
        department=department,
        handler=handler,
        partner=partner,
        officer_a=officer_a,
        officer_b=officer_b,
        outsider=outsider,
        department_head=rf.UserFactory.create(
            role=m.Role.DEPARTMENT_HEAD, agency=agency, department=department
        ),
        agency_head=rf.UserFactory.create(role=m.Role.AGENCY_HEAD, agency=agency),
        power_item=item,
        standard=standard,
        tier=tier,
    )


def approve_pending(world: World, case: cm.Case, *, opinion: str = "同意") -> None:
    """Let the department head and then the agency head approve whatever waits for them."""
    for user in (world.department_head, world.agency_head):
        for row in cm.Approval.objects.filter(case=case, result=ApprovalResult.PENDING):
            if (row.level == 2 and user is world.department_head) or (
                row.level == 3 and user is world.agency_head
            ):
                svc.approval_decide(approval=row, approve=True, opinion=opinion, actor=user)


def reject_pending(world: World, case: cm.Case, *, opinion: str = "请修改后重新提交。") -> None:
    """Let the head whose level waits refuse it, which ends the round (the draft goes back)."""
    for row in cm.Approval.objects.filter(case=case, result=ApprovalResult.PENDING):
        user = world.department_head if row.level == 2 else world.agency_head
        svc.approval_decide(approval=row, approve=False, opinion=opinion, actor=user)
        return


def person(**overrides: Any) -> svc.PartyData:
    values: dict[str, Any] = {
        "kind": PartyKind.NATURAL_PERSON,
        "name": "张三",
        "id_number": rf.make_resident_id(7, birth="19850312"),
        "address": "天津市和平区南京路1号",
    }
    values.update(overrides)
    return svc.PartyData(**values)


def company(**overrides: Any) -> svc.PartyData:
    values: dict[str, Any] = {
        "kind": PartyKind.ORGANISATION,
        "name": "天津某某商贸有限公司",
        "credit_code": rf.make_credit_code(4242, prefix="91"),
        "legal_representative": "李四",
    }
    values.update(overrides)
    return svc.PartyData(**values)


def lead(world: World, *, received_on: datetime.date = BASE_DAY) -> cm.Case:
    return svc.lead_register(
        title="某超市销售过期食品",
        lead_source=LeadSource.COMPLAINT,
        received_on=received_on,
        lead_summary="群众投诉某超市销售过期食品。",
        reporter_name="王五",
        reporter_contact="13900000000",
        actor=world.handler,
    )


def filed_case(
    world: World,
    *,
    received_on: datetime.date = BASE_DAY,
    violation_started_on: datetime.date = datetime.date(2025, 2, 20),
    **filing: Any,
) -> cm.Case:
    """A lead filed through the services (the filing approval granted at every level)."""
    case = lead(world, received_on=received_on)
    svc.case_assign_officers(
        case=case,
        officers=[world.officer_a, world.officer_b],
        lead=world.officer_a,
        actor=world.handler,
    )
    svc.case_submit_for_filing(
        case=case,
        power_item=world.power_item,
        facts="经查，当事人销售超过保质期的食品。",
        violation_started_on=violation_started_on,
        discovered_on=received_on,
        opinion="建议立案",
        actor=world.handler,
        **filing,
    )
    approve_pending(world, case)
    case.refresh_from_db()
    return case


def investigated_case(
    world: World, *, party: svc.PartyData | None = None, **filing: Any
) -> cm.Case:
    """A filed case with a party and an inquiry record, investigation concluded."""
    case = filed_case(world, **filing)
    svc.party_add(case=case, data=party or person(), actor=world.handler)
    svc.record_add(
        case=case,
        kind=RecordKind.INQUIRY,
        started_at=at(case.filed_on or BASE_DAY),
        place="和平区市场监管所",
        subject_name="张三",
        content="问：你是否销售了过期食品？答：是的。",
        officers=[world.officer_a, world.officer_b],
        actor=world.handler,
    )
    return svc.case_transition(case=case, transition="end_investigation", actor=world.handler)


def notified_case(
    world: World,
    *,
    fine_fen: int = 300_000,
    penalty_types: tuple[str, ...] = ("fine",),
    served_on: datetime.date | None = None,
    party: svc.PartyData | None = None,
    **filing: Any,
) -> cm.Case:
    """An investigated case whose notice was approved and served."""
    case = investigated_case(world, party=party, **filing)
    svc.notice_draft(
        case=case,
        penalty_types=penalty_types,
        fine_fen=fine_fen,
        content="拟处罚款。",
        opinion="建议告知",
        actor=world.handler,
    )
    approve_pending(world, case)
    svc.notice_serve(case=case, served_on=served_on or BASE_DAY, actor=world.handler)
    case.refresh_from_db()
    return case


def decide(world: World, case: cm.Case, *, approve: bool = True, **decision: Any) -> cm.Case:
    """Draft a decision (default: the 3000元 fine in the world's tier) and approve it."""
    values: dict[str, Any] = {
        "outcome": "penalty",
        "penalty_types": ("fine",),
        "fine_fen": 300_000,
        "discretion_tier": world.tier,
        "reasons": "依据相关规定。",
    }
    values.update(decision)
    svc.decision_make(case=case, actor=world.handler, **values)
    if approve:
        approve_pending(world, case)
    case.refresh_from_db()
    return case
