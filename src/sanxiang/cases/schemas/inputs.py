"""Input schemas of the case API: one per action, named after it, the service's parameters with
records named by id (`*_id`). Unknown fields are refused, so that a misspelt field cannot be
silently ignored; choices are validated against their enumerations; amounts are integer fen.

Legal checks (limits, windows, rules) are the services' and answer 400 with the rule id; the
schemas only check shapes (422).
"""

from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Schema
from pydantic import ConfigDict, Field

from sanxiang.cases.choices import (
    ActResultKind,
    ApprovalStep,
    DeclineReason,
    LeadSource,
    PartyKind,
    RecordKind,
    RecusalApplicant,
    SeizureKind,
)
from sanxiang.cases.schemas.common import LocalDateTime
from sanxiang.cases.services import PartyData
from sanxiang.registry.models import ActType, PenaltyType

# Text that must not be empty.
Text = Annotated[str, Field(min_length=1)]


class In(Schema):
    """Base of the inputs: no unknown fields, enumerations as their plain values."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


# Creating cases.


class LeadIn(In):
    """线索登记 (SAMR-PROC-18)."""

    title: str = Field(min_length=1, max_length=255)
    lead_source: LeadSource
    received_on: datetime.date
    lead_summary: str = ""
    reporter_name: str = Field("", max_length=64)
    reporter_contact: str = Field("", max_length=128)
    place: str = Field("", max_length=255)
    department_id: int | None = Field(None, description="Default: the user's department.")


class PartyIn(In):
    """当事人: a natural person with a resident ID number (GB 11643) or another document and the
    birth date; an organisation or 个体工商户 with its credit code (GB 32100)."""

    kind: PartyKind
    name: str = Field(min_length=1, max_length=128)
    id_number: str = Field("", max_length=18)
    other_id_document: str = Field("", max_length=64)
    birth_date: datetime.date | None = None
    credit_code: str = Field("", max_length=18)
    legal_representative: str = Field("", max_length=64)
    address: str = Field("", max_length=255)
    phone: str = Field("", max_length=32)
    capacity_limited: bool = False

    def to_data(self) -> PartyData:
        return PartyData(**self.model_dump())


class OnSpotIn(In):
    """当场处罚 (LAW-APL-51): a warning, or a fine up to 200元 (20000 fen) for a citizen or
    3000元 (300000 fen) for an organisation."""

    title: str = Field(min_length=1, max_length=255)
    facts: Text
    place: str = Field(min_length=1, max_length=255)
    acted_at: LocalDateTime
    party: PartyIn
    officer_ids: list[int] = Field(min_length=1)
    penalty_types: list[PenaltyType] = Field(min_length=1)
    form_number: str = Field(max_length=64, description="The pre-numbered form (LAW-APL-52).")
    reasons: Text
    fine_fen: int = Field(0, ge=0)
    power_item_id: int | None = None
    mitigation_reason: str = ""
    collect_on_spot: bool = False
    receipt_number: str = Field("", description="专用票据 number when collected (LAW-APL-70).")
    hard_to_enforce_later: bool = False
    remote_area: bool = False


class ActIn(In):
    """An inspection, licensing, levy, charge or coercion (GUO-118-01)."""

    act_type: ActType
    title: str = Field(min_length=1, max_length=255)
    facts: str = ""
    place: str = Field("", max_length=255)
    power_item_id: int | None = None
    received_on: datetime.date | None = None
    department_id: int | None = None


# The lead and the filing.


class CaseFactsIn(In):
    """Facts to change before the decision; a field left out (or null) stays as it is."""

    title: str | None = Field(None, min_length=1, max_length=255)
    facts: str | None = None
    place: str | None = Field(None, max_length=255)
    violation_started_on: datetime.date | None = None
    violation_ended_on: datetime.date | None = None
    discovered_on: datetime.date | None = None
    is_complex: bool | None = None
    is_major: bool | None = None
    suspected_crime: bool | None = None


class FilingIn(In):
    """立案审批表 (SAMR-PROC-19, LAW-APL-36)."""

    power_item_id: int
    facts: Text
    violation_started_on: datetime.date
    discovered_on: datetime.date
    violation_ended_on: datetime.date | None = None
    five_year_limitation: bool = False
    limitation_override_basis: str = Field("", max_length=255)
    is_complex: bool = False
    is_major: bool = False
    suspected_crime: bool = False
    title: str | None = Field(None, min_length=1, max_length=255)
    opinion: str = ""


class DeclineIn(In):
    """不予立案 (SAMR-PROC-20)."""

    reason: DeclineReason
    note: str = ""


class ReasonIn(In):
    reason: Text
    opinion: str = ""


# Parties, officers, recusal.


class ElectronicConsentIn(In):
    """送达地址确认书 (LAW-APL-61, SAMR-PROC-82)."""

    signed_on: datetime.date
    channel: str = Field(min_length=1, max_length=32)
    address: str = Field(min_length=1, max_length=255)
    document_reference: str = Field("", max_length=64)


class OfficersIn(In):
    """Officers of the agency to assign (SAMR-PROC-19); already assigned ones stay."""

    officer_ids: list[int] = Field(min_length=1)
    lead_officer_id: int | None = None


class RecusalIn(In):
    """回避 (LAW-APL-43)."""

    officer_id: int
    applicant: RecusalApplicant
    reason: Text
    applicant_name: str = Field("", max_length=128)
    applied_on: datetime.date | None = None


class RecusalDecisionIn(In):
    granted: bool
    reason: Text


# Investigation and coercive measures.


class RecordIn(In):
    """询问笔录 / 现场笔录 (LAW-APL-55) by at least two certified officers (LAW-APL-42)."""

    kind: RecordKind
    started_at: LocalDateTime
    ended_at: LocalDateTime | None = None
    place: str = Field(min_length=1, max_length=255)
    subject_name: str = Field(min_length=1, max_length=128)
    subject_role: str = Field("", max_length=64)
    content: Text
    officer_ids: list[int] = Field(min_length=1)


class PreservationIn(In):
    """先行登记保存 approved by the agency head (LAW-APL-56)."""

    items: Text
    started_on: datetime.date
    approved_by_id: int = Field(description="The agency head's account.")


class PreservationDisposalIn(In):
    disposed_on: datetime.date
    disposal: Text


class SeizureIn(In):
    """查封 / 扣押 approved by the agency head (LAW-ACL-18/25)."""

    kind: SeizureKind
    items: Text
    started_on: datetime.date
    approved_by_id: int = Field(description="The agency head's account.")


class SeizureExtensionIn(In):
    reason: Text
    approved_by_id: int


class SeizureReleaseIn(In):
    ended_on: datetime.date
    reason: Text
    disposed: bool = Field(False, description="True: disposed of by a decision, not released.")


# Approvals.


class ApprovalSubmitIn(In):
    """Submit (again) a step for the three-level approval; level 1 is the submitter's."""

    step: ApprovalStep
    opinion: str = ""


class ApprovalDecisionIn(In):
    approve: bool
    opinion: str = Field("", description="Required when refusing.")


# Other act types and the generic move.


class ActResultIn(In):
    """执法结论 (GUO-118-06a); an amount only for a levy or a charge."""

    result: ActResultKind
    text: Text
    amount_fen: int | None = Field(None, ge=0)
    decided_on: datetime.date | None = None


class ActCloseIn(In):
    summary: str = ""


class TransitionIn(In):
    """Data of a move that records nothing but itself (e.g. `reason` to return a case for
    further investigation, SAMR-PROC-54)."""

    reason: str = ""
    note: str = ""
