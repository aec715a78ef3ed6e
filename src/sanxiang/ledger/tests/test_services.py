"""Appending and signing through the services (the only writers of the ledger)."""

from __future__ import annotations

import stat

import pytest
from django.db import transaction

from sanxiang.core.errors import ApplicationError
from sanxiang.ledger import keys, merkle, services
from sanxiang.ledger.canonical import parse_entry
from sanxiang.ledger.models import Checkpoint, LedgerEntry, LedgerNode
from sanxiang.ledger.notes import open_note, parse_checkpoint_body
from sanxiang.ledger.selectors import log_size, stored_hashes
from sanxiang.ledger.tests.records import log_plain
from sanxiang.ledger.tests.test_merkle import ref_mth

pytestmark = pytest.mark.django_db


def entries() -> list[bytes]:
    return [bytes(e) for e in LedgerEntry.objects.order_by("index").values_list("entry", flat=True)]


def test_append_stores_entry_leaf_hash_and_completed_subtrees():
    first = services.ledger_append(kind="cases.event", ref="17", payload={"action": "cases.filed"})
    assert first.index == 0
    envelope = parse_entry(bytes(first.entry))
    assert envelope["payload"] == {"action": "cases.filed"}
    assert (envelope["index"], envelope["kind"], envelope["ref"]) == (0, "cases.event", "17")
    assert bytes(first.leaf_hash) == merkle.leaf_hash(bytes(first.entry))
    log_plain(6)
    assert list(LedgerEntry.objects.values_list("index", flat=True)) == list(range(7))
    # 7 leaves complete the level-1 subtrees 0-2 and the level-2 subtree 0.
    nodes = set(LedgerNode.objects.values_list("level", "index"))
    assert nodes == {(1, 0), (1, 1), (1, 2), (2, 0)}
    assert log_size() == 7
    assert merkle.root_hash(7, stored_hashes) == ref_mth(entries())


def test_a_rolled_back_caller_leaves_no_gap():
    log_plain(2)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.ledger_append(kind="test.plain", ref="x", payload={})
        raise RuntimeError("the caller fails after appending")
    assert services.ledger_append(kind="test.plain", ref="y", payload={}).index == 2
    assert log_size() == 3
    assert not LedgerEntry.objects.filter(ref="x").exists()


def test_a_refused_append_inside_a_savepoint_keeps_the_outer_transaction_usable():
    with transaction.atomic():
        log_plain(1)
        with pytest.raises(ApplicationError):
            services.ledger_append(kind="test.plain", ref="big", payload={"x": "y" * 70_000})
        log_plain(1, start=1)
    assert log_size() == 2


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"kind": "Cases Event", "ref": "1", "payload": {}}, "ledger.kind"),
        ({"kind": "cases.event", "ref": "", "payload": {}}, "ledger.ref"),
        ({"kind": "cases.event", "ref": " 1", "payload": {}}, "ledger.ref"),
        ({"kind": "cases.event", "ref": "\ud800", "payload": {}}, "ledger.ref"),
        ({"kind": "cases.event", "ref": "1", "payload": {"x": float("inf")}}, "ledger.payload"),
        (
            {"kind": "cases.event", "ref": "1", "payload": {"x": "y" * 65_500}},
            "ledger.entry_too_large",
        ),
    ],
)
def test_refusals(fields, code):
    with pytest.raises(ApplicationError) as error:
        services.ledger_append(**fields)
    assert error.value.code == code
    assert not LedgerEntry.objects.exists()


def test_an_entry_of_exactly_65535_bytes_is_accepted():
    probe = services.ledger_append(kind="test.plain", ref="p", payload={"x": ""})
    filler = 65535 - len(bytes(probe.entry))
    big = services.ledger_append(kind="test.plain", ref="p", payload={"x": "y" * filler})
    assert len(bytes(big.entry)) == 65535  # same index width (one digit) as the probe


