"""Investigation: records (笔录), preservation of evidence (先行登记保存), seizure (查封扣押)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import RecordKind, SeizureKind
from sanxiang.cases.forms.base import ActionForm, DateField, DateTimeField, text_area, today
from sanxiang.cases.forms.choices import OfficerMultipleChoiceField, agency_heads, agency_officers
from sanxiang.registry.models import User

__all__ = [
    "PreservationDisposeForm",
    "PreservationForm",
    "RecordForm",
    "SeizureExtendForm",
    "SeizureReleaseForm",
    "SeizureStartForm",
]


class _HeadApprovalForm(ActionForm):
    """A measure the agency head approves (LAW-APL-56, LAW-ACL-18)."""

    approved_by = forms.ModelChoiceField[User](
        label=_("Approved by the agency head"), queryset=User.objects.none()
    )

    def setup(self) -> None:
        field = self.choice_field("approved_by")
        if self.case is not None:
            field.queryset = agency_heads(self.case.agency_id)
            heads = list(field.queryset[:2])
            if len(heads) == 1:
                field.initial = heads[0].pk


class RecordForm(ActionForm):
    """询问笔录 / 现场笔录 with the officers present (LAW-APL-42, LAW-APL-55)."""

    kind = forms.ChoiceField(label=_("Kind of record"), choices=RecordKind.choices)
    started_at = DateTimeField(label=_("Started at"), initial=timezone.localtime)
    ended_at = DateTimeField(label=_("Ended at"), required=False)
    place = forms.CharField(label=_("Place"), max_length=255)
    subject_name = forms.CharField(label=_("Person questioned or present"), max_length=128)
    subject_role = forms.CharField(label=_("Role of that person"), max_length=64, required=False)
    content = forms.CharField(label=_("Content"), widget=text_area(6))
    officers = OfficerMultipleChoiceField(
        label=_("Officers present"),
        queryset=agency_officers(None),
        help_text=_(
            "Their certificate numbers are written into the record (LAW-APL-55); two must be "
            "valid on the day (LAW-APL-42)."
        ),
    )

    def setup(self) -> None:
        field = self.choice_field("officers")
        if self.case is not None:
            field.queryset = agency_officers(self.case.agency_id).filter(
                case_assignments__case=self.case, case_assignments__removed_on__isnull=True
            )
            if not self.is_bound:
                field.initial = [officer.pk for officer in field.queryset]


class PreservationForm(_HeadApprovalForm):
    """先行登记保存 (LAW-APL-56): disposal due within 7 working days."""

    items = forms.CharField(label=_("Items preserved"), widget=text_area(3))
    started_on = DateField(label=_("Started on"), initial=today)
    field_order = (
        "items",
        "started_on",
        "approved_by",
    )


class PreservationDisposeForm(ActionForm):
    disposed_on = DateField(label=_("Disposed of on"), initial=today)
    disposal = forms.CharField(label=_("Disposal decision"), widget=text_area(3))


class SeizureStartForm(_HeadApprovalForm):
    """查封 / 扣押 (LAW-ACL-25): at most 30 days."""

    kind = forms.ChoiceField(label=_("Measure"), choices=SeizureKind.choices)
    items = forms.CharField(label=_("Property"), widget=text_area(3))
    started_on = DateField(label=_("Started on"), initial=today)
    field_order = (
        "kind",
        "items",
        "started_on",
        "approved_by",
    )


class SeizureExtendForm(_HeadApprovalForm):
    """One extension of at most 30 days in a complex situation (LAW-ACL-25)."""

    reason = forms.CharField(
        label=_("Reason for the extension"), widget=text_area(3), required=False
    )
    on = DateField(label=_("Extended on"), initial=today)
    field_order = (
        "reason",
        "on",
        "approved_by",
    )


class SeizureReleaseForm(ActionForm):
    ended_on = DateField(label=_("Ended on"), initial=today)
    reason = forms.CharField(label=_("How it ended"), widget=text_area(3), required=False)
    disposed = forms.BooleanField(
        label=_("Disposed of by decision (e.g. confiscated) rather than released"),
        required=False,
    )
