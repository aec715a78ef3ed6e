"""Pages of the evidence app: the case's evidence, one item (player, custody), the files,
and the devices-per-officers page. Thin: reads through selectors, writes through services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sanxiang.cases.access import access_case, may_change_case
from sanxiang.core.errors import ApplicationError, NotFoundError
from sanxiang.evidence.checklist import av_checklist
from sanxiang.evidence.choices import CustodyAction, EvidenceKind
from sanxiang.evidence.conf import private_storage, sm3_enabled
from sanxiang.evidence.devices import device_compliance
from sanxiang.evidence.forms import AvReasonForm, TransferForm
from sanxiang.evidence.models import EvidenceItem
from sanxiang.evidence.selectors import custody_for_item, evidence_get, evidence_list
from sanxiang.evidence.services import (
    av_reason_record,
    custody_record,
    evidence_mark_basis,
    evidence_transfer,
    evidence_verify,
)
from sanxiang.evidence.services.acts import case_acts
from sanxiang.evidence.serving import serve_item_file
from sanxiang.evidence.tus import request_info
from sanxiang.registry.models import Officer, RecordingDevice, User


def _case_or_404(request: HttpRequest, case_id: int) -> Any:
    try:
        return access_case(request.user, case_id)
    except NotFoundError:
        raise Http404 from None


def _item_or_404(request: HttpRequest, pk: int) -> EvidenceItem:
    try:
        return evidence_get(user=request.user, item_id=pk)
    except NotFoundError:
        raise Http404 from None


def _account(request: HttpRequest) -> User | None:
    user = request.user
    return user if isinstance(user, User) and user.is_authenticated else None


def _case_context(request: HttpRequest, case: Any) -> dict[str, Any]:
    return {
        "case": case,
        "items": evidence_list(user=request.user, case_id=case.pk),
        "checklist": av_checklist(case),
        "writer": may_change_case(request.user, case),
    }


@login_required
@require_GET
def case_panel(request: HttpRequest, case_id: int) -> HttpResponse:
    """The evidence block of the case page (loaded into it by htmx)."""
    case = _case_or_404(request, case_id)
    return render(request, "evidence/_case_panel.html", _case_context(request, case))


@login_required
@require_GET
def case_evidence(request: HttpRequest, case_id: int) -> HttpResponse:
    """The evidence of a case: upload (PC or phone camera), list, GUO-118-08 checklist."""
    case = _case_or_404(request, case_id)
    context = _case_context(request, case)
    context.update(
        kinds=EvidenceKind.choices,
        devices=RecordingDevice.objects.filter(agency_id=case.agency_id).order_by("serial_number"),
        officers=Officer.objects.filter(agency_id=case.agency_id, is_active=True).order_by("name"),
        acts=case_acts(case),
        reason_form=AvReasonForm(),
        sm3=sm3_enabled(),
    )
    return render(request, "evidence/case_evidence.html", context)


@login_required
@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_or_404(request, pk)
    return render(
        request,
        "evidence/item_detail.html",
        {
            "item": item,
            "case": item.case,
            "custody": custody_for_item(user=request.user, item_id=pk),
            "writer": may_change_case(request.user, item.case),
            "transfer_form": TransferForm(),
        },
    )


@require_GET
def item_file(request: HttpRequest, pk: int) -> HttpResponse | StreamingHttpResponse:
    """The file itself, with range requests for seeking. Logs custody: a download every time,
    a view when playback starts (no range, or a range from byte 0), not every seek."""
    item = _item_or_404(request, pk)
    download = request.GET.get("download") == "1"
    range_header = request.headers.get("Range", "")
    starts_at_zero = not range_header or range_header.replace(" ", "").startswith("bytes=0-")
    if download or starts_at_zero:
        custody_record(
            item=item,
            action=CustodyAction.DOWNLOAD if download else CustodyAction.VIEW,
            actor=_account(request),
            info=request_info(request),
            detail={"range": range_header} if range_header else {},
        )
    try:
        return serve_item_file(item, range_header, as_attachment=download)
    except FileNotFoundError:
        raise Http404 from None


@require_GET
def item_thumbnail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_or_404(request, pk)
    if not item.thumbnail_key:
        raise Http404
    try:
        with private_storage().open(item.thumbnail_key, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise Http404 from None
    response = HttpResponse(data, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _back(item: EvidenceItem) -> HttpResponse:
    return redirect("evidence:item", pk=item.pk)


@login_required
@require_POST
def item_verify(request: HttpRequest, pk: int) -> HttpResponse:
    """Re-hash the file now (any user who sees the case may ask; it changes no evidence)."""
    item = _item_or_404(request, pk)
    item = evidence_verify(item=item, actor=_account(request), info=request_info(request))
    messages.info(request, _("Integrity: %(state)s") % {"state": item.get_integrity_display()})
    return _back(item)


@login_required
@require_POST
def item_basis(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_or_404(request, pk)
    if not may_change_case(request.user, item.case):
        raise PermissionDenied
    try:
        evidence_mark_basis(item=item, actor=request.user, basis=request.POST.get("basis") == "1")
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return _back(item)


@login_required
@require_POST
def item_transfer(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_or_404(request, pk)
    if not may_change_case(request.user, item.case):
        raise PermissionDenied
    form = TransferForm(request.POST)
    if form.is_valid():
        try:
            evidence_transfer(
                item=item,
                actor=request.user,
                recipient=form.cleaned_data["recipient"],
                reason=form.cleaned_data["reason"],
                info=request_info(request),
            )
            messages.success(request, _("The hand-over is recorded."))
        except ApplicationError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, _("Say to whom and why the evidence is handed over."))
    return _back(item)


@login_required
@require_POST
def case_av_reason(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case_or_404(request, case_id)
    if not may_change_case(request.user, case):
        raise PermissionDenied
    form = AvReasonForm(request.POST)
    if form.is_valid():
        kind, act_id = form.act_parts()
        try:
            av_reason_record(
                case=case,
                actor=request.user,
                act_kind=kind,
                act_id=act_id,
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("The reason is recorded."))
        except ApplicationError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, _("Explain why there is no video."))
    return redirect("evidence:case", case_id=case.pk)


@login_required
@require_GET
def devices(request: HttpRequest) -> HttpResponse:
    """Recording devices per agency against one device per four officers (津南 pilot rule)."""
    return render(request, "evidence/devices.html", {"rows": device_compliance(user=request.user)})
