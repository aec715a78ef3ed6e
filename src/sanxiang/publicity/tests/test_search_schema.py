"""The search indexes the migration creates are the ones `publicity.search.fts` queries.

Migration 0002 holds its SQL verbatim (a migration must not import code that may change); if
the code's tables change, this test asks for a new migration instead of a silent mismatch.
"""

from __future__ import annotations

import importlib

import pytest
from django.db import connection

from sanxiang.publicity.search import fts

pytestmark = pytest.mark.django_db

migration = importlib.import_module("sanxiang.publicity.migrations.0002_search_indexes")


def test_migration_creates_the_tables_the_search_code_queries() -> None:
    assert migration.SQLITE_CREATE == fts.CREATE_SQL
    assert migration.SQLITE_DROP == fts.DROP_SQL
    assert not hasattr(migration, "fts")  # self-contained: no app code imported


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 tables exist on SQLite only")
def test_the_fts5_tables_exist_after_migrating() -> None:
    with connection.cursor() as cur:
        cur.execute(
            "SELECT name FROM sqlite_master WHERE name IN (?, ?)", (fts.TRIGRAM, fts.BIGRAM)
        )
        assert {row[0] for row in cur.fetchall()} == {fts.TRIGRAM, fts.BIGRAM}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm index on PostgreSQL only")
def test_the_trigram_index_exists_after_migrating() -> None:
    with connection.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'publicity_publication_trgm'")
        assert cur.fetchone() is not None
