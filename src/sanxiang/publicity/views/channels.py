"""Other channels of the pilot (GUO-118-06): feeds, open data, the booklet, the hall screen.

Every channel reads `selectors.published_publications()`: withdrawn, removed and unpublished
texts never leave through them.
"""

from __future__ import annotations

import csv
import datetime
import json
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_GET

from sanxiang.publicity import selectors
from sanxiang.publicity.models import Publication
from sanxiang.publicity.views.common import not_found_as_404
from sanxiang.registry.models import Agency

FEED_SIZE = 50
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"

# The open-data fields, in order, with their meaning (documented on the open-data page and in
# docs/publicity.md).
OPEN_DATA_FIELDS: tuple[tuple[str, Any], ...] = (
    ("id", _l("Publication number on this portal")),
    ("title", _l("Published (redacted) title")),
    ("agency", _l("Enforcement agency")),
    ("agency_credit_code", _l("Agency's unified social credit code")),
    (
        "act_type",
        _l("Act type code: penalty, licensing, inspection, levy, coercion, charge, other"),
    ),
    ("category", _l("Enforcement category as published")),
    ("decided_on", _l("Decision date, ISO 8601")),
    ("published_on", _l("Publication date, ISO 8601")),
    ("amount_fen", _l("Fine and confiscation in fen (1 yuan = 100 fen)")),
    ("text", _l("Published (redacted) text")),
    ("version", _l("Version; above 1 after corrections")),
    ("ledger_index", _l("Index of the publication's ledger entry")),
    ("url", _l("Address of the decision page")),
)


def _feed_rows(agency: Agency | None) -> list[Publication]:
    return selectors.latest_published(agency_id=agency.pk if agency else None, limit=FEED_SIZE)


def _published_at(row: Publication) -> datetime.datetime:
    day = row.published_on or row.decided_on
    return datetime.datetime.combine(day, datetime.time(), tzinfo=timezone.get_current_timezone())


def _feed_title(agency: Agency | None) -> str:
    if agency is None:
        return _("Enforcement decisions published on the portal")
    return _("Enforcement decisions published by %(agency)s") % {"agency": agency.name}


def _agency_or_none(agency_id: int | None) -> Agency | None:
    return None if agency_id is None else selectors.public_agency_get(agency_id=agency_id)


