"""From lead to filed case: facts, the filing form, declining, the lead extension, and
(re)submitting a step for approval (SAMR-PROC-18/19/20, LAW-APL-36)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from sanxiang.cases import selectors, services
from sanxiang.cases.api.common import actor, reference
from sanxiang.cases.models import Approval, Case, CaseExtension
from sanxiang.cases.schemas.cases import CaseSummaryOut
from sanxiang.cases.schemas.common import WRITE_DOCS, WRITE_ERRORS
from sanxiang.cases.schemas.inputs import (
    ApprovalSubmitIn,
    CaseFactsIn,
    DeclineIn,
    FilingIn,
    ReasonIn,
)
from sanxiang.cases.schemas.records import ExtensionOut
from sanxiang.cases.schemas.workflow import ApprovalOut
from sanxiang.registry import selectors as registry_selectors

router = Router(tags=["filing"])


@router.patch(
    "/{case_id}/facts",
    response={200: CaseSummaryOut, **WRITE_ERRORS},
    summary="Change the facts of an undecided case",
    openapi_extra=WRITE_DOCS,
)
def case_facts_update(request: HttpRequest, case_id: int, data: CaseFactsIn) -> Case:
    """Fields left out stay as they are. The case's revision grows, so approvals of an older
    notice or decision go stale (SAMR-PROC-57/60); refused once the case is decided. The
    dates of the act feed the limitation period (LAW-APL-36)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    return services.case_update_facts(case=case, actor=user, **data.model_dump())


@router.post(
    "/{case_id}/filing",
    response={200: CaseSummaryOut, **WRITE_ERRORS},
    summary="Submit a lead for filing (立案审批)",
    openapi_extra=WRITE_DOCS,
)
def case_filing_submit(request: HttpRequest, case_id: int, data: FilingIn) -> Case:
    """The filing form: an active penalty item of the agency's power list, whose legal basis
    and discretion standard in force on the act's date follow (SAMR-PROC-19); the act
    discovered within 2 years (5 for life, health or financial safety) of it or its end
    (LAW-APL-36); two officers with valid certificates assigned (LAW-APL-42). Submits the filing
    approval; the last approval files the case, numbers it and starts the 90-day clock
    (LAW-APL-60)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    power_item = reference(
        "power_item_id",
        lambda: registry_selectors.power_item_get(user=user, power_item_id=data.power_item_id),
    )
    return services.case_submit_for_filing(
        case=case,
        power_item=power_item,
        facts=data.facts,
        violation_started_on=data.violation_started_on,
        discovered_on=data.discovered_on,
        violation_ended_on=data.violation_ended_on,
        five_year_limitation=data.five_year_limitation,
        limitation_override_basis=data.limitation_override_basis,
        is_complex=data.is_complex,
        is_major=data.is_major,
        suspected_crime=data.suspected_crime,
        title=data.title,
        opinion=data.opinion,
        actor=user,
    )


@router.post(
    "/{case_id}/decline",
    response={200: CaseSummaryOut, **WRITE_ERRORS},
    summary="Decide not to file a lead (不予立案)",
    openapi_extra=WRITE_DOCS,
)
def case_decline(request: HttpRequest, case_id: int, data: DeclineIn) -> Case:
    """By a department head or the agency head, with a reason code (SAMR-PROC-18/20,
    LAW-APL-33 for minor or first violations); the lead deadline is met."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    return services.case_decline(case=case, reason=data.reason, note=data.note, actor=user)


@router.post(
    "/{case_id}/lead-extension",
    response={201: ExtensionOut, **WRITE_ERRORS},
    summary="Ask for more time to decide on a lead",
    openapi_extra=WRITE_DOCS,
)
def lead_extension_request(request: HttpRequest, case_id: int, data: ReasonIn) -> Status:
    """SAMR-PROC-18: once, by 15 working days, with the extension approval."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    extension: CaseExtension = services.lead_extend(
        case=case, reason=data.reason, opinion=data.opinion, actor=user
    )
    return Status(201, extension)


@router.post(
    "/{case_id}/approvals",
    response={201: list[ApprovalOut], **WRITE_ERRORS},
    summary="Submit a step for the three-level approval again",
    tags=["approvals"],
    openapi_extra=WRITE_DOCS,
)
def approval_submit(request: HttpRequest, case_id: int, data: ApprovalSubmitIn) -> Status:
    """After a refusal, the handler resubmits the step unchanged (a new round); the filing,
    notice, decision and closing endpoints submit their step themselves. Only an officer
    handling the case submits; the gated move's guards must already pass (SAMR-PROC-19/57/60/
    77)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    rows: list[Approval] = services.approval_submit(
        case=case, step=data.step, opinion=data.opinion, actor=user
    )
    return Status(201, rows)
