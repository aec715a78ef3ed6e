"""Who is in a case: parties (当事人) with their consent to electronic delivery, officers
(办案人员) and recusal (回避), LAW-APL-42/43/61."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from sanxiang.cases import selectors, services
from sanxiang.cases.api.common import actor, reference
from sanxiang.cases.models import CaseOfficer, Party, Recusal
from sanxiang.cases.schemas.common import WRITE_DOCS, WRITE_ERRORS
from sanxiang.cases.schemas.inputs import (
    ElectronicConsentIn,
    OfficersIn,
    PartyIn,
    RecusalDecisionIn,
    RecusalIn,
)
from sanxiang.cases.schemas.records import (
    CaseOfficerOut,
    ElectronicConsentOut,
    PartyOut,
    RecusalOut,
)

router = Router(tags=["parties and officers"])


@router.post(
    "/{case_id}/parties",
    response={201: PartyOut, **WRITE_ERRORS},
    summary="Add a party",
    openapi_extra=WRITE_DOCS,
)
def party_create(request: HttpRequest, case_id: int, data: PartyIn) -> Status:
    """A natural person by resident ID number (STD-11643, the birth date follows for
    LAW-APL-30) or another document with the birth date; an organisation or 个体工商户 by
    credit code (STD-32100). Refused once the case is decided; the revision grows."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    return Status(201, services.party_add(case=case, data=data.to_data(), actor=user))


@router.put(
    "/{case_id}/parties/{party_id}",
    response={200: PartyOut, **WRITE_ERRORS},
    summary="Replace a party's details",
    openapi_extra=WRITE_DOCS,
)
def party_replace(request: HttpRequest, case_id: int, party_id: int, data: PartyIn) -> Party:
    """Same checks as adding (STD-11643, STD-32100); the revision grows when anything changed,
    so approvals of an older notice or decision go stale."""
    user = actor(request)
    party = selectors.case_row_get(user=user, case_id=case_id, model=Party, row_id=party_id)
    return services.party_update(party=party, data=data.to_data(), actor=user)


@router.delete(
    "/{case_id}/parties/{party_id}",
    response={204: None, **WRITE_ERRORS},
    summary="Remove a party",
    openapi_extra=WRITE_DOCS,
)
def party_delete(request: HttpRequest, case_id: int, party_id: int) -> Status:
    """Before the decision only; the timeline keeps what was removed (LAW-APL-47)."""
    user = actor(request)
    party = selectors.case_row_get(user=user, case_id=case_id, model=Party, row_id=party_id)
    services.party_remove(party=party, actor=user)
    return Status(204, None)


@router.post(
    "/{case_id}/parties/{party_id}/electronic-consents",
    response={201: ElectronicConsentOut, **WRITE_ERRORS},
    summary="Record a party's consent to electronic delivery",
    openapi_extra=WRITE_DOCS,
)
def electronic_consent_create(
    request: HttpRequest, case_id: int, party_id: int, data: ElectronicConsentIn
) -> Status:
    """送达地址确认书: documents may be delivered electronically only to the address confirmed
    here (LAW-APL-61, SAMR-PROC-82)."""
    user = actor(request)
    party = selectors.case_row_get(user=user, case_id=case_id, model=Party, row_id=party_id)
    consent = services.electronic_consent_record(
        party=party,
        signed_on=data.signed_on,
        channel=data.channel,
        address=data.address,
        document_reference=data.document_reference,
        actor=user,
    )
    return Status(201, consent)


@router.post(
    "/{case_id}/officers",
    response={200: list[CaseOfficerOut], **WRITE_ERRORS},
    summary="Assign officers to the case",
    openapi_extra=WRITE_DOCS,
)
def case_officers_assign(request: HttpRequest, case_id: int, data: OfficersIn) -> list[CaseOfficer]:
    """Active officers of the agency, never one recused from the case (LAW-APL-43); at least
    two holding certificates valid on each act's day are needed to act (LAW-APL-42,
    SAMR-PROC-19). `lead_officer_id` becomes the lead handler (主办)."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    lead_id = data.lead_officer_id
    wanted = [*data.officer_ids, *([] if lead_id is None else [lead_id])]
    officers = reference(
        "officer_ids", lambda: selectors.officers_get(user=user, officer_ids=wanted)
    )
    by_id = {officer.pk: officer for officer in officers}
    lead = None if lead_id is None else by_id[lead_id]
    chosen = [by_id[pk] for pk in data.officer_ids]
    return services.case_assign_officers(case=case, officers=chosen, lead=lead, actor=user)


@router.post(
    "/{case_id}/recusals",
    response={201: RecusalOut, **WRITE_ERRORS},
    summary="Record an application for an officer's recusal",
    openapi_extra=WRITE_DOCS,
)
def recusal_create(request: HttpRequest, case_id: int, data: RecusalIn) -> Status:
    """LAW-APL-43, SAMR-PROC-4: by the party, the officer or the agency, with a reason; the
    investigation goes on meanwhile."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    (officer,) = reference(
        "officer_id", lambda: selectors.officers_get(user=user, officer_ids=[data.officer_id])
    )
    recusal = services.recusal_apply(
        case=case,
        officer=officer,
        applicant=data.applicant,
        reason=data.reason,
        applicant_name=data.applicant_name,
        applied_on=data.applied_on,
        actor=user,
    )
    return Status(201, recusal)


@router.post(
    "/{case_id}/recusals/{recusal_id}/decision",
    response={200: RecusalOut, **WRITE_ERRORS},
    summary="Decide a recusal",
    openapi_extra=WRITE_DOCS,
)
def recusal_decision(
    request: HttpRequest, case_id: int, recusal_id: int, data: RecusalDecisionIn
) -> Recusal:
    """By the agency head, with reasons (LAW-APL-43); a head's own recusal is decided
    collectively (SAMR-PROC-4). Granted: the officer leaves the case."""
    user = actor(request)
    recusal = selectors.case_row_get(user=user, case_id=case_id, model=Recusal, row_id=recusal_id)
    return services.recusal_decide(
        recusal=recusal, granted=data.granted, reason=data.reason, actor=user
    )
