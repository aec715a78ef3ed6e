"""Pure legal checks of the case workflow, each citing its rule id in legal-rules.md.

Checks named `check_*` return nothing (or the value stated) and refuse with `ApplicationError`,
whose `code` is stable and dotted (`rules.<topic>.<problem>`) and whose `extra` holds at least
`field` (the input to fix) and `rule` (the rule id). Nothing here reads the database.

Modules: `parties` (party kind, age, LAW-APL-30), `hearing` (LAW-APL-63), `simple_procedure`
(LAW-APL-51/68/69), `limitation` (LAW-APL-36), `penalties` (LAW-APL-45), `discretion`
(LAW-APL-34), `officers` (LAW-APL-42), `outcomes` (LAW-APL-33), `versions` (LAW-APL-86).
"""

from __future__ import annotations

from sanxiang.cases.rules.discretion import DiscretionCheck, DiscretionTierLike, check_discretion
from sanxiang.cases.rules.hearing import (
    HearingReason,
    HearingRight,
    HearingThresholds,
    hearing_right_applies,
)
from sanxiang.cases.rules.limitation import check_limitation, limitation_ends_on
from sanxiang.cases.rules.officers import OfficerOnDuty, check_officers_certified
from sanxiang.cases.rules.outcomes import no_penalty_reason_required
from sanxiang.cases.rules.parties import AgeRule, age_rule, age_rule_for_id, is_natural_person
from sanxiang.cases.rules.penalties import (
    ProposedPenalty,
    check_not_heavier,
    require_known_penalty_types,
)
from sanxiang.cases.rules.simple_procedure import (
    check_on_spot_collection,
    check_simple_procedure,
    on_spot_collection_limit_fen,
    simple_procedure_fine_limit_fen,
)
from sanxiang.cases.rules.versions import REVISED_PENALTY_LAW_EFFECTIVE

__all__ = [
    "REVISED_PENALTY_LAW_EFFECTIVE",
    "AgeRule",
    "DiscretionCheck",
    "DiscretionTierLike",
    "HearingReason",
    "HearingRight",
    "HearingThresholds",
    "OfficerOnDuty",
    "ProposedPenalty",
    "age_rule",
    "age_rule_for_id",
    "check_discretion",
    "check_limitation",
    "check_not_heavier",
    "check_officers_certified",
    "check_on_spot_collection",
    "check_simple_procedure",
    "hearing_right_applies",
    "is_natural_person",
    "limitation_ends_on",
    "no_penalty_reason_required",
    "on_spot_collection_limit_fen",
    "require_known_penalty_types",
    "simple_procedure_fine_limit_fen",
]
