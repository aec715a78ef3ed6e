"""Public JSON API under /api/v1/public/ (django-ninja): anonymous, published data only.

`GET /api/v1/public/decisions?q=&page=` answers exactly the shape of DESIGN.md §5:
`{"total": n, "items": [{"id", "title", "agency", "decided_on", "text", "ledger_index"}]}`,
`text` being the published, redacted version. Optional filters: `agency` (id), `act_type`,
`date_from`, `date_to` (ISO dates) and `amount_min_fen`, `amount_max_fen`.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.http import HttpRequest
from ninja import Query, Router

from sanxiang.publicity.schemas import CertificateCheckOut, DecisionPageOut
from sanxiang.publicity.search import Filters, search_published
from sanxiang.registry.selectors.officers import certificate_status_lookup

router = Router(tags=["publicity"], auth=None)


@router.get("/decisions", response=DecisionPageOut, summary="Search published decisions")
def decisions(
    request: HttpRequest,
    q: str = "",
    page: int = Query(1, ge=1),
    agency: int | None = None,
    act_type: str | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    amount_min_fen: int | None = Query(None, ge=0),
    amount_max_fen: int | None = Query(None, ge=0),
) -> dict[str, object]:
    found = search_published(
        query=q[:100],
        filters=Filters(
            agency_id=agency,
            act_type=act_type or None,
            date_from=date_from.isoformat() if date_from else None,
            date_to=date_to.isoformat() if date_to else None,
            amount_min_fen=amount_min_fen,
            amount_max_fen=amount_max_fen,
        ),
        page=page,
    )
    return {
        "total": found.total,
        "items": [
            {
                "id": row.pk,
                "title": row.public_title,
                "agency": row.agency.name,
                "decided_on": row.decided_on,
                "text": row.public_text,
                "ledger_index": row.ledger_index,
            }
            for row in found.items
        ],
    }


@router.get("/certificates/{number}", response=CertificateCheckOut, summary="Check a certificate")
def certificate(request: HttpRequest, number: str) -> dict[str, object]:
    """GUO-118-05: the certificate's status today, with public data only (404 if unknown)."""
    return dataclasses.asdict(certificate_status_lookup(number=number))
