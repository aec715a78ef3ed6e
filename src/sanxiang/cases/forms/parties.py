"""Parties (当事人), electronic-delivery consent, officers of the case and recusal (回避)."""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import RecusalApplicant
from sanxiang.cases.forms.base import ActionForm, DateField, text_area, today
from sanxiang.cases.forms.choices import (
    OfficerChoiceField,
    OfficerMultipleChoiceField,
    agency_officers,
)
from sanxiang.cases.forms.leads import PARTY_CODE_FIELDS, PARTY_FIELDS, PartyFieldsMixin
from sanxiang.cases.models import Party
from sanxiang.registry.models import Officer

__all__ = [
    "ConfirmForm",
    "ConsentForm",
    "OfficersForm",
    "PartyForm",
    "RecusalApplyForm",
    "RecusalDecideForm",
]


class PartyForm(ActionForm, PartyFieldsMixin):
    """Add or edit a party; numbers are validated and normalised by the service."""

    error_fields: ClassVar[dict[str, str]] = {"party_kind": "kind"}
    code_fields: ClassVar[dict[str, str]] = PARTY_CODE_FIELDS

    capacity_limited = forms.BooleanField(
        label=_("Limited capacity"),
        required=False,
        help_text=_("Could not fully recognise or control the conduct (LAW-APL-31)."),
    )

    def setup(self) -> None:
        if isinstance(self.target, Party) and not self.is_bound:
            for name in (*PARTY_FIELDS, "capacity_limited"):
                self.initial[name] = getattr(self.target, name)


class ConfirmForm(ActionForm):
    """An action that needs nothing but the user's confirmation (remove a party, archive)."""


class ConsentForm(ActionForm):
    """送达地址确认书: the party's signed consent to electronic delivery (LAW-APL-61)."""

    party = forms.ModelChoiceField[Party](label=_("Party"), queryset=Party.objects.none())
    signed_on = DateField(label=_("Signed on"), initial=today)
    channel = forms.CharField(label=_("Channel"), max_length=32, help_text=_("E-mail, SMS, fax…"))
    address = forms.CharField(label=_("Electronic address"), max_length=255)
    document_reference = forms.CharField(
        label=_("Consent form reference"), max_length=64, required=False
    )

    def setup(self) -> None:
        field = self.choice_field("party")
        if self.case is not None:
            field.queryset = self.case.parties.all()


class OfficersForm(ActionForm):
    """Assign the agency's officers (SAMR-PROC-19: two or more with valid certificates)."""

    officers = OfficerMultipleChoiceField(
        label=_("Officers"),
        queryset=agency_officers(None),
        help_text=_("At least two must hold a valid certificate on each act's date (LAW-APL-42)."),
    )
    lead = OfficerChoiceField(
        label=_("Lead handler"), queryset=agency_officers(None), required=False
    )

    def setup(self) -> None:
        if self.case is None:
            return
        for name in ("officers", "lead"):
            field = self.choice_field(name)
            field.queryset = agency_officers(self.case.agency_id)
        if not self.is_bound:
            links = [link for link in self.case.case_officers.all() if link.removed_on is None]
            self.initial["officers"] = [link.officer_id for link in links]
            self.initial["lead"] = next((link.officer_id for link in links if link.is_lead), None)


class RecusalApplyForm(ActionForm):
    """An application for an officer's recusal (LAW-APL-43)."""

    officer = OfficerChoiceField(label=_("Officer"), queryset=Officer.objects.none())
    applicant = forms.ChoiceField(label=_("Applied for by"), choices=RecusalApplicant.choices)
    applicant_name = forms.CharField(label=_("Applicant's name"), max_length=128, required=False)
    reason = forms.CharField(label=_("Reason"), widget=text_area(3))
    applied_on = DateField(label=_("Applied on"), initial=today)

    def setup(self) -> None:
        field = self.choice_field("officer")
        if self.case is not None:
            field.queryset = agency_officers(self.case.agency_id).filter(
                case_assignments__case=self.case, case_assignments__removed_on__isnull=True
            )


class RecusalDecideForm(ActionForm):
    """The agency head's decision on a recusal (LAW-APL-43)."""

    granted = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Recusal granted")), ("0", _("Recusal refused"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reasons for the decision"), widget=text_area(3), required=False
    )
    on = DateField(label=_("Decided on"), initial=today)
