"""Output schemas of where a case stands: approvals (三级审批), deadlines with their rule ids,
the balance, the stages of LAW-APL-47, the timeline, the available moves and the inbox."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Schema

from sanxiang.cases.choices import ApprovalLevel, ApprovalStep
from sanxiang.cases.models import Approval, Deadline
from sanxiang.cases.schemas.common import ErrorOut, UserRefOut
from sanxiang.cases.selectors import TimelineEntry
from sanxiang.cases.stages import Stage
from sanxiang.cases.workflow import AvailableTransition

__all__ = [
    "TRANSITION_ENDPOINTS",
    "ApprovalOut",
    "BalanceOut",
    "CaseRefOut",
    "DeadlineOut",
    "InboxApprovalOut",
    "InboxDeadlineOut",
    "InboxOut",
    "StageOut",
    "TimelineEntryOut",
    "TransitionOut",
    "stage_rows",
]

_CASE = "/api/v1/cases/{case_id}"
# Where each move of the workflow table is taken (POST): the service endpoint that records its
# data, or the generic transition endpoint for a move that records nothing but itself.
TRANSITION_ENDPOINTS: dict[str, str] = {
    "file": f"{_CASE}/filing",
    "decline": f"{_CASE}/decline",
    "start_investigation": f"{_CASE}/records",
    "end_investigation": f"{_CASE}/transitions/end_investigation",
    "return_to_investigation": f"{_CASE}/transitions/return_to_investigation",
    "notify": f"{_CASE}/notice/service",
    "request_hearing": f"{_CASE}/hearings",
    "request_legal_review": f"{_CASE}/transitions/request_legal_review",
    "start_deliberation": f"{_CASE}/transitions/start_deliberation",
    "decide": f"{_CASE}/decision",
    "deliver": f"{_CASE}/deliveries",
    "start_enforcement": f"{_CASE}/deliveries",
    "close": f"{_CASE}/close",
    "act_start": f"{_CASE}/act/start",
    "act_decide": f"{_CASE}/act/result",
    "act_close": f"{_CASE}/act/close",
    "archive": f"{_CASE}/archive",
}


class CaseRefOut(Schema):
    id: int
    case_number: str
    title: str
    status: str


class ApprovalOut(Schema):
    """One level of the three-level approval (三级审批): who, when, with which opinion."""

    id: int
    case_id: int
    step: str
    step_label: str
    round: int
    level: int
    level_label: str
    revision: int
    submitted_by: UserRefOut
    submitted_at: datetime.datetime
    result: str
    approver: UserRefOut | None
    decided_at: datetime.datetime | None
    opinion: str

    @staticmethod
    def resolve_step_label(obj: Approval) -> str:
        return str(ApprovalStep(obj.step).label)

    @staticmethod
    def resolve_level_label(obj: Approval) -> str:
        return str(ApprovalLevel(obj.level).label)


class BalanceOut(Schema):
    """Money under the decision today: fine and confiscation, late fee (LAW-APL-72, 3% a day
    capped at the fine, paused under LAW-APL-73), paid, outstanding; `due_on` per LAW-APL-66/67."""

    principal_fen: int
    late_fee_fen: int
    paid_fen: int
    outstanding_fen: int
    due_on: datetime.date | None


class StageOut(Schema):
    """One of the six recorded stages of LAW-APL-47; `recorded` is null when it does not apply."""

    stage: str
    label: str
    recorded: bool | None


class DeadlineOut(Schema):
    """A legal deadline with the rule id that sets it (`rule`) and that rule's label."""

    id: int
    kind: str
    rule: str
    rule_label: str
    holder: str
    subject: str
    started_on: datetime.date
    due_on: datetime.date
    status: str
    met_on: datetime.date | None

    @staticmethod
    def resolve_rule_label(obj: Deadline) -> str:
        return str(obj.rule_label)


class TimelineEntryOut(Schema):
    """One event of the full-process record (LAW-APL-47): who, when, what changed."""

    occurred_at: datetime.datetime
    action: str
    label: str
    actor_name: str
    data: dict[str, Any]

    @staticmethod
    def resolve_label(obj: TimelineEntry) -> str:
        return str(obj.label)


class TransitionOut(Schema):
    """A move out of the current state: `allowed` now, or `blocking` in the error shape (code,
    message naming field and rule, `extra.rule`). `endpoint` is the path to POST to take it
    (`{case_id}` to fill in)."""

    name: str
    label: str
    target: str
    target_label: str
    approval_step: str | None
    allowed: bool
    blocking: ErrorOut | None
    endpoint: str

    @staticmethod
    def resolve_target_label(obj: AvailableTransition) -> str:
        return str(obj.target.label)

    @staticmethod
    def resolve_endpoint(obj: AvailableTransition) -> str:
        return TRANSITION_ENDPOINTS.get(obj.name, "")

    @staticmethod
    def resolve_blocking(obj: AvailableTransition) -> dict[str, Any] | None:
        if obj.allowed:
            return None
        return {
            "code": obj.refusal_code,
            "message": obj.refusal_message,
            "extra": dict(obj.refusal_extra),
        }


def stage_rows(stages: dict[Stage, bool | None]) -> list[dict[str, Any]]:
    """`case_stages` as rows of `StageOut`, in LAW-APL-47 order."""
    return [
        {"stage": stage.value, "label": str(stage.label), "recorded": recorded}
        for stage, recorded in stages.items()
    ]


class InboxApprovalOut(ApprovalOut):
    case: CaseRefOut


class InboxDeadlineOut(DeadlineOut):
    case: CaseRefOut


class InboxOut(Schema):
    """What waits for the user: approvals at their level, and the agency's closest deadlines."""

    approvals: list[InboxApprovalOut]
    deadlines: list[InboxDeadlineOut]
