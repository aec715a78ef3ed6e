"""The one background-task interface (DESIGN.md §3 decision 10, docs/decisions/0005).

Tasks are django-tasks tasks (the backport of Django 6's `django.tasks`): a module-level
function decorated with `@task()` and started with `.enqueue(...)`; the `TASKS` setting decides
where it runs (in-process by default, `sanxiang db_worker` processes for scale-out).

Periodic jobs are declared where their domain lives: each installed app may have a `tasks`
module with a `PERIODIC_TASKS` list of argument-less tasks, found the way the admin finds
`admin` modules, so this module imports no domain app. `sanxiang tasks periodic` enqueues them
all; cron or a systemd timer calls it (docs/deploy.md). Every periodic task must be idempotent
and safe to run twice at the same time: runs overlap, and several hosts may start them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import module_has_submodule
from django_tasks import TaskResult, task_backends
from django_tasks.base import Task

__all__ = ["PeriodicTask", "backend_description", "periodic_enqueue", "periodic_tasks"]

TASKS_MODULE = "tasks"
PERIODIC_ATTRIBUTE = "PERIODIC_TASKS"


@dataclass(frozen=True)
class PeriodicTask:
    """A periodic task and the app that declared it."""

    app_label: str
    task: Task[[], Any]

    @property
    def name(self) -> str:
        """`<app label>.<function name>`, e.g. `cases.sweep_case_deadlines`."""
        return f"{self.app_label}.{self.task.name}"

    @property
    def summary(self) -> str:
        """The first line of the task function's docstring."""
        doc = (self.task.func.__doc__ or "").strip()
        return doc.splitlines()[0] if doc else ""


def periodic_tasks() -> list[PeriodicTask]:
    """Every periodic task of the installed apps: apps in `INSTALLED_APPS` order, then the
    order of each app's `PERIODIC_TASKS`.

    Raises `ImproperlyConfigured` when a `PERIODIC_TASKS` entry is not a task or takes
    arguments, or when two apps declare the same name.
    """
    found: list[PeriodicTask] = []
    for app_config in apps.get_app_configs():
        if not module_has_submodule(app_config.module, TASKS_MODULE):
            continue
        module = import_module(f"{app_config.name}.{TASKS_MODULE}")
        declared: Iterable[object] = getattr(module, PERIODIC_ATTRIBUTE, ())
        for item in declared:
            if not isinstance(item, Task):
                raise ImproperlyConfigured(
                    f"{module.__name__}.{PERIODIC_ATTRIBUTE} holds {item!r}, not a task"
                )
            found.append(PeriodicTask(app_label=app_config.label, task=item))
    names = [periodic.name for periodic in found]
    if len(set(names)) != len(names):
        raise ImproperlyConfigured(f"Periodic task names must be unique: {names}")
    return found


def periodic_enqueue(names: Iterable[str] = ()) -> list[tuple[PeriodicTask, TaskResult[Any]]]:
    """Enqueue every periodic task (or only those `names`) once, each on its own.

    With the in-process backend each task has run when this returns (a failure is recorded in
    its result and does not stop the others); with the database backend they wait for a worker.
    Raises `ImproperlyConfigured` for an unknown name.
    """
    selected = periodic_tasks()
    wanted = list(names)
    if wanted:
        known = {periodic.name: periodic for periodic in selected}
        unknown = [name for name in wanted if name not in known]
        if unknown:
            raise ImproperlyConfigured(
                f"Unknown periodic task {', '.join(unknown)}; known: {', '.join(known)}"
            )
        selected = [known[name] for name in dict.fromkeys(wanted)]
    return [(periodic, periodic.task.enqueue()) for periodic in selected]


def backend_description(alias: str = "default") -> str:
    """The class path of the task backend `alias`, for the console."""
    backend = task_backends[alias]
    return f"{type(backend).__module__}.{type(backend).__qualname__}"
