"""Guards of delivery, enforcement, closing and archiving, and of other act types
(LAW-APL-47/61/67, SAMR-PROC-70/77, LAW-ACL-18/25, GUO-118-06a)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sanxiang.cases.balances import execution_complete
from sanxiang.cases.certification import require_case_officers_certified
from sanxiang.cases.choices import (
    DecisionOutcome,
    DeliveredDocument,
    PreservationStatus,
    SeizureStatus,
    Track,
)
from sanxiang.cases.guards.context import TransitionContext
from sanxiang.cases.models import ActResult
from sanxiang.cases.refusals import refuse
from sanxiang.cases.stages import Stage, missing_stages
from sanxiang.registry.models import ActType

__all__ = [
    "act_result_recorded",
    "coercion_officers_certified",
    "decision_delivered",
    "execution_completed",
    "no_measure_in_force",
    "penalty_to_enforce",
    "simple_procedure_filed",
    "stages_recorded",
]


def decision_delivered(ctx: TransitionContext) -> None:
    """LAW-APL-61: the decision has been delivered (送达回证 recorded)."""
    documents = (DeliveredDocument.DECISION, DeliveredDocument.TRANSFER)
    if not ctx.case.deliveries.filter(document__in=documents).exists():
        refuse(
            _("Record the delivery of the decision (delivery, LAW-APL-61)."),
            code="cases.delivery.missing",
            rule="LAW-APL-61",
            field="delivery",
        )


def penalty_to_enforce(ctx: TransitionContext) -> None:
    """LAW-APL-67: enforcement follows a penalty decision that the party must carry out."""
    decision = ctx.decision()
    if decision is None or decision.outcome != DecisionOutcome.PENALTY:
        refuse(
            _("Only a penalty decision is enforced (outcome, LAW-APL-67)."),
            code="cases.enforcement.no_penalty",
            rule="LAW-APL-67",
            field="outcome",
        )


def execution_completed(ctx: TransitionContext) -> None:
    """SAMR-PROC-77: a case is closed once the decision is executed, the court ended
    enforcement, or for a non-penalty outcome; a dismissed case needs no delivery."""
    decision = ctx.decision()
    dismissed = decision is not None and decision.outcome == DecisionOutcome.DISMISSED
    if ctx.case.status == "decided" and not dismissed:
        refuse(
            _("Deliver the decision before closing the case (delivery, SAMR-PROC-77)."),
            code="cases.close.not_delivered",
            rule="SAMR-PROC-77",
            field="delivery",
        )
    if not execution_complete(ctx.case):
        refuse(
            _(
                "The decision has not been executed yet: record the payment or the execution "
                "(execution, SAMR-PROC-77)."
            ),
            code="cases.close.not_executed",
            rule="SAMR-PROC-77",
            field="execution",
        )


def no_measure_in_force(ctx: TransitionContext) -> None:
    """LAW-ACL-25 (and SAMR-PROC-35): no seizure or preservation is still in force at closing."""
    if ctx.case.seizures.filter(status=SeizureStatus.ACTIVE).exists() or (
        ctx.case.preservations.filter(status=PreservationStatus.ACTIVE).exists()
    ):
        refuse(
            _(
                "Release or dispose of the seized or preserved property before closing "
                "(measures, LAW-ACL-25)."
            ),
            code="cases.close.measure_in_force",
            rule="LAW-ACL-25",
            field="measures",
        )


def simple_procedure_filed(ctx: TransitionContext) -> None:
    """SAMR-PROC-70: an on-the-spot decision is filed with the agency before the case closes."""
    if ctx.case.track == Track.SIMPLE and ctx.case.simple_filed_on is None:
        refuse(
            _("File the on-the-spot decision with the agency first (filing, SAMR-PROC-70)."),
            code="cases.simple.not_filed",
            rule="SAMR-PROC-70",
            field="simple_filed_on",
        )


def stages_recorded(ctx: TransitionContext) -> None:
    """LAW-APL-47: every stage — 启动, 调查取证, 审核, 决定, 送达, 执行 — has a record."""
    if ctx.case.track == Track.OTHER:
        return
    missing = missing_stages(ctx.case)
    if missing:
        names = ", ".join(str(Stage(stage).label) for stage in missing)
        refuse(
            _("These stages have no record yet: %(stages)s (stages, LAW-APL-47).")
            % {"stages": names},
            code="cases.archive.stages_missing",
            rule="LAW-APL-47",
            field="stages",
            missing=[str(stage) for stage in missing],
        )


def act_result_recorded(ctx: TransitionContext) -> None:
    """GUO-118-06a: the act ends with a recorded conclusion (执法结论) that can be published."""
    if ctx.case.track == Track.OTHER and not ActResult.objects.filter(case=ctx.case).exists():
        refuse(
            _("Record the result first (result, GUO-118-06a)."),
            code="cases.act.result_required",
            rule="GUO-118-06a",
            field="result",
        )


def coercion_officers_certified(ctx: TransitionContext) -> None:
    """LAW-ACL-18: a coercive measure is carried out by two or more certified officers."""
    if ctx.case.act_type == ActType.COERCION:
        require_case_officers_certified(ctx.case, ctx.on)
