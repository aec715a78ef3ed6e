"""Server-side attach (`evidence_attach`, the test and demo helpers), the reasons API, and the
privacy of the public ledger entry of an evidence file."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import storages

from sanxiang.cases import services as case_services
from sanxiang.cases.choices import ActResultKind, CaseStatus, RecordKind
from sanxiang.cases.models import CaseEvent
from sanxiang.cases.tests.factories import BASE_DAY, CaseFactory, at
from sanxiang.core.errors import ApplicationError
from sanxiang.core.testing import assert_api_error
from sanxiang.evidence.demo import VIDEO
from sanxiang.evidence.integrity import LEDGER_KIND, evidence_payload
from sanxiang.evidence.models import AvReason, EvidenceItem, UploadSession
from sanxiang.evidence.services import evidence_attach
from sanxiang.evidence.tests.factories import (
    attach_audio,
    attach_photo,
    attach_video,
    record_av_reason,
)
from sanxiang.evidence.tests.helpers import coercion_case
from sanxiang.ledger.commitments import commitment
from sanxiang.ledger.models import LedgerEntry
from sanxiang.ledger.verification import ledger_verify
from sanxiang.registry.models import ActType, Role
from sanxiang.registry.tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


def _inspection(world):
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
    return case, record


def test_attach_stores_the_real_clip_with_its_hash_and_closes_the_act_guo_118_08(world):
    case, record = _inspection(world)
    with pytest.raises(ApplicationError) as refused:
        case_services.act_close(case=case, actor=world.handler)
    assert refused.value.code == "evidence.av_record_required"
    item = attach_video(case, actor=world.handler, act=record)
    clip = VIDEO.read_bytes()
    assert (item.content_type, item.size) == ("video/mp4", len(clip))
    assert item.sha256 == hashlib.sha256(clip).hexdigest()
    assert Path(storages["private"].path(item.storage_key)).read_bytes() == clip
    assert (item.act_kind, item.act_id, item.is_continuous) == ("inspection", record.pk, True)
    assert CaseEvent.objects.filter(case=case, action="evidence.attached").count() == 1
    assert item.custody.get().action == "upload"
    assert case_services.act_close(case=case, actor=world.handler).status == CaseStatus.CLOSED


def test_photo_and_audio_are_recognised_by_content(world):
    case = CaseFactory.create(agency=world.agency)
    photo = attach_photo(case, actor=world.handler)
    audio = attach_audio(case, actor=world.handler)
    assert (photo.content_type, audio.content_type) == ("image/jpeg", "audio/mp4")
    assert photo.thumbnail_key and storages["private"].exists(photo.thumbnail_key)


def test_attach_refuses_a_short_stream_and_leaves_nothing(world):
    case = CaseFactory.create(agency=world.agency)
    clip = VIDEO.read_bytes()
    with pytest.raises(ApplicationError) as short:
        evidence_attach(
            case=case,
            actor=world.handler,
            stream=io.BytesIO(clip[:1000]),
            length=len(clip),
            metadata={"kind": "audio_visual", "captured_at": at(BASE_DAY).isoformat()},
        )
    assert short.value.code == "evidence.incomplete"
    assert not EvidenceItem.objects.exists() and not UploadSession.objects.exists()
    staging = Path(storages["private"].path(".uploads"))
    assert not any(staging.iterdir())


def test_attach_is_refused_to_another_agency(world):
    case = CaseFactory.create(agency=world.agency)
    stranger = UserFactory.create(role=Role.OFFICER, agency=AgencyFactory.create())
    with pytest.raises(ApplicationError) as refused:
        attach_video(case, actor=stranger)
    assert refused.value.code == "not_found"
    assert not EvidenceItem.objects.exists()


def test_reason_through_the_api_guo_118_08(client, world):
    case, record = _inspection(world)
    url = f"/api/v1/evidence/cases/{case.pk}/reasons"
    body = {
        "act_kind": "inspection",
        "act_id": record.pk,
        "reason": "当事人拒绝录像，已在笔录中注明",
    }
    # The public, and an officer of another agency, do not see the case.
    assert client.post(url, body, content_type="application/json").status_code in (401, 404)
    client.force_login(UserFactory.create(role=Role.OFFICER, agency=AgencyFactory.create()))
    assert_api_error(client.post(url, body, content_type="application/json"), "not_found", 404)
    client.force_login(world.handler)
    answer = client.post(url, body, content_type="application/json")
    assert answer.status_code == 201, answer.content
    assert answer.json()["act_id"] == record.pk
    assert AvReason.objects.get(case=case).reason == body["reason"]
    checklist = client.get(f"/api/v1/evidence/cases/{case.pk}/checklist").json()
    assert [row["met"] for row in checklist] == [True]


def test_a_reason_cannot_replace_the_video_of_a_seizure_via_the_api_guo_118_08(client, world):
    case = coercion_case(world)
    seizure = case_services.seizure_start(
        case=case,
        kind="seize",
        items="涉案设备",
        started_on=BASE_DAY,
        approved_by=world.agency_head,
        actor=world.handler,
    )
    client.force_login(world.handler)
    answer = client.post(
        f"/api/v1/evidence/cases/{case.pk}/reasons",
        {"act_kind": "seizure", "act_id": seizure.pk, "reason": "设备故障未能录像"},
        content_type="application/json",
    )
    assert_api_error(answer, "evidence.video_mandatory", 400)
    assert not AvReason.objects.exists()


def test_record_av_reason_helper(world):
    case, record = _inspection(world)
    row = record_av_reason(case, actor=world.handler, act=record)
    assert (row.act_kind, row.act_id) == ("inspection", record.pk)


def test_ledger_entry_holds_no_place_description_or_file_name_in_clear(world):
    """Ledger entries are public (docs/ledger.md): the capture metadata that may name a person
    or an address is a salted commitment, the file facts stay in clear."""
    case = CaseFactory.create(agency=world.agency)
    secrets: dict[str, Any] = {
        "place": "和平区南京路100号张三家中",
        "description": "当事人张三在家中接受询问",
        "filename": "张三身份证120101198503120078.mp4",
    }
    item = attach_video(
        case, actor=world.handler, latitude="39.123456", longitude="117.654321", **secrets
    )
    entry = LedgerEntry.objects.get(kind=LEDGER_KIND, ref=str(item.pk))
    raw = bytes(entry.entry)
    # Nor does any other entry of the upload (the case event `evidence.attached`).
    everything = b"".join(bytes(row.entry) for row in LedgerEntry.objects.all())
    for text in [*secrets.values(), "张三", "120101198503120078", "39.123456", "117.654321"]:
        assert text.encode() not in everything
        assert json.dumps(text).strip('"').encode() not in everything  # nor \\u-escaped
    # The file facts are in clear; each committed value checks against the row and its salt.
    for fact in (item.sha256, str(item.size), item.storage_key, "audio_visual"):
        assert fact.encode() in raw
    payload = evidence_payload(item)
    assert payload["metadata"]["place"] == commitment(
        item.ledger_salt, "metadata.place", secrets["place"]
    )
    assert item.ledger_salt.encode() not in raw
    assert ledger_verify().ok
    # A changed place is named by verification, without the log holding the place.
    EvidenceItem.objects.filter(pk=item.pk).update(place="别处")
    messages = " ".join(m.message for m in ledger_verify().mismatches)
    assert "metadata.place" in messages
