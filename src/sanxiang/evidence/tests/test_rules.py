"""The GUO-118-08 audio-video matrix guard and the LAW-APL-41 device-review guard."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.cases import services as case_services
from sanxiang.cases.choices import ActResultKind, CaseStatus, RecordKind, SeizureKind
from sanxiang.cases.tests.factories import BASE_DAY, CaseFactory, at
from sanxiang.core.errors import ApplicationError
from sanxiang.evidence.checklist import av_checklist
from sanxiang.evidence.models import EvidenceItem
from sanxiang.evidence.services import av_reason_record, evidence_mark_basis
from sanxiang.evidence.tests.helpers import coercion_case, mp4_bytes, png_bytes, tus_upload
from sanxiang.registry.models import ActType, DeviceType
from sanxiang.registry.tests.factories import RecordingDeviceFactory

pytestmark = pytest.mark.django_db


def _seized_and_released(world):
    case = coercion_case(world)
    seizure = case_services.seizure_start(
        case=case,
        kind=SeizureKind.SEIZE,
        items="涉案设备3台",
        started_on=BASE_DAY,
        approved_by=world.agency_head,
        actor=world.handler,
    )
    case_services.act_decide(
        case=case, result=ActResultKind.MEASURE_TAKEN, text="依法扣押", actor=world.handler
    )
    case_services.seizure_release(
        seizure=seizure,
        ended_on=datetime.date(2025, 3, 20),
        reason="解除扣押",
        actor=world.handler,
    )
    return case, seizure


def test_seizure_cannot_close_without_continuous_video_guo_118_08(client, world):
    case, seizure = _seized_and_released(world)
    with pytest.raises(ApplicationError) as refused:
        case_services.act_close(case=case, actor=world.handler)
    assert refused.value.code == "evidence.continuous_video_required"
    assert refused.value.extra["rule"] == "GUO-118-08"
    # A reason cannot stand in for the video of a seizure.
    with pytest.raises(ApplicationError) as no_reason:
        av_reason_record(
            case=case,
            actor=world.handler,
            act_kind="seizure",
            act_id=seizure.pk,
            reason="设备故障未能录像",
        )
    assert no_reason.value.code == "evidence.video_mandatory"
    client.force_login(world.handler)
    # A video that is not continuous is not enough either.
    tus_upload(client, case, mp4_bytes(5000), act_kind="seizure", act_id=seizure.pk)
    with pytest.raises(ApplicationError):
        case_services.act_close(case=case, actor=world.handler)
    tus_upload(client, case, mp4_bytes(5000), act_kind="seizure", act_id=seizure.pk, continuous="1")
    tus_upload(client, case, mp4_bytes(5000), act_kind="coercion", act_id=case.pk, continuous="1")
    # A photo marked "continuous" does not count as a video.
    photo = tus_upload(
        client, case, png_bytes(), act_kind="seizure", act_id=seizure.pk, continuous="1"
    )
    assert EvidenceItem.objects.get(pk=photo["Evidence-Item"]).is_continuous is False
    assert all(row.met for row in av_checklist(case))
    assert case_services.act_close(case=case, actor=world.handler).status == CaseStatus.CLOSED


def test_on_site_inspection_needs_video_or_a_reason_guo_118_08(world):
    case = case_services.act_register(
        act_type=ActType.INSPECTION, title="检查", actor=world.handler
    )
    case_services.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    record = case_services.record_add(
        case=case,
        kind=RecordKind.INSPECTION,
        started_at=at(BASE_DAY),
        place="车间",
        subject_name="负责人",
        content="检查未发现问题。",
        officers=[world.officer_a, world.officer_b],
        actor=world.handler,
    )
    case_services.act_progress(case=case, actor=world.handler)
    case_services.act_decide(
        case=case, result=ActResultKind.COMPLIANT, text="未发现问题", actor=world.handler
    )
    with pytest.raises(ApplicationError) as refused:
        case_services.act_close(case=case, actor=world.handler)
    assert refused.value.code == "evidence.av_record_required"
    assert refused.value.extra["acts"] == [{"act_kind": "inspection", "act_id": record.pk}]
    with pytest.raises(ApplicationError) as short:
        av_reason_record(
            case=case, actor=world.handler, act_kind="inspection", act_id=record.pk, reason=" "
        )
    assert short.value.code == "evidence.reason_required"
    av_reason_record(
        case=case,
        actor=world.handler,
        act_kind="inspection",
        act_id=record.pk,
        reason="检查场所涉及商业秘密，当事人拒绝录像，已在笔录中注明",
    )
    assert case_services.act_close(case=case, actor=world.handler).status == CaseStatus.CLOSED


def test_an_act_of_another_case_cannot_be_linked(client, world):
    _case, seizure = _seized_and_released(world)
    other = CaseFactory.create(agency=world.agency)
    client.force_login(world.handler)
    response = tus_upload(client, other, mp4_bytes(5000), act_kind="seizure", act_id=seizure.pk)
    assert response.json()["code"] == "evidence.act_invalid"


def test_unreviewed_fixed_monitoring_device_cannot_be_a_basis_law_apl_41(client, world):
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    camera = RecordingDeviceFactory.create(
        agency=world.agency,
        device_type=DeviceType.FIXED_MONITORING,
        location="某路口",
        legal_review_passed_on=None,
        technical_review_passed_on=None,
        location_published=False,
    )
    response = tus_upload(client, case, mp4_bytes(5000), device=camera.pk)
    item = EvidenceItem.objects.get(pk=response["Evidence-Item"])
    with pytest.raises(ApplicationError) as refused:
        evidence_mark_basis(item=item, actor=world.handler, basis=True)
    assert refused.value.code == "evidence.device_not_reviewed"
    assert refused.value.extra["rule"] == "LAW-APL-41"
    api = client.post(
        f"/api/v1/evidence/items/{item.pk}/basis", {"basis": True}, content_type="application/json"
    )
    assert api.status_code == 400 and api.json()["code"] == "evidence.device_not_reviewed"
    item.refresh_from_db()
    assert item.is_decision_basis is False
    camera.legal_review_passed_on = BASE_DAY
    camera.technical_review_passed_on = BASE_DAY
    camera.location_published = True
    camera.save()
    assert evidence_mark_basis(item=item, actor=world.handler, basis=True).is_decision_basis
