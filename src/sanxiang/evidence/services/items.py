"""Writes on evidence items: create from a finished upload, decision basis, re-verification,
custody entries, transfer, and reasons for a missing video."""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from sanxiang.cases.access import require_case_writer
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case
from sanxiang.cases.refusals import refuse
from sanxiang.core.errors import ApplicationError
from sanxiang.evidence.choices import ActKind, CustodyAction, IntegrityState
from sanxiang.evidence.conf import private_storage
from sanxiang.evidence.content import detect_type
from sanxiang.evidence.integrity import LEDGER_KIND, evidence_payload
from sanxiang.evidence.models import AvReason, CustodyLog, EvidenceItem, UploadSession
from sanxiang.evidence.services.acts import TIERS, act_link_fields
from sanxiang.evidence.services.uploads import (
    UploadRefused,
    upload_append,
    upload_discard,
    upload_session_create,
)
from sanxiang.evidence.storing import FileHashes, hash_storage_file, staging_path, store_staged
from sanxiang.ledger.services import ledger_append
from sanxiang.registry.access import AnyUser
from sanxiang.registry.models import User

__all__ = [
    "RequestInfo",
    "av_reason_record",
    "custody_record",
    "evidence_attach",
    "evidence_create_from_upload",
    "evidence_mark_basis",
    "evidence_transfer",
    "evidence_verify",
]

logger = logging.getLogger(__name__)
THUMBNAIL_SIZE = (320, 320)


@dataclass(frozen=True)
class RequestInfo:
    """Where a custody action came from (the request's address and browser)."""

    remote_addr: str | None = None
    user_agent: str = ""


def custody_record(
    *,
    item: EvidenceItem,
    action: str,
    actor: User | None,
    info: RequestInfo | None = None,
    detail: dict[str, Any] | None = None,
) -> CustodyLog:
    """Append one entry to the item's custody chain (who, when, from where, what)."""
    info = info or RequestInfo()
    entry = CustodyLog(
        item=item,
        action=action,
        actor=actor,
        actor_name=actor.display_name if actor is not None else "",
        remote_addr=info.remote_addr or None,
        user_agent=info.user_agent[:255],
        detail=detail or {},
    )
    entry.save(force_insert=True)
    return entry


def _thumbnail(path: Path, key: str) -> str:
    """A JPEG thumbnail of an image (Pillow), stored beside it; "" when it cannot be read."""
    from PIL import Image, ImageOps

    try:
        with Image.open(path) as image:
            image.draft("RGB", THUMBNAIL_SIZE)
            shown = ImageOps.exif_transpose(image) or image
            shown.thumbnail(THUMBNAIL_SIZE)
            buffer = io.BytesIO()
            shown.convert("RGB").save(buffer, "JPEG", quality=80)
    except (OSError, ValueError, Image.DecompressionBombError):
        return ""  # e.g. HEIC without a decoder: the list shows an icon instead
    from django.core.files.base import ContentFile

    return str(private_storage().save(f"{key}.thumb.jpg", ContentFile(buffer.getvalue())))


def evidence_create_from_upload(
    *, session: UploadSession, hashes: FileHashes, info: RequestInfo | None = None
) -> EvidenceItem:
    """Turn a complete upload into an evidence item of its case.

    Refuses and discards (no row, no file): a SHA-256 other than the one the client declared
    (`evidence.hash_mismatch`, 422). Otherwise stores the file under a platform key (the
    user's file name is only displayed), makes a thumbnail of an image, and in one
    transaction writes the item, its ledger leaf (`evidence.file`, the hashes) and the case
    event `evidence.attached`, and opens its custody chain. If that transaction fails, the
    stored file and thumbnail are removed again.
    """
    meta = session.metadata
    expected = meta.get("expected_sha256") or ""
    if expected and expected != hashes.sha256:
        upload_discard(session=session)
        raise UploadRefused(
            _("The file arrived damaged: its SHA-256 is %(got)s, the device said %(expected)s.")
            % {"got": hashes.sha256, "expected": expected},
            code="evidence.hash_mismatch",
            status=422,
            sha256=hashes.sha256,
        )
    path = staging_path(session.id)
    with path.open("rb") as head:
        detected = detect_type(head.read(64))
    if detected is None:  # cannot happen after the check on the first bytes; belt and braces
        upload_discard(session=session)
        raise UploadRefused(
            _("This kind of file is not accepted as evidence."),
            code="evidence.type_not_allowed",
            status=415,
        )
    key = f"evidence/{session.case_id}/{session.id.hex}{detected.extension}"
    thumbnail_key = _thumbnail(path, key) if detected.media == "image" else ""
    stored_key = store_staged(path, key)
    try:
        item = _create_item(session, hashes, detected.content_type, stored_key, thumbnail_key, info)
    except BaseException:
        storage = private_storage()
        for leftover in (stored_key, thumbnail_key):
            if leftover:
                with contextlib.suppress(OSError):
                    storage.delete(leftover)
        upload_discard(session=session)
        raise
    return item