@require_GET
@not_found_as_404
def atom(request: HttpRequest, agency_id: int | None = None) -> HttpResponse:
    """Atom 1.0 feed (RFC 4287) of the latest published decisions."""
    agency = _agency_or_none(agency_id)
    home = request.build_absolute_uri(
        reverse("publicity:agency", args=[agency.pk]) if agency else reverse("publicity:search")
    )
    feed = Atom1Feed(
        title=_feed_title(agency),
        link=home,
        description=_feed_title(agency),
        language="zh-CN",
        feed_url=request.build_absolute_uri(),
        feed_guid=request.build_absolute_uri(),
    )
    for row in _feed_rows(agency):
        url = request.build_absolute_uri(reverse("publicity:decision", args=[row.pk]))
        feed.add_item(
            title=row.public_title,
            link=url,
            description=row.public_text,
            unique_id=url,
            pubdate=_published_at(row),
            updateddate=_published_at(row),
            author_name=row.agency.name,
            categories=[row.category],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


@require_GET
@not_found_as_404
def json_feed(request: HttpRequest, agency_id: int | None = None) -> JsonResponse:
    """JSON Feed 1.1 (jsonfeed.org/version/1.1) of the latest published decisions."""
    agency = _agency_or_none(agency_id)
    home = request.build_absolute_uri(
        reverse("publicity:agency", args=[agency.pk]) if agency else reverse("publicity:search")
    )
    items: list[dict[str, Any]] = []
    for row in _feed_rows(agency):
        url = request.build_absolute_uri(reverse("publicity:decision", args=[row.pk]))
        items.append(
            {
                "id": url,
                "url": url,
                "title": row.public_title,
                "content_text": row.public_text,
                "date_published": _published_at(row).isoformat(),
                "authors": [{"name": row.agency.name}],
                "tags": [row.category],
            }
        )
    body = {
        "version": JSON_FEED_VERSION,
        "title": _feed_title(agency),
        "home_page_url": home,
        "feed_url": request.build_absolute_uri(),
        "language": "zh-CN",
        "items": items,
    }
    return JsonResponse(
        body,
        content_type="application/feed+json; charset=utf-8",
        json_dumps_params={"ensure_ascii": False},
    )


def _open_rows(request: HttpRequest) -> Iterator[dict[str, Any]]:
    base = request.build_absolute_uri("/").rstrip("/")
    rows = selectors.published_publications().order_by("id")
    for row in rows.iterator(chunk_size=2000):
        yield {
            "id": row.pk,
            "title": row.public_title,
            "agency": row.agency.name,
            "agency_credit_code": row.agency.credit_code,
            "act_type": row.act_type,
            "category": row.category,
            "decided_on": row.decided_on.isoformat(),
            "published_on": row.published_on.isoformat() if row.published_on else "",
            "amount_fen": row.amount_fen,
            "text": row.public_text,
            "version": row.version,
            "ledger_index": row.ledger_index,
            "url": base + reverse("publicity:decision", args=[row.pk]),
        }


@require_GET
def open_data(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "publicity/open_data.html",
        {"fields": OPEN_DATA_FIELDS, "count": selectors.published_publications().count()},
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


@require_GET
def open_data_csv(request: HttpRequest) -> StreamingHttpResponse:
    """All published decisions as CSV (UTF-8 with BOM for spreadsheet programs), streamed."""
    writer = csv.DictWriter(_Echo(), fieldnames=[name for name, _doc in OPEN_DATA_FIELDS])

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writeheader()
        for row in _open_rows(request):
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="decisions.csv"'
    return response


@require_GET
def open_data_json(request: HttpRequest) -> StreamingHttpResponse:
    """All published decisions as one JSON document `{"fields": [...], "items": [...]}`."""

    def chunks() -> Iterator[str]:
        fields = [{"name": name, "description": str(doc)} for name, doc in OPEN_DATA_FIELDS]
        yield '{"fields": ' + json.dumps(fields, ensure_ascii=False) + ', "items": ['
        first = True
        for row in _open_rows(request):
            yield ("" if first else ",") + json.dumps(row, ensure_ascii=False)
            first = False
        yield "]}"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="decisions.json"'
    return response


@require_GET
def display(request: HttpRequest) -> HttpResponse:
    """Hall display-screen mode: the latest decisions full-screen, one after another."""
    agency_id = request.GET.get("agency")
    rows = selectors.latest_published(
        agency_id=int(agency_id) if agency_id and agency_id.isdigit() else None, limit=12
    )
    return render(request, "publicity/display.html", {"rows": rows})


def pdf_response(html: str, request: HttpRequest, filename: str) -> HttpResponse:
    from weasyprint import HTML  # type: ignore[import-untyped]

    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
@not_found_as_404
def booklet(request: HttpRequest, agency_id: int) -> HttpResponse:
    """The printable disclosure booklet (公示册) of an agency, as PDF."""
    agency = selectors.public_agency_get(agency_id=agency_id)
    html = render_to_string(
        "publicity/pdf/booklet.html",
        {
            "agency": agency,
            "catalogue": selectors.catalogue(agency=agency),
            "officers": selectors.public_officers(agency=agency),
            "powers": selectors.public_power_items(agency=agency),
            "delegations": selectors.delegations(agency=agency),
            "spot_checks": selectors.spot_check_items(agency=agency),
            "latest": selectors.latest_published(agency_id=agency.pk, limit=30),
            "today": timezone.localdate(),
        },
        request=request,
    )
    return pdf_response(html, request, f"booklet-{agency.pk}.pdf")
