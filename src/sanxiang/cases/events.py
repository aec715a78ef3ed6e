"""The one writer of case events (STYLE 6; DESIGN decision 6).

`record_case_event` is the only code that creates a `CaseEvent`, and it logs each event as a
leaf of the tamper-evident ledger in the same transaction (docs/ledger.md), so no other module
may write events. `case_event_payload` is the one function that builds that leaf's payload; it
is also registered as the ledger's leaf source (`CasesConfig.ready`).
`EVENT_LABELS` gives each dotted action its label for timelines; `current_request_id` lets the
web layer tag events with the request that caused them.

With each event, the case's state after it is logged too (`cases.state`, ref the case's pk,
`case_state_payload`), so `sanxiang ledger verify` finds a case field changed behind the
ledger's back: the live row no longer matches the state logged with its latest event.
Personal data never enters the public log: an event's `data` and the case's fields are logged
as salted commitments (ledger/commitments.py); who holds the row and its salt can check them.
"""

from __future__ import annotations

import contextvars
import datetime
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models import Case, CaseEvent
from sanxiang.ledger.commitments import commit_tree
from sanxiang.ledger.services import ledger_append
from sanxiang.registry.models import User

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

__all__ = [
    "EVENT_LABELS",
    "LEDGER_KIND",
    "STATE_LEDGER_KIND",
    "case_event_payload",
    "case_event_rebuild",
    "case_event_refs",
    "case_state_payload",
    "case_state_rebuild",
    "case_state_refs",
    "current_request_id",
    "field_changes",
    "record_case_event",
    "register_event_labels",
]

# The ledger kind of case events; their ref is the event's primary key as text.
LEDGER_KIND = "cases.event"
# The ledger kind of a case's state after an event; its ref is the case's primary key.
STATE_LEDGER_KIND = "cases.state"
# Fields not in the state leaf: the key, the salt itself, and the time of the last save (it
# changes with every save and says nothing about the case).
_STATE_EXCLUDED = frozenset({"id", "ledger_salt", "updated_at"})

# Set by request middleware (or a task) so that events carry the request id; empty otherwise.
current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar(
    "sanxiang_request_id", default=""
)

EVENT_LABELS: dict[str, StrOrPromise] = {
    "cases.lead_registered": _("Lead registered"),
    "cases.updated": _("Case details changed"),
    "cases.filing_submitted": _("Submitted for filing"),
    "cases.filed": _("Case filed"),
    "cases.declined": _("Lead not filed"),
    "cases.party_added": _("Party added"),
    "cases.party_updated": _("Party changed"),
    "cases.party_removed": _("Party removed"),
    "cases.delivery_consent_recorded": _("Consent to electronic delivery recorded"),
    "cases.officers_assigned": _("Officers assigned"),
    "cases.recusal_applied": _("Recusal applied for"),
    "cases.recusal_decided": _("Recusal decided"),
    "cases.investigation_started": _("Investigation started"),
    "cases.record_added": _("Investigation record added"),
    "cases.preservation_started": _("Evidence preserved"),
    "cases.preservation_disposed": _("Preserved evidence disposed of"),
    "cases.preservation_lapsed": _("Preservation lapsed"),
    "cases.investigation_ended": _("Investigation concluded"),
    "cases.returned_to_investigation": _("Returned for further investigation"),
    "cases.approval_submitted": _("Submitted for approval"),
    "cases.approval_granted": _("Approved"),
    "cases.approval_rejected": _("Approval refused"),
    "cases.extension_requested": _("Extension requested"),
    "cases.extension_granted": _("Extension granted"),
    "cases.extension_refused": _("Extension refused"),
    "cases.clock_paused": _("Time limit paused"),
    "cases.clock_resumed": _("Time limit resumed"),
    "cases.notice_drafted": _("Notice of the proposed penalty drafted"),
    "cases.notice_served": _("Notice of the proposed penalty served"),
    "cases.statement_recorded": _("Statement and defence recorded"),
    "cases.statement_waived": _("Rights waived by the party"),
    "cases.statement_reexamined": _("Statement re-examined"),
    "cases.hearing_requested": _("Hearing requested"),
    "cases.hearing_scheduled": _("Hearing scheduled"),
    "cases.hearing_held": _("Hearing held"),
    "cases.hearing_withdrawn": _("Hearing request withdrawn"),
    "cases.legal_review_requested": _("Sent for legal review"),
    "cases.deliberation_started": _("Sent for collective deliberation"),
    "cases.deliberation_recorded": _("Collective deliberation recorded"),
    "cases.decision_drafted": _("Decision drafted"),
    "cases.decided": _("Decision made"),
    "cases.decided_on_spot": _("Decided on the spot"),
    "cases.delivered": _("Decision delivered"),
    "cases.delivery_recorded": _("Delivery recorded"),
    "cases.enforcement_started": _("Enforcement started"),
    "cases.payment_plan_approved": _("Payment plan approved"),
    "cases.payment_recorded": _("Payment recorded"),
    "cases.remedy_started": _("Reconsideration or lawsuit pending"),
    "cases.remedy_ended": _("Reconsideration or lawsuit ended"),
    "cases.execution_recorded": _("Execution recorded"),
    "cases.simple_filed": _("On-the-spot decision filed with the agency"),
    "cases.closing_submitted": _("Submitted for closing"),
    "cases.closed": _("Case closed"),
    "cases.archived": _("Case archived"),
    "cases.deadline_missed": _("Deadline missed"),
    "cases.act_registered": _("Registered"),
    "cases.act_started": _("Handling started"),
    "cases.act_decided": _("Result recorded"),
    "cases.act_closed": _("Closed"),
    "cases.seizure_started": _("Property sealed or seized"),
    "cases.seizure_extended": _("Seizure extended"),
    "cases.seizure_ended": _("Seizure ended"),
}


