"""Editing, issuing and downloading the documents of a case.

* `document_edit`: the officer fills the fields the law leaves to them (`DocumentKind.editable`);
  each change is a case event `documents.edited` with old and new values.
* `document_issue`: checks (LAW-APL-59 six elements and the seal on decisions, LAW-APL-52 on
  the spot, LAW-ARL-20/23 remedy), allocates the number (STD-9704-7.2.5), renders the PDF and
  DOCX, signs the PDF (PAdES), stores both privately, records hashes, template version, signer
  and signing time, logs the document in the ledger and records `documents.issued`.
* `document_download`: the bytes of an issued file; each download is a case event.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.cases.access import require_case_writer
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case
from sanxiang.core.errors import ApplicationError
from sanxiang.documents.kinds import DocumentContent, DocumentKind, get_kind
from sanxiang.documents.models import Document, DocumentStatus, DocumentTemplate
from sanxiang.documents.numbering import allocate_number
from sanxiang.documents.records import DOCUMENT_KIND, document_payload
from sanxiang.documents.rendering.docx import default_template, docx_context, render_docx
from sanxiang.documents.rendering.pdf import document_html, html_to_pdf, pdf_page_count
from sanxiang.documents.services.common import (
    build_content,
    delete_private,
    require_source,
    save_private,
    seal_png,
)
from sanxiang.documents.signing import sha256_hex, sign_pdf
from sanxiang.ledger.services import ledger_append
from sanxiang.registry.models import User

__all__ = [
    "active_template",
    "document_download",
    "document_edit",
    "document_issue",
    "document_preview_html",
    "document_render",
]


def _locked_document(case: Case, kind: DocumentKind, source: str) -> Document:
    Document.objects.bulk_create(
        [Document(case=case, agency_id=case.agency_id, kind=kind.code, source=source)],
        ignore_conflicts=True,
    )
    return Document.objects.select_for_update().get(case=case, kind=kind.code, source=source)


def _refuse_issued(document: Document) -> None:
    if document.is_issued:
        raise ApplicationError(
            _("Document %(number)s is issued and can no longer change.")
            % {"number": document.number or document.title},
            code="documents.already_issued",
            extra={"document": document.pk},
        )


@transaction.atomic
def document_edit(
    *, case: Case, kind_code: str, source: str, values: Mapping[str, str], actor: User
) -> Document:
    """Set the officer-editable fields of a draft; unknown fields are refused, each change is
    recorded as `documents.edited` with {"changes": {field: [old, new]}}."""
    require_case_writer(actor, case)
    kind = get_kind(kind_code)
    require_source(case, kind, source)
    unknown = sorted(set(values) - kind.editable_names)
    if unknown:
        raise ApplicationError(
            _("These fields of a %(kind)s are not for the officer to change: %(fields)s.")
            % {"kind": kind.title, "fields": ", ".join(unknown)},
            code="documents.field_not_editable",
            extra={"field": unknown[0], "fields": {name: [_("Not editable.")] for name in unknown}},
        )
    limits = {f.name: f.max_length for f in kind.editable}
    for name, value in values.items():
        if len(value) > limits[name]:
            raise ApplicationError(
                _("%(field)s is longer than %(limit)s characters.")
                % {"field": name, "limit": limits[name]},
                code="documents.too_long",
                extra={"field": name},
            )
    document = _locked_document(case, kind, source)
    _refuse_issued(document)
    changes = {
        name: [document.edits.get(name, ""), value.strip()]
        for name, value in values.items()
        if document.edits.get(name, "") != value.strip()
    }
    if changes:
        document.edits = {**document.edits, **{k: v[1] for k, v in changes.items()}}
        document.save(update_fields=["edits"])
        record_case_event(
            case=case,
            action="documents.edited",
            actor=actor,
            data={"kind": kind.code, "source": source, "document": document.pk, "changes": changes},
        )
    return document


def _edits(case: Case, kind: DocumentKind, source: str) -> dict[str, str]:
    row = Document.objects.filter(case=case, kind=kind.code, source=source).first()
    return dict(row.edits) if row is not None else {}


def document_render(
    *,
    case: Case,
    kind: DocumentKind,
    source: str,
    number: str = "",
    on: datetime.date | None = None,
) -> tuple[DocumentContent, str]:
    """The content and HTML of a document as it would be issued now (no write)."""
    build, content = build_content(
        case=case, kind=kind, source=source, edits=_edits(case, kind, source), on=on
    )
    html = document_html(
        content=content,
        agency_name=case.agency.name,
        number=number,
        seal_png=seal_png(build.settings),
    )
    return content, html


def document_preview_html(*, case: Case, kind_code: str, source: str) -> str:
    """Preview of a draft: the HTML of the document without a number."""
    kind = get_kind(kind_code)
    require_source(case, kind, source)
    return document_render(case=case, kind=kind, source=source)[1]


def active_template(case: Case, kind: DocumentKind) -> DocumentTemplate | None:
    """The agency's newest active DOCX template of the kind, or None (built-in, version 0)."""
    return (
        DocumentTemplate.objects.filter(agency_id=case.agency_id, kind=kind.code, is_active=True)
        .order_by("-version")
        .first()
    )


