"""The last steps of a general-procedure demo case: the decision, delivery, payments and
execution, closing and archiving.

Each function schedules service calls on a `GeneralCase` builder (`builder.call(day, service,
…)`); the builder runs them in date order.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.apps import apps

from sanxiang.cases import services as svc
from sanxiang.cases.balances import case_balance
from sanxiang.cases.choices import (
    ApprovalStep,
    DecisionOutcome,
    DeliveredDocument,
    DeliveryMethod,
    ExecutionKind,
    PaymentChannel,
    PaymentPlanKind,
    RemedyKind,
)
from sanxiang.cases.demo import texts
from sanxiang.cases.demo.context import av_records
from sanxiang.cases.demo.general_hearing import consent
from sanxiang.registry.models import FineBasis, PenaltyType

if TYPE_CHECKING:
    from sanxiang.cases.demo.general import GeneralCase

__all__ = ["schedule_after_decision", "schedule_decision"]

_PROOFS = {
    DeliveryMethod.ON_SPOT: "宣告后当场交付，当事人在送达回证上签字。",
    DeliveryMethod.DIRECT: "直接送达，受送达人在送达回证上签字。",
    DeliveryMethod.LEFT_AT_RESIDENCE: "当事人拒绝签收，邀请社区工作人员到场见证，留置送达并拍照。",
    DeliveryMethod.POST: "邮寄送达，邮件签收回执附卷。",
    DeliveryMethod.ELECTRONIC: "按送达地址确认书以短信方式送达，系统显示已送达。",
    DeliveryMethod.PUBLIC_NOTICE: "其他方式无法送达，在本机关网站和公告栏公告送达，照片附卷。",
}


def _decision_values(b: GeneralCase) -> dict[str, Any]:
    s, story, p = b.spec, b.story, b.story.penalty
    outcome = DecisionOutcome(s.outcome)
    if outcome == DecisionOutcome.PENALTY:
        tier = b.ctx.tier(b.case, p.tier)
        multiple = tier is not None and tier.fine_basis != FineBasis.FIXED
        return {
            "penalty_types": p.types,
            "fine_fen": p.fine_fen,
            "confiscation_fen": p.confiscation_fen,
            "detention_days": p.detention_days,
            "discretion_tier": tier,
            "fine_basis_fen": p.basis_fen if multiple else None,
            "outside_range_reason": p.outside_reason,
            "mitigation_reason": p.mitigation,
            "reasons": texts.decision_reasons(story, tier, adopted=_heard(b)),
        }
    if outcome == DecisionOutcome.NO_PENALTY:
        return {
            "no_penalty_reason": s.no_penalty_reason,
            "reasons": texts.no_penalty_reasons(story, s.no_penalty_reason),
        }
    if outcome == DecisionOutcome.TRANSFER:
        details = texts.transfer_details(story, b.scenario.transfer_to, b.scenario.crime)
        return {
            "transfer_organ": b.scenario.transfer_to,
            "transfer_details": details,
            "reasons": details,
        }
    return {"reasons": texts.DISMISSAL}


def _heard(b: GeneralCase) -> str:
    d = b.dates
    return texts.heard(
        hearing=b.spec.hearing,
        requested=d.hearing_request,
        ended=d.hearing_end,
        waived=d.waived is not None,
        statement=d.statement is not None,
    )


def schedule_decision(b: GeneralCase) -> None:
    s, d = b.spec, b.dates
    if d.decision_draft is None:
        return
    drafted = d.decision_draft

    def draft() -> None:
        svc.decision_make(
            case=b.case,
            outcome=s.outcome,
            opinion="建议按拟定意见作出决定。",
            on=drafted,
            actor=b.handler,
            **_decision_values(b),
        )

    b.on(drafted, draft)
    if apps.is_installed("sanxiang.review"):
        # A decision drafted outside the discretion standard becomes major only now
        # (LAW-APL-58 via the catalogue): the review app reviews the draft before approval.
        from sanxiang.review.demo import review_if_required

        b.call(drafted, review_if_required, on=drafted)
    pending = s.pending == "decision"
    stop_at = s.pending_level if pending else None
    b.approve_on(drafted, ApprovalStep.DECISION, final=d.decided, stop_at=stop_at)


def schedule_after_decision(b: GeneralCase) -> None:
    s, d = b.spec, b.dates
    if d.decided is None:
        return
    _release_seizure(b, d.decided)
    if s.outcome != DecisionOutcome.DISMISSED and d.delivered:
        _delivery(b, d.decided, d.delivered)
    if d.executed:
        _execution(b, d.executed)
    _payments(b)
    if d.close_submit:
        submitted = d.close_submit
        b.call(submitted, av_records)
        b.call(
            submitted,
            svc.case_close,
            summary=closing_summary(b),
            opinion="执行完毕，建议结案。",
            on=submitted,
        )
        stop_at = s.pending_level if s.pending == "closing" else None
        b.approve_on(submitted, ApprovalStep.CLOSING, final=d.closed, stop_at=stop_at)
    if d.archived:
        b.call(d.archived, svc.case_archive, on=d.archived)


def _delivery(b: GeneralCase, decided: datetime.date, delivered: datetime.date) -> None:
    s, d, party = b.spec, b.dates, b.story.party
    if s.delivery == DeliveryMethod.ELECTRONIC:
        b.on(decided, lambda: consent(b, decided))
    transfer = s.outcome == DecisionOutcome.TRANSFER
    recipient = b.scenario.transfer_to if transfer else party.data.legal_representative
    b.call(
        delivered,
        svc.delivery_record,
        method=s.delivery,
        recipient=recipient or party.name,
        proof=_PROOFS[DeliveryMethod(s.delivery)],
        delivered_on=None if d.posted else delivered,
        posted_on=d.posted,
        address=party.data.address,
        document=DeliveredDocument.TRANSFER if transfer else DeliveredDocument.DECISION,
    )


def _execution(b: GeneralCase, day: datetime.date) -> None:
    outcome = DecisionOutcome(b.spec.outcome)
    if outcome == DecisionOutcome.NO_PENALTY:
        kind = ExecutionKind.EDUCATION
        text = texts.EDUCATION.get(b.spec.no_penalty_reason, texts.DEFAULT_EDUCATION)
    elif outcome == DecisionOutcome.TRANSFER:
        kind = ExecutionKind.TRANSFER_HANDED_OVER
        text = f"已将案件移送{b.scenario.transfer_to}，对方出具了接受移送回执。"
    else:
        kind, text = ExecutionKind.PERFORMED, texts.execution_text(b.story.penalty, day)
    b.call(day, svc.execution_record, kind=kind, executed_on=day, description=text)


def closing_summary(b: GeneralCase) -> str:
    return {
        DecisionOutcome.PENALTY: "处罚决定已送达并执行完毕，申请结案。",
        DecisionOutcome.TRANSFER: "案件已移送司法机关并取得接受回执，申请结案。",
        DecisionOutcome.DISMISSED: "案件已撤销，申请结案。",
        DecisionOutcome.NO_PENALTY: "不予行政处罚决定已送达，已对当事人进行教育，申请结案。",
    }[DecisionOutcome(b.spec.outcome)]


def _release_seizure(b: GeneralCase, decided: datetime.date) -> None:
    """A seizure during the investigation ends by the decision, within 30 days or after the
    one extension of 30 days (LAW-ACL-25)."""
    d, h = b.dates, b.handler
    if not d.seizure or b.spec.seizure == "running":
        return
    start = d.seizure[0]
    types = set(b.story.penalty.types)
    disposed = PenaltyType.CONFISCATE_PROPERTY in types and b.spec.outcome == "penalty"
    reason = "依法作出没收决定。" if disposed else "案件作出处理决定，解除扣押。"
    end = decided
    if (decided - start).days > 58:
        end, disposed, reason = b.ctx.clock.days_after(start, 25), False, "检验完毕，解除扣押。"
    elif (decided - start).days > 29:
        extended = b.ctx.clock.days_after(start, 20)
        b.on(
            extended,
            lambda: svc.seizure_extend(
                seizure=b.seizure,
                reason="案情复杂，检验尚未完成。",
                approved_by=b.team.agency_head,
                on=extended,
                actor=h,
            ),
        )
    b.on(
        end,
        lambda: svc.seizure_release(
            seizure=b.seizure, ended_on=end, reason=reason, disposed=disposed, actor=h
        ),
    )


def _payments(b: GeneralCase) -> None:
    d, h = b.dates, b.handler
    due = b.story.penalty.fine_fen + b.story.penalty.confiscation_fen
    if d.plan:
        applied, approved, instalments = d.plan
        b.call(
            approved,
            svc.payment_plan_approve,
            kind=PaymentPlanKind.INSTALMENTS,
            applied_on=applied,
            reason="当事人经营困难，一次性缴纳罚款确有困难，申请分期缴纳。",
            instalments=list(zip(instalments, _split(due, len(instalments)), strict=True)),
            approved_on=approved,
            actor=b.team.agency_head,
        )
    if d.remedy:
        started, ended = d.remedy

        def appeal() -> None:
            b.remedy = svc.remedy_pause_start(
                case=b.case,
                kind=RemedyKind.RECONSIDERATION,
                started_on=started,
                reference=f"津政复受〔{started.year}〕{b.rng.randint(100, 900)}号",
                actor=h,
            )

        b.on(started, appeal)
        if ended:
            b.on(ended, lambda: svc.remedy_pause_stop(pause=b.remedy, ended_on=ended, actor=h))
    if d.court:
        applied_court, concluded = d.court
        b.call(
            applied_court,
            svc.execution_record,
            kind=ExecutionKind.COURT_APPLICATION,
            executed_on=applied_court,
            description="当事人经催告后逾期仍不履行，依法申请人民法院强制执行。",
        )
        if concluded:
            b.call(
                concluded,
                svc.execution_record,
                kind=ExecutionKind.COURT_CONCLUDED,
                executed_on=concluded,
                description="人民法院强制执行完毕，罚款及加处罚款已划缴国库。",
            )
    for index, day in enumerate(d.payments):
        b.on(day, _payment(b, day, index))


def _payment(b: GeneralCase, day: datetime.date, index: int) -> Any:
    def pay() -> None:
        plan = b.dates.plan
        if plan:
            total = b.story.penalty.fine_fen + b.story.penalty.confiscation_fen
            amount = _split(total, len(plan[2]))[index]
        else:
            amount = case_balance(b.case, day).outstanding_fen
        svc.payment_record(
            case=b.case,
            amount_fen=amount,
            paid_on=day,
            channel=PaymentChannel.E_PAYMENT if b.rng.random() < 0.5 else PaymentChannel.BANK,
            reference=f"FS{day:%Y%m%d}{b.rng.randrange(10**6):06d}",
            actor=b.handler,
        )

    return pay


def _split(total: int, parts: int) -> list[int]:
    share = total // parts // 100 * 100
    return [share] * (parts - 1) + [total - share * (parts - 1)]
