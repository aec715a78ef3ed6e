"""Deciding and after: approvals, deliberation, extension and pauses, the decision, delivery,
payment and enforcement, closing, archiving, simple-procedure filing and other acts' results.
Each action calls one service."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from sanxiang.cases import selectors, services
from sanxiang.cases.choices import CaseStatus, Track
from sanxiang.cases.forms.base import fen_or_zero
from sanxiang.cases.forms.decisions import (
    ApprovalDecideForm,
    DecisionForm,
    DeliberationForm,
    ExtensionForm,
    PauseForm,
    PauseStopForm,
)
from sanxiang.cases.forms.enforcement import (
    ActDecideForm,
    ActProgressForm,
    CloseForm,
    DeliveryForm,
    ExecutionForm,
    PaymentForm,
    PaymentPlanForm,
    RemedyForm,
    RemedyStopForm,
    SimpleFilingForm,
)
from sanxiang.cases.forms.parties import ConfirmForm
from sanxiang.cases.models import Case
from sanxiang.cases.services.decisions import DECIDABLE_STATES
from sanxiang.cases.views.actions import Action, ActionContext, register
from sanxiang.cases.views.notices import _penalty
from sanxiang.registry.models import Role, User

__all__: list[str] = []

GENERAL = {Track.GENERAL}
PENALTY = {Track.GENERAL, Track.SIMPLE}
UNDECIDED = DECIDABLE_STATES | {CaseStatus.FILED}
AFTER_DECISION = {CaseStatus.DECIDED, CaseStatus.DELIVERED, CaseStatus.ENFORCING}


def _approval_decide(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.approval_decide(
        approval=ctx.target, approve=data["approve"], opinion=data["opinion"], actor=ctx.user
    )


def _deliberation(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.deliberation_record(case=ctx.case, actor=ctx.user, **data)


def _extension(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.case_extend(case=ctx.case, actor=ctx.user, **data)


def _pause(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.clock_pause_start(case=ctx.case, actor=ctx.user, **data)


def _pause_stop(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.clock_pause_stop(pause=ctx.target, actor=ctx.user, **data)


def _decision(ctx: ActionContext, data: dict[str, Any]) -> object:
    basis = data["fine_basis_yuan"]
    return services.decision_make(
        case=ctx.case,
        outcome=data["outcome"],
        reasons=data["reasons"],
        no_penalty_reason=data["no_penalty_reason"],
        discretion_tier=data["discretion_tier"],
        fine_basis_fen=None if basis is None else fen_or_zero(basis),
        outside_range_reason=data["outside_range_reason"],
        mitigation_reason=data["mitigation_reason"],
        transfer_organ=data["transfer_organ"],
        transfer_details=data["transfer_details"],
        opinion=data["opinion"],
        actor=ctx.user,
        **_penalty(data),
    )


def _decision_context(case: Case, user: User) -> dict[str, Any]:
    """The discretion standard with every tier's range (LAW-APL-34) beside the form."""
    standard = case.discretion_standard
    tiers = list(standard.tiers.order_by("order")) if standard is not None else []
    notice = case.notices.filter(is_current=True).first()
    return {"standard": standard, "tiers": tiers, "notice": notice}