def _template_bytes(template: DocumentTemplate | None) -> bytes:
    if template is None:
        return default_template()
    from django.core.files.storage import storages

    with storages["private"].open(template.file, "rb") as handle:
        data: bytes = handle.read()
    return data


def _check(kind: DocumentKind, build: Any, content: DocumentContent) -> None:
    missing = [item for check in kind.checks for item in check(build, content)]
    if missing:
        raise ApplicationError(
            _("The %(kind)s cannot be issued; missing: %(missing)s.")
            % {
                "kind": kind.title,
                "missing": "；".join(f"{m.message}（{m.rule}）" for m in missing),
            },
            code="documents.incomplete",
            extra={
                "rule": missing[0].rule,
                "missing": [
                    {"element": m.element, "rule": m.rule, "message": m.message} for m in missing
                ],
            },
        )


def document_issue(
    *, case: Case, kind_code: str, source: str, actor: User, on: datetime.date | None = None
) -> Document:
    """Issue a document (module docstring). Refusals write nothing and keep no file."""
    kind = get_kind(kind_code)
    stored: list[str] = []
    try:
        with transaction.atomic():
            locked = Case.objects.select_related("agency", "power_item").get(pk=case.pk)
            require_case_writer(actor, locked)
            require_source(locked, kind, source)
            document = _locked_document(locked, kind, source)
            _refuse_issued(document)
            build, content = build_content(
                case=locked, kind=kind, source=source, edits=document.edits, on=on
            )
            _check(kind, build, content)
            day = on or timezone.localdate()
            number, sequence = "", None
            if kind.number_code:
                number, sequence = allocate_number(
                    agency=locked.agency, settings=build.settings, kind=kind, year=day.year
                )
            seal = seal_png(build.settings) if content.sealed else None
            html = document_html(
                content=content, agency_name=locked.agency.name, number=number, seal_png=seal
            )
            signed = sign_pdf(
                html_to_pdf(html),
                agency=locked.agency,
                reason=f"{kind.title} {number}".strip(),
                location=locked.agency.address,
            )
            template = active_template(locked, kind)
            docx = render_docx(
                template=_template_bytes(template),
                context=docx_context(
                    content=content,
                    agency_name=locked.agency.name,
                    number=number,
                    case_number=locked.case_number,
                    case_title=locked.title,
                ),
                seal_png=seal,
            )
            folder = f"documents/{locked.agency_id}/{locked.pk}/{document.pk}-{kind.code}"
            document.pdf_path = save_private(f"{folder}.pdf", signed.pdf)
            stored.append(document.pdf_path)
            document.docx_path = save_private(f"{folder}.docx", docx)
            stored.append(document.docx_path)
            document.status = DocumentStatus.ISSUED
            document.number, document.sequence = number, sequence
            document.year = day.year if number else None
            document.title = content.title
            document.issued_on = day
            document.issued_at = timezone.now()
            document.issued_by = actor
            document.pdf_sha256 = sha256_hex(signed.pdf)
            document.pdf_pages = pdf_page_count(signed.pdf)
            document.docx_sha256 = sha256_hex(docx)
            document.template = template
            document.template_version = template.version if template else 0
            document.signed_at = signed.signed_at
            document.signer = signed.signer
            document.certificate_sha256 = signed.certificate_sha256
            document.seal_sha256 = build.settings.seal_sha256 if seal else ""
            document.full_clean()
            document.save()
            document.refresh_from_db()  # values as the database gives them back (ledger)
            record_case_event(
                case=locked,
                action="documents.issued",
                actor=actor,
                data={
                    "document": document.pk,
                    "kind": kind.code,
                    "number": number,
                    "pdf_sha256": document.pdf_sha256,
                    "template_version": document.template_version,
                },
            )
            ledger_append(
                kind=DOCUMENT_KIND, ref=str(document.pk), payload=document_payload(document)
            )
    except BaseException:
        delete_private(*stored)
        raise
    return document


def document_download(*, document: Document, fmt: str, actor: User) -> tuple[bytes, str, str]:
    """The bytes, file name and content type of an issued document's PDF or DOCX; the
    download is recorded (`documents.downloaded`). Access is checked by the caller's selector."""
    if not document.is_issued:
        raise ApplicationError(
            _("Only an issued document can be downloaded; preview the draft instead."),
            code="documents.not_issued",
        )
    path = document.pdf_path if fmt == "pdf" else document.docx_path
    from django.core.files.storage import storages

    with storages["private"].open(path, "rb") as handle:
        data: bytes = handle.read()
    with transaction.atomic():
        record_case_event(
            case=document.case,
            action="documents.downloaded",
            actor=actor,
            data={"document": document.pk, "format": fmt, "number": document.number},
        )
    name = f"{document.title}{document.number or document.pk}.{fmt}"
    content_type = (
        "application/pdf"
        if fmt == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    return data, name, content_type
