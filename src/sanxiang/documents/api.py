"""JSON API of the documents app, mounted under /api/v1/documents/ by config/urls.py.

Reads go through `documents.selectors` (a case or document of another agency is 404, like a
missing one); writes through `documents.services`. Files are returned as downloads, each one
recorded as a case event.
"""

from __future__ import annotations

import datetime
from urllib.parse import quote

from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from sanxiang.cases.api.common import actor
from sanxiang.cases.schemas.common import READ_ERRORS, WRITE_ERRORS
from sanxiang.core.errors import NotFoundError
from sanxiang.documents import selectors, services
from sanxiang.documents.signing import verify_pdf
from sanxiang.registry.access import access_agency

router = Router(tags=["documents"])


class DocumentOut(Schema):
    id: int
    case_id: int
    kind: str
    source: str
    status: str
    title: str
    number: str
    issued_on: datetime.date | None
    issued_at: datetime.datetime | None
    pdf_sha256: str
    docx_sha256: str
    pdf_pages: int
    template_version: int
    signed_at: datetime.datetime | None
    signer: str
    certificate_sha256: str
    edits: dict[str, str]


class SlotOut(Schema):
    kind: str
    title: str
    source: str
    source_label: str
    editable: list[str]
    document: DocumentOut | None


class CaseDocumentsOut(Schema):
    case_id: int
    items: list[SlotOut]
    case_file_sha256: str | None


class EditIn(Schema):
    source: str = ""
    values: dict[str, str]


class IssueIn(Schema):
    source: str = ""


class VerifyOut(Schema):
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_file: bool
    signer: str
    signed_at: datetime.datetime | None
    sha256_matches: bool


class CaseFileOut(Schema):
    case_id: int
    sha256: str
    pages: int
    entries: list[dict[str, object]]
    signed_at: datetime.datetime | None


class TemplateOut(Schema):
    id: int
    agency_id: int
    kind: str
    version: int
    sha256: str
    placeholders: list[str]


@router.get(
    "/cases/{case_id}",
    response={200: CaseDocumentsOut, **READ_ERRORS},
    summary="The documents a case's stage offers, issued or not",
)
def case_documents(request: HttpRequest, case_id: int) -> dict[str, object]:
    case, slots = selectors.case_documents(user=actor(request), case_id=case_id)
    case_file = selectors.case_file_for(case)
    return {
        "case_id": case.pk,
        "case_file_sha256": case_file.sha256 if case_file else None,
        "items": [
            {
                "kind": s.kind.code,
                "title": s.kind.title,
                "source": s.source.ref,
                "source_label": s.source.label,
                "editable": sorted(s.kind.editable_names),
                "document": s.document,
            }
            for s in slots
        ],
    }


@router.post(
    "/cases/{case_id}/{kind}/edit",
    response={200: DocumentOut, **WRITE_ERRORS},
    summary="Set the fields the officer may edit (each change is a case event)",
)
def document_edit(request: HttpRequest, case_id: int, kind: str, payload: EditIn) -> object:
    user = actor(request)
    case, _slots = selectors.case_documents(user=user, case_id=case_id)
    return services.document_edit(
        case=case, kind_code=kind, source=payload.source, values=payload.values, actor=user
    )


@router.post(
    "/cases/{case_id}/{kind}/issue",
    response={201: DocumentOut, **WRITE_ERRORS},
    summary="Issue, number (STD-9704-7.2.5) and sign (PAdES) a document",
)
def document_issue(request: HttpRequest, case_id: int, kind: str, payload: IssueIn) -> Status:
    """Refused with `documents.incomplete` (extra.missing lists each element and its rule, e.g.
    LAW-APL-59) when a decision lacks an element or the agency seal."""
    user = actor(request)
    case, _slots = selectors.case_documents(user=user, case_id=case_id)
    return Status(
        201, services.document_issue(case=case, kind_code=kind, source=payload.source, actor=user)
    )


@router.post(
    "/cases/{case_id}/case-file",
    response={201: CaseFileOut, **WRITE_ERRORS},
    summary="Bind the case file (一案一卷, SAMR-PROC-78) of a closed or archived case",
)
def case_file_build(request: HttpRequest, case_id: int) -> Status:
    user = actor(request)
    case, _slots = selectors.case_documents(user=user, case_id=case_id)
    return Status(201, services.case_file_build(case=case, actor=user))


@router.get("/{document_id}", response={200: DocumentOut, **READ_ERRORS}, summary="One document")
def document_get(request: HttpRequest, document_id: int) -> object:
    return selectors.document_get(user=actor(request), document_id=document_id)


@router.get(
    "/{document_id}/verify",
    response={200: VerifyOut, **READ_ERRORS},
    summary="Check the stored PDF's hash and PAdES signature (pyHanko validation)",
)
def document_verify(request: HttpRequest, document_id: int) -> dict[str, object]:
    document = selectors.document_get(user=actor(request), document_id=document_id)
    if not document.is_issued:
        raise NotFoundError()
    from django.core.files.storage import storages

    from sanxiang.documents.signing import sha256_hex

    with storages["private"].open(document.pdf_path, "rb") as handle:
        pdf = handle.read()
    result = verify_pdf(pdf, agency=document.agency)
    return {
        "intact": result.intact,
        "valid": result.valid,
        "trusted": result.trusted,
        "covers_whole_file": result.covers_whole_file,
        "signer": result.signer,
        "signed_at": result.signed_at,
        "sha256_matches": sha256_hex(pdf) == document.pdf_sha256,
    }


@router.get(
    "/{document_id}/{fmt}",
    response={200: None, **READ_ERRORS},
    summary="Download the signed PDF (`pdf`) or the DOCX (`docx`); the download is recorded",
)
def document_download(request: HttpRequest, document_id: int, fmt: str) -> HttpResponse:
    user = actor(request)
    document = selectors.document_get(user=user, document_id=document_id)
    if fmt not in {"pdf", "docx"}:
        raise NotFoundError()
    data, name, content_type = services.document_download(document=document, fmt=fmt, actor=user)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


@router.post(
    "/templates",
    response={201: TemplateOut, **WRITE_ERRORS},
    summary="Upload a DOCX template (docxtpl placeholders) for an agency and kind (administrators)",
)
def template_upload(
    request: HttpRequest,
    agency_id: int = Form(...),
    kind: str = Form(...),
    note: str = Form(""),
    file: UploadedFile = File(...),  # noqa: B008 - django-ninja declares inputs so
) -> Status:
    """Refused with `documents.bad_template` (not a zip, not a Word file, a syntax error, or a
    placeholder the kind does not provide — extra.problems says which)."""
    user = actor(request)
    agency = access_agency(user, agency_id)
    return Status(
        201,
        services.template_upload(
            agency=agency, kind_code=kind, data=file.read(), actor=user, note=note
        ),
    )
