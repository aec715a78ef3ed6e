"""Background tasks (DESIGN.md §3 decision 10, docs/decisions/0005): the `TASKS` switch, enqueueing
through the configured backend, and `sanxiang tasks list | periodic` running the case jobs."""

from __future__ import annotations

import datetime
import importlib.util
import io
import logging
import signal
import threading
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus, task_backends
from django_tasks.backends.dummy import DummyBackend
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from sanxiang.cases import services as svc
from sanxiang.cases import tasks as case_tasks
from sanxiang.cases.choices import DeadlineKind, DeadlineStatus, PreservationStatus
from sanxiang.cases.models import CaseEvent, Deadline
from sanxiang.cases.tests.factories import (
    BASE_DAY,
    CaseFactory,
    DeadlineFactory,
    World,
    at,
    filed_case,
    make_world,
)
from sanxiang.config import settings as settings_module
from sanxiang.ledger import services as ledger_services
from sanxiang.ledger.models import Checkpoint

CASE_TASKS = ("cases.lapse_overdue_preservations", "cases.sweep_case_deadlines")
# Every periodic task of the installed apps, in INSTALLED_APPS order.
ALL_PERIODIC = (
    *CASE_TASKS,
    "cases.sign_ledger_checkpoint",
    "review.sweep_reviews",
    "evidence.reverify_evidence_files",
    "evidence.expire_abandoned_uploads",
    "publicity.collect_publications",
    "publicity.remove_expired_publications",
    "publicity.generate_yearly_reports",
)
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
RACED_PER_CASE = 25
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture(autouse=True)
def _ledger_isolation(settings: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # The checkpoint task signs with a throw-away key, never the one under var/.
    settings.SANXIANG_LEDGER_KEY_FILE = tmp_path / "ledger" / "checkpoint.key"
    settings.SANXIANG_LEDGER_ORIGIN = "sanxiang.test/ledger"
    monkeypatch.setattr(ledger_services, "_next_check", 0.0)


@pytest.fixture
def traveller() -> Iterator[Any]:
    with time_machine.travel(at(BASE_DAY), tick=False) as moving:
        yield moving


@pytest.fixture
def world(db: None, traveller: Any) -> World:
    return make_world()


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("tasks", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def decision_deadline(case: Any) -> Deadline:
    return Deadline.objects.get(case=case, kind=DeadlineKind.DECISION)


def snapshot() -> tuple[list[tuple[int, str, Any]], int]:
    deadlines = list(Deadline.objects.order_by("pk").values_list("pk", "status", "met_on"))
    return deadlines, CaseEvent.objects.count()


# -- the periodic jobs through `sanxiang tasks periodic` ------------------------------------------


def test_periodic_marks_an_overdue_deadline_missed_and_a_second_run_changes_nothing(
    world, traveller
):
    case = filed_case(world)
    due_on = decision_deadline(case).due_on
    traveller.move_to(at(due_on))
    run("periodic")
    assert decision_deadline(case).status == DeadlineStatus.RUNNING  # its last day is today

    traveller.move_to(at(due_on + datetime.timedelta(days=1)))
    out = run("periodic")
    deadline = decision_deadline(case)
    assert (deadline.status, deadline.met_on) == (DeadlineStatus.MISSED, due_on)
    event = CaseEvent.objects.get(case=case, action="cases.deadline_missed")
    assert event.actor is None
    assert event.data["rule"] == "LAW-APL-60"
    assert event.request_id.startswith("task:")  # which run wrote it
    assert "cases.sweep_case_deadlines: done, returned " in out

    before = snapshot()
    again = run("periodic")
    assert snapshot() == before
    assert "cases.sweep_case_deadlines: done, returned 0" in again
    assert "cases.lapse_overdue_preservations: done, returned 0" in again


def test_periodic_lapses_an_overdue_preservation_law_apl_56(world, traveller):
    case = filed_case(world)
    preservation = svc.preservation_start(
        case=case,
        items="过期食品12箱",
        started_on=BASE_DAY,
        approved_by=world.agency_head,
        actor=world.handler,
    )
    traveller.move_to(at(datetime.date(2025, 3, 13)))  # the disposal was due by 3 March + 7 days
    out = run("periodic", "cases.lapse_overdue_preservations")
    assert out == "cases.lapse_overdue_preservations: done, returned 1\n"
    preservation.refresh_from_db()
    assert preservation.status == PreservationStatus.LAPSED
    assert CaseEvent.objects.filter(case=case, action="cases.preservation_lapsed").count() == 1
    assert run("periodic", "cases.lapse_overdue_preservations").endswith("returned 0\n")


@pytest.mark.django_db
def test_periodic_signs_a_ledger_checkpoint():
    ledger_services.ledger_append(kind="test.task", ref="one", payload={})
    out = run("periodic", "cases.sign_ledger_checkpoint")
    assert out == "cases.sign_ledger_checkpoint: done, returned 1\n"
    assert Checkpoint.objects.get().size == 1


def test_a_failing_job_fails_the_command_but_not_the_other_jobs(world, traveller, monkeypatch):
    case = filed_case(world)
    traveller.move_to(at(decision_deadline(case).due_on + datetime.timedelta(days=1)))

    def broken(**kwargs: Any) -> int:
        raise RuntimeError("sweep broke")

    monkeypatch.setattr(case_tasks, "deadlines_sweep", broken)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(
        CommandError, match=rf"1 of {len(ALL_PERIODIC)} periodic tasks failed: cases\.sweep_case"
    ):
        call_command("tasks", "periodic", stdout=out, stderr=err)
    assert "cases.lapse_overdue_preservations: done" in out.getvalue()
    assert "cases.sign_ledger_checkpoint: done" in out.getvalue()
    assert "cases.sweep_case_deadlines: FAILED" in err.getvalue()
    assert "RuntimeError: sweep broke" in err.getvalue()
    assert decision_deadline(case).status == DeadlineStatus.RUNNING


def test_unknown_task_name_is_a_command_error(db):
    with pytest.raises(CommandError, match=r"Unknown periodic task cases\.nothing"):
        run("periodic", "cases.nothing")


def test_list_shows_the_backend_and_every_periodic_task():
    lines = run("list").splitlines()
    assert lines[0] == "Task backend: django_tasks.backends.immediate.ImmediateBackend"
    names = [line.split()[0] for line in lines[1:]]
    assert names == list(ALL_PERIODIC)
    assert "LAW-APL-56" in lines[1]


# -- enqueueing goes through the configured backend -----------------------------------------------


def test_enqueue_with_the_immediate_backend_runs_in_process(world, traveller):
    assert isinstance(task_backends["default"], ImmediateBackend)
    case = filed_case(world)
    traveller.move_to(at(decision_deadline(case).due_on + datetime.timedelta(days=1)))
    result = case_tasks.sweep_case_deadlines.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert (result.return_value or 0) >= 1
    assert decision_deadline(case).status == DeadlineStatus.MISSED
    event = CaseEvent.objects.get(case=case, action="cases.deadline_missed")
    assert event.request_id == f"task:{result.id}"


def test_enqueue_with_the_dummy_backend_only_records_the_task(world, traveller, settings):
    settings.TASKS = DUMMY
    assert isinstance(task_backends["default"], DummyBackend)
    case = filed_case(world)
    traveller.move_to(at(decision_deadline(case).due_on + datetime.timedelta(days=1)))
    out = run("periodic", "cases.sweep_case_deadlines")
    assert out.startswith("cases.sweep_case_deadlines: enqueued as ")
    assert [r.task.name for r in task_backends["default"].results] == ["sweep_case_deadlines"]
    assert decision_deadline(case).status == DeadlineStatus.RUNNING


@pytest.fixture
def worker_side_effects() -> Iterator[None]:
    """`db_worker` installs signal handlers and sets its loggers up; give them back."""
    signals = [s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGQUIT", None)) if s]
    handlers = {s: signal.getsignal(s) for s in signals}
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    kept = [(lg, lg.level, list(lg.handlers)) for lg in loggers]
    yield
    for number, handler in handlers.items():
        signal.signal(number, handler)
    for lg, level, lg_handlers in kept:
        lg.setLevel(level)
        lg.handlers[:] = lg_handlers


@pytest.mark.django_db(transaction=True)  # the worker commits and reconnects as it goes
def test_database_backend_queues_for_db_worker(settings, worker_side_effects):
    settings.TASKS = DATABASE
    assert isinstance(task_backends["default"], DatabaseBackend)
    with time_machine.travel(at(BASE_DAY), tick=False) as traveller:
        case = filed_case(make_world())
        traveller.move_to(at(decision_deadline(case).due_on + datetime.timedelta(days=1)))
        out = run("periodic")
        assert out.count("enqueued as") == len(ALL_PERIODIC)
        assert decision_deadline(case).status == DeadlineStatus.RUNNING  # nothing ran yet

        call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
        assert decision_deadline(case).status == DeadlineStatus.MISSED

    results = DBTaskResult.objects.values_list("task_path", "status")
    # Every periodic task ran in the worker, once, successfully.
    assert sorted(results) == sorted(
        (f"sanxiang.{name.split('.')[0]}.tasks.{name.split('.')[1]}", TaskResultStatus.SUCCESSFUL)
        for name in ALL_PERIODIC
    )


# -- the SANXIANG_TASKS_BACKEND switch ------------------------------------------------------------


def settings_with(monkeypatch: pytest.MonkeyPatch, value: str | None) -> ModuleType:
    """The settings module as a fresh process would load it with this environment."""
    if value is None:
        monkeypatch.delenv("SANXIANG_TASKS_BACKEND", raising=False)
    else:
        monkeypatch.setenv("SANXIANG_TASKS_BACKEND", value)
    spec = importlib.util.spec_from_file_location("settings_probe", settings_module.__file__)
    assert spec is not None and spec.loader is not None
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    return probe


@pytest.mark.parametrize(
    ("value", "backend"),
    [
        (None, "django_tasks.backends.immediate.ImmediateBackend"),
        ("immediate", "django_tasks.backends.immediate.ImmediateBackend"),
        ("database", "django_tasks_db.DatabaseBackend"),
        (" Database ", "django_tasks_db.DatabaseBackend"),
    ],
)
def test_settings_switch_picks_the_backend(monkeypatch, settings, value, backend):
    probe = settings_with(monkeypatch, value)
    assert probe.TASKS["default"]["BACKEND"] == backend
    assert {"django_tasks", "django_tasks_db"} <= set(probe.INSTALLED_APPS)
    settings.TASKS = probe.TASKS
    assert type(task_backends["default"]) is import_string(backend)


@pytest.mark.parametrize("value", ["celery", "redis", ""])
def test_settings_refuse_an_unknown_backend(monkeypatch, value):
    with pytest.raises(ImproperlyConfigured, match="SANXIANG_TASKS_BACKEND must be one of"):
        settings_with(monkeypatch, value)


# -- concurrent runs ------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_periodic_runs_mark_each_deadline_once():
    if connection.vendor == "sqlite":
        pytest.skip(
            "the in-memory test database cannot run writers in parallel; on the embedded SQLite "
            "file BEGIN IMMEDIATE serialises the per-row transactions (docs/decisions/0004)"
        )
    for case in CaseFactory.create_batch(3):
        for n in range(RACED_PER_CASE):
            DeadlineFactory.create(
                case=case, subject=f"race:{n}", due_on=BASE_DAY - datetime.timedelta(days=n + 1)
            )
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def work() -> None:
        try:
            barrier.wait()
            run("periodic", *CASE_TASKS)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    with time_machine.travel(at(BASE_DAY), tick=False):
        threads = [threading.Thread(target=work) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert errors == []
    assert set(Deadline.objects.values_list("status", flat=True)) == {DeadlineStatus.MISSED}
    missed = CaseEvent.objects.filter(action="cases.deadline_missed")
    assert missed.count() == 3 * RACED_PER_CASE
