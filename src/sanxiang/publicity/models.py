"""Enforcement publicity (行政执法公示): the catalogue, 事前 lists, publications, yearly reports.

The public portal reads only what these models mark as published; the staff workbench writes
them through `publicity.services` (STYLE 2).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.registry.models import ActType, Agency

# GUO-118-06b: licensing and penalty decisions within 7 working days; GUO-118-06a: all other
# enforcement decisions within 20. SAMR-PUB-9 sets 20 for the credit-information channel:
# an agency publishing only there configures 20 (legal-rules open question 1).
DEFAULT_STRICT_DAYS = 7
DEFAULT_GENERAL_DAYS = 20
# LAW-APL-48, SAMR-PUB-11: withdrawal within 3 working days, with a published reason.
DEFAULT_WITHDRAW_DAYS = 3
# SAMR-PUB-13: public criticism or a lower fine → 3 months; other penalties → 3 years. The
# "lower amount" is set by the provincial bureau: the default below is a placeholder to adjust.
DEFAULT_SHORT_DISPLAY_MONTHS = 3
DEFAULT_LONG_DISPLAY_MONTHS = 36
DEFAULT_LOW_FINE_FEN = 1_000_000  # 1万元
# Licensing, inspection and other results: no rule fixes a period; three years by default.
DEFAULT_OTHER_DISPLAY_MONTHS = 36


class PublicationPolicy(models.Model):
    """An agency's publication settings (公示规则配置). Absent row = the defaults above."""

    agency = models.OneToOneField(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="publication_policy",
    )
    publish_party_name = models.BooleanField(
        _("publish the punished party's name"),
        default=False,
        help_text=_(
            "SAMR-PUB-4: the summary names the party (当事人基本情况). Off: the name is masked."
        ),
    )
    strict_days = models.PositiveSmallIntegerField(
        _("working days for penalty and licensing decisions"), default=DEFAULT_STRICT_DAYS
    )
    general_days = models.PositiveSmallIntegerField(
        _("working days for other decisions"), default=DEFAULT_GENERAL_DAYS
    )
    withdraw_days = models.PositiveSmallIntegerField(
        _("working days to withdraw"), default=DEFAULT_WITHDRAW_DAYS
    )
    short_display_months = models.PositiveSmallIntegerField(
        _("display months for criticism or a lower fine"), default=DEFAULT_SHORT_DISPLAY_MONTHS
    )
    long_display_months = models.PositiveSmallIntegerField(
        _("display months for other penalties"), default=DEFAULT_LONG_DISPLAY_MONTHS
    )
    other_display_months = models.PositiveSmallIntegerField(
        _("display months for other acts"), default=DEFAULT_OTHER_DISPLAY_MONTHS
    )
    low_fine_fen = models.BigIntegerField(
        _("lower fine amount (fen)"),
        default=DEFAULT_LOW_FINE_FEN,
        help_text=_("Fines up to this amount count as a lower amount (SAMR-PUB-13)."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("publication policy")
        verbose_name_plural = _("publication policies")

    def __str__(self) -> str:
        return str(self.agency)


class Stage(models.TextChoices):
    BEFORE = "before", _("Before enforcement")  # 事前
    DURING = "during", _("During enforcement")  # 事中
    AFTER = "after", _("After enforcement")  # 事后


class DisclosureItem(models.Model):
    """A row of an agency's disclosure catalogue (执法公示清单, GUO-118-04/05/06)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="disclosure_items"
    )
    stage = models.CharField(_("stage"), max_length=8, choices=Stage.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    item = models.CharField(_("item"), max_length=128)
    content = models.TextField(_("content"))
    time_limit = models.CharField(_("time limit"), max_length=128)
    channel = models.CharField(_("channel"), max_length=128)
    display_period = models.CharField(_("display period"), max_length=64)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("disclosure catalogue item")
        verbose_name_plural = _("disclosure catalogue")
        ordering = ("agency_id", "stage", "order", "id")

    def __str__(self) -> str:
        return self.item


class Delegation(models.Model):
    """A published delegation of enforcement power (委托书, LAW-APL-20)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("delegating agency"), on_delete=models.CASCADE, related_name="+"
    )
    delegate = models.CharField(_("delegated organisation"), max_length=128)
    matters = models.TextField(_("delegated matters"))
    authority = models.TextField(_("scope of authority"))
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"))
    instrument_number = models.CharField(_("instrument number"), max_length=64, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ("agency_id", "-valid_from", "id")

    def __str__(self) -> str:
        return f"{self.agency} → {self.delegate}"


class SpotCheckItem(models.Model):
    """A row of the random-inspection item list (随机抽查事项清单, GUO-118-04)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+"
    )
    code = models.CharField(_("code"), max_length=64)
    name = models.CharField(_("name"), max_length=255)
    subjects = models.CharField(_("inspected subjects"), max_length=255)
    method = models.CharField(_("method"), max_length=128)
    ratio = models.CharField(_("ratio and frequency"), max_length=128)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("random-inspection item")
        verbose_name_plural = _("random-inspection items")
        ordering = ("agency_id", "code")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class PublicationStatus(models.TextChoices):
    COLLECTING = "collecting", _("Collecting")  # 采集
    REVIEWING = "reviewing", _("Under review")  # 审核
    APPROVED = "approved", _("Approved")  # 待发布
    PUBLISHED = "published", _("Published")  # 已公示
    WITHDRAWN = "withdrawn", _("Withdrawn")  # 已撤回 (LAW-APL-48)
    REMOVED = "removed", _("Display period ended")  # 期满撤下 (SAMR-PUB-13)


class WithdrawalGround(models.TextChoices):
    """LAW-APL-48 / SAMR-PUB-11: why a published decision is withdrawn."""

    CHANGED = "changed", _("Decision changed")  # 变更
    REVOKED = "revoked", _("Decision revoked")  # 撤销
    ILLEGAL = "illegal", _("Confirmed illegal")  # 确认违法
    VOID = "void", _("Confirmed void")  # 确认无效


class Publication(models.Model):
    """The publication of one enforcement decision (执法决定公示, GUO-118-06).

    Created for each decided case with `due_on` from `publicity.deadlines` (7 or 20 working
    days), it moves 采集 (`collecting`) → 审核 (`reviewing`, masks approved by a reviewer) →
    `approved` → 发布 (`published`), each step with its responsible user. The public sees only
    `public_title` / `public_text`, built by applying `final_masks` to the source text, and only
    while `status` is `published`. `source_*` holds the unredacted text: staff only.
    """

    case = models.OneToOneField(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="publication"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="publications"
    )
    act_type = models.CharField(_("act type"), max_length=16, choices=ActType.choices)
    category = models.CharField(_("category"), max_length=64)  # 执法类别 (GUO-118-06a)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=PublicationStatus.choices,
        default=PublicationStatus.COLLECTING,
    )
    decided_on = models.DateField(_("decided on"))
    due_on = models.DateField(_("publish by"))
    due_rule = models.CharField(_("deadline rule"), max_length=32)
    amount_fen = models.BigIntegerField(_("amount (fen)"), default=0)
    short_display = models.BooleanField(_("short display period"), default=False)
    source_title = models.CharField(_("title (internal)"), max_length=255)
    source_text = models.TextField(_("text (internal)"))
    proposed_masks = models.JSONField(_("proposed masks"), default=list, blank=True)
    final_masks = models.JSONField(_("approved masks"), default=list, blank=True)
    public_title = models.CharField(_("public title"), max_length=255, blank=True)
    public_text = models.TextField(_("public text"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)

    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("collected by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    collected_at = models.DateTimeField(_("collected at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_late = models.BooleanField(_("published late"), default=False)
    display_until = models.DateField(_("display until"), null=True, blank=True)
    removed_on = models.DateField(_("removed on"), null=True, blank=True)
    ledger_index = models.BigIntegerField(_("ledger index"), null=True, blank=True)

    withdraw_ground = models.CharField(
        _("withdrawal ground"), max_length=16, choices=WithdrawalGround.choices, blank=True
    )
    withdraw_started_on = models.DateField(_("withdrawal required from"), null=True, blank=True)
    withdraw_due_on = models.DateField(_("withdraw by"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_late = models.BooleanField(_("withdrawn late"), default=False)
    withdraw_reason = models.TextField(_("published reason for withdrawal"), blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawal_ledger_index = models.BigIntegerField(
        _("withdrawal ledger index"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ("-id",)
        indexes = (
            models.Index(fields=["status", "id"], name="pub_status_id"),
            models.Index(fields=["status", "due_on"], name="pub_status_due"),
            models.Index(fields=["agency", "status", "decided_on"], name="pub_agency_status"),
        )

    def __str__(self) -> str:
        return self.public_title or self.source_title

    @property
    def is_public(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED

    def is_overdue(self, today: datetime.date) -> bool:
        """GUO-118-06a/b: not yet published after the deadline."""
        unpublished = self.status in (
            PublicationStatus.COLLECTING,
            PublicationStatus.REVIEWING,
            PublicationStatus.APPROVED,
        )
        return unpublished and today > self.due_on

    def is_withdrawal_overdue(self, today: datetime.date) -> bool:
        """LAW-APL-48: a required withdrawal not done within 3 working days."""
        return (
            self.withdraw_due_on is not None
            and self.withdrawn_on is None
            and today > self.withdraw_due_on
        )


class PublicationChange(models.Model):
    """A correction of a published text (更正记录): public, append-only change log."""

    publication = models.ForeignKey(
        Publication, verbose_name=_("publication"), on_delete=models.CASCADE, related_name="changes"
    )
    version = models.PositiveIntegerField(_("version"))
    changed_on = models.DateField(_("changed on"))
    reason = models.TextField(_("reason"))
    previous_title = models.CharField(_("previous title"), max_length=255)
    previous_text = models.TextField(_("previous public text"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ("publication_id", "version")

    def __str__(self) -> str:
        return f"{self.publication_id} v{self.version}"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class YearlyReport(models.Model):
    """An agency's yearly enforcement statistics (执法统计年报, GUO-118-06d).

    Generated from the cases of the year, reviewed and published by 31 January of the next
    year; `data` is frozen at generation and shown with charts.
    """

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    data = models.JSONField(_("data"), default=dict)
    generated_at = models.DateTimeField(_("generated at"))
    due_on = models.DateField(_("publish by"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")
        ordering = ("-year", "agency_id")
        constraints = (
            models.UniqueConstraint(fields=["agency", "year"], name="yearly_report_per_agency"),
        )

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"
