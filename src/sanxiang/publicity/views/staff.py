"""The staff publication workbench (公示工作台): 采集 → 审核 → 发布, withdrawal, correction,
certificate cards and yearly reports. Scoped to the user's agency (`publicity.access`)."""

from __future__ import annotations

import base64
import io
from typing import Any

import qrcode  # type: ignore[import-untyped]
import qrcode.image.svg  # type: ignore[import-untyped]
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sanxiang.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from sanxiang.publicity import selectors, services
from sanxiang.publicity.access import access_publication, staff_account
from sanxiang.publicity.forms import ApproveForm, CorrectForm, SubmitForm, WithdrawForm
from sanxiang.publicity.masking import Mask
from sanxiang.publicity.models import PublicationStatus, YearlyReport
from sanxiang.publicity.views.channels import pdf_response
from sanxiang.registry.models import Officer, User


def _staff(request: HttpRequest) -> User:
    account = staff_account(request.user)
    if account is None:
        raise PermissionDenied
    return account


def _agency_id(user: User) -> int:
    if user.agency_id is None:  # `staff_account` lets only agency members through
        raise PermissionDenied
    return user.agency_id


def highlighted(document: str, masks: list[Mask]) -> SafeString:
    """The source with each proposed mask in a numbered `<mark>`, for the reviewer."""
    parts: list[str] = []
    position = 0
    for index, mask in sorted(enumerate(masks), key=lambda im: im[1]["start"]):
        start, end = int(mask["start"]), int(mask["end"])
        if start < position:
            continue
        parts.append(str(escape(document[position:start])))
        parts.append(
            str(
                format_html(
                    '<mark class="sx-mask" data-mask="{}" title="{}">{}<sup>{}</sup></mark>',
                    index,
                    mask["label"],
                    document[start:end],
                    index + 1,
                )
            )
        )
        position = end
    parts.append(str(escape(document[position:])))
    return mark_safe("".join(parts).replace("\n", "<br>"))  # noqa: S308 (every part escaped)


