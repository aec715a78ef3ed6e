"""Discretion standards (行政处罚裁量基准) and their circumstance tiers (情节档次)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sanxiang.core.money import format_yuan_cn
from sanxiang.registry.models.choices import FineBasis, PartyScope, PenaltyType
from sanxiang.registry.models.powers import PowerItem

# 行政拘留 for one violation is at most 十五日 in every law that provides it (only sentences
# for several violations are merged up to 二十日, 治安管理处罚法), so a tier never exceeds 15.
MAX_DETENTION_DAYS = 15

_N = TypeVar("_N", int, Decimal)


def validate_penalty_types(value: object) -> None:
    """A list of distinct LAW-APL-9 penalty type codes."""
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError(_("Give the penalty types as a list of codes."), code="invalid")
    unknown = [code for code in value if code not in PenaltyType.values]
    if unknown:
        raise ValidationError(
            _("Unknown penalty types: %(codes)s.") % {"codes": ", ".join(unknown)},
            code="penalty_type.unknown",
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("A penalty type is listed twice."), code="penalty_type.duplicate")


def multiple_text(value: Decimal) -> str:
    """A multiple as plain digits without trailing zeros: 15.0000 → "15", 0.0350 → "0.035"."""
    return format(value.normalize(), "f")


class DiscretionStandard(models.Model):
    """A discretion standard (行政处罚裁量基准) for one violation (LAW-APL-34, TJ-SUP-12/13).

    Published before enforcement; each decision links the tier it applied.
    """

    power_item = models.ForeignKey(
        PowerItem,
        verbose_name=_("power item"),
        on_delete=models.PROTECT,
        related_name="discretion_standards",
    )
    code = models.CharField(_("code"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=255)
    mitigating_factors = models.TextField(
        _("mitigating factors"), blank=True, help_text=_("One per line (从轻、减轻情节).")
    )
    aggravating_factors = models.TextField(
        _("aggravating factors"), blank=True, help_text=_("One per line (从重情节).")
    )
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective to"), null=True, blank=True)

    class Meta:
        verbose_name = _("discretion standard")
        verbose_name_plural = _("discretion standards")
        ordering = ("code",)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(effective_to__isnull=True)
                | models.Q(effective_to__gte=models.F("effective_from")),
                name="discretion_effective_range_ordered",
            ),
        )

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


_NO_MULTIPLES = models.Q(fine_min_multiple__isnull=True, fine_max_multiple__isnull=True)
_NO_FEN_RANGE = models.Q(fine_min_fen__isnull=True, fine_max_fen__isnull=True)
_NO_DETENTION = models.Q(detention_days_min__isnull=True, detention_days_max__isnull=True)


class DiscretionTier(models.Model):
    """A circumstance tier (情节档次) of a discretion standard and the penalty range it allows.

    The fine is either a fixed range or multiples of a basis, never both. With `fine_basis`
    `fixed` the range is `fine_min_fen`–`fine_max_fen` in integer fen (DESIGN decision 7);
    with any other basis it is `fine_min_multiple`–`fine_max_multiple` times that amount
    (货值金额十倍以上二十倍以下 = `goods_value`, 10–20) and the fen range stays empty. A
    non-fixed basis always has a multiple, so an empty range means no fine in this tier.
    Either bound may be open ("五千元以下": no minimum).

    One tier, one basis: the circumstance decides which way the fine is computed. Where a
    provision switches on the basis amount (食品安全法第一百二十四条: 货值金额不足一万元的，
    并处五万元以上十万元以下罚款；一万元以上的，并处货值金额十倍以上二十倍以下罚款), or on
    whether it can be computed (广告法第五十五条), each branch is its own tier.

    `party_scope` says whether the tier applies to 单位 or 个人 where the law fines them
    differently (固体废物污染环境防治法第一百一十一条第二款). 行政拘留 is `detention_days_min`–
    `detention_days_max` days and applies to natural persons only.
    """

    standard = models.ForeignKey(
        DiscretionStandard,
        verbose_name=_("discretion standard"),
        on_delete=models.CASCADE,
        related_name="tiers",
    )
    order = models.PositiveSmallIntegerField(_("order"))
    level = models.CharField(_("level"), max_length=32)  # 轻微 / 一般 / 较重 / 严重
    circumstance = models.TextField(_("circumstance"))
    party_scope = models.CharField(
        _("applies to"), max_length=16, choices=PartyScope.choices, default=PartyScope.ANY
    )
    fine_basis = models.CharField(
        _("fine basis"), max_length=16, choices=FineBasis.choices, default=FineBasis.FIXED
    )
    fine_min_fen = models.BigIntegerField(_("minimum fine (fen)"), null=True, blank=True)
    fine_max_fen = models.BigIntegerField(_("maximum fine (fen)"), null=True, blank=True)
    # Four decimals: 环境影响评价法 uses 百分之三点五 (0.035) in agencies' standards and
    # 建设工程质量管理条例 百分之零点五 (0.005).
    fine_min_multiple = models.DecimalField(
        _("minimum multiple"),
        max_digits=8,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Times the fine basis, e.g. 10, or 0.5 for half of it."),
    )
    fine_max_multiple = models.DecimalField(
        _("maximum multiple"),
        max_digits=8,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    detention_days_min = models.PositiveSmallIntegerField(
        _("minimum detention (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DETENTION_DAYS)],
    )
    detention_days_max = models.PositiveSmallIntegerField(
        _("maximum detention (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DETENTION_DAYS)],
    )
    penalty_types = models.JSONField(
        _("penalty types"),
        default=list,
        blank=True,
        validators=[validate_penalty_types],
        help_text=_('Codes from LAW-APL-9, e.g. ["warning", "fine"].'),
    )
    other_penalties = models.CharField(_("other penalties"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("discretion tier")
        verbose_name_plural = _("discretion tiers")
        ordering = ("standard_id", "order")
        constraints = (
            models.UniqueConstraint(fields=["standard", "order"], name="tier_order_unique"),
            models.CheckConstraint(
                condition=models.Q(fine_min_fen__isnull=True)
                | models.Q(fine_max_fen__isnull=True)
                | models.Q(fine_max_fen__gte=models.F("fine_min_fen")),
                name="tier_fine_range_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(fine_min_fen__isnull=True) | models.Q(fine_min_fen__gte=0),
                name="tier_fine_min_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(fine_max_fen__isnull=True) | models.Q(fine_max_fen__gte=0),
                name="tier_fine_max_not_negative",
            ),
            # One basis per tier: a fixed range in fen, or multiples of another basis.
            models.CheckConstraint(
                condition=(models.Q(fine_basis=FineBasis.FIXED) & _NO_MULTIPLES)
                | (~models.Q(fine_basis=FineBasis.FIXED) & _NO_FEN_RANGE & ~_NO_MULTIPLES),
                name="tier_fine_basis_matches_range",
            ),
            models.CheckConstraint(
                condition=models.Q(fine_min_multiple__isnull=True)
                | models.Q(fine_max_multiple__isnull=True)
                | models.Q(fine_max_multiple__gte=models.F("fine_min_multiple")),
                name="tier_multiple_range_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(fine_min_multiple__isnull=True)
                | models.Q(fine_min_multiple__gte=0),
                name="tier_multiple_min_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(fine_max_multiple__isnull=True)
                | models.Q(fine_max_multiple__gte=0),
                name="tier_multiple_max_not_negative",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(detention_days_min__isnull=True)
                    | models.Q(detention_days_min__range=(1, MAX_DETENTION_DAYS))
                )
                & (
                    models.Q(detention_days_max__isnull=True)
                    | models.Q(detention_days_max__range=(1, MAX_DETENTION_DAYS))
                ),
                name="tier_detention_days_in_law",
            ),
            models.CheckConstraint(
                condition=models.Q(detention_days_min__isnull=True)
                | models.Q(detention_days_max__isnull=True)
                | models.Q(detention_days_max__gte=models.F("detention_days_min")),
                name="tier_detention_range_ordered",
            ),
            models.CheckConstraint(
                condition=_NO_DETENTION | ~models.Q(party_scope=PartyScope.ORGANISATION),
                name="tier_detention_natural_persons_only",
            ),
        )

    def __str__(self) -> str:
        return f"{self.standard.code} #{self.order} {self.level}"

    def clean(self) -> None:
        """The fine and detention rules of the constraints, each reported on its field.

        Keyed only on fields that the admin form and the spreadsheet both show, so every
        message lands where the user can fix it (the fen range is checked by each of them).
        """
        errors: dict[str, list[str]] = {}
        low, high = self.fine_min_multiple, self.fine_max_multiple
        has_multiples = low is not None or high is not None
        if self.fine_basis == FineBasis.FIXED:
            if has_multiples:
                field = "fine_min_multiple" if low is not None else "fine_max_multiple"
                errors[field] = [
                    gettext(
                        "A fixed-amount fine has no multiples; choose the amount they multiply "
                        "(the fine basis) or leave them empty."
                    )
                ]
        else:
            basis = {"basis": self.get_fine_basis_display()}
            if self.fine_min_fen is not None or self.fine_max_fen is not None:
                errors["fine_basis"] = [
                    gettext("A fine computed from %(basis)s is given as multiples, not in yuan.")
                    % basis
                ]
            if not has_multiples:
                errors["fine_max_multiple"] = [gettext("Give the multiples of %(basis)s.") % basis]
        if low is not None and high is not None and low > high:
            errors.setdefault("fine_max_multiple", []).append(
                gettext("The maximum multiple is below the minimum.")
            )
        days_low, days_high = self.detention_days_min, self.detention_days_max
        if days_low is not None and days_high is not None and days_low > days_high:
            errors["detention_days_max"] = [
                gettext("The maximum detention is shorter than the minimum.")
            ]
        has_detention = days_low is not None or days_high is not None
        if has_detention and self.party_scope == PartyScope.ORGANISATION:
            errors["party_scope"] = [
                gettext("Administrative detention applies to natural persons only.")
            ]
        if errors:
            raise ValidationError(errors)

    @property
    def has_fine(self) -> bool:
        return any(
            value is not None
            for value in (
                self.fine_min_fen,
                self.fine_max_fen,
                self.fine_min_multiple,
                self.fine_max_multiple,
            )
        )

    def fine_range_text(self) -> str:
        """The fine as a standard writes it, in the active language; "" when there is none.

        "1000元至5000元", "5000元以下", "1000元以上", "货值金额10倍至20倍",
        "建设项目总投资额1%至2%" (a multiple below one reads as a percentage).
        """
        if self.fine_basis == FineBasis.FIXED:
            return _range_text(self.fine_min_fen, self.fine_max_fen, format_yuan_cn)
        if self.fine_min_multiple is None and self.fine_max_multiple is None:
            return ""
        span = _range_text(self.fine_min_multiple, self.fine_max_multiple, _times_text)
        return gettext("%(basis)s: %(range)s") % {
            "basis": self.get_fine_basis_display(),
            "range": span,
        }

    def penalty_type_labels(self) -> list[str]:
        labels = dict(PenaltyType.choices)
        return [str(labels.get(code, code)) for code in self.penalty_types]


def _times_text(value: Decimal) -> str:
    if 0 < value < 1:
        return f"{multiple_text(value * 100)}%"
    return gettext("%(number)s×") % {"number": multiple_text(value)}


def _range_text(low: _N | None, high: _N | None, show: Callable[[_N], str]) -> str:
    """Both bounds include the stated number (以上、以下 include it, CNT-SAMR-80/84)."""
    if low is None:
        return "" if high is None else gettext("up to %(high)s") % {"high": show(high)}
    if high is None:
        return gettext("%(low)s or more") % {"low": show(low)}
    if low == high:
        return show(low)
    if low == 0:  # "0元至5000元" is written "5000元以下"
        return gettext("up to %(high)s") % {"high": show(high)}
    return gettext("%(low)s to %(high)s") % {"low": show(low), "high": show(high)}
