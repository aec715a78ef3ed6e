"""JSON API of the evidence app, mounted under /api/v1/evidence/ by config/urls.py.

Files are uploaded with the tus protocol at `/office/evidence/cases/<case>/uploads/` (see
tus.py) and fetched at `/office/evidence/items/<id>/file` (range requests); this API lists,
re-verifies and marks them, records why an act has no video, and gives the GUO-118-08
checklist and the device ratios.
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status

from sanxiang.cases.access import access_case
from sanxiang.evidence.checklist import ChecklistRow, av_checklist
from sanxiang.evidence.devices import DeviceCompliance, device_compliance
from sanxiang.evidence.models import CustodyLog, EvidenceItem
from sanxiang.evidence.selectors import custody_for_item, evidence_get, evidence_list
from sanxiang.evidence.services import av_reason_record, evidence_mark_basis, evidence_verify
from sanxiang.evidence.tus import request_info
from sanxiang.registry.models import User

router = Router(tags=["evidence"])


class ErrorOut(Schema):
    code: str
    message: str
    extra: dict[str, object]


class EvidenceOut(Schema):
    id: int
    case_id: int
    kind: str
    captured_at: datetime.datetime
    place: str
    latitude: float | None
    longitude: float | None
    device_id: int | None
    officer_ids: list[int]
    description: str
    file_name: str
    content_type: str
    size: int
    sha256: str
    sm3: str
    is_continuous: bool
    is_decision_basis: bool
    integrity: str
    verified_at: datetime.datetime | None
    ledger_index: int | None
    act_kind: str
    act_id: int | None
    file_url: str

    @staticmethod
    def resolve_officer_ids(obj: EvidenceItem) -> list[int]:
        return [officer.pk for officer in obj.officers.all()]

    @staticmethod
    def resolve_file_url(obj: EvidenceItem) -> str:
        return f"/office/evidence/items/{obj.pk}/file"


class BasisIn(Schema):
    basis: bool


class CustodyOut(Schema):
    action: str
    actor_name: str
    at: datetime.datetime
    remote_addr: str | None
    user_agent: str
    detail: dict[str, object]


class ChecklistOut(Schema):
    act_kind: str
    act_id: int
    label: str
    tier: str
    videos: int
    continuous_videos: int
    reason: str
    met: bool


class AvReasonIn(Schema):
    act_kind: str
    act_id: int
    reason: str


class AvReasonOut(Schema):
    id: int
    case_id: int
    act_kind: str
    act_id: int | None
    reason: str
    recorded_at: datetime.datetime


class DeviceComplianceOut(Schema):
    agency_id: int
    agency_name: str
    devices: int
    officers: int
    required: int
    complies: bool


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


@router.get(
    "/cases/{case_id}/items",
    response={200: list[EvidenceOut], **ERRORS},
    summary="The evidence of a case, in order of capture",
)
def items_of_case(request: HttpRequest, case_id: int) -> list[EvidenceItem]:
    return evidence_list(user=request.user, case_id=case_id)


@router.get("/items/{item_id}", response={200: EvidenceOut, **ERRORS}, summary="One item")
def item_detail(request: HttpRequest, item_id: int) -> EvidenceItem:
    return evidence_get(user=request.user, item_id=item_id)


@router.post(
    "/items/{item_id}/verify",
    response={200: EvidenceOut, **ERRORS},
    summary="Re-hash the stored file now and record the result",
)
def item_verify(request: HttpRequest, item_id: int) -> EvidenceItem:
    item = evidence_get(user=request.user, item_id=item_id)
    return evidence_verify(item=item, actor=_user(request), info=request_info(request))


@router.post(
    "/items/{item_id}/basis",
    response={200: EvidenceOut, **ERRORS},
    summary="Mark or unmark as a basis of the decision (LAW-APL-41)",
)
def item_basis(request: HttpRequest, item_id: int, payload: BasisIn) -> EvidenceItem:
    item = evidence_get(user=request.user, item_id=item_id)
    return evidence_mark_basis(item=item, actor=request.user, basis=payload.basis)


@router.get(
    "/items/{item_id}/custody",
    response={200: list[CustodyOut], **ERRORS},
    summary="The custody log of one item",
)
def item_custody(request: HttpRequest, item_id: int) -> list[CustodyLog]:
    return custody_for_item(user=request.user, item_id=item_id)


@router.get(
    "/cases/{case_id}/checklist",
    response={200: list[ChecklistOut], **ERRORS},
    summary="The GUO-118-08 audio-video checklist of a case",
)
def case_checklist(request: HttpRequest, case_id: int) -> list[ChecklistRow]:
    return av_checklist(access_case(request.user, case_id))


@router.post(
    "/cases/{case_id}/reasons",
    response={201: AvReasonOut, **ERRORS},
    summary="Record why an act has no video (GUO-118-08 tier c only)",
)
def case_av_reason(request: HttpRequest, case_id: int, payload: AvReasonIn) -> Status:
    case = access_case(request.user, case_id)
    row = av_reason_record(
        case=case,
        actor=request.user,
        act_kind=payload.act_kind,
        act_id=payload.act_id,
        reason=payload.reason,
    )
    return Status(201, row)


@router.get(
    "/devices",
    response={200: list[DeviceComplianceOut], **ERRORS},
    summary="Recording devices per agency against one per four officers",
)
def devices(request: HttpRequest) -> list[DeviceCompliance]:
    return device_compliance(user=request.user)
