"""The demo's case list: which cases exist, how far each has gone and on which day.

About a third of the cases are on-the-spot penalties and a sixth other act types, as in an
enforcement agency's real workload; the general-procedure cases cover every state of the
lifecycle and every variant the issue names. The list is fixed (a seeded generator picks the
days), so every load builds the same cases, and each case has a stable key (`external_ref`).

`scale` (0 < scale ≤ 1) keeps a deterministic part of every group — every stage and variant is
still there — for quick checks; the full data set is `scale=1`.
"""

from __future__ import annotations

import datetime
import math
import random
from collections.abc import Iterator
from typing import Any

from sanxiang.cases.demo.dates import TODAY, Clock
from sanxiang.cases.demo.scenarios import ONSPOT
from sanxiang.cases.demo.spec import ActSpec, GeneralSpec, OnSpotSpec, Stop

__all__ = ["Plan", "demo_plan"]

Plan = list[GeneralSpec | OnSpotSpec | ActSpec]
_D = datetime.date
LONG_AGO = _D(2025, 5, 6)  # the earliest archive day: cases then started early in 2025


def _g(scenario: str, **values: Any) -> dict[str, Any]:
    return {"scenario": scenario, **values}


# Each group: (stop, anchor range in working days before TODAY or a date range, cases).
_LEADS = [
    _g("sj-expired-food"), _g("bh-road"), _g("ga-disorder"), _g("jn-waste"),
    _g("sj-false-ad", lead="near"), _g("hb-unlicensed-food", lead="near"),
    _g("st-air", lead="near"), _g("bh-waste", lead="over"),
    _g("sj-adulterated-product", lead="over"), _g("jn-road", lead="over"),
    _g("sj-unlicensed-food", lead="submitted", pending_level=2),
    _g("cz-no-books", lead="submitted", pending_level=2),
    _g("st-water", lead="submitted", pending_level=3),
    _g("sj-substandard-product", lead="extended"),
]  # fmt: skip
_DECLINED = [
    _g(scenario, decline=reason)
    for reason, scenarios in (
        ("minor_corrected", ("bh-road", "sj-price-tag")),
        ("first_offence", ("sj-expired-food", "jn-road")),
        ("no_fault", ("sj-substandard-product", "bh-expired-food")),
        ("no_violation", ("st-air", "ga-disorder")),
        ("out_of_time", ("cz-false-accounting", "sj-false-ad")),
        ("not_competent", ("hb-unlicensed-food", "st-water")),
        ("other", ("bh-waste", "jn-waste")),
    )
    for scenario in scenarios
]
_FILED = [_g("sj-expired-food"), _g("st-no-eia"), _g("bh-bbq"), _g("cz-no-books"), _g("jn-road")]
_EARLY = _D(2026, 8, 24)  # a long investigation: filed in August
_INVESTIGATING = [
    _g("sj-expired-food"), _g("ga-assault"), _g("hb-waste"), _g("sj-price-fraud"), _g("jn-road"),
    _g("sj-expired-food", preservation="running"), _g("bh-expired-food", preservation="running"),
    _g("sj-unlicensed-food", preservation="running"),
    _g("sj-substandard-product", preservation="lapsed"),
    _g("hb-unlicensed-food", preservation="lapsed"),
    _g("sj-adulterated-product", seizure="running"), _g("st-air", seizure="running"),
    _g("sj-substandard-product", testing=True, filed_by=_EARLY),
    _g("st-water", testing=True, filed_by=_EARLY),
    _g("st-no-eia", extension=True, filed_by=_D(2026, 8, 17)),
    _g("ga-damage", recusal=True),
]  # fmt: skip
_CASE_REVIEW = [
    _g("sj-expired-food"), _g("bh-road"), _g("ga-assault"),
    _g("st-air", pending="notice", pending_level=2),
    _g("sj-false-ad", pending="notice", pending_level=3),
    _g("jn-waste", pending="notice", pending_level=2),
]  # fmt: skip
_NOTIFIED = [
    _g("sj-expired-food"), _g("bh-road"), _g("ga-disorder"), _g("cz-no-books", heavy=True),
    _g("sj-unlicensed-food", statement=True), _g("bh-bbq", statement=True),
    _g("hb-waste", waiver=True, pending="decision", pending_level=3),
    _g("sj-price-tag", waiver=True, pending="decision", pending_level=2),
    _g("st-water"),
]  # fmt: skip
_HEARING = [
    _g("st-air", hearing="requested"), _g("sj-unlicensed-food", hearing="requested"),
    _g("cz-false-accounting", hearing="scheduled"), _g("st-water", hearing="scheduled"),
    _g("sj-false-ad", hearing="scheduled"),
    _g("st-air", hearing="held", heavy=True), _g("sj-unlicensed-food", hearing="held"),
]  # fmt: skip
_LEGAL_REVIEW = [
    _g("st-water", hearing="held", legal_review=True, filed_by=_EARLY),
    _g("cz-false-accounting", hearing="absent", legal_review=True, filed_by=_EARLY),
    _g("sj-expired-food", outside=True, legal_review=True),
    _g("st-no-eia", heavy=True, legal_review=True),
]
_DELIBERATION = [
    _g("st-air", heavy=True, hearing="held", deliberation=True, filed_by=_EARLY),
    _g("cz-false-accounting", heavy=True, deliberation=True),
    _g("sj-false-ad", heavy=True, legal_review=True, deliberation=True, pending="decision",
       pending_level=3),
    _g("sj-adulterated-product", heavy=True, deliberation=True, pending="decision"),
]  # fmt: skip
_DECIDED = [
    _g("sj-expired-food"), _g("ga-assault", heavy=True), _g("jn-road"), _g("st-no-eia"),
    _g("bh-waste", outcome="dismissed"), _g("sj-price-fraud", outcome="dismissed"),
    _g("hb-unlicensed-food", outcome="dismissed"),
]  # fmt: skip
_DELIVERED = [
    _g("bh-posters"), _g("hb-posters"),
    _g("sj-expired-food", outcome="no_penalty", no_penalty_reason="first_offence"),
    _g("sj-substandard-product", outcome="no_penalty", no_penalty_reason="no_fault"),
    _g("bh-road", outcome="no_penalty", no_penalty_reason="minor_corrected", delivery="post"),
    _g("sj-substandard-product", outcome="transfer", heavy=True),
    _g("st-air", outcome="transfer", heavy=True, seizure="disposed"),
    _g("cz-false-accounting", outcome="transfer", heavy=True),
]  # fmt: skip
_ENFORCING = [
    _g("sj-expired-food", payment="unpaid"), _g("bh-road", payment="unpaid"),
    _g("ga-disorder", payment="unpaid", delivery="on_spot"), _g("st-no-eia", payment="unpaid"),
    _g("jn-waste", payment="unpaid", delivery="electronic"),
    _g("hb-waste", payment="overdue"), _g("sj-price-fraud", payment="overdue"),
    _g("bh-bbq", payment="overdue", delivery="left"), _g("jn-road", payment="overdue"),
    _g("sj-unlicensed-food", payment="plan"), _g("st-air", payment="plan"),
    _g("cz-no-books", heavy=True, payment="plan"),
    _g("sj-false-ad", payment="remedy"), _g("st-water", payment="remedy"),
    _g("bh-waste", heavy=True, payment="remedy"),
    _g("hb-road", payment="court"), _g("sj-adulterated-product", payment="court"),
    _g("sj-expired-food", payment="on_time"), _g("ga-assault", heavy=True, payment="on_time"),
    _g("cz-no-books"),
    _g("bh-bbq", pending="closing", stop=Stop.CLOSED, pending_level=2),
    _g("sj-price-tag", pending="closing", stop=Stop.CLOSED, pending_level=2),
]  # fmt: skip
_CLOSED = [
    _g("bh-road", delivery="electronic"), _g("ga-assault"), _g("st-no-eia", payment="late"),
    _g("sj-price-tag", outcome="no_penalty", no_penalty_reason="minor_corrected"),
    _g("cz-no-books", outcome="no_penalty", no_penalty_reason="first_offence"),
    _g("sj-adulterated-product", outcome="transfer", heavy=True),
    _g("jn-road", outcome="dismissed"), _g("sj-unlicensed-food", payment="plan"),
]  # fmt: skip
_ARCHIVED = [
    _g("sj-expired-food", delivery="on_spot"), _g("bh-expired-food"),
    _g("sj-unlicensed-food", delivery="post"), _g("hb-unlicensed-food"),
    _g("jn-road", delivery="left"), _g("hb-waste"),
    _g("sj-price-fraud", delivery="electronic"), _g("ga-damage", heavy=True),
    _g("sj-expired-food", payment="late"), _g("bh-road", payment="late", delivery="post"),
    _g("sj-false-ad", payment="late", delivery="electronic"),
    _g("st-no-eia", payment="plan"), _g("sj-unlicensed-food", payment="plan"),
    _g("st-water", payment="remedy", hearing="held", legal_review=True),
    _g("cz-false-accounting", payment="remedy", hearing="held", legal_review=True,
       deliberation=True, heavy=True),
    _g("sj-adulterated-product", payment="court"), _g("bh-waste", heavy=True, payment="court"),
    _g("st-air", hearing="held", deliberation=True, heavy=True, legal_review=True),
    _g("sj-unlicensed-food", hearing="withdrawn"),
    _g("sj-expired-food", statement=True, preservation="disposed"),
    _g("sj-substandard-product", statement=True, seizure="disposed", testing=True),
    _g("hb-waste", waiver=True), _g("jn-road", waiver=True, delivery="on_spot"),
    _g("bh-waste", waiver=True, delivery="public_notice"),
    _g("sj-price-fraud", delivery="public_notice", extension=True),
    _g("sj-expired-food", outside=True, legal_review=True),
    _g("sj-unlicensed-food", recusal=True),
    _g("sj-unlicensed-food", outside=True, preservation="disposed"),
    _g("ga-assault", age=16), _g("ga-assault", age=15, delivery="on_spot"),
    _g("bh-posters", age=17),
    _g("ga-damage", age=13, outcome="no_penalty", no_penalty_reason="under_fourteen"),
    _g("sj-expired-food", outcome="no_penalty", no_penalty_reason="first_offence"),
    _g("jn-road", outcome="no_penalty", no_penalty_reason="first_offence"),
    _g("bh-road", outcome="no_penalty", no_penalty_reason="minor_corrected"),
    _g("sj-substandard-product", outcome="no_penalty", no_penalty_reason="no_fault"),
    _g("sj-false-ad", outcome="no_penalty", no_penalty_reason="facts_not_established"),
    _g("st-water", outcome="transfer", heavy=True),
    _g("cz-no-books", outcome="dismissed"),
]  # fmt: skip