def evidence_attach(
    *,
    case: Case,
    actor: AnyUser,
    stream: IO[bytes],
    length: int,
    metadata: Mapping[str, str],
    info: RequestInfo | None = None,
) -> EvidenceItem:
    """Attach a file the server already holds (an export of a device's recordings, the demo)
    by the path of a tus upload: the same metadata checks, type and size refusals, staging,
    hashing, storage, ledger leaf, case event and custody entry. `metadata` takes the tus
    keys (`kind`, `captured_at`, `filename`, `place`, `act_kind`, `act_id`, `continuous`...).

    A stream that ends before `length` bytes leaves nothing behind (`evidence.incomplete`).
    """
    session = upload_session_create(case=case, actor=actor, length=length, metadata=metadata)
    result = upload_append(session=session, offset=0, read=stream.read, content_length=length)
    if not result.complete or result.hashes is None:
        upload_discard(session=session)
        raise ApplicationError(
            _("The file ended after %(offset)s of its %(length)s bytes.")
            % {"offset": result.offset, "length": length},
            code="evidence.incomplete",
        )
    return evidence_create_from_upload(session=session, hashes=result.hashes, info=info)


@transaction.atomic
def _create_item(
    session: UploadSession,
    hashes: FileHashes,
    content_type: str,
    key: str,
    thumbnail_key: str,
    info: RequestInfo | None,
) -> EvidenceItem:
    meta = session.metadata
    case = Case.objects.select_for_update().get(pk=session.case_id)
    actor = require_case_writer(session.created_by, case)
    captured_at = parse_datetime(meta["captured_at"])
    if captured_at is None:  # checked when the upload was created
        raise ValueError("upload metadata lost its capture time")
    item = EvidenceItem(
        case=case,
        kind=meta["kind"],
        captured_at=captured_at,
        place=meta.get("place", ""),
        latitude=meta.get("latitude"),
        longitude=meta.get("longitude"),
        device_id=meta.get("device_id"),
        description=meta.get("description", ""),
        file_name=meta.get("file_name") or "evidence",
        content_type=content_type,
        size=hashes.size,
        sha256=hashes.sha256,
        sm3=hashes.sm3,
        storage_key=key,
        thumbnail_key=thumbnail_key,
        is_continuous=bool(meta.get("is_continuous")) and content_type.startswith("video/"),
        uploaded_by=actor,
        integrity=IntegrityState.VERIFIED,
        verified_at=timezone.now(),
        **meta.get("act", {}),
    )
    item.full_clean(exclude=["officers"])
    item.save(force_insert=True)
    item.officers.set(meta.get("officer_ids", []))
    item.refresh_from_db()  # values as the database gives them back, for the payload
    entry = ledger_append(kind=LEDGER_KIND, ref=str(item.pk), payload=evidence_payload(item))
    item.ledger_index = entry.index
    item.save(update_fields=["ledger_index"])
    custody_record(
        item=item,
        action=CustodyAction.UPLOAD,
        actor=actor,
        info=info,
        detail={"sha256": item.sha256, "size": item.size},
    )
    record_case_event(
        case=case,
        action="evidence.attached",
        actor=actor,
        data={
            "evidence_id": item.pk,
            "kind": item.kind,
            "file_name": item.file_name,
            "sha256": item.sha256,
            "ledger_index": entry.index,
        },
    )
    UploadSession.objects.filter(pk=session.pk).delete()
    return item


@transaction.atomic
def evidence_mark_basis(*, item: EvidenceItem, actor: AnyUser, basis: bool) -> EvidenceItem:
    """Mark (or unmark) an item as a basis of the decision (定案依据).

    LAW-APL-41: a recording of a fixed electronic monitoring device that has not passed the
    legal and technical review (or whose location is not published) cannot be a basis:
    refused with `evidence.device_not_reviewed`. A file whose last check found it altered or
    missing cannot either (`evidence.integrity_failed`).
    """
    item = (
        EvidenceItem.objects.select_for_update(of=("self",))
        .select_related("device", "case")
        .get(pk=item.pk)
    )
    user = require_case_writer(actor, item.case)
    if basis and item.device is not None and not item.device.review_passed:
        refuse(
            _(
                "A recording of the fixed monitoring device %(device)s cannot be a basis of the "
                "decision: the device has not passed legal and technical review with a published "
                "location (LAW-APL-41)."
            )
            % {"device": item.device.serial_number},
            code="evidence.device_not_reviewed",
            rule="LAW-APL-41",
            field="is_decision_basis",
            device_id=item.device_id,
        )
    if basis and item.integrity in (IntegrityState.MISMATCH, IntegrityState.MISSING):
        refuse(
            _("An altered or missing file cannot be a basis of the decision."),
            code="evidence.integrity_failed",
            rule="LAW-APL-46",
            field="is_decision_basis",
        )
    if item.is_decision_basis == basis:
        return item
    item.is_decision_basis = basis
    item.save(update_fields=["is_decision_basis"])
    record_case_event(
        case=item.case,
        action="evidence.basis_marked" if basis else "evidence.basis_unmarked",
        actor=user,
        data={"evidence_id": item.pk, "sha256": item.sha256},
    )
    return item


