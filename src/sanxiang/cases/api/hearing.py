"""Notice of the proposed penalty (告知), statement and defence (陈述申辩), waiver and hearing
(听证): LAW-APL-44/45/62/63/64/65."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from sanxiang.cases import selectors, services
from sanxiang.cases.api.common import actor, reference
from sanxiang.cases.models import Hearing, PenaltyNotice, Statement
from sanxiang.cases.schemas.common import WRITE_DOCS, WRITE_ERRORS
from sanxiang.cases.schemas.inputs_decision import (
    HearingRecordIn,
    HearingRequestIn,
    HearingScheduleIn,
    NoteIn,
    NoticeIn,
    NoticeServiceIn,
    ReexaminationIn,
    StatementIn,
    WaiverIn,
)
from sanxiang.cases.schemas.records import HearingOut, NoticeOut, StatementOut

router = Router(tags=["notice and hearing"])


@router.post(
    "/{case_id}/notice",
    response={201: NoticeOut, **WRITE_ERRORS},
    summary="Draft the notice of the proposed penalty and submit it for approval",
    openapi_extra=WRITE_DOCS,
)
def notice_create(request: HttpRequest, case_id: int, data: NoticeIn) -> Status:
    """After the investigation is concluded (`case_review`), with a party: the proposed penalty
    with its facts, reasons and basis (LAW-APL-44). The hearing right follows LAW-APL-63: a fine
    or confiscation at or above the agency's thresholds (default 1万元 for a natural person,
    10万元 for an organisation, SAMR-HEAR-5), or a licence revoked, a business closed…. An
    earlier notice is superseded; the notice approval starts. The notice is the ceiling of the
    decision: never heavier after a statement (LAW-APL-45)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    notice = services.notice_draft(
        case=case,
        penalty_types=data.penalty_types,
        content=data.content,
        fine_fen=data.fine_fen,
        confiscation_fen=data.confiscation_fen,
        detention_days=data.detention_days,
        other_penalty=data.other_penalty,
        opinion=data.opinion,
        actor=user,
    )
    return Status(201, notice)


@router.post(
    "/{case_id}/notice/service",
    response={200: NoticeOut, **WRITE_ERRORS},
    summary="Record the service of the approved notice",
    openapi_extra=WRITE_DOCS,
)
def notice_service(request: HttpRequest, case_id: int, data: NoticeServiceIn) -> PenaltyNotice:
    """Once the notice approval is complete for the current revision (SAMR-PROC-57); electronic
    service only with a signed consent (LAW-APL-61). The case is `notified`; the statement
    window (5 working days, SAMR-PROC-57) and, with a hearing right, the hearing request
    window (5 working days, LAW-APL-64(一)) start."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    return services.notice_serve(
        case=case, served_on=data.served_on, method=data.method, actor=user
    )


@router.post(
    "/{case_id}/statements",
    response={201: StatementOut, **WRITE_ERRORS},
    summary="Record the party's statement and defence (陈述申辩)",
    openapi_extra=WRITE_DOCS,
)
def statement_create(request: HttpRequest, case_id: int, data: StatementIn) -> Status:
    """On the served notice, before the decision; it must be re-examined before the decision
    (LAW-APL-45)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    statement = services.statement_record(
        case=case, received_on=data.received_on, content=data.content, oral=data.oral, actor=user
    )
    return Status(201, statement)


@router.post(
    "/{case_id}/statements/{statement_id}/reexamination",
    response={200: StatementOut, **WRITE_ERRORS},
    summary="Record the re-examination (复核) of a statement",
    openapi_extra=WRITE_DOCS,
)
def statement_reexamination(
    request: HttpRequest, case_id: int, statement_id: int, data: ReexaminationIn
) -> Statement:
    """LAW-APL-45: every statement is re-examined; SAMR-PROC-62: adopted or not, and why. The
    penalty is never made heavier because of it."""
    user = actor(request)
    statement = selectors.case_row_get(
        user=user, case_id=case_id, model=Statement, row_id=statement_id
    )
    return services.statement_reexamine(
        statement=statement, result=data.result, note=data.note, actor=user
    )


