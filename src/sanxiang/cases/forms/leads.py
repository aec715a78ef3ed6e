"""Forms that start a case or move a lead: lead, on-the-spot decision, other act, filing."""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import DeclineReason, LeadSource, PartyKind
from sanxiang.cases.forms.base import (
    ActionForm,
    DateField,
    DateTimeField,
    YuanField,
    text_area,
    today,
)
from sanxiang.cases.forms.choices import (
    OfficerMultipleChoiceField,
    agency_officers,
    departments,
    power_items,
)
from sanxiang.cases.services.other_acts import OTHER_ACT_TYPES
from sanxiang.registry.models import ActType, Department, PenaltyType, PowerItem

__all__ = [
    "ActRegisterForm",
    "DeclineForm",
    "FactsForm",
    "FilingForm",
    "LeadExtendForm",
    "LeadForm",
    "OnSpotForm",
    "TransitionForm",
]

# The limitation check (LAW-APL-36) names the rule's own parameters.
_LIMITATION_FIELDS = {
    "act_date": "violation_started_on",
    "act_ended_on": "violation_ended_on",
    "override_basis": "limitation_override_basis",
}


class _AgencyForm(ActionForm):
    """A form of the acting user's agency (creating a case has no case yet)."""

    @property
    def agency_id(self) -> int | None:
        if self.case is not None:
            return self.case.agency_id
        return self.user.agency_id if self.user is not None else None


class LeadForm(_AgencyForm):
    """线索登记 (SAMR-PROC-18). The reporter's name and contact stay private."""

    title = forms.CharField(label=_("Title"), max_length=255)
    lead_source = forms.ChoiceField(label=_("Source"), choices=LeadSource.choices)
    received_on = DateField(label=_("Received on"), initial=today)
    lead_summary = forms.CharField(label=_("Summary of the lead"), widget=text_area(4))
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    reporter_name = forms.CharField(
        label=_("Reporter's name"),
        max_length=64,
        required=False,
        help_text=_("Kept confidential: shown only to the agency's enforcement staff."),
    )
    reporter_contact = forms.CharField(
        label=_("Reporter's contact"), max_length=128, required=False
    )
    department = forms.ModelChoiceField[Department](
        label=_("Department"), queryset=Department.objects.none(), required=False
    )

    def setup(self) -> None:
        field = self.choice_field("department")
        field.queryset = departments(self.agency_id)
        if self.user is not None and self.user.department_id:
            field.initial = self.user.department_id


class ActRegisterForm(_AgencyForm):
    """An inspection, licensing, levy, charge or coercion case (GUO-118-01)."""

    error_fields: ClassVar[dict[str, str]] = {"amount_fen": "amount_yuan"}

    act_type = forms.ChoiceField(label=_("Act type"))
    title = forms.CharField(label=_("Title"), max_length=255)
    facts = forms.CharField(label=_("Facts"), widget=text_area(4), required=False)
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    power_item = forms.ModelChoiceField[PowerItem](
        label=_("Power item"), queryset=PowerItem.objects.none(), required=False
    )
    received_on = DateField(label=_("Received or started on"), initial=today, required=False)
    department = forms.ModelChoiceField[Department](
        label=_("Department"), queryset=Department.objects.none(), required=False
    )

    def setup(self) -> None:
        act_type = self.choice_field("act_type")
        act_type.choices = [(c, label) for c, label in ActType.choices if c in OTHER_ACT_TYPES]
        item = self.choice_field("power_item")
        if self.user is not None:
            item.queryset = power_items(self.user, self.agency_id, tuple(OTHER_ACT_TYPES))
        department = self.choice_field("department")
        department.queryset = departments(self.agency_id)
        if self.user is not None and self.user.department_id:
            department.initial = self.user.department_id


