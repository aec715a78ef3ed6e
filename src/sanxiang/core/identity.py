"""Citizen identity numbers (公民身份号码) per GB 11643-1999.

Contract: `parse_resident_id` takes what a user typed, normalises it, and either returns a
`ResidentId` whose parts are known to be well formed or raises `ApplicationError` with one of
these stable codes:

- `resident_id.format`: not 17 digits plus a digit or `X` (STD-11643-1);
- `resident_id.region`: the address code is not a plausible GB/T 2260 code (STD-11643-2);
- `resident_id.birth_date_invalid`: the birth date is not a calendar date (STD-11643-2);
- `resident_id.birth_date_future`: the birth date is after today in Asia/Shanghai (STD-11643-2);
- `resident_id.checksum`: the ISO 7064 MOD 11-2 check digit is wrong (STD-11643-4).

The address code is fixed when the number is issued, so historic codes that have since left
GB/T 2260 (120221 宁河县, 120223 静海县, 120225 蓟县; STD-2260-TJ) must stay valid. That is why
there is no region table here: only the shape of the code is checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError

__all__ = [
    "RESIDENT_ID_RE",
    "ResidentId",
    "is_plausible_province_code",
    "is_valid_resident_id",
    "normalise_resident_id",
    "parse_resident_id",
    "resident_id_check_digit",
    "validate_resident_id",
]

# STD-11643-1: 17 digits of body and one check character, upper-case X for ten.
RESIDENT_ID_RE = re.compile(r"^[0-9]{17}[0-9X]$")
_BODY_RE = re.compile(r"^[0-9]{17}$")

# STD-11643-4: Wi = 2^(i-1) mod 11, listed for positions 1..17 as printed in the standard.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

# People copy numbers out of Word documents and Chinese input methods, which produce full-width
# digits and a full-width or lower-case x; these are the same number, so we fold them.
_FOLD = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)}, "Ｘ": "X", "ｘ": "X", "x": "X"}
)

# GB/T 2260 province codes run from 11 (北京) to 82 (澳门) (STD-2260-1). A finer list is not
# used on purpose: numbers keep the code they were issued under (STD-2260-TJ).
_PROVINCE_MIN = 11
_PROVINCE_MAX = 82


def is_plausible_province_code(code: str) -> bool:
    """Whether the first two digits of a GB/T 2260 code lie in the province range 11–82."""
    return (
        len(code) >= 2
        and code[:2].isascii()
        and code[:2].isdigit()
        and (_PROVINCE_MIN <= int(code[:2]) <= _PROVINCE_MAX)
    )


@dataclass(frozen=True, slots=True)
class ResidentId:
    """A parsed 公民身份号码 (resident identity number).

    `number` is the canonical 18-character form (half-width, upper-case X).
    """

    number: str
    region_code: str
    birth_date: date
    sex: Literal["male", "female"]

    def age_on(self, day: date) -> int:
        """Completed years of age (周岁) on `day`.

        Chinese law counts a year of age as completed only once the birthday is over: "周岁…
        从周岁生日的第二天起算" (法释〔2006〕1号 第二条), which matches the period rules of
        民法典 第二百零一条 (the start day is not counted) and 第二百零二条 (a period ending on a
        day that the month lacks ends on the month's last day). So a person born 2010-05-01 is
        13 on 2024-05-01 and 14 on 2024-05-02; a 29 February birthday is over at the end of
        28 February in common years. LAW-APL-30 (under 14: no penalty) reads this value.
        """
        birthdays_passed = day.year - self.birth_date.year
        if (day.month, day.day) <= _anniversary(self.birth_date, day.year):
            # The birthday of `day.year` is today or still to come, so that year is not complete.
            birthdays_passed -= 1
        return max(birthdays_passed, 0)


def _anniversary(birth: date, year: int) -> tuple[int, int]:
    """Month and day on which the year of age that ends in `year` is completed."""
    if (birth.month, birth.day) == (2, 29) and not _is_leap(year):
        return (2, 28)
    return (birth.month, birth.day)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def normalise_resident_id(value: str) -> str:
    """Strip surrounding blanks (the ideographic space too); fold full-width digits and x to X.

    Does not validate: a string that is not an ID number comes back folded but otherwise as is.
    """
    return value.strip().translate(_FOLD)


def resident_id_check_digit(first17: str) -> str:
    """The GB 11643 check character for a 17-digit body (STD-11643-4, ISO 7064 MOD 11-2)."""
    if not _BODY_RE.match(first17):
        raise ApplicationError(
            _("The body of an ID number must be 17 digits, not %(value)s.") % {"value": first17},
            code="resident_id.format",
            extra={"value": first17},
        )
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def parse_resident_id(value: str) -> ResidentId:
    """Parse and check a resident ID number; raise `ApplicationError` when it is not valid.

    Checks, in the order of the number's structure: format (STD-11643-1), province part of the
    address code (STD-11643-2, STD-2260-1), birth date is a real date and not in the future
    (STD-11643-2), check digit (STD-11643-4). Sex comes from digit 17 (STD-11643-3).
    """
    number = normalise_resident_id(value)
    extra = {"value": number}
    if not RESIDENT_ID_RE.match(number):
        # STD-11643-1
        raise ApplicationError(
            _("ID number %(value)s must be 17 digits followed by a digit or X.")
            % {"value": number},
            code="resident_id.format",
            extra=extra,
        )
    region_code = number[:6]
    if not is_plausible_province_code(region_code):
        # STD-11643-2 / STD-2260-1: only the province part is checked, historic codes pass.
        raise ApplicationError(
            _("ID number %(value)s has an address code %(region)s that is not a region code.")
            % {"value": number, "region": region_code},
            code="resident_id.region",
            extra=extra,
        )
    try:
        birth_date = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        # STD-11643-2: GB/T 7408 YYYYMMDD must be a real calendar date.
        raise ApplicationError(
            _("ID number %(value)s has a birth date %(birth)s that does not exist.")
            % {"value": number, "birth": number[6:14]},
            code="resident_id.birth_date_invalid",
            extra=extra,
        ) from None
    if birth_date > timezone.localdate():
        # STD-11643-2: nobody holds a number for a birth date still to come.
        raise ApplicationError(
            _("ID number %(value)s has a birth date %(birth)s in the future.")
            % {"value": number, "birth": birth_date.isoformat()},
            code="resident_id.birth_date_future",
            extra=extra,
        )
    if resident_id_check_digit(number[:17]) != number[17]:
        # STD-11643-4
        raise ApplicationError(
            _("ID number %(value)s has a wrong check digit.") % {"value": number},
            code="resident_id.checksum",
            extra=extra,
        )
    # STD-11643-3: odd sequence numbers go to men, even ones to women.
    sex: Literal["male", "female"] = "male" if int(number[16]) % 2 == 1 else "female"
    return ResidentId(number=number, region_code=region_code, birth_date=birth_date, sex=sex)


def is_valid_resident_id(value: str) -> bool:
    """Whether `value` (after normalisation) is a valid GB 11643 number."""
    try:
        parse_resident_id(value)
    except ApplicationError:
        return False
    return True


def validate_resident_id(value: str) -> None:
    """Django field validator: the stored value must be a valid number in canonical form.

    Canonical form is required (not merely accepted after folding) because parties are looked up
    and indexed by ID number (GUO-118-09); services store `normalise_resident_id(...)`.
    """
    try:
        parsed = parse_resident_id(value)
    except ApplicationError as error:
        raise ValidationError(error.message, code=error.code) from error
    if parsed.number != value:
        raise ValidationError(
            _("Write ID number %(value)s as %(normalised)s.")
            % {"value": value, "normalised": parsed.number},
            code="resident_id.not_normalised",
        )
