"""Power and responsibility lists (权责清单) and discretion standards (裁量基准)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.registry.models.choices import ActType, PenaltyType
from sanxiang.registry.models.laws import Provision
from sanxiang.registry.models.organisations import Agency


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


class BasisKind(models.TextChoices):
    AUTHORITY = "authority", _("Authority basis")  # 设定依据 / 实施依据
    VIOLATION = "violation", _("Violated provision")  # 违法依据
    PENALTY = "penalty", _("Penalty provision")  # 处罚依据


class PowerItem(models.Model):
    """An item of an agency's power and responsibility list (权责清单事项).

    Filing a case picks one: its legal basis and discretion standard follow automatically.
    """

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="power_items"
    )
    code = models.CharField(
        _("code"),
        max_length=64,
        db_index=True,
        help_text=_("The item code of the published list; unique within the agency."),
    )
    name = models.CharField(_("name"), max_length=255)
    act_type = models.CharField(_("act type"), max_length=16, choices=ActType.choices)
    violation = models.TextField(
        _("violation"), blank=True, help_text=_("The illegal conduct, for penalty items.")
    )
    responsibility = models.TextField(_("responsibilities"), blank=True)  # 责任事项
    accountability = models.TextField(_("accountability"), blank=True)  # 追责情形
    basis: models.ManyToManyField[Provision, PowerItemBasis] = models.ManyToManyField(
        Provision,
        verbose_name=_("legal basis"),
        through="PowerItemBasis",
        related_name="power_items",
        blank=True,
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("power item")
        verbose_name_plural = _("power items")
        ordering = ("agency_id", "code")
        constraints = (
            models.UniqueConstraint(fields=["agency", "code"], name="power_item_code_per_agency"),
        )

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class PowerItemBasis(models.Model):
    """A provision cited by a power item, with the role it plays."""

    power_item = models.ForeignKey(
        PowerItem,
        verbose_name=_("power item"),
        on_delete=models.CASCADE,
        related_name="basis_links",
    )
    provision = models.ForeignKey(
        Provision,
        verbose_name=_("provision"),
        on_delete=models.PROTECT,
        related_name="power_item_links",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=BasisKind.choices)

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        constraints = (
            models.UniqueConstraint(
                fields=["power_item", "provision", "kind"], name="power_item_basis_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.provision}"


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


class DiscretionTier(models.Model):
    """A circumstance tier (情节档次) of a discretion standard and the penalty range it allows.

    Amounts are integer fen (DESIGN decision 7); an empty range means no fine in this tier.
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
    fine_min_fen = models.BigIntegerField(_("minimum fine (fen)"), null=True, blank=True)
    fine_max_fen = models.BigIntegerField(_("maximum fine (fen)"), null=True, blank=True)
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
        )

    def __str__(self) -> str:
        return f"{self.standard.code} #{self.order} {self.level}"

    def penalty_type_labels(self) -> list[str]:
        labels = dict(PenaltyType.choices)
        return [str(labels.get(code, code)) for code in self.penalty_types]
