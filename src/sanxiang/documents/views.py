"""The documents pages of a case (thin views over `selectors` and `services`).

A case or document outside the user's scope is the 404 page (GET and POST alike); users who
may see the case but not change it (supervisors, reviewers, administrators) may read and
download issued documents but get 403 on edit, issue and archive.
"""

from __future__ import annotations

import base64
import io
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanxiang.cases.views.base import CaseRequest, case_or_404, may_write
from sanxiang.core.errors import ApplicationError, NotFoundError
from sanxiang.documents import selectors, services
from sanxiang.documents.forms import EditForm
from sanxiang.documents.kinds import KINDS, DocumentKind
from sanxiang.documents.models import Document
from sanxiang.documents.rendering.pdf import document_html
from sanxiang.documents.services.common import require_source, seal_png, settings_for

__all__ = [
    "case_documents",
    "case_file_archive",
    "case_file_build",
    "case_file_download",
    "document_download",
    "document_edit",
    "document_issue",
    "document_preview",
    "document_print",
]


def _kind(code: str) -> DocumentKind:
    kind = KINDS.get(code)
    if kind is None:
        raise Http404
    return kind


def _document(request: CaseRequest, document_id: int) -> Document:
    try:
        return selectors.document_get(user=request.user, document_id=document_id)
    except NotFoundError:
        raise Http404 from None


def _back(case_id: int) -> HttpResponse:
    return redirect(reverse("documents:case", args=[case_id]))


@login_required
def case_documents(request: CaseRequest, case_id: int) -> HttpResponse:
    try:
        case, slots = selectors.case_documents(user=request.user, case_id=case_id)
    except NotFoundError:
        raise Http404 from None
    return render(
        request,
        "documents/case_documents.html",
        {
            "case": case,
            "slots": slots,
            "writer": may_write(request.user, case),
            "case_file": selectors.case_file_for(case),
            "settings": settings_for(case.agency),
        },
    )


@login_required
def document_preview(request: CaseRequest, case_id: int, kind: str) -> HttpResponse:
    case = case_or_404(request.user, case_id)
    try:
        html = services.document_preview_html(
            case=case, kind_code=_kind(kind).code, source=request.GET.get("source", "")
        )
    except ApplicationError as error:
        messages.error(request, error.message)
        return _back(case.pk)
    return HttpResponse(html)


@login_required
def document_edit(request: CaseRequest, case_id: int, kind: str) -> HttpResponse:
    case = case_or_404(request.user, case_id)
    if not may_write(request.user, case):
        raise PermissionDenied
    doc_kind = _kind(kind)
    source = request.GET.get("source", "")
    try:
        require_source(case, doc_kind, source)
    except ApplicationError:
        raise Http404 from None
    row = Document.objects.filter(case=case, kind=doc_kind.code, source=source).first()
    initial = dict(row.edits) if row is not None else {}
    form = EditForm(request.POST or None, kind=doc_kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_edit(
                case=case,
                kind_code=doc_kind.code,
                source=source,
                values={k: str(v) for k, v in form.cleaned_data.items()},
                actor=request.user,
            )
        except ApplicationError as error:
            form.add_error(
                error.extra.get("field") if error.extra.get("field") in form.fields else None,
                error.message,
            )
        else:
            messages.success(request, _("The document fields were saved."))
            return _back(case.pk)
    return render(
        request,
        "documents/edit.html",
        {"case": case, "kind": doc_kind, "source": source, "form": form},
    )


@login_required
@require_POST
def document_issue(request: CaseRequest, case_id: int, kind: str) -> HttpResponse:
    case = case_or_404(request.user, case_id)
    if not may_write(request.user, case):
        raise PermissionDenied
    try:
        document = services.document_issue(
            case=case,
            kind_code=_kind(kind).code,
            source=request.POST.get("source", ""),
            actor=request.user,
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(title)s %(number)s was issued and signed.")
            % {"title": document.title, "number": document.number},
        )
    return _back(case.pk)


@login_required
def document_download(request: CaseRequest, document_id: int, fmt: str) -> HttpResponse:
    document = _document(request, document_id)
    if fmt not in {"pdf", "docx"}:
        raise Http404
    try:
        data, name, content_type = services.document_download(
            document=document, fmt=fmt, actor=request.user
        )
    except ApplicationError:
        raise Http404 from None
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(name)}"
    response["Cache-Control"] = "private, no-store"
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


def _qr(text: str) -> str:
    import qrcode  # type: ignore[import-untyped]  # no stubs

    image = qrcode.make(text, box_size=4, border=1)
    out = io.BytesIO()
    image.save(out)
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")


@login_required
def document_print(request: CaseRequest, document_id: int) -> HttpResponse:
    """Phone-friendly print view for on-site delivery (当场交付): the issued document as HTML,
    with a QR code of its number and SHA-256 so the party can check the signed PDF later."""
    document = _document(request, document_id)
    if not document.is_issued:
        raise Http404
    kind = _kind(document.kind)
    content, _html = services.document_render(
        case=document.case,
        kind=kind,
        source=document.source,
        number=document.number,
        on=document.issued_on,
    )
    settings_row = settings_for(document.agency)
    html = document_html(
        content=content,
        agency_name=document.agency.name,
        number=document.number,
        seal_png=seal_png(settings_row),
        for_screen=True,
        extra={
            "qr_uri": _qr(f"{document.number} SHA-256:{document.pdf_sha256}"),
            "sha256": document.pdf_sha256,
            "print_toolbar": True,
        },
    )
    return HttpResponse(html)


@login_required
@require_POST
def case_file_build(request: CaseRequest, case_id: int) -> HttpResponse:
    case = case_or_404(request.user, case_id)
    if not may_write(request.user, case):
        raise PermissionDenied
    try:
        services.case_file_build(case=case, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The case file was bound and signed."))
    return _back(case.pk)


@login_required
@require_POST
def case_file_archive(request: CaseRequest, case_id: int) -> HttpResponse:
    case = case_or_404(request.user, case_id)
    if not may_write(request.user, case):
        raise PermissionDenied
    try:
        services.case_file_archive(case=case, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The case was archived and its case file bound."))
    return _back(case.pk)


@login_required
def case_file_download(request: CaseRequest, case_id: int) -> HttpResponse:
    case = case_or_404(request.user, case_id)
    case_file = selectors.case_file_for(case)
    if case_file is None:
        raise Http404
    data: Any = services.case_file_download(case_file=case_file, actor=request.user)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = (
        f"attachment; filename*=UTF-8''{_quote(case.case_number or str(case.pk))}.pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response
