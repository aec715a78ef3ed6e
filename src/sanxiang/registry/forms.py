"""Forms of the registry admin: spreadsheet upload and discretion tiers edited in yuan."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from sanxiang.core.errors import ApplicationError
from sanxiang.core.money import fen_to_yuan, yuan_to_fen
from sanxiang.registry.models import DiscretionTier, PenaltyType

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class SpreadsheetUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        help_text=_("Use the layout of the downloaded file; the first row holds the headers."),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(".xlsx"):
            raise ValidationError(_("Upload an .xlsx file."), code="extension")
        if upload.size and upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("The file is larger than 10 MB."), code="size")
        return upload


class DiscretionTierForm(forms.ModelForm):
    """A tier with its fixed fine range in yuan (stored as fen, DESIGN decision 7).

    The rest of the tier's shape (one fine basis, ordered multiples and detention days,
    detention for natural persons only) is checked by `DiscretionTier.clean`.
    """

    fine_min_yuan = forms.DecimalField(
        label=_("minimum fine (yuan)"), required=False, min_value=Decimal(0), decimal_places=2
    )
    fine_max_yuan = forms.DecimalField(
        label=_("maximum fine (yuan)"), required=False, min_value=Decimal(0), decimal_places=2
    )
    penalty_types = forms.MultipleChoiceField(
        label=_("penalty types"),
        choices=PenaltyType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("LAW-APL-9."),
    )

    class Meta:
        model = DiscretionTier
        fields = (
            "order",
            "level",
            "circumstance",
            "party_scope",
            "fine_basis",
            "fine_min_multiple",
            "fine_max_multiple",
            "detention_days_min",
            "detention_days_max",
            "penalty_types",
            "other_penalties",
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("fine_min", "fine_max"):
            fen = getattr(self.instance, f"{name}_fen")
            if fen is not None:
                self.initial[f"{name}_yuan"] = fen_to_yuan(fen)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        amounts: dict[str, int | None] = {}
        for name in ("fine_min", "fine_max"):
            value = cleaned.get(f"{name}_yuan")
            try:
                amounts[name] = None if value is None else yuan_to_fen(value)
            except ApplicationError as error:
                self.add_error(f"{name}_yuan", error.message)
                return cleaned
        low, high = amounts["fine_min"], amounts["fine_max"]
        if low is not None and high is not None and low > high:
            self.add_error("fine_max_yuan", _("The maximum fine is below the minimum."))
        self.instance.fine_min_fen = low
        self.instance.fine_max_fen = high
        return cleaned
