"""The six recorded stages of a penalty case (全过程记录, LAW-APL-47, SAMR-PROC-79).

"对行政处罚的启动、调查取证、审核、决定、送达、执行等进行全过程记录，归档保存". Archiving is
refused while a stage has no record. What counts as the record of each stage:

- 启动 (start): the completed filing approval (立案审批) of a general-procedure case, or the
  on-the-spot decision itself (LAW-APL-52) in the simple procedure;
- 调查取证 (investigation): at least one inquiry or inspection record (LAW-APL-55); the simple
  procedure writes its on-the-spot record itself;
- 审核 (review): the completed decision approval (决定审批); for the simple procedure the filing
  with the agency (SAMR-PROC-70);
- 决定 (decision): the decision with its date;
- 送达 (delivery): a delivery of the decision or transfer letter (LAW-APL-61);
- 执行 (execution): `balances.execution_complete` — payment in full and/or an execution record;
  the education record for no penalty (LAW-APL-33), the hand-over for a transfer (LAW-APL-27).

A dismissed case (撤销案件) ends before a penalty exists, so its delivery and execution stages do
not apply.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.approval_state import step_is_approved
from sanxiang.cases.balances import execution_complete
from sanxiang.cases.choices import ApprovalStep, DecisionOutcome, DeliveredDocument, Track
from sanxiang.cases.models import Case, Decision

__all__ = ["Stage", "missing_stages", "stage_records"]


class Stage(models.TextChoices):
    START = "start", _("Start")  # 启动
    INVESTIGATION = "investigation", _("Investigation")  # 调查取证
    REVIEW = "review", _("Review")  # 审核
    DECISION = "decision", _("Decision")  # 决定
    DELIVERY = "delivery", _("Delivery")  # 送达
    EXECUTION = "execution", _("Execution")  # 执行


def stage_records(case: Case) -> dict[Stage, bool | None]:
    """Whether each LAW-APL-47 stage has a record (None: the stage does not apply)."""
    decision = Decision.objects.filter(case=case, decided_on__isnull=False).first()
    simple = case.track == Track.SIMPLE
    dismissed = decision is not None and decision.outcome == DecisionOutcome.DISMISSED
    records: dict[Stage, bool | None] = {
        Stage.START: decision is not None
        if simple
        else (case.filed_on is not None and step_is_approved(case, ApprovalStep.FILING)),
        Stage.INVESTIGATION: case.records.exists(),
        Stage.REVIEW: case.simple_filed_on is not None
        if simple
        else (decision is not None and step_is_approved(case, ApprovalStep.DECISION)),
        Stage.DECISION: decision is not None,
        Stage.DELIVERY: None
        if dismissed
        else case.deliveries.filter(
            document__in=[DeliveredDocument.DECISION, DeliveredDocument.TRANSFER]
        ).exists(),
        Stage.EXECUTION: None if dismissed else execution_complete(case),
    }
    return records


def missing_stages(case: Case) -> list[Stage]:
    """The stages that apply to `case` and have no record yet, in LAW-APL-47 order."""
    return [stage for stage, recorded in stage_records(case).items() if recorded is False]
