"""Parallel appenders, run in-process (PostgreSQL) or as `python -m` on a SQLite file.

The pytest SQLite database lives in memory with a shared cache, where SQLite answers
concurrent writers with "database table is locked" instead of waiting; the embedded profile
uses a file in WAL mode with `BEGIN IMMEDIATE`, so `main()` runs the same race there:
`python -m sanxiang.ledger.tests.race <folder>` migrates a fresh database in the folder,
races, checks, and exits non-zero on any problem.
"""

from __future__ import annotations

import io
import os
import sys
import threading
from pathlib import Path

THREADS = 6
PER_THREAD = 15
EXPECTED = THREADS * (PER_THREAD - PER_THREAD // 5)


def race() -> list[BaseException]:
    """THREADS threads, each with its own connection, append in their own transactions."""
    from django.db import connection, transaction

    from sanxiang.ledger import services

    errors: list[BaseException] = []
    barrier = threading.Barrier(THREADS)

    def work(worker: int) -> None:
        try:
            barrier.wait()
            for n in range(PER_THREAD):
                if n % 5 == 4:  # a caller that fails after appending gives its index back
                    try:
                        with transaction.atomic():
                            services.ledger_append(
                                kind="test.race", ref=f"{worker}-x{n}", payload={}
                            )
                            raise RuntimeError("rolled back")
                    except RuntimeError:
                        pass
                    continue
                with transaction.atomic():
                    services.ledger_append(
                        kind="test.race", ref=f"{worker}-{n}", payload={"worker": worker, "n": n}
                    )
        except BaseException as error:  # noqa: BLE001 - returned to the caller
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(w,)) for w in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def problems() -> list[str]:
    """What is wrong with the log after `race()`: gaps, duplicates, order, head, tree."""
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from sanxiang.ledger import services
    from sanxiang.ledger.canonical import parse_entry
    from sanxiang.ledger.models import LedgerEntry, LedgerHead
    from sanxiang.ledger.selectors import log_size

    found: list[str] = []
    rows = list(LedgerEntry.objects.order_by("index").values_list("index", "ref", "entry"))
    if [index for index, _, _ in rows] != list(range(EXPECTED)):
        found.append(f"indexes are not 0..{EXPECTED - 1}: {[i for i, _, _ in rows]}")
    refs = [ref for _, ref, _ in rows]
    if len(set(refs)) != EXPECTED or any("x" in ref for ref in refs):
        found.append(f"duplicate or rolled-back entries: {refs}")
    if any(parse_entry(bytes(entry))["index"] != index for index, _, entry in rows):
        found.append("an entry's bytes carry another index")
    if log_size() != EXPECTED or LedgerHead.objects.count() > 1:
        found.append("the log size or the head row is wrong")
    for worker in range(THREADS):
        mine = [int(ref.split("-")[1]) for ref in refs if ref.startswith(f"{worker}-")]
        if mine != sorted(mine):
            found.append(f"worker {worker}'s entries are out of order: {mine}")
    services.checkpoint_sign()
    out = io.StringIO()
    try:
        call_command("ledger", "verify", stdout=out)
    except CommandError as error:
        found.append(f"verify: {error}\n{out.getvalue()}")
    return found


def main(folder: str) -> int:
    path = Path(folder)
    os.environ["DATABASE_URL"] = f"sqlite:///{path / 'race.sqlite3'}"
    os.environ["SANXIANG_VAR_DIR"] = str(path)
    os.environ["SANXIANG_LEDGER_KEY_FILE"] = str(path / "ledger" / "checkpoint.key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanxiang.config.settings")
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0)
    mode = connection.settings_dict["OPTIONS"].get("transaction_mode")
    errors = race()
    found = [repr(error) for error in errors] + problems()
    for problem in found:
        print(problem)
    print(f"{connection.vendor} {mode}: {EXPECTED} entries, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
