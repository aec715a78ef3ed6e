"""Ledger benchmark at a million leaves, side by side with pymerkle, in one run.

    .venv/bin/python bench/ledger/bench_ledger.py [--leaves 1000000] [--sample 2000]
        [--proofs 1000] [--database-url postgres://…] [--skip-verify]

What it measures (see bench/README.md for the figures and how to read them):

1. SHA-256 bound of this machine: `sha256(0x01 || l || r)` on 65-byte inputs, per second.
2. The same leaves built by both: the ledger's in-memory path (canonical entry, leaf hash,
   frontier and completed subtrees: what `ledger_append` computes under the lock) and
   pymerkle `InmemoryTree.append_entry`; the roots must be equal.
3. Setup only: the ledger's tables bulk-loaded with those leaves (`executemany`), pymerkle's
   `SqliteTree.append_entries` likewise; then a checkpoint signed by the real service.
4. The real storage path at that size: `ledger_append` with a commit each (what a request
   does) and many in one transaction, against pymerkle `SqliteTree.append_entry`.
5. Proofs at that size, generated from storage and verified (RFC 9162 §2.1.3.2, §2.1.4.2):
   the ledger's selectors against pymerkle in memory and pymerkle on SQLite.
6. `sanxiang ledger verify` over the whole log (all entries, nodes, checkpoints).

A temporary folder holds the databases and the signing key; nothing else is touched.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CHUNK = 50_000


def payload(i: int) -> dict[str, Any]:
    """About 150 bytes of case event (250 with the envelope), like `cases.events` will log."""
    return {
        "action": "cases.filed",
        "actor": "执法员" + str(i % 97),
        "case": 100_000 + i // 12,
        "data": {"changes": {"status": ["lead", "filed"]}},
        "occurred_at": f"2026-03-{1 + i % 28:02d}T08:{i % 60:02d}:00+08:00",
    }


def setup_django(folder: Path, database_url: str | None) -> None:
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{folder / 'ledger.sqlite3'}"
    os.environ["SANXIANG_VAR_DIR"] = str(folder)
    os.environ["SANXIANG_LEDGER_KEY_FILE"] = str(folder / "checkpoint.key")
    os.environ["SANXIANG_LEDGER_ORIGIN"] = "bench.sanxiang.local/ledger"
    # Keep checkpoint signing out of the append measurements; it is timed on its own.
    os.environ["SANXIANG_LEDGER_CHECKPOINT_SECONDS"] = "86400"
    os.environ["DJANGO_SETTINGS_MODULE"] = "sanxiang.config.settings"
    # Production settings: DEBUG would log every query and slow each one down.
    os.environ["SANXIANG_DEBUG"] = "0"
    os.environ.setdefault("SANXIANG_SECRET_KEY", "bench-" + "x" * 50)
    sys.path.insert(0, str(ROOT / "src"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from django.db import connection

    with connection.cursor() as cursor:  # a given database may hold an earlier run
        for table in ("checkpoint", "ledgerentry", "ledgernode", "ledgerhead"):
            cursor.execute(f"DELETE FROM ledger_{table}")  # noqa: S608 - fixed table names


def sha256_bound(count: int = 2_000_000) -> float:
    left, right = hashlib.sha256(b"l").digest(), hashlib.sha256(b"r").digest()
    sha = hashlib.sha256
    start = time.perf_counter()
    for _ in range(count):
        left = sha(b"\x01" + left + right).digest()
    return count / (time.perf_counter() - start)


def build_and_load(leaves: int) -> dict[str, float]:
    """Build the ledger's leaves in memory (timed) and bulk-load them (setup, timed apart)."""
    from django.db import connection, transaction
    from django.utils import timezone

    from sanxiang.ledger import merkle
    from sanxiang.ledger.canonical import canonical_payload, entry_bytes
    from sanxiang.ledger.models import LedgerHead

    q = connection.ops.quote_name
    columns = f"{q('index')}, kind, ref, entry, leaf_hash, created_at"
    insert_entry = f"INSERT INTO ledger_ledgerentry ({columns}) VALUES (%s, %s, %s, %s, %s, %s)"  # noqa: S608 - fixed names
    insert_node = f"INSERT INTO ledger_ledgernode (level, {q('index')}, hash) VALUES (%s, %s, %s)"  # noqa: S608 - fixed names
    base = timezone.now()
    frontier: list[bytes] = []
    canon = tree = load = 0.0
    for start in range(0, leaves, CHUNK):
        t0 = time.perf_counter()
        chunk = []
        for i in range(start, min(start + CHUNK, leaves)):
            logged_at = base + datetime.timedelta(microseconds=i)
            entry = entry_bytes(
                index=i,
                kind="cases.event",
                ref=str(i),
                logged_at=logged_at,
                payload_json=canonical_payload(payload(i)),
            )
            chunk.append((i, entry, logged_at))
        tc = time.perf_counter()
        rows, nodes = [], []
        for i, entry, logged_at in chunk:
            leaf = merkle.leaf_hash(entry)
            frontier, completed = merkle.frontier_append(i, frontier, leaf)
            rows.append((i, "cases.event", str(i), entry, leaf, logged_at))
            nodes.extend(completed)
        t1 = time.perf_counter()
        canon += tc - t0
        tree += t1 - tc
        adapt = connection.ops.adapt_datetimefield_value
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(insert_entry, [(*r[:5], adapt(r[5])) for r in rows])
            cursor.executemany(insert_node, nodes)
        load += time.perf_counter() - t1
        ENTRIES.extend(r[3] for r in rows)
    LedgerHead.objects.get_or_create(id=1)
    with connection.cursor() as cursor:  # statistics, as autovacuum would gather them by now
        cursor.execute("ANALYZE")
    return {
        "canonical_per_s": leaves / canon,
        "tree_per_s": leaves / tree,
        "load_per_s": leaves / load,
    }


