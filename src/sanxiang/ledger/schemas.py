"""Shapes of the ledger API (hashes in standard base64, as in RFC 9162 JSON and C2SP texts)."""

from __future__ import annotations

from ninja import Schema


class EntryOut(Schema):
    index: int
    kind: str
    ref: str
    logged_at: str
    entry: str  # the canonical JSON entry (RFC 8785): SHA-256(0x00 || UTF-8 bytes) = leaf_hash
    leaf_hash: str


class InclusionProofOut(Schema):
    index: int
    tree_size: int
    leaf_hash: str
    root_hash: str
    inclusion_path: list[str]  # RFC 9162 §2.1.3.1 PATH, leaf's sibling first
    checkpoint: str | None  # the signed checkpoint of `tree_size`, when one was signed
    entry: EntryOut


class ConsistencyProofOut(Schema):
    first: int
    second: int
    first_hash: str
    second_hash: str
    consistency_path: list[str]  # RFC 9162 §2.1.4.1 PROOF
    first_checkpoint: str | None
    second_checkpoint: str | None
