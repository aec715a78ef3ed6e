"""The context every guard receives, and the approval guard that leads gated moves."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.cases.approval_state import step_is_approved
from sanxiang.cases.choices import (
    ApprovalStep,
    DecisionOutcome,
)
from sanxiang.cases.models import Case, Decision, PenaltyNotice
from sanxiang.cases.refusals import refuse
from sanxiang.registry.models import User

__all__ = ["Guard", "TransitionContext", "approval_granted"]


@dataclass(frozen=True)
class TransitionContext:
    """One move being checked: the locked case, who moves it, on which day, with which data."""

    case: Case
    transition: str
    actor: User
    on: datetime.date
    data: Mapping[str, Any] = field(default_factory=dict)
    approval_step: str | None = None

    def decision(self) -> Decision | None:
        return Decision.objects.filter(case=self.case).first()

    def notice(self) -> PenaltyNotice | None:
        return PenaltyNotice.objects.filter(case=self.case, is_current=True).first()

    def penalty_decided(self) -> bool:
        """The move concerns a penalty: any move but `decide`, or a penalty decision."""
        if self.transition != "decide":
            return True
        decision = self.decision()
        return decision is not None and decision.outcome == DecisionOutcome.PENALTY


Guard = Callable[[TransitionContext], None]


def approval_granted(ctx: TransitionContext) -> None:
    """SAMR-PROC-19/57/60/77: the approvals that the agency's `CasePolicy` requires for the step
    (立案审批表, 告知审批, 决定审批, 结案审批表) are all given in the latest round; for the notice
    and the decision, for the case's current revision."""
    step = ctx.approval_step
    if step is None:
        return
    content_bound = step in (ApprovalStep.NOTICE, ApprovalStep.DECISION)
    revision = ctx.case.revision if content_bound else None
    if not step_is_approved(ctx.case, step, revision=revision):
        refuse(
            _(
                "The %(step)s approval is not complete for the current version of the case "
                "(approval, SAMR-PROC-19)."
            )
            % {"step": ApprovalStep(step).label},
            code="workflow.approval_required",
            rule="SAMR-PROC-19",
            field="approval",
            step=step,
        )