_GROUPS: tuple[tuple[Stop, list[dict[str, Any]]], ...] = (
    (Stop.LEAD, _LEADS),
    (Stop.DECLINED, _DECLINED),
    (Stop.FILED, _FILED),
    (Stop.INVESTIGATING, _INVESTIGATING),
    (Stop.CASE_REVIEW, _CASE_REVIEW),
    (Stop.NOTIFIED, _NOTIFIED),
    (Stop.HEARING, _HEARING),
    (Stop.LEGAL_REVIEW, _LEGAL_REVIEW),
    (Stop.DELIBERATION, _DELIBERATION),
    (Stop.DECIDED, _DECIDED),
    (Stop.DELIVERED, _DELIVERED),
    (Stop.ENFORCING, _ENFORCING),
    (Stop.CLOSED, _CLOSED),
    (Stop.ARCHIVED, _ARCHIVED),
)
# On-the-spot cases: (how many, stop, filed with the agency, paid).
_ONSPOT_GROUPS = (
    (34, "archived", True, "on_time"),
    (15, "closed", True, "on_time"),
    (12, "open", True, "unpaid"),
    (10, "open", True, "on_time"),
    (8, "open", False, "unpaid"),
    (10, "open", False, "on_time"),
)
# Other acts: scenario key → cases per stage (registered, in progress, decided, closed, archived).
_ACT_GROUPS: dict[str, tuple[int, int, int, int, int]] = {
    "sj-food-inspection": (1, 2, 2, 2, 4),
    "sj-sampling": (0, 1, 1, 1, 3),
    "ga-venue": (1, 1, 1, 1, 2),
    "st-site": (1, 1, 1, 1, 2),
    "cz-accounts": (0, 1, 1, 0, 2),
    "sj-licence": (1, 2, 2, 2, 2),
    "bh-road-fee": (0, 1, 2, 2, 3),
}
_COERCION: dict[str, tuple[str, ...]] = {
    # in force, extended, decided while in force, released (closed), released (archived)
    "sj-food-seizure": ("running", "extended", "decided", "closed", "archived", "archived"),
    "sj-product-seizure": ("running", "decided", "closed", "archived"),
    "st-seal": ("running", "extended", "archived"),
}
_ACT_STOPS = ("registered", "in_progress", "decided", "closed", "archived")


