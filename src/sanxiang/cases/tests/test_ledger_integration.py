"""Every case event is a ledger leaf, appended in the event's transaction (docs/ledger.md)."""

from __future__ import annotations

import datetime
import io
import zoneinfo
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import translation

from sanxiang.cases import workflow
from sanxiang.cases.events import (
    LEDGER_KIND,
    STATE_LEDGER_KIND,
    case_event_payload,
    case_event_rebuild,
    case_state_rebuild,
    record_case_event,
)
from sanxiang.cases.models import Case, CaseEvent, Party
from sanxiang.cases.services import party_add
from sanxiang.cases.tests.factories import (
    CaseFactory,
    decide,
    filed_case,
    lead,
    notified_case,
    person,
)
from sanxiang.core.errors import ApplicationError
from sanxiang.ledger import selectors
from sanxiang.ledger.canonical import canonical_payload, normalise, parse_entry
from sanxiang.ledger.commitments import commitment
from sanxiang.ledger.models import LedgerEntry
from sanxiang.ledger.services import checkpoint_sign, ledger_append
from sanxiang.ledger.sources import leaf_sources

pytestmark = pytest.mark.django_db


def _verify() -> tuple[bool, str]:
    out = io.StringIO()
    with translation.override("en"):
        try:
            call_command("ledger", "verify", stdout=out)
        except CommandError as exc:
            return False, f"{out.getvalue()}{exc}"
    return True, out.getvalue()


def _logged_payload(event: CaseEvent) -> dict[str, object]:
    entry = LedgerEntry.objects.get(kind=LEDGER_KIND, ref=str(event.pk))
    return parse_entry(bytes(entry.entry))["payload"]


def test_the_leaf_source_is_registered():
    source = leaf_sources()[LEDGER_KIND]
    assert source.rebuild is case_event_rebuild
    assert source.list_refs is not None


def test_a_transition_appends_one_leaf_per_event(world):
    case = filed_case(world)
    before_events = set(CaseEvent.objects.values_list("pk", flat=True))
    size = selectors.log_size()
    workflow.case_transition(case=case, transition="start_investigation", actor=world.handler)
    new = list(CaseEvent.objects.exclude(pk__in=before_events).order_by("pk"))
    assert [event.action for event in new] == ["cases.investigation_started"]
    # The event, then the case's state after it.
    assert selectors.log_size() == size + 2
    entry = LedgerEntry.objects.get(index=size)
    assert (entry.kind, entry.ref) == (LEDGER_KIND, str(new[0].pk))
    state = LedgerEntry.objects.get(index=size + 1)
    assert (state.kind, state.ref) == (STATE_LEDGER_KIND, str(case.pk))
    assert parse_entry(bytes(state.entry))["payload"]["status"] == "investigating"
    checkpoint_sign()
    found = selectors.entry_for_ref(kind=LEDGER_KIND, ref=str(new[0].pk))
    assert found.index == size
    assert selectors.entry_get(index=size).ref == str(new[0].pk)
    # Every event of the case so far has exactly one entry.
    refs = list(LedgerEntry.objects.filter(kind=LEDGER_KIND).values_list("ref", flat=True))
    assert sorted(refs) == sorted(str(pk) for pk in CaseEvent.objects.values_list("pk", flat=True))


def test_a_refused_transition_appends_nothing_and_leaves_no_gap(world):
    case = filed_case(world)
    workflow.case_transition(case=case, transition="start_investigation", actor=world.handler)
    size = selectors.log_size()
    with pytest.raises(ApplicationError) as refusal:
        workflow.case_transition(case=case, transition="end_investigation", actor=world.handler)
    assert refusal.value.code == "cases.investigation.record_required"
    assert selectors.log_size() == size
    event = record_case_event(case=case, action="cases.updated", actor=world.handler)
    assert LedgerEntry.objects.get(kind=LEDGER_KIND, ref=str(event.pk)).index == size


def test_a_rolled_back_event_takes_its_index_back(world):
    from django.db import transaction

    case = lead(world)
    size = selectors.log_size()

    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction.atomic():
        record_case_event(case=case, action="cases.updated", actor=None)
        raise Boom
    assert selectors.log_size() == size
    entry = ledger_append(kind="test.next", ref="1", payload={})
    assert entry.index == size