def test_checkpoint_sign_creates_the_key_and_signs_the_tree(settings):
    log_plain(5)
    checkpoint = services.checkpoint_sign()
    key = keys.key_file()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    text = open_note(checkpoint.note, [keys.verifier_get()])
    assert parse_checkpoint_body(text) == ("sanxiang.test/ledger", 5, ref_mth(entries()))
    assert bytes(checkpoint.root) == ref_mth(entries())
    assert checkpoint.key_id == keys.verifier_get().key_id.hex()
    # Nothing new: the same checkpoint; then a new one after more appends.
    assert services.checkpoint_sign() == checkpoint
    log_plain(3, start=5)
    assert services.checkpoint_sign().size == 8
    assert Checkpoint.objects.count() == 2


def test_the_empty_log_can_be_signed():
    checkpoint = services.checkpoint_sign()
    assert (checkpoint.size, bytes(checkpoint.root)) == (0, merkle.EMPTY_ROOT)


@pytest.mark.parametrize("node", [(3, 0), (2, 1)])  # the root, then a consistency-proof node
def test_never_signs_over_damaged_subtree_hashes(node):
    log_plain(4)
    services.checkpoint_sign()
    log_plain(4, start=4)
    LedgerNode.objects.filter(level=node[0], index=node[1]).update(hash=bytes(32))
    with pytest.raises(ApplicationError) as error:
        services.checkpoint_sign()
    assert error.value.code == "ledger.inconsistent"
    assert Checkpoint.objects.count() == 1


def test_never_signs_a_tree_that_does_not_extend_the_previous_checkpoint():
    log_plain(4)
    services.checkpoint_sign()
    # Rewrite history consistently (entry, leaf hash, nodes, head) but not the signed past.
    entry = LedgerEntry.objects.get(index=1)
    forged = bytes(entry.entry).replace(b'"n":1', b'"n":9')
    LedgerEntry.objects.filter(index=1).update(entry=forged, leaf_hash=merkle.leaf_hash(forged))
    leaves = [
        bytes(h) for h in LedgerEntry.objects.order_by("index").values_list("leaf_hash", flat=True)
    ]
    level1 = [merkle.node_hash(leaves[0], leaves[1]), merkle.node_hash(leaves[2], leaves[3])]
    LedgerNode.objects.filter(level=1, index=0).update(hash=level1[0])
    LedgerNode.objects.filter(level=2, index=0).update(hash=merkle.node_hash(*level1))
    log_plain(1, start=4)
    with pytest.raises(ApplicationError) as error:
        services.checkpoint_sign()
    assert error.value.code == "ledger.inconsistent"


def test_a_key_for_another_origin_is_refused(settings):
    services.signing_key_create()
    settings.SANXIANG_LEDGER_ORIGIN = "other.example/log"
    with pytest.raises(ApplicationError) as error:
        services.checkpoint_sign()
    assert error.value.code == "ledger.key_name_mismatch"


def test_signing_key_create_keeps_an_existing_key():
    vkey, created = services.signing_key_create()
    assert created
    assert services.signing_key_create() == (vkey, False)
    assert vkey.startswith("sanxiang.test/ledger+")


class TestCheckpointIfDue:
    def test_first_append_signs_after_commit(self, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            log_plain(3)
        assert len(callbacks) == 1  # one queued check for the burst, not one per append
        assert Checkpoint.objects.get().size == 3

    def test_not_due_within_the_interval(self, settings):
        log_plain(2)
        services.checkpoint_sign()
        log_plain(1, start=2)
        assert services.checkpoint_sign_if_due() is None
        settings.SANXIANG_LEDGER_CHECKPOINT_SECONDS = 0
        signed = services.checkpoint_sign_if_due()
        assert signed is not None
        assert signed.size == 3
        assert services.checkpoint_sign_if_due() is None  # nothing new

    def test_a_failing_signature_does_not_undo_the_append(
        self, settings, django_capture_on_commit_callbacks
    ):
        settings.SANXIANG_LEDGER_KEY_FILE.parent.mkdir(parents=True)
        settings.SANXIANG_LEDGER_KEY_FILE.write_text("not a key\n")
        with django_capture_on_commit_callbacks(execute=True):
            log_plain(1)
        assert LedgerEntry.objects.count() == 1
        assert not Checkpoint.objects.exists()
