"""`docs/workflow.md` rendered from the transition table (STYLE 13)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils import translation

from sanxiang.cases import guards as g
from sanxiang.cases.choices import CaseStatus, Track
from sanxiang.cases.workflow.table import INITIAL_STATES, RULE_ID_RE, TRANSITIONS

__all__ = ["guard_rule_ids", "render_workflow_markdown"]


def guard_rule_ids(guard: g.Guard) -> list[str]:
    """The rule ids a guard's docstring cites, in order of first mention."""
    found: list[str] = []
    for rule in RULE_ID_RE.findall(guard.__doc__ or ""):
        if rule not in found:
            found.append(rule)
    return found


def _cell(values: Sequence[str]) -> str:
    return ", ".join(values) if values else "—"


def render_workflow_markdown() -> str:
    """`docs/workflow.md`: the states and the transition table, in English source text.

    Only the static table is rendered; guards registered at start-up by other apps are listed
    in their own documentation.
    """
    with translation.override("en"):
        lines = [
            "# Case workflow",
            "",
            "Generated from `sanxiang.cases.workflow.TRANSITIONS` by "
            "`render_workflow_markdown()`; do not edit by hand (a test compares the two).",
            "`case_transition` is the only writer of `Case.status`. Guards registered by other "
            "apps at start-up (legal review, LAW-APL-58; evidence, GUO-118-08) are not shown.",
            "",
            "## States",
            "",
            "| state | label |",
            "|---|---|",
        ]
        lines += [f"| `{status.value}` | {status.label} |" for status in CaseStatus]
        lines += ["", "## Initial state by track", "", "| track | initial state |", "|---|---|"]
        lines += [
            f"| `{track.value}` ({track.label}) | `{state.value}` |"
            for track, state in INITIAL_STATES.items()
        ]
        lines += [
            "",
            "## Transitions",
            "",
            "| transition | from | to | tracks | approval | performed by | guards (rule ids) "
            "| event |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for spec in TRANSITIONS:
            approval = "—"
            if spec.approval_step is not None:
                when = "final approval performs it" if spec.on_final_approval else "required"
                approval = f"`{spec.approval_step.value}` ({when})"
            guards = [
                f"`{guard.__name__}` ({', '.join(guard_rule_ids(guard))})" for guard in spec.guards
            ]
            tracks = [f"`{track.value}`" for track in Track if track in spec.tracks]
            service = f"`{spec.service}`"
            if spec.roles:
                service += " by " + ", ".join(sorted(role.value for role in spec.roles))
            lines.append(
                f"| `{spec.name}` | {_cell([f'`{s.value}`' for s in spec.sources])} "
                f"| `{spec.target.value}` | {_cell(tracks)} | {approval} | {service} "
                f"| {_cell(guards)} | `{spec.event}` |"
            )
        lines.append("")
    return "\n".join(lines)