@login_required
def workbench(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    status = request.GET.get("status", "")
    if status not in PublicationStatus.values:
        status = ""
    today = timezone.localdate()
    return render(
        request,
        "publicity/workbench.html",
        {
            "rows": selectors.workbench_rows(user=user, status=status)[:300],
            "counts": selectors.workbench_counts(user=user, today=today),
            "status": status,
            "statuses": PublicationStatus.choices,
            "today": today,
            "reports": YearlyReport.objects.filter(agency_id=_agency_id(user))[:10],
            "officers": Officer.objects.filter(agency_id=_agency_id(user), is_active=True),
        },
    )


@login_required
@require_POST
def collect(request: HttpRequest) -> HttpResponse:
    _staff(request)
    opened = services.publications_collect()
    messages.success(request, _("%(n)s new publications opened.") % {"n": opened})
    return redirect("publicity:workbench")


def _run(request: HttpRequest, action: Any, **kwargs: Any) -> bool:
    try:
        action(**kwargs)
    except (PermissionDeniedError, ApplicationError) as exc:
        if isinstance(exc, NotFoundError):
            raise Http404 from exc
        messages.error(request, exc.message)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def workbench_detail(request: HttpRequest, publication_id: int) -> HttpResponse:
    user = _staff(request)
    try:
        publication = access_publication(user, publication_id)
    except NotFoundError as exc:
        raise Http404 from exc
    document = publication.source_title + "\n" + publication.source_text
    approve_form = ApproveForm(
        request.POST if request.POST.get("action") == "approve" else None,
        mask_count=len(publication.proposed_masks),
        initial={"keep": list(range(len(publication.proposed_masks)))},
    )
    submit_form = SubmitForm(
        request.POST if request.POST.get("action") == "submit" else None,
        initial={"source_title": publication.source_title, "source_text": publication.source_text},
    )
    withdraw_form = WithdrawForm(
        request.POST if request.POST.get("action") in ("require", "withdraw") else None
    )
    correct_form = CorrectForm(
        request.POST if request.POST.get("action") == "correct" else None,
        initial={"source_title": publication.source_title, "source_text": publication.source_text},
    )
    if request.method == "POST":
        action = request.POST.get("action")
        done = False
        if action == "submit" and submit_form.is_valid():
            done = _run(
                request,
                services.publication_submit,
                publication=publication,
                actor=user,
                **submit_form.cleaned_data,
            )
        elif action == "approve" and approve_form.is_valid():
            done = _run(
                request,
                services.publication_approve,
                publication=publication,
                actor=user,
                keep_indexes=approve_form.cleaned_data["keep"],
                added_fragments=approve_form.added_fragments(),
            )
        elif action == "return":
            done = _run(request, services.publication_return, publication=publication, actor=user)
        elif action == "publish":
            done = _run(request, services.publication_publish, publication=publication, actor=user)
        elif action == "require" and withdraw_form.is_valid():
            done = _run(
                request,
                services.publication_withdrawal_require,
                publication=publication,
                actor=user,
                ground=withdraw_form.cleaned_data["ground"],
                decision_changed_on=withdraw_form.cleaned_data["decision_changed_on"],
            )
        elif action == "withdraw" and withdraw_form.is_valid():
            done = _run(
                request,
                services.publication_withdraw,
                publication=publication,
                actor=user,
                reason=withdraw_form.cleaned_data["reason"],
                ground=withdraw_form.cleaned_data["ground"],
                decision_changed_on=withdraw_form.cleaned_data["decision_changed_on"],
            )
        elif action == "correct" and correct_form.is_valid():
            data = correct_form.cleaned_data
            done = _run(
                request,
                services.publication_correct,
                publication=publication,
                actor=user,
                reason=data["reason"],
                source_title=data["source_title"],
                source_text=data["source_text"],
                added_fragments=[x.strip() for x in data["added"].splitlines() if x.strip()],
            )
        if done:
            messages.success(request, _("Saved."))
            return redirect("publicity:workbench_detail", publication_id=publication.pk)
    today = timezone.localdate()
    return render(
        request,
        "publicity/workbench_detail.html",
        {
            "publication": publication,
            "highlighted": highlighted(document, publication.proposed_masks),
            "masks": list(enumerate(publication.proposed_masks)),
            "approve_form": approve_form,
            "submit_form": submit_form,
            "withdraw_form": withdraw_form,
            "correct_form": correct_form,
            "overdue": publication.is_overdue(today),
            "withdrawal_overdue": publication.is_withdrawal_overdue(today),
            "S": PublicationStatus,
        },
    )


def qr_svg(url: str) -> str:
    """An SVG QR code of `url` as a data URI (for the certificate card)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@login_required
def certificate_card(request: HttpRequest, officer_id: int) -> HttpResponse:
    """A printable certificate card (PDF) of one officer of the user's agency: public data and
    a QR code of `/public/verify/<number>` per certificate (GUO-118-05). No photo."""
    user = _staff(request)
    officer = Officer.objects.filter(pk=officer_id, agency_id=_agency_id(user)).first()
    if officer is None:
        raise Http404
    today = timezone.localdate()
    cards = [
        {
            "certificate": certificate,
            "status": certificate.status_on(today),
            "url": (
                url := request.build_absolute_uri(
                    reverse("publicity:verify", args=[certificate.number])
                )
            ),
            "qr": qr_svg(url),
        }
        for certificate in officer.certificates.order_by("number")
    ]
    html = render_to_string(
        "publicity/pdf/card.html",
        {"officer": officer, "agency": officer.agency, "cards": cards},
        request=request,
    )
    return pdf_response(html, request, f"certificate-card-{officer.pk}.pdf")


@login_required
@require_POST
def report_action(request: HttpRequest) -> HttpResponse:
    """Generate last year's (or a given year's) report, or publish a draft (GUO-118-06d)."""
    user = _staff(request)
    if user.agency is None:
        raise PermissionDenied
    if request.POST.get("action") == "publish":
        report_id = request.POST.get("report") or ""
        report = YearlyReport.objects.filter(
            pk=int(report_id) if report_id.isdigit() else 0, agency_id=_agency_id(user)
        ).first()
        if report is None:
            raise Http404
        if _run(request, services.yearly_report_publish, report=report, actor=user):
            messages.success(request, _("The report is published."))
    else:
        year = int(request.POST.get("year") or timezone.localdate().year - 1)
        if _run(request, services.yearly_report_generate, agency=user.agency, year=year):
            messages.success(request, _("The report is generated; check it before publishing."))
    return redirect("publicity:workbench")
