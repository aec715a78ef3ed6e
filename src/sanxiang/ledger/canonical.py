"""The bytes of a ledger entry: RFC 8785 JSON canonicalisation (JCS) of a fixed envelope.

An entry is the canonical JSON of

    {"index": <n>, "kind": "<kind>", "logged_at": "<UTC ISO 8601>", "payload": {...},
     "ref": "<ref>"}

Putting the index and the logging time inside the hashed bytes makes a moved, renumbered or
back-dated row visible to `sanxiang ledger verify`. The payload is first encoded the way a
Django `JSONField` with `DjangoJSONEncoder` stores it (dates and times as ISO 8601, decimals
and UUIDs as strings, tuples as lists), so a payload rebuilt from a database row compares
equal to the one logged. JCS (RFC 8785 §3.2) then fixes key order (UTF-16 code units),
number form (ECMAScript) and string escaping, so the same data always gives the same bytes.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import Any

import rfc8785
from django.core.serializers.json import DjangoJSONEncoder

__all__ = [
    "CanonicalizationError",
    "canonical_payload",
    "entry_bytes",
    "format_logged_at",
    "normalise",
    "parse_entry",
]


class CanonicalizationError(ValueError):
    """A payload that JSON cannot carry exactly (NaN, integers beyond ±2^53, odd types)."""


def normalise(value: Mapping[str, Any]) -> dict[str, Any]:
    """The payload as JSON gives it back: what a `JSONField` would return after saving it."""
    try:
        result = json.loads(json.dumps(value, cls=DjangoJSONEncoder, allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise CanonicalizationError(str(exc)) from exc
    if not isinstance(result, dict):
        raise CanonicalizationError("a payload is a JSON object")
    return result


def _jcs(value: Any) -> bytes:
    try:
        return rfc8785.dumps(value)
    except rfc8785.CanonicalizationError as exc:  # includes the integer and float domains
        raise CanonicalizationError(str(exc)) from exc


def _jcs_string(text: str) -> bytes:
    """A JSON string as RFC 8785 §3.2.2.2 writes it, without the general serialiser.

    `json.dumps(ensure_ascii=False)` escapes exactly what ECMAScript's JSON.stringify does
    (quote, backslash, \\b \\t \\n \\f \\r, other controls as lower-case \\u00xx) and keeps the
    rest literal; a lone surrogate fails to encode, as JCS requires.
    """
    try:
        return json.dumps(text, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise CanonicalizationError(f"not valid Unicode: {text!r}") from exc


def canonical_payload(payload: Mapping[str, Any]) -> bytes:
    """JCS bytes of the normalised payload (the `payload` member of the entry)."""
    return _jcs(normalise(payload))


def format_logged_at(moment: datetime.datetime) -> str:
    """UTC with microseconds, e.g. `2026-03-01T08:00:00.000000Z`."""
    utc = moment.astimezone(datetime.UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_bytes(
    *, index: int, kind: str, ref: str, logged_at: datetime.datetime, payload_json: bytes
) -> bytes:
    """The entry for already canonical payload bytes.

    The envelope's members are written in JCS order (index < kind < logged_at < payload <
    ref), each canonical, so the result equals `rfc8785.dumps` of the whole object without
    canonicalising the payload a second time while the ledger head is locked.
    """
    if not 0 <= index < 2**53:
        raise CanonicalizationError(f"index {index} is outside the JSON integer range")
    return b"".join(
        (
            b'{"index":',
            str(index).encode(),
            b',"kind":',
            _jcs_string(kind),
            b',"logged_at":',
            _jcs_string(format_logged_at(logged_at)),
            b',"payload":',
            payload_json,
            b',"ref":',
            _jcs_string(ref),
            b"}",
        )
    )


def parse_entry(entry: bytes) -> dict[str, Any]:
    """The envelope of an entry; raises `CanonicalizationError` unless it is canonical JSON."""
    try:
        value = json.loads(entry)
    except (UnicodeDecodeError, ValueError) as exc:
        raise CanonicalizationError(f"not JSON: {exc}") from exc
    if not isinstance(value, dict) or set(value) != {
        "index",
        "kind",
        "logged_at",
        "payload",
        "ref",
    }:
        raise CanonicalizationError("not a ledger entry envelope")
    if _jcs(value) != entry:
        raise CanonicalizationError("not in RFC 8785 canonical form")
    return value
