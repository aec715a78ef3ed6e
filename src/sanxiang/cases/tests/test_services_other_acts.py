"""Other act types (GUO-118-01, GUO-118-06a) and seizure (LAW-ACL-18, LAW-ACL-25)."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.cases import services as svc
from sanxiang.cases.choices import (
    ActResultKind,
    CaseStatus,
    DeadlineKind,
    DeadlineStatus,
    RecordKind,
    SeizureKind,
    SeizureStatus,
)
from sanxiang.cases.models import CaseEvent, Deadline
from sanxiang.cases.tests.factories import BASE_DAY, at
from sanxiang.core.errors import ApplicationError
from sanxiang.evidence.tests.factories import attach_video
from sanxiang.registry.models import ActType

pytestmark = pytest.mark.django_db


def _act(world, act_type):
    case = svc.act_register(act_type=act_type, title="对某企业的检查", actor=world.handler)
    svc.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    return case


def test_inspection_lifecycle_to_archive(world):
    case = _act(world, ActType.INSPECTION)
    assert case.status == CaseStatus.REGISTERED
    record = svc.record_add(
        case=case,
        kind=RecordKind.INSPECTION,
        started_at=at(BASE_DAY),
        place="某企业生产车间",
        subject_name="企业负责人",
        content="检查未发现问题。",
        officers=[world.officer_a, world.officer_b],
        actor=world.handler,
    )
    svc.act_progress(case=case, actor=world.handler)
    with pytest.raises(ApplicationError):
        svc.act_decide(
            case=case,
            result=ActResultKind.COMPLIANT,
            text="未发现问题",
            amount_fen=100,
            actor=world.handler,
        )
    decided = svc.act_decide(
        case=case, result=ActResultKind.COMPLIANT, text="未发现问题", actor=world.handler
    )
    assert decided.status == CaseStatus.DECIDED
    # GUO-118-08: the on-site inspection needs its video (or a reason) before closing.
    attach_video(case, actor=world.handler, act=record)
    closed = svc.act_close(case=case, actor=world.handler)
    assert closed.status == CaseStatus.CLOSED
    assert svc.case_archive(case=case, actor=world.handler).status == CaseStatus.ARCHIVED
    actions = list(CaseEvent.objects.filter(case=case).values_list("action", flat=True))
    assert actions[0] == "cases.act_registered"
    # Archiving binds the case file in the same move (一案一卷, SAMR-PROC-78).
    assert actions[-2:] == ["cases.archived", "documents.case_file_built"]


def test_penalty_cannot_be_registered_as_another_act(world):
    with pytest.raises(ApplicationError) as refusal:
        svc.act_register(act_type=ActType.PENALTY, title="x", actor=world.handler)
    assert refusal.value.extra["rule"] == "GUO-118-01"


def test_coercion_needs_two_certified_officers_law_acl_18(world):
    case = svc.act_register(act_type=ActType.COERCION, title="扣押", actor=world.handler)
    with pytest.raises(ApplicationError) as refusal:
        svc.act_progress(case=case, actor=world.handler)
    assert refusal.value.extra["rule"] == "LAW-APL-42"


def test_seizure_lasts_30_days_plus_one_30_day_extension_law_acl_25(world, clock):
    case = _act(world, ActType.COERCION)
    svc.act_progress(case=case, actor=world.handler)
    with pytest.raises(ApplicationError):
        svc.seizure_start(
            case=case,
            kind=SeizureKind.SEIZE,
            items="涉案设备3台",
            started_on=BASE_DAY,
            approved_by=world.department_head,
            actor=world.handler,
        )
    seizure = svc.seizure_start(
        case=case,
        kind=SeizureKind.SEIZE,
        items="涉案设备3台",
        started_on=BASE_DAY,
        approved_by=world.agency_head,
        actor=world.handler,
    )
    assert seizure.expires_on == datetime.date(2025, 4, 2)
    deadline = Deadline.objects.get(case=case, kind=DeadlineKind.SEIZURE)
    assert (deadline.rule, deadline.due_on) == ("LAW-ACL-25", datetime.date(2025, 4, 2))
    extended = svc.seizure_extend(
        seizure=seizure,
        reason="情况复杂，需进一步鉴定",
        approved_by=world.agency_head,
        on=datetime.date(2025, 4, 1),
        actor=world.handler,
    )
    assert extended.expires_on == datetime.date(2025, 5, 2)
    deadline.refresh_from_db()
    assert deadline.due_on == datetime.date(2025, 5, 2)
    with pytest.raises(ApplicationError) as twice:
        svc.seizure_extend(
            seizure=seizure, reason="再延长", approved_by=world.agency_head, actor=world.handler
        )
    assert twice.value.extra["rule"] == "LAW-ACL-25"
    svc.act_decide(
        case=case, result=ActResultKind.MEASURE_TAKEN, text="依法扣押", actor=world.handler
    )
    with pytest.raises(ApplicationError) as in_force:
        svc.act_close(case=case, actor=world.handler)
    assert in_force.value.code == "cases.close.measure_in_force"
    ended = svc.seizure_release(
        seizure=seizure,
        ended_on=datetime.date(2025, 4, 20),
        reason="鉴定完毕，解除扣押",
        actor=world.handler,
    )
    assert ended.status == SeizureStatus.RELEASED
    deadline.refresh_from_db()
    assert deadline.status == DeadlineStatus.MET
    # GUO-118-08: the seizure and the measure need continuous video before closing.
    attach_video(case, actor=world.handler, act=seizure)
    attach_video(case, actor=world.handler, act=case)
    assert svc.act_close(case=case, actor=world.handler).status == CaseStatus.CLOSED


def test_extension_after_expiry_is_refused_law_acl_25(world):
    case = _act(world, ActType.COERCION)
    seizure = svc.seizure_start(
        case=case,
        kind=SeizureKind.SEAL,
        items="仓库一间",
        started_on=BASE_DAY,
        approved_by=world.agency_head,
        actor=world.handler,
    )
    with pytest.raises(ApplicationError):
        svc.seizure_extend(
            seizure=seizure,
            reason="复杂",
            approved_by=world.agency_head,
            on=datetime.date(2025, 4, 3),
            actor=world.handler,
        )


def test_levy_records_its_amount(world):
    case = _act(world, ActType.LEVY)
    svc.act_progress(case=case, actor=world.handler)
    svc.act_decide(
        case=case,
        result=ActResultKind.LEVIED,
        text="征收城市基础设施配套费",
        amount_fen=1_234_500,
        actor=world.handler,
    )
    assert case.act_result.amount_fen == 1_234_500