class _Days:
    """Picks the days of the plan: a seeded generator and the working-day calendar."""

    def __init__(self, clock: Clock, rng: random.Random) -> None:
        self.clock, self.rng = clock, rng

    def back(self, low: int, high: int) -> datetime.date:
        """A working day `low`..`high` working days before TODAY."""
        return self.clock.before(self.clock.on_or_before(TODAY), self.rng.randint(low, high))

    def days_back(self, low: int, high: int) -> datetime.date:
        return self.clock.days_before(TODAY, self.rng.randint(low, high))

    def between(self, first: datetime.date, last: datetime.date) -> datetime.date:
        day = first + datetime.timedelta(days=self.rng.randint(0, (last - first).days))
        return self.clock.on_or_before(day)


def _general_anchor(stop: Stop, values: dict[str, Any], days: _Days) -> datetime.date:
    lead = values.get("lead", "")
    payment = values.get("payment", "on_time")
    if stop == Stop.LEAD:
        ranges = {"": (0, 8), "near": (12, 14), "over": (17, 24), "submitted": (5, 9)}
        return days.back(*ranges.get(lead, (16, 19)))
    if stop == Stop.DECLINED:
        return days.between(_D(2025, 2, 10), TODAY)
    if stop == Stop.FILED:
        return days.clock.before(_D(2026, 9, 30), days.rng.randint(0, 5))
    if stop in (Stop.INVESTIGATING, Stop.CASE_REVIEW):
        return days.back(0, 8)
    if stop in (Stop.NOTIFIED, Stop.HEARING, Stop.LEGAL_REVIEW, Stop.DELIBERATION):
        return days.back(0, 3)
    if stop == Stop.DECIDED:
        return days.back(3, 10) if values.get("outcome") == "dismissed" else days.back(0, 4)
    if stop == Stop.DELIVERED:
        return days.back(0, 6)
    if stop == Stop.ENFORCING:
        ranges = {"overdue": (25, 70), "remedy": (0, 30), "court": (0, 20), "plan": (0, 15)}
        return days.days_back(*ranges.get(payment, (0, 10)))
    if stop == Stop.CLOSED:
        if values.get("pending") == "closing":
            return days.back(0, 3)
        return days.days_back(3, 40)
    ga = values["scenario"].startswith("ga-")
    return days.between(_D(2026, 4, 20) if ga else LONG_AGO, days.clock.days_before(TODAY, 20))


