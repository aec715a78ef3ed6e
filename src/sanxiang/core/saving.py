"""Saving a model instance the one way services do: validate first, refuse with the fields."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models

from sanxiang.core.errors import ApplicationError

__all__ = ["validated_save"]


def validated_save(obj: models.Model, *, update_fields: Iterable[str] | None = None) -> None:
    """`full_clean()` then save; a validation error becomes `ApplicationError` naming the fields.

    With `update_fields`, a model's `auto_now` fields (e.g. `updated_at`) are saved too, as a
    full save would.
    """
    try:
        obj.full_clean()
    except ValidationError as error:
        raise ApplicationError.from_validation_error(error) from None
    if update_fields is None:
        obj.save()
        return
    fields = list(update_fields)
    fields += [
        field.name
        for field in obj._meta.concrete_fields
        if getattr(field, "auto_now", False) and field.name not in fields
    ]
    obj.save(update_fields=fields)
