"""Every read of the ledger: the public tree, its tiles and its proofs (STYLE.md convention 3).

The ledger is public by design (DESIGN.md §5): anyone may read every entry, tile and proof,
so these selectors take no user. What is public is the tree as of the latest signed
checkpoint; entries appended since then appear once the next checkpoint is signed.

Proofs and tiles are computed from stored subtree hashes (`merkle.range_blocks`): one query
for the leaf hashes and one for the nodes a proof needs, whatever the size of the log.
"""

from __future__ import annotations

import base64
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connections, router
from django.db.models import Max
from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError, NotFoundError
from sanxiang.ledger import merkle
from sanxiang.ledger.merkle import Block
from sanxiang.ledger.models import Checkpoint, LedgerEntry, LedgerNode
from sanxiang.ledger.tiles import Tile, bundle_encode, tile_available

__all__ = [
    "ConsistencyProof",
    "InclusionProof",
    "LedgerStorageError",
    "NotYetCheckpointedError",
    "bundle_data",
    "checkpoint_latest",
    "consistency_proof_get",
    "entry_for_ref",
    "entry_get",
    "inclusion_proof_get",
    "log_size",
    "stored_hashes",
    "tile_data",
    "tlog_proof_get",
]

TLOG_PROOF_HEADER = "c2sp.org/tlog-proof@v1"
_ENTRY = LedgerEntry._meta.db_table
_NODE = LedgerNode._meta.db_table


class LedgerStorageError(ApplicationError):
    """A stored hash the tree needs is missing: the storage is damaged (run `ledger verify`)."""

    http_status = 500

    def __init__(self, missing: int) -> None:
        super().__init__(
            _("%(count)s stored ledger hashes are missing; run “sanxiang ledger verify”.")
            % {"count": missing},
            code="ledger.storage_damaged",
        )


class NotYetCheckpointedError(ApplicationError):
    """The entry or tree size exists but no signed checkpoint covers it yet."""

    http_status = 404


def log_size() -> int:
    """The number of entries (indexes run from 0 without gaps), signed or not."""
    last = LedgerEntry.objects.aggregate(last=Max("index"))["last"]
    return 0 if last is None else int(last) + 1


def checkpoint_latest() -> Checkpoint | None:
    return Checkpoint.objects.order_by("-size").first()


def stored_hashes(blocks: Iterable[Block]) -> dict[Block, bytes]:
    """The stored hash of each block: leaf hashes for level 0, `LedgerNode` above.

    One statement (a UNION ALL of primary-key lookups) in plain SQL: built with the ORM, the
    twenty-odd lookups of a proof took longer to compile than to run.
    """
    wanted = set(blocks)
    by_level: dict[int, list[int]] = defaultdict(list)
    for level, index in wanted:
        by_level[level].append(index)
    conn = connections[router.db_for_read(LedgerNode)]
    ix = conn.ops.quote_name("index")
    parts: list[str] = []
    params: list[int] = []
    # Only fixed table and column names and "%s" placeholders go into the text.
    for level, indexes in sorted(by_level.items()):
        marks = ", ".join(["%s"] * len(indexes))
        if level == 0:
            parts.append(f"SELECT 0, {ix}, leaf_hash FROM {_ENTRY} WHERE {ix} IN ({marks})")  # noqa: S608
            params.extend(indexes)
        else:
            parts.append(
                f"SELECT level, {ix}, hash FROM {_NODE} WHERE level = %s AND {ix} IN ({marks})"  # noqa: S608
            )
            params.extend([level, *indexes])
    found: dict[Block, bytes] = {}
    if parts:
        with conn.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            found = {(int(lv), int(ix)): bytes(value) for lv, ix, value in cursor.fetchall()}
    if len(found) != len(wanted):
        raise LedgerStorageError(len(wanted) - len(found))
    return found


def _public_size() -> int:
    latest = checkpoint_latest()
    return latest.size if latest is not None else 0


def tile_data(tile: Tile) -> bytes | None:
    """The tile's concatenated hashes, or None if the latest checkpoint does not cover it."""
    if not tile_available(tile, _public_size()):
        return None
    first = tile.first_block
    if tile.level == 0:
        leaves = LedgerEntry.objects.filter(index__gte=first, index__lt=first + tile.width)
        hashes = [bytes(v) for v in leaves.order_by("index").values_list("leaf_hash", flat=True)]
    else:
        nodes = LedgerNode.objects.filter(
            level=tile.tree_level, index__gte=first, index__lt=first + tile.width
        )
        hashes = [bytes(v) for v in nodes.order_by("index").values_list("hash", flat=True)]
    if len(hashes) != tile.width:
        raise LedgerStorageError(tile.width - len(hashes))
    return b"".join(hashes)


def bundle_data(tile: Tile) -> bytes | None:
    """The entry bundle of a level-0 tile position, or None if not covered (see `tile_data`)."""
    if not tile_available(tile, _public_size()):
        return None
    first = tile.first_block
    entries = [
        bytes(value)
        for value in LedgerEntry.objects.filter(index__gte=first, index__lt=first + tile.width)
        .order_by("index")
        .values_list("entry", flat=True)
    ]
    if len(entries) != tile.width:
        raise LedgerStorageError(tile.width - len(entries))
    return bundle_encode(entries)


