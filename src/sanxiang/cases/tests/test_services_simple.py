"""The simple procedure: LAW-APL-51 limits, LAW-APL-42 officers, LAW-APL-52 form,
LAW-APL-68/69/70 on-the-spot collection, SAMR-PROC-70 filing with the agency."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.cases import services as svc
from sanxiang.cases.choices import CaseStatus, DeadlineKind, DeadlineStatus, PaymentChannel
from sanxiang.cases.models import Case, Deadline, RecordOfficer
from sanxiang.cases.stages import missing_stages
from sanxiang.cases.tests.factories import BASE_DAY, approve_pending, at, company, person
from sanxiang.core.errors import ApplicationError
from sanxiang.evidence.tests.factories import attach_video, record_av_reason
from sanxiang.registry.tests.factories import PowerItemFactory

pytestmark = pytest.mark.django_db


def _on_spot(world, **overrides):
    values = {
        "title": "占道经营",
        "facts": "当事人在人行道上摆摊经营。",
        "place": "和平区南京路",
        "acted_at": at(BASE_DAY),
        "party": person(),
        "officers": [world.officer_a, world.officer_b],
        "penalty_types": ("fine",),
        "fine_fen": 20_000,
        "form_number": "津当罚No.0001",
        "reasons": "依据《城市市容和环境卫生管理条例》",
        "actor": world.handler,
    }
    values.update(overrides)
    return svc.case_decide_on_spot(**values)


@pytest.mark.parametrize(
    ("party", "fine_fen", "allowed"),
    [
        (person(), 20_000, True),  # 200元 to a citizen: "二百元以下" includes 200
        (person(), 20_100, False),  # 201元
        (company(), 300_000, True),  # 3000元 to an organisation
        (company(), 300_100, False),  # 3001元
    ],
)
def test_simple_procedure_limits_law_apl_51(world, party, fine_fen, allowed):
    if allowed:
        case = _on_spot(world, party=party, fine_fen=fine_fen)
        assert case.status == CaseStatus.ENFORCING
        assert case.track == "simple"
    else:
        with pytest.raises(ApplicationError) as refusal:
            _on_spot(world, party=party, fine_fen=fine_fen)
        assert refusal.value.code == "rules.simple_procedure.amount_exceeded"
        assert refusal.value.extra["rule"] == "LAW-APL-51"
        assert not Case.objects.exists()


def test_simple_procedure_only_warning_or_fine(world):
    with pytest.raises(ApplicationError) as refusal:
        _on_spot(world, penalty_types=("revoke_licence",), fine_fen=0)
    assert refusal.value.code == "rules.simple_procedure.penalty_type_not_allowed"


def test_on_the_spot_refuses_another_agencys_power_item_law_apl_52(world):
    foreign = PowerItemFactory.create()  # a penalty item of another agency
    own_licensing = PowerItemFactory.create(agency_id=world.handler.agency_id, act_type="licensing")
    for item in (foreign, own_licensing):
        with pytest.raises(ApplicationError) as refusal:
            _on_spot(world, power_item=item)
        assert refusal.value.code == "cases.simple.power_item_invalid"
        assert refusal.value.extra["field"] == "power_item"
    assert not Case.objects.exists()
    own_penalty = PowerItemFactory.create(agency_id=world.handler.agency_id)
    assert _on_spot(world, power_item=own_penalty).power_item == own_penalty


def test_simple_procedure_needs_two_certified_officers_law_apl_42(world):
    with pytest.raises(ApplicationError) as refusal:
        _on_spot(world, officers=[world.officer_a])
    assert refusal.value.extra["rule"] == "LAW-APL-42"


def test_on_the_spot_record_and_delivery_are_written(world):
    case = _on_spot(world)
    record = case.records.get()
    assert set(RecordOfficer.objects.filter(record=record).values_list("officer", flat=True)) == {
        world.officer_a.pk,
        world.officer_b.pk,
    }
    assert case.deliveries.get().method == "on_spot"
    assert case.decision.form_number == "津当罚No.0001"
    filing = Deadline.objects.get(case=case, kind=DeadlineKind.SIMPLE_FILING)
    # SAMR-PROC-70: 7 working days after 2025-03-03.
    assert (filing.rule, filing.due_on) == ("SAMR-PROC-70", datetime.date(2025, 3, 12))
    payment = Deadline.objects.get(case=case, kind=DeadlineKind.PAYMENT)
    assert payment.due_on == datetime.date(2025, 3, 18)


def test_on_spot_collection_law_apl_68_69_70(world):
    # LAW-APL-68(一): up to 100元 may be collected on the spot.
    with pytest.raises(ApplicationError) as no_receipt:
        _on_spot(world, fine_fen=10_000, collect_on_spot=True)
    assert no_receipt.value.extra["rule"] == "LAW-APL-70"
    case = _on_spot(world, fine_fen=10_000, collect_on_spot=True, receipt_number="财政票据0001")
    assert case.status == CaseStatus.DELIVERED  # paid on the spot: nothing left to enforce
    assert case.payments.get().channel == PaymentChannel.ON_SPOT
    # 101元 needs a ground: hard to enforce later (LAW-APL-68(二)) or a remote area (-69).
    with pytest.raises(ApplicationError) as refusal:
        _on_spot(world, fine_fen=10_100, collect_on_spot=True, receipt_number="财政票据0002")
    assert refusal.value.code == "rules.on_spot_collection.amount_exceeded"
    collected = _on_spot(
        world,
        fine_fen=10_100,
        collect_on_spot=True,
        hard_to_enforce_later=True,
        receipt_number="财政票据0003",
    )
    assert collected.payments.get().amount_fen == 10_100


def test_warning_is_executed_by_delivery_and_closes_after_filing_samr_proc_70(world):
    case = _on_spot(world, penalty_types=("warning",), fine_fen=0)
    assert case.status == CaseStatus.DELIVERED
    with pytest.raises(ApplicationError) as refusal:
        svc.case_close(case=case, summary="警告已执行", actor=world.handler)
    assert refusal.value.extra["rule"] == "SAMR-PROC-70"
    case = svc.simple_filing_record(
        case=case, filed_on=datetime.date(2025, 3, 5), actor=world.handler
    )
    assert (
        Deadline.objects.get(case=case, kind=DeadlineKind.SIMPLE_FILING).status
        == DeadlineStatus.MET
    )
    assert missing_stages(case) == []
    # GUO-118-08: the on-site record of the decision needs a video or a recorded reason.
    record_av_reason(case, actor=world.handler, act=case.records.get())
    svc.case_close(case=case, summary="警告已执行", actor=world.handler)
    approve_pending(world, case)
    assert svc.case_archive(case=case, actor=world.handler).status == CaseStatus.ARCHIVED


def test_fine_paid_later_at_the_bank(world):
    case = _on_spot(world)
    svc.payment_record(
        case=case,
        amount_fen=20_000,
        paid_on=BASE_DAY,
        channel=PaymentChannel.BANK,
        reference="银行回单001",
        actor=world.handler,
    )
    svc.simple_filing_record(case=case, filed_on=BASE_DAY, actor=world.handler)
    attach_video(case, actor=world.handler, act=case.records.get())  # GUO-118-08
    svc.case_close(case=case, summary="已缴清", actor=world.handler)
    approve_pending(world, case)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED


def test_minor_on_the_spot_needs_mitigation_law_apl_30(world):
    from sanxiang.registry.tests.factories import make_resident_id

    minor = person(id_number=make_resident_id(5, birth="20090101"))
    with pytest.raises(ApplicationError) as refusal:
        _on_spot(world, party=minor)
    assert refusal.value.extra["rule"] == "LAW-APL-30"
    assert _on_spot(world, party=minor, mitigation_reason="未成年人，减轻处罚", fine_fen=5_000)
