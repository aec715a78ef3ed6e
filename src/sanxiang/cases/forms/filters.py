"""The filters of the case list (GET): status, act type, procedure, text, overdue."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import CaseStatus, Procedure
from sanxiang.cases.selectors import CaseFilters
from sanxiang.registry.models import ActType

__all__ = ["CaseFilterForm"]

_ANY = [("", _("All"))]


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), choices=_ANY + CaseStatus.choices, required=False)
    act_type = forms.ChoiceField(
        label=_("Act type"), choices=_ANY + ActType.choices, required=False
    )
    procedure = forms.ChoiceField(
        label=_("Procedure"), choices=_ANY + Procedure.choices, required=False
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own signature
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs["class"] = "form-check-input"
            elif isinstance(field.widget, forms.Select):
                field.widget.attrs["class"] = "form-select"
            else:
                field.widget.attrs["class"] = "form-control"
            field.widget.attrs.setdefault("id", f"filter-{name}")

    def filters(self) -> CaseFilters:
        """The selector's filters; invalid input filters nothing rather than failing."""
        data = self.cleaned_data if self.is_valid() else {}
        return CaseFilters(
            status=data.get("status", ""),
            act_type=data.get("act_type", ""),
            procedure=data.get("procedure", ""),
            query=data.get("q", ""),
            overdue=bool(data.get("overdue")),
        )
