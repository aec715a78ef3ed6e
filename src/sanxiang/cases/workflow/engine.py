"""The one mutator of `Case.status` and the guard registry (DESIGN decision 5, STYLE 4).

`case_transition` is the only code that writes `Case.status`: it locks the row, checks the
table (`workflow.table`) and every guard, applies the effects, saves and records a `CaseEvent`
— or refuses with `ApplicationError` naming the rule and field, writing nothing. Apps above
`cases` add guards at start-up with `register_guard`, and work that must happen with a move
(e.g. binding the case file at archiving) with `register_follow_up`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.cases import guards as g
from sanxiang.cases.access import require_case_writer
from sanxiang.cases.choices import ApprovalStep, CaseStatus
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case
from sanxiang.cases.workflow.table import (
    RULE_ID_RE,
    TRANSITIONS,
    TRANSITIONS_BY_NAME,
    Transition,
)
from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.registry.models import User

__all__ = [
    "AvailableTransition",
    "available_transitions",
    "case_transition",
    "guards_for",
    "register_follow_up",
    "register_guard",
]

_ADDED: dict[str, list[g.Guard]] = {}
_REPLACED: dict[str, dict[str, g.Guard]] = {}
# (transition, guard) pairs checked only when the move is made, not when its approval starts.
_AT_MOVE_ONLY: set[tuple[str, g.Guard]] = set()
# Called after the move is saved and recorded, in its transaction: (case, actor, day) -> None.
FollowUp = Callable[[Case, User, datetime.date], None]
_FOLLOW_UPS: dict[str, list[FollowUp]] = {}


def register_follow_up(transition_name: str, follow_up: FollowUp) -> None:
    """Run `follow_up(case, actor, day)` after every `transition_name` move, in its transaction.

    For apps above `cases` (from `AppConfig.ready()`), for work the law ties to the move, such
    as binding the case file when a case is archived (SAMR-PROC-78). If it raises, the move is
    rolled back with it: both happen or neither. Registering the same function twice is
    harmless.
    """
    if transition_name not in TRANSITIONS_BY_NAME:
        raise ValueError(f"No transition {transition_name!r}")
    follow_ups = _FOLLOW_UPS.setdefault(transition_name, [])
    if follow_up not in follow_ups:
        follow_ups.append(follow_up)


def register_guard(
    transition_name: str,
    guard: g.Guard,
    *,
    replaces: str | None = None,
    at_move_only: bool = False,
) -> None:
    """Add `guard` to a transition, or put it in place of the guard named `replaces`.

    For apps above `cases`, called from their `AppConfig.ready()`. The guard's docstring must
    cite a rule id (e.g. "LAW-APL-58: …"). Registering the same function twice is harmless.
    `at_move_only`: the guard is checked when the move is made (for a gated move, at its final
    approval), not when the approval is submitted — for a condition that can only be met
    while the approval is under way (e.g. the legal review of the drafted decision).
    """
    spec = TRANSITIONS_BY_NAME.get(transition_name)
    if spec is None:
        raise ValueError(f"No transition {transition_name!r}")
    if not RULE_ID_RE.search(guard.__doc__ or ""):
        raise ValueError(f"Guard {guard.__name__} must cite a rule id in its docstring")
    if at_move_only:
        _AT_MOVE_ONLY.add((transition_name, guard))
    if replaces is not None:
        if replaces not in {static.__name__ for static in spec.guards}:
            raise ValueError(f"Transition {transition_name!r} has no guard {replaces!r}")
        _REPLACED.setdefault(transition_name, {})[replaces] = guard
        return
    added = _ADDED.setdefault(transition_name, [])
    if guard not in added:
        added.append(guard)


def guards_for(spec: Transition, *, precheck: bool = False) -> list[g.Guard]:
    """The guards checked for `spec`: the table's, with registered replacements and additions,
    led by the approval check when the move is gated by an approval step. `precheck`: the
    guards checked when the approval is submitted (without those registered `at_move_only`)."""
    replaced = _REPLACED.get(spec.name, {})
    guards: list[g.Guard] = [g.approval_granted] if spec.approval_step else []
    guards += [replaced.get(guard.__name__, guard) for guard in spec.guards]
    guards += _ADDED.get(spec.name, [])
    if precheck:
        guards = [guard for guard in guards if (spec.name, guard) not in _AT_MOVE_ONLY]
    return guards


def _spec(transition: str) -> Transition:
    spec = TRANSITIONS_BY_NAME.get(transition)
    if spec is None:
        raise ApplicationError(
            _("There is no step called %(name)s.") % {"name": transition},
            code="workflow.unknown_transition",
            extra={"field": "transition"},
        )
    return spec


def _check_applicable(spec: Transition, case: Case, actor: User) -> None:
    if spec.roles is not None and actor.role not in spec.roles:
        raise PermissionDeniedError(
            _("Your role may not do this: %(step)s.") % {"step": spec.label},
            code="workflow.role_not_allowed",
        )
    if case.track not in spec.tracks or case.status not in spec.sources:
        raise ApplicationError(
            _("A case in the state “%(status)s” cannot do this: %(step)s.")
            % {"status": CaseStatus(case.status).label, "step": spec.label},
            code="workflow.not_allowed_in_state",
            extra={"field": "status", "status": case.status, "transition": spec.name},
        )


def case_transition(
    *,
    case: Case,
    transition: str,
    actor: User,
    data: Mapping[str, Any] | None = None,
    on: datetime.date | None = None,
) -> Case:
    """Move `case` along `transition` and return the updated, locked row.

    Preconditions: the actor may change the case (`access.require_case_writer`) and has a role
    the transition allows; the case's track and status match the table; every guard passes
    (the approval of the gating step first). Side effects, in one transaction: the effects
    run, `status` (and the fields the effects set) are saved, and one `CaseEvent` with the
    transition's action records from → to and `data`. A refusal raises `ApplicationError`
    and writes nothing. `on` is the day of the act (default: today in Asia/Shanghai). The
    `case` object passed in is not changed: use the returned one.
    """
    spec = _spec(transition)
    day = on or timezone.localdate()
    with transaction.atomic():
        locked = (
            Case.objects.select_for_update(of=("self",))
            .select_related("agency", "power_item")
            .get(pk=case.pk)
        )
        require_case_writer(actor, locked)
        _check_applicable(spec, locked, actor)
        ctx = g.TransitionContext(
            case=locked,
            transition=spec.name,
            actor=actor,
            on=day,
            data=dict(data or {}),
            approval_step=spec.approval_step,
        )
        for guard in guards_for(spec):
            guard(ctx)
        before = {field.attname: getattr(locked, field.attname) for field in Case._meta.fields}
        changed = {"status", "updated_at"}
        for effect in spec.effects:
            changed.update(effect(ctx))
        locked.status = spec.target
        locked.full_clean()
        locked.save(update_fields=sorted(changed))
        # What the move changed on the case, old → new (the status and the effects' fields).
        changes = {
            name: [before[name], getattr(locked, name)]
            for name in sorted(changed - {"updated_at"})
            if before[name] != getattr(locked, name)
        }
        record_case_event(
            case=locked,
            action=spec.event,
            actor=actor,
            data={
                "transition": spec.name,
                "changes": changes,
                "on": day.isoformat(),
                **dict(data or {}),
            },
        )
        for follow_up in _FOLLOW_UPS.get(spec.name, []):
            follow_up(locked, actor, day)
    return locked


@dataclass(frozen=True)
class AvailableTransition:
    """A move the page can offer: whether the guards allow it now and, if not, why."""

    name: str
    label: str
    target: CaseStatus
    service: str
    approval_step: ApprovalStep | None
    allowed: bool
    refusal_code: str = ""
    refusal_message: str = ""
    # The refusal's `extra` (`rule`, `field`, …), as the API renders a refused move.
    refusal_extra: Mapping[str, Any] = field(default_factory=dict)


def available_transitions(
    case: Case, user: User, *, on: datetime.date | None = None
) -> list[AvailableTransition]:
    """The moves out of the case's current state that `user`'s role may take, each checked
    against its guards now (read-only; an approval-gated move is checked as if approved,
    since submitting it for approval is the way to take it)."""
    day = on or timezone.localdate()
    result = []
    for spec in TRANSITIONS:
        if case.track not in spec.tracks or case.status not in spec.sources:
            continue
        if spec.roles is not None and user.role not in spec.roles:
            continue
        ctx = g.TransitionContext(
            case=case, transition=spec.name, actor=user, on=day, approval_step=None
        )
        code, message, extra = "", "", {}
        try:
            for guard in guards_for(spec):
                guard(ctx)
        except ApplicationError as refusal:
            code, message, extra = refusal.code, refusal.message, refusal.extra
        result.append(
            AvailableTransition(
                name=spec.name,
                label=str(spec.label),
                target=spec.target,
                service=spec.service,
                approval_step=spec.approval_step,
                allowed=not code,
                refusal_code=code,
                refusal_message=message,
                refusal_extra=extra,
            )
        )
    return result
