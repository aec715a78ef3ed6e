"""Resumable uploads (tus 1.0 core + creation + termination): create, append, finish, discard.

An upload is created with its length and capture metadata, which are checked before a byte is
sent (`upload_session_create`). Bytes are appended to a staging file, 1 MiB at a time, hashed
as they arrive (`upload_append`); the type is checked by content as soon as the first bytes
are in, and the size limit of that type at the same moment. When the last byte arrives the
file is stored and the evidence row written (`evidence_create_from_upload`, items.py). A
refused upload (type, size, hash) is discarded at once: no row, no staged or stored file.
An interrupted one keeps its bytes so the client can resume at the offset the server reports;
if it never resumes, `uploads_expire` removes it.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from sanxiang.cases.access import require_case_writer
from sanxiang.cases.models import Case
from sanxiang.core.errors import ApplicationError, NotFoundError
from sanxiang.evidence.choices import EvidenceKind
from sanxiang.evidence.conf import CHUNK_SIZE, largest_allowed, max_bytes, upload_hours
from sanxiang.evidence.content import SNIFF_BYTES, detect_type, sanitise_file_name
from sanxiang.evidence.models import UploadSession
from sanxiang.evidence.services.acts import act_link_fields
from sanxiang.evidence.storing import RUNNING, FileHashes, hash_stream, staging_path
from sanxiang.registry.access import AnyUser
from sanxiang.registry.models import Officer, RecordingDevice, User

__all__ = [
    "AppendResult",
    "UploadRefused",
    "upload_append",
    "upload_discard",
    "upload_get",
    "upload_offset",
    "upload_session_create",
    "uploads_expire",
]

# Clock skew allowed between a phone and the server for `captured_at`.
FUTURE_TOLERANCE = datetime.timedelta(minutes=10)


class UploadRefused(ApplicationError):
    """The upload was refused and discarded; `http_status` is the tus answer (413, 415, 422)."""

    def __init__(self, message: str, *, code: str, status: int, **extra: Any) -> None:
        super().__init__(message, code=code, extra=extra)
        self.http_status = status


def _field_error(field: str, message: str, code: str = "evidence.metadata") -> ApplicationError:
    return ApplicationError(
        message, code=code, extra={"field": field, "fields": {field: [message]}}
    )


def _clean_metadata(case: Case, raw: Mapping[str, str]) -> dict[str, Any]:
    """Check the capture metadata of a new upload; return it as stored on the session."""
    kind = raw.get("kind", "")
    if kind not in EvidenceKind.values:
        raise _field_error("kind", _("Choose the type of evidence (LAW-APL-46)."))
    captured_at = parse_datetime(raw.get("captured_at", "") or "")
    if captured_at is None:
        raise _field_error("captured_at", _("Give the time the evidence was captured."))
    if timezone.is_naive(captured_at):
        captured_at = timezone.make_aware(captured_at)
    if captured_at > timezone.now() + FUTURE_TOLERANCE:
        raise _field_error("captured_at", _("The capture time is in the future."))
    coordinates: dict[str, str | None] = {"latitude": None, "longitude": None}
    for name, bound in (("latitude", 90), ("longitude", 180)):
        text = (raw.get(name) or "").strip()
        if not text:
            continue
        try:
            value = Decimal(text).quantize(Decimal("0.000001"))
        except InvalidOperation:
            raise _field_error(name, _("Not a coordinate.")) from None
        if not -bound <= value <= bound:
            raise _field_error(name, _("Not a coordinate."))
        coordinates[name] = str(value)
    device_id: int | None = None
    if raw.get("device"):
        device = RecordingDevice.objects.filter(
            pk=_int_or_none(raw["device"]) or 0, agency_id=case.agency_id
        ).first()
        if device is None:
            raise _field_error("device", _("Choose a recording device of the case's agency."))
        device_id = device.pk
    officer_ids = sorted({i for i in map(_int_or_none, _split(raw.get("officers", ""))) if i})
    if officer_ids:
        found = set(
            Officer.objects.filter(pk__in=officer_ids, agency_id=case.agency_id).values_list(
                "pk", flat=True
            )
        )
        if found != set(officer_ids):
            raise _field_error("officers", _("Choose officers of the case's agency."))
    act = act_link_fields(case, raw.get("act_kind", ""), raw.get("act_id", ""))
    expected = (raw.get("sha256") or "").strip().lower()
    if expected and (len(expected) != 64 or any(c not in "0123456789abcdef" for c in expected)):
        raise _field_error("sha256", _("A SHA-256 is 64 hexadecimal digits."))
    return {
        "kind": kind,
        "captured_at": captured_at.isoformat(),
        "place": (raw.get("place") or "").strip()[:255],
        **coordinates,
        "device_id": device_id,
        "officer_ids": officer_ids,
        "description": (raw.get("description") or "").strip(),
        "file_name": sanitise_file_name(raw.get("filename", "")),
        "is_continuous": (raw.get("continuous") or "").lower() in {"1", "true", "yes", "on"},
        "act": act,
        "expected_sha256": expected,
    }


def _int_or_none(text: object) -> int | None:
    try:
        return int(str(text).strip())
    except ValueError:
        return None


def _split(text: str) -> list[str]:
    return [part for part in text.replace("、", ",").split(",") if part.strip()]


@transaction.atomic
def upload_session_create(
    *, case: Case, actor: AnyUser, length: int | None, metadata: Mapping[str, str]
) -> UploadSession:
    """Open a resumable upload of `length` bytes for `case` (writers only, else 404/403).

    Refuses before any byte is sent: a missing or zero length (`evidence.length_required`),
    a length over the largest limit (`evidence.too_large`, 413), and bad metadata
    (`evidence.metadata`, `evidence.act_invalid`).
    """
    user = require_case_writer(actor, case)
    if length is None or length <= 0:
        raise ApplicationError(
            _("Say how many bytes the file has (Upload-Length)."),
            code="evidence.length_required",
        )
    if length > largest_allowed():
        raise UploadRefused(
            _("The file is larger than any evidence file may be (%(limit)s bytes).")
            % {"limit": largest_allowed()},
            code="evidence.too_large",
            status=413,
            limit=largest_allowed(),
        )
    session = UploadSession(
        case=case, created_by=user, length=length, metadata=_clean_metadata(case, metadata)
    )
    session.save(force_insert=True)
    staging_path(session.id).touch()
    return session


def upload_get(*, user: AnyUser, session_id: object) -> UploadSession:
    """The upload if `user` opened it and may still write to its case; else `NotFoundError`."""
    try:
        key = uuid.UUID(str(session_id))
    except ValueError:
        raise NotFoundError() from None
    session = UploadSession.objects.select_related("case").filter(pk=key).first()
    if session is None or not isinstance(user, User) or session.created_by_id != user.pk:
        raise NotFoundError()
    require_case_writer(user, session.case)
    return session


def upload_offset(session: UploadSession) -> int:
    """How many bytes the server holds (the staging file is the truth after any crash)."""
    path = staging_path(session.id)
    return path.stat().st_size if path.exists() else 0


@dataclass(frozen=True)
class AppendResult:
    offset: int
    complete: bool
    hashes: FileHashes | None  # set when complete


def _check_type(session: UploadSession, head: bytes) -> None:
    """Type by content and its size limit, as soon as the first bytes are in."""
    detected = detect_type(head)
    if detected is None:
        raise UploadRefused(
            _(
                "This kind of file is not accepted as evidence; its content is not a photo, "
                "audio, video or PDF file, whatever its name says."
            ),
            code="evidence.type_not_allowed",
            status=415,
        )
    limit = max_bytes(detected.media)
    if session.length > limit:
        raise UploadRefused(
            _("A %(type)s file may have at most %(limit)s bytes; this one has %(size)s.")
            % {"type": detected.content_type, "limit": limit, "size": session.length},
            code="evidence.too_large",
            status=413,
            limit=limit,
            content_type=detected.content_type,
        )
    session.content_type = detected.content_type
    session.save(update_fields=["content_type", "updated_at"])


def upload_append(
    *,
    session: UploadSession,
    offset: int,
    read: Callable[[int], bytes],
    content_length: int | None,
) -> AppendResult:
    """Append the request body (`read(n)` gives its next bytes) at `offset`.

    Refuses without writing: an offset other than the server's (`evidence.offset_mismatch`,
    409), a body that would run past the declared length (`evidence.too_long`, 413), an upload
    another request is appending to (`evidence.upload_busy`, 423). Refuses and discards the
    whole upload: content of a type not allowed (415) or too large for its type (413). A
    dropped connection keeps the bytes received; the client asks the offset and resumes.
    """
    path = staging_path(session.id)
    if not path.exists():
        raise NotFoundError()
    with path.open("ab") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UploadRefused(
                _("Another connection is sending this file; wait for it or try again."),
                code="evidence.upload_busy",
                status=423,
            ) from None
        current = handle.seek(0, 2)
        if offset != current:
            raise UploadRefused(
                _("The upload is at byte %(current)s, not %(offset)s; resume from there.")
                % {"current": current, "offset": offset},
                code="evidence.offset_mismatch",
                status=409,
                offset=current,
            )
        if content_length is not None and current + content_length > session.length:
            raise UploadRefused(
                _("The data would run past the declared length of the file."),
                code="evidence.too_long",
                status=413,
            )
        hasher = RUNNING.take(session.id, current)
        written = current
        sniffed = bool(session.content_type)
        try:
            while written < session.length:
                chunk = read(min(CHUNK_SIZE, session.length - written))
                if not chunk:
                    break
                handle.write(chunk)
                written += len(chunk)
                if hasher is not None:
                    hasher.update(chunk)
                if not sniffed and written >= min(SNIFF_BYTES, session.length):
                    handle.flush()
                    with path.open("rb") as head:
                        _check_type(session, head.read(SNIFF_BYTES))
                    sniffed = True
        except UploadRefused:
            upload_discard(session=session)
            raise
        except OSError:
            # The client went away mid-chunk: keep what arrived, so it can resume.
            pass
        finally:
            handle.flush()
    UploadSession.objects.filter(pk=session.pk).update(updated_at=timezone.now())
    complete = written == session.length
    if not complete:
        if hasher is not None:
            RUNNING.put(session.id, hasher)
        return AppendResult(offset=written, complete=False, hashes=None)
    if hasher is not None and hasher.size == written:
        hashes = hasher.result()
    else:  # resumed on another worker: one more read of the staged file
        with path.open("rb") as staged:
            hashes = hash_stream(staged)
    return AppendResult(offset=written, complete=True, hashes=hashes)


def upload_discard(*, session: UploadSession) -> None:
    """Remove an upload and its staged bytes (refused, cancelled or expired)."""
    RUNNING.drop(session.id)
    staging_path(session.id).unlink(missing_ok=True)
    with contextlib.suppress(UploadSession.DoesNotExist):
        UploadSession.objects.filter(pk=session.pk).delete()


def uploads_expire(*, now: datetime.datetime | None = None) -> int:
    """Remove the uploads not touched for `SANXIANG_EVIDENCE_UPLOAD_HOURS`; return how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(hours=upload_hours())
    stale = list(UploadSession.objects.filter(updated_at__lt=cutoff))
    for session in stale:
        upload_discard(session=session)
    return len(stale)
