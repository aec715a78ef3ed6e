"""The demo cases (`cases.demo`): several hundred cases in every state, built by the services.

The registry demo and the demo cases are loaded once for this module, inside a transaction
that is rolled back at the end, so the rest of the suite never sees them. `SAMPLE` is the part
of the plan loaded here (`load_demo(scale=...)`: every group of the plan, every state); the
full plan is checked without loading, and the full load is `sanxiang demo` (about a minute).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.test import override_settings

from sanxiang.cases import services as svc
from sanxiang.cases.choices import (
    CaseStatus,
    DeadlineStatus,
    DecisionOutcome,
    DeliveryMethod,
    PartyKind,
    PaymentChannel,
    Procedure,
    Track,
)
from sanxiang.cases.deadlines import DEADLINE_RULES
from sanxiang.cases.demo import CaseDemoSummary, load_demo
from sanxiang.cases.demo.dates import LAST_FILING_DAY, TODAY, Clock
from sanxiang.cases.demo.plan import demo_plan
from sanxiang.cases.demo.spec import ActSpec, GeneralSpec, OnSpotSpec
from sanxiang.cases.models import Case, CaseEvent, Deadline, Decision, Delivery, Party, Payment
from sanxiang.cases.rules.discretion import check_discretion
from sanxiang.cases.workflow import INITIAL_STATES
from sanxiang.core.creditcode import parse_credit_code
from sanxiang.core.errors import ApplicationError
from sanxiang.core.identity import parse_resident_id
from sanxiang.registry import demo as registry_demo
from sanxiang.registry.models import ActType, FineBasis

pytestmark = pytest.mark.django_db

SAMPLE = 0.35
FIRST = datetime.date(2025, 1, 1)
LAST_DUE = datetime.date(2026, 12, 31)  # the last day the working-day calendar knows
CREATED_BY = {"cases.lead_registered", "cases.decided_on_spot", "cases.act_registered"}


@pytest.fixture(scope="module")
def demo(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: Any
) -> Iterator[CaseDemoSummary]:
    """The registry demo and a sample of the demo cases, loaded once and rolled back."""
    fast_hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The demo's evidence files (GUO-118-08 videos) go to a private storage of this module.
    storages = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path_factory.mktemp("private"), "base_url": None},
        },
    }
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=fast_hashers, STORAGES=storages),
        transaction.atomic(),
    ):
        registry_demo.load_demo()
        yield load_demo(scale=SAMPLE)
        transaction.set_rollback(True)


def demo_cases() -> Any:
    return Case.objects.filter(external_ref__startswith="demo:")


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_app_config("cases").get_models()
    }


def test_the_full_plan_has_several_hundred_cases_of_every_kind(demo: CaseDemoSummary) -> None:
    plan = demo_plan(Clock())
    assert len(plan) >= 300
    kinds = Counter(type(spec) for spec in plan)
    assert kinds[GeneralSpec] >= 150 and kinds[OnSpotSpec] >= 80 and kinds[ActSpec] >= 50
    keys = [spec.key for spec in plan]
    assert len(set(keys)) == len(keys)
    assert max(len(key) for key in keys) <= 64  # Case.external_ref
    general = [spec for spec in plan if isinstance(spec, GeneralSpec)]
    # The variants the issue names, each somewhere in the full plan.
    assert {s.decline for s in general} >= {
        "minor_corrected", "first_offence", "no_fault", "no_violation", "out_of_time",
        "not_competent", "other",
    }  # fmt: skip
    assert {s.delivery for s in general} == set(DeliveryMethod.values)
    assert {s.payment for s in general} >= {
        "on_time", "late", "plan", "remedy", "unpaid", "overdue", "court",
    }  # fmt: skip
    assert {s.no_penalty_reason for s in general} >= {
        "first_offence", "minor_corrected", "no_fault", "facts_not_established", "under_fourteen",
    }  # fmt: skip
    assert {s.outcome for s in general} == set(DecisionOutcome.values)
    assert {s.hearing for s in general} >= {"requested", "scheduled", "held", "absent"}
    assert {s.preservation for s in general} >= {"running", "lapsed", "disposed"}
    assert {s.lead for s in general} >= {"near", "over", "submitted", "extended"}
    assert any(s.age is not None and s.age < 14 for s in general)
    assert any(s.age is not None and 14 <= s.age < 18 for s in general)
    assert any(s.outside for s in general)
    acts = [spec for spec in plan if isinstance(spec, ActSpec)]
    assert {s.seizure for s in acts} >= {"running", "extended", "released"}
    onspot = [spec for spec in plan if isinstance(spec, OnSpotSpec)]
    assert any(not s.filed for s in onspot) and any(s.collect for s in onspot)


def test_every_state_of_the_lifecycle_is_reached(demo: CaseDemoSummary) -> None:
    cases = demo_cases()
    assert demo.created == cases.count() >= 100
    now = set(cases.values_list("status", flat=True))
    passed = set()
    for data in CaseEvent.objects.filter(case__in=cases).values_list("data", flat=True):
        passed.update(data.get("changes", {}).get("status", []))
    # An on-the-spot decision is delivered at once: that state is only passed through.
    assert now | passed == set(CaseStatus.values)
    assert now >= set(CaseStatus.values) - {CaseStatus.ON_SPOT_DECIDED}


def test_every_act_type_and_procedure_is_present(demo: CaseDemoSummary) -> None:
    cases = demo_cases()
    assert set(cases.values_list("act_type", flat=True)) == {
        ActType.PENALTY, ActType.INSPECTION, ActType.LICENSING, ActType.LEVY, ActType.COERCION,
    }  # fmt: skip
    penalties = cases.filter(act_type=ActType.PENALTY)
    assert set(penalties.values_list("procedure", flat=True)) == {
        Procedure.GENERAL,
        Procedure.SIMPLE,
    }
    assert set(cases.values_list("agency__short_name", flat=True)) >= {
        "津市监", "津公", "津环", "津财", "津滨", "北", "津南",
    }  # fmt: skip


def test_every_status_change_is_recorded_as_an_event(demo: CaseDemoSummary) -> None:
    """LAW-APL-47: the record shows the whole path, one event per move, nothing skipped."""
    for case in demo_cases().prefetch_related("events"):
        events = sorted(case.events.all(), key=lambda event: event.pk)
        # The creating service's event comes before any move (on the spot: with the party and
        # the record it writes).
        created = [event.action in CREATED_BY for event in events]
        assert True in created, case.external_ref
        assert not any("status" in e.data.get("changes", {}) for e in events[: created.index(True)])
        status = INITIAL_STATES[case.track]
        for event in events:
            change = event.data.get("changes", {}).get("status")
            if change is None:
                continue
            assert change[0] == status, (case.external_ref, event.action, change)
            assert event.action.startswith("cases."), event.action
            on = datetime.date.fromisoformat(event.data["on"])
            assert FIRST <= on <= TODAY, (case.external_ref, event.action, on)
            status = change[1]
        assert status == case.status, case.external_ref


def test_deadlines_are_tracked_with_their_rule(demo: CaseDemoSummary) -> None:
    cases = demo_cases()
    deadlines = Deadline.objects.filter(case__in=cases)
    assert deadlines.filter(status=DeadlineStatus.RUNNING).count() >= 20
    assert set(deadlines.values_list("rule", flat=True)) <= set(DEADLINE_RULES)
    assert not deadlines.filter(due_on__gt=LAST_DUE).exists()
    # LAW-APL-60: every filed case has its decision clock; SAMR-PROC-18: every lead its own.
    for case in cases.filter(track_q(Track.GENERAL)).exclude(status=CaseStatus.DECLINED):
        kinds = set(case.deadlines.values_list("kind", flat=True))
        assert "lead_filing" in kinds, case.external_ref
        if case.filed_on is not None:
            assert "decision" in kinds and case.filed_on <= LAST_FILING_DAY, case.external_ref
    leads = deadlines.filter(case__status=CaseStatus.LEAD, kind="lead_filing", status="running")
    assert leads.filter(due_on__lt=TODAY).exists()  # past the 15 working days
    assert leads.filter(due_on__gte=TODAY).exists()


def track_q(track: Track) -> Q:
    if track == Track.SIMPLE:
        return Q(act_type=ActType.PENALTY, procedure=Procedure.SIMPLE)
    if track == Track.GENERAL:
        return Q(act_type=ActType.PENALTY, procedure=Procedure.GENERAL)
    return ~Q(act_type=ActType.PENALTY)


def test_parties_have_valid_numbers_and_minors_are_protected(demo: CaseDemoSummary) -> None:
    """STD-11643, STD-32100; LAW-APL-30: 14–17 mitigated, under 14 not penalised."""
    parties = Party.objects.filter(case__in=demo_cases()).select_related("case")
    assert set(parties.values_list("kind", flat=True)) == set(PartyKind.values)
    for party in parties:
        if party.id_number:
            assert parse_resident_id(party.id_number).birth_date == party.birth_date
        if party.credit_code:
            assert parse_credit_code(party.credit_code).warnings == ()
    for decision in Decision.objects.filter(case__in=demo_cases(), decided_on__isnull=False):
        people = decision.case.parties.exclude(birth_date=None)
        act = decision.case.violation_started_on or decision.case.received_on
        assert act is not None
        ages = [parse_resident_id(p.id_number).age_on(act) for p in people if p.id_number]
        if any(age < 14 for age in ages):
            assert decision.outcome == DecisionOutcome.NO_PENALTY
        elif any(age < 18 for age in ages) and decision.outcome == DecisionOutcome.PENALTY:
            assert decision.mitigation_reason


def test_fines_stay_in_the_tier_or_say_why(demo: CaseDemoSummary) -> None:
    """LAW-APL-34: inside the discretion tier's range, or outside with a reason and flagged."""
    decisions = Decision.objects.filter(
        case__in=demo_cases(), discretion_tier__isnull=False
    ).select_related("discretion_tier")
    assert decisions.exists()
    for decision in decisions:
        tier = decision.discretion_tier
        assert tier is not None
        basis = decision.fine_basis_fen if tier.fine_basis != FineBasis.FIXED else None
        check = check_discretion(
            tier=tier,
            fine_fen=decision.fine_fen,
            reason=decision.outside_range_reason or decision.mitigation_reason,
            mitigation_required=False,
            basis_fen=basis,
        )
        if not check.within_range:
            assert decision.outside_range_reason and decision.flag_for_legal_review


