"""Delivery (送达), payment and enforcement (执行), closing, archiving, other acts' results."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import (
    ActResultKind,
    DeliveredDocument,
    DeliveryMethod,
    ExecutionKind,
    PaymentChannel,
    PaymentPlanKind,
    RemedyKind,
)
from sanxiang.cases.forms.base import ActionForm, DateField, LinesField, YuanField, text_area, today
from sanxiang.core.errors import ApplicationError
from sanxiang.core.money import Fen, yuan_to_fen

__all__ = [
    "ActDecideForm",
    "ActProgressForm",
    "CloseForm",
    "DeliveryForm",
    "ExecutionForm",
    "PaymentForm",
    "PaymentPlanForm",
    "RemedyForm",
    "RemedyStopForm",
    "SimpleFilingForm",
]


class DeliveryForm(ActionForm):
    """送达回证 (LAW-APL-61): electronic delivery only with the party's signed consent."""

    document = forms.ChoiceField(
        label=_("Document"), choices=DeliveredDocument.choices, initial=DeliveredDocument.DECISION
    )
    method = forms.ChoiceField(
        label=_("Method"), choices=DeliveryMethod.choices, initial=DeliveryMethod.DIRECT
    )
    recipient = forms.CharField(label=_("Recipient"), max_length=128)
    address = forms.CharField(label=_("Address"), max_length=255, required=False)
    delivered_on = DateField(label=_("Delivered on"), initial=today, required=False)
    posted_on = DateField(
        label=_("Public notice posted on"),
        required=False,
        help_text=_("Delivery by public notice counts 30 days later (SAMR-PROC-83)."),
    )
    proof = forms.CharField(
        label=_("Proof of delivery"),
        widget=text_area(2),
        help_text=_("Receipt number, photo or video of the delivery."),
    )

    def setup(self) -> None:
        if self.case is not None and not self.is_bound:
            party = next(iter(self.case.parties.all()), None)
            if party is not None:
                self.initial.setdefault("recipient", party.name)
                self.initial.setdefault("address", party.address)


class PaymentForm(ActionForm):
    """A payment confirmed by the bank or e-payment system (LAW-APL-67)."""

    error_fields: ClassVar[dict[str, str]] = {"amount_fen": "amount_yuan"}

    amount_yuan = YuanField(label=_("Amount (yuan)"), min_value=Decimal("0.01"))
    paid_on = DateField(label=_("Paid on"), initial=today)
    channel = forms.ChoiceField(
        label=_("Channel"), choices=PaymentChannel.choices, initial=PaymentChannel.BANK
    )
    reference = forms.CharField(label=_("Confirmation number"), max_length=64, required=False)


class PaymentPlanForm(ActionForm):
    """暂缓或者分期缴纳 approved by the agency head (LAW-APL-66)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=PaymentPlanKind.choices)
    applied_on = DateField(label=_("Applied for on"), initial=today)
    reason = forms.CharField(label=_("Reason"), widget=text_area(2))
    instalments = LinesField(
        label=_("Instalments"),
        help_text=_("One per line: date and amount in yuan, e.g. 2025-04-30 500"),
    )
    approved_on = DateField(label=_("Approved on"), initial=today)

    def clean_instalments(self) -> list[tuple[datetime.date, Fen]]:
        rows: list[tuple[datetime.date, Fen]] = []
        for line in self.cleaned_data["instalments"]:
            parts = line.replace(",", " ").split()
            try:
                day = datetime.date.fromisoformat(parts[0])
                amount = yuan_to_fen(Decimal(parts[1]))
                if len(parts) != 2:
                    raise ValueError(line)
            except (IndexError, ValueError, InvalidOperation, ApplicationError):
                raise ValidationError(
                    _("Write each instalment as a date and an amount, e.g. 2025-04-30 500."),
                    code="instalment",
                ) from None
            rows.append((day, amount))
        return rows


class RemedyForm(ActionForm):
    """A pending reconsideration or lawsuit: no surcharge meanwhile (LAW-APL-73)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=RemedyKind.choices)
    started_on = DateField(label=_("Started on"), initial=today)
    reference = forms.CharField(label=_("Case reference"), max_length=64, required=False)


class RemedyStopForm(ActionForm):
    ended_on = DateField(label=_("Ended on"), initial=today)


class ExecutionForm(ActionForm):
    """执行 records other than payments (LAW-APL-47, LAW-APL-33, LAW-APL-27)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ExecutionKind.choices)
    executed_on = DateField(label=_("Date"), initial=today)
    description = forms.CharField(label=_("Description"), widget=text_area(3))


class CloseForm(ActionForm):
    """结案审批表 (SAMR-PROC-77), submitted for the closing approval."""

    summary = forms.CharField(label=_("Closing summary"), widget=text_area(4))
    opinion = forms.CharField(label=_("Handler's opinion"), widget=text_area(2), required=False)


class SimpleFilingForm(ActionForm):
    """Filing of the on-the-spot decision with the agency (SAMR-PROC-70)."""

    filed_on = DateField(label=_("Filed on"), initial=today)


class ActProgressForm(ActionForm):
    on = DateField(label=_("Started on"), initial=today)


class ActDecideForm(ActionForm):
    """执法结论 of another act type (GUO-118-06a)."""

    error_fields: ClassVar[dict[str, str]] = {"amount_fen": "amount_yuan"}

    result = forms.ChoiceField(label=_("Result"), choices=ActResultKind.choices)
    text = forms.CharField(label=_("Decision or result"), widget=text_area(4))
    amount_yuan = YuanField(
        label=_("Amount (yuan)"), required=False, help_text=_("Only for a levy or a charge.")
    )
    decided_on = DateField(label=_("Decided on"), initial=today)
