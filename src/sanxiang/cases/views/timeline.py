"""The case timeline as a page shows it: who, when, what (the action's label) and what changed.

`case_timeline` gives the stored events; this module only turns their `data` into readable
lines — field names into the models' labels, codes into their choices' labels, fen into yuan —
without reading the database.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.cases import choices as c
from sanxiang.cases.models import Case, Party
from sanxiang.cases.selectors import TimelineEntry
from sanxiang.core.money import format_yuan_cn
from sanxiang.registry.models import ActType, PenaltyType

__all__ = ["TimelineRow", "timeline_rows"]


@dataclass(frozen=True)
class Change:
    label: Any
    old: str
    new: str


@dataclass(frozen=True)
class TimelineRow:
    occurred_at: datetime.datetime
    action: str
    label: Any
    actor_name: str
    changes: list[Change] = field(default_factory=list)
    details: list[tuple[Any, str]] = field(default_factory=list)


def _choice(enum: type[models.TextChoices]) -> Callable[[Any], str]:
    labels = dict(enum.choices)
    return lambda value: str(labels.get(value, value))


def _any_choice(*enums: type[models.TextChoices]) -> Callable[[Any], str]:
    labels: dict[str, Any] = {}
    for enum in enums:
        labels.update(dict(enum.choices))
    return lambda value: str(labels.get(value, value)) if isinstance(value, str) else _plain(value)


def _money(value: Any) -> str:
    return format_yuan_cn(int(value)) if isinstance(value, int) else str(value)


def _penalties(value: Any) -> str:
    labels = dict(PenaltyType.choices)
    return "、".join(str(labels.get(code, code)) for code in value or ())


def _yes_no(value: Any) -> str:
    return str(_("yes") if value else _("no"))


def _level(value: Any) -> str:
    try:
        return str(c.ApprovalLevel(int(value)).label)
    except (TypeError, ValueError):
        return str(value)


def _plain(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, list):
        return "、".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return "、".join(_plain(item) for item in value.values())
    return str(value)


# The data keys worth a line on the timeline, with their label and how to show the value.
# Record ids (party, notice, approval…) are left out: the page shows the records themselves.
_DETAILS: dict[str, tuple[Any, Callable[[Any], str]]] = {
    "step": (_("Step"), _choice(c.ApprovalStep)),
    "round": (_("Round"), _plain),
    "level": (_("Level"), _level),
    "opinion": (_("Opinion"), _plain),
    "reason": (_("Reason"), _any_choice(c.DeclineReason, c.PauseReason)),
    "note": (_("Note"), _plain),
    "source": (_("Source"), _choice(c.LeadSource)),
    "received_on": (_("Received on"), _plain),
    "due_on": (_("Due on"), _plain),
    "served_on": (_("Served on"), _plain),
    "statement_window_end": (_("Statement window ends"), _plain),
    "hearing_right": (_("Hearing right"), _yes_no),
    "penalty_types": (_("Penalty types"), _penalties),
    "fine_fen": (_("Fine"), _money),
    "confiscation_fen": (_("Confiscation"), _money),
    "amount_fen": (_("Amount"), _money),
    "late_fee_fen": (_("Late fee"), _money),
    "outstanding_fen": (_("Outstanding"), _money),
    "outcome": (_("Outcome"), _choice(c.DecisionOutcome)),
    "no_penalty_reason": (_("Reason for no penalty"), _choice(c.NoPenaltyReason)),
    "flag_for_legal_review": (_("Flagged for legal review"), _yes_no),
    "kind": (
        _("Kind"),
        _any_choice(
            c.RecordKind,
            c.ExtensionKind,
            c.ExecutionKind,
            c.PaymentPlanKind,
            c.RemedyKind,
            c.SeizureKind,
            c.DeadlineKind,
            c.PartyKind,
        ),
    ),
    "method": (_("Method"), _choice(c.DeliveryMethod)),
    "document": (_("Document"), _choice(c.DeliveredDocument)),
    "delivered_on": (_("Delivered on"), _plain),
    "paid_on": (_("Paid on"), _plain),
    "requested_on": (_("Requested on"), _plain),
    "scheduled_on": (_("Hearing date"), _plain),
    "held_on": (_("Held on"), _plain),
    "result": (
        _("Result"),
        _any_choice(c.ReexaminationResult, c.RecusalResult, c.ActResultKind, c.HearingStatus),
    ),
    "days": (_("Days"), _plain),
    "form_number": (_("Form number"), _plain),
    "name": (_("Name"), _plain),
    "summary": (_("Summary"), _plain),
    "text": (_("Result"), _plain),
    "items": (_("Items"), _plain),
    "expires_on": (_("Expires on"), _plain),
    "waived_on": (_("Waived on"), _plain),
    "filed_on": (_("Filed on"), _plain),
    "ended_on": (_("Ended on"), _plain),
    "started_on": (_("Started on"), _plain),
    "executed_on": (_("Date"), _plain),
    "rule": (_("Rule"), _plain),
    "added": (_("Officers"), lambda value: "、".join(row.get("name", "") for row in value or ())),
}

_CHANGE_VALUES: dict[str, Callable[[Any], str]] = {
    "status": _choice(c.CaseStatus),
    "kind": _choice(c.PartyKind),
    "act_type": _choice(ActType),
}


def _field_label(name: str) -> Any:
    for model in (Case, Party):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        return getattr(field, "verbose_name", name)
    return name


def timeline_rows(entries: list[TimelineEntry]) -> list[TimelineRow]:
    rows = []
    for entry in entries:
        data = entry.data or {}
        changes = [
            Change(
                label=_field_label(name),
                old=_CHANGE_VALUES.get(name, _plain)(pair[0]),
                new=_CHANGE_VALUES.get(name, _plain)(pair[1]),
            )
            for name, pair in (data.get("changes") or {}).items()
            if isinstance(pair, list | tuple) and len(pair) == 2
        ]
        details = [
            (label, show(data[key]))
            for key, (label, show) in _DETAILS.items()
            if key in data
            and data[key] not in (None, "", [], {})
            and not (show is _money and data[key] == 0)
        ]
        rows.append(
            TimelineRow(
                occurred_at=entry.occurred_at,
                action=entry.action,
                label=entry.label,
                actor_name=entry.actor_name,
                changes=changes,
                details=details,
            )
        )
    return rows
