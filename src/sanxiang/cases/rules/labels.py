"""Translated names of the fields and penalty types that refusals mention.

A refusal names the field it is about (`extra["field"]` keeps the code for the API and the
forms); the message itself must show the user's words, not `fine_fen`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanxiang.registry.models import PenaltyType

FIELD_LABELS = {
    "fine_fen": gettext_lazy("fine"),
    "confiscation_fen": gettext_lazy("confiscated amount"),
    "detention_days": gettext_lazy("detention days"),
    "penalty_types": gettext_lazy("penalty types"),
    "other": gettext_lazy("other penalty"),
    "natural_person_fen": gettext_lazy("hearing threshold for natural persons"),
    "organisation_fen": gettext_lazy("hearing threshold for organisations"),
    "working_days": gettext_lazy("working days"),
    "extension_days": gettext_lazy("extension days"),
    "paused_days": gettext_lazy("paused days"),
    "days": gettext_lazy("days"),
}


def field_label(field: str) -> str:
    """The user's name of `field`, or the code itself for a field not listed."""
    label = FIELD_LABELS.get(field)
    return str(label) if label is not None else field


def penalty_type_labels(codes: Iterable[str]) -> str:
    """LAW-APL-9 penalty types by their names (警告、罚款…), unknown codes as given."""
    names = dict(PenaltyType.choices)
    return _(", ").join(str(names.get(code, code)) for code in codes)
