"""Query-time benchmark of the portal search on the benchmark DB, side by side with Datasette.

    python bench/publicity/query.py var/bench/publicity-1000000.sqlite3 [runs] [port] [only]

For each query: the app's own search (`sanxiang.publicity.search.fts.fts_search`: exact total
plus the ids of the first page of 20, newest first, then the 20 rows fetched) on a plain
`sqlite3` connection; and, when a Datasette server is running on the port, the same query as
`/<db>/publicity_publication.json?_search=<q>&_size=20` (its default: total count included)
and with `_nocount=1`. Run Datasette with `--setting sql_time_limit_ms 120000`: its default 1 s
limit answers 400 for the counts of common terms. Prints median and 95th percentile (nearest
rank) in ms, and totals.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sqlite3
import statistics
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

# The search module is plain DB-API code: load it by path, without Django (the package's
# __init__ imports the models).
_FTS = Path(__file__).resolve().parents[2] / "src/sanxiang/publicity/search/fts.py"
_spec = importlib.util.spec_from_file_location("publicity_fts", _FTS)
assert _spec and _spec.loader
fts = importlib.util.module_from_spec(_spec)
sys.modules["publicity_fts"] = fts
_spec.loader.exec_module(fts)
Filters = fts.Filters
fts_search = fts.fts_search

QUERIES: list[tuple[str, str, Filters]] = [
    ("common phrase, in ~70% of rows", "行政处罚决定书", Filters()),
    ("law name", "中华人民共和国食品安全法", Filters()),
    ("violation type", "超标排放大气污染物", Filters()),
    ("company name (rare)", "四川省兼中鑫源餐饮管理有限公司", Filters()),
    ("3 characters", "罚款人", Filters()),
    ("2 characters, common", "罚款", Filters()),
    ("2 characters, rarer", "警告", Filters()),
    ("2 + 3 characters", "警告 食品安全", Filters()),
    ("1 character (LIKE scan)", "罚", Filters()),
    (
        "term + agency + year",
        "罚款",
        Filters(agency_id=3, date_from="2024-01-01", date_to="2024-12-31"),
    ),
    ("no text, amount ≥ 1000 yuan", "", Filters(amount_min_fen=100_000)),
]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def app_query(db: sqlite3.Connection, q: str, filters: Filters) -> int:
    cur = db.cursor()
    total, ids = fts_search(cur, query=q, filters=filters, limit=20, offset=0)
    if ids:
        marks = ",".join("?" * len(ids))
        cur.execute(
            f"SELECT id, public_title, agency_name, decided_on, public_text FROM "  # noqa: S608 (identifiers are module constants; values are bound)
            f"publicity_publication WHERE id IN ({marks})",
            ids,
        )
        cur.fetchall()
    return total


def datasette_query(port: int, db_name: str, q: str, nocount: bool) -> int:
    params = {"_search": q, "_size": "20", "_shape": "objects"}
    if nocount:
        params.update({"_nocount": "1", "_nofacet": "1", "_nosuggest": "1"})
    url = f"http://127.0.0.1:{port}/{db_name}/publicity_publication.json?" + urllib.parse.urlencode(
        params
    )
    with urllib.request.urlopen(url, timeout=120) as response:
        body = json.load(response)
    return int(body.get("filtered_table_rows_count") or len(body.get("rows", [])))


def timed(fn, runs: int) -> tuple[list[float], object]:
    result = fn()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def main() -> None:
    path = Path(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    port = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    only = sys.argv[4] if len(sys.argv) > 4 else ""  # run only queries whose label has this
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = db.execute("SELECT max(id) FROM publicity_publication").fetchone()[0]
    print(f"{path.name}: {rows:,} published decisions, {runs} timed runs per query\n")
    header = "| query | q | app total | app median ms | app p95 ms |"
    if port:
        header += " datasette rows | datasette median ms | p95 ms | `_nocount` median ms |"
    print(header)
    print("|" + " --- |" * (header.count("|") - 1))
    for label, q, filters in QUERIES:
        if only and only not in label:
            continue
        times, total = timed(lambda q=q, f=filters: app_query(db, q, f), runs)
        line = (
            f"| {label} | `{q}` | {total:,} | {statistics.median(times):.1f} | {p95(times):.1f} |"
        )
        if port:
            if filters != Filters() or not q:
                line += " – | – | – | – |"
            else:
                ds_times, ds_total = timed(
                    lambda q=q: datasette_query(port, path.stem, q, False), runs
                )
                nc_times, _ = timed(lambda q=q: datasette_query(port, path.stem, q, True), runs)
                line += (
                    f" {ds_total:,} | {statistics.median(ds_times):.1f} | {p95(ds_times):.1f} |"
                    f" {statistics.median(nc_times):.1f} |"
                )
        print(line, flush=True)


if __name__ == "__main__":
    main()