def test_on_the_spot_penalties_keep_their_limits(demo: CaseDemoSummary) -> None:
    """LAW-APL-51 (200元 / 3000元 or a warning), LAW-APL-68/70 (collection and receipt)."""
    simple = demo_cases().filter(track_q(Track.SIMPLE))
    assert simple.exists()
    for case in simple.prefetch_related("parties"):
        decision = case.decision
        person = case.parties.get().kind != PartyKind.ORGANISATION
        assert decision.fine_fen <= (20_000 if person else 300_000), case.external_ref
        assert decision.form_number
    collected = Payment.objects.filter(case__in=simple, channel=PaymentChannel.ON_SPOT)
    assert collected.exists()
    assert all(payment.reference for payment in collected)
    assert simple.filter(simple_filed_on__isnull=True).exists()  # not yet filed (SAMR-PROC-70)
    deliveries = Delivery.objects.filter(case__in=simple)
    assert set(deliveries.values_list("method", flat=True)) == {DeliveryMethod.ON_SPOT}


def test_electronic_delivery_only_with_consent(demo: CaseDemoSummary) -> None:
    """LAW-APL-61, SAMR-PROC-82."""
    for delivery in Delivery.objects.filter(
        case__in=demo_cases(), method=DeliveryMethod.ELECTRONIC
    ):
        assert delivery.consent is not None
        assert delivery.consent.signed_on <= delivery.delivered_on


