"""`sanxiang tasks list | periodic [NAME ...]`: the periodic background jobs (docs/deploy.md)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from sanxiang.core.tasks import backend_description, periodic_enqueue, periodic_tasks


class Command(BaseCommand):
    help = (
        "The periodic background jobs that the installed apps declare (`PERIODIC_TASKS` in "
        "their `tasks` modules). list: show them and the task backend. periodic: enqueue each "
        "once (or only the NAMEs given), for cron or a systemd timer; with the in-process "
        "backend they run at once and the command exits non-zero if any failed, with the "
        "database backend they wait for `sanxiang db_worker`. Every job is idempotent and safe "
        "to run concurrently."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("list", help="List the periodic tasks and the task backend.")
        periodic = actions.add_parser("periodic", help="Enqueue every periodic task once.")
        periodic.add_argument(
            "names", nargs="*", metavar="NAME", help="Only these tasks (as `tasks list` names)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "list":
                self._list()
            else:
                self._periodic(options["names"])
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc

    def _list(self) -> None:
        self.stdout.write(f"Task backend: {backend_description()}")
        found = periodic_tasks()
        width = max((len(periodic.name) for periodic in found), default=0)
        for periodic in found:
            self.stdout.write(f"{periodic.name:<{width}}  {periodic.summary}")

    def _periodic(self, names: list[str]) -> None:
        failed = []
        results = periodic_enqueue(names)
        for periodic, result in results:
            if result.status == TaskResultStatus.SUCCESSFUL:
                self.stdout.write(f"{periodic.name}: done, returned {result.return_value!r}")
            elif result.status == TaskResultStatus.FAILED:
                failed.append(periodic.name)
                self.stderr.write(f"{periodic.name}: FAILED")
                for error in result.errors:
                    self.stderr.write(error.traceback)
            else:
                self.stdout.write(f"{periodic.name}: enqueued as {result.id} ({result.backend})")
        if failed:
            raise CommandError(
                f"{len(failed)} of {len(results)} periodic tasks failed: {', '.join(failed)}"
            )
