"""Forms of the evidence pages (the upload itself goes through tus, see tus.py)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.evidence.choices import ActKind


class TransferForm(forms.Form):
    recipient = forms.CharField(label=_("Handed over to"), max_length=255)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class AvReasonForm(forms.Form):
    act = forms.CharField(label=_("Act"), widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Why there is no video"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def act_parts(self) -> tuple[str, str]:
        kind, _sep, act_id = str(self.cleaned_data["act"]).partition(":")
        return (kind if kind in ActKind.values else "", act_id)
