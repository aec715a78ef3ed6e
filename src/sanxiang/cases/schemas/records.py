"""Output schemas of the records of a case: parties, officers, investigation, notice, hearing,
deliberation, decision, delivery and enforcement (`workflow` has approvals, deadlines, the
timeline, moves and the inbox).

Each mirrors its model (`cases.models`); a `*_label` field is the choice's label in the active
language. Amounts are integer fen.
"""

from __future__ import annotations

import datetime

from ninja import Schema

from sanxiang.cases.models import (
    CaseOfficer,
    Decision,
    Hearing,
    Party,
    RecordOfficer,
)
from sanxiang.cases.schemas.common import UserRefOut
from sanxiang.registry.models import Certificate

__all__ = [
    "ActResultOut",
    "CaseOfficerOut",
    "CertificateRefOut",
    "ClockPauseOut",
    "DecisionOut",
    "DeliberationOut",
    "DeliveryOut",
    "ElectronicConsentOut",
    "ExecutionOut",
    "ExtensionOut",
    "HearingOut",
    "InstalmentOut",
    "NoticeOut",
    "OfficerRefOut",
    "PartyOut",
    "PaymentOut",
    "PaymentPlanOut",
    "PreservationOut",
    "RecordOfficerOut",
    "RecordOut",
    "RecusalOut",
    "RemedyPauseOut",
    "SeizureOut",
    "StatementOut",
]


class OfficerRefOut(Schema):
    id: int
    name: str


class ElectronicConsentOut(Schema):
    """送达地址确认书 (LAW-APL-61, SAMR-PROC-82)."""

    id: int
    party_id: int
    signed_on: datetime.date
    channel: str
    address: str
    document_reference: str
    withdrawn_on: datetime.date | None


class PartyOut(Schema):
    """当事人; `birth_date` follows from the resident ID number (LAW-APL-30)."""

    id: int
    kind: str
    kind_label: str
    name: str
    id_number: str
    other_id_document: str
    birth_date: datetime.date | None
    credit_code: str
    legal_representative: str
    address: str
    phone: str
    capacity_limited: bool
    delivery_consents: list[ElectronicConsentOut]

    @staticmethod
    def resolve_kind_label(obj: Party) -> str:
        return str(obj.get_kind_display())


class CertificateRefOut(Schema):
    number: str
    expires_on: datetime.date
    status: str


class CaseOfficerOut(Schema):
    """办案人员 (LAW-APL-42); a recused officer has `removed_on` (LAW-APL-43)."""

    officer: OfficerRefOut
    is_lead: bool
    assigned_on: datetime.date
    removed_on: datetime.date | None
    removed_reason: str
    certificates: list[CertificateRefOut]

    @staticmethod
    def resolve_certificates(obj: CaseOfficer) -> list[Certificate]:
        return list(obj.officer.certificates.all())


class RecusalOut(Schema):
    """回避 (LAW-APL-43)."""

    id: int
    officer: OfficerRefOut
    applicant: str
    applicant_name: str
    reason: str
    applied_on: datetime.date
    result: str
    decided_on: datetime.date | None
    decision_reason: str


class RecordOfficerOut(Schema):
    officer_id: int
    name: str
    certificate_number: str

    @staticmethod
    def resolve_name(obj: RecordOfficer) -> str:
        return obj.officer.name


class RecordOut(Schema):
    """询问笔录 / 现场笔录 with the certificate numbers shown (LAW-APL-55)."""

    id: int
    kind: str
    started_at: datetime.datetime
    ended_at: datetime.datetime | None
    place: str
    subject_name: str
    subject_role: str
    content: str
    record_officers: list[RecordOfficerOut]


class PreservationOut(Schema):
    """先行登记保存, disposal due in 7 working days (LAW-APL-56)."""

    id: int
    items: str
    started_on: datetime.date
    disposal_due: datetime.date
    status: str
    disposed_on: datetime.date | None
    disposal: str
    lapsed_on: datetime.date | None


class SeizureOut(Schema):
    """查封 / 扣押, 30 days plus one extension of 30 (LAW-ACL-25)."""

    id: int
    kind: str
    items: str
    started_on: datetime.date
    expires_on: datetime.date
    extended: bool
    extension_reason: str
    status: str
    ended_on: datetime.date | None
    end_reason: str


