"""Checking a proposed fine against the discretion tier applied (裁量基准) — LAW-APL-34.

The tier (`registry.DiscretionTier`, published under LAW-APL-34 / TJ-SUP-12/13) gives the normal
band for the circumstance. A fine outside it is possible but needs a written reason (SAMR-PROC-48:
the 调查终结报告 states "自由裁量的理由") and is flagged for legal review (GUO-118-13: "裁量
基准运用是否适当"). When mitigation is mandatory (a minor of 14–17, LAW-APL-30; a ground of
LAW-APL-32, "应当从轻或者减轻"), legal-rules.md asks for a fine below the normal band, so a
fine at or above the band's floor needs a reason too. Together: with mitigation required, every
positive fine carries a written reason — below the band as an outside-range fine (and is
flagged), at or above it as unmitigated.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError
from sanxiang.core.money import Fen, format_yuan_cn
from sanxiang.registry.models.choices import FineBasis

__all__ = ["DiscretionCheck", "DiscretionTierLike", "check_discretion"]


class DiscretionTierLike(Protocol):
    """What `check_discretion` reads from a tier. `fine_basis`, `fine_min_multiple` and
    `fine_max_multiple` are read with `getattr` when present (a fine computed as multiples of
    货值金额 etc.); a tier without them is a fixed range in fen."""

    @property
    def fine_min_fen(self) -> int | None: ...

    @property
    def fine_max_fen(self) -> int | None: ...


@dataclass(frozen=True, slots=True)
class DiscretionCheck:
    """The outcome of `check_discretion`.

    `within_range`: the fine lies in the tier's band (bounds included). `outside_reason_required`:
    it does not, so a written reason was required. `mitigation_reason_required`: mitigation is
    mandatory and the fine is not below the band, so a reason was required. `flag_for_legal_review`:
    the decision goes to legal review for the discretion applied. `min_fen` / `max_fen`: the band
    in fen (None = open), after applying multiples to the basis amount.
    """

    within_range: bool
    outside_reason_required: bool
    flag_for_legal_review: bool
    mitigation_reason_required: bool = False
    min_fen: Fen | None = None
    max_fen: Fen | None = None

    @property
    def reason_required(self) -> bool:
        return self.outside_reason_required or self.mitigation_reason_required


def check_discretion(
    *,
    tier: DiscretionTierLike,
    fine_fen: Fen,
    reason: str,
    mitigation_required: bool,
    basis_fen: Fen | None = None,
) -> DiscretionCheck:
    """Compare `fine_fen` with the tier's band; refuse a missing reason where one is needed.

    For a tier whose fine is multiples of a basis (`fine_basis` other than `fixed`),
    `basis_fen` is that amount (货值金额, 违法所得…) and is required
    (`rules.discretion.basis_amount_required`). A tier with no fine at all allows only 0. A
    blank `reason` where one is required is refused (`rules.discretion.reason_required`);
    otherwise the result says what to record and whether to flag legal review.
    """
    low, high = _band(tier, basis_fen)
    within = (low is None or fine_fen >= low) and (high is None or fine_fen <= high)
    # LAW-APL-30 / LAW-APL-32: mandatory mitigation expects a fine below the band's floor.
    floor = low if low is not None else 0
    unmitigated = mitigation_required and fine_fen > 0 and fine_fen >= floor
    result = DiscretionCheck(
        within_range=within,
        outside_reason_required=not within,
        # LAW-APL-34 / GUO-118-13: leaving the published band goes to legal review.
        flag_for_legal_review=not within,
        mitigation_reason_required=unmitigated,
        min_fen=low,
        max_fen=high,
    )
    if reason.strip():
        return result
    band = _band_text(low, high)
    if not within:
        raise ApplicationError(
            _(
                "The fine of %(amount)s is outside the %(band)s of the discretion standard; "
                "give the reason (reason, LAW-APL-34)."
            )
            % {"amount": format_yuan_cn(fine_fen), "band": band},
            code="rules.discretion.reason_required",
            extra={"field": "reason", "rule": "LAW-APL-34", "min_fen": low, "max_fen": high},
        )
    if unmitigated:
        raise ApplicationError(
            _(
                "Mitigation is required, but the fine of %(amount)s is not below the %(band)s "
                "of the discretion standard; give the reason (reason, LAW-APL-30 / LAW-APL-32)."
            )
            % {"amount": format_yuan_cn(fine_fen), "band": band},
            code="rules.discretion.reason_required",
            extra={"field": "reason", "rule": "LAW-APL-32", "min_fen": low, "max_fen": high},
        )
    return result


def _band(tier: DiscretionTierLike, basis_fen: Fen | None) -> tuple[Fen | None, Fen | None]:
    basis = getattr(tier, "fine_basis", FineBasis.FIXED) or FineBasis.FIXED
    if basis == FineBasis.FIXED:
        low, high = tier.fine_min_fen, tier.fine_max_fen
        # An empty range means the tier has no fine (registry DiscretionTier).
        return (0, 0) if low is None and high is None else (low, high)
    if basis_fen is None:
        raise ApplicationError(
            _(
                "The fine of this tier is a multiple of an amount (%(basis)s); give that amount "
                "(fine basis, LAW-APL-34)."
            )
            % {"basis": basis},
            code="rules.discretion.basis_amount_required",
            extra={"field": "basis_fen", "rule": "LAW-APL-34", "fine_basis": str(basis)},
        )
    low_multiple: Decimal | None = getattr(tier, "fine_min_multiple", None)
    high_multiple: Decimal | None = getattr(tier, "fine_max_multiple", None)
    # A fine is whole fen, so comparing with the ceiling / floor of the exact bound is exact.
    low = None if low_multiple is None else math.ceil(Decimal(basis_fen) * low_multiple)
    high = None if high_multiple is None else math.floor(Decimal(basis_fen) * high_multiple)
    return (low, high)


def _band_text(low: Fen | None, high: Fen | None) -> str:
    if low is not None and high is not None:
        return _("range of %(low)s to %(high)s") % {
            "low": format_yuan_cn(low),
            "high": format_yuan_cn(high),
        }
    if low is not None:
        return _("range of %(low)s or more") % {"low": format_yuan_cn(low)}
    if high is not None:
        return _("range of up to %(high)s") % {"high": format_yuan_cn(high)}
    return _("unlimited range")
