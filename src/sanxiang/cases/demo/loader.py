"""Load the demo cases: every case of the plan that is not there yet, through the services.

Needs the registry demo (agencies, officers, accounts, power items, discretion standards),
which `sanxiang demo` loads first. One transaction: either every missing case is built, or
nothing is written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from django.db import transaction

from sanxiang.cases.demo.acts import build_act
from sanxiang.cases.demo.context import Context
from sanxiang.cases.demo.dates import Clock
from sanxiang.cases.demo.general import GeneralCase
from sanxiang.cases.demo.onspot import build_onspot
from sanxiang.cases.demo.plan import demo_plan
from sanxiang.cases.demo.spec import ActSpec, GeneralSpec, OnSpotSpec
from sanxiang.cases.demo.staff import Staff
from sanxiang.cases.demo.stories import AGENCY_NAMES
from sanxiang.cases.models import Case, CasePolicy
from sanxiang.registry.demo.upsert import DemoSummary, upsert
from sanxiang.registry.models import Agency

__all__ = ["CaseDemoSummary", "load_demo"]


class Writer(Protocol):
    def write(self, text: str, /) -> object: ...


# The approval levels (三级审批) some agencies configure differently from the default
# (DEFAULT_APPROVAL_LEVELS): 公安 and the district bureaus file and notify on their department
# head's approval; the agency head decides. The other agencies keep all three levels.
_POLICIES: dict[str, dict[str, list[int]]] = {
    key: {
        "filing_levels": [1, 2],
        "notice_levels": [1, 2],
        "decision_levels": [1, 2, 3],
        "closing_levels": [1, 2],
        "extension_levels": [1, 2, 3],
    }
    for key in ("ga", "bh", "hb", "jn")
}


@dataclass
class CaseDemoSummary:
    """What one load did: cases created and already there, and every demo case's state."""

    created: int = 0
    existing: int = 0
    settings: DemoSummary = field(default_factory=DemoSummary)
    statuses: Counter[str] = field(default_factory=Counter)
    act_types: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(self.created) or self.settings.changed

    def describe(self) -> str:
        states = ", ".join(f"{count} {status}" for status, count in sorted(self.statuses.items()))
        return (
            f"Demo cases: {self.created} created, {self.existing} already there "
            f"({self.created + self.existing} in all: {states})."
        )


def load_demo(*, stdout: Writer | None = None, scale: float = 1.0) -> CaseDemoSummary:
    """Create the demo cases that are missing and return what was done.

    Idempotent: each case is found by its key (`Case.external_ref`) and skipped if present, so
    a second load creates nothing and records no event. Deterministic: the plan and every
    case draw from generators seeded by the case's key. `scale` (0 < scale ≤ 1) loads a
    smaller, still complete sample (every state is reached) for quick checks.
    """
    summary = CaseDemoSummary()
    clock = Clock()
    with transaction.atomic():
        for key, values in _POLICIES.items():
            agency = Agency.objects.get(name=AGENCY_NAMES[key])
            upsert(summary.settings, CasePolicy, {"agency": agency}, values)
        ctx = Context(clock=clock, staff=Staff(AGENCY_NAMES))
        plan = demo_plan(clock, scale=scale)
        keys = [spec.key for spec in plan]
        present = set(
            Case.objects.filter(external_ref__in=keys).values_list("external_ref", flat=True)
        )
        for serial, spec in enumerate(plan, start=1):
            if spec.key in present:
                summary.existing += 1
                continue
            try:
                _build(spec, ctx, serial)
            except Exception as error:  # re-raised with the case's key
                raise DemoCaseError(f"{spec.key}: {error}") from error
            summary.created += 1
        for status, act_type in Case.objects.filter(external_ref__in=keys).values_list(
            "status", "act_type"
        ):
            summary.statuses[status] += 1
            summary.act_types[act_type] += 1
    if stdout is not None:
        stdout.write(summary.describe() + "\n")
    return summary


class DemoCaseError(RuntimeError):
    """A demo case could not be built: the plan asks for something the services refuse."""


def _build(spec: GeneralSpec | OnSpotSpec | ActSpec, ctx: Context, serial: int) -> Case:
    if isinstance(spec, GeneralSpec):
        return GeneralCase(spec, ctx, serial).build()
    if isinstance(spec, OnSpotSpec):
        return build_onspot(spec, ctx, serial)
    return build_act(spec, ctx, serial)