@router.post(
    "/{case_id}/waiver",
    response={200: NoticeOut, **WRITE_ERRORS},
    summary="Record that the party waived the statement (and hearing) rights",
    openapi_extra=WRITE_DOCS,
)
def statement_waiver(request: HttpRequest, case_id: int, data: WaiverIn) -> PenaltyNotice:
    """LAW-APL-62 "当事人明确放弃陈述或者申辩权利的除外": with a waiver the decision may come
    before the window ends; `note` says how it was given."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    return services.statement_waive(
        case=case,
        waived_on=data.waived_on,
        note=data.note,
        includes_hearing=data.includes_hearing,
        actor=user,
    )


@router.post(
    "/{case_id}/hearings",
    response={201: HearingOut, **WRITE_ERRORS},
    summary="Record the party's request for a hearing",
    openapi_extra=WRITE_DOCS,
)
def hearing_create(request: HttpRequest, case_id: int, data: HearingRequestIn) -> Status:
    """Only where the notice gives the right (LAW-APL-63), within 5 working days of its service
    (LAW-APL-64(一)); the case moves to `hearing`."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    hearing = services.hearing_request(
        case=case, requested_on=data.requested_on, oral=data.oral, actor=user
    )
    return Status(201, hearing)


@router.post(
    "/{case_id}/hearings/{hearing_id}/schedule",
    response={200: HearingOut, **WRITE_ERRORS},
    summary="Designate the presiding officer and fix the hearing",
    openapi_extra=WRITE_DOCS,
)
def hearing_scheduling(
    request: HttpRequest, case_id: int, hearing_id: int, data: HearingScheduleIn
) -> Hearing:
    """By a head of the agency (SAMR-HEAR-11): the presiding officer did not investigate the
    case (LAW-APL-64(四)); the hearing notice is served at least 7 working days before
    (LAW-APL-64(二))."""
    user = actor(request)
    hearing = selectors.case_row_get(user=user, case_id=case_id, model=Hearing, row_id=hearing_id)
    (presiding,) = reference(
        "presiding_officer_id",
        lambda: selectors.officers_get(user=user, officer_ids=[data.presiding_officer_id]),
    )
    return services.hearing_schedule(
        hearing=hearing,
        presiding_officer=presiding,
        hearing_notice_served_on=data.hearing_notice_served_on,
        scheduled_on=data.scheduled_on,
        place=data.place,
        is_public=data.is_public,
        actor=user,
    )


@router.post(
    "/{case_id}/hearings/{hearing_id}/record",
    response={200: HearingOut, **WRITE_ERRORS},
    summary="Record the hearing held (听证笔录)",
    openapi_extra=WRITE_DOCS,
)
def hearing_record(
    request: HttpRequest, case_id: int, hearing_id: int, data: HearingRecordIn
) -> Hearing:
    """Not before the scheduled day; the decision rests on the record (LAW-APL-65). A party
    absent without good reason is deemed to waive it (LAW-APL-64(六))."""
    user = actor(request)
    hearing = selectors.case_row_get(user=user, case_id=case_id, model=Hearing, row_id=hearing_id)
    return services.hearing_hold(
        hearing=hearing,
        held_on=data.held_on,
        record=data.record,
        party_attended=data.party_attended,
        actor=user,
    )


@router.post(
    "/{case_id}/hearings/{hearing_id}/withdrawal",
    response={200: HearingOut, **WRITE_ERRORS},
    summary="Record that the party withdrew the hearing request",
    openapi_extra=WRITE_DOCS,
)
def hearing_withdrawal(
    request: HttpRequest, case_id: int, hearing_id: int, data: NoteIn
) -> Hearing:
    """The case may then go on to the decision without a hearing record (LAW-APL-65)."""
    user = actor(request)
    hearing = selectors.case_row_get(user=user, case_id=case_id, model=Hearing, row_id=hearing_id)
    return services.hearing_withdraw(hearing=hearing, note=data.note, actor=user)
