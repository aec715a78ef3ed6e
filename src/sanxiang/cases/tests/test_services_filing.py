"""Lead to filed case: SAMR-PROC-18/19/20, LAW-APL-36, LAW-APL-42, numbering (STD-9704-7.2.5)."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.cases import services as svc
from sanxiang.cases.choices import (
    ApprovalResult,
    CaseStatus,
    DeadlineKind,
    DeadlineStatus,
    DeclineReason,
)
from sanxiang.cases.models import Approval, Case, CaseEvent, Deadline
from sanxiang.cases.tests.factories import BASE_DAY, approve_pending, filed_case, lead
from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.registry import models as m
from sanxiang.registry.tests import factories as rf

pytestmark = pytest.mark.django_db


def _submit(world, case, **overrides):
    values = {
        "case": case,
        "power_item": world.power_item,
        "facts": "经查，当事人销售过期食品。",
        "violation_started_on": datetime.date(2025, 2, 20),
        "discovered_on": BASE_DAY,
        "actor": world.handler,
    }
    values.update(overrides)
    return svc.case_submit_for_filing(**values)


def test_lead_register_opens_the_samr_proc_18_deadline(world):
    case = lead(world)
    assert case.status == CaseStatus.LEAD
    assert case.agency == world.agency and case.department == world.department
    deadline = Deadline.objects.get(case=case, kind=DeadlineKind.LEAD_FILING)
    # SAMR-PROC-18: 15 working days after 2025-03-03 (no holiday in between).
    assert deadline.due_on == datetime.date(2025, 3, 24)
    assert deadline.rule == "SAMR-PROC-18"
    assert CaseEvent.objects.get(case=case).action == "cases.lead_registered"


def test_lead_deadline_follows_the_agency_policy(clock, db):
    from sanxiang.cases.tests.factories import make_world

    world = make_world(lead_filing_days=10)
    case = lead(world)
    assert Deadline.objects.get(case=case).due_on == datetime.date(2025, 3, 17)


def test_filing_numbers_the_case_and_starts_the_90_day_clock(world):
    first = filed_case(world)
    second = filed_case(world)
    # STD-9704-7.2.5: agency abbreviation + 立, full year in 〔〕, no leading zeros.
    assert first.case_number == "津市监立〔2025〕1号"
    assert second.case_number == "津市监立〔2025〕2号"
    assert first.status == CaseStatus.FILED
    assert first.filed_on == BASE_DAY
    filed = CaseEvent.objects.get(case=first, action="cases.filed")
    assert filed.data["changes"] == {
        "case_number": ["", "津市监立〔2025〕1号"],
        "filed_on": [None, "2025-03-03"],
        "status": ["lead", "filed"],
    }
    lead_deadline = Deadline.objects.get(case=first, kind=DeadlineKind.LEAD_FILING)
    assert lead_deadline.status == DeadlineStatus.MET
    decision = Deadline.objects.get(case=first, kind=DeadlineKind.DECISION)
    # LAW-APL-60: 90 calendar days after 2025-03-03 is Sunday 2025-06-01, inside the Dragon
    # Boat holiday (05-31 to 06-02), so the period ends on Tuesday 06-03 (CNT-SAMR-80).
    assert (decision.rule, decision.due_on) == ("LAW-APL-60", datetime.date(2025, 6, 3))


def test_filing_exposes_basis_and_discretion_standard(world):
    case = filed_case(world)
    assert case.discretion_standard == world.standard
    assert [link.power_item_id for link in case.legal_basis()] == [world.power_item.pk]
    assert case.limitation_until == datetime.date(2027, 2, 20)


def test_law_apl_42_one_officer_is_refused(world):
    case = lead(world)
    svc.case_assign_officers(case=case, officers=[world.officer_a], actor=world.handler)
    with pytest.raises(ApplicationError) as refusal:
        _submit(world, case)
    assert refusal.value.code == "rules.officers.too_few_certified"
    assert refusal.value.extra["rule"] == "LAW-APL-42"
    assert not Approval.objects.filter(case=case).exists()


@pytest.mark.parametrize("problem", ["expired", "suspended"])
def test_law_apl_42_invalid_certificate_on_the_act_date_is_refused(world, problem):
    case = lead(world)
    svc.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    certificate = world.officer_b.certificates.get()
    if problem == "expired":
        certificate.expires_on = BASE_DAY - datetime.timedelta(days=1)
    else:
        certificate.status = m.CertificateStatus.SUSPENDED
    certificate.save()
    with pytest.raises(ApplicationError) as refusal:
        _submit(world, case)
    assert refusal.value.extra["rule"] == "LAW-APL-42"
    assert refusal.value.extra["invalid"][0]["officer_id"] == world.officer_b.pk


def test_law_apl_42_certificate_expiring_before_the_final_approval_blocks_filing(world, clock):
    case = lead(world)
    svc.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    certificate = world.officer_b.certificates.get()
    certificate.expires_on = BASE_DAY
    certificate.save()
    _submit(world, case)
    clock.go(BASE_DAY + datetime.timedelta(days=1))
    with pytest.raises(ApplicationError) as refusal:
        approve_pending(world, case)
    assert refusal.value.extra["rule"] == "LAW-APL-42"
    assert Case.objects.get(pk=case.pk).status == CaseStatus.LEAD


def test_law_apl_36_limitation_refuses_late_discovery(world):
    case = lead(world)
    svc.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    with pytest.raises(ApplicationError) as refusal:
        _submit(world, case, violation_started_on=datetime.date(2023, 3, 2))
    assert refusal.value.code == "rules.limitation.expired"
    assert refusal.value.extra["rule"] == "LAW-APL-36"
    # Within two years (the last day included) is fine.
    _submit(world, case, violation_started_on=datetime.date(2023, 3, 3))


def test_law_apl_36_five_years_and_a_cited_override(world):
    case = lead(world)
    svc.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    filed = _submit(
        world,
        case,
        violation_started_on=datetime.date(2021, 8, 1),
        five_year_limitation=True,
    )
    assert filed.limitation_until == datetime.date(2026, 8, 1)
    other = lead(world)
    svc.case_assign_officers(
        case=other, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    submitted = _submit(
        world,
        other,
        violation_started_on=datetime.date(2020, 1, 1),
        limitation_override_basis="《中华人民共和国税收征收管理法》第八十六条",
    )
    assert submitted.limitation_override_basis.startswith("《中华人民共和国税收征收管理法》")


def test_power_item_of_another_agency_is_refused(world):
    case = lead(world)
    svc.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    with pytest.raises(ApplicationError) as refusal:
        _submit(world, case, power_item=rf.PowerItemFactory.create())
    assert refusal.value.extra["rule"] == "SAMR-PROC-19"


def test_decline_needs_a_head_and_a_reason_samr_proc_20(world):
    case = lead(world)
    with pytest.raises(PermissionDeniedError):
        svc.case_decline(case=case, reason=DeclineReason.NO_VIOLATION, actor=world.handler)
    declined = svc.case_decline(
        case=case,
        reason=DeclineReason.NO_VIOLATION,
        note="经核查无违法事实",
        actor=world.department_head,
    )
    assert declined.status == CaseStatus.DECLINED
    assert Deadline.objects.get(case=case).status == DeadlineStatus.MET
    assert CaseEvent.objects.filter(case=case, action="cases.declined").exists()


def test_lead_extension_once_with_approval_samr_proc_18(world):
    case = lead(world)
    svc.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    extension = svc.lead_extend(case=case, reason="需检验", actor=world.handler)
    assert extension.status == ApprovalResult.PENDING
    approve_pending(world, case)
    extension.refresh_from_db()
    assert extension.status == ApprovalResult.APPROVED
    # 30 working days after 2025-03-03: Qingming (04-04) is a holiday.
    assert Deadline.objects.get(case=case).due_on == datetime.date(2025, 4, 15)
    with pytest.raises(ApplicationError) as refusal:
        svc.lead_extend(case=case, reason="再次延长", actor=world.handler)
    assert refusal.value.extra["rule"] == "SAMR-PROC-18"


def test_update_facts_bumps_the_revision_and_records_old_and_new(world):
    case = lead(world)
    updated = svc.case_update_facts(case=case, title="新标题", actor=world.handler)
    assert updated.revision == case.revision + 1
    event = CaseEvent.objects.filter(case=case, action="cases.updated").get()
    assert event.data["changes"]["title"] == ["某超市销售过期食品", "新标题"]
