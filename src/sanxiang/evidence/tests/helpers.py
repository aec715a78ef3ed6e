"""Building blocks of the evidence tests: real files and uploads through the tus endpoints."""

from __future__ import annotations

import base64
import io
import os
from typing import Any

from django.test import Client
from django.urls import reverse
from PIL import Image

from sanxiang.cases import services as case_services
from sanxiang.cases.models import Case
from sanxiang.cases.tests.factories import BASE_DAY, World, at
from sanxiang.registry.models import ActType

TUS = {"Tus-Resumable": "1.0.0"}


def png_bytes(size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def mp4_bytes(length: int = 300_000) -> bytes:
    """An ISO base media file header (ftyp isom) followed by random payload."""
    head = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"
    return head + os.urandom(length - len(head))


def metadata(**values: Any) -> str:
    values.setdefault("kind", "audio_visual")
    values.setdefault("captured_at", at(BASE_DAY, 9).isoformat())
    values.setdefault("filename", "现场.png")
    return ",".join(
        f"{key} {base64.b64encode(str(value).encode()).decode()}" for key, value in values.items()
    )


def tus_create(client: Client, case: Case, length: int, **meta: Any) -> Any:
    return client.post(
        reverse("evidence:upload_create", args=[case.pk]),
        headers={**TUS, "Upload-Length": str(length), "Upload-Metadata": metadata(**meta)},
    )


def tus_patch(client: Client, location: str, data: bytes, offset: int) -> Any:
    return client.generic(
        "PATCH",
        location,
        data=data,
        content_type="application/offset+octet-stream",
        headers={**TUS, "Upload-Offset": str(offset)},
    )


def tus_upload(client: Client, case: Case, data: bytes, **meta: Any) -> Any:
    """Create and send in one PATCH; returns the PATCH response (or the refused POST)."""
    created = tus_create(client, case, len(data), **meta)
    if created.status_code != 201:
        return created
    return tus_patch(client, created["Location"], data, 0)


def coercion_case(world: World) -> Case:
    case = case_services.act_register(
        act_type=ActType.COERCION, title="扣押涉案设备", actor=world.handler
    )
    case_services.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    case_services.act_progress(case=case, actor=world.handler)
    return case