class NoticeOut(Schema):
    """行政处罚告知书 (LAW-APL-44); `hearing_right` per LAW-APL-63; the current notice is the
    ceiling of the decision (LAW-APL-45)."""

    id: int
    penalty_types: list[str]
    fine_fen: int
    confiscation_fen: int
    detention_days: int
    other_penalty: str
    content: str
    hearing_right: bool
    hearing_reasons: list[str]
    hearing_threshold_fen: int
    revision: int
    is_current: bool
    drafted_at: datetime.datetime
    served_on: datetime.date | None
    service_method: str
    statement_window_end: datetime.date | None
    hearing_request_due: datetime.date | None
    waived_on: datetime.date | None
    waiver_includes_hearing: bool
    waiver_note: str


class StatementOut(Schema):
    """陈述申辩 and its re-examination (LAW-APL-45)."""

    id: int
    notice_id: int
    received_on: datetime.date
    oral: bool
    content: str
    reexamined_on: datetime.date | None
    reexamination_result: str
    reexamination_note: str


class HearingOut(Schema):
    """听证 (LAW-APL-64/65)."""

    id: int
    notice_id: int
    requested_on: datetime.date
    oral_request: bool
    status: str
    status_label: str
    presiding_officer: OfficerRefOut | None
    hearing_notice_served_on: datetime.date | None
    scheduled_on: datetime.date | None
    place: str
    is_public: bool
    held_on: datetime.date | None
    party_attended: bool | None
    record: str

    @staticmethod
    def resolve_status_label(obj: Hearing) -> str:
        return str(obj.get_status_display())


class DeliberationOut(Schema):
    """集体讨论 (LAW-APL-57)."""

    id: int
    held_on: datetime.date
    chaired_by: UserRefOut
    participants: list[str]
    minutes: str
    conclusion: str


class ExtensionOut(Schema):
    """延期 (SAMR-PROC-18, LAW-APL-60/SAMR-PROC-64); takes effect once approved."""

    id: int
    kind: str
    days: int
    reason: str
    basis: str
    status: str
    approval_round: int
    requested_on: datetime.date
    decided_on: datetime.date | None


class ClockPauseOut(Schema):
    """A period not counted in the decision time limit (SAMR-PROC-64)."""

    id: int
    reason: str
    started_on: datetime.date
    ended_on: datetime.date | None
    note: str


class DecisionOut(Schema):
    """处理决定 (LAW-APL-57): drafted, then made by the final decision approval (`decided_on`)."""

    id: int
    outcome: str
    outcome_label: str
    no_penalty_reason: str
    penalty_types: list[str]
    fine_fen: int
    confiscation_fen: int
    amount_due_fen: int
    detention_days: int
    other_penalty: str
    reasons: str
    discretion_tier_id: int | None
    fine_basis_fen: int | None
    outside_range_reason: str
    flag_for_legal_review: bool
    mitigation_reason: str
    hearing_id: int | None
    deliberation_id: int | None
    transfer_organ: str
    transfer_details: str
    form_number: str
    revision: int
    drafted_at: datetime.datetime
    decided_on: datetime.date | None

    @staticmethod
    def resolve_outcome_label(obj: Decision) -> str:
        return str(obj.get_outcome_display())


class ActResultOut(Schema):
    """执法结论 of an inspection, licensing, levy or coercion (GUO-118-06a)."""

    result: str
    text: str
    amount_fen: int | None
    decided_on: datetime.date


class DeliveryOut(Schema):
    """送达回证 (LAW-APL-61); electronic delivery names the consent it relied on."""

    id: int
    document: str
    method: str
    recipient: str
    address: str
    posted_on: datetime.date | None
    delivered_on: datetime.date
    proof: str
    consent_id: int | None


class InstalmentOut(Schema):
    due_on: datetime.date
    amount_fen: int


class PaymentPlanOut(Schema):
    """暂缓或者分期缴纳 (LAW-APL-66)."""

    kind: str
    applied_on: datetime.date
    reason: str
    instalments: list[InstalmentOut]
    ends_on: datetime.date
    approved_on: datetime.date


class PaymentOut(Schema):
    """A payment confirmation (LAW-APL-67) or on-the-spot receipt (LAW-APL-68/70)."""

    id: int
    amount_fen: int
    paid_on: datetime.date
    channel: str
    reference: str


class RemedyPauseOut(Schema):
    """行政复议 / 行政诉讼 pending: no late fee meanwhile (LAW-APL-73)."""

    id: int
    kind: str
    started_on: datetime.date
    ended_on: datetime.date | None
    reference: str


class ExecutionOut(Schema):
    """A record of the execution stage (LAW-APL-47) other than a payment."""

    id: int
    kind: str
    executed_on: datetime.date
    description: str
