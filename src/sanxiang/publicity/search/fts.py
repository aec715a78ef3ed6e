"""SQLite full-text search of published decisions (DESIGN.md decision 13): plain DB-API code.

Two FTS5 indexes over the public (redacted) title and text of each *published* publication:

* `publicity_fts`: the `trigram` tokenizer, external content on `publicity_publication`
  (title and text are not stored twice). It answers every term of 3 or more characters.
* `publicity_fts2`: a contentless `unicode61` index of the text's overlapping character
  bigrams. The trigram tokenizer returns **zero rows, silently**, for a 2-character term
  (罚款, 警告, most Chinese words: see the project's performance notes), so 2-character terms
  are answered here instead; a 1-character term falls back to a `LIKE` scan of the published
  rows (slow at scale, but never silently empty).

Only published rows are indexed: the services add a row when it is published and remove it when
it is withdrawn, corrected or taken down, so a text search can never reach unpublished text.
Nothing here imports Django, so the benchmark in `bench/publicity/` runs the same SQL on a
plain `sqlite3` connection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

__all__ = [
    "CREATE_SQL",
    "DROP_SQL",
    "Filters",
    "bigrams",
    "fts_add",
    "fts_remove",
    "fts_search",
    "split_terms",
]

TABLE = "publicity_publication"
TRIGRAM = "publicity_fts"
BIGRAM = "publicity_fts2"

# `content="publicity_publication"` in double quotes: Datasette recognises the FTS table of a
# content table only when the statement is written this way.
CREATE_SQL: tuple[str, ...] = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TRIGRAM} USING fts5("
    f'public_title, public_text, content="{TABLE}", content_rowid="id", tokenize="trigram")',
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {BIGRAM} USING fts5("
    "grams, content='', tokenize='unicode61 remove_diacritics 0')",
)
DROP_SQL: tuple[str, ...] = (f"DROP TABLE IF EXISTS {TRIGRAM}", f"DROP TABLE IF EXISTS {BIGRAM}")

_WORD = re.compile(r"\w+")


class Cursor(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def fetchone(self) -> Any: ...


def bigrams(*texts: str) -> str:
    """The overlapping 2-character grams of every run of word characters, space-separated.

    `unicode61` then sees each gram as one token, so a phrase query of consecutive grams is a
    substring match: "罚款" is the token 罚款; "行政处罚" is the phrase 行政 政处 处罚.
    """
    grams: list[str] = []
    for text in texts:
        for run in _WORD.findall(text):
            grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(grams)


def split_terms(query: str) -> list[str]:
    """The search terms of a query: whitespace separates terms; quotes and FTS syntax are
    dropped (each term is searched as a literal substring, all terms must match)."""
    cleaned = re.sub(r'["*^:(){}\[\]]', " ", query)
    return [term for term in cleaned.split() if term][:8]


def _phrase(term: str) -> str:
    return '"' + term.replace('"', " ") + '"'


def fts_add(cur: Cursor, *, rowid: int, title: str, text: str) -> None:
    """Index one published row (its stored `public_title` / `public_text` must equal these)."""
    cur.execute(
        f"INSERT INTO {TRIGRAM}(rowid, public_title, public_text) VALUES (?, ?, ?)",  # noqa: S608 (identifiers are module constants; values are bound)
        (rowid, title, text),
    )
    cur.execute(f"INSERT INTO {BIGRAM}(rowid, grams) VALUES (?, ?)", (rowid, bigrams(title, text)))  # noqa: S608 (identifiers are module constants; values are bound)


def fts_remove(cur: Cursor, *, rowid: int, title: str, text: str) -> None:
    """Remove one row from both indexes; `title` and `text` are the values it was indexed with
    (FTS5 external-content and contentless tables need them to find the tokens)."""
    cur.execute(
        f"INSERT INTO {TRIGRAM}({TRIGRAM}, rowid, public_title, public_text) "  # noqa: S608 (identifiers are module constants; values are bound)
        "VALUES ('delete', ?, ?, ?)",
        (rowid, title, text),
    )
    cur.execute(
        f"INSERT INTO {BIGRAM}({BIGRAM}, rowid, grams) VALUES ('delete', ?, ?)",  # noqa: S608 (identifiers are module constants; values are bound)
        (rowid, bigrams(title, text)),
    )


@dataclass(frozen=True)
class Filters:
    """Structured filters of the portal search; None means "any"."""

    agency_id: int | None = None
    act_type: str | None = None
    date_from: str | None = None  # ISO dates: compared as text, as SQLite stores them
    date_to: str | None = None
    amount_min_fen: int | None = None
    amount_max_fen: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def where(self, alias: str) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        checks: Iterable[tuple[str, Any]] = (
            ("agency_id = ?", self.agency_id),
            ("act_type = ?", self.act_type),
            ("decided_on >= ?", self.date_from),
            ("decided_on <= ?", self.date_to),
            ("amount_fen >= ?", self.amount_min_fen),
            ("amount_fen <= ?", self.amount_max_fen),
        )
        for clause, value in checks:
            if value is not None and value != "":
                clauses.append(f"{alias}.{clause}")
                params.append(value)
        return clauses, params


def fts_search(
    cur: Cursor, *, query: str, filters: Filters, limit: int, offset: int
) -> tuple[int, list[int]]:
    """Total number of matching published rows and the ids of one page, newest first.

    Each term must occur as a substring of the public title or text: terms of 3+ characters
    through the trigram index, 2-character terms through the bigram index, 1-character terms
    by a `LIKE` scan. Unranked, ordered by id descending (publication order), so a page costs
    the same whatever the number of matches (ranking costs O(matches)).
    """
    terms = split_terms(query)
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) == 2]
    matches: list[tuple[str, str]] = []
    if long_terms:
        matches.append((TRIGRAM, " AND ".join(_phrase(t) for t in long_terms)))
    if short_terms:
        matches.append((BIGRAM, " AND ".join(_phrase(t) for t in short_terms)))
    single = [t for t in terms if len(t) == 1]
    more, more_params = filters.where("p")
    clauses: list[str] = []
    params: list[Any] = []
    if matches and not single and not more:
        # Text only: the indexes hold published rows only, so the content table is not read
        # at all (joining it costs a row lookup per match: seconds for a common term at 1M).
        driver, driver_query = matches[0]
        source, order, column = f"{driver} d", "d.rowid DESC", "d.rowid"
        clauses.append(f"{driver} MATCH ?")
        params.append(driver_query)
        # `+` keeps the other index a filter: as a rowid constraint SQLite would run one
        # full-text lookup of the driver per row of the subquery (14 s instead of 0.2 s).
        for index, index_query in matches[1:]:
            clauses.append(f"+d.rowid IN (SELECT rowid FROM {index} WHERE {index} MATCH ?)")  # noqa: S608 (identifiers are module constants; values are bound)
            params.append(index_query)
    else:
        clauses.append("p.status = 'published'")
        column = "p.id"
        if matches:
            # The first index drives the query in rowid order, so `LIMIT` stops early; any
            # other index only filters.
            driver, driver_query = matches[0]
            source, order = f"{driver} d JOIN {TABLE} p ON p.id = d.rowid", "d.rowid DESC"
            clauses.append(f"{driver} MATCH ?")
            params.append(driver_query)
            for index, index_query in matches[1:]:
                clauses.append(f"+p.id IN (SELECT rowid FROM {index} WHERE {index} MATCH ?)")  # noqa: S608 (identifiers are module constants; values are bound)
                params.append(index_query)
        else:
            source, order = f"{TABLE} p", "p.id DESC"
        for term in single:
            clauses.append(
                "(p.public_title LIKE ? ESCAPE '\\' OR p.public_text LIKE ? ESCAPE '\\')"
            )
            like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params.extend([like, like])
        clauses.extend(more)
        params.extend(more_params)
    where = " AND ".join(clauses)
    cur.execute(f"SELECT count(*) FROM {source} WHERE {where}", params)  # noqa: S608 (identifiers are module constants; values are bound)
    total = int(cur.fetchone()[0])
    if total == 0 or offset >= total:
        return total, []
    cur.execute(
        f"SELECT {column} FROM {source} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",  # noqa: S608 (identifiers are module constants; values are bound)
        [*params, limit, offset],
    )
    return total, [int(row[0]) for row in cur.fetchall()]
