"""Entry bytes: RFC 8785 canonical JSON of the envelope (no database)."""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Any

import pytest
import rfc8785

from sanxiang.ledger.canonical import (
    CanonicalizationError,
    canonical_payload,
    entry_bytes,
    normalise,
    parse_entry,
)

MOMENT = datetime.datetime(
    2026, 3, 1, 16, 0, 0, 123456, tzinfo=datetime.timezone(datetime.timedelta(hours=8))
)


def test_rfc8785_key_order_and_number_form():
    # RFC 8785 §3.2.3 sorts by UTF-16 code units; §3.2.2.3 writes numbers as ECMAScript does.
    assert canonical_payload(
        {"b": 1, "a": [1.0, 1e21, 0.1, "€", "\u000f"], "€": None, "\U0001f600": 0}
    ) == ('{"a":[1,1e+21,0.1,"€","\\u000f"],"b":1,"€":null,"\U0001f600":0}'.encode())


def test_payload_is_normalised_like_a_json_field():
    payload: dict[Any, Any] = {
        "on": datetime.date(2026, 3, 1),
        "amount": decimal.Decimal("12.50"),
        "id": uuid.UUID(int=1),
        "pair": (1, 2),
        3: "int key",
    }
    assert normalise(payload) == {
        "on": "2026-03-01",
        "amount": "12.50",
        "id": "00000000-0000-0000-0000-000000000001",
        "pair": [1, 2],
        "3": "int key",
    }


@pytest.mark.parametrize("payload", [{"x": float("nan")}, {"x": 2**60}, {"x": object()}])
def test_payloads_json_cannot_carry_exactly_are_refused(payload):
    with pytest.raises(CanonicalizationError):
        canonical_payload(payload)


def test_entry_bytes_are_the_canonical_envelope():
    payload = {"z": "法制审核", "a": {"y": 2, "x": 1}}
    entry = entry_bytes(
        index=12,
        kind="cases.event",
        ref="17",
        logged_at=MOMENT,
        payload_json=canonical_payload(payload),
    )
    envelope: dict[str, Any] = {
        "index": 12,
        "kind": "cases.event",
        "ref": "17",
        "logged_at": "2026-03-01T08:00:00.123456Z",
        "payload": payload,
    }
    assert entry == rfc8785.dumps(envelope)
    assert parse_entry(entry) == envelope


def test_parse_entry_refuses_non_canonical_bytes():
    with pytest.raises(CanonicalizationError, match="canonical"):
        parse_entry(b'{"ref":"1","index":1,"kind":"k","logged_at":"t","payload":{}}')
    with pytest.raises(CanonicalizationError, match="envelope"):
        parse_entry(b'{"index":1}')
    with pytest.raises(CanonicalizationError, match="JSON"):
        parse_entry(b"\xff")


@pytest.mark.parametrize(
    "text",
    [
        "cases.event",
        "案件 17",
        'quote " and \\ backslash',
        "\b\t\n\f\r\x00\x1f\x7f",
        "\u2028\u2029",
        "😀",
    ],
)
def test_envelope_strings_are_written_as_rfc8785_writes_them(text):
    entry = entry_bytes(index=0, kind="k", ref=text, logged_at=MOMENT, payload_json=b"{}")
    assert entry == rfc8785.dumps(
        {
            "index": 0,
            "kind": "k",
            "ref": text,
            "logged_at": "2026-03-01T08:00:00.123456Z",
            "payload": {},
        }
    )


def test_a_lone_surrogate_is_refused():
    with pytest.raises(CanonicalizationError):
        entry_bytes(index=0, kind="k", ref="\ud800", logged_at=MOMENT, payload_json=b"{}")
