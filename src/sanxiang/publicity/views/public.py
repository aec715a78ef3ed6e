"""The public portal (公示平台): read-only, anonymous, published data only (selectors)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from sanxiang.cases.choices import Track
from sanxiang.core.errors import NotFoundError
from sanxiang.publicity import flowcharts, selectors
from sanxiang.publicity.forms import SearchForm
from sanxiang.publicity.models import Delegation, DisclosureItem, SpotCheckItem
from sanxiang.publicity.search import Filters, search_published
from sanxiang.publicity.views.common import not_found_as_404
from sanxiang.registry.models import (
    Agency,
    Certificate,
    DiscretionStandard,
    DiscretionTier,
    Officer,
    PowerItem,
)
from sanxiang.registry.selectors.officers import certificate_status_lookup


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The portal home (also served at `/`): search box, latest decisions, entry points."""
    return render(
        request,
        "publicity/home.html",
        {
            "latest": selectors.latest_published(limit=8),
            "agencies": selectors.public_agencies()[:12],
            "form": SearchForm(agencies=selectors.public_agencies()),
        },
    )


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None, agencies=selectors.public_agencies())
    results = None
    if form.is_bound and form.is_valid():
        results = search_published(
            query=form.cleaned_data.get("q") or "",
            filters=form.filters(),
            page=form.cleaned_data.get("page") or 1,
        )
    elif not form.is_bound:
        results = search_published(query="", filters=Filters())
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "publicity/search.html",
        {"form": form, "results": results, "query_string": query.urlencode()},
    )


@require_GET
@not_found_as_404
def decision(request: HttpRequest, publication_id: int) -> HttpResponse:
    publication = selectors.public_publication_get(publication_id=publication_id)
    return render(
        request,
        "publicity/decision.html",
        {
            "publication": publication,
            "changes": publication.changes.all(),
            "proof_url": reverse("api:inclusion") + f"?index={publication.ledger_index}"
            if publication.ledger_index is not None
            else None,
        },
    )


@require_GET
def withdrawals(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "publicity/withdrawals.html",
        {"rows": selectors.withdrawn_publications()[:200]},
    )


@require_GET
def agencies(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "publicity/agencies.html",
        {
            "agencies": selectors.public_agencies(),
            "changed": selectors.last_changed([Agency]),
        },
    )


@require_GET
@not_found_as_404
def agency(request: HttpRequest, agency_id: int) -> HttpResponse:
    """事前公开 of one agency (GUO-118-04, LAW-APL-39): who it is, its catalogue, remedies,
    delegations (LAW-APL-20), random-inspection items, with links to the longer lists."""
    found = selectors.public_agency_get(agency_id=agency_id)
    items = selectors.catalogue(agency=found)
    delegations = selectors.delegations(agency=found)
    spot_checks = selectors.spot_check_items(agency=found)
    return render(
        request,
        "publicity/agency.html",
        {
            "agency": found,
            "catalogue": items,
            "delegations": delegations,
            "spot_checks": spot_checks,
            "latest": selectors.latest_published(agency_id=found.pk, limit=10),
            "reports": selectors.published_reports(agency=found),
            "changed": selectors.last_changed(
                [Agency, DisclosureItem, Delegation, SpotCheckItem],
                [items, delegations, spot_checks],
            ),
        },
    )


@require_GET
@not_found_as_404
def agency_officers(request: HttpRequest, agency_id: int) -> HttpResponse:
    """Officers with certificate number, field and validity (GUO-118-04): no photo, no ID."""
    found = selectors.public_agency_get(agency_id=agency_id)
    return render(
        request,
        "publicity/officers.html",
        {
            "agency": found,
            "officers": selectors.public_officers(agency=found),
            "today": timezone.localdate(),
            "changed": selectors.last_changed([Officer, Certificate]),
        },
    )


@require_GET
@not_found_as_404
def agency_powers(request: HttpRequest, agency_id: int) -> HttpResponse:
    found = selectors.public_agency_get(agency_id=agency_id)
    return render(
        request,
        "publicity/powers.html",
        {
            "agency": found,
            "items": selectors.public_power_items(agency=found),
            "changed": selectors.last_changed([PowerItem]),
        },
    )


@require_GET
@not_found_as_404
def agency_discretion(request: HttpRequest, agency_id: int) -> HttpResponse:
    """Discretion standards, published under LAW-APL-34."""
    found = selectors.public_agency_get(agency_id=agency_id)
    return render(
        request,
        "publicity/discretion.html",
        {
            "agency": found,
            "standards": selectors.public_discretion_standards(agency=found),
            "changed": selectors.last_changed([DiscretionStandard, DiscretionTier]),
        },
    )


@require_GET
@cache_control(max_age=300)
def procedures(request: HttpRequest) -> HttpResponse:
    """Procedures and flowcharts generated from the workflow table (GUO-118-04)."""
    return render(
        request,
        "publicity/procedures.html",
        {"charts": flowcharts.all_flowcharts(), "general": Track.GENERAL},
    )


@require_GET
def verify_form(request: HttpRequest) -> HttpResponse:
    number = (request.GET.get("number") or "").strip()
    if number:
        return redirect("publicity:verify", number=number)
    return render(request, "publicity/verify.html", {"result": None, "number": ""})


@require_GET
@cache_control(no_cache=True)
def verify(request: HttpRequest, number: str) -> HttpResponse:
    """事中 certificate check (GUO-118-05): status checked live, public data only."""
    try:
        result = certificate_status_lookup(number=number)
    except NotFoundError:
        result = None
    return render(
        request,
        "publicity/verify.html",
        {"result": result, "number": number, "not_found": result is None},
        status=200 if result else 404,
    )


@require_GET
def reports(request: HttpRequest) -> HttpResponse:
    return render(request, "publicity/reports.html", {"reports": selectors.published_reports()})


@require_GET
@not_found_as_404
def report(request: HttpRequest, report_id: int) -> HttpResponse:
    """A published yearly report (GUO-118-06d) with its charts."""
    found = selectors.published_report_get(report_id=report_id)
    return render(request, "publicity/report.html", {"report": found})
