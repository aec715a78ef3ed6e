"""The decision (决定), collective deliberation, approvals, extensions and clock pauses."""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import DecisionOutcome, NoPenaltyReason, PauseReason
from sanxiang.cases.forms.base import (
    ActionForm,
    DateField,
    LinesField,
    YuanField,
    text_area,
    today,
)
from sanxiang.cases.forms.choices import TierChoiceField, agency_heads
from sanxiang.cases.forms.notices import PENALTY_ERROR_FIELDS, PenaltyFieldsMixin
from sanxiang.registry.models import DiscretionTier, User

__all__ = [
    "ApprovalDecideForm",
    "DecisionForm",
    "DeliberationForm",
    "ExtensionForm",
    "PauseForm",
    "PauseStopForm",
]


class DecisionForm(ActionForm, PenaltyFieldsMixin):
    """处理决定 (LAW-APL-57): drafted here, made by the final decision approval."""

    error_fields: ClassVar[dict[str, str]] = {
        **PENALTY_ERROR_FIELDS,
        "reason": "outside_range_reason",
        "basis_fen": "fine_basis_yuan",
        "reason_code": "no_penalty_reason",
        "act_date": "outcome",
    }

    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=DecisionOutcome.choices, widget=forms.RadioSelect
    )
    discretion_tier = TierChoiceField(
        label=_("Discretion tier applied"),
        queryset=DiscretionTier.objects.none(),
        required=False,
        help_text=_("A fine outside the tier's range needs a written reason (LAW-APL-34)."),
    )
    fine_basis_yuan = YuanField(
        label=_("Amount the fine is a multiple of (yuan)"),
        required=False,
        help_text=_("Value of the goods, illegal gains… when the tier sets multiples."),
    )
    outside_range_reason = forms.CharField(
        label=_("Reason for leaving the tier's range"),
        widget=text_area(2),
        required=False,
        help_text=_("The decision is then flagged for legal review (LAW-APL-34)."),
    )
    mitigation_reason = forms.CharField(
        label=_("Mitigation reason"),
        widget=text_area(2),
        required=False,
        help_text=_(
            "Required for a party aged 14 to 17 (LAW-APL-30) or of limited capacity (LAW-APL-31)."
        ),
    )
    no_penalty_reason = forms.ChoiceField(
        label=_("Reason for no penalty"),
        choices=[("", "—"), *NoPenaltyReason.choices],
        required=False,
        help_text=_("LAW-APL-33; a first offence only when the party has no earlier penalty."),
    )
    transfer_organ = forms.CharField(
        label=_("Receiving judicial organ"),
        max_length=128,
        required=False,
        help_text=_("For a transfer to the judicial organs (LAW-APL-27)."),
    )
    transfer_details = forms.CharField(
        label=_("Transfer details"), widget=text_area(2), required=False
    )
    reasons = forms.CharField(label=_("Facts, reasons and legal basis"), widget=text_area(5))
    opinion = forms.CharField(label=_("Handler's opinion"), widget=text_area(2), required=False)

    field_order = (
        "outcome",
        "penalty_types",
        "discretion_tier",
        "fine_yuan",
        "fine_basis_yuan",
        "outside_range_reason",
        "mitigation_reason",
        "confiscation_yuan",
        "detention_days",
        "other_penalty",
        "no_penalty_reason",
        "transfer_organ",
        "transfer_details",
        "reasons",
        "opinion",
    )

    def setup(self) -> None:
        field = self.choice_field("discretion_tier")
        if self.case is not None and self.case.discretion_standard_id is not None:
            field.queryset = DiscretionTier.objects.filter(
                standard_id=self.case.discretion_standard_id
            ).order_by("order")


class DeliberationForm(ActionForm):
    """集体讨论 of the agency heads (LAW-APL-57)."""

    held_on = DateField(label=_("Held on"), initial=today)
    chaired_by = forms.ModelChoiceField[User](
        label=_("Chaired by the agency head"), queryset=User.objects.none()
    )
    participants = LinesField(label=_("Participants, one per line"), required=False)
    minutes = forms.CharField(label=_("Minutes"), widget=text_area(5))
    conclusion = forms.CharField(label=_("Conclusion"), widget=text_area(3))

    def setup(self) -> None:
        field = self.choice_field("chaired_by")
        if self.case is not None:
            field.queryset = agency_heads(self.case.agency_id)


class ApprovalDecideForm(ActionForm):
    """One level of the three-level approval: who, when and the opinion (三级审批)."""

    approve = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Approve")), ("0", _("Reject"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        initial="1",
    )
    opinion = forms.CharField(
        label=_("Opinion"),
        widget=text_area(3),
        required=False,
        help_text=_("Required when rejecting."),
    )


class ExtensionForm(ActionForm):
    """延期 of the decision time limit (LAW-APL-60, SAMR-PROC-64)."""

    days = forms.IntegerField(label=_("Days"), min_value=0, initial=30)
    reason = forms.CharField(label=_("Reason"), widget=text_area(3))
    basis = forms.CharField(label=_("Legal basis"), max_length=255, initial="SAMR-PROC-64")
    opinion = forms.CharField(label=_("Handler's opinion"), widget=text_area(2), required=False)


class PauseForm(ActionForm):
    """A period not counted in the decision time limit (SAMR-PROC-64)."""

    reason = forms.ChoiceField(label=_("Reason"), choices=PauseReason.choices)
    started_on = DateField(label=_("Started on"), initial=today)
    note = forms.CharField(label=_("Note"), widget=text_area(2), required=False)


class PauseStopForm(ActionForm):
    ended_on = DateField(label=_("Ended on"), initial=today)
