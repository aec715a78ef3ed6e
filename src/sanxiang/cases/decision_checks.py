"""Whether a decision's content is lawful: checked when it is drafted (`decision_make`) and again
by the workflow guards when it takes effect, so a change in between cannot slip through.

Each check raises `ApplicationError` naming the field and the rule id (`cases.refusals`).
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from sanxiang.cases.choices import DecisionOutcome, PartyKind
from sanxiang.cases.models import Case, Decision, Party, PenaltyNotice
from sanxiang.cases.refusals import refuse
from sanxiang.cases.rules import (
    AgeRule,
    DiscretionCheck,
    age_rule,
    check_discretion,
    check_not_heavier,
    no_penalty_reason_required,
)
from sanxiang.cases.rules.labels import field_label
from sanxiang.registry.models import PenaltyType

__all__ = [
    "act_date_of",
    "check_discretion_applied",
    "check_minors_and_capacity",
    "check_no_penalty_reason",
    "check_not_heavier_than_notice",
    "check_penalty_consistent",
    "check_transfer",
    "mitigation_required",
    "prior_penalties",
]

_CONFISCATION_TYPES = frozenset({PenaltyType.CONFISCATE_GAINS, PenaltyType.CONFISCATE_PROPERTY})


def act_date_of(case: Case, fallback: datetime.date) -> datetime.date:
    """The date of the act: when the violation started (LAW-APL-30 looks at that day)."""
    return case.violation_started_on or fallback


def _people(case: Case) -> list[Party]:
    return [
        party
        for party in case.parties.all()
        if party.kind in (PartyKind.NATURAL_PERSON, PartyKind.INDIVIDUAL_BUSINESS)
    ]


def mitigation_required(case: Case, on: datetime.date) -> bool:
    """Mitigation is mandatory for a party aged 14–17 on the act's date (LAW-APL-30) and, as
    the platform's rule, for one with limited capacity (LAW-APL-31)."""
    act_date = act_date_of(case, on)
    for party in _people(case):
        if party.capacity_limited:
            return True
        birth = party.birth_date
        if birth is not None and act_date >= birth:
            return age_rule(birth_date=birth, act_date=act_date) != AgeRule.ADULT
    return False


def check_penalty_consistent(decision: Decision) -> None:
    """LAW-APL-9: a penalty names its types and each amount matches its type; other outcomes
    carry no penalty."""
    types = set(decision.penalty_types)
    if decision.outcome != DecisionOutcome.PENALTY:
        if types or decision.fine_fen or decision.confiscation_fen or decision.detention_days:
            refuse(
                _("Only a penalty decision has penalty types and amounts (outcome, LAW-APL-9)."),
                code="cases.decision.penalty_not_expected",
                rule="LAW-APL-9",
                field="outcome",
            )
        return
    if not types:
        refuse(
            _("Choose at least one penalty type (penalty types, LAW-APL-9)."),
            code="cases.decision.penalty_types_required",
            rule="LAW-APL-9",
            field="penalty_types",
        )
    pairs = (
        ("fine_fen", decision.fine_fen > 0, PenaltyType.FINE in types),
        ("confiscation_fen", decision.confiscation_fen > 0, bool(types & _CONFISCATION_TYPES)),
        ("detention_days", decision.detention_days > 0, PenaltyType.DETENTION in types),
    )
    for field, has_amount, has_type in pairs:
        if has_amount != has_type:
            refuse(
                _(
                    "The amount and the penalty types do not match: give both or neither "
                    "(%(field)s, LAW-APL-9)."
                )
                % {"field": field_label(field)},
                code="cases.decision.amount_type_mismatch",
                rule="LAW-APL-9",
                field=field,
            )


