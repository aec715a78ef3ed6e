"""Gapless yearly counters (STD-9704-7.2.5 sequence numbers)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from sanxiang.core.errors import ApplicationError
from sanxiang.core.models import Sequence
from sanxiang.core.sequences import next_in_sequence


@pytest.mark.django_db
def test_numbers_start_at_one_per_scope_and_year():
    assert [next_in_sequence(scope="case:1", year=2026) for _ in range(3)] == [1, 2, 3]
    assert next_in_sequence(scope="case:1", year=2027) == 1
    assert next_in_sequence(scope="case:2", year=2026) == 1
    assert Sequence.objects.get(scope="case:1", year=2026).last_value == 3


@pytest.mark.django_db
def test_rolled_back_caller_leaves_no_gap():
    assert next_in_sequence(scope="doc:9", year=2026) == 1
    with pytest.raises(RuntimeError), transaction.atomic():
        assert next_in_sequence(scope="doc:9", year=2026) == 2
        raise RuntimeError("the caller fails after drawing a number")
    assert next_in_sequence(scope="doc:9", year=2026) == 2


@pytest.mark.django_db
def test_empty_scope_is_refused():
    with pytest.raises(ApplicationError) as error:
        next_in_sequence(scope="", year=2026)
    assert error.value.code == "sequence.scope"


@pytest.mark.django_db(transaction=True)
def test_concurrent_callers_on_a_new_scope_get_distinct_numbers():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers with BEGIN IMMEDIATE; the race needs PostgreSQL")
    results: list[int] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(6)

    def draw() -> None:
        try:
            barrier.wait()
            with transaction.atomic():
                results.append(next_in_sequence(scope="race", year=2026))
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=draw) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == [1, 2, 3, 4, 5, 6]
