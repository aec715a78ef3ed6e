"""Investigation (调查取证): records (笔录), preservation (先行登记保存) and seizure (查封扣押)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import (
    PreservationStatus,
    RecordKind,
    SeizureKind,
    SeizureStatus,
)
from sanxiang.cases.models.base import RecordedByModel
from sanxiang.cases.models.cases import Case
from sanxiang.registry.models import Officer


class InvestigationRecord(RecordedByModel):
    """An inquiry or on-site inspection record (询问笔录 / 现场笔录, LAW-APL-55, SAMR-PROC-28/29).

    Lists the participating officers with the numbers of the certificates they showed
    (`RecordOfficer`, a snapshot: a later renewal does not change the record). LAW-APL-42:
    at least two officers with certificates valid on the day of the record.
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="records"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=RecordKind.choices)
    started_at = models.DateTimeField(_("started at"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255)
    subject_name = models.CharField(
        _("person questioned or present"), max_length=128, help_text=_("被询问人 / 当事人")
    )
    subject_role = models.CharField(_("role of that person"), max_length=64, blank=True)
    content = models.TextField(_("content"))
    officers: models.ManyToManyField[Officer, RecordOfficer] = models.ManyToManyField(
        Officer,
        verbose_name=_("officers"),
        through="RecordOfficer",
        related_name="investigation_records",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("investigation record")
        verbose_name_plural = _("investigation records")
        ordering = ("case_id", "started_at", "id")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True)
                | models.Q(ended_at__gte=models.F("started_at")),
                name="record_ends_after_start",
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.started_at:%Y-%m-%d}"


class RecordOfficer(models.Model):
    """An officer taking part in a record, with the certificate number shown (LAW-APL-55)."""

    record = models.ForeignKey(
        InvestigationRecord,
        verbose_name=_("record"),
        on_delete=models.CASCADE,
        related_name="record_officers",
    )
    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="+"
    )
    certificate_number = models.CharField(_("certificate number"), max_length=32)

    class Meta:
        verbose_name = _("record officer")
        verbose_name_plural = _("record officers")
        ordering = ("record_id", "id")
        constraints = (
            models.UniqueConstraint(fields=["record", "officer"], name="record_officer_once"),
        )

    def __str__(self) -> str:
        return f"{self.officer} ({self.certificate_number})"


class Preservation(models.Model):
    """Registration and preservation of evidence (先行登记保存, LAW-APL-56, SAMR-PROC-33/35).

    Approved by the agency head; a disposal decision is due within 7 working days
    (`disposal_due`), otherwise the preservation lapses automatically ("自动解除").
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="preservations"
    )
    items = models.TextField(_("items"))
    started_on = models.DateField(_("started on"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    disposal_due = models.DateField(_("disposal due"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=PreservationStatus.choices,
        default=PreservationStatus.ACTIVE,
    )
    disposed_on = models.DateField(_("disposed on"), null=True, blank=True)
    disposal = models.TextField(_("disposal decision"), blank=True)
    lapsed_on = models.DateField(_("lapsed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("preservation of evidence")
        verbose_name_plural = _("preservations of evidence")
        ordering = ("case_id", "started_on", "id")
        indexes = (models.Index(fields=["status", "disposal_due"], name="preservation_due"),)

    def __str__(self) -> str:
        return f"{self.case} · {self.started_on}"


class Seizure(models.Model):
    """Sealing or seizure of property (查封 / 扣押, LAW-ACL-25, SAMR-PROC-36/38).

    Approved by the agency head; lasts at most 30 days, with one extension of at most 30
    more days approved by the head in complex situations.
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="seizures"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=SeizureKind.choices)
    items = models.TextField(_("items"))
    started_on = models.DateField(_("started on"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    expires_on = models.DateField(_("expires on"))
    extended = models.BooleanField(_("extended"), default=False)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("extension approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SeizureStatus.choices, default=SeizureStatus.ACTIVE
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.TextField(_("how it ended"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("seizure")
        verbose_name_plural = _("seizures")
        ordering = ("case_id", "started_on", "id")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.started_on}"
