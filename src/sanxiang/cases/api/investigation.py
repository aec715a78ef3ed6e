"""Investigation (调查取证): records (笔录), preservation of evidence (先行登记保存) and sealing
or seizure (查封扣押), LAW-APL-42/55/56, LAW-ACL-18/25."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from sanxiang.cases import selectors, services
from sanxiang.cases.api.common import actor, reference
from sanxiang.cases.models import Preservation, Seizure
from sanxiang.cases.schemas.common import WRITE_DOCS, WRITE_ERRORS
from sanxiang.cases.schemas.inputs import (
    PreservationDisposalIn,
    PreservationIn,
    RecordIn,
    SeizureExtensionIn,
    SeizureIn,
    SeizureReleaseIn,
)
from sanxiang.cases.schemas.records import PreservationOut, RecordOut, SeizureOut
from sanxiang.registry.models import User

router = Router(tags=["investigation"])


def _approver(user: User, approver_id: int) -> User:
    return reference(
        "approved_by_id", lambda: selectors.agency_user_get(user=user, user_id=approver_id)
    )


@router.post(
    "/{case_id}/records",
    response={201: RecordOut, **WRITE_ERRORS},
    summary="Add an inquiry or inspection record (笔录)",
    openapi_extra=WRITE_DOCS,
)
def record_create(request: HttpRequest, case_id: int, data: RecordIn) -> Status:
    """By officers of the case, at least two with certificates valid that day (LAW-APL-42); the
    record keeps the certificate numbers shown (LAW-APL-55). The first record of a filed case
    starts its investigation (`investigating`)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    officers = reference(
        "officer_ids", lambda: selectors.officers_get(user=user, officer_ids=data.officer_ids)
    )
    record = services.record_add(
        case=case,
        kind=data.kind,
        started_at=data.started_at,
        ended_at=data.ended_at,
        place=data.place,
        subject_name=data.subject_name,
        subject_role=data.subject_role,
        content=data.content,
        officers=officers,
        actor=user,
    )
    return Status(201, record)


@router.post(
    "/{case_id}/preservations",
    response={201: PreservationOut, **WRITE_ERRORS},
    summary="Register and preserve evidence (先行登记保存)",
    openapi_extra=WRITE_DOCS,
)
def preservation_create(request: HttpRequest, case_id: int, data: PreservationIn) -> Status:
    """Approved by the agency head (`approved_by_id`); a disposal decision is due within 7
    working days, tracked as a deadline, or the preservation lapses (LAW-APL-56,
    SAMR-PROC-35). Two certified officers that day (LAW-APL-42)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    preservation = services.preservation_start(
        case=case,
        items=data.items,
        started_on=data.started_on,
        approved_by=_approver(user, data.approved_by_id),
        actor=user,
    )
    return Status(201, preservation)


@router.post(
    "/{case_id}/preservations/{preservation_id}/disposal",
    response={200: PreservationOut, **WRITE_ERRORS},
    summary="Record the disposal of preserved evidence",
    openapi_extra=WRITE_DOCS,
)
def preservation_disposal(
    request: HttpRequest, case_id: int, preservation_id: int, data: PreservationDisposalIn
) -> Preservation:
    """LAW-APL-56: the disposal decision, on or before the 7th working day; after it the
    preservation has lapsed (SAMR-PROC-35)."""
    user = actor(request)
    preservation = selectors.case_row_get(
        user=user, case_id=case_id, model=Preservation, row_id=preservation_id
    )
    return services.preservation_dispose(
        preservation=preservation,
        disposed_on=data.disposed_on,
        disposal=data.disposal,
        actor=user,
    )


@router.post(
    "/{case_id}/seizures",
    response={201: SeizureOut, **WRITE_ERRORS},
    summary="Seal or seize property (查封 / 扣押)",
    openapi_extra=WRITE_DOCS,
)
def seizure_create(request: HttpRequest, case_id: int, data: SeizureIn) -> Status:
    """In a coercion case, or a penalty case under investigation (SAMR-PROC-36); approved by
    the agency head and carried out by two certified officers (LAW-ACL-18); it expires after
    30 days (LAW-ACL-25), tracked as a deadline."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    seizure = services.seizure_start(
        case=case,
        kind=data.kind,
        items=data.items,
        started_on=data.started_on,
        approved_by=_approver(user, data.approved_by_id),
        actor=user,
    )
    return Status(201, seizure)


@router.post(
    "/{case_id}/seizures/{seizure_id}/extension",
    response={200: SeizureOut, **WRITE_ERRORS},
    summary="Extend a seizure once by 30 days",
    openapi_extra=WRITE_DOCS,
)
def seizure_extension(
    request: HttpRequest, case_id: int, seizure_id: int, data: SeizureExtensionIn
) -> Seizure:
    """LAW-ACL-25: once, before it expires, by at most 30 days, approved by the agency head,
    with the reason."""
    user = actor(request)
    seizure = selectors.case_row_get(user=user, case_id=case_id, model=Seizure, row_id=seizure_id)
    return services.seizure_extend(
        seizure=seizure,
        reason=data.reason,
        approved_by=_approver(user, data.approved_by_id),
        actor=user,
    )


@router.post(
    "/{case_id}/seizures/{seizure_id}/release",
    response={200: SeizureOut, **WRITE_ERRORS},
    summary="Release seized property, or record its disposal by a decision",
    openapi_extra=WRITE_DOCS,
)
def seizure_end(
    request: HttpRequest, case_id: int, seizure_id: int, data: SeizureReleaseIn
) -> Seizure:
    """解除 or 没收: the expiry deadline is met, or missed if after it (LAW-ACL-25). A case
    closes only with no measure in force."""
    user = actor(request)
    seizure = selectors.case_row_get(user=user, case_id=case_id, model=Seizure, row_id=seizure_id)
    return services.seizure_release(
        seizure=seizure,
        ended_on=data.ended_on,
        reason=data.reason,
        disposed=data.disposed,
        actor=user,
    )
