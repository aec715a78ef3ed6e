"""Investigation: recusal (LAW-APL-43), records (LAW-APL-42/55), preservation (LAW-APL-56)."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.cases import services as svc
from sanxiang.cases.choices import (
    CaseStatus,
    DeadlineKind,
    DeadlineStatus,
    PreservationStatus,
    RecordKind,
    RecusalApplicant,
    RecusalResult,
)
from sanxiang.cases.models import CaseEvent, Deadline, RecordOfficer
from sanxiang.cases.tests.factories import BASE_DAY, at, filed_case
from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.registry.tests import factories as rf

pytestmark = pytest.mark.django_db


def _record(world, case, officers, *, day=BASE_DAY):
    return svc.record_add(
        case=case,
        kind=RecordKind.INSPECTION,
        started_at=at(day),
        place="某超市",
        subject_name="张三",
        content="现场检查发现过期食品12箱。",
        officers=officers,
        actor=world.handler,
    )


def test_record_keeps_the_certificate_numbers_shown_law_apl_55(world):
    case = filed_case(world)
    record = _record(world, case, [world.officer_a, world.officer_b])
    shown = dict(
        RecordOfficer.objects.filter(record=record).values_list("officer", "certificate_number")
    )
    assert shown == {
        world.officer_a.pk: world.officer_a.certificates.get().number,
        world.officer_b.pk: world.officer_b.certificates.get().number,
    }
    case.refresh_from_db()
    assert case.status == CaseStatus.INVESTIGATING  # the first record starts the investigation
    # A renewed certificate later does not change the record (snapshot).
    world.officer_a.certificates.update(number="RENEWED")
    assert (
        RecordOfficer.objects.get(record=record, officer=world.officer_a).certificate_number
        != "RENEWED"
    )


def test_record_with_one_officer_is_refused_law_apl_42(world):
    case = filed_case(world)
    with pytest.raises(ApplicationError) as refusal:
        _record(world, case, [world.officer_a])
    assert refusal.value.extra["rule"] == "LAW-APL-42"


def test_record_by_an_officer_not_on_the_case_is_refused(world):
    case = filed_case(world)
    with pytest.raises(ApplicationError) as refusal:
        _record(world, case, [world.officer_a, world.outsider])
    assert refusal.value.code == "cases.officers.not_on_case"


def test_record_on_a_day_the_certificate_had_expired_is_refused_law_apl_42(world, clock):
    case = filed_case(world)
    world.officer_b.certificates.update(expires_on=datetime.date(2025, 3, 4))
    _record(world, case, [world.officer_a, world.officer_b], day=datetime.date(2025, 3, 4))
    with pytest.raises(ApplicationError) as refusal:
        _record(world, case, [world.officer_a, world.officer_b], day=datetime.date(2025, 3, 5))
    assert refusal.value.extra["rule"] == "LAW-APL-42"


def test_recusal_decided_by_the_agency_head_removes_the_officer_law_apl_43(world):
    case = filed_case(world)
    third = rf.OfficerFactory.create(agency=world.agency)
    rf.CertificateFactory.create(officer=third)
    svc.case_assign_officers(case=case, officers=[third], actor=world.handler)
    recusal = svc.recusal_apply(
        case=case,
        officer=world.officer_b,
        applicant=RecusalApplicant.PARTY,
        applicant_name="张三",
        reason="执法人员系当事人亲属",
        actor=world.handler,
    )
    # "决定作出之前，不停止调查": records can still be made while the recusal is pending.
    _record(world, case, [world.officer_a, world.officer_b])
    with pytest.raises(PermissionDeniedError):
        svc.recusal_decide(
            recusal=recusal, granted=True, reason="属实", actor=world.department_head
        )
    decided = svc.recusal_decide(
        recusal=recusal, granted=True, reason="属实", actor=world.agency_head
    )
    assert decided.result == RecusalResult.GRANTED
    assert decided.decided_by == world.agency_head
    link = case.case_officers.get(officer=world.officer_b)
    assert link.removed_on == BASE_DAY
    # The recused officer no longer counts for LAW-APL-42 and cannot come back.
    with pytest.raises(ApplicationError):
        _record(world, case, [world.officer_a, world.officer_b])
    _record(world, case, [world.officer_a, third])
    with pytest.raises(ApplicationError) as refusal:
        svc.case_assign_officers(case=case, officers=[world.officer_b], actor=world.handler)
    assert refusal.value.extra["rule"] == "LAW-APL-43"
    assert CaseEvent.objects.filter(case=case, action="cases.recusal_decided").exists()


def test_recusal_refused_keeps_the_officer(world):
    case = filed_case(world)
    recusal = svc.recusal_apply(
        case=case,
        officer=world.officer_b,
        applicant=RecusalApplicant.PARTY,
        reason="怀疑不公",
        actor=world.handler,
    )
    svc.recusal_decide(recusal=recusal, granted=False, reason="无法定事由", actor=world.agency_head)
    assert case.case_officers.get(officer=world.officer_b).removed_on is None


def test_preservation_has_a_seven_working_day_disposal_deadline_law_apl_56(world):
    case = filed_case(world)
    with pytest.raises(PermissionDeniedError):
        svc.preservation_start(
            case=case,
            items="过期食品12箱",
            started_on=BASE_DAY,
            approved_by=world.department_head,
            actor=world.handler,
        )
    preservation = svc.preservation_start(
        case=case,
        items="过期食品12箱",
        started_on=BASE_DAY,
        approved_by=world.agency_head,
        actor=world.handler,
    )
    assert preservation.disposal_due == datetime.date(2025, 3, 12)
    deadline = Deadline.objects.get(case=case, kind=DeadlineKind.PRESERVATION)
    assert (deadline.rule, deadline.due_on) == ("LAW-APL-56", datetime.date(2025, 3, 12))
    disposed = svc.preservation_dispose(
        preservation=preservation,
        disposed_on=datetime.date(2025, 3, 12),
        disposal="予以没收",
        actor=world.handler,
    )
    assert disposed.status == PreservationStatus.DISPOSED
    deadline.refresh_from_db()
    assert deadline.status == DeadlineStatus.MET


def test_overdue_preservation_lapses_and_cannot_be_disposed_samr_proc_35(world, clock):
    case = filed_case(world)
    preservation = svc.preservation_start(
        case=case,
        items="过期食品12箱",
        started_on=BASE_DAY,
        approved_by=world.agency_head,
        actor=world.handler,
    )
    with pytest.raises(ApplicationError) as refusal:
        svc.preservation_dispose(
            preservation=preservation,
            disposed_on=datetime.date(2025, 3, 13),
            disposal="予以没收",
            actor=world.handler,
        )
    assert refusal.value.extra["rule"] == "LAW-APL-56"
    assert svc.preservations_lapse_overdue(on=datetime.date(2025, 3, 12)) == 0
    assert svc.preservations_lapse_overdue(on=datetime.date(2025, 3, 13)) == 1
    preservation.refresh_from_db()
    assert preservation.status == PreservationStatus.LAPSED
    assert preservation.lapsed_on == datetime.date(2025, 3, 13)
    deadline = Deadline.objects.get(case=case, kind=DeadlineKind.PRESERVATION)
    assert deadline.status == DeadlineStatus.MISSED
    event = CaseEvent.objects.get(case=case, action="cases.preservation_lapsed")
    assert event.actor is None


def test_deadline_sweep_marks_agency_deadlines_missed(world):
    case = filed_case(world)
    svc.deadlines_sweep(on=datetime.date(2025, 6, 4))
    deadline = Deadline.objects.get(case=case, kind=DeadlineKind.DECISION)
    assert deadline.status == DeadlineStatus.MISSED
    assert CaseEvent.objects.filter(case=case, action="cases.deadline_missed").count() == 1
