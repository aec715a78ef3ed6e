"""How domain apps tell the verifier to recompute their leaves and re-hash their files.

The ledger imports no domain app (DESIGN.md §3). An app that logs a kind of record registers,
in its `AppConfig.ready()`:

* `register_leaf_source(kind, rebuild, list_refs=None)`: `rebuild(ref)` returns the payload
  the app would log now for the record `ref`, built from the current database row(s) by the
  same function that built the logged payload, or None if the row is gone. `sanxiang ledger
  verify` compares it with the latest entry of that kind and ref and names each differing
  field. The optional `list_refs()` yields every ref that should have an entry, so a row
  created behind the ledger's back (or whose entry was removed) is found as well.
* `register_file_check(kind, check)`: `check(ref)` re-hashes the file(s) of record `ref` and
  returns a description of the mismatch, or None when the file is intact.

Registering the same kind twice with a different function is a programming error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "FileCheck",
    "LeafSource",
    "file_checks",
    "leaf_sources",
    "register_file_check",
    "register_leaf_source",
]

Rebuild = Callable[[str], Mapping[str, Any] | None]
ListRefs = Callable[[], Iterable[str]]
FileCheck = Callable[[str], str | None]


@dataclass(frozen=True)
class LeafSource:
    kind: str
    rebuild: Rebuild
    list_refs: ListRefs | None = None


_LEAF_SOURCES: dict[str, LeafSource] = {}
_FILE_CHECKS: dict[str, FileCheck] = {}


def register_leaf_source(kind: str, rebuild: Rebuild, *, list_refs: ListRefs | None = None) -> None:
    """Tell the verifier how to rebuild the payload of entries of `kind` (see module doc)."""
    source = LeafSource(kind, rebuild, list_refs)
    existing = _LEAF_SOURCES.get(kind)
    if existing is not None and existing != source:
        raise ValueError(f"a leaf source for {kind!r} is already registered")
    _LEAF_SOURCES[kind] = source


def register_file_check(kind: str, check: FileCheck) -> None:
    """Tell the verifier how to re-hash the files of entries of `kind` (see module doc)."""
    existing = _FILE_CHECKS.get(kind)
    if existing is not None and existing != check:
        raise ValueError(f"a file check for {kind!r} is already registered")
    _FILE_CHECKS[kind] = check


def leaf_sources() -> dict[str, LeafSource]:
    return dict(_LEAF_SOURCES)


def file_checks() -> dict[str, FileCheck]:
    return dict(_FILE_CHECKS)
