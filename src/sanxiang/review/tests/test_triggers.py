"""The trigger determination, one test per trigger type (LAW-APL-58, GUO-118-12, GUO-14-04,
TJ-SUP-14) — the pure function, no database."""

from __future__ import annotations

from typing import Any

from sanxiang.cases.choices import DecisionOutcome, PartyKind, Procedure
from sanxiang.registry.models import ActType, MajorDecisionTrigger, PartyScope, PenaltyType
from sanxiang.review.triggers import (
    CaseFacts,
    CatalogueRule,
    PolicyOptions,
    Proposal,
    Stage,
    determine_triggers,
)

T = MajorDecisionTrigger


def _facts(**overrides: object) -> CaseFacts:
    values: dict[str, object] = {
        "act_type": ActType.PENALTY,
        "procedure": Procedure.GENERAL,
        "party_kinds": frozenset({PartyKind.NATURAL_PERSON}),
        "proposal": Proposal(penalty_types=frozenset({PenaltyType.FINE}), fine_fen=300_000),
    }
    values.update(overrides)
    return CaseFacts(**values)  # type: ignore[arg-type]


def _rule(trigger: str, **fields: Any) -> CatalogueRule:
    return CatalogueRule(1, f"rule {trigger}", trigger, "basis", **fields)


def _fired(facts: CaseFacts, *rules: CatalogueRule, **policy: bool) -> list[str]:
    return [t.trigger for t in determine_triggers(facts, rules, PolicyOptions(**policy))]


def test_nothing_fires_for_an_ordinary_fine() -> None:
    assert (
        _fired(_facts(), _rule(T.AMOUNT), _rule(T.PENALTY_TYPE, penalty_type="revoke_licence"))
        == []
    )


def test_act_type() -> None:
    assert _fired(_facts(), _rule(T.ACT_TYPE, act_type=ActType.PENALTY)) == [T.ACT_TYPE]
    assert _fired(_facts(), _rule(T.ACT_TYPE, act_type=ActType.LICENSING)) == []


def test_penalty_type_tj_sup_14() -> None:
    proposal = Proposal(penalty_types=frozenset({PenaltyType.SUSPEND_BUSINESS}))
    fired = determine_triggers(
        _facts(proposal=proposal),
        [_rule(T.PENALTY_TYPE, penalty_type=PenaltyType.SUSPEND_BUSINESS)],
    )
    assert [t.trigger for t in fired] == [T.PENALTY_TYPE]
    assert "责令停产停业" in fired[0].reason or "suspend" in fired[0].reason.lower()


def test_amount_at_the_hearing_threshold_tj_sup_14() -> None:
    """An empty amount means the hearing threshold: 1万元 for a natural person, 以上 inclusive."""
    at = _facts(proposal=Proposal(fine_fen=1_000_000))
    below = _facts(proposal=Proposal(fine_fen=999_999))
    company = _facts(
        party_kinds=frozenset({PartyKind.ORGANISATION}), proposal=Proposal(fine_fen=1_000_000)
    )
    assert _fired(at, _rule(T.AMOUNT)) == [T.AMOUNT]
    assert _fired(below, _rule(T.AMOUNT)) == []
    assert _fired(company, _rule(T.AMOUNT)) == []  # 10万元 for organisations


def test_amount_counts_confiscation_and_own_threshold() -> None:
    facts = _facts(proposal=Proposal(confiscation_fen=600_000))
    assert _fired(facts, _rule(T.AMOUNT, amount_fen=500_000)) == [T.AMOUNT]
    assert _fired(facts, _rule(T.AMOUNT, amount_fen=700_000)) == []


def test_party_scope_limits_a_rule() -> None:
    facts = _facts(proposal=Proposal(fine_fen=50_000_000))
    rule = _rule(T.AMOUNT, amount_fen=100, party_scope=PartyScope.ORGANISATION)
    assert _fired(facts, rule) == []


def test_hearing_held_is_statutory_law_apl_58() -> None:
    """LAW-APL-58(二): fires without any catalogue row."""
    fired = determine_triggers(_facts(hearing_held=True), [])
    assert [t.trigger for t in fired] == [T.HEARING_HELD]
    assert fired[0].legal_basis == "LAW-APL-58(二)"


def test_public_interest_is_statutory_law_apl_58() -> None:
    assert _fired(_facts(public_interest=True)) == [T.PUBLIC_INTEREST]


def test_complex_is_statutory_law_apl_58() -> None:
    assert _fired(_facts(is_complex=True)) == [T.COMPLEX]


def test_statutory_trigger_reported_once_with_its_catalogue_row() -> None:
    fired = determine_triggers(_facts(is_complex=True), [_rule(T.COMPLEX)])
    assert [(t.trigger, t.rule_id) for t in fired] == [(T.COMPLEX, 1)]


def test_suspected_crime() -> None:
    assert _fired(_facts(suspected_crime=True), _rule(T.SUSPECTED_CRIME)) == [T.SUSPECTED_CRIME]
    transfer = _facts(proposal=Proposal(outcome=DecisionOutcome.TRANSFER))
    assert _fired(transfer, _rule(T.SUSPECTED_CRIME)) == [T.SUSPECTED_CRIME]


def test_discretion_outside() -> None:
    outside = _facts(proposal=Proposal(fine_fen=1, discretion_outside=True))
    assert _fired(outside, _rule(T.DISCRETION_OUTSIDE)) == [T.DISCRETION_OUTSIDE]
    assert _fired(_facts(), _rule(T.DISCRETION_OUTSIDE)) == []


def test_all_general_procedure_guo_14_04() -> None:
    assert _fired(_facts(), _rule(T.ALL_GENERAL_PROCEDURE)) == [T.ALL_GENERAL_PROCEDURE]
    simple = _facts(procedure=Procedure.SIMPLE)
    assert _fired(simple, _rule(T.ALL_GENERAL_PROCEDURE)) == []
    # The policy option does the same without a catalogue row.
    assert _fired(_facts(), review_all_general_procedure=True) == [T.ALL_GENERAL_PROCEDURE]


def test_before_filing_fires_at_the_filing_stage_only_guo_14_04() -> None:
    major = _facts(is_major=True, proposal=None)
    rule = _rule(T.BEFORE_FILING)
    assert [t.trigger for t in determine_triggers(major, [rule], stage=Stage.FILING)] == [
        T.BEFORE_FILING
    ]
    assert determine_triggers(_facts(), [rule], stage=Stage.FILING) == []
    assert _fired(major, rule) == []  # not a decision-stage trigger


def test_statutory_floor_is_for_penalties_only() -> None:
    assert _fired(_facts(act_type=ActType.INSPECTION, is_complex=True)) == []
