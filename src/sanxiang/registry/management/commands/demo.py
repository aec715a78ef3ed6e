"""`sanxiang demo`: load the demo data set of the Tianjin pilot and list the demo accounts."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from sanxiang.registry.demo import DEMO_PASSWORD, accounts_table, load_demo


class Command(BaseCommand):
    help = (
        "Load (or update) the demo data set of the Tianjin pilot: regions, agencies, officers "
        "and certificates, recording devices, laws and provisions, power items, discretion "
        "standards, the major-decision catalogue and one demo account per role; then print the "
        "demo accounts. Running it again changes nothing, except that the demo accounts are "
        f"reset to their definition: their password is set back to {DEMO_PASSWORD}. Other "
        "accounts are never touched. For demonstrations only, never in production."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--accounts",
            action="store_true",
            help="Only print the demo accounts (username, role, agency, password); load nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["accounts"]:
            verbose = options["verbosity"] > 1
            summary = load_demo(stdout=self.stdout if verbose else None)
            if options["verbosity"] > 0:
                self.stdout.write(self.style.SUCCESS(summary.describe()))
        self.stdout.write(accounts_table())
