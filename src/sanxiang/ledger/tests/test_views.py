"""/ledger/: checkpoint, key, tiles and entry bundles as C2SP tlog-tiles resources."""

from __future__ import annotations

import struct

import pytest

from sanxiang.ledger import keys, merkle, services
from sanxiang.ledger.models import LedgerEntry
from sanxiang.ledger.tests.records import log_plain
from sanxiang.ledger.tests.test_merkle import ref_mth

pytestmark = pytest.mark.django_db


def leaf_hashes() -> list[bytes]:
    return [
        bytes(h) for h in LedgerEntry.objects.order_by("index").values_list("leaf_hash", flat=True)
    ]


def test_no_checkpoint_yet_is_404(client):
    assert client.get("/ledger/checkpoint").status_code == 404
    assert client.get("/ledger/tile/0/000.p/1").status_code == 404


def test_checkpoint_and_key(client):
    log_plain(3)
    checkpoint = services.checkpoint_sign()
    response = client.get("/ledger/checkpoint")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=5"
    assert response.content.decode() == checkpoint.note
    key = client.get("/ledger/key")
    assert key["Content-Type"] == "text/plain; charset=utf-8"
    assert key.content.decode() == keys.verifier_get().text() + "\n"
    assert key.content.decode().startswith("sanxiang.test/ledger+")


def test_anonymous_post_is_refused(client):
    assert client.post("/ledger/checkpoint").status_code == 405


def test_tiles_and_bundles_of_a_600_entry_log(client):
    log_plain(600)
    services.checkpoint_sign()
    leaves = leaf_hashes()

    full = client.get("/ledger/tile/0/001")
    assert full.status_code == 200
    assert full["Content-Type"] == "application/octet-stream"
    assert full["Cache-Control"] == "public, max-age=31536000, immutable"
    assert full.content == b"".join(leaves[256:512])

    partial = client.get("/ledger/tile/0/002.p/88")
    assert partial["Cache-Control"] == "public, max-age=60"
    assert partial.content == b"".join(leaves[512:600])
    assert client.get("/ledger/tile/0/002.p/10").content == b"".join(leaves[512:522])

    # Level 1 holds the roots of the complete 256-entry subtrees.
    entries = [
        bytes(e) for e in LedgerEntry.objects.order_by("index").values_list("entry", flat=True)
    ]
    level1 = client.get("/ledger/tile/1/000.p/2").content
    assert level1 == ref_mth(entries[:256]) + ref_mth(entries[256:512])

    bundle = client.get("/ledger/tile/entries/002.p/88").content
    decoded, offset = [], 0
    while offset < len(bundle):
        (length,) = struct.unpack(">H", bundle[offset : offset + 2])
        decoded.append(bundle[offset + 2 : offset + 2 + length])
        offset += 2 + length
    assert [merkle.leaf_hash(e) for e in decoded] == leaves[512:600]


OUTSIDE_OR_MISSPELLED = [
    "/ledger/tile/0/002",  # the full tile does not exist yet
    "/ledger/tile/0/002.p/89",  # wider than the checkpoint
    "/ledger/tile/0/003.p/1",
    "/ledger/tile/1/000",
    "/ledger/tile/1/000.p/3",
    "/ledger/tile/2/000.p/1",
    "/ledger/tile/entries/002",
    "/ledger/tile/0/2",  # not the path encoding
    "/ledger/tile/0/x000/002.p/1",
    "/ledger/tile/00/000",
    "/ledger/tile/0/000.p/256",
    "/ledger/tile/0/000.p/0",
    "/ledger/tile/0/000.p/010",
    "/ledger/tile/64/000",
]


def test_tiles_outside_the_signed_tree_or_misspelled_are_404(client):
    log_plain(600)
    services.checkpoint_sign()
    for path in OUTSIDE_OR_MISSPELLED:
        assert client.get(path).status_code == 404, path


def test_entries_after_the_latest_checkpoint_are_not_served(client):
    log_plain(3)
    services.checkpoint_sign()
    log_plain(2, start=3)
    assert client.get("/ledger/tile/0/000.p/3").status_code == 200
    assert client.get("/ledger/tile/0/000.p/4").status_code == 404
