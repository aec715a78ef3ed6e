"""The guards of the workflow table (`cases.workflow.TRANSITIONS`).

A guard takes the `TransitionContext` of a move and returns nothing or refuses with
`ApplicationError` (field and rule id in `extra`). Each docstring starts with the rule id it
enforces; `render_workflow_markdown` and the table's test read it from there. Guards only read.
"""

from __future__ import annotations

from sanxiang.cases.guards.closing import (
    act_result_recorded,
    coercion_officers_certified,
    decision_delivered,
    execution_completed,
    no_measure_in_force,
    penalty_to_enforce,
    simple_procedure_filed,
    stages_recorded,
)
from sanxiang.cases.guards.context import (
    Guard,
    TransitionContext,
    approval_granted,
)
from sanxiang.cases.guards.decision import (
    decision_drafted,
    deliberation_recorded,
    discretion_applied,
    legal_review_gate,
    minors_protected,
    no_penalty_reason_valid,
    not_heavier_than_notified,
    transfer_organ_named,
    within_decision_time_limit,
)
from sanxiang.cases.guards.procedure import (
    decline_reason_given,
    hearing_concluded,
    hearing_requested_in_time,
    hearing_right_offered,
    investigation_recorded,
    notice_served,
    officers_certified,
    party_named,
    power_item_chosen,
    return_reason_given,
    statement_phase_complete,
    statements_reexamined,
    within_limitation,
)

__all__ = [
    "Guard",
    "TransitionContext",
    "act_result_recorded",
    "approval_granted",
    "coercion_officers_certified",
    "decision_delivered",
    "decision_drafted",
    "decline_reason_given",
    "deliberation_recorded",
    "discretion_applied",
    "execution_completed",
    "hearing_concluded",
    "hearing_requested_in_time",
    "hearing_right_offered",
    "investigation_recorded",
    "legal_review_gate",
    "minors_protected",
    "no_measure_in_force",
    "no_penalty_reason_valid",
    "not_heavier_than_notified",
    "notice_served",
    "officers_certified",
    "party_named",
    "penalty_to_enforce",
    "power_item_chosen",
    "return_reason_given",
    "simple_procedure_filed",
    "stages_recorded",
    "statement_phase_complete",
    "statements_reexamined",
    "transfer_organ_named",
    "within_decision_time_limit",
    "within_limitation",
]
