"""Where a step's three-level approval (三级审批) stands: read-only, used by guards and pages."""

from __future__ import annotations

from sanxiang.cases.choices import ApprovalResult
from sanxiang.cases.models import Approval, Case, CasePolicy

__all__ = ["latest_round", "round_is_complete", "round_is_open", "step_is_approved"]


def latest_round(case: Case, step: str) -> list[Approval]:
    """The rows of the step's latest round, lowest level first (empty if never submitted)."""
    last = (
        Approval.objects.filter(case=case, step=step)
        .order_by("-round")
        .values_list("round", flat=True)
    ).first()
    if last is None:
        return []
    return list(Approval.objects.filter(case=case, step=step, round=last).order_by("level"))


def round_is_open(rows: list[Approval]) -> bool:
    return any(row.result == ApprovalResult.PENDING for row in rows)


def round_is_complete(rows: list[Approval], required: list[int]) -> bool:
    """Every required level approved in this round and nothing pending or refused."""
    if any(row.result != ApprovalResult.APPROVED for row in rows):
        return False
    return set(required) <= {row.level for row in rows}


def step_is_approved(case: Case, step: str, *, revision: int | None = None) -> bool:
    """Whether the step's latest round is complete (for `revision`, when given).

    A step the agency's policy does not submit for approval counts as approved.
    """
    required = CasePolicy.for_agency(case.agency).levels_for(step)
    if not required:
        return True
    rows = latest_round(case, step)
    if not rows or not round_is_complete(rows, required):
        return False
    return revision is None or rows[0].revision == revision