class PartyFieldsMixin(forms.Form):
    """The fields of `services.PartyData`: kind, name, identity numbers, contact."""

    kind = forms.ChoiceField(label=_("Kind of party"), choices=PartyKind.choices)
    name = forms.CharField(label=_("Name"), max_length=128)
    id_number = forms.CharField(
        label=_("Resident ID number"),
        max_length=18,
        required=False,
        help_text=_("For a natural person; the birth date follows from it (LAW-APL-30)."),
    )
    other_id_document = forms.CharField(
        label=_("Other identity document"),
        max_length=64,
        required=False,
        help_text=_("Passport or permit number when there is no resident ID number."),
    )
    birth_date = DateField(label=_("Birth date"), required=False)
    credit_code = forms.CharField(
        label=_("Unified social credit code"),
        max_length=18,
        required=False,
        help_text=_("For an organisation or an individual business."),
    )
    legal_representative = forms.CharField(
        label=_("Legal representative"), max_length=64, required=False
    )
    address = forms.CharField(label=_("Address"), max_length=255, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)


PARTY_FIELDS = (
    "kind",
    "name",
    "id_number",
    "other_id_document",
    "birth_date",
    "credit_code",
    "legal_representative",
    "address",
    "phone",
)
PARTY_CODE_FIELDS = {"resident_id": "id_number", "credit_code": "credit_code"}


class OnSpotForm(_AgencyForm, PartyFieldsMixin):
    """当场处罚 (LAW-APL-51/52): the decision, its party and the officers on the spot."""

    error_fields: ClassVar[dict[str, str]] = {
        "fine_fen": "fine_yuan",
        "party_kind": "kind",
        "act_date": "acted_at",
    }
    code_fields: ClassVar[dict[str, str]] = PARTY_CODE_FIELDS

    title = forms.CharField(label=_("Title"), max_length=255)
    place = forms.CharField(label=_("Place"), max_length=255)
    acted_at = DateTimeField(label=_("Date and time"), initial=timezone.localtime)
    facts = forms.CharField(label=_("Facts"), widget=text_area(3))
    officers = OfficerMultipleChoiceField(
        label=_("Officers on the spot"),
        queryset=agency_officers(None),
        help_text=_("At least two with valid certificates, you among them (LAW-APL-42)."),
    )
    power_item = forms.ModelChoiceField[PowerItem](
        label=_("Power item"), queryset=PowerItem.objects.none(), required=False
    )
    penalty_types = forms.MultipleChoiceField(
        label=_("Penalty"),
        choices=[
            (PenaltyType.WARNING, PenaltyType.WARNING.label),
            (PenaltyType.FINE, PenaltyType.FINE.label),
        ],
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "A warning, or a fine of up to 200 yuan for a citizen or 3000 yuan for an "
            "organisation (LAW-APL-51)."
        ),
    )
    fine_yuan = YuanField(label=_("Fine (yuan)"), required=False)
    form_number = forms.CharField(
        label=_("Number of the pre-numbered decision form"),
        max_length=64,
        help_text=_("LAW-APL-52."),
    )
    reasons = forms.CharField(label=_("Reasons and legal basis"), widget=text_area(3))
    mitigation_reason = forms.CharField(
        label=_("Mitigation reason"),
        widget=text_area(2),
        required=False,
        help_text=_("Required for a party aged 14 to 17 (LAW-APL-30)."),
    )
    collect_on_spot = forms.BooleanField(label=_("Fine collected on the spot"), required=False)
    receipt_number = forms.CharField(
        label=_("Receipt number"),
        max_length=64,
        required=False,
        help_text=_("The receipt issued for the fine collected (LAW-APL-70)."),
    )
    hard_to_enforce_later = forms.BooleanField(
        label=_("Hard to enforce later if not collected now"), required=False
    )
    remote_area = forms.BooleanField(
        label=_("Remote area, on water or hard to reach, at the party's request"), required=False
    )

    field_order = (
        "title",
        "place",
        "acted_at",
        "facts",
        *PARTY_FIELDS,
        "officers",
        "power_item",
        "penalty_types",
        "fine_yuan",
        "form_number",
        "reasons",
        "mitigation_reason",
        "collect_on_spot",
        "receipt_number",
        "hard_to_enforce_later",
        "remote_area",
    )

    def setup(self) -> None:
        officers = self.choice_field("officers")
        officers.queryset = agency_officers(self.agency_id)
        item = self.choice_field("power_item")
        if self.user is not None:
            item.queryset = power_items(self.user, self.agency_id, (ActType.PENALTY,))


