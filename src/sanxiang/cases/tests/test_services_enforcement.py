"""Delivery (LAW-APL-61), payment and late fee (LAW-APL-66/67/72/73), closing (SAMR-PROC-77)
and archiving with the six recorded stages (LAW-APL-47)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from sanxiang.cases import services as svc
from sanxiang.cases.balances import case_balance, case_late_fee
from sanxiang.cases.choices import (
    CaseStatus,
    DeadlineKind,
    DeadlineStatus,
    DecisionOutcome,
    DeliveredDocument,
    DeliveryMethod,
    ExecutionKind,
    NoPenaltyReason,
    PaymentChannel,
    PaymentPlanKind,
    RemedyKind,
)
from sanxiang.cases.models import Case, CaseEvent, Deadline
from sanxiang.cases.stages import Stage, missing_stages
from sanxiang.cases.tests.factories import (
    BASE_DAY,
    approve_pending,
    decide,
    filed_case,
    investigated_case,
    notified_case,
    person,
)
from sanxiang.core.errors import ApplicationError
from sanxiang.evidence.tests.factories import attach_video

pytestmark = pytest.mark.django_db
DECIDED_ON = datetime.date(2025, 3, 4)
DELIVERED_ON = datetime.date(2025, 3, 11)
PAY_BY = datetime.date(2025, 3, 26)  # LAW-APL-67: 15 days after receipt
NO_PENALTY: dict[str, Any] = {"penalty_types": (), "fine_fen": 0, "discretion_tier": None}


def _decided(world, clock, *, fine_fen=100_000):
    """A 1,000元 fine decided on 2025-03-04 after a waiver."""
    case = notified_case(world, fine_fen=fine_fen)
    clock.go(DECIDED_ON)
    svc.statement_waive(case=case, waived_on=DECIDED_ON, note="书面放弃", actor=world.handler)
    return decide(world, case, fine_fen=fine_fen)


def _deliver(world, case, clock, **overrides):
    clock.go(DELIVERED_ON)
    values = {
        "case": case,
        "method": DeliveryMethod.DIRECT,
        "recipient": "张三",
        "delivered_on": DELIVERED_ON,
        "proof": "送达回证第1号",
        "actor": world.handler,
    }
    values.update(overrides)
    return svc.delivery_record(**values)


def test_delivery_deadline_and_payment_due_law_apl_61_67(world, clock):
    case = _decided(world, clock)
    delivery = Deadline.objects.get(case=case, kind=DeadlineKind.DELIVERY)
    assert (delivery.rule, delivery.due_on) == ("LAW-APL-61", datetime.date(2025, 3, 13))
    _deliver(world, case, clock)
    case.refresh_from_db()
    assert case.status == CaseStatus.ENFORCING
    delivery.refresh_from_db()
    assert delivery.status == DeadlineStatus.MET
    payment = Deadline.objects.get(case=case, kind=DeadlineKind.PAYMENT)
    assert (payment.rule, payment.due_on) == ("LAW-APL-67", PAY_BY)


def test_electronic_delivery_without_consent_is_refused_law_apl_61(world, clock):
    case = _decided(world, clock)
    with pytest.raises(ApplicationError) as refusal:
        _deliver(world, case, clock, method=DeliveryMethod.ELECTRONIC)
    assert refusal.value.code == "cases.delivery.no_consent"
    assert refusal.value.extra["rule"] == "LAW-APL-61"
    svc.electronic_consent_record(
        party=case.parties.get(),
        signed_on=BASE_DAY,
        channel="email",
        address="zhangsan@example.com",
        actor=world.handler,
    )
    delivery = _deliver(world, case, clock, method=DeliveryMethod.ELECTRONIC)
    assert delivery.consent is not None


def test_public_notice_counts_after_30_days_samr_proc_83(world, clock):
    case = _decided(world, clock)
    with pytest.raises(ApplicationError) as early:
        _deliver(world, case, clock, method=DeliveryMethod.PUBLIC_NOTICE, posted_on=DELIVERED_ON)
    assert early.value.code == "cases.delivery.in_future"
    clock.go(datetime.date(2025, 4, 10))
    delivery = svc.delivery_record(
        case=case,
        method=DeliveryMethod.PUBLIC_NOTICE,
        recipient="张三",
        posted_on=DELIVERED_ON,
        proof="公告张贴照片",
        actor=world.handler,
    )
    assert delivery.delivered_on == datetime.date(2025, 4, 10)


def test_late_fee_three_percent_a_day_capped_law_apl_72(world, clock):
    case = _decided(world, clock)
    _deliver(world, case, clock)
    assert case_late_fee(case, PAY_BY) == 0
    assert case_late_fee(case, PAY_BY + datetime.timedelta(days=10)) == 30_000  # 300元
    assert case_late_fee(case, PAY_BY + datetime.timedelta(days=40)) == 100_000  # capped


def test_late_fee_pauses_during_reconsideration_law_apl_73(world, clock):
    case = _decided(world, clock)
    _deliver(world, case, clock)
    pause = svc.remedy_pause_start(
        case=case,
        kind=RemedyKind.RECONSIDERATION,
        started_on=PAY_BY + datetime.timedelta(days=1),
        reference="津复〔2025〕3号",
        actor=world.handler,
    )
    svc.remedy_pause_stop(
        pause=pause, ended_on=PAY_BY + datetime.timedelta(days=10), actor=world.handler
    )
    assert case_late_fee(case, PAY_BY + datetime.timedelta(days=10)) == 0
    assert case_late_fee(case, PAY_BY + datetime.timedelta(days=20)) == 30_000


def test_instalments_move_the_surcharge_to_the_end_of_the_plan_law_apl_66(world, clock):
    case = _decided(world, clock)
    _deliver(world, case, clock)
    plan_end = datetime.date(2025, 5, 12)
    instalments = [(datetime.date(2025, 4, 10), 50_000), (plan_end, 50_000)]
    common = {"case": case, "kind": PaymentPlanKind.INSTALMENTS, "applied_on": DELIVERED_ON}
    with pytest.raises(ApplicationError) as wrong:
        svc.payment_plan_approve(
            reason="经营困难",
            instalments=[(plan_end, 40_000)],
            actor=world.agency_head,
            **common,
        )
    assert wrong.value.extra["rule"] == "LAW-APL-66"
    with pytest.raises(ApplicationError):
        svc.payment_plan_approve(
            reason="经营困难", instalments=instalments, actor=world.handler, **common
        )
    svc.payment_plan_approve(
        reason="经营困难", instalments=instalments, actor=world.agency_head, **common
    )
    assert Deadline.objects.get(case=case, kind=DeadlineKind.PAYMENT).due_on == plan_end
    assert case_late_fee(case, plan_end) == 0
    assert case_late_fee(case, plan_end + datetime.timedelta(days=10)) == 30_000


def test_payment_in_full_closes_and_archives_with_all_six_stages(world, clock):
    case = _decided(world, clock)
    _deliver(world, case, clock)
    with pytest.raises(ApplicationError) as not_paid:
        svc.case_close(case=case, summary="结案", actor=world.handler)
    assert not_paid.value.extra["rule"] == "SAMR-PROC-77"
    with pytest.raises(ApplicationError) as on_spot:
        svc.payment_record(
            case=case,
            amount_fen=100_000,
            paid_on=DELIVERED_ON,
            channel=PaymentChannel.ON_SPOT,
            reference="x",
            actor=world.handler,
        )
    assert on_spot.value.extra["rule"] == "LAW-APL-68"
    svc.payment_record(
        case=case,
        amount_fen=100_000,
        paid_on=DELIVERED_ON,
        channel=PaymentChannel.BANK,
        reference="工行回单20250311001",
        actor=world.handler,
    )
    assert case_balance(case, DELIVERED_ON).outstanding_fen == 0
    closing = Deadline.objects.get(case=case, kind=DeadlineKind.CLOSING)
    assert (closing.rule, closing.due_on) == ("SAMR-PROC-77", datetime.date(2025, 4, 1))
    svc.case_close(case=case, summary="罚款已缴清", actor=world.handler)
    approve_pending(world, case)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert not Deadline.objects.filter(case=case, status=DeadlineStatus.RUNNING).exists()
    archived = svc.case_archive(case=case, actor=world.handler)
    assert archived.status == CaseStatus.ARCHIVED
    assert CaseEvent.objects.filter(case=case, action="cases.archived").exists()


def test_archive_names_the_missing_stages_law_apl_47(world, clock):
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
    preservation = case.preservations.get()
    svc.preservation_dispose(
        preservation=preservation, disposed_on=BASE_DAY, disposal="随案移送", actor=world.handler
    )
    transfer: dict[str, Any] = {"outcome": DecisionOutcome.TRANSFER, **NO_PENALTY}
    decide(world, case, transfer_organ="天津市公安局和平分局", **transfer)
    assert missing_stages(case) == [Stage.INVESTIGATION, Stage.DELIVERY, Stage.EXECUTION]
    svc.delivery_record(
        case=case,
        method=DeliveryMethod.DIRECT,
        document=DeliveredDocument.TRANSFER,
        recipient="天津市公安局和平分局",
        delivered_on=BASE_DAY,
        proof="移送回执",
        actor=world.handler,
    )
    svc.execution_record(
        case=case,
        kind=ExecutionKind.TRANSFER_HANDED_OVER,
        executed_on=BASE_DAY,
        description="案件材料及涉案物品已移交公安机关",
        actor=world.handler,
    )
    attach_video(case, actor=world.handler, act=preservation)  # GUO-118-08
    svc.case_close(case=case, summary="已移送", actor=world.handler)
    approve_pending(world, case)
    before = Case.objects.values().get(pk=case.pk)
    with pytest.raises(ApplicationError) as refusal:
        svc.case_archive(case=case, actor=world.handler)
    assert refusal.value.code == "cases.archive.stages_missing"
    assert refusal.value.extra["rule"] == "LAW-APL-47"
    assert refusal.value.extra["missing"] == ["investigation"]
    assert "Investigation" in refusal.value.message or "调查取证" in refusal.value.message
    assert Case.objects.values().get(pk=case.pk) == before


def test_no_penalty_case_from_lead_to_archive_law_apl_33(world, clock):
    case = investigated_case(world)
    decide(
        world,
        case,
        outcome=DecisionOutcome.NO_PENALTY,
        no_penalty_reason=NoPenaltyReason.MINOR_CORRECTED,
        **NO_PENALTY,
    )
    svc.delivery_record(
        case=case,
        method=DeliveryMethod.DIRECT,
        recipient="张三",
        delivered_on=BASE_DAY,
        proof="送达回证",
        actor=world.handler,
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.DELIVERED  # nothing to enforce
    with pytest.raises(ApplicationError):
        svc.case_close(case=case, summary="不予处罚", actor=world.handler)
    with pytest.raises(ApplicationError) as wrong_kind:
        svc.execution_record(
            case=case,
            kind=ExecutionKind.PERFORMED,
            executed_on=BASE_DAY,
            description="x",
            actor=world.handler,
        )
    assert wrong_kind.value.extra["rule"] == "LAW-APL-47"
    svc.execution_record(
        case=case,
        kind=ExecutionKind.EDUCATION,
        executed_on=BASE_DAY,
        description="已对当事人进行批评教育",
        actor=world.handler,
    )
    svc.case_close(case=case, summary="不予处罚，已教育", actor=world.handler)
    approve_pending(world, case)
    assert svc.case_archive(case=case, actor=world.handler).status == CaseStatus.ARCHIVED


def test_dismissed_case_closes_without_delivery(world):
    case = investigated_case(world)
    decide(world, case, outcome=DecisionOutcome.DISMISSED, **NO_PENALTY)
    assert missing_stages(case) == []
    svc.case_close(case=case, summary="撤销案件", actor=world.handler)
    approve_pending(world, case)
    assert svc.case_archive(case=case, actor=world.handler).status == CaseStatus.ARCHIVED


def test_delivery_deadline_spans_national_day_cnt_apl_85(world, clock):
    # LAW-APL-61 / CNT-APL-85: 7 working days from 2025-09-30 skip the National Day holiday
    # (10-01 to 10-08) and count the make-up working day of Saturday 10-11.
    start = datetime.date(2025, 9, 24)
    clock.go(start)
    case = notified_case(world, fine_fen=100_000, served_on=start)
    clock.go(datetime.date(2025, 9, 30))
    svc.statement_waive(
        case=case, waived_on=datetime.date(2025, 9, 30), note="书面放弃", actor=world.handler
    )
    decide(world, case, fine_fen=100_000)
    delivery = Deadline.objects.get(case=case, kind=DeadlineKind.DELIVERY)
    assert delivery.due_on == datetime.date(2025, 10, 16)
