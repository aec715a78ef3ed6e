"""Regions, enforcement agencies (执法主体) and their departments (执法机构)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.core.creditcode import validate_credit_code, validate_region_code


class Region(models.Model):
    """An administrative division (行政区划) identified by its GB/T 2260 code (STD-2260-1).

    Historic codes (e.g. 120221 宁河县) stay in the table, marked not current, because resident
    ID numbers keep the code they were issued under (STD-2260-TJ).
    """

    code = models.CharField(
        _("GB/T 2260 code"), max_length=6, primary_key=True, validators=[validate_region_code]
    )
    name = models.CharField(_("name"), max_length=64)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    is_current = models.BooleanField(_("current code"), default=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ("code",)

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class AgencyKind(models.TextChoices):
    GOVERNMENT = "government", _("People's government")  # 人民政府
    DEPARTMENT = "department", _("Government department")  # 政府工作部门
    AUTHORISED = "authorised", _("Authorised organisation")  # 法律法规授权组织
    ENTRUSTED = "entrusted", _("Entrusted organisation")  # 受委托组织 (LAW-APL-20)
    SUPERVISOR = "supervisor", _("Supervising legal-affairs office")  # 司法局 / 法制办


class Agency(models.Model):
    """An enforcement agency (执法主体 / 执法机关), or the legal-affairs office that supervises.

    `parent` is the administrative hierarchy (a district bureau under its district government);
    `supervising_body` is the legal-affairs office that supervises its enforcement (TJ-SUP-6).
    """

    name = models.CharField(_("name"), max_length=128, unique=True)
    short_name = models.CharField(
        _("document prefix"),
        max_length=16,
        blank=True,
        help_text=_("The issuing-agency abbreviation used in document numbers, e.g. 津市监."),
    )
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        unique=True,
        validators=[validate_credit_code],
    )
    kind = models.CharField(_("kind"), max_length=16, choices=AgencyKind.choices)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="agencies"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    supervising_body = models.ForeignKey(
        "self",
        verbose_name=_("supervising body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supervised_agencies",
    )
    is_vertical = models.BooleanField(
        _("vertically managed"),
        default=False,
        help_text=_("Customs, tax, finance, foreign exchange and state security (LAW-ARL-24/27)."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ("region_id", "name")
        constraints = (
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="agency_not_own_parent"
            ),
            models.CheckConstraint(
                condition=~models.Q(supervising_body=models.F("id")),
                name="agency_not_own_supervisor",
            ),
        )

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    """An enforcement department (执法机构 / 科室) inside an agency."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="departments"
    )
    name = models.CharField(_("name"), max_length=128)
    code = models.CharField(_("code"), max_length=32, blank=True)
    is_legal_office = models.BooleanField(
        _("legal review office"),
        default=False,
        help_text=_("The agency's legal-affairs body that reviews major decisions (GUO-118-11)."),
    )

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ("agency_id", "name")
        constraints = (
            models.UniqueConstraint(fields=["agency", "name"], name="department_name_per_agency"),
        )

    def __str__(self) -> str:
        return f"{self.agency.name} · {self.name}"
