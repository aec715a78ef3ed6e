"""Tamper tests: each change behind the platform's back is named by `sanxiang ledger verify`."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sanxiang.core.models import CalendarDay
from sanxiang.ledger import services
from sanxiang.ledger.keys import signer_get
from sanxiang.ledger.models import Checkpoint, LedgerEntry, LedgerNode
from sanxiang.ledger.notes import Signer, checkpoint_body
from sanxiang.ledger.sources import register_file_check
from sanxiang.ledger.tests import records
from sanxiang.ledger.tests.records import log_day, log_plain

pytestmark = pytest.mark.django_db


def verify() -> str:
    """Run the command; return its output, asserting it failed."""
    out = io.StringIO()
    with pytest.raises(CommandError, match="mismatch"):
        call_command("ledger", "verify", stdout=out)
    return out.getvalue()


@pytest.fixture
def days():
    """Eight logged holiday rows with their leaf source, signed at 5 and at 8 entries."""
    records.register()
    logged = [log_day(n, name=f"holiday {n}") for n in range(5)]
    services.checkpoint_sign()
    logged += [log_day(n, name=f"holiday {n}") for n in range(5, 8)]
    services.checkpoint_sign()
    return logged


def test_an_intact_ledger_verifies(days):
    out = io.StringIO()
    call_command("ledger", "verify", stdout=out)
    assert "Ledger verified: 8 entries, 8 source records" in out.getvalue()
    assert "2 checkpoints" in out.getvalue()


def test_an_edited_entry_row_is_named(days):
    day, entry = days[3]
    edited = bytes(entry.entry).replace(b"holiday 3", b"holiday X")
    LedgerEntry.objects.filter(index=3).update(entry=edited)
    out = verify()
    where = f"entry 3 (core.calendar_day {day.pk})"
    assert f"{where}: the entry bytes do not hash to the stored leaf hash: edited" in out
    assert f'{where}: field name: logged "holiday X", now "holiday 3"' in out
    first = Checkpoint.objects.earliest("id")
    assert f"checkpoint #{first.pk} (size 5): the entries no longer give the signed root" in out


def test_an_edited_entry_column_is_named(days):
    LedgerEntry.objects.filter(index=2).update(ref="999")
    out = verify()
    assert "entry 2 (core.calendar_day 999): column ref is '999' but" in out


def test_a_deleted_entry_row_is_named(days):
    LedgerEntry.objects.filter(index=4).delete()
    out = verify()
    assert "MISMATCH entry 4: the row is missing: the entry was deleted" in out
    assert f"MISMATCH core.calendar_day {days[4][0].pk}: the record has no ledger entry" in out


def test_deleted_last_entries_are_caught_by_the_checkpoint(days):
    LedgerEntry.objects.filter(index__gte=6).delete()
    out = verify()
    latest = Checkpoint.objects.latest("id")
    assert f"checkpoint #{latest.pk} (size 8): signed for 8 entries but the log has 6" in out


def test_reordered_entry_rows_are_named(days):
    rows = {row.index: row for row in LedgerEntry.objects.filter(index__in=(1, 6))}
    for index, other in ((1, 6), (6, 1)):  # swap everything but the position
        source = rows[other]
        LedgerEntry.objects.filter(index=index).update(
            kind=source.kind,
            ref=source.ref,
            entry=source.entry,
            leaf_hash=source.leaf_hash,
            created_at=source.created_at,
        )
    out = verify()
    assert "the logged entry says index 6: rows reordered or renumbered" in out
    assert "the logged entry says index 1: rows reordered or renumbered" in out


def test_a_record_changed_behind_the_ledgers_back_is_named(days):
    day, _ = days[2]
    CalendarDay.objects.filter(pk=day.pk).update(name="changed", note="added later")
    out = verify()
    where = f"entry 2 (core.calendar_day {day.pk})"
    assert f'{where}: field name: logged "holiday 2", now "changed"' in out
    assert f'{where}: field note: logged "", now "added later"' in out
    assert "checkpoint" not in out  # the log itself is intact


def test_a_deleted_record_is_named(days):
    day, _ = days[0]
    CalendarDay.objects.filter(pk=day.pk).delete()
    assert f"entry 0 (core.calendar_day {day.pk}): the recorded row is gone" in verify()


def test_a_record_created_behind_the_ledgers_back_is_named(days):
    day = CalendarDay.objects.create(date="2031-05-01", kind="holiday", name="unlogged")
    assert f"core.calendar_day {day.pk}: the record has no ledger entry" in verify()


def test_swapped_checkpoints_are_named(days):
    first, second = Checkpoint.objects.order_by("id")
    Checkpoint.objects.filter(pk=first.pk).update(note=second.note)
    Checkpoint.objects.filter(pk=second.pk).update(note=first.note)
    out = verify()
    assert (
        f"checkpoint #{first.pk} (size 5): its size or root columns differ from the signed note"
        in out
    )
    assert (
        f"checkpoint #{second.pk} (size 8): signed after #{first.pk} (size 8) but not larger" in out
    )


def test_a_checkpoint_signed_by_another_key_is_named(days):
    impostor = Signer.generate("sanxiang.test/ledger")
    latest = Checkpoint.objects.latest("id")
    forged = impostor.sign(checkpoint_body("sanxiang.test/ledger", 8, bytes(latest.root)))
    Checkpoint.objects.filter(pk=latest.pk).update(note=forged)
    out = verify()
    assert f"checkpoint #{latest.pk} (size 8): the signed note does not verify" in out


def test_a_forked_checkpoint_is_named(days):
    """Even signed with the real key, a root the entries do not give is caught."""
    latest = Checkpoint.objects.latest("id")
    forked = signer_get().sign(checkpoint_body("sanxiang.test/ledger", 8, bytes(32)))
    Checkpoint.objects.filter(pk=latest.pk).update(note=forked, root=bytes(32))
    out = verify()
    assert f"checkpoint #{latest.pk} (size 8): the entries no longer give the signed root" in out
    assert f"checkpoint #{latest.pk} (size 8): no consistency proof links it to checkpoint #" in out


def test_an_edited_stored_subtree_hash_is_named(days):
    LedgerNode.objects.filter(level=1, index=2).update(hash=bytes(32))
    out = verify()
    assert "stored hash of level 1 index 2: differs from the hash of entries 4-5" in out


def test_an_edited_level_0_tile_hash_is_named(days):
    LedgerEntry.objects.filter(index=5).update(leaf_hash=bytes(32))
    out = verify()
    assert "entry 5 (core.calendar_day" in out
    assert "the entry bytes do not hash to the stored leaf hash" in out
    assert "stored hash of level 1 index 2: differs from the hash of entries 4-5" in out


def test_an_edited_level_1_tile_is_named(client):
    log_plain(256)
    services.checkpoint_sign()
    LedgerNode.objects.filter(level=8, index=0).update(hash=b"\x01" * 32)
    assert client.get("/ledger/tile/1/000.p/1").content == b"\x01" * 32
    out = verify()
    assert "stored hash of level 8 index 0: differs from the hash of entries 0-255" in out


def test_an_altered_file_is_named(days, tmp_path):
    files, recorded = {}, {}
    for day, _ in days:
        path = tmp_path / f"evidence-{day.pk}.bin"
        path.write_bytes(b"video %d" % day.pk)
        files[str(day.pk)] = path
        recorded[str(day.pk)] = hashlib.sha256(path.read_bytes()).hexdigest()

    def check(ref: str) -> str | None:
        path = files[ref]
        if not path.exists():
            return f"{path.name} is missing"
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        return (
            None if actual == recorded[ref] else f"{path.name}: SHA-256 {actual} != {recorded[ref]}"
        )

    register_file_check(records.KIND, check)
    call_command("ledger", "verify", stdout=io.StringIO())
    altered = days[6][0]
    files[str(altered.pk)].write_bytes(b"replaced")
    out = verify()
    assert f"file of core.calendar_day {altered.pk}: evidence-{altered.pk}.bin: SHA-256" in out


def test_verify_without_any_source_checks_the_tree(db):
    log_plain(70)
    services.checkpoint_sign()
    out = io.StringIO()
    call_command("ledger", "verify", stdout=out)
    nodes = sum(70 >> level for level in range(1, 7))  # every complete subtree above the leaves
    assert f"70 entries, 0 source records, {nodes} stored subtree hashes, 1 checkpoints" in (
        out.getvalue()
    )


def test_a_missing_signing_key_is_reported(days, settings):
    settings.SANXIANG_LEDGER_KEY_FILE.unlink()
    assert "checkpoints: no signing key at" in verify()
