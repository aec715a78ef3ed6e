"""The form of a document's officer-editable fields (built from `DocumentKind.editable`)."""

from __future__ import annotations

from typing import Any

from django import forms

from sanxiang.documents.kinds import DocumentKind

__all__ = ["EditForm"]


class EditForm(forms.Form):
    def __init__(self, *args: Any, kind: DocumentKind, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in kind.editable:
            self.fields[field.name] = forms.CharField(
                label=field.label,
                max_length=field.max_length,
                required=False,
                help_text=field.help_text,
                widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"})
                if field.multiline
                else forms.TextInput(attrs={"class": "form-control"}),
            )
