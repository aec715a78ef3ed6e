"""The ledger side of evidence: the one payload builder and the file check.

Kind `evidence.file`, ref the item's primary key. The payload holds the file facts fixed at
upload (hashes, size, storage key, type, capture time, device and officer ids) in clear, and
the capture metadata that may identify a person or a place (place, GPS, description, the
uploader's file name) as salted commitments (docs/ledger.md "Personal data: commitments, not
values"; the salt is `EvidenceItem.ledger_salt`). `sanxiang ledger verify` rebuilds it
from the row (a changed hash, key or field is named) and re-hashes the stored file against
the row (`evidence_file_problem`), so an altered or replaced file is named in the report.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.utils import timezone

from sanxiang.evidence.models import EvidenceItem
from sanxiang.evidence.storing import hash_storage_file
from sanxiang.ledger.commitments import commit_tree

LEDGER_KIND = "evidence.file"

__all__ = [
    "LEDGER_KIND",
    "evidence_file_problem",
    "evidence_payload",
    "evidence_rebuild",
    "evidence_refs",
]


def _utc_text(moment: datetime.datetime) -> str:
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def evidence_payload(item: EvidenceItem) -> dict[str, Any]:
    """The ledger payload of `item`: the one builder, for the append and for verification.

    Entries are public: place, coordinates, description and file name (which may name a party
    or an address) are logged as commitments under `metadata`, never as values.
    """
    metadata = {
        "place": item.place,
        "latitude": None if item.latitude is None else f"{item.latitude:.6f}",
        "longitude": None if item.longitude is None else f"{item.longitude:.6f}",
        "description": item.description,
        "file_name": item.file_name,
    }
    return {
        "case_id": item.case_id,
        "agency_id": item.case.agency_id,
        "kind": item.kind,
        "captured_at": _utc_text(item.captured_at),
        "device_id": item.device_id,
        "officer_ids": sorted(item.officers.values_list("pk", flat=True)),
        "metadata": commit_tree(item.ledger_salt, metadata, "metadata"),
        "content_type": item.content_type,
        "size": item.size,
        "sha256": item.sha256,
        "sm3": item.sm3,
        "storage_key": item.storage_key,
        "act_kind": item.act_kind,
        "act_id": item.act_id,
        "is_continuous": item.is_continuous,
        "uploaded_by_id": item.uploaded_by_id,
    }


def evidence_rebuild(ref: str) -> dict[str, Any] | None:
    if not ref.isdigit():
        return None
    item = EvidenceItem.objects.select_related("case").filter(pk=int(ref)).first()
    return None if item is None else evidence_payload(item)


def evidence_refs() -> Iterator[str]:
    for pk in EvidenceItem.objects.values_list("pk", flat=True).iterator():
        yield str(pk)


def evidence_file_problem(ref: str) -> str | None:
    """Re-hash the stored file of item `ref`; describe a missing, altered or replaced file."""
    item = EvidenceItem.objects.filter(pk=int(ref)).first() if ref.isdigit() else None
    if item is None:
        return "the evidence row is missing"
    hashes = hash_storage_file(item.storage_key, sm3=bool(item.sm3))
    name = f"“{item.file_name}” ({item.storage_key})"
    if hashes is None:
        return f"evidence file {name} is missing from the storage"
    if hashes.size != item.size or hashes.sha256 != item.sha256:
        return (
            f"evidence file {name} was altered or replaced: SHA-256 {hashes.sha256}, "
            f"{hashes.size} bytes; recorded {item.sha256}, {item.size} bytes"
        )
    if item.sm3 and hashes.sm3 != item.sm3:
        return f"evidence file {name} was altered: SM3 {hashes.sm3}, recorded {item.sm3}"
    return None
