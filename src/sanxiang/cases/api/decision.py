"""Deciding the case: collective deliberation (LAW-APL-57), the decision time limit with its
extensions and pauses (LAW-APL-60, SAMR-PROC-64), and the decision (LAW-APL-57)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from sanxiang.cases import selectors, services
from sanxiang.cases.api.common import actor, reference
from sanxiang.cases.models import ClockPause, Decision
from sanxiang.cases.schemas.common import WRITE_DOCS, WRITE_ERRORS
from sanxiang.cases.schemas.inputs_decision import (
    ClockPauseIn,
    DecisionIn,
    DeliberationIn,
    EndedOnIn,
    ExtensionIn,
)
from sanxiang.cases.schemas.records import (
    ClockPauseOut,
    DecisionOut,
    DeliberationOut,
    ExtensionOut,
)

router = Router(tags=["decision"])


@router.post(
    "/{case_id}/deliberations",
    response={201: DeliberationOut, **WRITE_ERRORS},
    summary="Record the collective deliberation of the agency heads (集体讨论)",
    openapi_extra=WRITE_DOCS,
)
def deliberation_create(request: HttpRequest, case_id: int, data: DeliberationIn) -> Status:
    """Required before a penalty in a case flagged complex or major (LAW-APL-57): chaired by the
    agency head (`chaired_by_id`), at least two participants, minutes and conclusion."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    chair = reference(
        "chaired_by_id", lambda: selectors.agency_user_get(user=user, user_id=data.chaired_by_id)
    )
    deliberation = services.deliberation_record(
        case=case,
        held_on=data.held_on,
        chaired_by=chair,
        participants=data.participants,
        minutes=data.minutes,
        conclusion=data.conclusion,
        actor=user,
    )
    return Status(201, deliberation)


@router.post(
    "/{case_id}/extensions",
    response={201: ExtensionOut, **WRITE_ERRORS},
    summary="Ask to extend the decision time limit",
    openapi_extra=WRITE_DOCS,
)
def extension_create(request: HttpRequest, case_id: int, data: ExtensionIn) -> Status:
    """LAW-APL-60 gives 90 days from filing; SAMR-PROC-64 allows 30 more days with the head's
    approval, and a further extension only after a collective deliberation. Submits the
    extension approval; once approved the decision deadline moves."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    extension = services.case_extend(
        case=case,
        days=data.days,
        reason=data.reason,
        basis=data.basis,
        opinion=data.opinion,
        actor=user,
    )
    return Status(201, extension)


@router.post(
    "/{case_id}/clock-pauses",
    response={201: ClockPauseOut, **WRITE_ERRORS},
    summary="Stop the decision clock for a period not counted",
    openapi_extra=WRITE_DOCS,
)
def clock_pause_create(request: HttpRequest, case_id: int, data: ClockPauseIn) -> Status:
    """SAMR-PROC-64: suspension, hearing, public notice, testing, identification or ordered
    refund are not counted in the 90 days of LAW-APL-60. One pause at a time."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    pause = services.clock_pause_start(
        case=case, reason=data.reason, started_on=data.started_on, note=data.note, actor=user
    )
    return Status(201, pause)


@router.post(
    "/{case_id}/clock-pauses/{pause_id}/end",
    response={200: ClockPauseOut, **WRITE_ERRORS},
    summary="End a pause of the decision clock",
    openapi_extra=WRITE_DOCS,
)
def clock_pause_end(
    request: HttpRequest, case_id: int, pause_id: int, data: EndedOnIn
) -> ClockPause:
    """The decision deadline moves by the days paused (SAMR-PROC-64)."""
    user = actor(request)
    pause = selectors.case_row_get(user=user, case_id=case_id, model=ClockPause, row_id=pause_id)
    return services.clock_pause_stop(pause=pause, ended_on=data.ended_on, actor=user)


@router.post(
    "/{case_id}/decision",
    response={200: DecisionOut, **WRITE_ERRORS},
    summary="Draft the decision and submit it for the decision approval",
    openapi_extra=WRITE_DOCS,
)
def decision_submit(request: HttpRequest, case_id: int, data: DecisionIn) -> Decision:
    """Checked now and again when the last approval makes it: amounts match the penalty types
    (LAW-APL-9); no penalty under 14, mitigation for 14–17 (LAW-APL-30/31); no penalty with a
    reason code, 首违不罚 only for a first offence (LAW-APL-33); a transfer names the judicial
    organ (LAW-APL-27); never heavier than notified (LAW-APL-45); the discretion tier named, a
    fine outside it with a reason, flagged for legal review (LAW-APL-34); a penalty only after
    the notice (LAW-APL-44) and the statement window or a waiver (LAW-APL-62), a concluded
    hearing (LAW-APL-65), a deliberation when complex or major (LAW-APL-57), within the time
    limit (LAW-APL-60), with two certified officers (LAW-APL-42). Replaces an earlier draft."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    tier_id = data.discretion_tier_id
    tier = (
        reference(
            "discretion_tier_id",
            lambda: selectors.discretion_tier_get(user=user, tier_id=tier_id),
        )
        if tier_id is not None
        else None
    )
    return services.decision_make(
        case=case,
        outcome=data.outcome,
        reasons=data.reasons,
        penalty_types=data.penalty_types,
        fine_fen=data.fine_fen,
        confiscation_fen=data.confiscation_fen,
        detention_days=data.detention_days,
        other_penalty=data.other_penalty,
        no_penalty_reason=data.no_penalty_reason or "",
        discretion_tier=tier,
        fine_basis_fen=data.fine_basis_fen,
        outside_range_reason=data.outside_range_reason,
        mitigation_reason=data.mitigation_reason,
        transfer_organ=data.transfer_organ,
        transfer_details=data.transfer_details,
        opinion=data.opinion,
        actor=user,
    )
