"""The append-only event record (STYLE 6, LAW-APL-47) and its one writer."""

from __future__ import annotations

import pytest

from sanxiang.cases.events import EVENT_LABELS, current_request_id, record_case_event
from sanxiang.cases.models import AppendOnlyError, CaseEvent
from sanxiang.cases.tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_event_refuses_update_and_delete():
    case = CaseFactory.create()
    event = record_case_event(case=case, action="cases.updated", actor=None, data={"a": 1})
    event.action = "cases.filed"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        CaseEvent.objects.filter(pk=event.pk).update(action="cases.filed")
    with pytest.raises(AppendOnlyError):
        CaseEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(AppendOnlyError):
        CaseEvent.objects.all().delete()
    assert CaseEvent.objects.get(pk=event.pk).action == "cases.updated"


def test_event_keeps_request_id_and_actor_name():
    case = CaseFactory.create()
    token = current_request_id.set("req-42")
    try:
        event = record_case_event(case=case, action="cases.updated", actor=None)
    finally:
        current_request_id.reset(token)
    assert event.request_id == "req-42"
    assert event.actor_name == ""


def test_unknown_action_is_a_programming_error():
    case = CaseFactory.create()
    with pytest.raises(ValueError, match="EVENT_LABELS"):
        record_case_event(case=case, action="cases.nonsense", actor=None)


def test_every_transition_event_has_a_label():
    from sanxiang.cases.workflow import TRANSITIONS

    assert {spec.event for spec in TRANSITIONS} <= set(EVENT_LABELS)
