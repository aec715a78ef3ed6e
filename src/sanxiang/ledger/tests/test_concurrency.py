"""Parallel transactions appending produce one log with no gaps or duplicates.

Six threads, each with its own database connection, append inside their own transactions,
some of which roll back (`race.py`). PostgreSQL serialises them on the head row (`SELECT …
FOR UPDATE`), SQLite on `BEGIN IMMEDIATE`, the transaction mode of the embedded profile; the
SQLite race runs on a database file in a child process, as production does (see `race.py`).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.db import connection

from sanxiang.ledger.tests import race


@pytest.mark.django_db(transaction=True)
def test_parallel_appends_make_one_gapless_log_on_this_database():
    if connection.vendor == "sqlite":
        pytest.skip("the in-memory test database cannot run writers in parallel; see the file test")
    assert race.race() == []
    assert race.problems() == []


def test_parallel_appends_make_one_gapless_log_on_a_sqlite_file(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("run by the SQLite pass of the suite")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", "sanxiang.ledger.tests.race", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"sqlite IMMEDIATE: {race.EXPECTED} entries, 0 problems" in result.stdout
