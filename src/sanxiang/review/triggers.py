"""Does a decision need legal review, and why (LAW-APL-58, GUO-118-12, GUO-14-04, TJ-SUP-14).

`determine_triggers` is a pure function: from the facts of a case (`CaseFacts`), the agency's
catalogue (`CatalogueRule`s: the platform default plus the agency's own rows) and its review
policy, it returns every trigger that fired, each with a human-readable reason. Three triggers
are statutory and fire even when the catalogue lacks or deactivated their row: LAW-APL-58 (一)
major public interest, (二) decided after a hearing, (三) complex case — the catalogue may add to
the law, never take from it. `case_facts` and `case_triggers` load the facts of a real case.

The proposal is the decision as drafted, or, before the draft, the penalty of the current
notice (告知) — what the reviewer is asked to review.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.cases.choices import DecisionOutcome, HearingStatus, Procedure
from sanxiang.cases.models import Case, CasePolicy, Decision, PenaltyNotice
from sanxiang.cases.rules import HearingThresholds
from sanxiang.cases.rules.parties import is_natural_person
from sanxiang.core.money import format_yuan
from sanxiang.registry.models import (
    ActType,
    MajorDecisionRule,
    MajorDecisionTrigger,
    PartyScope,
    PenaltyType,
)
from sanxiang.review.models import ReviewCaseFlags, ReviewPolicy

__all__ = [
    "CaseFacts",
    "CatalogueRule",
    "FiredTrigger",
    "PolicyOptions",
    "Proposal",
    "Stage",
    "case_facts",
    "case_triggers",
    "catalogue_rules",
    "determine_triggers",
    "proposal_of_decision",
    "proposal_of_notice",
]

T = MajorDecisionTrigger

# The statutory floor (LAW-APL-58 第一款 (一)(二)(三)): fires whatever the catalogue says.
_STATUTORY = {
    T.PUBLIC_INTEREST: "LAW-APL-58(一)",
    T.HEARING_HELD: "LAW-APL-58(二)",
    T.COMPLEX: "LAW-APL-58(三)",
}


class Stage:
    DECISION = "decision"
    FILING = "filing"


@dataclass(frozen=True)
class Proposal:
    """The decision under review: outcome, penalty types and amounts (fen)."""

    outcome: str = DecisionOutcome.PENALTY
    penalty_types: frozenset[str] = frozenset()
    fine_fen: int = 0
    confiscation_fen: int = 0
    discretion_outside: bool = False

    def as_json(self) -> dict[str, Any]:
        """The form kept on the review (`LegalReview.proposal`) to compare against later."""
        return {
            "outcome": self.outcome,
            "penalty_types": sorted(self.penalty_types),
            "fine_fen": self.fine_fen,
            "confiscation_fen": self.confiscation_fen,
        }


@dataclass(frozen=True)
class CaseFacts:
    act_type: str
    procedure: str
    party_kinds: frozenset[str]
    is_complex: bool = False
    is_major: bool = False
    suspected_crime: bool = False
    public_interest: bool = False
    hearing_held: bool = False
    proposal: Proposal | None = None
    thresholds: HearingThresholds = field(default_factory=HearingThresholds)


@dataclass(frozen=True)
class CatalogueRule:
    """One catalogue row, detached from the database (`catalogue_rules`)."""

    id: int | None
    name: str
    trigger: str
    legal_basis: str = ""
    act_type: str = ""
    penalty_type: str = ""
    party_scope: str = PartyScope.ANY
    amount_fen: int | None = None
    agency_specific: bool = False


@dataclass(frozen=True)
class PolicyOptions:
    review_all_general_procedure: bool = False
    review_before_filing: bool = False


@dataclass(frozen=True)
class FiredTrigger:
    """A trigger that fired: which rule (None for the statutory floor or a policy option),
    which trigger type, why in words, and on what legal basis."""

    rule_id: int | None
    rule_name: str
    trigger: str
    reason: str
    legal_basis: str

    def as_json(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "rule_name": self.rule_name,
            "trigger": self.trigger,
            "reason": self.reason,
            "legal_basis": self.legal_basis,
        }


def _scope_matches(scope: str, facts: CaseFacts) -> bool:
    if scope == PartyScope.ANY or not facts.party_kinds:
        return True
    natural = {
        is_natural_person(
            kind,
            individual_business_as_natural_person=(
                facts.thresholds.individual_business_as_natural_person
            ),
        )
        for kind in facts.party_kinds
    }
    return (scope == PartyScope.NATURAL_PERSON and True in natural) or (
        scope == PartyScope.ORGANISATION and False in natural
    )


def _amount_threshold(rule: CatalogueRule, facts: CaseFacts) -> int | None:
    """The rule's own amount, or the lowest hearing threshold among the parties (TJ-SUP-14)."""
    if rule.amount_fen is not None:
        return rule.amount_fen
    kinds = [
        kind
        for kind in facts.party_kinds
        if rule.party_scope == PartyScope.ANY or _scope_matches(rule.party_scope, _one(facts, kind))
    ]
    if not kinds:
        return None
    return min(facts.thresholds.threshold_for(kind) for kind in kinds)


