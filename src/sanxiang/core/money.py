"""Money as integer fen (分) — DESIGN.md decision 7: never floats.

Contract: amounts enter through `yuan_to_fen` (exact, non-negative, at most two decimals, else
`ApplicationError` with code `money.invalid`, `money.negative` or `money.too_many_decimals`)
and leave through `fen_to_yuan`, `format_yuan`, `format_yuan_cn` or `rmb_upper` (amount in
words on documents). The late-payment surcharge (加处罚款) is `late_fee_fen` (LAW-APL-72,
LAW-ACL-45).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TypeAlias

import cn2an
from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError

__all__ = [
    "Fen",
    "fen_to_yuan",
    "format_yuan",
    "format_yuan_cn",
    "late_fee_fen",
    "rmb_upper",
    "yuan_to_fen",
]

# An amount in fen (1 yuan = 100 fen). A plain alias rather than a NewType so that model fields
# and literals need no wrapping; the name documents the unit.
Fen: TypeAlias = int

# LAW-APL-72: 3% of the fine for each day overdue, in percent so the arithmetic stays integer.
_LATE_FEE_PERCENT_PER_DAY = 3
# cn2an.an2cn refuses integer parts longer than 16 digits; no real fine comes near, so the same
# limit bounds what `yuan_to_fen` accepts (and stays inside a 64-bit BigIntegerField).
_MAX_YUAN_DIGITS = 16
_MAX_FEN = 10 ** (_MAX_YUAN_DIGITS + 2) - 1


def yuan_to_fen(value: str | Decimal | int) -> Fen:
    """Convert an amount in yuan to fen exactly.

    Accepts a string such as "12000.5", a `Decimal` or an `int` of whole yuan. Refuses text that
    is not a number, NaN and infinities (`money.invalid`), negative amounts (`money.negative`),
    anything finer than one fen (`money.too_many_decimals`) and 10^16 yuan or more
    (`money.too_large`); "12.500" is accepted because it is exactly 12.50. Floats and bools
    are a programming error (`TypeError`): a float cannot hold 0.1 yuan exactly.
    """
    if isinstance(value, bool) or not isinstance(value, str | Decimal | int):
        raise TypeError(f"yuan_to_fen takes str, Decimal or int, not {type(value).__name__}")
    try:
        amount = Decimal(value.strip()) if isinstance(value, str) else Decimal(value)
    except InvalidOperation:
        raise ApplicationError(
            _("%(value)s is not an amount of money.") % {"value": value},
            code="money.invalid",
            extra={"value": str(value)},
        ) from None
    # Work on the digit tuple rather than `amount * 100`: Decimal arithmetic rounds to the
    # context precision (28 digits), and this conversion must never round.
    _sign, digits, exponent = amount.as_tuple()
    if isinstance(exponent, str):  # "n", "N" or "F": NaN, signalling NaN or infinity
        raise ApplicationError(
            _("%(value)s is not an amount of money.") % {"value": value},
            code="money.invalid",
            extra={"value": str(value)},
        )
    if amount < 0:
        raise ApplicationError(
            _("The amount %(value)s must not be negative.") % {"value": value},
            code="money.negative",
            extra={"value": str(value)},
        )
    coefficient = int("".join(map(str, digits)))
    if coefficient == 0:
        return 0
    if amount.adjusted() >= _MAX_YUAN_DIGITS:
        # Also keeps "1E+999999999" from building a gigantic integer.
        raise ApplicationError(
            _("The amount %(value)s is too large.") % {"value": value},
            code="money.too_large",
            extra={"value": str(value)},
        )
    shift = exponent + 2
    if shift >= 0:
        return coefficient * int(10**shift)  # int(): typeshed types int ** int as Any
    # More decimal places than digits means a non-zero remainder; checking this first avoids
    # computing 10**huge for input such as "1E-999999999".
    fen, remainder = (0, 1) if -shift > len(digits) else divmod(coefficient, int(10**-shift))
    if remainder:
        raise ApplicationError(
            _("The amount %(value)s has more than two decimals; the smallest unit is one fen.")
            % {"value": value},
            code="money.too_many_decimals",
            extra={"value": str(value)},
        )
    return fen


def fen_to_yuan(fen: Fen) -> Decimal:
    """The amount in yuan as a `Decimal` with exactly two decimals (12000 fen → 120.00)."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return Decimal(f"{sign}{whole}.{cents:02d}")


def format_yuan(fen: Fen) -> str:
    """Plain figure with two decimals and no separators or unit: 1_200_000 → "12000.00"."""
    return str(fen_to_yuan(fen))


def format_yuan_cn(fen: Fen) -> str:
    """Figure with the 元 unit as written in decisions: "12000元", "12000.50元", "0.05元".

    Whole yuan drop the decimals; otherwise both decimals are written.
    """
    if fen % 100 == 0:
        return f"{fen // 100}元"
    return f"{format_yuan(fen)}元"


def rmb_upper(fen: Fen) -> str:
    """The amount in capital Chinese numerals (人民币大写): 1_200_000 → "壹万贰仟元整".

    Built on cn2an's "rmb" mode, which is right for whole yuan, for amounts with fen
    ("壹仟零壹元零伍分"), for 0 ("零元整") and for 5 fen ("伍分"). One correction: cn2an
    writes an amount that stops at 角 without the closing 整 ("壹万贰仟元伍角"), but
    会计基础工作规范 第五十二条 requires 整 (or 正) after an amount that ends at 元 or 角, so a
    document in words is not open to additions; we append it. The input is passed as a string
    because cn2an turns floats into text through `str(float)`.

    Refuses negative amounts (`money.negative`) and amounts beyond cn2an's 16-digit yuan range
    (`money.too_large`).
    """
    if fen < 0:
        raise ApplicationError(
            _("The amount %(value)s must not be negative.") % {"value": format_yuan(fen)},
            code="money.negative",
            extra={"fen": fen},
        )
    if fen > _MAX_FEN:
        raise ApplicationError(
            _("The amount %(value)s is too large to write in words.") % {"value": format_yuan(fen)},
            code="money.too_large",
            extra={"fen": fen},
        )
    words: str = cn2an.an2cn(format_yuan(fen), "rmb")
    if fen % 100 != 0 and fen % 10 == 0:
        # Ends at 角: cn2an leaves out 整 (see the docstring).
        words += "整"
    return words


def late_fee_fen(*, fine_fen: Fen, overdue_days: int) -> Fen:
    """Surcharge for paying a fine late (加处罚款), in fen.

    LAW-APL-72: "每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额";
    LAW-ACL-45: the surcharge never exceeds the principal. So the result is
    min(fine × 3% × overdue_days, fine). The product is computed on the whole period in integers
    and rounded once, half up, to the fen (no per-day rounding that could add up).

    Refuses a negative fine or a negative number of days (`money.negative`).
    """
    if fine_fen < 0 or overdue_days < 0:
        raise ApplicationError(
            _("A late-payment surcharge needs a fine and overdue days that are not negative."),
            code="money.negative",
            extra={"fine_fen": fine_fen, "overdue_days": overdue_days},
        )
    percent_fen = fine_fen * _LATE_FEE_PERCENT_PER_DAY * overdue_days
    surcharge = (percent_fen + 50) // 100  # round half up to the fen
    # LAW-APL-72 / LAW-ACL-45: capped at the fine itself.
    return min(surcharge, fine_fen)