def entry_get(*, index: int) -> LedgerEntry:
    """The entry at `index` if a signed checkpoint covers it (else not found / not yet)."""
    entry = LedgerEntry.objects.filter(index=index).first()
    if entry is None:
        raise NotFoundError(_("No ledger entry %(index)s.") % {"index": index})
    if index >= _public_size():
        raise _not_yet(index)
    return entry


def entry_for_ref(*, kind: str, ref: str) -> LedgerEntry:
    """The latest entry logged for record `ref` of `kind`."""
    entry = LedgerEntry.objects.filter(kind=kind, ref=ref).order_by("-index").first()
    if entry is None:
        raise NotFoundError(
            _("Nothing is logged for %(kind)s %(ref)s.") % {"kind": kind, "ref": ref}
        )
    if entry.index >= _public_size():
        raise _not_yet(entry.index)
    return entry


def _not_yet(index: int) -> NotYetCheckpointedError:
    return NotYetCheckpointedError(
        _("Ledger entry %(index)s is not covered by a signed checkpoint yet; try again shortly.")
        % {"index": index},
        code="ledger.not_yet_checkpointed",
    )


def _tree(size: int | None) -> tuple[int, bytes, Checkpoint | None]:
    """`(size, root, checkpoint)` for a public tree size (default: the latest checkpoint)."""
    latest = checkpoint_latest()
    if latest is None:
        raise NotYetCheckpointedError(
            _("The ledger has no signed checkpoint yet."), code="ledger.no_checkpoint"
        )
    if size is None or size == latest.size:
        return latest.size, bytes(latest.root), latest
    if not 0 < size < latest.size:
        raise ApplicationError(
            _("Tree size must be between 1 and %(size)s, the latest signed checkpoint.")
            % {"size": latest.size},
            code="ledger.tree_size",
            extra={"fields": {"tree_size": [_("Out of range.")]}},
        )
    # A size that was signed keeps its signed root: damaged storage then fails the proof.
    checkpoint = Checkpoint.objects.filter(size=size).first()
    if checkpoint is not None:
        return size, bytes(checkpoint.root), checkpoint
    return size, merkle.root_hash(size, stored_hashes), None


@dataclass(frozen=True)
class InclusionProof:
    """RFC 9162 §2.1.3: the entry, its leaf hash, the tree and the inclusion path."""

    entry: LedgerEntry
    tree_size: int
    root: bytes
    path: list[bytes]
    checkpoint: Checkpoint | None

    @property
    def leaf_hash(self) -> bytes:
        return bytes(self.entry.leaf_hash)


def inclusion_proof_get(*, entry: LedgerEntry, tree_size: int | None = None) -> InclusionProof:
    """The inclusion proof of `entry` in the tree of `tree_size` (default: latest checkpoint)."""
    size, root, checkpoint = _tree(tree_size)
    if entry.index >= size:
        raise ApplicationError(
            _("Entry %(index)s is not in the tree of size %(size)s.")
            % {"index": entry.index, "size": size},
            code="ledger.not_in_tree",
            extra={"fields": {"tree_size": [_("Too small for this entry.")]}},
        )
    path = merkle.inclusion_proof(entry.index, size, stored_hashes)
    return InclusionProof(entry, size, root, path, checkpoint)


@dataclass(frozen=True)
class ConsistencyProof:
    """RFC 9162 §2.1.4: two tree heads and the proof that the first is a prefix."""

    first: int
    second: int
    first_root: bytes
    second_root: bytes
    path: list[bytes]
    first_checkpoint: Checkpoint | None
    second_checkpoint: Checkpoint | None


def consistency_proof_get(*, first: int, second: int | None = None) -> ConsistencyProof:
    """PROOF(first, D[second]) between two public sizes (default second: latest checkpoint)."""
    size2, root2, checkpoint2 = _tree(second)
    if not 0 < first <= size2:
        raise ApplicationError(
            _("The first tree size must be between 1 and %(size)s.") % {"size": size2},
            code="ledger.tree_size",
            extra={"fields": {"first": [_("Out of range.")]}},
        )
    size1, root1, checkpoint1 = _tree(first)
    path = merkle.consistency_proof(size1, size2, stored_hashes)
    return ConsistencyProof(size1, size2, root1, root2, path, checkpoint1, checkpoint2)


def tlog_proof_get(*, entry: LedgerEntry) -> str:
    """The offline receipt of `entry` (c2sp.org/tlog-proof@v1) against the latest checkpoint.

    The `extra` line carries the entry bytes in base64, so the receipt alone lets anyone
    recompute the leaf hash; like any extra data it is trusted only once the proof verifies.
    """
    proof = inclusion_proof_get(entry=entry)
    assert proof.checkpoint is not None  # noqa: S101 - _tree(None) returns the latest one
    lines = [
        TLOG_PROOF_HEADER,
        f"extra {base64.b64encode(bytes(entry.entry)).decode()}",
        f"index {entry.index}",
        *(base64.b64encode(node).decode() for node in proof.path),
        "",
    ]
    return "\n".join(lines) + "\n" + proof.checkpoint.note
