"""Document numbers (文号) per agency, kind and year: 津市监罚〔2025〕12号 (STD-9704-7.2.5).

The prefix is the agency's 发文机关代字 (`DocumentSettings.number_prefix`, else the agency's
short name) followed by the kind's code (罚, 罚告, 不罚…; overridable per agency). The sequence
is `core.sequences.next_in_sequence`: gapless, and unique under concurrency because the counter
row stays locked until the issuing transaction commits (a rolled-back issue gives its number
back). The format itself is `core.docnumbers.format_document_number`.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from sanxiang.core.docnumbers import format_document_number
from sanxiang.core.errors import ApplicationError
from sanxiang.core.sequences import next_in_sequence
from sanxiang.documents.kinds import DocumentKind
from sanxiang.documents.models import DocumentSettings
from sanxiang.registry.models import Agency

__all__ = ["allocate_number", "number_prefix"]


def number_prefix(*, agency: Agency, settings: DocumentSettings, kind: DocumentKind) -> str:
    """发文机关代字 + kind code, e.g. 津市监罚 (STD-9704-7.2.5)."""
    code = str(settings.number_codes.get(kind.code) or kind.number_code)
    base = settings.number_prefix or agency.short_name
    if not base:
        raise ApplicationError(
            _(
                "The agency has no document number prefix (发文机关代字); set it in the "
                "agency's document settings (STD-9704-7.2.5)."
            ),
            code="documents.no_prefix",
            extra={"field": "number_prefix", "rule": "STD-9704-7.2.5"},
        )
    return base + code


def allocate_number(
    *, agency: Agency, settings: DocumentSettings, kind: DocumentKind, year: int
) -> tuple[str, int]:
    """The next number of the kind's prefix in `year`, and its sequence (STD-9704-7.2.5).

    Must run inside the issuing transaction: the counter row stays locked until it commits.
    """
    prefix = number_prefix(agency=agency, settings=settings, kind=kind)
    sequence = next_in_sequence(scope=f"documents:{agency.pk}:{prefix}", year=year)
    return format_document_number(prefix=prefix, year=year, sequence=sequence), sequence
