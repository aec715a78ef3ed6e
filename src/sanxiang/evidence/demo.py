"""Demo evidence: body-camera videos, photos and recordings of the demo cases.

Two entry points. `record_av_acts` is called by the case demo (`cases/demo/`) just before it
closes a case: each act of the GUO-118-08 matrix that lacks its record gets a real video clip
uploaded through the evidence services (hashed, stored privately, logged in the ledger), or,
for a tier (c) act, sometimes a recorded reason, as officers do. `load_demo` runs after the
case demo and adds photos and an interview recording to a few open cases, so the evidence
pages have something to show. Both are deterministic and `load_demo` is idempotent.

The media are small committed files (`demo_assets/`, see its README): nothing is encoded at
run time. Photos are drawn with Pillow.
"""

from __future__ import annotations

import datetime
import io
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from django.db import transaction
from django.utils import timezone

from sanxiang.cases.access import may_change_case
from sanxiang.cases.models import (
    ActResult,
    Case,
    Delivery,
    Hearing,
    InvestigationRecord,
    Preservation,
    Seizure,
)
from sanxiang.evidence.checklist import av_checklist
from sanxiang.evidence.choices import ActKind, AvTier, EvidenceKind
from sanxiang.evidence.models import AvReason, EvidenceItem
from sanxiang.evidence.services import av_reason_record, evidence_attach
from sanxiang.registry.models import DeviceStatus, DeviceType, RecordingDevice, User

__all__ = [
    "DEMO_ASSETS",
    "EvidenceDemoSummary",
    "attach_demo_file",
    "demo_photo",
    "load_demo",
    "record_av_acts",
]

DEMO_ASSETS = Path(__file__).resolve().parent / "demo_assets"
VIDEO = DEMO_ASSETS / "body-camera.mp4"  # 4 s, 192×108 H.264 + AAC, captioned "DEMO"
AUDIO = DEMO_ASSETS / "interview.m4a"  # 3 s AAC tone
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))

# Reasons officers record when a tier (c) act has no video (GUO-118-08 "根据实际情况").
_REASONS: dict[str, str] = {
    ActKind.INSPECTION: "现场检查时执法记录仪电量耗尽，已以现场笔录和照片固定检查过程。",
    ActKind.PRESERVATION: "登记保存在当事人办公室进行，当事人及见证人签字确认，未录像。",
    ActKind.HEARING: "听证会全程由书记员制作听证笔录，当事人签字确认，未另行录像。",
    ActKind.DELIVERY: "公告送达在机关网站和公告栏公告，公告页面已截图附卷，无现场过程可录像。",
}
_LABELS: dict[str, str] = {
    ActKind.SEIZURE: "查封扣押全程录像",
    ActKind.COERCION: "强制措施实施全程录像",
    ActKind.INSPECTION: "现场检查执法记录仪录像",
    ActKind.PRESERVATION: "先行登记保存过程录像",
    ActKind.HEARING: "听证会录像",
    ActKind.DELIVERY: "留置送达过程录像",
}


class Writer(Protocol):
    def write(self, text: str, /) -> object: ...


def _moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    moment = datetime.datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)
    return min(moment, timezone.now())


def _act_time(case: Case, kind: str, act_id: int) -> datetime.datetime:
    """When the act took place, for the capture time of its record."""
    if kind == ActKind.INSPECTION:
        started = InvestigationRecord.objects.get(pk=act_id).started_at
        return min(started, timezone.now())
    day: datetime.date | None
    if kind == ActKind.SEIZURE:
        day = Seizure.objects.get(pk=act_id).started_on
    elif kind == ActKind.PRESERVATION:
        day = Preservation.objects.get(pk=act_id).started_on
    elif kind == ActKind.HEARING:
        day = Hearing.objects.get(pk=act_id).held_on
    elif kind == ActKind.DELIVERY:
        day = Delivery.objects.get(pk=act_id).delivered_on
    else:  # coercion: the day the measure was taken
        result = ActResult.objects.filter(case=case).first()
        day = result.decided_on if result is not None else None
    return _moment(day or case.created_at.date())


def _device(case: Case) -> RecordingDevice | None:
    return (
        RecordingDevice.objects.filter(
            agency_id=case.agency_id,
            device_type=DeviceType.BODY_CAMERA,
            status=DeviceStatus.IN_SERVICE,
        )
        .order_by("serial_number")
        .first()
    )


def _officer_ids(case: Case) -> list[int]:
    return sorted(
        case.case_officers.filter(removed_on__isnull=True).values_list("officer_id", flat=True)
    )[:2]


