"""Laws, regulations and rules (法律法规规章) and their provisions (条款), versioned by date."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from sanxiang.registry.models.choices import LawLevel


class Law(models.Model):
    """One version of a legal source, in force from `effective_from` to `effective_to`.

    LAW-APL-37: the rule in force when the act was committed applies (unless a newer one is
    more lenient), so every revision is its own row sharing a `lineage`, never an overwrite.
    """

    lineage = models.CharField(
        _("lineage"),
        max_length=128,
        help_text=_("The stable name shared by all versions, e.g. 中华人民共和国行政处罚法."),
    )
    title = models.CharField(_("title"), max_length=255, db_index=True)
    short_title = models.CharField(_("short title"), max_length=64, blank=True)
    level = models.CharField(_("level"), max_length=32, choices=LawLevel.choices)
    issuer = models.CharField(_("issuing body"), max_length=128)
    document_number = models.CharField(_("promulgation number"), max_length=64, blank=True)
    promulgated_on = models.DateField(_("promulgated on"), null=True, blank=True)
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(
        _("effective to"),
        null=True,
        blank=True,
        help_text=_("The last day in force; empty while in force."),
    )

    class Meta:
        verbose_name = _("law or regulation")
        verbose_name_plural = _("laws and regulations")
        ordering = ("lineage", "-effective_from")
        constraints = (
            models.UniqueConstraint(
                fields=["lineage", "effective_from"], name="law_version_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(effective_to__isnull=True)
                | models.Q(effective_to__gte=models.F("effective_from")),
                name="law_effective_range_ordered",
            ),
        )

    def __str__(self) -> str:
        return f"《{self.title}》({self.effective_from:%Y-%m-%d})"

    def is_in_force_on(self, day: datetime.date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )


class Provision(models.Model):
    """An article, paragraph or item (条、款、项) of one law version."""

    law = models.ForeignKey(
        Law, verbose_name=_("law"), on_delete=models.PROTECT, related_name="provisions"
    )
    article = models.PositiveSmallIntegerField(_("article"))
    paragraph = models.PositiveSmallIntegerField(_("paragraph"), null=True, blank=True)
    item = models.PositiveSmallIntegerField(_("item"), null=True, blank=True)
    label = models.CharField(
        _("label"), max_length=64, help_text=_("As cited in documents, e.g. 第五十一条第一款.")
    )
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")
        ordering = ("law_id", "article", "paragraph", "item")
        constraints = (
            # An empty paragraph or item counts as one value, so 第五条 exists once per law.
            # COALESCE instead of `nulls_distinct=False`, which SQLite does not support.
            models.UniqueConstraint(
                models.F("law"),
                models.F("article"),
                Coalesce("paragraph", models.Value(0)),
                Coalesce("item", models.Value(0)),
                name="provision_unique_in_law",
                violation_error_message=_("This provision already exists in the law."),
            ),
        )

    def __str__(self) -> str:
        return f"《{self.law.short_title or self.law.title}》{self.label}"
