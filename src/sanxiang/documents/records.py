"""The ledger records of the documents app: one leaf per issued document and per case file.

`document_payload` / `case_file_payload` are the one builders of each leaf's payload, used for
the append and registered as leaf sources (`DocumentsConfig.ready`), so `sanxiang ledger
verify` rebuilds them from the rows; `document_file_problem` / `case_file_problem` re-hash the
stored files, so a signed PDF altered on storage is found and named.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterator
from typing import Any

from django.core.files.storage import storages

from sanxiang.documents.models import CaseFile, Document, DocumentStatus

__all__ = [
    "CASE_FILE_KIND",
    "DOCUMENT_KIND",
    "case_file_payload",
    "case_file_problem",
    "case_file_rebuild",
    "case_file_refs",
    "document_file_problem",
    "document_payload",
    "document_rebuild",
    "document_refs",
    "stored_sha256",
]

DOCUMENT_KIND = "documents.document"
CASE_FILE_KIND = "documents.case_file"
_CHUNK = 1 << 20


def _utc(moment: datetime.datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def document_payload(document: Document) -> dict[str, Any]:
    """What the ledger fixes about an issued document (the one builder)."""
    return {
        "case_id": document.case_id,
        "agency_id": document.agency_id,
        "kind": document.kind,
        "source": document.source,
        "number": document.number,
        "title": document.title,
        "issued_on": document.issued_on.isoformat() if document.issued_on else None,
        "issued_at": _utc(document.issued_at),
        "issued_by_id": document.issued_by_id,
        "pdf_path": document.pdf_path,
        "pdf_sha256": document.pdf_sha256,
        "docx_path": document.docx_path,
        "docx_sha256": document.docx_sha256,
        "template_version": document.template_version,
        "signed_at": _utc(document.signed_at),
        "signer": document.signer,
        "certificate_sha256": document.certificate_sha256,
        "seal_sha256": document.seal_sha256,
    }


def document_rebuild(ref: str) -> dict[str, Any] | None:
    if not ref.isdigit():
        return None
    document = Document.objects.filter(pk=int(ref), status=DocumentStatus.ISSUED).first()
    return None if document is None else document_payload(document)


def document_refs() -> Iterator[str]:
    for pk in Document.objects.filter(status=DocumentStatus.ISSUED).values_list("pk", flat=True):
        yield str(pk)


def case_file_payload(case_file: CaseFile) -> dict[str, Any]:
    return {
        "case_id": case_file.case_id,
        "pdf_path": case_file.pdf_path,
        "sha256": case_file.sha256,
        "pages": case_file.pages,
        "entries": case_file.entries,
        "signed_at": _utc(case_file.signed_at),
        "signer": case_file.signer,
        "built_at": _utc(case_file.built_at),
        "built_by_id": case_file.built_by_id,
    }


def case_file_rebuild(ref: str) -> dict[str, Any] | None:
    if not ref.isdigit():
        return None
    case_file = CaseFile.objects.filter(pk=int(ref)).first()
    return None if case_file is None else case_file_payload(case_file)


def case_file_refs() -> Iterator[str]:
    for pk in CaseFile.objects.values_list("pk", flat=True):
        yield str(pk)


def stored_sha256(path: str) -> str | None:
    """SHA-256 of a private file, streamed; None if it is missing."""
    storage = storages["private"]
    if not storage.exists(path):
        return None
    digest = hashlib.sha256()
    with storage.open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _problem(label: str, path: str, expected: str) -> str | None:
    actual = stored_sha256(path)
    if actual is None:
        return f"{label} {path} is missing"
    if actual != expected:
        return f"{label} {path} was altered: SHA-256 {actual}, recorded {expected}"
    return None


def document_file_problem(ref: str) -> str | None:
    """Re-hash the signed PDF and the DOCX of issued document `ref`."""
    document = Document.objects.filter(pk=int(ref)).first() if ref.isdigit() else None
    if document is None:
        return "the document row is missing"
    name = document.number or f"{document.title} #{document.pk}"
    problems = [
        _problem(f"signed PDF of {name}:", document.pdf_path, document.pdf_sha256),
        _problem(f"DOCX of {name}:", document.docx_path, document.docx_sha256)
        if document.docx_path
        else None,
    ]
    found = [p for p in problems if p]
    return "; ".join(found) if found else None


def case_file_problem(ref: str) -> str | None:
    case_file = CaseFile.objects.filter(pk=int(ref)).first() if ref.isdigit() else None
    if case_file is None:
        return "the case file row is missing"
    return _problem(f"case file of case {case_file.case_id}:", case_file.pdf_path, case_file.sha256)
