"""PostgreSQL search of published decisions with `pg_trgm` (DESIGN.md decision 13).

A GIN `gin_trgm_ops` index on `public_title || ' ' || public_text` (partial: published rows
only) serves `LIKE '%term%'` for terms of 3+ characters; shorter terms are a scan of the
published rows. The performance notes record a psycopg 3 trap: after five runs a prepared
`LIKE %s` statement switched to a generic plan and a 2-character pattern took 1.4 s instead of
0.35 ms. Django's default psycopg cursors bind parameters client-side and prepare nothing, and
the query runs with `plan_cache_mode = force_custom_plan` as well, so a generic plan is never
chosen even when server-side binding is configured.
"""

from __future__ import annotations

from typing import Any

from sanxiang.publicity.search.fts import Cursor, Filters, split_terms

DOCUMENT = "(p.public_title || ' ' || p.public_text)"


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def pg_search(
    cur: Cursor, *, query: str, filters: Filters, limit: int, offset: int
) -> tuple[int, list[int]]:
    clauses = ["p.status = 'published'"]
    params: list[Any] = []
    for term in split_terms(query):
        clauses.append(f"{DOCUMENT} LIKE %s")
        params.append(_like(term))
    more, more_params = filters.where("p")
    clauses.extend(clause.replace("?", "%s") for clause in more)
    params.extend(more_params)
    where = " AND ".join(clauses)
    cur.execute("SET LOCAL plan_cache_mode = force_custom_plan")
    cur.execute(f"SELECT count(*) FROM publicity_publication p WHERE {where}", params)  # noqa: S608 (identifiers are module constants; values are bound)
    total = int(cur.fetchone()[0])
    if total == 0 or offset >= total:
        return total, []
    cur.execute(
        f"SELECT p.id FROM publicity_publication p WHERE {where} ORDER BY p.id DESC "  # noqa: S608 (identifiers are module constants; values are bound)
        "LIMIT %s OFFSET %s",
        [*params, limit, offset],
    )
    return total, [int(row[0]) for row in cur.fetchall()]