ENTRIES: list[bytes] = []


def real_appends(sample: int) -> dict[str, float]:
    from django.db import transaction

    from sanxiang.ledger.services import ledger_append

    start = time.perf_counter()
    for i in range(sample):
        ledger_append(kind="bench.sample", ref=f"c{i}", payload=payload(i))
    each = sample / (time.perf_counter() - start)
    start = time.perf_counter()
    with transaction.atomic():
        for i in range(sample):
            ledger_append(kind="bench.sample", ref=f"t{i}", payload=payload(i))
    batch = sample / (time.perf_counter() - start)
    return {"commit_each_per_s": each, "one_transaction_per_s": batch}


def ledger_proofs(count: int, rng: random.Random) -> dict[str, float]:
    """Median time of a proof generated from the stored hashes and verified.

    "core": the stored hashes a proof needs (one query), folded into the RFC 9162 array and
    verified. "selector": what the API does before JSON: look the entry and the checkpoint
    up as well (the consistency selector also computes the older root from storage).
    """
    from sanxiang.ledger import merkle, selectors

    latest = selectors.checkpoint_latest()
    assert latest is not None
    size, root = latest.size, bytes(latest.root)
    times: dict[str, list[float]] = {k: [] for k in ("inc", "inc_sel", "con", "con_sel")}
    lengths = []
    for _ in range(count):
        index = rng.randrange(size)
        t0 = time.perf_counter()
        path = merkle.inclusion_proof(index, size, selectors.stored_hashes)
        leaf = selectors.stored_hashes([(0, index)])[(0, index)]
        assert merkle.verify_inclusion(leaf, index, size, path, root), index
        t1 = time.perf_counter()
        entry = selectors.entry_get(index=index)
        proof = selectors.inclusion_proof_get(entry=entry)
        leaf = merkle.leaf_hash(bytes(entry.entry))
        assert merkle.verify_inclusion(leaf, index, size, proof.path, root), index
        t2 = time.perf_counter()
        times["inc"].append(t1 - t0)
        times["inc_sel"].append(t2 - t1)
        lengths.append(len(path))
    for _ in range(count):
        first = rng.randrange(1, size)
        t0 = time.perf_counter()
        path = merkle.consistency_proof(first, size, selectors.stored_hashes)
        first_root = merkle.root_hash(first, selectors.stored_hashes)
        assert merkle.verify_consistency(first, size, first_root, root, path), first
        t1 = time.perf_counter()
        cproof = selectors.consistency_proof_get(first=first)
        assert merkle.verify_consistency(first, size, cproof.first_root, root, cproof.path)
        t2 = time.perf_counter()
        times["con"].append(t1 - t0)
        times["con_sel"].append(t2 - t1)
    result = {f"{k}_us": statistics.median(v) * 1e6 for k, v in times.items()}
    result["path_len"] = statistics.median(lengths)
    return result