def _one(facts: CaseFacts, kind: str) -> CaseFacts:
    return CaseFacts(
        act_type=facts.act_type,
        procedure=facts.procedure,
        party_kinds=frozenset({kind}),
        thresholds=facts.thresholds,
    )


def _check(rule: CatalogueRule, facts: CaseFacts, stage: str) -> str | None:
    """The reason `rule` fires for `facts` at `stage`, or None."""
    p = facts.proposal
    trigger = rule.trigger
    if stage == Stage.FILING:
        if trigger == T.BEFORE_FILING and (
            facts.is_major or facts.is_complex or facts.suspected_crime or facts.public_interest
        ):
            return _(
                "The agency reviews major cases before filing, and this case is flagged major."
            )
        return None
    if not _scope_matches(rule.party_scope, facts):
        return None
    if trigger == T.ACT_TYPE and facts.act_type == rule.act_type:
        return _("Every %(act)s decision of this agency is reviewed.") % {
            "act": ActType(rule.act_type).label
        }
    if trigger == T.PENALTY_TYPE and p is not None and rule.penalty_type in p.penalty_types:
        return _("The proposed decision includes %(type)s.") % {
            "type": PenaltyType(rule.penalty_type).label
        }
    if trigger == T.AMOUNT and p is not None:
        threshold = _amount_threshold(rule, facts)
        if threshold is None:
            return None
        basis = _("the hearing threshold") if rule.amount_fen is None else _("the catalogue amount")
        for label, amount in ((_("fine"), p.fine_fen), (_("confiscation"), p.confiscation_fen)):
            if amount and amount >= threshold:
                return _("The %(what)s of %(amount)s元 reaches %(basis)s of %(threshold)s元.") % {
                    "what": label,
                    "amount": format_yuan(amount),
                    "basis": basis,
                    "threshold": format_yuan(threshold),
                }
        return None
    if trigger == T.HEARING_HELD and facts.hearing_held:
        return _("The decision is made after a hearing.")
    if trigger == T.PUBLIC_INTEREST and facts.public_interest:
        return _("The handling unit states that the case concerns a major public interest.")
    if trigger == T.COMPLEX and facts.is_complex:
        return _("The case is flagged complex or involving several legal relations.")
    if trigger == T.SUSPECTED_CRIME and (
        facts.suspected_crime or (p is not None and p.outcome == DecisionOutcome.TRANSFER)
    ):
        return _("The case is suspected to be a crime to transfer to the judicial organs.")
    if trigger == T.DISCRETION_OUTSIDE and p is not None and p.discretion_outside:
        return _("The proposed fine lies outside the range of the discretion standard.")
    if (
        trigger == T.ALL_GENERAL_PROCEDURE
        and facts.procedure == Procedure.GENERAL
        and facts.act_type == ActType.PENALTY
        and (p is None or p.outcome != DecisionOutcome.DISMISSED)
    ):
        # A dismissal (撤销案件) decides nothing about the party: not an enforcement decision.
        return _("The agency reviews every decision outside the simple procedure.")
    return None


