"""The case lifecycle as one table plus one mutator (DESIGN decision 5, STYLE 4).

`TRANSITIONS` lists every allowed move: its states, the tracks it applies to (penalty general
procedure, simple procedure, other act types), the approval step that gates it, the service
that performs it, its guards (each citing a rule id of legal-rules.md) and its effects.
`case_transition` is the only code that writes `Case.status`: it locks the row, checks the
table and every guard, applies the effects, saves and records a `CaseEvent` — or refuses with
`ApplicationError` naming the rule and field, writing nothing.

Apps above `cases` add guards at start-up with `register_guard` (the review app replaces the
`legal_review_gate` placeholder, LAW-APL-58; evidence adds the GUO-118-08 video rule), so
`cases` never imports them. `docs/workflow.md` is `render_workflow_markdown()`.
"""

from sanxiang.cases.workflow.docs import guard_rule_ids, render_workflow_markdown
from sanxiang.cases.workflow.engine import (
    AvailableTransition,
    available_transitions,
    case_transition,
    guards_for,
    register_guard,
)
from sanxiang.cases.workflow.table import (
    INITIAL_STATES,
    RULE_ID_RE,
    TRANSITIONS,
    TRANSITIONS_BY_NAME,
    Transition,
)

__all__ = [
    "INITIAL_STATES",
    "RULE_ID_RE",
    "TRANSITIONS",
    "TRANSITIONS_BY_NAME",
    "AvailableTransition",
    "Transition",
    "available_transitions",
    "case_transition",
    "guard_rule_ids",
    "guards_for",
    "register_guard",
    "render_workflow_markdown",
]