def pymerkle_memory(count: int, rng: random.Random) -> dict[str, Any]:
    from pymerkle import InmemoryTree, verify_consistency, verify_inclusion

    tree = InmemoryTree(algorithm="sha256")
    start = time.perf_counter()
    for entry in ENTRIES:
        tree.append_entry(entry)
    append = len(ENTRIES) / (time.perf_counter() - start)
    size = tree.get_size()
    root = tree.get_root()
    inclusion, consistency = [], []
    for _ in range(count):
        index = rng.randrange(1, size + 1)  # pymerkle counts from 1
        t0 = time.perf_counter()
        proof = tree.prove_inclusion(index, size)
        verify_inclusion(tree.get_leaf(index), root, proof)
        inclusion.append(time.perf_counter() - t0)
    for _ in range(count):
        first = rng.randrange(1, size)
        t0 = time.perf_counter()
        proof = tree.prove_consistency(first, size)
        verify_consistency(tree.get_root(first), root, proof)
        consistency.append(time.perf_counter() - t0)
    return {
        "append_per_s": append,
        "root": root,
        "inclusion_us": statistics.median(inclusion) * 1e6,
        "consistency_us": statistics.median(consistency) * 1e6,
    }


def pymerkle_sqlite(folder: Path, sample: int, count: int, rng: random.Random) -> dict[str, float]:
    from pymerkle import SqliteTree, verify_consistency, verify_inclusion

    tree = SqliteTree(str(folder / "pymerkle.sqlite3"), algorithm="sha256")
    start = time.perf_counter()
    tree.append_entries(ENTRIES)
    bulk = len(ENTRIES) / (time.perf_counter() - start)
    start = time.perf_counter()
    for i in range(sample):
        tree.append_entry(b"sample %d" % i)
    each = sample / (time.perf_counter() - start)
    size = tree.get_size()
    root = tree.get_root()
    inclusion, consistency = [], []
    for _ in range(count):
        index = rng.randrange(1, size + 1)
        t0 = time.perf_counter()
        proof = tree.prove_inclusion(index, size)
        verify_inclusion(tree.get_leaf(index), root, proof)
        inclusion.append(time.perf_counter() - t0)
    for _ in range(count):
        first = rng.randrange(1, size)
        t0 = time.perf_counter()
        proof = tree.prove_consistency(first, size)
        verify_consistency(tree.get_root(first), root, proof)
        consistency.append(time.perf_counter() - t0)
    tree.close()
    return {
        "bulk_per_s": bulk,
        "commit_each_per_s": each,
        "inclusion_us": statistics.median(inclusion) * 1e6,
        "consistency_us": statistics.median(consistency) * 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--leaves", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=2000, help="real appends per mode")
    parser.add_argument("--proofs", type=int, default=1000, help="proofs of each kind")
    parser.add_argument(
        "--pymerkle-sqlite-proofs", type=int, default=None, help="default: --proofs"
    )
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    parser.add_argument("--skip-verify", action="store_true")
    args = parser.parse_args()
    rng = random.Random(9162)  # noqa: S311 - picks proof positions, not secrets
    results: dict[str, Any] = {}
    clock = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ledger-bench-") as tmp:
        folder = Path(tmp)
        setup_django(folder, args.database_url)
        from django.db import connection

        from sanxiang.ledger import services

        results["db"] = connection.vendor
        results["sha256_per_s"] = sha256_bound()
        print(f"sha256 65-byte: {results['sha256_per_s']:,.0f}/s", flush=True)
        results["ledger_build"] = build_and_load(args.leaves)
        print("ledger build/load:", results["ledger_build"], flush=True)
        t0 = time.perf_counter()
        checkpoint = services.checkpoint_sign()
        results["checkpoint_sign_ms"] = (time.perf_counter() - t0) * 1e3
        results["pymerkle_memory"] = pymerkle_memory(args.proofs, rng)
        assert results["pymerkle_memory"]["root"] == bytes(checkpoint.root), "roots differ"
        print("pymerkle in memory:", results["pymerkle_memory"], flush=True)
        results["ledger_append"] = real_appends(args.sample)
        print("ledger_append:", results["ledger_append"], flush=True)
        services.checkpoint_sign()
        results["ledger_proofs"] = ledger_proofs(args.proofs, rng)
        print("ledger proofs:", results["ledger_proofs"], flush=True)
        results["pymerkle_sqlite"] = pymerkle_sqlite(
            folder, args.sample, args.pymerkle_sqlite_proofs or args.proofs, rng
        )
        print("pymerkle sqlite:", results["pymerkle_sqlite"], flush=True)
        if not args.skip_verify:
            from sanxiang.ledger.verification import ledger_verify

            t0 = time.perf_counter()
            report = ledger_verify()
            results["verify_s"] = time.perf_counter() - t0
            assert report.ok, report.mismatches[:5]
            print(f"verify: {results['verify_s']:.1f} s", flush=True)
    results["total_s"] = time.perf_counter() - clock
    print_table(args, results)


def print_table(args: argparse.Namespace, r: dict[str, Any]) -> None:
    n = f"{args.leaves:,}"
    lb, la, lp = r["ledger_build"], r["ledger_append"], r["ledger_proofs"]
    pm, ps = r["pymerkle_memory"], r["pymerkle_sqlite"]
    rows = [
        ("SHA-256 bound, 65-byte node hashes", f"{r['sha256_per_s']:,.0f}/s", "", ""),
        (
            f"canonical entries (RFC 8785) for {n} leaves, in memory",
            f"{lb['canonical_per_s']:,.0f}/s",
            "(pymerkle takes bytes)",
            "",
        ),
        (
            f"tree of {n} leaves in memory (leaf hash + completed subtrees)",
            f"{lb['tree_per_s']:,.0f}/s",
            f"{pm['append_per_s']:,.0f}/s (InmemoryTree.append_entry)",
            f"{lb['tree_per_s'] / pm['append_per_s']:.1f}×",
        ),
        (
            f"bulk load {n} leaves (setup only)",
            f"{lb['load_per_s']:,.0f}/s ({r['db']} executemany)",
            f"{ps['bulk_per_s']:,.0f}/s (SqliteTree.append_entries)",
            f"{lb['load_per_s'] / ps['bulk_per_s']:.2f}×",
        ),
        (
            f"real append at {n}, a commit each",
            f"{la['commit_each_per_s']:,.0f}/s (ledger_append, {r['db']})",
            f"{ps['commit_each_per_s']:,.0f}/s (SqliteTree.append_entry)",
            f"{la['commit_each_per_s'] / ps['commit_each_per_s']:.1f}×",
        ),
        (
            f"real append at {n}, {args.sample:,} in one transaction",
            f"{la['one_transaction_per_s']:,.0f}/s (ledger_append)",
            "",
            "",
        ),
        (
            f"inclusion proof at {n}: from storage + verify",
            f"{lp['inc_us']:,.0f} µs ({lp['path_len']:.0f} hashes); "
            f"{lp['inc_sel_us']:,.0f} µs via the selectors",
            f"{pm['inclusion_us']:,.0f} µs in memory / {ps['inclusion_us']:,.0f} µs SqliteTree",
            f"{pm['inclusion_us'] / lp['inc_us']:.2f}× / {ps['inclusion_us'] / lp['inc_us']:.1f}×",
        ),
        (
            f"consistency proof at {n}: from storage + verify",
            f"{lp['con_us']:,.0f} µs; {lp['con_sel_us']:,.0f} µs via the selectors",
            f"{pm['consistency_us']:,.0f} µs in memory / {ps['consistency_us']:,.0f} µs SqliteTree",
            f"{pm['consistency_us'] / lp['con_us']:.2f}× / "
            f"{ps['consistency_us'] / lp['con_us']:.1f}×",
        ),
        ("sign a checkpoint at this size", f"{r['checkpoint_sign_ms']:.1f} ms", "", ""),
    ]
    if "verify_s" in r:
        rows.append((f"`sanxiang ledger verify`, {n} entries", f"{r['verify_s']:.1f} s", "", ""))
    print()
    print("| measure | sanxiang ledger | pymerkle 7.0.0 | speed ratio ledger : pymerkle |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\nroots equal at {n} leaves: yes; whole run {r['total_s']:.0f} s")


if __name__ == "__main__":
    main()
