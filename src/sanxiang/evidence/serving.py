"""Serving a stored evidence file: HTTP range requests (RFC 9110 §14) for seeking in video
and audio, streamed 1 MiB at a time from the private storage."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

from sanxiang.evidence.conf import CHUNK_SIZE, private_storage
from sanxiang.evidence.models import EvidenceItem

__all__ = ["parse_range", "serve_item_file"]

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def parse_range(header: str, size: int) -> tuple[int, int] | bool | None:
    """The one byte range `header` asks for, as (first, last) inclusive.

    None: no usable range (serve the whole file: absent, malformed or several ranges, which a
    server may ignore). False: unsatisfiable (answer 416).
    """
    match = _RANGE.match(header.strip().replace(" ", "")) if header else None
    if match is None:
        return None
    first_text, last_text = match.groups()
    if not first_text:
        if not last_text:
            return None
        suffix = int(last_text)
        if suffix == 0:
            return False
        return (max(size - suffix, 0), size - 1) if size else False
    first = int(first_text)
    last = int(last_text) if last_text else size - 1
    if first >= size:
        return False
    if last < first:
        return None
    return (first, min(last, size - 1))


def _chunks(handle: IO[bytes], first: int, length: int) -> Iterator[bytes]:
    try:
        handle.seek(first)
        remaining = length
        while remaining > 0:
            data = handle.read(min(CHUNK_SIZE, remaining))
            if not data:
                break
            remaining -= len(data)
            yield data
    finally:
        handle.close()


def serve_item_file(
    item: EvidenceItem, range_header: str, *, as_attachment: bool
) -> HttpResponse | StreamingHttpResponse:
    """200 with the whole file, 206 with the asked range, or 416; never a redirect to storage."""
    size = item.size
    wanted = parse_range(range_header, size)
    if wanted is False:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        response["Accept-Ranges"] = "bytes"
        return response
    handle = private_storage().open(item.storage_key, "rb")
    if wanted is None or wanted is True:
        first, last, status = 0, size - 1, 200
    else:
        first, last = wanted
        status = 206
    length = last - first + 1 if size else 0
    streaming = StreamingHttpResponse(
        _chunks(handle, first, length), status=status, content_type=item.content_type
    )
    streaming["Content-Length"] = str(length)
    streaming["Accept-Ranges"] = "bytes"
    if status == 206:
        streaming["Content-Range"] = f"bytes {first}-{last}/{size}"
    streaming["Content-Disposition"] = (
        content_disposition_header(as_attachment, item.file_name) or "inline"
    )
    streaming["X-Content-Type-Options"] = "nosniff"
    streaming["Cache-Control"] = "private, no-store"
    return streaming
