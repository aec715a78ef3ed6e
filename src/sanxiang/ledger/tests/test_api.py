"""/api/v1/ledger/: public proofs in RFC 9162 form and the tlog-proof receipt."""

from __future__ import annotations

import base64

import pytest

from sanxiang.core.testing import assert_api_error
from sanxiang.ledger import merkle, services
from sanxiang.ledger.keys import verifier_get
from sanxiang.ledger.models import LedgerEntry
from sanxiang.ledger.notes import open_note, parse_checkpoint_body
from sanxiang.ledger.tests.records import log_plain

pytestmark = pytest.mark.django_db

API = "/api/v1/ledger"


def b64(value: bytes) -> str:
    return base64.b64encode(value).decode()


def unb64(values: list[str]) -> list[bytes]:
    return [base64.b64decode(v) for v in values]


@pytest.fixture
def signed_log():
    log_plain(10)
    first = services.checkpoint_sign()
    log_plain(11, start=10)
    second = services.checkpoint_sign()
    return first, second


def test_inclusion_by_index_against_the_latest_checkpoint(
    client, signed_log, django_assert_max_num_queries
):
    _, latest = signed_log
    with django_assert_max_num_queries(6):
        body = client.get(f"{API}/proofs/inclusion", {"index": 7}).json()
    entry = LedgerEntry.objects.get(index=7)
    assert body["tree_size"] == 21
    assert body["root_hash"] == b64(bytes(latest.root))
    assert body["checkpoint"] == latest.note
    assert body["entry"]["entry"] == bytes(entry.entry).decode()
    assert body["leaf_hash"] == b64(merkle.leaf_hash(bytes(entry.entry)))
    assert merkle.verify_inclusion(
        merkle.leaf_hash(body["entry"]["entry"].encode()),
        7,
        21,
        unb64(body["inclusion_path"]),
        base64.b64decode(body["root_hash"]),
    )


def test_inclusion_by_kind_and_ref_at_an_older_size(client, signed_log):
    first, _ = signed_log
    body = client.get(
        f"{API}/proofs/inclusion", {"kind": "test.plain", "ref": "3", "tree_size": 10}
    ).json()
    assert (body["index"], body["tree_size"], body["checkpoint"]) == (3, 10, first.note)
    root = base64.b64decode(body["root_hash"])
    assert root == bytes(first.root)
    leaf = base64.b64decode(body["leaf_hash"])
    assert merkle.verify_inclusion(leaf, 3, 10, unb64(body["inclusion_path"]), root)
    # A size nobody signed still gets a proof against the root computed from stored hashes.
    body = client.get(f"{API}/proofs/inclusion", {"index": 3, "tree_size": 15}).json()
    assert body["checkpoint"] is None
    assert merkle.verify_inclusion(
        leaf, 3, 15, unb64(body["inclusion_path"]), base64.b64decode(body["root_hash"])
    )


def test_consistency_between_checkpoints(client, signed_log):
    first, second = signed_log
    body = client.get(f"{API}/proofs/consistency", {"first": 10}).json()
    assert (body["first"], body["second"]) == (10, 21)
    assert (body["first_checkpoint"], body["second_checkpoint"]) == (first.note, second.note)
    old = parse_checkpoint_body(open_note(body["first_checkpoint"], [verifier_get()]))[2]
    new = parse_checkpoint_body(open_note(body["second_checkpoint"], [verifier_get()]))[2]
    assert merkle.verify_consistency(10, 21, old, new, unb64(body["consistency_path"]))
    same = client.get(f"{API}/proofs/consistency", {"first": 21, "second": 21}).json()
    assert same["consistency_path"] == []


def test_tlog_proof_receipt(client, signed_log):
    _, latest = signed_log
    response = client.get(f"{API}/entries/4/tlog-proof")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    head, _, checkpoint = text.partition("\n\n")
    lines = head.split("\n")
    assert lines[0] == "c2sp.org/tlog-proof@v1"
    assert lines[1].startswith("extra ")
    assert lines[2] == "index 4"
    assert checkpoint == latest.note
    entry = base64.b64decode(lines[1].removeprefix("extra "))
    assert entry == bytes(LedgerEntry.objects.get(index=4).entry)
    path = unb64(lines[3:])
    assert merkle.verify_inclusion(merkle.leaf_hash(entry), 4, 21, path, bytes(latest.root))


def test_entry(client, signed_log):
    body = client.get(f"{API}/entries/0").json()
    assert body["kind"] == "test.plain"
    assert body["ref"] == "0"
    assert body["logged_at"].endswith("Z")


def test_errors(client, signed_log):
    log_plain(1, start=21)  # appended but not yet signed
    assert_api_error(client.get(f"{API}/entries/21"), "ledger.not_yet_checkpointed", 404)
    assert_api_error(client.get(f"{API}/entries/99"), "not_found", 404)
    assert_api_error(
        client.get(f"{API}/proofs/inclusion", {"index": 21}), "ledger.not_yet_checkpointed", 404
    )
    assert_api_error(
        client.get(f"{API}/proofs/inclusion", {"index": 5, "tree_size": 99}),
        "ledger.tree_size",
        400,
    )
    assert_api_error(
        client.get(f"{API}/proofs/inclusion", {"index": 15, "tree_size": 10}),
        "ledger.not_in_tree",
        400,
    )
    assert_api_error(client.get(f"{API}/proofs/inclusion"), "ledger.proof_target", 400)
    assert_api_error(
        client.get(f"{API}/proofs/inclusion", {"kind": "test.plain", "ref": "nope"}),
        "not_found",
        404,
    )
    assert_api_error(
        client.get(f"{API}/proofs/consistency", {"first": 30}), "ledger.tree_size", 400
    )
    assert_api_error(client.get(f"{API}/proofs/consistency", {"first": 0}), "validation", 422)


def test_no_checkpoint_yet(client):
    log_plain(1)
    assert_api_error(
        client.get(f"{API}/proofs/consistency", {"first": 1}), "ledger.no_checkpoint", 404
    )


def test_openapi_lists_the_public_ledger_operations(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/ledger/proofs/inclusion", "/api/v1/ledger/proofs/consistency"):
        assert path in schema["paths"]
        assert "security" not in schema["paths"][path]["get"]
