"""Starting a case — a lead, an on-the-spot decision, another act type — and moving a lead.

Each view hands the form's values to one service (`lead_register`, `case_decide_on_spot`,
`act_register`, `case_submit_for_filing`, `case_decline`, `lead_extend`, `case_update_facts`,
`case_transition`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanxiang.cases import services
from sanxiang.cases.choices import CaseStatus, Track
from sanxiang.cases.forms.base import ActionForm, fen_or_zero
from sanxiang.cases.forms.leads import (
    ActRegisterForm,
    DeclineForm,
    FactsForm,
    FilingForm,
    LeadExtendForm,
    LeadForm,
    OnSpotForm,
    TransitionForm,
)
from sanxiang.cases.models import Case
from sanxiang.cases.services.writing import DECIDED_STATES
from sanxiang.cases.views.actions import Action, ActionContext, case_url, register
from sanxiang.cases.views.base import CaseRequest, require_staff_writer
from sanxiang.core.errors import ApplicationError
from sanxiang.registry.models import Role

__all__ = ["act_new", "lead_new", "on_spot_new"]

OPEN_STATES = frozenset(CaseStatus) - DECIDED_STATES
HEADS = frozenset({Role.DEPARTMENT_HEAD, Role.AGENCY_HEAD})


def _create(
    request: CaseRequest,
    form_class: type[ActionForm],
    perform: Callable[[dict[str, Any]], Case],
    *,
    title: str,
    rule: str,
) -> HttpResponse:
    require_staff_writer(request.user)
    data = request.POST if request.method == "POST" else None
    form = form_class(data, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            case = perform(form.cleaned_data)
        except ApplicationError as refusal:
            form.add_refusal(refusal)
            status = 422
        else:
            messages.success(request, _("Done: %(action)s.") % {"action": title})
            return redirect(case_url(case))
    elif request.method == "POST":
        status = 422
    return render(
        request,
        "cases/create_form.html",
        {"form": form, "title": title, "rule": rule},
        status=status,
    )


@login_required
def lead_new(request: CaseRequest) -> HttpResponse:
    """线索登记 (SAMR-PROC-18)."""

    def perform(data: dict[str, Any]) -> Case:
        return services.lead_register(
            title=data["title"],
            lead_source=data["lead_source"],
            received_on=data["received_on"],
            lead_summary=data["lead_summary"],
            reporter_name=data["reporter_name"],
            reporter_contact=data["reporter_contact"],
            place=data["place"],
            department=data["department"],
            actor=request.user,
        )

    return _create(request, LeadForm, perform, title=_("Register a lead"), rule="SAMR-PROC-18")


def party_data(data: dict[str, Any]) -> services.PartyData:
    return services.PartyData(
        kind=data["kind"],
        name=data["name"],
        id_number=data["id_number"],
        other_id_document=data["other_id_document"],
        birth_date=data["birth_date"],
        credit_code=data["credit_code"],
        legal_representative=data["legal_representative"],
        address=data["address"],
        phone=data["phone"],
        capacity_limited=bool(data.get("capacity_limited")),
    )


@login_required
def on_spot_new(request: CaseRequest) -> HttpResponse:
    """当场处罚 (simple procedure, LAW-APL-51)."""

    def perform(data: dict[str, Any]) -> Case:
        return services.case_decide_on_spot(
            title=data["title"],
            facts=data["facts"],
            place=data["place"],
            acted_at=data["acted_at"],
            party=party_data(data),
            officers=list(data["officers"]),
            penalty_types=data["penalty_types"],
            form_number=data["form_number"],
            reasons=data["reasons"],
            fine_fen=fen_or_zero(data["fine_yuan"]),
            power_item=data["power_item"],
            mitigation_reason=data["mitigation_reason"],
            collect_on_spot=data["collect_on_spot"],
            receipt_number=data["receipt_number"],
            hard_to_enforce_later=data["hard_to_enforce_later"],
            remote_area=data["remote_area"],
            actor=request.user,
        )

    return _create(
        request,
        OnSpotForm,
        perform,
        title=_("Register an on-the-spot decision"),
        rule="LAW-APL-51",
    )


@login_required
def act_new(request: CaseRequest) -> HttpResponse:
    """Inspection, licensing, levy, charge or coercion (GUO-118-01)."""

    def perform(data: dict[str, Any]) -> Case:
        return services.act_register(
            act_type=data["act_type"],
            title=data["title"],
            facts=data["facts"],
            place=data["place"],
            power_item=data["power_item"],
            received_on=data["received_on"],
            department=data["department"],
            actor=request.user,
        )

    return _create(
        request, ActRegisterForm, perform, title=_("Register another act"), rule="GUO-118-01"
    )


def _facts(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.case_update_facts(case=ctx.case, actor=ctx.user, **data)


def _file(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.case_submit_for_filing(case=ctx.case, actor=ctx.user, **data)


def _decline(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.case_decline(
        case=ctx.case, reason=data["reason"], note=data["note"], actor=ctx.user
    )


def _lead_extend(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.lead_extend(
        case=ctx.case, reason=data["reason"], opinion=data["opinion"], actor=ctx.user
    )


def _move(transition: str) -> Callable[[ActionContext, dict[str, Any]], object]:
    def perform(ctx: ActionContext, data: dict[str, Any]) -> object:
        reason = data["reason"].strip()
        return services.case_transition(
            case=ctx.case,
            transition=transition,
            actor=ctx.user,
            data={"reason": reason} if reason else None,
        )

    return perform


register(
    Action(
        "facts",
        gettext_lazy("Edit the facts"),
        FactsForm,
        _facts,
        states=OPEN_STATES - {CaseStatus.ARCHIVED, CaseStatus.CLOSED},
        section="facts",
        icon="pencil",
    ),
    Action(
        "submit-filing",
        gettext_lazy("Submit for filing"),
        FilingForm,
        _file,
        rule="SAMR-PROC-19, LAW-APL-36",
        section="approvals",
        icon="folder-plus",
    ),
    Action(
        "decline",
        gettext_lazy("Do not file"),
        DeclineForm,
        _decline,
        rule="SAMR-PROC-20",
        danger=True,
        icon="x-circle",
    ),
    Action(
        "lead-extend",
        gettext_lazy("Extend the time to decide on the lead"),
        LeadExtendForm,
        _lead_extend,
        states={CaseStatus.LEAD},
        tracks={Track.GENERAL},
        rule="SAMR-PROC-18",
        section="deadlines",
        icon="hourglass-split",
    ),
    Action(
        "end-investigation",
        gettext_lazy("Conclude the investigation"),
        TransitionForm,
        _move("end_investigation"),
        rule="LAW-APL-55",
        icon="check2-square",
    ),
    Action(
        "return-to-investigation",
        gettext_lazy("Return for further investigation"),
        TransitionForm,
        _move("return_to_investigation"),
        rule="SAMR-PROC-54",
        icon="arrow-counterclockwise",
    ),
    Action(
        "request-legal-review",
        gettext_lazy("Send for legal review"),
        TransitionForm,
        _move("request_legal_review"),
        rule="LAW-APL-58",
        icon="shield-check",
    ),
    Action(
        "start-deliberation",
        gettext_lazy("Send for collective deliberation"),
        TransitionForm,
        _move("start_deliberation"),
        rule="LAW-APL-57",
        icon="people",
    ),
)
