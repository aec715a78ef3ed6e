"""The tus 1.0.0 resumable upload protocol (core, creation, termination) for evidence files.

https://tus.io/protocols/resumable-upload — a recognised open protocol, so any tus client
(tus-js-client on the case page, TUSKit/tus-android-client in a field app, `tusd` tooling)
can upload. The browser's session and CSRF token authenticate, as for the rest of the office.

    OPTIONS  cases/<case>/uploads/   → 204, Tus-Version, Tus-Extension, Tus-Max-Size
    POST     cases/<case>/uploads/   Upload-Length, Upload-Metadata → 201, Location
    HEAD     uploads/<id>/           → 200, Upload-Offset, Upload-Length (ask where to resume)
    PATCH    uploads/<id>/           Upload-Offset, application/offset+octet-stream → 204
    DELETE   uploads/<id>/           → 204 (termination)

Refusals carry the platform's error body `{"code", "message", "extra"}` as JSON with the
status tus expects (409 offset, 412 version, 413 size, 415 type, 423 busy, 460 not used).
When the last byte arrives the 204 carries `Evidence-Item: <id>`.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from sanxiang.cases.access import access_case
from sanxiang.core.errors import ApplicationError
from sanxiang.evidence.conf import largest_allowed
from sanxiang.evidence.services import (
    RequestInfo,
    evidence_create_from_upload,
    upload_append,
    upload_discard,
    upload_get,
    upload_offset,
    upload_session_create,
)

TUS_VERSION = "1.0.0"
OFFSET_CONTENT_TYPE = "application/offset+octet-stream"


def _tus_headers(response: HttpResponse) -> HttpResponse:
    response["Tus-Resumable"] = TUS_VERSION
    response["Cache-Control"] = "no-store"
    return response


def _error(exc: ApplicationError) -> HttpResponse:
    return _tus_headers(JsonResponse(exc.as_dict(), status=exc.http_status))


def request_info(request: HttpRequest) -> RequestInfo:
    return RequestInfo(
        remote_addr=request.META.get("REMOTE_ADDR") or None,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:255],
    )


def parse_metadata(header: str) -> dict[str, str]:
    """`Upload-Metadata`: comma-separated `key base64(value)` pairs (value optional)."""
    result: dict[str, str] = {}
    for pair in header.split(","):
        parts = pair.strip().split(" ")
        if not parts or not parts[0]:
            continue
        value = ""
        if len(parts) > 1:
            try:
                value = base64.b64decode(parts[1], validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                raise ApplicationError(
                    _("The upload metadata is not valid base64 UTF-8."),
                    code="evidence.metadata",
                ) from None
        result[parts[0]] = value
    return result


def _version_ok(request: HttpRequest) -> bool:
    return request.headers.get("Tus-Resumable") == TUS_VERSION


def _options() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Tus-Version"] = TUS_VERSION
    response["Tus-Extension"] = "creation,termination"
    response["Tus-Max-Size"] = str(largest_allowed())
    return _tus_headers(response)


def _precondition_failed() -> HttpResponse:
    response = JsonResponse(
        {"code": "evidence.tus_version", "message": _("Only tus 1.0.0 is supported."), "extra": {}},
        status=412,
    )
    response["Tus-Version"] = TUS_VERSION
    return _tus_headers(response)


@require_http_methods(["OPTIONS", "POST"])
def upload_create(request: HttpRequest, case_id: int) -> HttpResponse:
    if request.method == "OPTIONS":
        return _options()
    if not _version_ok(request):
        return _precondition_failed()
    try:
        case = access_case(request.user, case_id)
        length_text = request.headers.get("Upload-Length", "")
        length = int(length_text) if length_text.isdigit() else None
        session = upload_session_create(
            case=case,
            actor=request.user,
            length=length,
            metadata=parse_metadata(request.headers.get("Upload-Metadata", "")),
        )
    except ApplicationError as exc:
        return _error(exc)
    response = HttpResponse(status=201)
    response["Location"] = reverse("evidence:upload", args=[session.id])
    return _tus_headers(response)


@require_http_methods(["OPTIONS", "HEAD", "PATCH", "DELETE"])
def upload_resource(request: HttpRequest, session_id: str) -> HttpResponse:
    if request.method == "OPTIONS":
        return _options()
    if not _version_ok(request):
        return _precondition_failed()
    try:
        session = upload_get(user=request.user, session_id=session_id)
    except ApplicationError as exc:
        return _error(exc)
    if request.method == "HEAD":
        response = HttpResponse(status=200)
        response["Upload-Offset"] = str(upload_offset(session))
        response["Upload-Length"] = str(session.length)
        return _tus_headers(response)
    if request.method == "DELETE":
        upload_discard(session=session)
        return _tus_headers(HttpResponse(status=204))
    return _patch(request, session)


def _patch(request: HttpRequest, session: Any) -> HttpResponse:
    if request.content_type != OFFSET_CONTENT_TYPE:
        message = _("Send the bytes as %(type)s.") % {"type": OFFSET_CONTENT_TYPE}
        body = {"code": "evidence.content_type", "message": message, "extra": {}}
        return _tus_headers(JsonResponse(body, status=415))
    offset_text = request.headers.get("Upload-Offset", "")
    if not offset_text.isdigit():
        return _error(
            ApplicationError(
                _("Say where the bytes start (Upload-Offset)."), code="evidence.offset_required"
            )
        )
    length_text = request.headers.get("Content-Length", "")
    try:
        result = upload_append(
            session=session,
            offset=int(offset_text),
            read=request.read,
            content_length=int(length_text) if length_text.isdigit() else None,
        )
        item = (
            evidence_create_from_upload(
                session=session, hashes=result.hashes, info=request_info(request)
            )
            if result.complete and result.hashes is not None
            else None
        )
    except ApplicationError as exc:
        return _error(exc)
    response = HttpResponse(status=204)
    response["Upload-Offset"] = str(result.offset)
    if item is not None:
        response["Evidence-Item"] = str(item.pk)
    return _tus_headers(response)
