"""What every sheet import shares: the report, agency lookup, repeated cells that must agree
and model-validation problems."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from sanxiang.core.creditcode import normalise_credit_code
from sanxiang.registry.models import Agency
from sanxiang.registry.spreadsheets.engine import ImportProblem, SheetRow


@dataclass(frozen=True)
class ImportReport:
    """The outcome of a successful import, counted in records of the sheet's main entity."""

    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


class AgencyResolver:
    """Finds an agency by exact name or by unified social credit code (one query)."""

    def __init__(self) -> None:
        self._by_key: dict[str, Agency] = {}
        for agency in Agency.objects.all():
            self._by_key[agency.name] = agency
            self._by_key[agency.credit_code] = agency

    def resolve(self, text: str) -> Agency | None:
        return self._by_key.get(text.strip()) or self._by_key.get(normalise_credit_code(text))


def unknown_agency_reason(text: str) -> str:
    return _("Unknown agency %(agency)s; give its exact name or credit code.") % {"agency": text}


def check_repeated_cells(
    first: SheetRow,
    row: SheetRow,
    *,
    keys: Iterable[str],
    headers: Mapping[str, str],
    reason: str,
    problems: list[ImportProblem],
) -> None:
    """Cells that repeat on every row of one record (a standard, an officer) must agree.

    A cell that could not be read on either row was reported already and is not compared.
    """
    for key in keys:
        if key in first.values and key in row.values and first.values[key] != row.values[key]:
            problems.append(ImportProblem(row.number, headers[key], reason))


def assign_fields(
    instance: models.Model, values: Mapping[str, Any], names: Iterable[str], present: frozenset[str]
) -> bool:
    """Copy `values[name]` onto `instance` for each column present in the sheet and read;
    returns whether anything changed. A column missing from the sheet leaves its field alone."""
    changed = False
    for name in names:
        if name in present and name in values and getattr(instance, name) != values[name]:
            setattr(instance, name, values[name])
            changed = True
    return changed


def save_checked(
    instance: models.Model,
    *,
    row: int,
    headers: Mapping[str, str],
    fallback_header: str,
    problems: list[ImportProblem],
) -> bool:
    """`full_clean()` then save; on a validation error record problems and save nothing.

    `headers` maps model field names to the sheet headers that filled them, so each message
    lands on the column the user has to fix. Returns whether the instance was saved.
    """
    try:
        instance.full_clean()
    except ValidationError as error:
        problems.extend(
            validation_problems(error, row=row, headers=headers, fallback=fallback_header)
        )
        return False
    instance.save()
    return True


def validation_problems(
    error: ValidationError, *, row: int, headers: Mapping[str, str], fallback: str
) -> list[ImportProblem]:
    found: list[ImportProblem] = []
    errors: dict[str, Any] = (
        error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
    )
    for name, messages in errors.items():
        header = headers.get(name, fallback)
        for message in messages:
            found.append(ImportProblem(row, header, str(message)))
    return found


def duplicate_reason(first_row: int) -> str:
    return _("The same code already appears in row %(row)s.") % {"row": first_row}
