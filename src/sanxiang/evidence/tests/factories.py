"""Test helpers that give a case's acts their GUO-118-08 records through the real services.

`attach_video` uploads the committed demo clip (a real H.264 MP4) through
`services.evidence_attach` — the tus path: metadata checks, type by content, hashing, private
storage, ledger leaf, case event, custody. `record_av_reason` records why a tier (c) act has
no video. Other apps' tests call them before closing a case with a seizure, a coercive
measure, an on-site record, a preservation, a held hearing or a 留置/公告 delivery.

Journeys through HTTP use `fill_av_checklist`: it reads the checklist as the officer sees it
(the JSON API, or the case's evidence page) and answers each open act with a video uploaded
through the tus endpoints, or a reason posted to the API or the page's form.
"""

from __future__ import annotations

import base64
import datetime
import io
import re
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sanxiang.cases.models import Case
from sanxiang.evidence.choices import AvTier, EvidenceKind
from sanxiang.evidence.demo import AUDIO, VIDEO, demo_photo
from sanxiang.evidence.models import AvReason, EvidenceItem
from sanxiang.evidence.services import av_reason_record, evidence_attach
from sanxiang.evidence.services.acts import TIERS, act_key
from sanxiang.registry.access import AnyUser

__all__ = [
    "attach_audio",
    "attach_photo",
    "attach_video",
    "fill_av_checklist",
    "record_av_reason",
    "tus_upload_video",
    "video_bytes",
]


def video_bytes() -> bytes:
    """A real four-second H.264/AAC MP4 (demo_assets/body-camera.mp4, about 17 KB)."""
    return VIDEO.read_bytes()


def _attach(
    case: Case,
    *,
    actor: AnyUser,
    data: bytes,
    filename: str,
    kind: str,
    act: object | None = None,
    continuous: bool = False,
    captured_at: datetime.datetime | None = None,
    **metadata: Any,
) -> EvidenceItem:
    values: dict[str, str] = {
        "kind": kind,
        "captured_at": (captured_at or timezone.now()).isoformat(),
        "filename": filename,
        "continuous": "1" if continuous else "",
        **{key: str(value) for key, value in metadata.items()},
    }
    if act is not None:
        act_kind, act_id = act_key(act)
        values["act_kind"], values["act_id"] = act_kind, str(act_id)
    return evidence_attach(
        case=case, actor=actor, stream=io.BytesIO(data), length=len(data), metadata=values
    )


def attach_video(
    case: Case,
    *,
    actor: AnyUser,
    act: object | None = None,
    continuous: bool = True,
    **metadata: Any,
) -> EvidenceItem:
    """Upload a real video of `act` (a seizure, on-site record, preservation, hearing,
    delivery, or the coercion case itself), continuous by default (全程音像记录)."""
    return _attach(
        case,
        actor=actor,
        data=video_bytes(),
        filename=metadata.pop("filename", "执法记录仪录像.mp4"),
        kind=EvidenceKind.AUDIO_VISUAL,
        act=act,
        continuous=continuous,
        **metadata,
    )


def attach_photo(
    case: Case, *, actor: AnyUser, seed: str = "photo", **metadata: Any
) -> EvidenceItem:
    """Upload a JPEG scene photo drawn with Pillow."""
    return _attach(
        case,
        actor=actor,
        data=demo_photo(seed),
        filename=metadata.pop("filename", "现场照片.jpg"),
        kind=EvidenceKind.AUDIO_VISUAL,
        **metadata,
    )


def attach_audio(case: Case, *, actor: AnyUser, **metadata: Any) -> EvidenceItem:
    """Upload a real AAC recording (demo_assets/interview.m4a)."""
    return _attach(
        case,
        actor=actor,
        data=AUDIO.read_bytes(),
        filename=metadata.pop("filename", "询问录音.m4a"),
        kind=EvidenceKind.AUDIO_VISUAL,
        **metadata,
    )


def record_av_reason(
    case: Case,
    *,
    actor: AnyUser,
    act: object,
    reason: str = "执法记录仪故障，已以现场笔录和照片固定过程。",
) -> AvReason:
    """Record why a tier (c) act (GUO-118-08) has no video."""
    act_kind, act_id = act_key(act)
    return av_reason_record(case=case, actor=actor, act_kind=act_kind, act_id=act_id, reason=reason)


def tus_upload_video(
    client: Client, case_id: int, *, act_kind: str, act_id: int, continuous: bool = True
) -> int:
    """Upload the demo clip with the tus protocol as the case page does, in two requests;
    returns the new evidence item's id."""
    data = video_bytes()
    values = {
        "kind": EvidenceKind.AUDIO_VISUAL,
        "captured_at": timezone.now().isoformat(),
        "filename": "执法记录仪录像.mp4",
        "act_kind": act_kind,
        "act_id": str(act_id),
        "continuous": "1" if continuous else "",
    }
    tus = {"Tus-Resumable": "1.0.0"}
    created = client.post(
        reverse("evidence:upload_create", args=[case_id]),
        headers={
            **tus,
            "Upload-Length": str(len(data)),
            "Upload-Metadata": ",".join(
                f"{key} {base64.b64encode(value.encode()).decode()}"
                for key, value in values.items()
            ),
        },
    )
    assert created.status_code == 201, (created.status_code, created.content)
    half = len(data) // 2
    for offset, chunk in ((0, data[:half]), (half, data[half:])):
        sent = client.generic(
            "PATCH",
            created["Location"],
            data=chunk,
            content_type="application/offset+octet-stream",
            headers={**tus, "Upload-Offset": str(offset)},
        )
        assert sent.status_code == 204, (sent.status_code, sent.content)
    return int(sent["Evidence-Item"])


def fill_av_checklist(
    client: Client,
    case_id: int,
    *,
    via: str = "api",
    reason: str | None = None,
) -> list[str]:
    """Before closing (GUO-118-08): give each open act of the case's audio-video checklist its
    record over HTTP, as the signed-in officer would. A 查封扣押 or coercive measure gets a
    continuous video (tus); a tier (c) act a video, or `reason` when given (posted to
    `/api/v1/evidence/cases/<id>/reasons`, or with `via="pages"` to the evidence page's form).
    The checklist is read from the API or, with `via="pages"`, the case's evidence page.
    Returns the acts answered, as `kind:id`."""
    open_acts = _open_acts(client, case_id, via)
    for act in open_acts:
        kind, act_id = act.split(":")
        if reason is None or TIERS[kind] == AvTier.CONTINUOUS:
            tus_upload_video(client, case_id, act_kind=kind, act_id=int(act_id))
        elif via == "pages":
            sent = client.post(
                reverse("evidence:case_av_reason", args=[case_id]), {"act": act, "reason": reason}
            )
            assert sent.status_code == 302, sent.status_code
        else:
            sent = client.post(
                f"/api/v1/evidence/cases/{case_id}/reasons",
                {"act_kind": kind, "act_id": int(act_id), "reason": reason},
                content_type="application/json",
            )
            assert sent.status_code == 201, (sent.status_code, sent.content)
    assert _open_acts(client, case_id, via) == []
    return open_acts


def _open_acts(client: Client, case_id: int, via: str) -> list[str]:
    if via == "pages":
        response = client.get(reverse("evidence:case", args=[case_id]))
        assert response.status_code == 200, response.status_code
        body = response.content.decode()
        return re.findall(r'data-act="(\w+:\d+)" data-met="0"', body)
    response = client.get(f"/api/v1/evidence/cases/{case_id}/checklist")
    assert response.status_code == 200, response.status_code
    return [f"{row['act_kind']}:{row['act_id']}" for row in response.json() if not row["met"]]
