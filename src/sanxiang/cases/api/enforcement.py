"""After the decision: delivery (送达, LAW-APL-61), payment plan, payments and remedies
(LAW-APL-66/67/72/73), execution records, the simple procedure's filing (SAMR-PROC-70),
closing (SAMR-PROC-77) and archiving (LAW-APL-47)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from sanxiang.cases import selectors, services
from sanxiang.cases.api.common import actor
from sanxiang.cases.models import Case, RemedyPause
from sanxiang.cases.schemas.cases import CaseSummaryOut
from sanxiang.cases.schemas.common import WRITE_DOCS, WRITE_ERRORS
from sanxiang.cases.schemas.inputs_decision import (
    CloseIn,
    DeliveryIn,
    EndedOnIn,
    ExecutionIn,
    PaymentIn,
    PaymentPlanIn,
    RemedyIn,
    SimpleFilingIn,
)
from sanxiang.cases.schemas.records import (
    DeliveryOut,
    ExecutionOut,
    PaymentOut,
    PaymentPlanOut,
    RemedyPauseOut,
)

router = Router(tags=["delivery and enforcement"])


@router.post(
    "/{case_id}/deliveries",
    response={201: DeliveryOut, **WRITE_ERRORS},
    summary="Record the delivery of the decision (送达回证)",
    openapi_extra=WRITE_DOCS,
)
def delivery_create(request: HttpRequest, case_id: int, data: DeliveryIn) -> Status:
    """LAW-APL-61: on the spot, or within 7 working days of the decision; electronic delivery
    only with the party's signed consent in force; a public notice counts 30 days after it was
    posted (SAMR-PROC-83). The first delivery moves the case to `delivered` and, for a penalty
    to carry out, `enforcing` with the fine due 15 days after receipt (LAW-APL-67)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    delivery = services.delivery_record(
        case=case,
        method=data.method,
        recipient=data.recipient,
        proof=data.proof,
        delivered_on=data.delivered_on,
        posted_on=data.posted_on,
        address=data.address,
        document=data.document,
        actor=user,
    )
    return Status(201, delivery)


@router.post(
    "/{case_id}/payment-plan",
    response={201: PaymentPlanOut, **WRITE_ERRORS},
    summary="Approve deferred or instalment payment",
    openapi_extra=WRITE_DOCS,
)
def payment_plan_create(request: HttpRequest, case_id: int, data: PaymentPlanIn) -> Status:
    """LAW-APL-66: on the party's application, approved by the agency head; the instalments add
    up to the money due. The late fee runs only after the plan's last day (LAW-APL-72)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    plan = services.payment_plan_approve(
        case=case,
        kind=data.kind,
        applied_on=data.applied_on,
        reason=data.reason,
        instalments=[(item.due_on, item.amount_fen) for item in data.instalments],
        approved_on=data.approved_on,
        actor=user,
    )
    return Status(201, plan)


@router.post(
    "/{case_id}/payments",
    response={201: PaymentOut, **WRITE_ERRORS},
    summary="Record a payment confirmed by the bank or e-payment system",
    openapi_extra=WRITE_DOCS,
)
def payment_create(request: HttpRequest, case_id: int, data: PaymentIn) -> Status:
    """LAW-APL-67: the platform records confirmations and never receives money; collection on
    the spot belongs to the simple procedure (LAW-APL-68). Once the fine and the late fee to
    that day (3% a day, at most the fine, LAW-APL-72) are paid, the closing deadline starts
    (SAMR-PROC-77)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    payment = services.payment_record(
        case=case,
        amount_fen=data.amount_fen,
        paid_on=data.paid_on,
        channel=data.channel,
        reference=data.reference,
        actor=user,
    )
    return Status(201, payment)


@router.post(
    "/{case_id}/remedies",
    response={201: RemedyPauseOut, **WRITE_ERRORS},
    summary="Record a pending reconsideration or lawsuit",
    openapi_extra=WRITE_DOCS,
)
def remedy_create(request: HttpRequest, case_id: int, data: RemedyIn) -> Status:
    """LAW-APL-73: execution goes on, but no late fee is counted while it is pending."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    pause = services.remedy_pause_start(
        case=case,
        kind=data.kind,
        started_on=data.started_on,
        reference=data.reference,
        actor=user,
    )
    return Status(201, pause)


@router.post(
    "/{case_id}/remedies/{remedy_id}/end",
    response={200: RemedyPauseOut, **WRITE_ERRORS},
    summary="Record the end of a reconsideration or lawsuit",
    openapi_extra=WRITE_DOCS,
)
def remedy_end(request: HttpRequest, case_id: int, remedy_id: int, data: EndedOnIn) -> RemedyPause:
    """The late fee runs again from the next day (LAW-APL-73)."""
    user = actor(request)
    pause = selectors.case_row_get(user=user, case_id=case_id, model=RemedyPause, row_id=remedy_id)
    return services.remedy_pause_stop(pause=pause, ended_on=data.ended_on, actor=user)


@router.post(
    "/{case_id}/executions",
    response={201: ExecutionOut, **WRITE_ERRORS},
    summary="Record the execution of the decision",
    openapi_extra=WRITE_DOCS,
)
def execution_create(request: HttpRequest, case_id: int, data: ExecutionIn) -> Status:
    """The execution stage of LAW-APL-47 beyond payments: a non-monetary penalty carried out,
    court enforcement (LAW-ACL-53), the education of a party not penalised (LAW-APL-33), the
    hand-over of a transferred case (LAW-APL-27)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    execution = services.execution_record(
        case=case,
        kind=data.kind,
        executed_on=data.executed_on,
        description=data.description,
        actor=user,
    )
    return Status(201, execution)


@router.post(
    "/{case_id}/simple-filing",
    response={200: CaseSummaryOut, **WRITE_ERRORS},
    summary="Record the filing of an on-the-spot decision with the agency",
    openapi_extra=WRITE_DOCS,
)
def simple_filing(request: HttpRequest, case_id: int, data: SimpleFilingIn) -> Case:
    """备案 within 7 working days (SAMR-PROC-70, LAW-APL-52): the review stage of LAW-APL-47
    for the simple procedure, needed before closing."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    return services.simple_filing_record(case=case, filed_on=data.filed_on, actor=user)


@router.post(
    "/{case_id}/close",
    response={200: CaseSummaryOut, **WRITE_ERRORS},
    summary="Submit the case for closing (结案审批)",
    openapi_extra=WRITE_DOCS,
)
def case_close(request: HttpRequest, case_id: int, data: CloseIn) -> Case:
    """SAMR-PROC-77: once the decision is executed (or needs no execution), with no seizure or
    preservation in force (LAW-ACL-25) and an on-the-spot decision filed (SAMR-PROC-70).
    Submits the closing approval; the last approval closes the case."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    return services.case_close(case=case, summary=data.summary, opinion=data.opinion, actor=user)


@router.post(
    "/{case_id}/archive",
    response={200: CaseSummaryOut, **WRITE_ERRORS},
    summary="Archive a closed case (归档)",
    openapi_extra=WRITE_DOCS,
)
def case_archive(request: HttpRequest, case_id: int) -> Case:
    """Refused while any of the six stages of LAW-APL-47 — 启动, 调查取证, 审核, 决定, 送达,
    执行 — has no record; `extra.missing` lists them."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    return services.case_archive(case=case, actor=user)