def _thin(items: list[Any], scale: float) -> list[Any]:
    """A deterministic, evenly spread part of `items` (at least one)."""
    if scale >= 1:
        return items
    keep = max(1, math.ceil(len(items) * scale))
    step = len(items) / keep
    return [items[int(i * step)] for i in range(keep)]


def _general(days: _Days, scale: float) -> Iterator[GeneralSpec]:
    for stop, group in _GROUPS:
        for index, values in enumerate(_thin(group, scale)):
            values = dict(values)
            scenario = values.pop("scenario")
            spec_stop = values.pop("stop", stop)
            anchor = _general_anchor(stop, {"scenario": scenario, **values}, days)
            yield GeneralSpec(
                key=f"demo:{scenario}:{stop.name.lower()}:{index + 1}",
                scenario=scenario,
                stop=spec_stop,
                anchor=anchor,
                **values,
            )


def _weighted(keys: dict[str, int], rng: random.Random, count: int) -> list[str]:
    names = sorted(keys)
    return rng.choices(names, [keys[name] for name in names], k=count)


def _onspot(days: _Days, scale: float) -> Iterator[OnSpotSpec]:
    rng = days.rng
    weights = {key: scenario.weight for key, scenario in ONSPOT.items()}
    for count, stop, filed, paid in _ONSPOT_GROUPS:
        total = max(1, math.ceil(count * scale))
        for index, key in enumerate(_weighted(weights, rng, total)):
            scenario = ONSPOT[key]
            if stop == "archived":
                earliest = scenario.earliest or _D(2025, 1, 6)
                acted = days.between(
                    max(earliest, _D(2025, 1, 6)), days.clock.days_before(TODAY, 45)
                )
            elif stop == "closed":
                acted = days.days_back(20, 60)
            elif filed:
                acted = days.days_back(0, 30) if paid == "on_time" else days.days_back(0, 12)
            else:  # not yet filed: some still within the 7 working days, some late
                acted = days.back(0, 5) if index % 2 else days.days_back(12, 40)
            minor = scenario.minors and rng.random() < 0.3
            yield OnSpotSpec(
                key=f"demo:{key}:{stop}:{index + 1}{'' if filed else 'u'}{paid[0]}",
                scenario=key,
                acted_on=acted,
                stop=stop,
                filed=filed,
                paid=paid,
                collect=rng.random() < 0.5,
                age=rng.randint(14, 17) if minor else None,
            )


