"""Every write of the ledger (STYLE.md convention 2): appends, checkpoints, the signing key.

`ledger_append` is the one way into the log. It runs inside the caller's transaction (a
savepoint when there is one), so an entry exists exactly when the record it describes was
committed: a rolled-back caller takes its index back and the log keeps no gap.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import connections, router, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError
from sanxiang.ledger import keys, merkle
from sanxiang.ledger.canonical import CanonicalizationError, canonical_payload, entry_bytes
from sanxiang.ledger.models import (
    KIND_MAX_LENGTH,
    REF_MAX_LENGTH,
    Checkpoint,
    LedgerEntry,
    LedgerHead,
    LedgerNode,
)
from sanxiang.ledger.notes import (
    NoteError,
    Signer,
    checkpoint_body,
    open_note,
    parse_checkpoint_body,
)
from sanxiang.ledger.selectors import (
    LedgerStorageError,
    checkpoint_latest,
    log_size,
    stored_hashes,
)
from sanxiang.ledger.tiles import MAX_ENTRY_SIZE

__all__ = [
    "checkpoint_sign",
    "checkpoint_sign_if_due",
    "ledger_append",
    "signing_key_create",
]

KIND_RE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")

# Monotonic time before which an append does not even look at whether a checkpoint is due:
# keeps the check off the hot path and queues at most one check per transaction burst.
_next_check = 0.0


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: JSON (RFC 8785) cannot carry it
        return False
    return True


# The append path in plain SQL: the ORM compiles each statement anew (≈ 150 µs each), which
# made an append several times slower than the database itself; these are the same statements
# with only fixed table and column names in their text.
_ENTRY = LedgerEntry._meta.db_table
_NODE = LedgerNode._meta.db_table
_HEAD = LedgerHead._meta.db_table


def _lock_head(alias: str) -> None:
    """Lock the head row until the transaction ends, creating it before the very first append.

    On SQLite the transaction already holds the database's write lock (`BEGIN IMMEDIATE`).
    """
    conn = connections[alias]
    if not conn.features.has_select_for_update:
        return
    with conn.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {_HEAD} WHERE id = 1 FOR UPDATE")  # noqa: S608
        if cursor.fetchone() is not None:
            return
    # INSERT … ON CONFLICT DO NOTHING: a racing first append waits for the other's row.
    LedgerHead.objects.using(alias).bulk_create([LedgerHead(id=1)], ignore_conflicts=True)
    LedgerHead.objects.using(alias).select_for_update().get(pk=1)


def _tail(alias: str) -> tuple[int, list[bytes]]:
    """The log size and the hashes of `merkle.merge_blocks(size)`, read under the lock."""
    conn = connections[alias]
    ix = conn.ops.quote_name("index")
    with conn.cursor() as cursor:
        cursor.execute(f"SELECT {ix}, leaf_hash FROM {_ENTRY} ORDER BY {ix} DESC LIMIT 1")  # noqa: S608
        last = cursor.fetchone()
        if last is None:
            return 0, []
        size = int(last[0]) + 1
        blocks = merkle.merge_blocks(size)
        found = {(0, size - 1): bytes(last[1])}
        upper = [block for block in blocks if block[0] > 0]
        if upper:
            where = " OR ".join([f"(level = %s AND {ix} = %s)"] * len(upper))
            cursor.execute(
                f"SELECT level, {ix}, hash FROM {_NODE} WHERE {where}",  # noqa: S608
                [value for block in upper for value in block],
            )
            found.update(((int(lv), int(i)), bytes(h)) for lv, i, h in cursor.fetchall())
    missing = [block for block in blocks if block not in found]
    if missing:
        raise LedgerStorageError(len(missing))
    return size, [found[block] for block in blocks]


def _store(alias: str, row: LedgerEntry, completed: list[tuple[int, int, bytes]]) -> None:
    conn = connections[alias]
    ix = conn.ops.quote_name("index")
    created = conn.ops.adapt_datetimefield_value(row.created_at)
    with conn.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_ENTRY} ({ix}, kind, ref, entry, leaf_hash, created_at) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s, %s)",
            [row.index, row.kind, row.ref, row.entry, row.leaf_hash, created],
        )
        if completed:
            cursor.executemany(
                f"INSERT INTO {_NODE} (level, {ix}, hash) VALUES (%s, %s, %s)",  # noqa: S608
                completed,
            )
    row._state.adding = False
    row._state.db = alias


def ledger_append(*, kind: str, ref: str, payload: Mapping[str, Any]) -> LedgerEntry:
    """Append one record to the log and return its entry (its `index` is the leaf number).

    `kind` is a dotted lower-case name of the record type (e.g. `cases.event`), `ref` the
    record's identifier within it (usually its primary key, as text), `payload` the record's
    content as a JSON object, built by the same function the app registers as its leaf source
    (`ledger.sources.register_leaf_source`). Dates, decimals and UUIDs are encoded as a Django
    JSONField does.

    Runs in the caller's transaction (savepoint-safe): the head row is locked until the caller
    commits, which gives one global order with no gaps or duplicates on SQLite and PostgreSQL.
    Stores the canonical entry (RFC 8785), its leaf hash (RFC 9162 §2.1.1) and the subtree
    hashes it completes; after commit, signs a checkpoint if one is due.

    Refuses, with `ApplicationError`: a malformed kind or ref (`ledger.kind`, `ledger.ref`),
    a payload JSON cannot carry exactly (`ledger.payload`), and an entry over 65,535 bytes
    (`ledger.entry_too_large`, the C2SP tlog-tiles bundle limit).
    """
    if not (len(kind) <= KIND_MAX_LENGTH and KIND_RE.fullmatch(kind)):
        raise ApplicationError(
            _("A ledger kind is a dotted lower-case name such as cases.event, not “%(kind)s”.")
            % {"kind": kind},
            code="ledger.kind",
            extra={"fields": {"kind": [_("Invalid kind.")]}},
        )
    if not ref or len(ref) > REF_MAX_LENGTH or ref != ref.strip() or not _is_unicode(ref):
        raise ApplicationError(
            _("A ledger reference has 1 to 255 characters and no surrounding spaces."),
            code="ledger.ref",
            extra={"fields": {"ref": [_("Invalid reference.")]}},
        )
    try:
        payload_json = canonical_payload(payload)
    except CanonicalizationError as exc:
        raise ApplicationError(
            _("The ledger payload cannot be written as canonical JSON: %(error)s") % {"error": exc},
            code="ledger.payload",
            extra={"fields": {"payload": [str(exc)]}},
        ) from exc
    alias = router.db_for_write(LedgerEntry)
    with transaction.atomic(using=alias):
        _lock_head(alias)
        index, merging = _tail(alias)
        logged_at = timezone.now()
        entry = entry_bytes(
            index=index, kind=kind, ref=ref, logged_at=logged_at, payload_json=payload_json
        )
        if len(entry) > MAX_ENTRY_SIZE:
            raise ApplicationError(
                _("A ledger entry is at most 65,535 bytes; this one has %(size)s.")
                % {"size": len(entry)},
                code="ledger.entry_too_large",
                extra={"size": len(entry)},
            )
        leaf = merkle.leaf_hash(entry)
        _frontier, completed = merkle.frontier_append(index, merging, leaf)
        row = LedgerEntry(
            index=index, kind=kind, ref=ref, entry=entry, leaf_hash=leaf, created_at=logged_at
        )
        _store(alias, row, completed)
    _schedule_checkpoint()
    return row


def _interval() -> float:
    return float(settings.SANXIANG_LEDGER_CHECKPOINT_SECONDS)


def _schedule_checkpoint() -> None:
    global _next_check
    now = time.monotonic()
    if now < _next_check:
        return
    _next_check = now + min(_interval(), 1.0)  # until the queued check has run
    # robust: a failed signature is logged and never turns a committed write into an error.
    transaction.on_commit(checkpoint_sign_if_due, robust=True)


def checkpoint_sign_if_due() -> Checkpoint | None:
    """Sign a checkpoint if entries were added and `SANXIANG_LEDGER_CHECKPOINT_SECONDS` passed.

    For a periodic task, and queued after appends (in-process default). Returns the new
    checkpoint, or None when none was due.
    """
    global _next_check
    last = checkpoint_latest()
    age = (timezone.now() - last.signed_at).total_seconds() if last is not None else None
    if last is not None and age is not None and age < _interval():
        _next_check = time.monotonic() + _interval() - age
        return None
    if last is not None and log_size() == last.size:
        _next_check = time.monotonic()
        return None
    checkpoint = checkpoint_sign()
    _next_check = time.monotonic() + _interval()
    return checkpoint


def checkpoint_sign() -> Checkpoint:
    """Sign and keep a checkpoint of the whole log now (C2SP tlog-checkpoint, signed-note).

    Returns the latest checkpoint unchanged when no entry was added since. Holds the head lock
    while signing, so the size and root are those of one committed state. Refuses
    (`ledger.inconsistent`) when no consistency proof (RFC 9162 §2.1.4) built from the stored
    hashes links the new tree to the previous signed checkpoint (a damaged or rewritten log):
    a log never signs two checkpoints that cannot be linked (c2sp.org/tlog-checkpoint).
    """
    signer = keys.signer_get()  # outside the lock: the first call may create the key file
    alias = router.db_for_write(LedgerEntry)
    with transaction.atomic(using=alias):
        _lock_head(alias)
        size = log_size()
        last = checkpoint_latest()
        if last is not None and last.size == size:
            return last
        root = merkle.root_hash(size, stored_hashes)
        if last is not None:
            _check_extends(last, size, root, signer)
        note = signer.sign(checkpoint_body(signer.name, size, root))
        return Checkpoint.objects.create(
            size=size,
            root=root,
            note=note,
            key_id=signer.verifier.key_id.hex(),
            signed_at=timezone.now(),
        )


def _inconsistent(reason: str) -> ApplicationError:
    return ApplicationError(
        _("No checkpoint was signed: %(reason)s. Run “sanxiang ledger verify”.")
        % {"reason": reason},
        code="ledger.inconsistent",
    )


def _check_extends(last: Checkpoint, size: int, root: bytes, signer: Signer) -> None:
    """The new tree must extend the previous signed one (trusting only its signed text)."""
    try:
        _origin, last_size, last_root = parse_checkpoint_body(
            open_note(last.note, [signer.verifier])
        )
    except NoteError as exc:
        raise _inconsistent(
            _("the previous checkpoint does not verify (%(error)s)") % {"error": exc}
        ) from exc
    if last_size > size:
        raise _inconsistent(_("the log is shorter than the previous checkpoint"))
    proof = merkle.consistency_proof(last_size, size, stored_hashes) if 0 < last_size < size else []
    if last_size and not merkle.verify_consistency(last_size, size, last_root, root, proof):
        raise _inconsistent(_("the log no longer extends the previous checkpoint"))


def signing_key_create() -> tuple[str, bool]:
    """Create the checkpoint signing key if missing; `(verifier key text, created)`."""
    signer, created = keys.signer_create()
    return signer.verifier.text(), created
