"""Notice of the proposed penalty, statement and defence, hearing: one service per action,
and a live preview of the hearing right while the notice is drafted (htmx)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from sanxiang.cases import services
from sanxiang.cases.choices import CaseStatus, Track
from sanxiang.cases.forms.base import fen_or_zero
from sanxiang.cases.forms.notices import (
    HearingHoldForm,
    HearingRequestForm,
    HearingScheduleForm,
    HearingWithdrawForm,
    NoticeDraftForm,
    NoticeServeForm,
    ReexamineForm,
    StatementForm,
    WaiverForm,
)
from sanxiang.cases.models import Case, CasePolicy
from sanxiang.cases.rules import HearingRight, hearing_right_applies
from sanxiang.cases.services.notices import HEARD_STATES
from sanxiang.cases.views.actions import Action, ActionContext, register
from sanxiang.cases.views.base import CaseRequest, case_or_404, require_writer
from sanxiang.core.errors import ApplicationError
from sanxiang.registry.models import User

__all__ = ["hearing_preview"]

GENERAL = {Track.GENERAL}


def _penalty(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "penalty_types": data["penalty_types"],
        "fine_fen": fen_or_zero(data["fine_yuan"]),
        "confiscation_fen": fen_or_zero(data["confiscation_yuan"]),
        "detention_days": data["detention_days"] or 0,
        "other_penalty": data["other_penalty"],
    }


def _notice_draft(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.notice_draft(
        case=ctx.case,
        content=data["content"],
        opinion=data["opinion"],
        actor=ctx.user,
        **_penalty(data),
    )


def _thresholds(case: Case, user: User) -> dict[str, Any]:
    """LAW-APL-63 / SAMR-HEAR-5: the agency's 较大数额, shown beside the notice."""
    policy = CasePolicy.for_agency(case.agency)
    return {
        "hearing_natural_person_fen": policy.hearing_natural_person_fen,
        "hearing_organisation_fen": policy.hearing_organisation_fen,
    }


def _current_notice(case: Case, user: User) -> dict[str, Any]:
    notice = case.notices.filter(is_current=True).first()
    return {"notice": notice}


@login_required
def hearing_preview(request: CaseRequest, case_id: int) -> HttpResponse:
    """The hearing right the proposed penalty would give each party (LAW-APL-63), computed
    with the same rule and thresholds as `notice_draft`, for the form being filled in."""
    case = case_or_404(request.user, case_id)
    require_writer(request.user, case)
    form = NoticeDraftForm(request.GET, case=case, user=request.user)
    form.is_valid()
    data = form.cleaned_data
    thresholds = CasePolicy.for_agency(case.agency).hearing_thresholds()
    rows: list[tuple[str, HearingRight]] = []
    error = ""
    try:
        for party in case.parties.all():
            rows.append(
                (
                    party.name,
                    hearing_right_applies(
                        penalty_types=data.get("penalty_types") or (),
                        fine_fen=fen_or_zero(data.get("fine_yuan")),
                        confiscation_fen=fen_or_zero(data.get("confiscation_yuan")),
                        party_kind=party.kind,
                        thresholds=thresholds,
                    ),
                )
            )
    except ApplicationError as refusal:
        error = refusal.message
    return render(
        request, "cases/_hearing_preview.html", {"rows": rows, "error": error, "case": case}
    )


def _notice_serve(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.notice_serve(case=ctx.case, actor=ctx.user, **data)


def _statement(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.statement_record(case=ctx.case, actor=ctx.user, **data)


def _waiver(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.statement_waive(case=ctx.case, actor=ctx.user, **data)


def _reexamine(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.statement_reexamine(statement=ctx.target, actor=ctx.user, **data)


def _hearing_request(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.hearing_request(case=ctx.case, actor=ctx.user, **data)


def _hearing_schedule(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.hearing_schedule(hearing=ctx.target, actor=ctx.user, **data)


def _hearing_hold(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.hearing_hold(hearing=ctx.target, actor=ctx.user, **data)


def _hearing_withdraw(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.hearing_withdraw(hearing=ctx.target, actor=ctx.user, **data)


register(
    Action(
        "notice-draft",
        gettext_lazy("Draft the notice of the proposed penalty"),
        NoticeDraftForm,
        _notice_draft,
        states={CaseStatus.CASE_REVIEW},
        tracks=GENERAL,
        rule="LAW-APL-44, LAW-APL-63",
        intro="cases/intros/notice_draft.html",
        extra_context=_thresholds,
        section="notice",
        icon="file-earmark-text",
    ),
    Action(
        "notice-serve",
        gettext_lazy("Serve the notice"),
        NoticeServeForm,
        _notice_serve,
        rule="LAW-APL-44, SAMR-PROC-57",
        intro="cases/intros/notice_serve.html",
        extra_context=_current_notice,
        section="notice",
        icon="send",
    ),
    Action(
        "statement",
        gettext_lazy("Record a statement and defence"),
        StatementForm,
        _statement,
        states=HEARD_STATES,
        tracks=GENERAL,
        rule="LAW-APL-45",
        section="notice",
        icon="chat-left-text",
    ),
    Action(
        "waiver",
        gettext_lazy("Record the party's waiver"),
        WaiverForm,
        _waiver,
        states={CaseStatus.NOTIFIED},
        tracks=GENERAL,
        rule="LAW-APL-62",
        section="notice",
        icon="hand-thumbs-up",
    ),
    Action(
        "statement-reexamine",
        gettext_lazy("Re-examine the statement"),
        ReexamineForm,
        _reexamine,
        target="statements",
        rule="LAW-APL-45",
        section="notice",
    ),
    Action(
        "hearing-request",
        gettext_lazy("Record a hearing request"),
        HearingRequestForm,
        _hearing_request,
        rule="LAW-APL-64",
        section="notice",
        icon="megaphone",
    ),
    Action(
        "hearing-schedule",
        gettext_lazy("Schedule the hearing"),
        HearingScheduleForm,
        _hearing_schedule,
        target="hearings",
        rule="LAW-APL-64, SAMR-HEAR-11",
        section="notice",
    ),
    Action(
        "hearing-hold",
        gettext_lazy("Record the hearing"),
        HearingHoldForm,
        _hearing_hold,
        target="hearings",
        rule="LAW-APL-64, LAW-APL-65",
        section="notice",
    ),
    Action(
        "hearing-withdraw",
        gettext_lazy("Hearing request withdrawn"),
        HearingWithdrawForm,
        _hearing_withdraw,
        target="hearings",
        rule="LAW-APL-64",
        section="notice",
    ),
)
