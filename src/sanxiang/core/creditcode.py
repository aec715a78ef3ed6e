"""Unified social credit codes (统一社会信用代码, GB 32100-2015) and region codes (GB/T 2260).

Contract: `parse_credit_code` takes what a user typed, normalises it, and either returns a
`CreditCode` or raises `ApplicationError` with a stable code:

- `credit_code.format`: not 18 characters of the GB 32100 character set in the right places
  (STD-32100-1, STD-32100-2);
- `credit_code.checksum`: the MOD 31 check character is wrong (STD-32100-3).

Things that are legal but not confirmed are reported in `CreditCode.warnings`, never refused:
a registration department or organisation category outside the confirmed table (STD-32100-4),
and an embedded organisation code whose GB 11714 check character does not match (STD-11714,
an optional secondary check: bodies assigned for some registrants are not GB 11714 codes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError
from sanxiang.core.identity import is_plausible_province_code

__all__ = [
    "CREDIT_CODE_CHARSET",
    "CREDIT_CODE_RE",
    "CreditCode",
    "credit_code_check_char",
    "is_valid_credit_code",
    "normalise_credit_code",
    "organisation_code_check_char",
    "parse_credit_code",
    "validate_credit_code",
    "validate_region_code",
]

# STD-32100-2: digits and upper-case letters without I, O, Z, S, V; a symbol's value is its index.
CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {char: index for index, char in enumerate(CREDIT_CODE_CHARSET)}
# STD-32100-1/-2: department, category, six-digit region, nine-character body, check character.
CREDIT_CODE_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")
_BODY_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{9}$")
# STD-32100-3: Wi = 3^(i-1) mod 31 for positions 1..17.
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# STD-11714: eight body characters (digits or A-Z, A=10 … Z=35) weighted 3 7 9 10 5 8 4 2.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_BODY_RE = re.compile(r"^[0-9A-Z]{8}$")

# STD-32100-4: departments and categories confirmed in the code sources. Anything else inside
# the character set is UNCONFIRMED, so it produces a warning and is never refused.
_KNOWN_CATEGORIES: dict[str, frozenset[str]] = {
    "1": frozenset("1239"),  # 机构编制: 机关, 事业单位, 中央编办直管群众团体, 其他
    "5": frozenset("1239"),  # 民政: 社会团体, 民办非企业单位, 基金会, 其他
    "9": frozenset("123"),  # 工商: 企业, 个体工商户, 农民专业合作社
    "Y": frozenset("1"),  # 其他
}

REGION_CODE_RE = re.compile(r"^[0-9]{6}$")

# Users paste codes from PDFs and Chinese input methods: full-width letters and digits and
# lower case are the same code.
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x41 + i) for i in range(26)},
    }
)


@dataclass(frozen=True, slots=True)
class CreditCode:
    """A parsed 统一社会信用代码 (unified social credit code), STD-32100-1.

    `number` is the canonical 18-character form. `warnings` holds translated notes about parts
    that are allowed but not confirmed (STD-32100-4, STD-11714).
    """

    number: str
    department_code: str
    category_code: str
    region_code: str
    organisation_code: str
    is_individual_business: bool
    warnings: tuple[str, ...]


def normalise_credit_code(value: str) -> str:
    """Strip surrounding blanks, fold full-width characters to ASCII and upper-case letters."""
    return value.strip().translate(_FOLD).upper()


def credit_code_check_char(first17: str) -> str:
    """The GB 32100 check character for a 17-character body (STD-32100-3).

    C18 = 31 − (Σ ci·Wi mod 31); a result of 31 becomes 0 (a public JS implementation indexes
    past the character set here).
    """
    if not _BODY_RE.match(first17):
        raise ApplicationError(
            _("The body of a credit code must be 17 characters, not %(value)s.")
            % {"value": first17},
            code="credit_code.format",
            extra={"value": first17},
        )
    total = sum(_VALUE[char] * weight for char, weight in zip(first17, _WEIGHTS, strict=True))
    check = 31 - total % 31
    # STD-32100-3: the 31 → 0 rule.
    return CREDIT_CODE_CHARSET[0 if check == 31 else check]


def organisation_code_check_char(first8: str) -> str:
    """The GB 11714 check character for an 8-character organisation code body (STD-11714).

    C9 = 11 − (Σ ci·Wi mod 11); 10 is written X and 11 is written 0.
    """
    if not _ORG_BODY_RE.match(first8):
        raise ApplicationError(
            _("The body of an organisation code must be 8 characters, not %(value)s.")
            % {"value": first8},
            code="organisation_code.format",
            extra={"value": first8},
        )
    total = sum(int(char, 36) * weight for char, weight in zip(first8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 10:
        return "X"
    if check == 11:
        return "0"
    return str(check)


def parse_credit_code(value: str) -> CreditCode:
    """Parse and check a unified social credit code; raise `ApplicationError` when invalid.

    Refuses a wrong shape or character set (STD-32100-1/-2) and a wrong check character
    (STD-32100-3). Warns, without refusing, about unconfirmed department or category codes
    (STD-32100-4) and an embedded organisation code failing GB 11714 (STD-11714).
    """
    number = normalise_credit_code(value)
    extra = {"value": number}
    if not CREDIT_CODE_RE.match(number):
        # STD-32100-1 / STD-32100-2
        raise ApplicationError(
            _(
                "Credit code %(value)s must be 18 characters: digits and capital letters "
                "other than I, O, S, V and Z, with digits in places 3 to 8."
            )
            % {"value": number},
            code="credit_code.format",
            extra=extra,
        )
    if credit_code_check_char(number[:17]) != number[17]:
        # STD-32100-3
        raise ApplicationError(
            _("Credit code %(value)s has a wrong check character.") % {"value": number},
            code="credit_code.checksum",
            extra=extra,
        )
    department, category = number[0], number[1]
    organisation_code = number[8:17]
    warnings: list[str] = []
    known_categories = _KNOWN_CATEGORIES.get(department)
    if known_categories is None:
        # STD-32100-4: later department codes are UNCONFIRMED; warn, never reject.
        warnings.append(
            _("Registration department code %(code)s is not in the confirmed table.")
            % {"code": department}
        )
    elif category not in known_categories:
        warnings.append(
            _("Organisation category %(category)s is not confirmed for department %(code)s.")
            % {"category": category, "code": department}
        )
    if not _org_code_checks(organisation_code):
        # STD-11714: optional secondary check, reported only.
        warnings.append(
            _("Embedded organisation code %(code)s does not pass the GB 11714 check.")
            % {"code": organisation_code}
        )
    return CreditCode(
        number=number,
        department_code=department,
        category_code=category,
        region_code=number[2:8],
        organisation_code=organisation_code,
        # STD-32100-4: department 9 (工商) + category 2 = 个体工商户 (individual business).
        is_individual_business=(department, category) == ("9", "2"),
        warnings=tuple(warnings),
    )


def _org_code_checks(organisation_code: str) -> bool:
    body, check = organisation_code[:8], organisation_code[8]
    # GB 11714 bodies use every capital letter, the credit code set is narrower, so a body
    # inside the credit code set is always a well-formed GB 11714 body.
    return organisation_code_check_char(body) == check


def is_valid_credit_code(value: str) -> bool:
    """Whether `value` (after normalisation) is a valid GB 32100 code; warnings do not count."""
    try:
        parse_credit_code(value)
    except ApplicationError:
        return False
    return True


def validate_credit_code(value: str) -> None:
    """Django field validator: a valid credit code in canonical form (services normalise)."""
    try:
        parsed = parse_credit_code(value)
    except ApplicationError as error:
        raise ValidationError(error.message, code=error.code) from error
    if parsed.number != value:
        raise ValidationError(
            _("Write credit code %(value)s as %(normalised)s.")
            % {"value": value, "normalised": parsed.number},
            code="credit_code.not_normalised",
        )


def validate_region_code(value: str) -> None:
    """Django field validator for a GB/T 2260 region code (STD-2260-1).

    Six digits whose first two are a province code (11–82). Whether the code is current is a
    question for the region table, not for this validator (STD-2260-TJ keeps historic codes).
    """
    if not REGION_CODE_RE.match(value) or not is_plausible_province_code(value):
        raise ValidationError(
            _("Region code %(value)s must be six digits starting with a province code.")
            % {"value": value},
            code="region_code.format",
        )
