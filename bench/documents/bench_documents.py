"""Benchmark of the documents app: one decision PDF and a 20-document case file.

Usage (one phase per process, so that /usr/bin/time -v reports that phase's peak memory):

    /usr/bin/time -v .venv/bin/python bench/documents/bench_documents.py decision --runs 5
    /usr/bin/time -v .venv/bin/python bench/documents/bench_documents.py casefile --runs 3
    /usr/bin/time -v .venv/bin/python bench/documents/bench_documents.py weasyprint --runs 5

`decision`: issue a 行政处罚决定书 through `document_issue` (build from the case, checks,
number, HTML → PDF, PAdES signature, DOCX, private storage, ledger) — and, as the peer, render
the same HTML with plain WeasyPrint (`HTML(string=...).write_pdf()`), in the same process.
`casefile`: issue 20 documents of one case (立案审批表, 15 询问笔录, 告知书, 决定书, 送达回证,
结案审批表) and bind the case file (cover, contents, bookmarks, signature). `weasyprint`: only
the plain WeasyPrint render of a decision's HTML (the peer's own peak memory).

Everything runs in a temporary folder (SQLite database, private files, keys); the clock is
frozen on the test journeys' dates (time-machine) so the case services accept them.
"""

from __future__ import annotations

import argparse
import datetime
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))


def setup(work: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'db.sqlite3'}"
    os.environ["SANXIANG_PRIVATE_ROOT"] = str(work / "private")
    os.environ["SANXIANG_VAR_DIR"] = str(work / "var")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanxiang.config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SANXIANG_LEDGER_KEY_FILE = work / "ledger" / "checkpoint.key"
    call_command("migrate", verbosity=0)


def case_with_documents(records: int, traveller: Any) -> tuple[Any, Any]:
    """A closed case with `records` inquiry records (the helpers of the test suite)."""
    from sanxiang.cases import services as svc
    from sanxiang.cases.choices import DeliveryMethod, PaymentChannel, RecordKind
    from sanxiang.cases.tests import factories as f
    from sanxiang.documents.tests.helpers import DECIDED_ON, DELIVERED_ON, configure_agency

    world = f.make_world()
    configure_agency(world.agency)
    case = f.filed_case(world)
    svc.party_add(case=case, data=f.person(), actor=world.handler)
    for i in range(records):
        svc.record_add(
            case=case,
            kind=RecordKind.INQUIRY,
            started_at=f.at(f.BASE_DAY, 8 + i % 10),
            place="和平区市场监管所",
            subject_name=f"证人{i + 1}",
            content="问：你是否知道当事人销售过期食品？\n答：知道，我在该超市购买过。\n" * 6,
            officers=[world.officer_a, world.officer_b],
            actor=world.handler,
        )
    case = svc.case_transition(case=case, transition="end_investigation", actor=world.handler)
    svc.notice_draft(
        case=case,
        penalty_types=("fine",),
        fine_fen=300_000,
        content="拟处罚款。",
        opinion="建议告知",
        actor=world.handler,
    )
    f.approve_pending(world, case)
    svc.notice_serve(case=case, served_on=f.BASE_DAY, actor=world.handler)
    traveller.move_to(f.at(DECIDED_ON))
    svc.statement_waive(case=case, waived_on=DECIDED_ON, note="书面放弃", actor=world.handler)
    case = f.decide(world, case)
    traveller.move_to(f.at(DELIVERED_ON))
    svc.delivery_record(
        case=case,
        method=DeliveryMethod.DIRECT,
        recipient="张三",
        delivered_on=DELIVERED_ON,
        proof="签收",
        actor=world.handler,
    )
    svc.payment_record(
        case=case,
        amount_fen=300_000,
        paid_on=DELIVERED_ON,
        channel=PaymentChannel.BANK,
        reference="回单1",
        actor=world.handler,
    )
    svc.case_close(case=case, summary="罚款已缴清", actor=world.handler)
    f.approve_pending(world, case)
    case.refresh_from_db()
    return world, case


def timed(label: str, runs: list[float]) -> str:
    return (
        f"{label}: median {statistics.median(runs) * 1000:.0f} ms "
        f"(min {min(runs) * 1000:.0f}, max {max(runs) * 1000:.0f}, n={len(runs)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("phase", choices=["decision", "casefile", "weasyprint"])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import time_machine

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        setup(work)
        from django.conf import settings

        settings.SANXIANG_DOCUMENTS_KEY_DIR = work / "keys"
        from django.db import transaction

        from sanxiang.cases.tests.factories import at
        from sanxiang.documents import services
        from sanxiang.documents.rendering.pdf import html_to_pdf

        travel = time_machine.travel(at(datetime.date(2025, 3, 3)), tick=True)
        traveller = travel.start()
        records = 15 if args.phase == "casefile" else 1
        world, case = case_with_documents(records, traveller)
        html = services.document_render(
            case=case,
            kind=__import__("sanxiang.documents.kinds", fromlist=["KINDS"]).KINDS["decision"],
            source="",
        )[1]
        html_to_pdf(html)  # warm-up: fonts loaded, WeasyPrint imported
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if args.phase == "weasyprint":
            runs = []
            for _ in range(args.runs):
                start = time.perf_counter()
                html_to_pdf(html)
                runs.append(time.perf_counter() - start)
            print(timed("plain WeasyPrint, decision HTML → PDF", runs))
        elif args.phase == "decision":
            issue_runs, plain_runs = [], []
            for _ in range(args.runs):
                start = time.perf_counter()
                html_to_pdf(html)
                plain_runs.append(time.perf_counter() - start)
                with transaction.atomic():  # rolled back: the next run issues again
                    start = time.perf_counter()
                    services.document_issue(
                        case=case, kind_code="decision", source="", actor=world.handler
                    )
                    issue_runs.append(time.perf_counter() - start)
                    transaction.set_rollback(True)
            print(
                timed(
                    "document_issue(decision): build+check+number+PDF+sign+DOCX+store+ledger",
                    issue_runs,
                )
            )
            print(timed("peer: plain WeasyPrint on the same HTML", plain_runs))
            ratio = statistics.median(issue_runs) / statistics.median(plain_runs)
            print(f"ratio issue / plain WeasyPrint: {ratio:.2f}")
        else:
            from sanxiang.documents.selectors import case_documents

            start = time.perf_counter()
            _case, slots = case_documents(user=world.handler, case_id=case.pk)
            issued = 0
            for slot in slots:
                if slot.kind.in_case_file:
                    services.document_issue(
                        case=case,
                        kind_code=slot.kind.code,
                        source=slot.source.ref,
                        actor=world.handler,
                    )
                    issued += 1
            issue_all = time.perf_counter() - start
            each = issue_all / issued * 1000
            print(f"issued {issued} documents in {issue_all:.2f} s ({each:.0f} ms each)")
            runs, pages = [], 0
            for _ in range(args.runs):
                start = time.perf_counter()
                case_file = services.case_file_build(case=case, actor=world.handler)
                runs.append(time.perf_counter() - start)
                pages = case_file.pages
            print(timed(f"case_file_build ({issued} documents, {pages} pages)", runs))
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"peak RSS after set-up {rss_before / 1024:.0f} MiB, end {rss_after / 1024:.0f} MiB")
        travel.stop()


if __name__ == "__main__":
    main()