def register_event_labels(labels: Mapping[str, StrOrPromise]) -> None:
    """Add the event actions of an app above `cases` (called from its `AppConfig.ready()`).

    Actions are dotted `<app>.<what>` names; one already labelled differently is a programming
    error, so two apps cannot claim the same action.
    """
    for action, label in labels.items():
        existing = EVENT_LABELS.get(action)
        if existing is not None and str(existing) != str(label):
            raise ValueError(f"Case event action {action!r} is already labelled")
        EVENT_LABELS[action] = label


def record_case_event(
    *,
    case: Case,
    action: str,
    actor: User | None,
    data: Mapping[str, Any] | None = None,
    occurred_at: datetime.datetime | None = None,
    request_id: str | None = None,
) -> CaseEvent:
    """Append one event to the case's record and return it.

    `action` is a dotted name listed in `EVENT_LABELS` (an unknown name is a programming
    error). `actor` is None only for the platform itself (a scheduled task); `actor_name` keeps
    the name as it was. `data` says what changed, e.g. `{"changes": {"field": [old, new]}}`;
    values must be JSON-serialisable (dates and decimals are encoded).

    The event is logged as a ledger leaf (`cases.event`, ref its pk) in the caller's
    transaction, followed by the case's state as saved so far (`cases.state`): both exist in
    the log exactly when the event is committed. Services therefore save the case before they
    record the event that describes the change.
    """
    if action not in EVENT_LABELS:
        raise ValueError(f"Unknown case event action {action!r}; add it to EVENT_LABELS")
    event = CaseEvent(
        case=case,
        action=action,
        actor=actor,
        actor_name=actor.display_name if actor is not None else "",
        occurred_at=occurred_at or timezone.now(),
        request_id=request_id if request_id is not None else current_request_id.get(),
        data=dict(data or {}),
    )
    event.save(force_insert=True)
    ledger_append(kind=LEDGER_KIND, ref=str(event.pk), payload=case_event_payload(event))
    saved = Case.objects.get(pk=case.pk)
    ledger_append(kind=STATE_LEDGER_KIND, ref=str(case.pk), payload=case_state_payload(saved))
    return event


def _utc_text(moment: datetime.datetime) -> str:
    """UTC with microseconds, e.g. `2026-03-02T02:00:00.000000Z`: the instant the database keeps.

    A naive value is read in the default time zone, as Django does when it saves one.
    """
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def case_event_payload(event: CaseEvent) -> dict[str, Any]:
    """The ledger payload of `event`: the one builder, for the append and for verification.

    Only what the event row fixes, with values as the database gives them back (foreign keys
    as ids, `occurred_at` in UTC with microseconds), so the payload rebuilt from a reread row
    is byte-identical once canonicalised. `data` may hold personal data: it is logged as
    salted commitments, field by field. The acting officer's name is public by law. The case's
    agency never changes; its case number is not included: it is assigned at filing, after the
    case's first events.
    """
    return {
        "case_id": event.case_id,
        "agency_id": event.case.agency_id,
        "action": event.action,
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "occurred_at": _utc_text(event.occurred_at),
        "request_id": event.request_id,
        "data": commit_tree(event.ledger_salt, event.data, "data"),
    }


def case_event_rebuild(ref: str) -> dict[str, Any] | None:
    """The payload of event `ref` as its row gives it now, or None if the row is gone."""
    if not ref.isdigit():
        return None
    event = CaseEvent.objects.select_related("case").filter(pk=int(ref)).first()
    return None if event is None else case_event_payload(event)


def case_event_refs() -> Iterator[str]:
    """The ref of every case event, each of which should have a ledger entry."""
    for pk in CaseEvent.objects.order_by("pk").values_list("pk", flat=True).iterator():
        yield str(pk)


def case_state_payload(case: Case) -> dict[str, Any]:
    """The ledger payload of `case`'s state: the one builder, for the append and verification.

    Status and revision in clear (they say where the case is, nothing about the people in
    it); every other stored field (module constant `_STATE_EXCLUDED` aside) as a salted
    commitment named by the field, so verification names the field that changed.
    """
    fields = {
        field.name: field.value_from_object(case)
        for field in Case._meta.concrete_fields
        if field.name not in _STATE_EXCLUDED and field.name not in ("status", "revision")
    }
    return {
        "case_id": case.pk,
        "agency_id": case.agency_id,
        "status": case.status,
        "revision": case.revision,
        "fields": commit_tree(case.ledger_salt, fields, "fields"),
    }


def case_state_rebuild(ref: str) -> dict[str, Any] | None:
    """The state payload of case `ref` as its row gives it now, or None if the row is gone."""
    if not ref.isdigit():
        return None
    case = Case.objects.filter(pk=int(ref)).first()
    return None if case is None else case_state_payload(case)


def case_state_refs() -> Iterator[str]:
    """The ref of every case, each of which should have a state entry."""
    for pk in Case.objects.order_by("pk").values_list("pk", flat=True).iterator():
        yield str(pk)


def field_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """`{"field": [old, new]}` for every key whose value differs between the two mappings."""
    return {
        key: [before.get(key), value] for key, value in after.items() if before.get(key) != value
    }