def check_minors_and_capacity(case: Case, decision: Decision, on: datetime.date) -> None:
    """LAW-APL-30: no penalty for a party under 14 on the act's date; a party aged 14–17 (and,
    LAW-APL-31, one with limited capacity) is penalised only with a mitigation reason."""
    if decision.outcome != DecisionOutcome.PENALTY:
        return
    act_date = act_date_of(case, on)
    for party in _people(case):
        if party.birth_date is None or act_date < party.birth_date:
            continue
        if age_rule(birth_date=party.birth_date, act_date=act_date) == AgeRule.NO_PENALTY:
            refuse(
                _(
                    "%(name)s was under fourteen on %(date)s and cannot be penalised; decide "
                    "no penalty (outcome, LAW-APL-30)."
                )
                % {"name": party.name, "date": act_date.isoformat()},
                code="cases.decision.under_fourteen",
                rule="LAW-APL-30",
                field="outcome",
            )
    if mitigation_required(case, on) and not decision.mitigation_reason.strip():
        refuse(
            _(
                "The party was a minor aged 14 to 17 (LAW-APL-30: mitigation is mandatory) or of "
                "limited capacity (LAW-APL-31: mitigation is possible, and this platform asks for "
                "the reason either way): give the mitigation reason (mitigation reason)."
            ),
            code="cases.decision.mitigation_required",
            rule="LAW-APL-30",
            field="mitigation_reason",
        )


def prior_penalties(case: Case) -> int:
    """Penalties decided earlier in other cases against any party of `case` (首违, LAW-APL-33),
    matched by resident ID number or credit code."""
    identifiers = Q(pk__in=[])
    for party in case.parties.all():
        if party.id_number:
            identifiers |= Q(id_number=party.id_number)
        if party.credit_code:
            identifiers |= Q(credit_code=party.credit_code)
    cases = (
        Party.objects.filter(identifiers)
        .exclude(case=case)
        .filter(
            case__decision__outcome=DecisionOutcome.PENALTY,
            case__decision__decided_on__isnull=False,
        )
        .values_list("case_id", flat=True)
        .distinct()
    )
    return len(cases)


def check_no_penalty_reason(case: Case, decision: Decision) -> None:
    """LAW-APL-33: a decision not to penalise carries a reason code; 首违不罚 only for a party
    with no earlier penalty."""
    no_penalty_reason_required(
        decision.outcome, decision.no_penalty_reason, prior_penalties=prior_penalties(case)
    )


def check_transfer(decision: Decision) -> None:
    """LAW-APL-27: a transfer names the judicial organ that receives the case."""
    if decision.outcome == DecisionOutcome.TRANSFER and not decision.transfer_organ.strip():
        refuse(
            _("Name the judicial organ the case is transferred to (transfer organ, LAW-APL-27)."),
            code="cases.decision.transfer_organ_required",
            rule="LAW-APL-27",
            field="transfer_organ",
        )


def check_not_heavier_than_notice(notice: PenaltyNotice | None, decision: Decision) -> None:
    """LAW-APL-45 (and LAW-APL-44): the final penalty is never heavier than the one notified."""
    if decision.outcome != DecisionOutcome.PENALTY or notice is None:
        return
    check_not_heavier(notified=notice.proposed_penalty(), final=decision.penalty())


def check_discretion_applied(
    case: Case, decision: Decision, on: datetime.date
) -> DiscretionCheck | None:
    """LAW-APL-34: a penalty under a discretion standard names the tier applied; a fine outside
    its range needs a written reason and goes to legal review (`flag_for_legal_review`)."""
    if decision.outcome != DecisionOutcome.PENALTY:
        return None
    tier = decision.discretion_tier
    if tier is None:
        if case.discretion_standard_id is not None:
            refuse(
                _(
                    "Choose the tier of the discretion standard that the penalty applies "
                    "(discretion tier, LAW-APL-34)."
                ),
                code="cases.decision.discretion_tier_required",
                rule="LAW-APL-34",
                field="discretion_tier",
            )
        return None
    if case.discretion_standard_id is not None and tier.standard_id != case.discretion_standard_id:
        refuse(
            _(
                "The tier belongs to another discretion standard than the case's "
                "(discretion tier, LAW-APL-34)."
            ),
            code="cases.decision.discretion_tier_foreign",
            rule="LAW-APL-34",
            field="discretion_tier",
        )
    mitigate = mitigation_required(case, on)
    reason = decision.outside_range_reason or (decision.mitigation_reason if mitigate else "")
    return check_discretion(
        tier=tier,
        fine_fen=decision.fine_fen,
        reason=reason,
        mitigation_required=mitigate,
        basis_fen=decision.fine_basis_fen,
    )
