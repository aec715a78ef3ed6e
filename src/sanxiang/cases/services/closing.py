"""Closing (结案, SAMR-PROC-77) and archiving (归档, LAW-APL-47) of a penalty case."""

from __future__ import annotations

import datetime

from django.db import transaction

from sanxiang.cases.choices import ApprovalStep
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case
from sanxiang.cases.services.approvals import approval_submit
from sanxiang.cases.services.writing import lock_case, validated_save
from sanxiang.cases.workflow import case_transition
from sanxiang.registry.models import User

__all__ = ["case_archive", "case_close"]


def case_close(
    *,
    case: Case,
    summary: str,
    opinion: str = "",
    on: datetime.date | None = None,
    actor: User,
) -> Case:
    """Fill in the closing form (结案审批表) and submit it for the closing approval.

    Preconditions (also checked at the final approval): the decision was executed, or the
    outcome needs no execution (SAMR-PROC-77); no seizure or preservation in force
    (LAW-ACL-25); an on-the-spot decision was filed with the agency (SAMR-PROC-70). Side
    effects: the summary is saved; the final closing approval closes the case and ends its
    deadlines. `on` is the day of the submission (default: today). Events:
    `cases.closing_submitted`, the approval's, `cases.closed`.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        locked.closing_summary = summary.strip()
        validated_save(locked, update_fields=["closing_summary", "updated_at"])
        record_case_event(
            case=locked,
            action="cases.closing_submitted",
            actor=actor,
            data={"summary": locked.closing_summary},
        )
        approval_submit(case=locked, step=ApprovalStep.CLOSING, opinion=opinion, actor=actor, on=on)
    locked.refresh_from_db()
    return locked


def case_archive(*, case: Case, on: datetime.date | None = None, actor: User) -> Case:
    """Archive a closed case (归档保存).

    Refused while any of the six recorded stages of LAW-APL-47 (启动, 调查取证, 审核, 决定,
    送达, 执行) has no record; the message names the missing stages. Event `cases.archived`.
    """
    return case_transition(case=case, transition="archive", actor=actor, on=on)
