"""Input schemas from the notice of the proposed penalty to the archive: notice, statement,
hearing, deliberation, time limit, decision, delivery and enforcement (see `inputs` for the
conventions: unknown fields refused, enumerations validated, amounts in integer fen)."""

from __future__ import annotations

import datetime

from pydantic import Field

from sanxiang.cases.choices import (
    DecisionOutcome,
    DeliveredDocument,
    DeliveryMethod,
    ExecutionKind,
    NoPenaltyReason,
    PauseReason,
    PaymentChannel,
    PaymentPlanKind,
    ReexaminationResult,
    RemedyKind,
)
from sanxiang.cases.schemas.inputs import In, Text
from sanxiang.registry.models import PenaltyType

# Notice, statement, hearing.


class NoticeIn(In):
    """行政处罚告知书 (LAW-APL-44); the hearing right follows (LAW-APL-63)."""

    penalty_types: list[PenaltyType] = Field(min_length=1)
    content: Text
    fine_fen: int = Field(0, ge=0)
    confiscation_fen: int = Field(0, ge=0)
    detention_days: int = Field(0, ge=0)
    other_penalty: str = Field("", max_length=255)
    opinion: str = ""


class NoticeServiceIn(In):
    served_on: datetime.date
    method: DeliveryMethod = DeliveryMethod.DIRECT


class StatementIn(In):
    received_on: datetime.date
    content: Text
    oral: bool = False


class ReexaminationIn(In):
    result: ReexaminationResult
    note: Text


class WaiverIn(In):
    """明确放弃 (LAW-APL-62)."""

    waived_on: datetime.date
    note: Text
    includes_hearing: bool = True


class HearingRequestIn(In):
    requested_on: datetime.date
    oral: bool = False


class HearingScheduleIn(In):
    """LAW-APL-64: a presiding officer who did not investigate; notice 7 working days ahead."""

    presiding_officer_id: int
    hearing_notice_served_on: datetime.date
    scheduled_on: datetime.date
    place: str = Field(min_length=1, max_length=255)
    is_public: bool = True


class HearingRecordIn(In):
    held_on: datetime.date
    record: str = ""
    party_attended: bool = True


class NoteIn(In):
    note: Text


# Deciding.


class DeliberationIn(In):
    """集体讨论 chaired by the agency head (LAW-APL-57)."""

    held_on: datetime.date
    chaired_by_id: int
    participants: list[str] = Field(min_length=1)
    minutes: Text
    conclusion: Text


class ExtensionIn(In):
    """延期 of the decision time limit (LAW-APL-60, SAMR-PROC-64)."""

    days: int
    reason: Text
    basis: str = Field("SAMR-PROC-64", max_length=255)
    opinion: str = ""


class ClockPauseIn(In):
    reason: PauseReason
    started_on: datetime.date
    note: str = ""


class EndedOnIn(In):
    ended_on: datetime.date


class DecisionIn(In):
    """The decision draft (LAW-APL-57): penalty, no penalty with a reason code (LAW-APL-33),
    transfer with the organ (LAW-APL-27), or dismissed."""

    outcome: DecisionOutcome
    reasons: str = ""
    penalty_types: list[PenaltyType] = Field(default_factory=list)
    fine_fen: int = Field(0, ge=0)
    confiscation_fen: int = Field(0, ge=0)
    detention_days: int = Field(0, ge=0)
    other_penalty: str = Field("", max_length=255)
    no_penalty_reason: NoPenaltyReason | None = None
    discretion_tier_id: int | None = None
    fine_basis_fen: int | None = Field(None, ge=0)
    outside_range_reason: str = ""
    mitigation_reason: str = ""
    transfer_organ: str = Field("", max_length=128)
    transfer_details: str = ""
    opinion: str = ""


# Delivery and enforcement.


class DeliveryIn(In):
    """送达 (LAW-APL-61): electronic only with a signed consent; a public notice counts 30 days
    after `posted_on` (SAMR-PROC-83)."""

    method: DeliveryMethod
    recipient: str = Field(min_length=1, max_length=128)
    proof: Text
    delivered_on: datetime.date | None = None
    posted_on: datetime.date | None = None
    address: str = Field("", max_length=255)
    document: DeliveredDocument = DeliveredDocument.DECISION


class InstalmentIn(In):
    due_on: datetime.date
    amount_fen: int = Field(gt=0)


class PaymentPlanIn(In):
    """暂缓或者分期缴纳 (LAW-APL-66), approved by the agency head."""

    kind: PaymentPlanKind
    applied_on: datetime.date
    reason: Text
    instalments: list[InstalmentIn] = Field(min_length=1)
    approved_on: datetime.date | None = None


class PaymentIn(In):
    """A bank or e-payment confirmation (LAW-APL-67)."""

    amount_fen: int = Field(gt=0)
    paid_on: datetime.date
    channel: PaymentChannel
    reference: str = Field(min_length=1, max_length=64)


class RemedyIn(In):
    """行政复议 / 行政诉讼 pending (LAW-APL-73)."""

    kind: RemedyKind
    started_on: datetime.date
    reference: str = Field("", max_length=64)


class ExecutionIn(In):
    kind: ExecutionKind
    executed_on: datetime.date
    description: Text


class SimpleFilingIn(In):
    """备案 of an on-the-spot decision (SAMR-PROC-70)."""

    filed_on: datetime.date


class CloseIn(In):
    """结案审批表 (SAMR-PROC-77)."""

    summary: Text
    opinion: str = ""
