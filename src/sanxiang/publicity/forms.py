"""Forms of publicity: the portal search and the workbench steps."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.core.money import yuan_to_fen
from sanxiang.publicity.models import WithdrawalGround
from sanxiang.publicity.search import Filters
from sanxiang.registry.models import ActType, Agency


class SearchForm(forms.Form):
    """Portal search: full text, agency, act type, decision dates and amount (in yuan)."""

    q = forms.CharField(label=_("Search text"), required=False, max_length=100)
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("All agencies"),
    )
    act_type = forms.ChoiceField(
        label=_("Act type"),
        required=False,
        choices=[("", _("All act types")), *ActType.choices],
    )
    date_from = forms.DateField(
        label=_("Decided from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Decided until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    amount_min = forms.DecimalField(
        label=_("Amount from (yuan)"), required=False, min_value=0, decimal_places=2
    )
    amount_max = forms.DecimalField(
        label=_("Amount up to (yuan)"), required=False, min_value=0, decimal_places=2
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: object, agencies: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if agencies is not None:
            self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
        for name, field in self.fields.items():
            css = "form-select" if name in ("agency", "act_type") else "form-control"
            field.widget.attrs.setdefault("class", css)

    def filters(self) -> Filters:
        data = self.cleaned_data
        agency = data.get("agency")
        return Filters(
            agency_id=agency.pk if agency else None,
            act_type=data.get("act_type") or None,
            date_from=data["date_from"].isoformat() if data.get("date_from") else None,
            date_to=data["date_to"].isoformat() if data.get("date_to") else None,
            amount_min_fen=yuan_to_fen(data["amount_min"])
            if data.get("amount_min") is not None
            else None,
            amount_max_fen=yuan_to_fen(data["amount_max"])
            if data.get("amount_max") is not None
            else None,
        )


class SubmitForm(forms.Form):
    source_title = forms.CharField(label=_("Title"), max_length=255)
    source_text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 10}))


class ApproveForm(forms.Form):
    keep = forms.TypedMultipleChoiceField(
        label=_("Masks to keep"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    added = forms.CharField(
        label=_("Further text to mask, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: object, mask_count: int = 0, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["keep"].choices = [(i, str(i)) for i in range(mask_count)]  # type: ignore[attr-defined]

    def added_fragments(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["added"].splitlines() if line.strip()]


class WithdrawForm(forms.Form):
    ground = forms.ChoiceField(label=_("Ground"), choices=WithdrawalGround.choices)
    decision_changed_on = forms.DateField(
        label=_("Decision changed on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(
        label=_("Published reason"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CorrectForm(forms.Form):
    reason = forms.CharField(label=_("Published reason for the correction"), max_length=500)
    source_title = forms.CharField(label=_("Title"), max_length=255)
    source_text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 10}))
    added = forms.CharField(
        label=_("Further text to mask, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