def demo_photo(seed: str, size: tuple[int, int] = (480, 360)) -> bytes:
    """A JPEG scene photo drawn with Pillow, the same for the same `seed`."""
    from PIL import Image, ImageDraw

    number = zlib.crc32(seed.encode())
    sky = (90 + number % 80, 140 + number % 60, 200)
    image = Image.new("RGB", size, sky)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((0, height * 2 // 3, width, height), fill=(110, 110, 105))
    for index in range(3 + number % 3):
        left = 20 + index * (width // 5)
        top = height // 3 - (number >> index) % (height // 5)
        draw.rectangle(
            (left, top, left + width // 7, height * 2 // 3),
            fill=(160 + index * 20, 150, 130),
            outline=(60, 60, 60),
        )
    draw.rectangle((0, height - 22, width, height), fill=(0, 0, 0))
    draw.text((6, height - 18), f"DEMO {seed}", fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def attach_demo_file(
    case: Case,
    *,
    actor: User,
    data: bytes,
    kind: str,
    filename: str,
    captured_at: datetime.datetime,
    act: tuple[str, int] | None = None,
    continuous: bool = False,
    description: str = "",
) -> EvidenceItem:
    """Upload `data` as evidence of `case` through `services.evidence_attach`, with the case's
    place, a body camera of its agency and its officers as the capture metadata."""
    device = _device(case)
    metadata: dict[str, str] = {
        "kind": kind,
        "captured_at": captured_at.isoformat(),
        "filename": filename,
        "place": case.place,
        "description": description,
        "officers": ",".join(str(pk) for pk in _officer_ids(case)),
        "continuous": "1" if continuous else "",
    }
    if device is not None and kind == EvidenceKind.AUDIO_VISUAL:
        metadata["device"] = str(device.pk)
    if act is not None:
        metadata["act_kind"], metadata["act_id"] = act[0], str(act[1])
    return evidence_attach(
        case=case, actor=actor, stream=io.BytesIO(data), length=len(data), metadata=metadata
    )


def record_av_acts(case: Case, *, actor: User) -> list[EvidenceItem | AvReason]:
    """Give each act of `case` that lacks its GUO-118-08 record one: a continuous video for
    查封扣押 and coercive measures (tier b); for a tier (c) act a video, or for about one act in
    four a recorded reason why there is none. Returns what was added."""
    video = VIDEO.read_bytes()
    added: list[EvidenceItem | AvReason] = []
    for row in av_checklist(case):
        if row.met:
            continue
        draw = zlib.crc32(f"{case.external_ref or case.pk}:{row.act_kind}".encode())
        if row.tier == AvTier.VIDEO_OR_REASON and draw % 4 == 0:
            added.append(
                av_reason_record(
                    case=case,
                    actor=actor,
                    act_kind=row.act_kind,
                    act_id=row.act_id,
                    reason=_REASONS[row.act_kind],
                )
            )
            continue
        captured_at = _act_time(case, row.act_kind, row.act_id)
        added.append(
            attach_demo_file(
                case,
                actor=actor,
                data=video,
                kind=EvidenceKind.AUDIO_VISUAL,
                filename=f"{_LABELS[row.act_kind]}_{captured_at:%Y%m%d}.mp4",
                captured_at=captured_at,
                act=(row.act_kind, row.act_id),
                continuous=True,
                description=f"{_LABELS[row.act_kind]}：{row.label}",
            )
        )
    return added


@dataclass
class EvidenceDemoSummary:
    created: int = 0
    existing: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created)

    def describe(self) -> str:
        return (
            f"Demo evidence: {self.created} files added to open cases, "
            f"{self.existing} cases already had theirs "
            f"({EvidenceItem.objects.count()} evidence files in all)."
        )


def _open_cases(limit: int) -> Iterable[Case]:
    """The open demo cases with an on-site record: the first `limit` by key."""
    return (
        Case.objects.filter(
            external_ref__startswith="demo:",
            closed_on__isnull=True,
            records__isnull=False,
        )
        .distinct()
        .order_by("external_ref")[:limit]
    )


def load_demo(*, stdout: Writer | None = None, limit: int = 12) -> EvidenceDemoSummary:
    """Photos of the scene and an interview recording for a few open demo cases (idempotent:
    a case that has evidence already is left alone)."""
    summary = EvidenceDemoSummary()
    audio = AUDIO.read_bytes()
    with transaction.atomic():
        for case in _open_cases(limit):
            if EvidenceItem.objects.filter(case=case).exists():
                summary.existing += 1
                continue
            record = case.records.order_by("started_at", "id").first()
            if record is None:
                continue
            started = min(record.started_at, timezone.now() - datetime.timedelta(hours=1))
            actor = case.created_by
            if actor is None or not may_change_case(actor, case):
                continue
            files: list[dict[str, Any]] = [
                {
                    "data": demo_photo(f"{case.external_ref}:{index}"),
                    "kind": EvidenceKind.AUDIO_VISUAL if index == 0 else EvidenceKind.PHYSICAL,
                    "filename": f"现场照片{index + 1}.jpg",
                    "description": "现场照片" if index == 0 else "涉案物品照片",
                }
                for index in range(2)
            ]
            files.append(
                {
                    "data": audio,
                    "kind": EvidenceKind.AUDIO_VISUAL,
                    "filename": "询问录音.m4a",
                    "description": "询问当事人录音",
                }
            )
            for offset, values in enumerate(files):
                attach_demo_file(
                    case,
                    actor=actor,
                    captured_at=started + datetime.timedelta(minutes=5 * offset),
                    **values,
                )
                summary.created += 1
    if stdout is not None:
        stdout.write(summary.describe() + "\n")
    return summary
