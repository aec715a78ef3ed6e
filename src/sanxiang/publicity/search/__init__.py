"""Full-text search of published decisions behind one interface (DESIGN.md decision 13).

SQLite (the embedded default): FTS5 trigram plus a bigram index for 2-character terms
(`search.fts`). PostgreSQL: `pg_trgm` GIN index over the public title and text (`search.pg`).
Callers use `index_add` / `index_remove` when a text becomes public or stops being public, and
`search_published` to query; both see only rows whose status is `published`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from sanxiang.publicity.models import Publication, PublicationStatus
from sanxiang.publicity.search import fts, pg
from sanxiang.publicity.search.fts import Filters

__all__ = ["Filters", "SearchPage", "index_add", "index_remove", "search_published"]

PAGE_SIZE = 20
MAX_PAGE = 500  # deep pages cost O(offset); 10,000 results are more than a reader pages through


@dataclass(frozen=True)
class SearchPage:
    total: int
    page: int
    page_size: int
    items: list[Publication]

    @property
    def pages(self) -> int:
        return max(1, min(MAX_PAGE, -(-self.total // self.page_size)))


@contextmanager
def _sqlite_cursor() -> Iterator[Any]:
    """The SQLite connection's own DB-API cursor, in Django's transaction.

    `search.fts` writes DB-API (qmark) SQL so that the benchmark runs the very same statements
    on a plain `sqlite3` connection; Django's cursor wrapper expects `%s` and, with DEBUG on,
    fails to log qmark statements, so they go to the connection underneath.
    """
    connection.ensure_connection()
    cur = connection.connection.cursor()
    try:
        yield cur
    finally:
        cur.close()


def index_add(publication: Publication) -> None:
    """Make a just-published row findable (in the caller's transaction)."""
    if connection.vendor == "sqlite":
        with _sqlite_cursor() as cur:
            fts.fts_add(
                cur,
                rowid=publication.pk,
                title=publication.public_title,
                text=publication.public_text,
            )


def index_remove(publication: Publication, *, title: str, text: str) -> None:
    """Forget a row that stops being public; `title`/`text` are the values it was indexed with."""
    if connection.vendor == "sqlite":
        with _sqlite_cursor() as cur:
            fts.fts_remove(cur, rowid=publication.pk, title=title, text=text)


def search_published(
    *, query: str, filters: Filters, page: int = 1, page_size: int = PAGE_SIZE
) -> SearchPage:
    """One page of published decisions matching `query` and `filters`, newest first."""
    page = max(1, min(page, MAX_PAGE))
    offset = (page - 1) * page_size
    # One transaction: PostgreSQL's `SET LOCAL` (see search.pg) lasts until its end.
    with transaction.atomic():
        if connection.vendor == "sqlite":
            with _sqlite_cursor() as cur:
                total, ids = fts.fts_search(
                    cur, query=query, filters=filters, limit=page_size, offset=offset
                )
        else:
            with connection.cursor() as cur:
                total, ids = pg.pg_search(
                    cur, query=query, filters=filters, limit=page_size, offset=offset
                )
    rows = Publication.objects.filter(pk__in=ids, status=PublicationStatus.PUBLISHED)
    by_id = {row.pk: row for row in rows.select_related("agency")}
    return SearchPage(total, page, page_size, [by_id[i] for i in ids if i in by_id])