def _delivery(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.delivery_record(case=ctx.case, actor=ctx.user, **data)


def _consents(case: Case, user: User) -> dict[str, Any]:
    """LAW-APL-61: electronic delivery only to an address the party confirmed."""
    consents = [c for p in case.parties.all() for c in p.delivery_consents.all()]
    return {"consents": consents}


def _payment(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.payment_record(
        case=ctx.case,
        amount_fen=fen_or_zero(data["amount_yuan"]),
        paid_on=data["paid_on"],
        channel=data["channel"],
        reference=data["reference"],
        actor=ctx.user,
    )


def _balance(case: Case, user: User) -> dict[str, Any]:
    """Money due, the late fee to today (LAW-APL-72/73) and what was paid."""
    return {"balance": selectors.case_balance_get(user=user, case_id=case.pk)}


def _payment_plan(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.payment_plan_approve(case=ctx.case, actor=ctx.user, **data)


def _remedy(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.remedy_pause_start(case=ctx.case, actor=ctx.user, **data)


def _remedy_stop(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.remedy_pause_stop(pause=ctx.target, actor=ctx.user, **data)


def _execution(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.execution_record(case=ctx.case, actor=ctx.user, **data)


def _close(ctx: ActionContext, data: dict[str, Any]) -> object:
    if ctx.case.track == Track.OTHER:
        return services.act_close(case=ctx.case, summary=data["summary"], actor=ctx.user)
    return services.case_close(
        case=ctx.case, summary=data["summary"], opinion=data["opinion"], actor=ctx.user
    )


def _archive(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.case_archive(case=ctx.case, actor=ctx.user)


def _stages(case: Case, user: User) -> dict[str, Any]:
    return {"stages": selectors.case_stages(user=user, case_id=case.pk)}


def _simple_filing(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.simple_filing_record(case=ctx.case, actor=ctx.user, **data)


def _act_progress(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.act_progress(case=ctx.case, actor=ctx.user, **data)


def _act_decide(ctx: ActionContext, data: dict[str, Any]) -> object:
    amount = data["amount_yuan"]
    return services.act_decide(
        case=ctx.case,
        result=data["result"],
        text=data["text"],
        amount_fen=None if amount is None else fen_or_zero(amount),
        decided_on=data["decided_on"],
        actor=ctx.user,
    )


register(
    Action(
        "approval-decide",
        gettext_lazy("Decide the approval"),
        ApprovalDecideForm,
        _approval_decide,
        target="approvals",
        rule="SAMR-PROC-19",
        section="approvals",
    ),
    Action(
        "deliberation",
        gettext_lazy("Record the collective deliberation"),
        DeliberationForm,
        _deliberation,
        states=DECIDABLE_STATES - {CaseStatus.INVESTIGATING},
        tracks=GENERAL,
        rule="LAW-APL-57",
        section="decision",
        icon="people-fill",
    ),
    Action(
        "extension",
        gettext_lazy("Extend the decision time limit"),
        ExtensionForm,
        _extension,
        states=UNDECIDED,
        tracks=GENERAL,
        rule="LAW-APL-60, SAMR-PROC-64",
        section="deadlines",
        icon="calendar-plus",
    ),
    Action(
        "pause",
        gettext_lazy("Pause the time limit"),
        PauseForm,
        _pause,
        states=UNDECIDED,
        tracks=GENERAL,
        rule="SAMR-PROC-64",
        section="deadlines",
        icon="pause-circle",
    ),
    Action(
        "pause-stop",
        gettext_lazy("Resume the time limit"),
        PauseStopForm,
        _pause_stop,
        target="clock_pauses",
        rule="SAMR-PROC-64",
        section="deadlines",
    ),
    Action(
        "decision",
        gettext_lazy("Draft the decision"),
        DecisionForm,
        _decision,
        rule="LAW-APL-57, LAW-APL-34",
        intro="cases/intros/decision.html",
        extra_context=_decision_context,
        section="decision",
        icon="hammer",
    ),
    Action(
        "delivery",
        gettext_lazy("Record a delivery"),
        DeliveryForm,
        _delivery,
        states={CaseStatus.DELIVERED, CaseStatus.ENFORCING},
        tracks=PENALTY,
        rule="LAW-APL-61",
        intro="cases/intros/delivery.html",
        extra_context=_consents,
        section="delivery",
        icon="truck",
    ),
    Action(
        "payment",
        gettext_lazy("Record a payment"),
        PaymentForm,
        _payment,
        states={CaseStatus.ENFORCING},
        tracks=PENALTY,
        rule="LAW-APL-67, LAW-APL-72",
        intro="cases/intros/balance.html",
        extra_context=_balance,
        section="enforcement",
        icon="cash-coin",
    ),
    Action(
        "payment-plan",
        gettext_lazy("Approve a payment plan"),
        PaymentPlanForm,
        _payment_plan,
        states={CaseStatus.ENFORCING},
        tracks=PENALTY,
        roles={Role.AGENCY_HEAD},
        rule="LAW-APL-66",
        intro="cases/intros/balance.html",
        extra_context=_balance,
        section="enforcement",
        icon="calendar-range",
    ),
    Action(
        "remedy",
        gettext_lazy("Record a reconsideration or lawsuit"),
        RemedyForm,
        _remedy,
        states=AFTER_DECISION,
        tracks=PENALTY,
        rule="LAW-APL-73",
        section="enforcement",
        icon="bank",
    ),
    Action(
        "remedy-stop",
        gettext_lazy("Reconsideration or lawsuit ended"),
        RemedyStopForm,
        _remedy_stop,
        target="remedy_pauses",
        rule="LAW-APL-73",
        section="enforcement",
    ),
    Action(
        "execution",
        gettext_lazy("Record the execution"),
        ExecutionForm,
        _execution,
        states=AFTER_DECISION,
        tracks=PENALTY,
        rule="LAW-APL-47",
        section="enforcement",
        icon="check2-circle",
    ),
    Action(
        "simple-filing",
        gettext_lazy("File the on-the-spot decision with the agency"),
        SimpleFilingForm,
        _simple_filing,
        states={CaseStatus.ON_SPOT_DECIDED, CaseStatus.DELIVERED, CaseStatus.ENFORCING},
        tracks={Track.SIMPLE},
        applies=lambda case: case.simple_filed_on is None,
        rule="SAMR-PROC-70",
        section="deadlines",
        icon="folder-check",
    ),
    Action(
        "close",
        gettext_lazy("Close the case"),
        CloseForm,
        _close,
        rule="SAMR-PROC-77",
        section="approvals",
        icon="folder-x",
    ),
    Action(
        "archive",
        gettext_lazy("Archive"),
        ConfirmForm,
        _archive,
        rule="LAW-APL-47",
        intro="cases/intros/archive.html",
        extra_context=_stages,
        section="stages",
        icon="archive",
    ),
    Action(
        "act-progress",
        gettext_lazy("Start handling"),
        ActProgressForm,
        _act_progress,
        rule="LAW-ACL-18",
        icon="play-circle",
    ),
    Action(
        "act-decide",
        gettext_lazy("Record the result"),
        ActDecideForm,
        _act_decide,
        rule="GUO-118-06a",
        section="decision",
        icon="clipboard-check",
    ),
)
