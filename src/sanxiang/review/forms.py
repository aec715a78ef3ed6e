"""Forms of the review pages; they only shape input, the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.review.models import EscalationResult, Finding, ReviewItem, ReviewMaterial


class SubmitForm(forms.Form):
    materials = forms.MultipleChoiceField(
        label=_("Materials submitted"),
        choices=ReviewMaterial.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Note (after a return: what was corrected)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FlagsForm(forms.Form):
    public_interest = forms.BooleanField(
        label=_("The case concerns a major public interest"), required=False
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AssignForm(forms.Form):
    reviewers = forms.MultipleChoiceField(
        label=_("Reviewers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to assign the least-loaded eligible reviewer."),
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reviewers"]
        assert isinstance(field, forms.MultipleChoiceField)  # noqa: S101 - declared above
        field.choices = choices


class ChecklistForm(forms.Form):
    """One finding and note per GUO-118-13 item."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in ReviewItem:
            self.fields[f"finding_{item.value}"] = forms.ChoiceField(
                label=item.label, choices=Finding.choices, widget=forms.RadioSelect
            )
            self.fields[f"note_{item.value}"] = forms.CharField(
                label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def findings(self) -> dict[str, tuple[str, str]]:
        return {
            item.value: (
                self.cleaned_data[f"finding_{item.value}"],
                self.cleaned_data.get(f"note_{item.value}", ""),
            )
            for item in ReviewItem
        }

    def item_rows(self) -> list[tuple[Any, Any]]:
        return [(self[f"finding_{i.value}"], self[f"note_{i.value}"]) for i in ReviewItem]


class ConcludeForm(forms.Form):
    conclusion = forms.ChoiceField(
        label=_("Conclusion"),
        choices=(("approve", _("Approve")), ("return", _("Return for correction"))),
        widget=forms.RadioSelect,
    )
    opinion = forms.CharField(label=_("Review opinion"), widget=forms.Textarea(attrs={"rows": 4}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class EscalationDecisionForm(forms.Form):
    result = forms.ChoiceField(
        label=_("Decision"), choices=EscalationResult.choices, widget=forms.RadioSelect
    )
    opinion = forms.CharField(label=_("Opinion"), widget=forms.Textarea(attrs={"rows": 3}))


class FilingForm(forms.Form):
    filed_on = forms.DateField(label=_("Filed on"), widget=forms.DateInput(attrs={"type": "date"}))
    reference = forms.CharField(label=_("Filing reference"), max_length=64)
    office = forms.CharField(label=_("Filed with"), max_length=128, required=False)