def test_the_cases_lie_in_the_demo_period(demo: CaseDemoSummary) -> None:
    """From January 2025 to the reference day; filed in time for a 2026 decision deadline."""
    cases = demo_cases()
    for field in ("received_on", "filed_on", "closed_on", "archived_on"):
        days = [day for day in cases.values_list(field, flat=True) if day is not None]
        assert days and min(days) >= FIRST and max(days) <= TODAY, field
    assert max(d for d in cases.values_list("filed_on", flat=True) if d) <= LAST_FILING_DAY
    assert not Payment.objects.filter(case__in=cases, paid_on__gt=TODAY).exists()
    assert not Delivery.objects.filter(case__in=cases, delivered_on__gt=TODAY).exists()


def test_a_demo_key_names_one_case(demo: CaseDemoSummary) -> None:
    """The key that makes the load idempotent is unique (`Case.external_ref`)."""
    case = demo_cases().filter(status=CaseStatus.LEAD).select_related("created_by").first()
    assert case is not None and case.created_by is not None
    with pytest.raises(ApplicationError) as refused:
        svc.lead_register(
            title="重复导入的线索",
            lead_source=case.lead_source,
            received_on=TODAY,
            lead_summary="同一外部编号再次导入。",
            external_ref=case.external_ref,
            actor=case.created_by,
        )
    assert "external_ref" in refused.value.extra["fields"]


def test_loading_again_changes_nothing(demo: CaseDemoSummary) -> None:
    before = row_counts()
    last_event = CaseEvent.objects.order_by("-pk").values_list("pk", flat=True).first()
    again = load_demo(scale=SAMPLE)
    assert again.created == 0 and not again.changed
    assert again.existing == demo.created
    assert again.statuses == demo.statuses
    assert row_counts() == before
    assert CaseEvent.objects.order_by("-pk").values_list("pk", flat=True).first() == last_event
