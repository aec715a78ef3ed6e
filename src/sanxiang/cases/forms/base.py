"""What every case form shares: Bootstrap widgets, money in yuan, and refusals on the field.

A form only turns text into values (dates, amounts in fen, model choices); whether the values
are lawful is the service's decision. When a service refuses (`ApplicationError`), the view
hands the error to `ActionForm.add_refusal`, which puts the message on the field that
`extra["field"]` (or `extra["fields"]`) names — translated to the form's own field names through
`error_fields` — and keeps the user's input, since the bound form is rendered again.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, ClassVar, cast

from django import forms
from django.utils import timezone

from sanxiang.cases.models import Case
from sanxiang.core.errors import ApplicationError
from sanxiang.core.money import Fen, yuan_to_fen
from sanxiang.registry.models import User

__all__ = [
    "ActionForm",
    "DateField",
    "DateTimeField",
    "LinesField",
    "YuanField",
    "fen_or_zero",
    "text_area",
]

_CHOICE_WIDGETS = (forms.CheckboxSelectMultiple, forms.RadioSelect)


def text_area(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class DateField(forms.DateField):
    """A date picked with the browser's own date control (phones show their calendar)."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DateTimeField(forms.DateTimeField):
    """Date and time with the browser's control; read in Asia/Shanghai (TIME_ZONE)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"])
        super().__init__(**kwargs)


class YuanField(forms.DecimalField):
    """An amount typed in yuan (two decimals at most); the view stores it as fen."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", Decimal(0))
        kwargs.setdefault("max_digits", 18)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)


class LinesField(forms.CharField):
    """One entry per line (participants, instalments); blank lines are dropped."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]  # a list, not str
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


def fen_or_zero(value: Decimal | None) -> Fen:
    """Yuan from a `YuanField` (None when left empty) in fen."""
    return 0 if value is None else yuan_to_fen(value)


def today() -> datetime.date:
    return timezone.localdate()


class ActionForm(forms.Form):
    """Base of every case form: Bootstrap classes, the case and user it acts for, refusals.

    `error_fields` maps a field name used by the services' refusals (`extra["field"]`) to this
    form's field; `code_fields` maps an error code prefix (e.g. ``resident_id``, whose
    validator names no field) to a field.
    """

    template_name = "cases/forms/form.html"
    label_suffix = ""
    error_fields: ClassVar[dict[str, str]] = {}
    code_fields: ClassVar[dict[str, str]] = {}

    def __init__(
        self,
        data: Any = None,
        *,
        case: Case | None = None,
        user: User | None = None,
        target: Any = None,
        **kwargs: Any,
    ) -> None:
        self.case = case
        self.user = user
        self.target = target
        self.refusal: ApplicationError | None = None
        super().__init__(data, **kwargs)
        self.setup()
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, (*_CHOICE_WIDGETS, forms.CheckboxInput)):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                widget.attrs.setdefault("class", "form-select")
            elif not isinstance(widget, forms.HiddenInput):
                widget.attrs.setdefault("class", "form-control")

    def setup(self) -> None:
        """Fill the choices that depend on the case or the user (override)."""

    def choice_field(self, name: str) -> forms.ModelChoiceField[Any]:
        """The field `name`, typed as a (model) choice field whose choices `setup` narrows."""
        field = self.fields[name]
        if not isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
            raise TypeError(f"{name} is not a choice field")
        return cast("forms.ModelChoiceField[Any]", field)

    @property
    def refusal_rule(self) -> str:
        return str(self.refusal.extra.get("rule", "")) if self.refusal else ""

    @property
    def refusal_code(self) -> str:
        return self.refusal.code if self.refusal else ""

    def _own_field(self, name: object) -> str | None:
        if not isinstance(name, str):
            return None
        name = self.error_fields.get(name, name)
        return name if name in self.fields else None

    def add_refusal(self, error: ApplicationError) -> None:
        """Show a refused service call: on the field it names, else above the form."""
        self.refusal = error
        placed = False
        for name, messages in dict(error.extra.get("fields") or {}).items():
            field = self._own_field(name)
            if field is not None and field not in self.errors:
                for message in messages:
                    self.add_error(field, str(message))
                placed = True
        if not placed:
            field = self._own_field(error.extra.get("field"))
            if field is None:
                prefix = error.code.split(".", 1)[0]
                field = self._own_field(self.code_fields.get(prefix))
            if field is not None and field not in self.errors:
                self.add_error(field, error.message)
                placed = True
        if not placed:
            self.add_error(None, error.message)
