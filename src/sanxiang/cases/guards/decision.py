"""Guards of the decision (LAW-APL-27/30/33/34/45/57/58/60)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sanxiang.cases import decision_checks as checks
from sanxiang.cases.choices import (
    ExtensionKind,
)
from sanxiang.cases.deadlines import decision_due
from sanxiang.cases.guards.context import TransitionContext
from sanxiang.cases.refusals import refuse

__all__ = [
    "decision_drafted",
    "deliberation_recorded",
    "discretion_applied",
    "legal_review_gate",
    "minors_protected",
    "no_penalty_reason_valid",
    "not_heavier_than_notified",
    "transfer_organ_named",
    "within_decision_time_limit",
]


def decision_drafted(ctx: TransitionContext) -> None:
    """LAW-APL-57: the agency head decides on a drafted decision: outcome and its content."""
    decision = ctx.decision()
    if decision is None or decision.is_made:
        refuse(
            _("Draft the decision first (decision, LAW-APL-57)."),
            code="cases.decision.not_drafted",
            rule="LAW-APL-57",
            field="decision",
        )
    checks.check_penalty_consistent(decision)


def minors_protected(ctx: TransitionContext) -> None:
    """LAW-APL-30: no penalty under 14; a mitigation reason for 14–17 (and LAW-APL-31)."""
    decision = ctx.decision()
    if decision is not None:
        checks.check_minors_and_capacity(ctx.case, decision, ctx.on)


def no_penalty_reason_valid(ctx: TransitionContext) -> None:
    """LAW-APL-33: no penalty needs a reason code; 首违不罚 only for a first offence."""
    decision = ctx.decision()
    if decision is not None:
        checks.check_no_penalty_reason(ctx.case, decision)


def transfer_organ_named(ctx: TransitionContext) -> None:
    """LAW-APL-27: a transfer names the judicial organ that receives the case."""
    decision = ctx.decision()
    if decision is not None:
        checks.check_transfer(decision)


def not_heavier_than_notified(ctx: TransitionContext) -> None:
    """LAW-APL-45: the final penalty is not heavier than the one notified."""
    decision = ctx.decision()
    if decision is not None:
        checks.check_not_heavier_than_notice(ctx.notice(), decision)


def discretion_applied(ctx: TransitionContext) -> None:
    """LAW-APL-34: the discretion tier is named; a fine outside it carries a reason."""
    decision = ctx.decision()
    if decision is not None:
        checks.check_discretion_applied(ctx.case, decision, ctx.on)


def deliberation_recorded(ctx: TransitionContext) -> None:
    """LAW-APL-57: a penalty in a complex or major case is decided by collective deliberation."""
    case = ctx.case
    if not (case.is_complex or case.is_major) or not ctx.penalty_decided():
        return
    if not case.deliberations.exists():
        refuse(
            _(
                "This case is flagged complex or major: record the collective deliberation of "
                "the agency heads first (deliberation, LAW-APL-57)."
            ),
            code="cases.decision.deliberation_required",
            rule="LAW-APL-57",
            field="deliberation",
        )


def within_decision_time_limit(ctx: TransitionContext) -> None:
    """LAW-APL-60: decided within 90 days of filing, plus approved extensions and the paused
    periods (SAMR-PROC-64)."""
    case = ctx.case
    if case.filed_on is None:
        return
    extension_days = sum(
        case.extensions.filter(kind=ExtensionKind.DECISION, status="approved").values_list(
            "days", flat=True
        )
    )
    paused_days = sum(pause.days_until(ctx.on) for pause in case.clock_pauses.all())
    due = decision_due(case.filed_on, extension_days=extension_days, paused_days=paused_days)
    if ctx.on > due:
        refuse(
            _(
                "The time limit for the decision ended on %(due)s; an approved extension is "
                "needed (decided on, LAW-APL-60)."
            )
            % {"due": due.isoformat()},
            code="cases.decision.time_limit_passed",
            rule="LAW-APL-60",
            field="decided_on",
            due_on=due.isoformat(),
        )


def legal_review_gate(ctx: TransitionContext) -> None:
    """LAW-APL-58: placeholder for the legal-review gate; the review app replaces it at start-up
    (`register_guard("decide", ..., replaces="legal_review_gate")`). Passes on its own."""
