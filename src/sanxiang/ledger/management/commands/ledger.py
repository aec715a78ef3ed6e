"""`sanxiang ledger keygen | key | checkpoint | verify`: run the tamper-evident ledger."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sanxiang.core.errors import ApplicationError
from sanxiang.ledger import keys, services
from sanxiang.ledger.verification import ledger_verify

MAX_PRINTED = 500


class Command(BaseCommand):
    help = (
        "The tamper-evident ledger. keygen: create the checkpoint signing key "
        "(SANXIANG_LEDGER_KEY_FILE, mode 0600) if missing and print its verifier key. "
        "key: print the verifier key. checkpoint: sign a checkpoint of the log now. "
        "verify: recompute every entry from the database, rebuild the tree, check every stored "
        "hash, checkpoint signature and consistency and every registered file; print each "
        "mismatch and exit non-zero if there is any."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["keygen", "key", "checkpoint", "verify"])

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")()
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc

    def _keygen(self) -> None:
        verifier, created = services.signing_key_create()
        status = "created" if created else "already present"
        self.stdout.write(f"Signing key {status} in {keys.key_file()}")
        self.stdout.write(verifier)

    def _key(self) -> None:
        self.stdout.write(keys.verifier_get().text())

    def _checkpoint(self) -> None:
        checkpoint = services.checkpoint_sign()
        self.stdout.write(checkpoint.note, ending="")

    def _verify(self) -> None:
        report = ledger_verify()
        for mismatch in report.mismatches[:MAX_PRINTED]:
            self.stdout.write(f"MISMATCH {mismatch}")
        if len(report.mismatches) > MAX_PRINTED:
            self.stdout.write(f"… and {len(report.mismatches) - MAX_PRINTED} more")
        summary = (
            f"{report.entries} entries, {report.records} source records, {report.nodes} "
            f"stored subtree hashes, {report.checkpoints} checkpoints, {report.files} files"
        )
        if not report.ok:
            count = len(report.mismatches)
            raise CommandError(f"{count} mismatch{'es' if count > 1 else ''} in {summary}")
        self.stdout.write(self.style.SUCCESS(f"Ledger verified: {summary}, no mismatch."))
