"""Creating cases: a lead (general procedure), an on-the-spot decision (simple procedure) and
another act type. Each answers 201 with the new case."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from sanxiang.cases import selectors, services
from sanxiang.cases.api.common import actor, reference
from sanxiang.cases.schemas.cases import CaseSummaryOut
from sanxiang.cases.schemas.common import WRITE_DOCS, WRITE_ERRORS
from sanxiang.cases.schemas.inputs import (
    ActIn,
    LeadIn,
    OnSpotIn,
)
from sanxiang.registry import selectors as registry_selectors
from sanxiang.registry.models import Department, PowerItem, User

router = Router(tags=["cases"])


def _department(user: User, department_id: int | None) -> Department | None:
    if department_id is None:
        return None
    return reference(
        "department_id",
        lambda: selectors.agency_department_get(user=user, department_id=department_id),
    )


def _power_item(user: User, power_item_id: int | None) -> PowerItem | None:
    if power_item_id is None:
        return None
    return reference(
        "power_item_id",
        lambda: registry_selectors.power_item_get(user=user, power_item_id=power_item_id),
    )


@router.post(
    "/leads",
    response={201: CaseSummaryOut, **WRITE_ERRORS},
    summary="Register a lead (线索登记)",
    openapi_extra=WRITE_DOCS,
)
def lead_create(request: HttpRequest, data: LeadIn) -> Status:
    """A penalty case starts as a lead of the user's agency (state `lead`). The deadline to
    file it or decline it starts: 15 working days by default, the agency's `lead_filing_days`
    (SAMR-PROC-18, LAW-APL-54). The reporter's name and contact stay confidential."""
    user = actor(request)
    case = services.lead_register(
        title=data.title,
        lead_source=data.lead_source,
        received_on=data.received_on,
        lead_summary=data.lead_summary,
        reporter_name=data.reporter_name,
        reporter_contact=data.reporter_contact,
        place=data.place,
        department=_department(user, data.department_id),
        actor=user,
    )
    return Status(201, case)


@router.post(
    "/on-spot",
    response={201: CaseSummaryOut, **WRITE_ERRORS},
    summary="Record a penalty decided on the spot (当场处罚, simple procedure)",
    openapi_extra=WRITE_DOCS,
)
def on_spot_create(request: HttpRequest, data: OnSpotIn) -> Status:
    """LAW-APL-51: a warning, or a fine of at most 200元 (20000 fen) for a citizen or 3000元
    (300000 fen) for an organisation — 201元 is refused. Two officers with valid certificates
    that day, one of them the user (LAW-APL-42); the pre-numbered form (LAW-APL-52); minors
    protected (LAW-APL-30); collection on the spot only under LAW-APL-68/69 with a receipt
    (LAW-APL-70). The case, its party, record, decision and on-the-spot delivery are written
    at once; it is then `delivered` (paid) or `enforcing`, and must be filed with the agency
    within 7 working days (SAMR-PROC-70)."""
    user = actor(request)
    officers = reference(
        "officer_ids", lambda: selectors.officers_get(user=user, officer_ids=data.officer_ids)
    )
    case = services.case_decide_on_spot(
        title=data.title,
        facts=data.facts,
        place=data.place,
        acted_at=data.acted_at,
        party=data.party.to_data(),
        officers=officers,
        penalty_types=data.penalty_types,
        form_number=data.form_number,
        reasons=data.reasons,
        fine_fen=data.fine_fen,
        power_item=_power_item(user, data.power_item_id),
        mitigation_reason=data.mitigation_reason,
        collect_on_spot=data.collect_on_spot,
        receipt_number=data.receipt_number,
        hard_to_enforce_later=data.hard_to_enforce_later,
        remote_area=data.remote_area,
        actor=user,
    )
    return Status(201, case)


@router.post(
    "/acts",
    response={201: CaseSummaryOut, **WRITE_ERRORS},
    summary="Register an inspection, licensing, levy, charge or coercion",
    openapi_extra=WRITE_DOCS,
)
def act_create(request: HttpRequest, data: ActIn) -> Status:
    """The other act types of full-process recording (GUO-118-01) follow a lighter lifecycle:
    registered → in progress → decided → closed → archived, ending with a recorded result that
    can be published (GUO-118-06a). A power item, if named, is the agency's, of the same type."""
    user = actor(request)
    case = services.act_register(
        act_type=data.act_type,
        title=data.title,
        facts=data.facts,
        place=data.place,
        power_item=_power_item(user, data.power_item_id),
        received_on=data.received_on,
        department=_department(user, data.department_id),
        actor=user,
    )
    return Status(201, case)
