"""Cell parsers: raw openpyxl values (str, int, float, datetime, None) to checked values.

Identity numbers and credit codes are checked by `core.identity` (GB 11643) and
`core.creditcode` (GB 32100) and come back in the canonical form the models store.

Each raises `CellError` with a translated reason. Amounts are read in yuan and returned in
integer fen through `core.money` (DESIGN decision 7): a float from Excel goes through its
shortest decimal representation, never through float arithmetic.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.core.creditcode import parse_credit_code
from sanxiang.core.errors import ApplicationError
from sanxiang.core.identity import normalise_resident_id, parse_resident_id
from sanxiang.core.money import Fen, yuan_to_fen
from sanxiang.registry.models.discretion import MAX_DETENTION_DAYS
from sanxiang.registry.spreadsheets.engine import CellError

LIST_SEPARATORS = re.compile(r"[；;、\n]+")
_MAX_MULTIPLE = Decimal(10_000)  # DiscretionTier multiples: max_digits 8, four decimals
_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def parse_text(value: Any) -> str:
    """Text as written; a whole number typed into a numeric cell loses its ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def parse_date(value: Any) -> datetime.date | None:
    """A date cell, or text such as 2022-01-01, 2022/1/1 or 2022年1月1日."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    match = _DATE_RE.match(str(value).strip())
    if match:
        try:
            return datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    raise CellError(_("%(value)s is not a date; write it as 2022-01-01.") % {"value": value})


def parse_yuan(value: Any) -> Fen | None:
    """An amount in yuan (e.g. 5000, 5000.50, "5,000元") as integer fen; empty → None."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(_("%(value)s is not an amount of money.") % {"value": value})
    if isinstance(value, float):
        value = Decimal(repr(value))
    elif isinstance(value, str):
        value = value.strip().replace(",", "").replace("，", "").removesuffix("元").strip()
    try:
        return yuan_to_fen(value)
    except ApplicationError as error:
        raise CellError(error.message) from None
    except TypeError:
        raise CellError(_("%(value)s is not an amount of money.") % {"value": value}) from None


def parse_positive_int(value: Any) -> int | None:
    """A whole number of at least 1 (an order or sequence number)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 32767:
        return value
    raise CellError(_("%(value)s is not a whole number from 1 to 32767.") % {"value": value})


def parse_multiple(value: Any) -> Decimal | None:
    """A multiple of the fine basis: 10, 0.5, "10倍" or "50%" (= 0.5); empty → None.

    Not negative, at most four decimals (0.035 for 百分之三点五) and below 10000, as the
    model field stores it.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(_("%(value)s is not a multiple such as 10 or 0.5.") % {"value": value})
    if isinstance(value, float):
        value = repr(value)
    text = str(value).strip().removesuffix("倍").strip()
    percent = text.endswith(("%", "％"))
    try:
        number = Decimal(text.rstrip("%％").strip())
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise CellError(_("%(value)s is not a multiple such as 10 or 0.5.") % {"value": value})
    if percent:
        number /= 100
    if number < 0:
        raise CellError(_("The multiple %(value)s must not be negative.") % {"value": value})
    exponent = number.normalize().as_tuple().exponent
    if number >= _MAX_MULTIPLE or (isinstance(exponent, int) and exponent < -4):
        raise CellError(
            _("The multiple %(value)s needs more than four decimals or is too large.")
            % {"value": value}
        )
    return number


def parse_detention_days(value: Any) -> int | None:
    """Days of administrative detention (行政拘留), 1 to 15 for one violation; empty → None."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = value.strip().removesuffix("日").removesuffix("天").strip()
        value = int(text) if text.isdigit() else value
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_DETENTION_DAYS:
        return value
    raise CellError(
        _("%(value)s is not a number of days from 1 to %(max)s.")
        % {"value": value, "max": MAX_DETENTION_DAYS}
    )


def split_list(value: Any) -> list[str]:
    """Several entries in one cell, separated by ；, ;, 、 or line breaks."""
    return [part.strip() for part in LIST_SEPARATORS.split(parse_text(value)) if part.strip()]


_YES, _NO = ("是", "有", "Y", "YES"), ("否", "无", "N", "NO")


def parse_yes_no(value: Any) -> bool:
    """A 是/否 cell (also a TRUE/FALSE cell); empty means 否."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    text = parse_text(value).upper()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(_("Write 是 or 否, not %(value)s.") % {"value": value})


_MAX_YEARLY_HOURS = 8784  # hours in a leap year: anything above is a typing error


def parse_hours(value: Any) -> int | None:
    """Whole hours such as 40, "40学时" or "40小时", from 0 to the hours of a year; empty → None."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = value.strip().removesuffix("学时").removesuffix("小时").strip()
        value = int(text) if text.isdigit() else value
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= _MAX_YEARLY_HOURS:
        return value
    raise CellError(
        _("%(value)s is not a whole number of hours from 0 to %(max)s.")
        % {"value": value, "max": _MAX_YEARLY_HOURS}
    )


def parse_resident_id_cell(value: Any) -> str:
    """A resident ID number (GB 11643), blanks inside removed; returned in canonical form.

    An 18-digit number typed into a numeric cell has already lost its last digits in Excel
    (a double holds 15 or 16), so such a cell is refused with that explanation.
    """
    if isinstance(value, float):
        raise CellError(
            _("The ID number was stored as a number and lost digits; format the column as text.")
        )
    number = normalise_resident_id("".join(parse_text(value).split()))
    try:
        return parse_resident_id(number).number
    except ApplicationError as error:
        raise CellError(error.message) from None


def parse_credit_code_cell(value: Any) -> str:
    """A unified social credit code (GB 32100, check character included), canonical form."""
    try:
        return parse_credit_code(parse_text(value)).number
    except ApplicationError as error:
        raise CellError(error.message) from None
