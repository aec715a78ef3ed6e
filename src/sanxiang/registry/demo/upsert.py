"""Idempotent writes for the demo loader: find a row by its natural key, then create or update it.

`upsert` is `update_or_create` that only writes what differs: an unchanged row is neither
validated nor saved again, so loading the demo twice touches nothing the second time, and the
`DemoSummary` says so (every row counts as `unchanged`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from django.db import models

ModelT = TypeVar("ModelT", bound=models.Model)
Outcome = Literal["created", "updated", "unchanged", "deleted"]


@dataclass
class ModelCounts:
    """What one load did to the rows of one model."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0


@dataclass
class DemoSummary:
    """What `load_demo` did, per model (keyed by model label, e.g. ``registry.Officer``)."""

    counts: dict[str, ModelCounts] = field(default_factory=dict)

    def record(self, model: type[models.Model], outcome: Outcome, number: int = 1) -> None:
        counts = self.counts.setdefault(model._meta.label, ModelCounts())
        setattr(counts, outcome, getattr(counts, outcome) + number)

    def rows(self, model: type[models.Model]) -> int:
        """Rows of `model` the demo data set defines (created, updated or unchanged)."""
        counts = self.counts.get(model._meta.label, ModelCounts())
        return counts.created + counts.updated + counts.unchanged

    def total(self, outcome: Outcome) -> int:
        return sum(getattr(counts, outcome) for counts in self.counts.values())

    @property
    def changed(self) -> bool:
        """Whether the load wrote anything at all."""
        return bool(self.total("created") or self.total("updated") or self.total("deleted"))

    def describe(self) -> str:
        """One line for the console, e.g. "Demo data: 612 created, 0 updated, …"."""
        return (
            f"Demo data: {self.total('created')} created, {self.total('updated')} updated, "
            f"{self.total('unchanged')} unchanged, {self.total('deleted')} deleted."
        )

    def describe_models(self) -> list[str]:
        """One line per model, for verbose output."""
        return [
            f"  {label}: {c.created} created, {c.updated} updated, {c.unchanged} unchanged"
            + (f", {c.deleted} deleted" if c.deleted else "")
            for label, c in self.counts.items()
        ]


def upsert(
    summary: DemoSummary,
    model: type[ModelT],
    lookup: Mapping[str, Any],
    values: Mapping[str, Any] | None = None,
) -> ModelT:
    """Create the row of `model` found by the natural key `lookup`, or bring it up to `values`.

    Foreign keys may be given as instances (or None). New and changed rows pass `full_clean()`
    before they are saved (STYLE.md convention 2); a changed row is saved with `update_fields`.
    A `None` in `lookup` matches SQL NULL (e.g. a provision without a paragraph).
    """
    values = values or {}
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        instance = model(**{**_attnames(model, lookup), **_attnames(model, values)})
        instance.full_clean()
        instance.save()
        summary.record(model, "created")
        return instance
    changed: list[str] = []
    for attname, value in _attnames(model, values).items():
        if getattr(instance, attname) != value:
            setattr(instance, attname, value)
            changed.append(attname)
    if not changed:
        summary.record(model, "unchanged")
        return instance
    instance.full_clean()
    instance.save(update_fields=changed)
    summary.record(model, "updated")
    return instance


def delete_others(
    summary: DemoSummary, queryset: models.QuerySet[ModelT], keep: Iterable[int]
) -> None:
    """Delete the rows of `queryset` whose primary key is not in `keep`.

    Used for rows owned entirely by a demo row (the tiers of a demo standard, the legal bases
    of a demo power item), so that a row dropped from the data set disappears on reload.
    """
    stale = queryset.exclude(pk__in=list(keep))
    number = stale.count()
    if number:
        stale.delete()
        summary.record(queryset.model, "deleted", number)


def _attnames(model: type[models.Model], values: Mapping[str, Any]) -> dict[str, Any]:
    """Field name → attribute name, with related instances replaced by their primary key."""
    result: dict[str, Any] = {}
    for name, value in values.items():
        model_field = model._meta.get_field(name)
        if isinstance(model_field, models.ForeignKey):  # includes OneToOneField
            result[model_field.attname] = value.pk if isinstance(value, models.Model) else value
        else:
            result[name] = value
    return result
