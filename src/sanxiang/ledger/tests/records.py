"""Test records logged in the ledger: holiday rows (`core.CalendarDay`) with a leaf source.

Plays the part a domain app plays in production: one function builds the payload both when
the row is logged and when the verifier rebuilds it (see docs/ledger.md).
"""

from __future__ import annotations

import datetime
from typing import Any

from sanxiang.core.models import CalendarDay
from sanxiang.ledger.models import LedgerEntry
from sanxiang.ledger.services import ledger_append
from sanxiang.ledger.sources import register_leaf_source

KIND = "core.calendar_day"


def day_payload(day: CalendarDay) -> dict[str, Any]:
    return {"date": day.date, "kind": day.kind, "name": day.name, "note": day.note}


def rebuild(ref: str) -> dict[str, Any] | None:
    day = CalendarDay.objects.filter(pk=ref).first()
    return None if day is None else day_payload(day)


def register() -> None:
    register_leaf_source(
        KIND,
        rebuild,
        list_refs=lambda: [str(pk) for pk in CalendarDay.objects.values_list("pk", flat=True)],
    )


def log_day(offset: int, name: str = "test holiday") -> tuple[CalendarDay, LedgerEntry]:
    day = CalendarDay.objects.create(
        date=datetime.date(2030, 1, 1) + datetime.timedelta(days=offset),
        kind=CalendarDay.Kind.HOLIDAY,
        name=name,
    )
    return day, ledger_append(kind=KIND, ref=str(day.pk), payload=day_payload(day))


def log_plain(count: int, *, start: int = 0) -> list[LedgerEntry]:
    """`count` entries of a kind with no leaf source (for tree and proof tests)."""
    return [
        ledger_append(kind="test.plain", ref=str(start + n), payload={"n": start + n})
        for n in range(count)
    ]
