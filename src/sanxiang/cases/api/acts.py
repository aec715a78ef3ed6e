"""Other act types (行政检查、许可、征收、收费、强制): start, result, close (GUO-118-01/06a)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from sanxiang.cases import selectors, services
from sanxiang.cases.api.common import actor
from sanxiang.cases.models import Case
from sanxiang.cases.schemas.cases import CaseSummaryOut
from sanxiang.cases.schemas.common import WRITE_DOCS, WRITE_ERRORS
from sanxiang.cases.schemas.inputs import (
    ActCloseIn,
    ActResultIn,
)

router = Router(tags=["other acts"])


@router.post(
    "/{case_id}/act/start",
    response={200: CaseSummaryOut, **WRITE_ERRORS},
    summary="Start handling an act",
    openapi_extra=WRITE_DOCS,
)
def act_start(request: HttpRequest, case_id: int) -> Case:
    """`registered` → `in_progress`; a coercion is carried out by two certified officers
    (LAW-ACL-18)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    return services.act_progress(case=case, actor=user)


@router.post(
    "/{case_id}/act/result",
    response={200: CaseSummaryOut, **WRITE_ERRORS},
    summary="Record the decision or result of an act",
    openapi_extra=WRITE_DOCS,
)
def act_result(request: HttpRequest, case_id: int, data: ActResultIn) -> Case:
    """执法结论 (GUO-118-06a), published later: the result, its text and, for a levy or charge,
    the amount in fen. The act is then `decided`."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    return services.act_decide(
        case=case,
        result=data.result,
        text=data.text,
        amount_fen=data.amount_fen,
        decided_on=data.decided_on,
        actor=user,
    )


@router.post(
    "/{case_id}/act/close",
    response={200: CaseSummaryOut, **WRITE_ERRORS},
    summary="Close an act",
    openapi_extra=WRITE_DOCS,
)
def act_finish(request: HttpRequest, case_id: int, data: ActCloseIn) -> Case:
    """Once its result is recorded (GUO-118-06a) and no seizure is in force (LAW-ACL-25)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    return services.act_close(case=case, summary=data.summary, actor=user)
