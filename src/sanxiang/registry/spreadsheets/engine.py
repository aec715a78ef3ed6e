"""A small column/row engine for .xlsx import and export (openpyxl).

Contract:
* A sheet kind declares its `Column`s: a key, the Chinese header agencies write (data format,
  so not translated), optional aliases, whether the column may be absent, whether a cell is
  required, and a parser turning the raw cell into a Python value or raising `CellError`.
* A sheet kind may also declare `ColumnFamily`s: any number of columns whose header follows a
  pattern (one per year: 2024年度培训学时, 2025年度培训学时 …); each header found becomes a
  `Column` of its own, listed in `ParsedSheet.found`.
* `read_sheet` finds the header row (one of the first rows, so a title line above it is
  fine), maps headers to columns after normalising spaces, asterisks and full-width brackets,
  parses every non-empty row and returns the parsed rows together with *every* problem found,
  each an `ImportProblem(row, column, reason)` with the row number Excel shows and the header.
* `raise_if_problems` turns a non-empty problem list into one
  `ApplicationError(code="import.invalid", extra={"problems": [...]})`.
* `write_sheet` writes the same headers and rows back, so export → import round-trips.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import IO, Any

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from sanxiang.core.errors import ApplicationError

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_DATA_ROWS = 20_000
_HEADER_SEARCH_ROWS = 5
_HEADER_FOLD = str.maketrans({"（": "(", "）": ")", "*": None, "＊": None})


class CellError(ValueError):
    """A cell that cannot be read; the message is the reason shown to the user."""


@dataclass(frozen=True)
class ImportProblem:
    """One bad cell: `row` as Excel numbers it, `column` the header, and why."""

    row: int
    column: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _as_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    parse: Callable[[Any], Any] = _as_text
    required: bool = False  # the cell must not be empty
    optional_column: bool = False  # the column may be missing from the sheet
    aliases: tuple[str, ...] = ()
    width: int = 16
    number_format: str | None = None


@dataclass(frozen=True)
class ColumnFamily:
    """Columns whose normalised header matches `pattern`, as many as the sheet has.

    `column` builds the column of one matching header; its key must differ per header (e.g.
    it carries the year). Family columns are always optional columns.
    """

    pattern: re.Pattern[str]
    column: Callable[[re.Match[str]], Column]


@dataclass
class SheetRow:
    number: int
    values: dict[str, Any]  # parsed value per column key; a bad cell is absent
    raw: dict[str, Any]


@dataclass
class ParsedSheet:
    rows: list[SheetRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    header_row: int = 1
    present: frozenset[str] = frozenset()  # keys of the columns found in the sheet
    found: tuple[Column, ...] = ()  # the columns found, in sheet order (family columns too)


def normalise_header(value: Any) -> str:
    return "".join(_as_text(value).split()).translate(_HEADER_FOLD)


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header_map(
    cells: Sequence[Any], columns: Sequence[Column], families: Sequence[ColumnFamily]
) -> dict[int, Column]:
    by_header: dict[str, Column] = {}
    for column in columns:
        for name in (column.header, *column.aliases):
            by_header[normalise_header(name)] = column
    found: dict[int, Column] = {}
    for index, cell in enumerate(cells):
        header = normalise_header(cell)
        match = by_header.get(header) or _family_column(header, families)
        if match is not None and match.key not in {c.key for c in found.values()}:
            found[index] = match
    return found


def _family_column(header: str, families: Sequence[ColumnFamily]) -> Column | None:
    for family in families:
        matched = family.pattern.fullmatch(header)
        if matched:
            return family.column(matched)
    return None


def _open(file: IO[bytes] | bytes) -> Any:
    source = io.BytesIO(file) if isinstance(file, bytes) else file
    try:
        return openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise ApplicationError(
            _("The file is not an Excel workbook (.xlsx)."), code="import.unreadable"
        ) from None


def read_sheet(
    file: IO[bytes] | bytes,
    *,
    columns: Sequence[Column],
    sheet_name: str,
    families: Sequence[ColumnFamily] = (),
) -> ParsedSheet:
    """Parse the sheet named `sheet_name` (else the first sheet) against `columns`."""
    workbook = _open(file)
    try:
        sheet = (
            workbook[sheet_name] if sheet_name in workbook.sheetnames else workbook.worksheets[0]
        )
        return _parse_rows(sheet.iter_rows(values_only=True), columns, families)
    finally:
        workbook.close()


def _parse_rows(
    rows: Iterable[Sequence[Any]], columns: Sequence[Column], families: Sequence[ColumnFamily]
) -> ParsedSheet:
    result = ParsedSheet()
    needed = [c for c in columns if not c.optional_column]
    mapping: dict[int, Column] | None = None
    best: tuple[int, dict[int, Column]] = (1, {})
    data_rows = 0
    for number, cells in enumerate(rows, start=1):
        if mapping is None:
            candidate = _header_map(cells, columns, families)
            if len(candidate) > len(best[1]):
                best = (number, candidate)
            if all(c in candidate.values() for c in needed):
                mapping, result.header_row = candidate, number
                result.present = frozenset(c.key for c in candidate.values())
                result.found = tuple(candidate[index] for index in sorted(candidate))
            elif number >= _HEADER_SEARCH_ROWS:
                break
            continue
        if all(is_blank(value) for value in cells):
            continue
        data_rows += 1
        if data_rows > MAX_DATA_ROWS:
            raise ApplicationError(
                _("The file has more than %(limit)s rows; split it.") % {"limit": MAX_DATA_ROWS},
                code="import.too_large",
            )
        result.rows.append(_parse_row(number, cells, mapping, result.problems))
    if mapping is None:
        header_row, found = best
        result.header_row = header_row
        result.problems.extend(
            ImportProblem(header_row, column.header, _("The column is missing."))
            for column in needed
            if column not in found.values()
        )
    return result


def _parse_row(
    number: int,
    cells: Sequence[Any],
    mapping: dict[int, Column],
    problems: list[ImportProblem],
) -> SheetRow:
    row = SheetRow(number=number, values={}, raw={})
    for index, column in mapping.items():
        raw = cells[index] if index < len(cells) else None
        row.raw[column.key] = raw
        if is_blank(raw):
            if column.required:
                problems.append(ImportProblem(number, column.header, _("This cell is required.")))
                continue
            raw = None
        try:
            row.values[column.key] = column.parse(raw)
        except CellError as error:
            problems.append(ImportProblem(number, column.header, str(error)))
    return row


def raise_if_problems(problems: Sequence[ImportProblem]) -> None:
    """Raise the one import error listing every problem, sorted by row and column order."""
    if not problems:
        return
    ordered = sorted(problems, key=lambda p: p.row)
    raise ApplicationError(
        _("The file has %(count)s problems; nothing was imported.") % {"count": len(ordered)},
        code="import.invalid",
        extra={"problems": [p.as_dict() for p in ordered]},
    )


def write_sheet(
    *, columns: Sequence[Column], rows: Iterable[Sequence[Any]], sheet_name: str
) -> bytes:
    """An .xlsx with a bold, frozen header row and `rows` in column order."""
    workbook = openpyxl.Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = sheet_name
    sheet.append([column.header for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for values in rows:
        sheet.append(list(values))
        for column, cell in zip(columns, sheet[sheet.max_row], strict=False):
            if column.number_format and cell.value is not None:
                cell.number_format = column.number_format
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
