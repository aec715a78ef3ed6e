"""`sanxiang demo`: load the demo data set of every app that has one, and list the accounts.

An app takes part by having a `demo` package (`<app>.demo`) that exposes
`load_demo(*, stdout=None)`, returning a summary with `describe()`; an app whose demo has
accounts to show also exposes `print_accounts(stdout)`. The apps are loaded in the order of
INSTALLED_APPS (the registry's agencies and officers before the cases that use them). core
names no app (DESIGN §3): it finds them through the app registry.
"""

from __future__ import annotations

import importlib
import importlib.util
from argparse import ArgumentParser
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

__all__ = ["Command", "demo_modules"]


def demo_modules(labels: list[str] | None = None) -> Iterator[tuple[str, ModuleType]]:
    """(app label, `<app>.demo` module) for every installed app with a demo, in order;
    with `labels`, only those apps (an unknown label or one without a demo is an error)."""
    wanted = set(labels or ())
    found = set()
    for config in apps.get_app_configs():
        if wanted and config.label not in wanted:
            continue
        name = f"{config.name}.demo"
        if importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        if callable(getattr(module, "load_demo", None)):
            found.add(config.label)
            yield config.label, module
    missing = wanted - found
    if missing:
        raise CommandError(f"No demo data set in: {', '.join(sorted(missing))}")


@contextmanager
def without_query_log() -> Iterator[None]:
    """Run without Django's query log. With DEBUG on (the development default) Django records
    every query of the process; a demo load makes a few hundred thousand, and logging them
    costs about a tenth of its time and holds them all in memory for nothing."""
    debug = settings.DEBUG
    settings.DEBUG = False
    try:
        yield
    finally:
        settings.DEBUG = debug


class Command(BaseCommand):
    help = (
        "Load (or complete) the demo data set of the Tianjin pilot: the registry (regions, "
        "agencies, officers and certificates, laws, power items, discretion standards, one demo "
        "account per role and the accounts that handle the demo cases), then several hundred "
        "cases in every state of the case lifecycle; then print the demo accounts. Running it "
        "again changes nothing, except that the demo accounts are reset to their definition, "
        "password included. Other accounts and other cases are never touched. For "
        "demonstrations only, never in production."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--accounts",
            action="store_true",
            help="Only print the demo accounts (username, role, agency, password); load nothing.",
        )
        parser.add_argument(
            "--app",
            action="append",
            dest="apps",
            metavar="LABEL",
            help="Load only this app's demo data (repeatable), e.g. --app registry.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        modules = list(demo_modules(options["apps"]))
        verbosity = options["verbosity"]
        if not options["accounts"]:
            for _label, module in modules:
                with without_query_log():
                    summary = module.load_demo(stdout=self.stdout if verbosity > 1 else None)
                if verbosity > 0:
                    self.stdout.write(self.style.SUCCESS(summary.describe()))
        for _label, module in modules:
            print_accounts = getattr(module, "print_accounts", None)
            if callable(print_accounts):
                print_accounts(self.stdout)
