"""`sanxiang ledger verify`: check every entry, source row, stored hash, checkpoint and file.

What each check catches (each mismatch names the entry index, kind and ref, the field, the
node or the checkpoint):

1. Entries, in index order: a missing index (row deleted); entry bytes that no longer hash
   to the stored leaf hash (row edited); bytes that are not the canonical envelope; an
   envelope whose index, kind, ref or time differs from the row (rows reordered, renumbered
   or relabelled).
2. Leaf sources (`ledger.sources`): the latest entry of each record is compared with the
   payload rebuilt from the live row; each differing field is named, a vanished row too.
3. Stored subtree hashes (the tiles): every `LedgerNode` against the tree rebuilt from the
   stored leaf hashes.
4. Checkpoints, in signing order: the Ed25519 signature under the platform key, the signed
   origin, size and root against the columns and against the tree rebuilt from the entry
   bytes (RFC 9162 §2.1.1), sizes growing, and an RFC 9162 §2.1.4 consistency proof from
   each checkpoint to the next (a swapped, forged or forked checkpoint fails here).
5. File checks (`ledger.sources`): every file re-hashed by the app that owns it.

The rebuilt tree is held in memory (about 130 MB at a million entries).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Max

from sanxiang.ledger import merkle
from sanxiang.ledger.canonical import (
    CanonicalizationError,
    canonical_payload,
    format_logged_at,
    normalise,
    parse_entry,
)
from sanxiang.ledger.keys import key_file, verifier_get
from sanxiang.ledger.merkle import Block
from sanxiang.ledger.models import Checkpoint, LedgerEntry, LedgerNode
from sanxiang.ledger.notes import NoteError, open_note, parse_checkpoint_body
from sanxiang.ledger.sources import file_checks, leaf_sources

__all__ = ["Mismatch", "VerifyReport", "ledger_verify"]

_CHUNK = 2000
_MISSING = b"\xff" * merkle.HASH_SIZE  # stands in for the leaf of a deleted row


@dataclass(frozen=True)
class Mismatch:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class VerifyReport:
    entries: int = 0
    nodes: int = 0
    checkpoints: int = 0
    records: int = 0
    files: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches

    def add(self, where: str, message: str) -> None:
        self.mismatches.append(Mismatch(where, message))


def _levels(leaves: list[bytes]) -> list[list[bytes]]:
    """Every complete subtree hash, level by level, from the leaf hashes."""
    levels = [leaves]
    while len(levels[-1]) > 1:
        below = levels[-1]
        levels.append(
            [merkle.node_hash(below[i], below[i + 1]) for i in range(0, len(below) - 1, 2)]
        )
    return levels


def _getter(levels: list[list[bytes]]) -> merkle.HashGetter:
    def get(blocks: Iterable[Block]) -> Mapping[Block, bytes]:
        return {(level, index): levels[level][index] for level, index in blocks}

    return get


def _label(index: int, kind: str, ref: str) -> str:
    return f"entry {index} ({kind} {ref})"


def _check_entries(report: VerifyReport) -> tuple[list[bytes], list[bytes]]:
    """Recomputed and stored leaf hashes by position (deleted rows as placeholders)."""
    recomputed: list[bytes] = []
    stored: list[bytes] = []
    rows = (
        LedgerEntry.objects.order_by("index")
        .values_list("index", "kind", "ref", "entry", "leaf_hash", "created_at")
        .iterator(chunk_size=_CHUNK)
    )
    for index, kind, ref, raw, raw_leaf, created_at in rows:
        for missing in range(len(recomputed), index):
            report.add(f"entry {missing}", "the row is missing: the entry was deleted")
            recomputed.append(_MISSING)
            stored.append(_MISSING)
        entry, leaf = bytes(raw), bytes(raw_leaf)
        where = _label(index, kind, ref)
        recomputed.append(merkle.leaf_hash(entry))
        stored.append(leaf)
        if recomputed[-1] != leaf:
            report.add(where, "the entry bytes do not hash to the stored leaf hash: edited")
        try:
            envelope = parse_entry(entry)
        except CanonicalizationError as exc:
            report.add(where, f"the entry is not a canonical ledger entry: {exc}")
            continue
        if envelope["index"] != index:
            report.add(
                where,
                f"the logged entry says index {envelope['index']}: rows reordered or renumbered",
            )
        for name, column in (("kind", kind), ("ref", ref)):
            if envelope[name] != column:
                report.add(where, f"column {name} is {column!r} but {envelope[name]!r} was logged")
        if envelope["logged_at"] != format_logged_at(created_at):
            report.add(
                where,
                f"column created_at is {format_logged_at(created_at)} "
                f"but {envelope['logged_at']} was logged",
            )
    report.entries = len(recomputed)
    return recomputed, stored


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 80 else text[:77] + "..."


def _differences(logged: Any, current: Any, path: str = "") -> list[str]:
    if isinstance(logged, dict) and isinstance(current, dict):
        found: list[str] = []
        for key in sorted(set(logged) | set(current)):
            name = f"{path}.{key}" if path else key
            if key not in current:
                found.append(f"field {name}: logged {_show(logged[key])}, now absent")
            elif key not in logged:
                found.append(f"field {name}: not logged, now {_show(current[key])}")
            else:
                found.extend(_differences(logged[key], current[key], name))
        return found
    if logged != current or type(logged) is not type(current):
        return [f"field {path or '(payload)'}: logged {_show(logged)}, now {_show(current)}"]
    return []


def _check_sources(report: VerifyReport) -> None:
    sources = leaf_sources()
    if not sources:
        return
    latest = (
        LedgerEntry.objects.filter(kind__in=list(sources))
        .values("kind", "ref")
        .annotate(last=Max("index"))
        .values_list("kind", "ref", "last")
    )
    targets = {last: (kind, ref) for kind, ref, last in latest}
    indexes = sorted(targets)
    for start in range(0, len(indexes), _CHUNK):
        chunk = indexes[start : start + _CHUNK]
        for index, raw in LedgerEntry.objects.filter(index__in=chunk).values_list("index", "entry"):
            kind, ref = targets[index]
            report.records += 1
            where = _label(index, kind, ref)
            try:
                logged = parse_entry(bytes(raw))["payload"]
            except CanonicalizationError:
                continue  # already named by the entry check
            try:
                rebuilt = sources[kind].rebuild(ref)
                current = None if rebuilt is None else normalise(rebuilt)
            except Exception as exc:  # noqa: BLE001 - a broken source is reported, not fatal
                report.add(where, f"the leaf source failed: {exc!r}")
                continue
            if current is None:
                report.add(where, "the recorded row is gone")
            elif canonical_payload(current) != canonical_payload(logged):
                for difference in _differences(logged, current) or ["the payload differs"]:
                    report.add(where, difference)
    for kind, source in sources.items():
        if source.list_refs is None:
            continue
        logged_refs = {ref for k, ref in targets.values() if k == kind}
        for ref in sorted(set(source.list_refs()) - logged_refs):
            report.add(f"{kind} {ref}", "the record has no ledger entry")


def _check_nodes(report: VerifyReport, levels: list[list[bytes]]) -> None:
    """Every stored subtree hash against the tree rebuilt from the stored leaf hashes."""
    seen = 0
    rows = (
        LedgerNode.objects.order_by("level", "index")
        .values_list("level", "index", "hash")
        .iterator(chunk_size=_CHUNK)
    )
    expected = sum(len(level) for level in levels[1:])
    present: set[Block] = set()
    for level, index, raw in rows:
        report.nodes += 1
        where = f"stored hash of level {level} index {index}"
        if level < 1 or level >= len(levels) or index >= len(levels[level]):
            report.add(where, "it is not a complete subtree of the log: added or entries deleted")
            continue
        seen += 1
        present.add((level, index))
        if bytes(raw) != levels[level][index]:
            first, last = index << level, ((index + 1) << level) - 1
            report.add(
                where,
                f"differs from the hash of entries {first}-{last} (a tile or leaf hash was edited)",
            )
    if seen != expected:
        for level in range(1, len(levels)):
            for index in range(len(levels[level])):
                if (level, index) not in present:
                    report.add(f"stored hash of level {level} index {index}", "missing")


def _check_checkpoints(report: VerifyReport, levels: list[list[bytes]]) -> None:
    checkpoints = list(Checkpoint.objects.order_by("id"))
    report.checkpoints = len(checkpoints)
    if not checkpoints:
        return
    if not key_file().exists():
        report.add("checkpoints", f"no signing key at {key_file()} to verify them with")
        return
    verifier = verifier_get()
    get = _getter(levels)
    previous: tuple[int, bytes, int] | None = None
    previous_intact = False
    intact_upto = 0  # the entries below this size still give a signed root
    for checkpoint in checkpoints:
        where = f"checkpoint #{checkpoint.pk} (size {checkpoint.size})"
        try:
            origin, size, root = parse_checkpoint_body(open_note(checkpoint.note, [verifier]))
        except NoteError as exc:
            report.add(where, f"the signed note does not verify with {verifier.text()}: {exc}")
            continue
        if origin != settings.SANXIANG_LEDGER_ORIGIN:
            report.add(where, f"signed for origin {origin}, not this log")
        if size != checkpoint.size or root != bytes(checkpoint.root):
            report.add(where, f"its size or root columns differ from the signed note (size {size})")
        intact = size <= report.entries and merkle.root_hash(size, get) == root
        if size > report.entries:
            report.add(where, f"signed for {size} entries but the log has {report.entries}")
        elif not intact:
            report.add(
                where,
                "the entries no longer give the signed root: an entry logged before this "
                f"checkpoint was changed, moved or removed (look from entry {intact_upto} on)",
            )
        if previous is not None:
            prev_size, prev_root, prev_pk = previous
            if size <= prev_size:
                report.add(where, f"signed after #{prev_pk} (size {prev_size}) but not larger")
            elif previous_intact and prev_size and size <= report.entries:
                # RFC 9162 §2.1.4: the earlier signed tree must be a prefix of this one.
                proof = merkle.consistency_proof(prev_size, size, get)
                if not merkle.verify_consistency(prev_size, size, prev_root, root, proof):
                    report.add(where, f"no consistency proof links it to checkpoint #{prev_pk}")
        if intact:
            intact_upto = max(intact_upto, size)
        previous, previous_intact = (size, root, checkpoint.pk), intact


def _check_files(report: VerifyReport) -> None:
    for kind, check in file_checks().items():
        refs = LedgerEntry.objects.filter(kind=kind).values_list("ref", flat=True).distinct()
        for ref in sorted(refs):
            report.files += 1
            try:
                problem = check(ref)
            except Exception as exc:  # noqa: BLE001 - a broken check is reported, not fatal
                problem = f"the file check failed: {exc!r}"
            if problem:
                report.add(f"file of {kind} {ref}", problem)


def ledger_verify() -> VerifyReport:
    """Run every check (see module doc) and return the report; reads only, writes nothing."""
    report = VerifyReport()
    recomputed, stored = _check_entries(report)
    _check_sources(report)
    content_levels = _levels(recomputed) if recomputed else [[]]
    stored_levels = content_levels if stored == recomputed else _levels(stored)
    _check_nodes(report, stored_levels)
    _check_checkpoints(report, content_levels)
    _check_files(report)
    return report
