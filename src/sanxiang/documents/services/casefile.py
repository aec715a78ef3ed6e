"""The case file (一案一卷, SAMR-PROC-78): one signed PDF with bookmarks.

Cover, table of contents, then every issued document of the case in the order SAMR-PROC-78
prescribes (正卷: 立案审批表；决定书及送达回证；其他法律文书及送达回证；证据材料；听证笔录；
财物处理单据；其他 — 副卷: 案源材料；调查终结报告；审核意见；听证报告；结案审批表；其他), with
the evidence list (from the evidence app) under 证据材料. Each document keeps its own pages
(its signature no longer validates inside the bundle; the bundle itself is signed, and each
document's own signed PDF stays in storage). Produced at archiving (`case_file_archive`),
hashed, stored privately and logged in the ledger (`documents.case_file`).
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.core.files.storage import storages
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from sanxiang.cases.access import require_case_writer
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case
from sanxiang.documents.kinds import KINDS, FileSection
from sanxiang.documents.kinds.common import cn_date
from sanxiang.documents.models import CaseFile
from sanxiang.documents.records import CASE_FILE_KIND, case_file_payload
from sanxiang.documents.rendering.pdf import document_html, html_to_pdf, pdf_page_count
from sanxiang.documents.services.common import build_content, delete_private, save_private
from sanxiang.documents.signing import sha256_hex, sign_pdf
from sanxiang.ledger.services import ledger_append
from sanxiang.registry.models import User

__all__ = ["case_file_archive", "case_file_build", "case_file_download", "evidence_rows"]

_MAX_TOC_PASSES = 4


def evidence_rows(case: Case) -> list[Any] | None:
    """The evidence list of the case file from the evidence app, or None if that app does not
    provide it (then the case file has no evidence list and says so in its entries)."""
    try:
        from sanxiang.evidence.selectors import evidence_list_for_case_file
    except ImportError:
        return None
    return list(evidence_list_for_case_file(case=case))


def _evidence_pdf(case: Case, rows: list[Any]) -> bytes:
    with translation.override("zh-hans"):
        html = render_to_string(
            "documents/pdf/evidence_list.html",
            {"case": case, "agency_name": case.agency.name, "rows": rows},
        )
    return html_to_pdf(html)


def _front(case: Case, kind_code: str, on: datetime.date, extra: dict[str, Any]) -> bytes:
    kind = KINDS[kind_code]
    _build, content = build_content(
        case=case, kind=kind, source="", edits=_edits(case, kind_code), on=on, extra=extra
    )
    return html_to_pdf(
        document_html(content=content, agency_name=case.agency.name, number="", seal_png=None)
    )


def _edits(case: Case, kind_code: str) -> dict[str, str]:
    from sanxiang.documents.models import Document

    row = Document.objects.filter(case=case, kind=kind_code, source="").first()
    return dict(row.edits) if row is not None else {}


def _parts(case: Case) -> list[dict[str, Any]]:
    """The documents of the bundle in SAMR-PROC-78 order, each with its PDF bytes."""
    from sanxiang.documents.selectors import issued_in_file_order

    storage = storages["private"]
    parts: list[dict[str, Any]] = []
    for document, kind in issued_in_file_order(case):
        with storage.open(document.pdf_path, "rb") as handle:
            pdf = handle.read()
        parts.append(
            {
                "section": kind.section,
                "title": document.title,
                "number": document.number,
                "date": cn_date(document.issued_on),
                "pdf": pdf,
                "pages": pdf_page_count(pdf),
                "sha256": document.pdf_sha256,
            }
        )
    rows = evidence_rows(case)
    if rows:
        pdf = _evidence_pdf(case, rows)
        parts.append(
            {
                "section": FileSection.EVIDENCE,
                "title": "证据清单",
                "number": "",
                "date": "",
                "pdf": pdf,
                "pages": pdf_page_count(pdf),
                "sha256": sha256_hex(pdf),
            }
        )
    parts.sort(key=lambda part: int(part["section"]))  # stable: keeps the order within a section
    return parts


def _entries(parts: list[dict[str, Any]], first_page: int) -> list[dict[str, Any]]:
    entries, page = [], first_page
    for part in parts:
        section: FileSection = part["section"]
        entries.append(
            {
                "volume": section.volume,
                "section": section.heading,
                "title": part["title"],
                "number": part["number"],
                "date": part["date"],
                "first_page": page,
                "pages": part["pages"],
                "sha256": part["sha256"],
            }
        )
        page += part["pages"]
    return entries


def _bundle(case: Case, on: datetime.date) -> tuple[bytes, list[dict[str, Any]]]:
    from pypdf import PdfReader, PdfWriter

    parts = _parts(case)
    cover_pages, toc_pages = 1, 1
    for _pass in range(_MAX_TOC_PASSES):
        entries = _entries(parts, cover_pages + toc_pages + 1)
        total = cover_pages + toc_pages + sum(p["pages"] for p in parts)
        toc = _front(case, "case_file_toc", on, {"entries": entries})
        cover = _front(case, "case_file_cover", on, {"pages": total})
        new_cover, new_toc = pdf_page_count(cover), pdf_page_count(toc)
        if (new_cover, new_toc) == (cover_pages, toc_pages):
            break
        cover_pages, toc_pages = new_cover, new_toc
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(cover)), import_outline=False)
    writer.add_outline_item(title="案卷封面", page_number=0)
    writer.append(PdfReader(io.BytesIO(toc)), import_outline=False)
    writer.add_outline_item(title="卷内目录", page_number=cover_pages)
    parents: dict[str, Any] = {}
    for part, entry in zip(parts, entries, strict=True):
        page_index = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(part["pdf"])), import_outline=False)
        heading = f"{entry['volume']}·{entry['section']}"
        if heading not in parents:
            parents[heading] = writer.add_outline_item(title=heading, page_number=page_index)
        label = f"{part['title']} {part['number']}".strip()
        writer.add_outline_item(title=label, page_number=page_index, parent=parents[heading])
    # The documents' own signature fields do not survive the merge (their byte ranges change):
    # drop them, the bundle is signed as a whole; each signed original stays in storage.
    writer.remove_annotations(subtypes="/Widget")
    if "/AcroForm" in writer._root_object:
        del writer._root_object["/AcroForm"]
    writer.add_metadata(
        {"/Title": f"{case.case_number} {case.title} 案卷", "/Author": case.agency.name}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), entries


def case_file_build(*, case: Case, actor: User, on: datetime.date | None = None) -> CaseFile:
    """Bind (or re-bind) the case file of a closed or archived case (module docstring)."""
    day = on or timezone.localdate()
    stored: list[str] = []
    try:
        with transaction.atomic():
            locked = (
                Case.objects.select_for_update(of=("self",))
                .select_related("agency")
                .get(pk=case.pk)
            )
            require_case_writer(actor, locked)
            from sanxiang.documents.services.common import require_source

            require_source(locked, KINDS["case_file_cover"], "")
            pdf, entries = _bundle(locked, day)
            signed = sign_pdf(
                pdf, agency=locked.agency, reason="一案一卷 案卷", location=locked.agency.address
            )
            path = save_private(
                f"documents/{locked.agency_id}/{locked.pk}/case-file.pdf", signed.pdf
            )
            stored.append(path)
            case_file = CaseFile.objects.filter(case=locked).first() or CaseFile(case=locked)
            case_file.pdf_path = path
            case_file.sha256 = sha256_hex(signed.pdf)
            case_file.pages = pdf_page_count(signed.pdf)
            case_file.entries = [dict(e) for e in entries]
            case_file.signed_at = signed.signed_at
            case_file.signer = signed.signer
            case_file.built_at = timezone.now()
            case_file.built_by = actor
            case_file.save()
            case_file.refresh_from_db()
            record_case_event(
                case=locked,
                action="documents.case_file_built",
                actor=actor,
                data={
                    "case_file": case_file.pk,
                    "sha256": case_file.sha256,
                    "pages": case_file.pages,
                },
            )
            ledger_append(
                kind=CASE_FILE_KIND, ref=str(case_file.pk), payload=case_file_payload(case_file)
            )
    except BaseException:
        delete_private(*stored)
        raise
    return case_file


def bind_on_archive(case: Case, actor: User, day: datetime.date) -> None:
    """The archive move's follow-up (registered in `DocumentsConfig.ready`): bind the case file
    in the archiving transaction, so that either both happen or neither (SAMR-PROC-78)."""
    case_file_build(case=case, actor=actor, on=day)


@transaction.atomic
def case_file_archive(*, case: Case, actor: User, on: datetime.date | None = None) -> CaseFile:
    """Archive the case (`cases` service, LAW-APL-47); the archive move binds its case file
    (`bind_on_archive`). Returns the bound file."""
    from sanxiang.cases.services import case_archive

    archived = case_archive(case=case, actor=actor, on=on)
    return CaseFile.objects.get(case=archived)


def case_file_download(*, case_file: CaseFile, actor: User) -> bytes:
    """The bytes of the bound case file; the download is recorded (`documents.downloaded`)."""
    with storages["private"].open(case_file.pdf_path, "rb") as handle:
        data: bytes = handle.read()
    with transaction.atomic():
        record_case_event(
            case=case_file.case,
            action="documents.downloaded",
            actor=actor,
            data={"case_file": case_file.pk, "format": "pdf"},
        )
    return data