def evidence_verify(
    *, item: EvidenceItem, actor: User | None, info: RequestInfo | None = None
) -> EvidenceItem:
    """Re-hash the stored file and record the result (integrity state, custody `verify`).

    Reads the file outside any transaction (it may be gigabytes), then records. A change to
    `mismatch` or `missing` is also a case event (`evidence.integrity_failed`) so the case's
    timeline and supervision see it.
    """
    hashes = hash_storage_file(item.storage_key, sm3=bool(item.sm3))
    if hashes is None:
        state = IntegrityState.MISSING
    elif (
        hashes.sha256 != item.sha256
        or hashes.size != item.size
        or (item.sm3 and hashes.sm3 != item.sm3)
    ):
        state = IntegrityState.MISMATCH
    else:
        state = IntegrityState.VERIFIED
    with transaction.atomic():
        locked = EvidenceItem.objects.select_for_update().select_related("case").get(pk=item.pk)
        previous = locked.integrity
        locked.integrity = state
        locked.verified_at = timezone.now()
        locked.save(update_fields=["integrity", "verified_at"])
        custody_record(
            item=locked,
            action=CustodyAction.VERIFY,
            actor=actor,
            info=info,
            detail={"result": state, "sha256": hashes.sha256 if hashes else None},
        )
        if state != IntegrityState.VERIFIED and state != previous:
            record_case_event(
                case=locked.case,
                action="evidence.integrity_failed",
                actor=actor,
                data={"evidence_id": locked.pk, "result": state, "file_name": locked.file_name},
            )
    return locked


@transaction.atomic
def evidence_transfer(
    *,
    item: EvidenceItem,
    actor: AnyUser,
    recipient: str,
    reason: str,
    info: RequestInfo | None = None,
) -> CustodyLog:
    """Record that a copy of the file was handed to `recipient` (移交: a court, a public
    security organ on transfer, the reviewing body), with the reason; a case event too."""
    case = item.case
    user = require_case_writer(actor, case)
    recipient, reason = recipient.strip(), reason.strip()
    if not recipient or not reason:
        field = "recipient" if not recipient else "reason"
        raise ApplicationError(
            _("Say to whom and why the evidence is handed over."),
            code="evidence.transfer_incomplete",
            extra={"field": field, "fields": {field: [_("This field is required.")]}},
        )
    entry = custody_record(
        item=item,
        action=CustodyAction.TRANSFER,
        actor=user,
        info=info,
        detail={"recipient": recipient[:255], "reason": reason[:1000], "sha256": item.sha256},
    )
    record_case_event(
        case=case,
        action="evidence.transferred",
        actor=user,
        data={"evidence_id": item.pk, "recipient": recipient[:255], "sha256": item.sha256},
    )
    return entry


@transaction.atomic
def av_reason_record(
    *, case: Case, actor: AnyUser, act_kind: str, act_id: object, reason: str
) -> AvReason:
    """Record why an act of GUO-118-08 tier (c) has no video (现场执法, 调查取证, 听证,
    留置/公告送达). Tier (b) acts (查封扣押, 强制拆除) need continuous video: a reason is
    refused (`evidence.video_mandatory`)."""
    user = require_case_writer(actor, case)
    link = act_link_fields(case, act_kind, act_id)
    if not act_kind:
        raise ApplicationError(
            _("Choose the act."), code="evidence.act_invalid", extra={"field": "act_kind"}
        )
    if TIERS[act_kind] != "video_or_reason":
        refuse(
            _(
                "%(act)s must be recorded on continuous video; a reason cannot replace it "
                "(GUO-118-08)."
            )
            % {"act": ActKind(act_kind).label},
            code="evidence.video_mandatory",
            rule="GUO-118-08",
            field="act_kind",
        )
    reason = reason.strip()
    if len(reason) < 4:
        raise ApplicationError(
            _("Explain why there is no video."),
            code="evidence.reason_required",
            extra={"field": "reason", "fields": {"reason": [_("This field is required.")]}},
        )
    row = AvReason(case=case, reason=reason, recorded_by=user, **link)
    row.full_clean()
    row.save(force_insert=True)
    record_case_event(
        case=case,
        action="evidence.av_reason_recorded",
        actor=user,
        data={"act_kind": act_kind, "act_id": row.act_id, "reason": reason},
    )
    return row