def test_payload_round_trips_through_the_database():
    case = CaseFactory.create()
    shanghai = zoneinfo.ZoneInfo("Asia/Shanghai")
    event = record_case_event(
        case=case,
        action="cases.updated",
        actor=None,
        occurred_at=datetime.datetime(2025, 3, 3, 9, 30, 15, 123456, tzinfo=shanghai),
        request_id="req-7",
        data={
            "changes": {"amount": [Decimal("0.10"), Decimal("5000.00")]},
            "on": datetime.date(2025, 3, 3),
            "at": datetime.datetime(2025, 3, 3, 9, 0, tzinfo=shanghai),
            "note": "改正「过期」\n\u00e9\U0001f600",
            "ratio": 0.1,
            "big": 2**52,
            "list": [1, None, True, {"z": 1, "a": 2}],
        },
    )
    logged = _logged_payload(event)
    assert logged["occurred_at"] == "2025-03-03T01:30:15.123456Z"
    assert logged["case_id"] == case.pk
    assert logged["agency_id"] == case.agency_id
    assert logged["actor_id"] is None
    assert logged["request_id"] == "req-7"
    reread = CaseEvent.objects.select_related("case").get(pk=event.pk)
    assert reread.occurred_at.utcoffset() == datetime.timedelta(0)
    assert canonical_payload(case_event_payload(reread)) == canonical_payload(logged)
    rebuilt = case_event_rebuild(str(event.pk))
    assert rebuilt is not None
    assert canonical_payload(rebuilt) == canonical_payload(logged)
    assert case_event_rebuild("0") is None
    assert case_event_rebuild("nonsense") is None


def test_verify_passes_after_a_journey_with_actor(world, clock):
    case = notified_case(world)
    clock.go(datetime.date(2025, 3, 12))  # after the statement window (LAW-APL-62)
    decide(world, case)
    assert CaseEvent.objects.filter(case=case).exclude(actor=None).exists()
    checkpoint_sign()
    ok, output = _verify()
    assert ok, output
    records = CaseEvent.objects.count() + Case.objects.count()
    assert f"{records} source records" in output


def test_verify_names_an_event_edited_behind_the_ledgers_back(world):
    case = filed_case(world)
    checkpoint_sign()
    event = CaseEvent.objects.filter(case=case).order_by("pk").last()
    assert event is not None
    table = CaseEvent._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET action = %s WHERE id = %s", ["cases.closed", event.pk])  # noqa: S608
    ok, output = _verify()
    assert not ok
    assert f"{LEDGER_KIND} {event.pk}): field action: logged" in output
    assert "cases.closed" in output


def test_verify_names_an_event_deleted_behind_the_ledgers_back(world):
    case = filed_case(world)
    checkpoint_sign()
    event = CaseEvent.objects.filter(case=case).order_by("pk").first()
    assert event is not None
    table = CaseEvent._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [event.pk])  # noqa: S608
    ok, output = _verify()
    assert not ok
    assert f"{LEDGER_KIND} {event.pk}): the recorded row is gone" in output


def test_verify_names_a_case_field_changed_behind_the_ledgers_back(world):
    case = filed_case(world)
    checkpoint_sign()
    table = Case._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET facts = %s WHERE id = %s", ["（改写）", case.pk])  # noqa: S608
    ok, output = _verify()
    assert not ok
    assert f"{STATE_LEDGER_KIND} {case.pk}): field fields.facts: logged" in output


def test_verify_names_a_status_changed_behind_the_ledgers_back(world):
    case = filed_case(world)
    checkpoint_sign()
    Case.objects.filter(pk=case.pk).update(status="closed")  # no event, no ledger entry
    ok, output = _verify()
    assert not ok
    assert f"{STATE_LEDGER_KIND} {case.pk}): field status: logged" in output
    assert '"closed"' in output


def test_a_saved_change_with_its_event_verifies(world):
    """The normal path: the service saves, then records the event; the state matches."""
    case = filed_case(world)
    case.facts = "经查，当事人销售过期食品。"
    case.save()
    record_case_event(case=case, action="cases.updated", actor=world.handler)
    rebuilt = case_state_rebuild(str(case.pk))
    latest = LedgerEntry.objects.filter(kind=STATE_LEDGER_KIND, ref=str(case.pk)).last()
    assert latest is not None and rebuilt is not None
    assert canonical_payload(rebuilt) == canonical_payload(
        parse_entry(bytes(latest.entry))["payload"]
    )
    assert case_state_rebuild("0") is None


def test_the_public_log_carries_no_personal_data_but_commits_to_it(world):
    """LAW-APL-50: the entries anyone may fetch hold commitments, not the party's data."""
    case = lead(world)
    party = party_add(
        case=case,
        actor=world.handler,
        data=person(name="欧阳明轩", phone="13912345678"),
    )
    assert isinstance(party, Party)
    event = CaseEvent.objects.filter(case=case, action="cases.party_added").get()
    raw = bytes(LedgerEntry.objects.get(kind=LEDGER_KIND, ref=str(event.pk)).entry)
    for secret in ("欧阳明轩", "13912345678", party.id_number):
        assert secret.encode() not in raw
        assert secret.encode("unicode_escape") not in raw
    logged = parse_entry(raw)["payload"]["data"]
    # Whoever holds the event row and its salt can check each value against the log.
    data = normalise(event.data)
    for key, value in data.items():
        if not isinstance(value, dict):
            assert logged[key] == commitment(event.ledger_salt, f"data.{key}", value)
    # Another salt gives another commitment: a guess cannot be confirmed from the log alone.
    assert commitment("00" * 16, "data.name", data["name"]) != logged["name"]
