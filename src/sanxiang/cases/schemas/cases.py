"""Output schemas of the case itself: the summary every action returns, the list row, and the
full case with its records, approvals, running deadlines, balance and stages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from ninja import Schema

from sanxiang.cases.balances import Balance
from sanxiang.cases.models import Approval, Case, Deadline
from sanxiang.cases.schemas.records import (
    ActResultOut,
    CaseOfficerOut,
    ClockPauseOut,
    DecisionOut,
    DeliberationOut,
    DeliveryOut,
    ExecutionOut,
    ExtensionOut,
    HearingOut,
    NoticeOut,
    PartyOut,
    PaymentOut,
    PaymentPlanOut,
    PreservationOut,
    RecordOut,
    RecusalOut,
    RemedyPauseOut,
    SeizureOut,
    StatementOut,
)
from sanxiang.cases.schemas.workflow import (
    ApprovalOut,
    BalanceOut,
    DeadlineOut,
    StageOut,
    stage_rows,
)
from sanxiang.cases.stages import Stage
from sanxiang.registry.models import DiscretionStandard, DiscretionTier, PowerItemBasis
from sanxiang.registry.schemas import (
    AgencyRefOut,
    BasisOut,
    DepartmentRefOut,
    PowerItemRefOut,
    TierOut,
)

__all__ = [
    "CaseDetail",
    "CaseDetailOut",
    "CaseListItemOut",
    "CasePageOut",
    "CaseSummaryOut",
]


class CaseSummaryOut(Schema):
    """A case in brief: where it stands (`status`, DESIGN §4) and what it is about."""

    id: int
    case_number: str
    title: str
    act_type: str
    act_type_label: str
    procedure: str
    track: str
    status: str
    status_label: str
    revision: int
    agency: AgencyRefOut
    department: DepartmentRefOut | None
    power_item: PowerItemRefOut | None
    received_on: datetime.date | None
    filed_on: datetime.date | None
    closed_on: datetime.date | None
    archived_on: datetime.date | None
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_act_type_label(obj: Case) -> str:
        return str(obj.get_act_type_display())

    @staticmethod
    def resolve_status_label(obj: Case) -> str:
        return str(obj.get_status_display())


class CaseListItemOut(CaseSummaryOut):
    """A row of the case list: the closest running deadline and whether one is overdue."""

    next_due_on: datetime.date | None
    overdue: bool


class CasePageOut(Schema):
    count: int
    items: list[CaseListItemOut]


class ReporterOut(Schema):
    """Who reported the lead (举报人): confidential, shown only to those handling the case."""

    name: str
    contact: str


class CaseTierOut(TierOut):
    """A tier of the case's discretion standard; `id` is what a decision names (LAW-APL-34)."""

    id: int


class CaseDiscretionOut(Schema):
    """The discretion standard in force on the act's date (LAW-APL-34), with its tiers."""

    id: int
    code: str
    title: str
    effective_from: datetime.date
    effective_to: datetime.date | None
    tiers: list[CaseTierOut]

    @staticmethod
    def resolve_tiers(obj: DiscretionStandard) -> list[DiscretionTier]:
        return list(obj.tiers.all())


class CasePowerItemOut(PowerItemRefOut):
    """The power item the case is filed under, with its legal basis (违法依据, 处罚依据) that
    follows from it (SAMR-PROC-19)."""

    act_type: str
    violation: str
    basis: list[BasisOut]


@dataclass(frozen=True)
class CaseDetail:
    """A case read with `case_get` and the selectors of its other parts; attributes it does not
    hold are the case's."""

    case: Case
    approvals: list[Approval]
    deadlines: list[Deadline]
    balance: Balance
    stages: dict[Stage, bool | None]
    reporter_visible: bool
    can_change: bool

    def __getattr__(self, name: str) -> Any:
        return getattr(self.case, name)


class CaseDetailOut(CaseSummaryOut):
    """The full case (全过程记录): facts, parties, officers, power item with its legal basis and
    discretion standard, every record, approvals, running deadlines with their rule ids, the
    balance with the late fee, and the six stages of LAW-APL-47. `reporter` is null unless the
    user handles the case; `can_change` says whether the user may act on it."""

    power_item: CasePowerItemOut | None
    facts: str
    place: str
    lead_source: str
    lead_summary: str
    lead_extended: bool
    reporter: ReporterOut | None
    decline_reason: str
    decline_note: str
    violation_started_on: datetime.date | None
    violation_ended_on: datetime.date | None
    discovered_on: datetime.date | None
    five_year_limitation: bool
    limitation_until: datetime.date | None
    limitation_override_basis: str
    is_complex: bool
    is_major: bool
    suspected_crime: bool
    simple_filed_on: datetime.date | None
    closing_summary: str
    discretion_standard: CaseDiscretionOut | None
    discretion_tier_id: int | None
    parties: list[PartyOut]
    case_officers: list[CaseOfficerOut]
    recusals: list[RecusalOut]
    records: list[RecordOut]
    preservations: list[PreservationOut]
    seizures: list[SeizureOut]
    notices: list[NoticeOut]
    statements: list[StatementOut]
    hearings: list[HearingOut]
    deliberations: list[DeliberationOut]
    extensions: list[ExtensionOut]
    clock_pauses: list[ClockPauseOut]
    approvals: list[ApprovalOut]
    decision: DecisionOut | None
    act_result: ActResultOut | None
    deliveries: list[DeliveryOut]
    payment_plan: PaymentPlanOut | None
    payments: list[PaymentOut]
    remedy_pauses: list[RemedyPauseOut]
    executions: list[ExecutionOut]
    balance: BalanceOut
    deadlines: list[DeadlineOut]
    stages: list[StageOut]
    can_change: bool

    @staticmethod
    def resolve_reporter(obj: CaseDetail) -> dict[str, str] | None:
        if not obj.reporter_visible:
            return None
        return {"name": obj.case.reporter_name, "contact": obj.case.reporter_contact}

    @staticmethod
    def resolve_power_item(obj: CaseDetail) -> dict[str, Any] | None:
        item = obj.case.power_item
        if item is None:
            return None
        basis: list[PowerItemBasis] = obj.case.legal_basis()
        return {
            "id": item.pk,
            "code": item.code,
            "name": item.name,
            "act_type": item.act_type,
            "violation": item.violation,
            "basis": basis,
        }

    @staticmethod
    def resolve_decision(obj: CaseDetail) -> Any:
        return getattr(obj.case, "decision", None)

    @staticmethod
    def resolve_act_result(obj: CaseDetail) -> Any:
        return getattr(obj.case, "act_result", None)

    @staticmethod
    def resolve_payment_plan(obj: CaseDetail) -> Any:
        return getattr(obj.case, "payment_plan", None)

    @staticmethod
    def resolve_balance(obj: CaseDetail) -> dict[str, Any]:
        balance = obj.balance
        return {
            "principal_fen": balance.principal_fen,
            "late_fee_fen": balance.late_fee_fen,
            "paid_fen": balance.paid_fen,
            "outstanding_fen": balance.outstanding_fen,
            "due_on": balance.due_on,
        }

    @staticmethod
    def resolve_stages(obj: CaseDetail) -> list[dict[str, Any]]:
        return stage_rows(obj.stages)
