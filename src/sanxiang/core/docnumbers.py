"""Document numbers (发文字号 / 文号) per GB/T 9704-2012 §7.2.5 (STD-9704-7.2.5).

A document number is the issuing agency's abbreviation (发文机关代字), the full year in hexagonal
brackets 〔〕, and the sequence number without 第 and without leading zeros, followed by 号:
`津政办发〔2019〕16号`.

Contract: `format_document_number` builds one from its parts and `parse_document_number` splits
one; both raise `ApplicationError` (codes `document_number.prefix`, `document_number.year`,
`document_number.sequence`, `document_number.format`) instead of producing or accepting a
number in another style such as `[2019]`, `(2019)`, `〔19〕`, `第16号` or `016号`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError

__all__ = [
    "DOCUMENT_NUMBER_RE",
    "DocumentNumber",
    "format_document_number",
    "parse_document_number",
    "validate_document_number",
]

# STD-9704-7.2.5: the pattern from legal-rules.md. re.ASCII because Python's \d would otherwise
# also match full-width digits such as ２０１９, which the standard does not allow.
DOCUMENT_NUMBER_RE = re.compile(r"^.+〔\d{4}〕[1-9]\d*号$", re.ASCII)
_PARTS_RE = re.compile(r"^(?P<prefix>.+)〔(?P<year>\d{4})〕(?P<sequence>[1-9]\d*)号$", re.ASCII)
# A prefix with brackets or blanks would make the number ambiguous to parse back.
_BAD_PREFIX_RE = re.compile(r"[〔〕\s]")


@dataclass(frozen=True, slots=True)
class DocumentNumber:
    """A parsed 发文字号: agency abbreviation, full year and sequence number."""

    prefix: str
    year: int
    sequence: int

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.sequence}号"


def format_document_number(*, prefix: str, year: int, sequence: int) -> str:
    """Build a document number: `format_document_number(prefix="津市监罚", year=2017,
    sequence=12)` → `津市监罚〔2017〕12号` (STD-9704-7.2.5).

    Refuses an empty prefix or one containing 〔, 〕 or blanks, a year that is not four digits
    (the standard wants the full year) and a sequence number below 1.
    """
    if not prefix or _BAD_PREFIX_RE.search(prefix):
        raise ApplicationError(
            _(
                "A document number starts with the issuing agency's abbreviation, without "
                "brackets or blanks; “%(prefix)s” cannot be used."
            )
            % {"prefix": prefix},
            code="document_number.prefix",
            extra={"prefix": prefix},
        )
    if not 1000 <= year <= 9999:
        # STD-9704-7.2.5: "年份应标全称".
        raise ApplicationError(
            _("The document number year %(year)s must be written in full (four digits).")
            % {"year": year},
            code="document_number.year",
            extra={"year": year},
        )
    if sequence < 1:
        raise ApplicationError(
            _("The document number sequence %(sequence)s must be 1 or more.")
            % {"sequence": sequence},
            code="document_number.sequence",
            extra={"sequence": sequence},
        )
    return str(DocumentNumber(prefix=prefix, year=year, sequence=sequence))


def parse_document_number(value: str) -> DocumentNumber:
    """Split a document number into prefix, year and sequence (STD-9704-7.2.5).

    Surrounding blanks are ignored; anything else must match `DOCUMENT_NUMBER_RE` exactly.
    """
    number = value.strip()
    match = _PARTS_RE.match(number)
    if match is None or _BAD_PREFIX_RE.search(match["prefix"]):
        # STD-9704-7.2.5: 〔〕 brackets, full year, no 第, no leading zero, ends with 号.
        raise ApplicationError(
            _(
                "Document number %(value)s must look like 津政办发〔2019〕16号: the full year "
                "in 〔〕 and the sequence number without 第 or leading zeros, followed by 号."
            )
            % {"value": number},
            code="document_number.format",
            extra={"value": number},
        )
    return DocumentNumber(
        prefix=match["prefix"], year=int(match["year"]), sequence=int(match["sequence"])
    )


def validate_document_number(value: str) -> None:
    """Django field validator: the stored value is a document number exactly as printed."""
    try:
        parsed = parse_document_number(value)
    except ApplicationError as error:
        raise ValidationError(error.message, code=error.code) from error
    if str(parsed) != value:
        # Only surrounding blanks can differ; stored numbers are compared as strings.
        raise ValidationError(
            _("Write document number %(value)s without surrounding blanks.") % {"value": value},
            code="document_number.format",
        )
