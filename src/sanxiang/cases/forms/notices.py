"""Notice of the proposed penalty (告知), statement and defence (陈述申辩), hearing (听证)."""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import DeliveryMethod, ReexaminationResult
from sanxiang.cases.forms.base import ActionForm, DateField, YuanField, text_area, today
from sanxiang.cases.forms.choices import OfficerChoiceField, agency_officers
from sanxiang.registry.models import Officer, PenaltyType

__all__ = [
    "HearingHoldForm",
    "HearingRequestForm",
    "HearingScheduleForm",
    "HearingWithdrawForm",
    "NoticeDraftForm",
    "NoticeServeForm",
    "PenaltyFieldsMixin",
    "ReexamineForm",
    "StatementForm",
    "WaiverForm",
]

PENALTY_ERROR_FIELDS = {
    "fine_fen": "fine_yuan",
    "confiscation_fen": "confiscation_yuan",
    "final": "penalty_types",
}


class PenaltyFieldsMixin(forms.Form):
    """The penalty as LAW-APL-9 lists it: types and the amounts that go with them."""

    penalty_types = forms.MultipleChoiceField(
        label=_("Penalty types"),
        choices=PenaltyType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    fine_yuan = YuanField(label=_("Fine (yuan)"), required=False)
    confiscation_yuan = YuanField(label=_("Confiscated gains or property (yuan)"), required=False)
    detention_days = forms.IntegerField(
        label=_("Detention (days)"), min_value=0, max_value=15, required=False
    )
    other_penalty = forms.CharField(label=_("Other penalty"), max_length=255, required=False)


class NoticeDraftForm(ActionForm, PenaltyFieldsMixin):
    """行政处罚告知书 (LAW-APL-44); the hearing right is computed when it is saved (LAW-APL-63)."""

    error_fields: ClassVar[dict[str, str]] = PENALTY_ERROR_FIELDS

    content = forms.CharField(label=_("Facts, reasons and legal basis"), widget=text_area(5))
    opinion = forms.CharField(label=_("Handler's opinion"), widget=text_area(2), required=False)


class NoticeServeForm(ActionForm):
    """Service of the approved notice; the party's windows start (SAMR-PROC-57, LAW-APL-64)."""

    served_on = DateField(label=_("Served on"), initial=today)
    method = forms.ChoiceField(
        label=_("Method"), choices=DeliveryMethod.choices, initial=DeliveryMethod.DIRECT
    )


class StatementForm(ActionForm):
    received_on = DateField(label=_("Received on"), initial=today)
    oral = forms.BooleanField(label=_("Made orally (recorded by the officers)"), required=False)
    content = forms.CharField(label=_("Statement and defence"), widget=text_area(5))


class WaiverForm(ActionForm):
    """明确放弃 (LAW-APL-62): the decision may then come before the window ends."""

    waived_on = DateField(label=_("Waived on"), initial=today)
    note = forms.CharField(
        label=_("How the waiver was given"),
        widget=text_area(2),
        required=False,
        help_text=_("For example: signed on the service receipt."),
    )
    includes_hearing = forms.BooleanField(
        label=_("The hearing is waived too"), required=False, initial=True
    )


class ReexamineForm(ActionForm):
    """复核 of a statement (LAW-APL-45, SAMR-PROC-62)."""

    error_fields: ClassVar[dict[str, str]] = {"reexamination_result": "result"}

    result = forms.ChoiceField(label=_("Result"), choices=ReexaminationResult.choices)
    note = forms.CharField(label=_("Reasons"), widget=text_area(3), required=False)
    on = DateField(label=_("Re-examined on"), initial=today)


class HearingRequestForm(ActionForm):
    """The party's request, within 5 working days of the notice (LAW-APL-64(一))."""

    requested_on = DateField(label=_("Requested on"), initial=today)
    oral = forms.BooleanField(label=_("Requested orally"), required=False)


class HearingScheduleForm(ActionForm):
    """Presiding officer who did not investigate; notice 7 working days ahead (LAW-APL-64)."""

    presiding_officer = OfficerChoiceField(
        label=_("Presiding officer"), queryset=Officer.objects.none()
    )
    hearing_notice_served_on = DateField(label=_("Hearing notice served on"), initial=today)
    scheduled_on = DateField(label=_("Hearing date"))
    place = forms.CharField(label=_("Place"), max_length=255)
    is_public = forms.BooleanField(
        label=_("Public hearing"),
        required=False,
        initial=True,
        help_text=_("Not public only for state secrets, trade secrets or privacy (LAW-APL-64)."),
    )

    def setup(self) -> None:
        field = self.choice_field("presiding_officer")
        if self.case is not None:
            field.queryset = agency_officers(self.case.agency_id)


class HearingHoldForm(ActionForm):
    held_on = DateField(label=_("Held on"), initial=today)
    party_attended = forms.BooleanField(
        label=_("The party attended"),
        required=False,
        initial=True,
        help_text=_("A party absent without good reason is deemed to waive (LAW-APL-64)."),
    )
    record = forms.CharField(label=_("Hearing record"), widget=text_area(6), required=False)


class HearingWithdrawForm(ActionForm):
    note = forms.CharField(label=_("Note"), widget=text_area(2))
    on = DateField(label=_("Withdrawn on"), initial=today)
