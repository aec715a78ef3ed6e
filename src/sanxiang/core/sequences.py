"""Gapless yearly counters (流水号) for case and document numbers (STD-9704-7.2.5).

Contract: `next_in_sequence(scope=..., year=...)` returns 1 the first time a scope is used in
a year and one more on every later call. It must run inside the caller's transaction (it opens
one if there is none): the counter row is locked with `SELECT ... FOR UPDATE` until the caller
commits, so two transactions never draw the same number, and a rolled-back caller gives its
number back — the sequence has no gaps.

Creating a missing row is safe under concurrency on both databases: the row is inserted with
`INSERT ... ON CONFLICT DO NOTHING` (`bulk_create(ignore_conflicts=True)`), so a second
transaction racing on the same new scope waits for the first one's row instead of failing,
and only then takes the lock. On SQLite the embedded profile opens write transactions with
`BEGIN IMMEDIATE`, which serialises writers anyway.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError
from sanxiang.core.models import SEQUENCE_SCOPE_MAX_LENGTH, Sequence

__all__ = ["next_in_sequence"]


def next_in_sequence(*, scope: str, year: int) -> int:
    """The next number (1, 2, 3, …) of `scope` in `year`; the row stays locked until commit."""
    if not scope or len(scope) > SEQUENCE_SCOPE_MAX_LENGTH:
        raise ApplicationError(
            _("A sequence needs a scope of 1 to 64 characters, not “%(scope)s”.")
            % {"scope": scope},
            code="sequence.scope",
            extra={"field": "scope"},
        )
    with transaction.atomic():
        Sequence.objects.bulk_create(
            [Sequence(scope=scope, year=year, last_value=0)], ignore_conflicts=True
        )
        row = Sequence.objects.select_for_update().get(scope=scope, year=year)
        row.last_value += 1
        row.save(update_fields=["last_value"])
        return row.last_value
