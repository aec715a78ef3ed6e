"""Interoperability: an independent client, written from the specs only, verifies the log.

`independent_verifier` imports nothing from `sanxiang.ledger`; it reads the running server
over HTTP (`live_server`), checks the Ed25519 signature of the checkpoint, rebuilds the root
from the tiles, and computes and verifies inclusion and consistency proofs itself. The proofs
of the platform's own API must be the same RFC 9162 arrays.
"""

from __future__ import annotations

import ast
import base64
import json
import urllib.request
from pathlib import Path

import pytest

from sanxiang.ledger import keys, services
from sanxiang.ledger.tests import independent_verifier as iv
from sanxiang.ledger.tests.records import log_plain


def api(live_server, path: str) -> dict:
    with urllib.request.urlopen(f"{live_server.url}/api/v1/ledger/{path}", timeout=10) as r:  # noqa: S310 - test server
        return json.loads(r.read())


def test_the_verifier_shares_no_code_with_the_implementation():
    source = Path(iv.__file__).read_text(encoding="utf-8")
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not [name for name in imported if name and name.startswith("sanxiang")]


def test_independent_verifier_over_http(live_server):
    log_plain(300)
    services.checkpoint_sign()
    log = iv.TiledLog(
        f"{live_server.url}/ledger", iv.parse_verifier_key(keys.verifier_get().text())
    )

    # The key served at /ledger/key is the one the operator publishes out of band.
    served_key, content_type = log.get("key")
    assert content_type == "text/plain; charset=utf-8"
    assert iv.parse_verifier_key(served_key.decode()) == log.key

    old = log.checkpoint()
    assert (old.origin, old.size) == ("sanxiang.test/ledger", 300)
    entries = iv.check_log(log, old)
    assert json.loads(entries[299])["index"] == 299
    for index in range(old.size):
        iv.prove_inclusion(log, old, index, entries[index])
    assert "tile/0/000" in log.fetched
    assert "tile/0/001.p/44" in log.fetched
    assert "tile/1/000.p/1" in log.fetched

    log_plain(250, start=300)
    services.checkpoint_sign()
    new = log.checkpoint()
    assert new.size == 550
    entries = iv.check_log(log, new)
    assert "tile/1/000.p/2" in log.fetched
    path = iv.prove_consistency(log, old, new)
    for index in (0, 255, 256, 299, 300, 511, 549):
        mine = iv.prove_inclusion(log, new, index, entries[index])
        theirs = api(live_server, f"proofs/inclusion?index={index}")
        assert [base64.b64decode(h) for h in theirs["inclusion_path"]] == mine
    theirs = api(live_server, "proofs/consistency?first=300")
    assert [base64.b64decode(h) for h in theirs["consistency_path"]] == path
    # Every older size is consistent with the new checkpoint, by the client's own proofs.
    for size in (1, 2, 3, 255, 256, 257, 299, 511, 512, 549):
        older = iv.TreeHead(old.origin, size, log.mth(0, size, new.size), b"")
        iv.prove_consistency(log, older, new)


def test_independent_verifier_rejects_a_foreign_signature(live_server):
    log_plain(3)
    services.checkpoint_sign()
    stranger = "sanxiang.test/ledger+{}+{}"
    # A key with the log's name but other key material: its ID differs, the note is refused.
    public = bytes(range(32))
    import hashlib

    key_hash = hashlib.sha256(b"sanxiang.test/ledger\n\x01" + public).digest()[:4]
    fake = iv.parse_verifier_key(
        stranger.format(key_hash.hex(), base64.b64encode(b"\x01" + public).decode())
    )
    with pytest.raises(iv.VerificationError, match="not signed"):
        iv.TiledLog(f"{live_server.url}/ledger", fake).checkpoint()
