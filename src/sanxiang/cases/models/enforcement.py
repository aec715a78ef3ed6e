"""Delivery (送达), payment (缴纳罚款) and enforcement (执行), LAW-APL-61/66/67/72/73."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import (
    DeliveredDocument,
    DeliveryMethod,
    ExecutionKind,
    PaymentChannel,
    PaymentPlanKind,
    RemedyKind,
)
from sanxiang.cases.models.base import RecordedByModel
from sanxiang.cases.models.cases import Case
from sanxiang.cases.models.parties import ElectronicDeliveryConsent


class Delivery(RecordedByModel):
    """Delivery of a document to the party (送达 / 送达回证, LAW-APL-61, SAMR-PROC-81/82/83).

    `delivered_on` is the day delivery counts: the receipt date, the arrival date of an
    electronic delivery (only with a signed consent), or 30 days after a public notice was
    posted (`posted_on`). `proof` describes the 送达回证, photo or video.
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="deliveries"
    )
    document = models.CharField(
        _("document"),
        max_length=16,
        choices=DeliveredDocument.choices,
        default=DeliveredDocument.DECISION,
    )
    method = models.CharField(_("method"), max_length=16, choices=DeliveryMethod.choices)
    recipient = models.CharField(_("recipient"), max_length=128)
    address = models.CharField(_("address"), max_length=255, blank=True)
    posted_on = models.DateField(_("public notice posted on"), null=True, blank=True)
    delivered_on = models.DateField(_("delivered on"))
    proof = models.TextField(_("proof of delivery"))
    consent = models.ForeignKey(
        ElectronicDeliveryConsent,
        verbose_name=_("electronic delivery consent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ("case_id", "delivered_on", "id")

    def __str__(self) -> str:
        return f"{self.case} · {self.get_method_display()} {self.delivered_on}"


class PaymentPlan(models.Model):
    """Deferred or instalment payment (暂缓或者分期缴纳, LAW-APL-66).

    On the party's application and with the agency's approval. The late-payment surcharge
    (LAW-APL-72) runs only after the plan ends (`ends_on`). `instalments` is a list of
    {"due_on": "YYYY-MM-DD", "amount_fen": int}.
    """

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="payment_plan"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=PaymentPlanKind.choices)
    applied_on = models.DateField(_("applied for on"))
    reason = models.TextField(_("reason"))
    instalments = models.JSONField(_("instalments"), default=list)
    ends_on = models.DateField(_("ends on"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_on = models.DateField(_("approved on"))

    class Meta:
        verbose_name = _("payment plan")
        verbose_name_plural = _("payment plans")

    def __str__(self) -> str:
        return f"{self.case} · {self.get_kind_display()} → {self.ends_on}"


class Payment(RecordedByModel):
    """A payment confirmed by the bank or the e-payment system, or collected on the spot.

    LAW-APL-67: the agency that decides is separate from the one that collects, so the
    platform records confirmations (`reference`) and never receives money. An on-the-spot
    collection (LAW-APL-68) carries the receipt number of the 专用票据 (LAW-APL-69/70).
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="payments"
    )
    amount_fen = models.BigIntegerField(_("amount (fen)"))
    paid_on = models.DateField(_("paid on"))
    channel = models.CharField(_("channel"), max_length=16, choices=PaymentChannel.choices)
    reference = models.CharField(
        _("confirmation or receipt number"),
        max_length=64,
        help_text=_("Bank or e-payment confirmation, or the on-the-spot receipt number."),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ("case_id", "paid_on", "id")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(amount_fen__gt=0), name="payment_amount_positive"
            ),
        )

    def __str__(self) -> str:
        return f"{self.case} · {self.amount_fen} {self.paid_on}"


class RemedyPause(models.Model):
    """A pending reconsideration or lawsuit (行政复议 / 行政诉讼期间, LAW-APL-73).

    Execution continues, but the late-payment surcharge is not counted for these days.
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="remedy_pauses"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=RemedyKind.choices)
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    reference = models.CharField(_("case reference"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("remedy pause")
        verbose_name_plural = _("remedy pauses")
        ordering = ("case_id", "started_on", "id")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="remedy_pause_ends_after_start",
            ),
        )

    def __str__(self) -> str:
        return f"{self.case} · {self.get_kind_display()} {self.started_on}"

    def interval(self, on: datetime.date) -> tuple[datetime.date, datetime.date]:
        """The paused days as an inclusive interval; an open pause runs up to `on`."""
        return (self.started_on, self.ended_on or on)


class Execution(RecordedByModel):
    """A record of the execution stage (执行, LAW-APL-47) other than a payment.

    A non-monetary penalty carried out, the education of a party not penalised (LAW-APL-33),
    the hand-over of a transferred case (LAW-APL-27), or court enforcement (LAW-ACL-53).
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="executions"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=ExecutionKind.choices)
    executed_on = models.DateField(_("date"))
    description = models.TextField(_("description"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("execution record")
        verbose_name_plural = _("execution records")
        ordering = ("case_id", "executed_on", "id")

    def __str__(self) -> str:
        return f"{self.case} · {self.get_kind_display()} {self.executed_on}"
