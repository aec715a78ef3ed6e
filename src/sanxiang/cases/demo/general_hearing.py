"""The middle steps of a general-procedure demo case: the notice of the proposed penalty and
its approval, the party's statement or waiver, the hearing, legal review and collective
deliberation (LAW-APL-44/45/62/63/64/57).

Each function schedules service calls on a `GeneralCase` builder (`builder.call(day, service,
…)`); the builder runs them in date order.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.apps import apps

from sanxiang.cases import services as svc
from sanxiang.cases.choices import (
    ApprovalStep,
    DecisionOutcome,
    DeliveryMethod,
    PauseReason,
    ReexaminationResult,
)
from sanxiang.cases.demo import texts
from sanxiang.cases.rules import hearing_right_applies

if TYPE_CHECKING:
    from sanxiang.cases.demo.general import GeneralCase

__all__ = ["consent", "hearing_right", "schedule_notice_and_hearing"]

# Legal review goes through the review app's services when it is installed (LAW-APL-58).
_REVIEW = apps.is_installed("sanxiang.review")


def hearing_right(b: GeneralCase) -> bool:
    """LAW-APL-63 with the agency's thresholds, as `notice_draft` will compute it."""
    p = b.story.penalty
    return hearing_right_applies(
        penalty_types=p.types,
        fine_fen=p.fine_fen,
        confiscation_fen=p.confiscation_fen,
        party_kind=b.story.party.kind,
        thresholds=b.ctx.policy(b.team.agency).hearing_thresholds(),
    ).applies


def schedule_notice_and_hearing(b: GeneralCase) -> None:
    s, d, story, team = b.spec, b.dates, b.story, b.team
    if s.outcome != DecisionOutcome.PENALTY and d.decision_draft and _REVIEW:
        # No notice for these outcomes: the review app decides whether the decision is major.
        from sanxiang.review.demo import review_if_required

        b.call(d.decision_draft, review_if_required, on=d.decision_draft, outcome=s.outcome)
    if d.notice_draft is None or s.outcome != DecisionOutcome.PENALTY:
        return
    p, drafted = story.penalty, d.notice_draft
    right = hearing_right(b)
    if s.hearing and not right:
        raise ValueError(f"{s.key}: a hearing is planned but the penalty gives no right to one")

    def draft() -> None:
        svc.notice_draft(
            case=b.case,
            penalty_types=p.types,
            content=texts.notice_content(story, b.ctx.tier(b.case, p.tier), right),
            fine_fen=p.fine_fen,
            confiscation_fen=p.confiscation_fen,
            detention_days=p.detention_days,
            opinion="调查终结，建议按拟处罚意见告知当事人。",
            on=drafted,
            actor=b.handler,
        )

    b.on(drafted, draft)
    pending = s.pending == "notice"
    b.approve_on(
        drafted, ApprovalStep.NOTICE, final=d.served, stop_at=s.pending_level if pending else None
    )
    if pending or d.served is None:
        return
    served = d.served
    if s.delivery == DeliveryMethod.ELECTRONIC:
        b.on(served, lambda: consent(b, served))
    b.call(served, svc.notice_serve, served_on=served)
    if d.waived:
        b.call(d.waived, svc.statement_waive, waived_on=d.waived, note=texts.WAIVER_NOTE)
    if d.statement:
        _statement(b, *d.statement)
    _hearing(b)
    # Legal review through the review app's services (LAW-APL-58): where the case passes legal
    # review, and otherwise before drafting a decision that the catalogue makes major. Imported
    # here: the case demo runs the review app only when it is installed.
    if _REVIEW:
        from sanxiang.review.demo import demo_review_pass, review_if_required

        if d.legal_review:
            b.call(d.legal_review, demo_review_pass, on=d.legal_review)
        elif d.decision_draft:
            b.call(d.decision_draft, review_if_required, on=d.decision_draft)
    elif d.legal_review:
        b.call(
            d.legal_review,
            svc.case_transition,
            transition="request_legal_review",
            on=d.legal_review,
        )
    if d.deliberation:
        started, held = d.deliberation
        b.call(started, svc.case_transition, transition="start_deliberation", on=started)
        if held:
            b.call(
                held,
                svc.deliberation_record,
                held_on=held,
                chaired_by=team.agency_head,
                participants=[team.agency_head.full_name, team.head.full_name, "法制机构负责人"],
                minutes=texts.DELIBERATION_MINUTES,
                conclusion=f"同意对当事人作出如下处罚：{p.text()}",
            )


def _statement(b: GeneralCase, received: datetime.date, examined: datetime.date | None) -> None:
    def record() -> None:
        b.statement = svc.statement_record(
            case=b.case, received_on=received, content=texts.STATEMENT, actor=b.handler
        )

    b.on(received, record)
    if examined is not None:
        b.on(
            examined,
            lambda: svc.statement_reexamine(
                statement=b.statement,
                result=ReexaminationResult.NOT_ADOPTED,
                note=texts.REEXAMINATION,
                on=examined,
                actor=b.handler,
            ),
        )


def _hearing(b: GeneralCase) -> None:
    s, d, h = b.spec, b.dates, b.handler
    if d.hearing_request is None:
        return
    request = d.hearing_request

    def ask() -> None:
        b.hearing = svc.hearing_request(case=b.case, requested_on=request, actor=h)
        if d.hearing_pause:
            b.pauses["hearing"] = svc.clock_pause_start(
                case=b.case,
                reason=PauseReason.HEARING,
                started_on=request,
                note="当事人要求听证，听证期间不计入办案期限。",
                actor=h,
            )

    b.on(request, ask)
    if d.hearing_notice and d.hearing_on:
        notice, day = d.hearing_notice, d.hearing_on

        def schedule() -> None:
            svc.hearing_schedule(
                hearing=b.hearing,
                presiding_officer=b.team.presider(b.officers, notice),
                hearing_notice_served_on=notice,
                scheduled_on=day,
                place=f"{b.team.agency.name}听证室",
                actor=b.team.head,
            )

        b.on(notice, schedule)
    end = d.hearing_end
    if end is None:
        return

    def conclude() -> None:
        if s.hearing == "withdrawn":
            svc.hearing_withdraw(
                hearing=b.hearing, note="当事人书面撤回听证申请。", on=end, actor=h
            )
        else:
            attended = s.hearing != "absent"
            svc.hearing_hold(
                hearing=b.hearing,
                held_on=end,
                record=texts.HEARING_RECORD if attended else "",
                party_attended=attended,
                actor=h,
            )
        if d.hearing_pause:
            svc.clock_pause_stop(pause=b.pauses["hearing"], ended_on=end, actor=h)

    b.on(end, conclude)


def consent(b: GeneralCase, day: datetime.date) -> None:
    """送达地址确认书: the party agrees to electronic delivery (LAW-APL-61, SAMR-PROC-82)."""
    if b.party.delivery_consents.exists():
        return
    svc.electronic_consent_record(
        party=b.party,
        signed_on=day,
        channel="短信",
        address=b.party.phone or "13800000000",
        document_reference=f"送达地址确认书（{b.case.case_number or b.spec.key}）",
        actor=b.handler,
    )