class FactsForm(ActionForm):
    """Edit the facts before the decision (`case_update_facts`)."""

    title = forms.CharField(label=_("Title"), max_length=255)
    facts = forms.CharField(label=_("Facts"), widget=text_area(5), required=False)
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    violation_started_on = DateField(label=_("Violation started on"), required=False)
    violation_ended_on = DateField(label=_("Violation ended on"), required=False)
    discovered_on = DateField(label=_("Discovered on"), required=False)
    is_complex = forms.BooleanField(label=_("Complex case"), required=False)
    is_major = forms.BooleanField(label=_("Major violation"), required=False)
    suspected_crime = forms.BooleanField(label=_("Suspected crime"), required=False)

    def setup(self) -> None:
        if self.case is not None and not self.is_bound:
            for name in self.fields:
                self.initial.setdefault(name, getattr(self.case, name))


class FilingForm(ActionForm):
    """立案审批表 (SAMR-PROC-19): power item, facts, dates; submitted for the filing approval."""

    error_fields: ClassVar[dict[str, str]] = _LIMITATION_FIELDS

    power_item = forms.ModelChoiceField[PowerItem](
        label=_("Power item"),
        queryset=PowerItem.objects.none(),
        help_text=_("The legal basis and the discretion standard follow from it (SAMR-PROC-19)."),
    )
    title = forms.CharField(label=_("Title"), max_length=255)
    facts = forms.CharField(label=_("Facts"), widget=text_area(5))
    violation_started_on = DateField(label=_("Violation started on"))
    violation_ended_on = DateField(
        label=_("Violation ended on"),
        required=False,
        help_text=_("For a continuing act: the day it ended (LAW-APL-36)."),
    )
    discovered_on = DateField(label=_("Discovered on"), initial=today)
    five_year_limitation = forms.BooleanField(
        label=_("Five-year limitation"),
        required=False,
        help_text=_("Life, health or financial safety with harmful consequences (LAW-APL-36)."),
    )
    limitation_override_basis = forms.CharField(
        label=_("Legal basis for a different limitation period"), max_length=255, required=False
    )
    is_complex = forms.BooleanField(label=_("Complex case"), required=False)
    is_major = forms.BooleanField(label=_("Major violation"), required=False)
    suspected_crime = forms.BooleanField(label=_("Suspected crime"), required=False)
    opinion = forms.CharField(label=_("Handler's opinion"), widget=text_area(2), required=False)

    def setup(self) -> None:
        item = self.choice_field("power_item")
        if self.user is not None and self.case is not None:
            item.queryset = power_items(self.user, self.case.agency_id, (ActType.PENALTY,))
        if self.case is not None and not self.is_bound:
            case = self.case
            self.initial.update(
                {
                    "power_item": case.power_item_id,
                    "title": case.title,
                    "facts": case.facts or case.lead_summary,
                    "violation_started_on": case.violation_started_on,
                    "violation_ended_on": case.violation_ended_on,
                    "discovered_on": case.discovered_on or case.received_on,
                    "is_complex": case.is_complex,
                    "is_major": case.is_major,
                    "suspected_crime": case.suspected_crime,
                }
            )


class DeclineForm(ActionForm):
    """不予立案 (SAMR-PROC-20): decided by a head, with a reason."""

    error_fields: ClassVar[dict[str, str]] = {"decline_reason": "reason"}

    reason = forms.ChoiceField(label=_("Reason not to file"), choices=DeclineReason.choices)
    note = forms.CharField(label=_("Explanation"), widget=text_area(3), required=False)


class LeadExtendForm(ActionForm):
    """The one extension of 15 working days to decide on a lead (SAMR-PROC-18)."""

    reason = forms.CharField(label=_("Reason"), widget=text_area(3))
    opinion = forms.CharField(label=_("Handler's opinion"), widget=text_area(2), required=False)


class TransitionForm(ActionForm):
    """A move of the workflow that needs no form of its own; a reason where one is asked."""

    reason = forms.CharField(
        label=_("Reason or note"),
        widget=text_area(3),
        required=False,
        help_text=_("Required when the case is returned for further investigation (SAMR-PROC-54)."),
    )
