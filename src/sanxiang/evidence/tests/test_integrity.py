"""Ledger verification of evidence files, the scheduled re-check and the device ratio."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import time_machine
from django.core.files.storage import storages
from django.urls import reverse

from sanxiang.cases.models import CaseEvent
from sanxiang.cases.tests.factories import CaseFactory
from sanxiang.evidence.choices import IntegrityState
from sanxiang.evidence.devices import device_compliance
from sanxiang.evidence.models import EvidenceItem, UploadSession
from sanxiang.evidence.tasks import (
    PERIODIC_TASKS,
    expire_abandoned_uploads,
    reverify_evidence_files,
)
from sanxiang.evidence.tests.helpers import mp4_bytes, png_bytes, tus_create, tus_upload
from sanxiang.ledger.verification import ledger_verify
from sanxiang.registry.models import DeviceStatus, DeviceType, Role
from sanxiang.registry.tests.factories import (
    CertificateFactory,
    OfficerFactory,
    RecordingDeviceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _upload(client, world, data: bytes) -> EvidenceItem:
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    return EvidenceItem.objects.get(pk=tus_upload(client, case, data)["Evidence-Item"])


def test_ledger_verify_names_an_altered_file(client, world):
    item = _upload(client, world, png_bytes())
    assert ledger_verify().ok
    path = Path(storages["private"].path(item.storage_key))
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    report = ledger_verify()
    problems = [m for m in report.mismatches if m.where == f"file of evidence.file {item.pk}"]
    assert problems and item.storage_key in problems[0].message
    assert "altered or replaced" in problems[0].message


def test_ledger_verify_names_a_replaced_or_missing_file(client, world):
    item = _upload(client, world, mp4_bytes(10_000))
    path = Path(storages["private"].path(item.storage_key))
    path.write_bytes(mp4_bytes(10_000))  # same size, other content
    assert any(item.storage_key in m.message for m in ledger_verify().mismatches)
    path.unlink()
    assert any("missing" in m.message for m in ledger_verify().mismatches)


def test_ledger_verify_names_a_changed_hash_in_the_row(client, world):
    item = _upload(client, world, png_bytes())
    EvidenceItem.objects.filter(pk=item.pk).update(sha256="0" * 64)
    messages = " ".join(m.message for m in ledger_verify().mismatches)
    assert "sha256" in messages


def test_scheduled_recheck_marks_altered_files(client, world):
    item = _upload(client, world, png_bytes())
    assert reverify_evidence_files in PERIODIC_TASKS
    Path(storages["private"].path(item.storage_key)).write_bytes(b"tampered")
    with time_machine.travel(datetime.timedelta(days=31)):
        result = reverify_evidence_files.call()
    assert result == {IntegrityState.MISMATCH: 1}
    item.refresh_from_db()
    assert item.integrity == IntegrityState.MISMATCH
    assert CaseEvent.objects.filter(case=item.case, action="evidence.integrity_failed").exists()
    page = client.get(f"/office/evidence/cases/{item.case_id}/panel/").content.decode()
    assert 'data-integrity="mismatch"' in page


def test_abandoned_uploads_are_removed(client, world):
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    tus_create(client, case, 1000)
    assert UploadSession.objects.count() == 1
    assert expire_abandoned_uploads.call() == 0
    with time_machine.travel(datetime.timedelta(hours=73)):
        assert expire_abandoned_uploads.call() == 1
    assert not UploadSession.objects.exists()
    staging = Path(storages["private"].path(".uploads"))
    assert not any(staging.iterdir())


def test_one_device_per_four_officers(client, world):
    # World has three certified officers; add six more: nine officers need three devices.
    # An officer without a valid certificate does not count (LAW-APL-42).
    for _ in range(6):
        CertificateFactory.create(officer__agency=world.agency)
    OfficerFactory.create(agency=world.agency)
    RecordingDeviceFactory.create(agency=world.agency, device_type=DeviceType.BODY_CAMERA)
    RecordingDeviceFactory.create(agency=world.agency, device_type=DeviceType.MOBILE_TERMINAL)
    RecordingDeviceFactory.create(agency=world.agency, status=DeviceStatus.UNDER_REPAIR)
    RecordingDeviceFactory.create(
        agency=world.agency, device_type=DeviceType.FIXED_MONITORING, location="路口"
    )
    [row] = device_compliance(user=world.handler)
    assert (row.devices, row.officers, row.required, row.complies) == (2, 9, 3, False)
    RecordingDeviceFactory.create(agency=world.agency)
    [row] = device_compliance(user=world.handler)
    assert (row.devices, row.required, row.complies) == (3, 3, True)
    client.force_login(world.handler)
    page = client.get("/office/evidence/devices/").content.decode()
    assert f'data-agency="{world.agency.pk}" data-complies="1"' in page
    api = client.get("/api/v1/evidence/devices").json()
    assert api == [
        {
            "agency_id": world.agency.pk,
            "agency_name": world.agency.name,
            "devices": 3,
            "officers": 9,
            "required": 3,
            "complies": True,
        }
    ]
    # An officer without an agency sees no agency.
    assert device_compliance(user=UserFactory.create(role=Role.OFFICER, agency=None)) == []


def test_agency_admin_page_shows_the_device_ratio(client, world):
    """The registry's agency change page shows devices, officers, required and complies (津南
    pilot rule, one device per four officers) through the evidence app's template."""
    RecordingDeviceFactory.create(agency=world.agency, device_type=DeviceType.BODY_CAMERA)
    client.force_login(
        UserFactory.create(is_superuser=True, is_staff=True, role=Role.ADMINISTRATOR)
    )
    page = client.get(reverse("admin:registry_agency_change", args=[world.agency.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert 'data-devices="1" data-officers="3" data-required="1" data-complies="1"' in body
    # The add page has no agency yet, so no ratio.
    added = client.get(reverse("admin:registry_agency_add")).content.decode()
    assert 'id="device-ratio"' not in added