def determine_triggers(
    facts: CaseFacts,
    rules: Iterable[CatalogueRule],
    policy: PolicyOptions = PolicyOptions(),
    *,
    stage: str = Stage.DECISION,
) -> list[FiredTrigger]:
    """Every trigger that fires for `facts` at `stage` (see the module docstring).

    LAW-APL-58: the statutory items (一)(二)(三) fire even without a catalogue row; GUO-118-12
    and TJ-SUP-14: each active catalogue row is checked; GUO-14-04: the policy options add
    "every general-procedure decision" and "before filing". A rule that fires twice (the
    catalogue row and the statutory floor) is reported once, by its catalogue row.
    """
    fired: list[FiredTrigger] = []
    seen_triggers: set[str] = set()
    for rule in rules:
        reason = _check(rule, facts, stage)
        if reason is not None:
            fired.append(FiredTrigger(rule.id, rule.name, rule.trigger, reason, rule.legal_basis))
            seen_triggers.add(rule.trigger)
    synthetic: list[CatalogueRule] = []
    if stage == Stage.DECISION and facts.act_type == ActType.PENALTY:
        for trigger, rule_id in _STATUTORY.items():
            if trigger not in seen_triggers:
                synthetic.append(
                    CatalogueRule(None, str(T(trigger).label), trigger, legal_basis=rule_id)
                )
        if policy.review_all_general_procedure and T.ALL_GENERAL_PROCEDURE not in seen_triggers:
            synthetic.append(
                CatalogueRule(
                    None,
                    _("Every general-procedure decision (review policy)"),
                    T.ALL_GENERAL_PROCEDURE,
                    legal_basis="GUO-14-04",
                )
            )
    elif policy.review_before_filing and T.BEFORE_FILING not in seen_triggers:
        synthetic.append(
            CatalogueRule(
                None, _("Review before filing (review policy)"), T.BEFORE_FILING, "GUO-14-04"
            )
        )
    for rule in synthetic:
        reason = _check(rule, facts, stage)
        if reason is not None:
            fired.append(FiredTrigger(None, rule.name, rule.trigger, reason, rule.legal_basis))
    return fired


# Loading the facts of a real case ----------------------------------------------------------


def proposal_of_decision(decision: Decision) -> Proposal:
    return Proposal(
        outcome=decision.outcome,
        penalty_types=frozenset(decision.penalty_types),
        fine_fen=decision.fine_fen,
        confiscation_fen=decision.confiscation_fen,
        discretion_outside=decision.flag_for_legal_review,
    )


def proposal_of_notice(notice: PenaltyNotice) -> Proposal:
    return Proposal(
        outcome=DecisionOutcome.PENALTY,
        penalty_types=frozenset(notice.penalty_types),
        fine_fen=notice.fine_fen,
        confiscation_fen=notice.confiscation_fen,
    )


def case_proposal(case: Case) -> Proposal | None:
    """The decision as drafted, else the current notice's penalty, else None."""
    decision = Decision.objects.filter(case=case).first()
    if decision is not None:
        return proposal_of_decision(decision)
    notice = PenaltyNotice.objects.filter(case=case, is_current=True).first()
    return proposal_of_notice(notice) if notice is not None else None


def case_facts(case: Case) -> CaseFacts:
    flags = ReviewCaseFlags.objects.filter(case=case).first()
    return CaseFacts(
        act_type=case.act_type,
        procedure=case.procedure,
        party_kinds=frozenset(case.parties.values_list("kind", flat=True)),
        is_complex=case.is_complex,
        is_major=case.is_major,
        suspected_crime=case.suspected_crime,
        public_interest=bool(flags and flags.public_interest),
        hearing_held=case.hearings.filter(status=HearingStatus.HELD).exists(),
        proposal=case_proposal(case),
        thresholds=CasePolicy.for_agency(case.agency).hearing_thresholds(),
    )


def catalogue_rules(agency_id: int | None) -> list[CatalogueRule]:
    """The active rules of the platform default catalogue and of the agency."""
    rows = MajorDecisionRule.objects.filter(is_active=True).filter(
        agency__isnull=True
    ) | MajorDecisionRule.objects.filter(is_active=True, agency_id=agency_id or 0)
    return [
        CatalogueRule(
            id=row.pk,
            name=row.name,
            trigger=row.trigger,
            legal_basis=row.legal_basis,
            act_type=row.act_type,
            penalty_type=row.penalty_type,
            party_scope=row.party_scope,
            amount_fen=row.amount_fen,
            agency_specific=row.agency_id is not None,
        )
        for row in rows.order_by("agency_id", "trigger", "name")
    ]


def policy_options(case: Case) -> PolicyOptions:
    policy = ReviewPolicy.for_agency(case.agency)
    return PolicyOptions(
        review_all_general_procedure=policy.review_all_general_procedure,
        review_before_filing=policy.review_before_filing,
    )


def case_triggers(case: Case, *, stage: str = Stage.DECISION) -> Sequence[FiredTrigger]:
    """The triggers that fire for `case` now (a few queries; no writes)."""
    return determine_triggers(
        case_facts(case), catalogue_rules(case.agency_id), policy_options(case), stage=stage
    )