def _acts(days: _Days, scale: float) -> Iterator[ActSpec]:
    for key, counts in _ACT_GROUPS.items():
        for stage, count in zip(_ACT_STOPS, counts, strict=True):
            for index in range(max(1, math.ceil(count * scale)) if count else 0):
                yield ActSpec(
                    key=f"demo:{key}:{stage}:{index + 1}",
                    scenario=key,
                    received_on=_act_start(stage, days),
                    stop=stage,
                )
    for key, stages in _COERCION.items():
        for index, stage in enumerate(_thin(list(stages), scale)):
            seizure = {"running": "running", "extended": "extended"}.get(stage, "")
            if stage in ("closed", "archived"):
                seizure = "released"
            start = _act_start(stage, days)
            if stage == "running":
                start = days.days_back(3, 25)
            elif stage == "extended":
                start = days.days_back(31, 50)
            elif stage == "decided":
                start = days.days_back(5, 20)
            yield ActSpec(
                key=f"demo:{key}:{stage}:{index + 1}",
                scenario=key,
                received_on=start,
                stop="in_progress" if seizure in ("running", "extended") else stage,
                seizure=seizure,
            )


def _act_start(stage: str, days: _Days) -> datetime.date:
    if stage == "registered":
        return days.back(0, 3)
    if stage == "in_progress":
        return days.back(0, 8)
    if stage == "decided":
        return days.back(12, 20)
    if stage == "closed":
        return days.days_back(40, 80)
    return days.between(_D(2025, 1, 8), days.clock.days_before(TODAY, 60))


def demo_plan(clock: Clock, *, scale: float = 1.0) -> Plan:
    """Every demo case, in the order they are built."""
    if not 0 < scale <= 1:
        raise ValueError("scale must be in (0, 1]")
    days = _Days(clock, random.Random("sanxiang-demo-2026:plan"))  # noqa: S311 - demo data
    plan: Plan = []
    plan.extend(_general(days, scale))
    plan.extend(_onspot(days, scale))
    plan.extend(_acts(days, scale))
    return plan
