"""Power and responsibility lists (权责清单) and the legal basis of each item."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.registry.models.choices import ActType
from sanxiang.registry.models.laws import Provision
from sanxiang.registry.models.organisations import Agency


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
