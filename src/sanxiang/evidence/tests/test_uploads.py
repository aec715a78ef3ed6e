"""Streaming resumable upload (tus 1.0): hashes, resume, refusals that leave nothing behind."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.storage import storages

from sanxiang.cases.models import CaseEvent
from sanxiang.cases.tests.factories import CaseFactory
from sanxiang.evidence.choices import CustodyAction, IntegrityState
from sanxiang.evidence.content import detect_type, sanitise_file_name
from sanxiang.evidence.models import CustodyLog, EvidenceItem, UploadSession
from sanxiang.evidence.services import upload_append, upload_get
from sanxiang.evidence.storing import RUNNING
from sanxiang.evidence.tests.helpers import (
    TUS,
    mp4_bytes,
    png_bytes,
    tus_create,
    tus_patch,
    tus_upload,
)
from sanxiang.ledger.models import LedgerEntry

pytestmark = pytest.mark.django_db


def _stored_path(item: EvidenceItem) -> Path:
    return Path(storages["private"].path(item.storage_key))


def _nothing_left(tmp_path: Path) -> None:
    assert not EvidenceItem.objects.exists()
    assert not UploadSession.objects.exists()
    private = tmp_path / "private"
    files = [p for p in private.rglob("*") if p.is_file()] if private.exists() else []
    assert files == []


def test_upload_stores_file_with_hashes_of_hashlib_and_sha256sum(client, world):
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    data = png_bytes()
    response = tus_upload(
        client,
        case,
        data,
        officers=f"{world.officer_a.pk},{world.officer_b.pk}",
        latitude="39.084158",
        longitude="117.200983",
        place="和平区某路1号",
    )
    assert response.status_code == 204, response.content
    assert response["Upload-Offset"] == str(len(data))
    item = EvidenceItem.objects.get(pk=response["Evidence-Item"])
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert item.size == len(data)
    assert item.content_type == "image/png"
    assert item.integrity == IntegrityState.VERIFIED
    assert str(item.latitude) == "39.084158"
    assert set(item.officers.all()) == {world.officer_a, world.officer_b}
    stored = _stored_path(item)
    assert stored.read_bytes() == data
    sha256sum = shutil.which("sha256sum")
    assert sha256sum, "coreutils sha256sum is needed by this test"
    # The path comes from shutil.which, not from input.
    output = subprocess.run(  # noqa: S603
        [sha256sum, str(stored)], capture_output=True, check=True, text=True
    )
    assert output.stdout.split()[0] == item.sha256
    assert item.thumbnail_key and storages["private"].exists(item.thumbnail_key)
    # The hash is a ledger leaf, and the attachment a case event.
    entry = LedgerEntry.objects.get(kind="evidence.file", ref=str(item.pk))
    assert item.ledger_index == entry.index
    assert b'"sha256":"' + item.sha256.encode() + b'"' in bytes(entry.entry)
    assert CaseEvent.objects.filter(case=case, action="evidence.attached").exists()
    assert CustodyLog.objects.filter(item=item, action=CustodyAction.UPLOAD).count() == 1
    assert not any(Path(storages["private"].path(".uploads")).iterdir())


def test_sm3_is_computed_when_enabled(client, world, settings):
    settings.SANXIANG_EVIDENCE_SM3 = True
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    data = mp4_bytes(50_000)
    response = tus_upload(client, case, data, filename="clip.mp4")
    item = EvidenceItem.objects.get(pk=response["Evidence-Item"])
    assert item.sm3 == hashlib.new("sm3", data).hexdigest()
    assert item.content_type == "video/mp4"


def test_resume_after_a_dropped_connection(client, world):
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    data = mp4_bytes(3 * 1024 * 1024 + 17)
    created = tus_create(client, case, len(data), filename="执法记录.mp4")
    assert created.status_code == 201
    location = created["Location"]
    session = upload_get(user=world.handler, session_id=location.rstrip("/").rsplit("/", 1)[-1])

    # The connection drops after 1.5 MiB: the server keeps what arrived.
    sent = 0
    cut = 1536 * 1024

    def dropping_read(n: int) -> bytes:
        nonlocal sent
        if sent >= cut:
            raise OSError("connection reset by peer")
        chunk = data[sent : min(sent + n, cut)]
        sent += len(chunk)
        return chunk

    result = upload_append(session=session, offset=0, read=dropping_read, content_length=None)
    assert (result.offset, result.complete) == (cut, False)
    # The client asks where to resume.
    head = client.head(location, headers=TUS)
    assert head.status_code == 200
    assert (head["Upload-Offset"], head["Upload-Length"]) == (str(cut), str(len(data)))
    # A wrong offset is refused without writing.
    wrong = tus_patch(client, location, data[:10], 0)
    assert wrong.status_code == 409
    assert wrong.json()["code"] == "evidence.offset_mismatch"
    # Resumed on "another worker" (no running hasher): the file is hashed once more at the end.
    RUNNING.drop(session.id)
    done = tus_patch(client, location, data[cut:], cut)
    assert done.status_code == 204, done.content
    item = EvidenceItem.objects.get(pk=done["Evidence-Item"])
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert _stored_path(item).read_bytes() == data
    assert not UploadSession.objects.exists()


def test_content_type_is_checked_by_content_not_name(client, world, tmp_path):
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    executable = b"MZ\x90\x00" + b"\x00" * 500
    response = tus_upload(client, case, executable, filename="photo.jpg")
    assert response.status_code == 415
    assert response.json()["code"] == "evidence.type_not_allowed"
    _nothing_left(tmp_path)


def test_size_limit_per_detected_type(client, world, settings, tmp_path):
    settings.SANXIANG_EVIDENCE_MAX_BYTES = {"image": 100}
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    response = tus_upload(client, case, png_bytes(), filename="big.png")
    assert response.status_code == 413
    body = response.json()
    assert (body["code"], body["extra"]["limit"]) == ("evidence.too_large", 100)
    _nothing_left(tmp_path)
    # A declared length beyond every limit is refused before any byte is sent.
    settings.SANXIANG_EVIDENCE_MAX_BYTES = {
        "image": 100,
        "audio": 100,
        "video": 100,
        "document": 100,
    }
    refused = tus_create(client, case, 101)
    assert refused.status_code == 413
    assert refused.json()["code"] == "evidence.too_large"
    _nothing_left(tmp_path)


def test_a_corrupt_upload_leaves_nothing_and_says_why(client, world, tmp_path):
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    data = png_bytes()
    response = tus_upload(client, case, data, sha256="0" * 64)
    assert response.status_code == 422
    assert response.json()["code"] == "evidence.hash_mismatch"
    _nothing_left(tmp_path)


def test_body_past_the_declared_length_is_refused(client, world):
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    created = tus_create(client, case, 100)
    response = tus_patch(client, created["Location"], png_bytes(), 0)
    assert response.status_code == 413
    assert response.json()["code"] == "evidence.too_long"


def test_tus_protocol_headers(client, world):
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    options = client.options(f"/office/evidence/cases/{case.pk}/uploads/")
    assert options.status_code == 204
    assert options["Tus-Version"] == "1.0.0"
    assert "creation" in options["Tus-Extension"]
    no_version = client.post(
        f"/office/evidence/cases/{case.pk}/uploads/", headers={"Upload-Length": "10"}
    )
    assert no_version.status_code == 412
    created = tus_create(client, case, 10)
    wrong_type = client.generic(
        "PATCH",
        created["Location"],
        data=b"x",
        content_type="text/plain",
        headers={**TUS, "Upload-Offset": "0"},
    )
    assert wrong_type.status_code == 415
    deleted = client.delete(created["Location"], headers=TUS)
    assert deleted.status_code == 204
    assert not UploadSession.objects.exists()


def test_metadata_is_checked_before_any_byte(client, world):
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    assert tus_create(client, case, 10, kind="video").json()["code"] == "evidence.metadata"
    future = tus_create(client, case, 10, captured_at="2099-01-01T00:00:00+08:00")
    assert future.json()["extra"]["field"] == "captured_at"
    other = CaseFactory.create()
    from sanxiang.registry.tests.factories import OfficerFactory, RecordingDeviceFactory

    stranger = OfficerFactory.create(agency=other.agency)
    assert tus_create(client, case, 10, officers=stranger.pk).json()["extra"]["field"] == "officers"
    device = RecordingDeviceFactory.create(agency=other.agency)
    assert tus_create(client, case, 10, device=device.pk).json()["extra"]["field"] == "device"
    assert tus_create(client, case, 10, latitude="91").json()["extra"]["field"] == "latitude"
    assert not UploadSession.objects.exists()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system32\\cmd.exe", "cmd.exe"),
        ("evil\x00name\n.png", "evilname.png"),
        ("invoice\u202egnp.exe", "invoicegnp.exe"),
        ("  ..hidden.jpg", "hidden.jpg"),
        ("a<b>c:d|e?.mp4", "a_b_c_d_e_.mp4"),
        ("", "evidence"),
        ("....", "evidence"),
    ],
)
def test_bad_names_are_neutralised(raw, expected):
    assert sanitise_file_name(raw) == expected


def test_overlong_names_keep_their_extension():
    name = sanitise_file_name("录" * 500 + ".mp4")
    assert len(name) == 200 and name.endswith(".mp4")


def test_uploaded_name_is_displayed_safely_and_never_used_as_the_key(client, world):
    client.force_login(world.handler)
    case = CaseFactory.create(agency=world.agency)
    response = tus_upload(client, case, png_bytes(), filename="../../../etc/现场\x07照片.png")
    item = EvidenceItem.objects.get(pk=response["Evidence-Item"])
    assert item.file_name == "现场照片.png"
    assert item.storage_key.startswith(f"evidence/{case.pk}/") and ".." not in item.storage_key


@pytest.mark.parametrize(
    ("head", "content_type"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"),
        (b"\x00\x00\x00\x1cftypM4A \x00\x00\x00\x00M4A mp42isom", "audio/mp4"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ", "video/quicktime"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "image/heic"),
        (bytes.fromhex("1a45dfa39f4286810142f7810142f2810442f381084282847765626d"), "video/webm"),
        (b"ID3\x03\x00\x00\x00", "audio/mpeg"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "audio/wav"),
        (b"#!AMR\n", "audio/amr"),
        (b"%PDF-1.7\n", "application/pdf"),
    ],
)
def test_type_detection_by_signature(head, content_type):
    detected = detect_type(head + b"\x00" * 64)
    assert detected is not None and detected.content_type == content_type


@pytest.mark.parametrize("head", [b"MZ\x90\x00", b"<html><script>", b"PK\x03\x04", b"#!/bin/sh"])
def test_other_content_is_not_detected(head):
    assert detect_type(head + b"\x00" * 64) is None
