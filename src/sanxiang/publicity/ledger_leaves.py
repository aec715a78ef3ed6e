"""Ledger leaves of publicity: each publication (and correction) and each withdrawal.

`publication_payload` and `withdrawal_payload` are the ONE functions that build the logged
payloads; they are registered as leaf sources in `PublicityConfig.ready`, so `sanxiang ledger
verify` recomputes them from the rows and names any field changed behind the ledger's back.
The payload carries the SHA-256 of the public text: anyone holding the published text can
check it against the ledger (docs/publicity.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from typing import Any

from sanxiang.publicity.models import Publication, PublicationStatus

PUBLICATION_KIND = "publicity.publication"
WITHDRAWAL_KIND = "publicity.withdrawal"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def publication_payload(publication: Publication) -> dict[str, Any]:
    return {
        "publication": publication.pk,
        "case": publication.case_id,
        "agency": publication.agency_id,
        "version": publication.version,
        "title": publication.public_title,
        "text_sha256": text_sha256(publication.public_text),
        "masks": len(publication.final_masks),
        "approved_by": publication.reviewed_by_id,
        "published_on": publication.published_on,
    }


def withdrawal_payload(publication: Publication) -> dict[str, Any]:
    return {
        "publication": publication.pk,
        "ground": publication.withdraw_ground,
        "reason": publication.withdraw_reason,
        "withdrawn_on": publication.withdrawn_on,
        "withdrawn_by": publication.withdrawn_by_id,
    }


def publication_rebuild(ref: str) -> Mapping[str, Any] | None:
    publication = Publication.objects.filter(pk=int(ref), version__gt=0).first()
    return None if publication is None else publication_payload(publication)


def publication_refs() -> Iterator[str]:
    for pk in Publication.objects.filter(version__gt=0).values_list("pk", flat=True):
        yield str(pk)


def withdrawal_rebuild(ref: str) -> Mapping[str, Any] | None:
    publication = Publication.objects.filter(
        pk=int(ref), status=PublicationStatus.WITHDRAWN
    ).first()
    return None if publication is None else withdrawal_payload(publication)


def withdrawal_refs() -> Iterator[str]:
    rows = Publication.objects.filter(status=PublicationStatus.WITHDRAWN)
    for pk in rows.values_list("pk", flat=True):
        yield str(pk)
