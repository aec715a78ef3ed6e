"""The registry of document kinds (one declaration per kind; see `kinds.base.DocumentKind`)."""

from __future__ import annotations

from sanxiang.core.errors import NotFoundError
from sanxiang.documents.kinds.base import (
    BuildInput,
    DocumentContent,
    DocumentKind,
    EditableField,
    FileSection,
    Missing,
    Section,
    Source,
)
from sanxiang.documents.kinds.closing import CLOSING, COVER, DELIBERATION, DELIVERY, REVIEW, TOC
from sanxiang.documents.kinds.decisions import DECISION, NO_PENALTY, ON_SPOT
from sanxiang.documents.kinds.procedure import (
    FILING,
    HEARING_NOTICE,
    HEARING_RECORD,
    INQUIRY,
    INSPECTION,
    NOTICE,
    PRESERVATION,
)

__all__ = [
    "KINDS",
    "BuildInput",
    "DocumentContent",
    "DocumentKind",
    "EditableField",
    "FileSection",
    "Missing",
    "Section",
    "Source",
    "get_kind",
]

# In the order of the lifecycle (the case's documents page lists them so).
KINDS: dict[str, DocumentKind] = {
    kind.code: kind
    for kind in (
        FILING,
        INQUIRY,
        INSPECTION,
        PRESERVATION,
        NOTICE,
        HEARING_NOTICE,
        HEARING_RECORD,
        REVIEW,
        DELIBERATION,
        DECISION,
        ON_SPOT,
        NO_PENALTY,
        DELIVERY,
        CLOSING,
        COVER,
        TOC,
    )
}


def get_kind(code: str) -> DocumentKind:
    """The kind named `code`, or `NotFoundError` (an unknown kind in a URL is a 404)."""
    kind = KINDS.get(code)
    if kind is None:
        raise NotFoundError()
    return kind
