"""Guards of filing, investigation, notice and hearing (LAW-APL-36/42/44/55/62-65)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sanxiang.cases.certification import require_case_officers_certified
from sanxiang.cases.choices import (
    HearingStatus,
)
from sanxiang.cases.guards.context import TransitionContext
from sanxiang.cases.refusals import refuse
from sanxiang.cases.rules import check_limitation

__all__ = [
    "decline_reason_given",
    "hearing_concluded",
    "hearing_requested_in_time",
    "hearing_right_offered",
    "investigation_recorded",
    "notice_served",
    "officers_certified",
    "party_named",
    "power_item_chosen",
    "return_reason_given",
    "statement_phase_complete",
    "statements_reexamined",
    "within_limitation",
]


_OPEN_HEARINGS = (HearingStatus.REQUESTED, HearingStatus.SCHEDULED)
_CONCLUDED_HEARINGS = (HearingStatus.HELD, HearingStatus.DEEMED_WAIVED, HearingStatus.WITHDRAWN)


def power_item_chosen(ctx: TransitionContext) -> None:
    """SAMR-PROC-19: a case is filed under an active penalty item of the agency's power list."""
    item = ctx.case.power_item
    if item is None or item.agency_id != ctx.case.agency_id or not item.is_active:
        refuse(
            _(
                "Choose an active penalty item of the agency's power list "
                "(power item, SAMR-PROC-19)."
            ),
            code="cases.filing.power_item_required",
            rule="SAMR-PROC-19",
            field="power_item",
        )


def officers_certified(ctx: TransitionContext) -> None:
    """LAW-APL-42: at least two officers on the case hold certificates valid on the act's day."""
    require_case_officers_certified(ctx.case, ctx.on)


def within_limitation(ctx: TransitionContext) -> None:
    """LAW-APL-36: discovered within two (five) years of the act or its end, or a cited law
    provides otherwise."""
    case = ctx.case
    if case.violation_started_on is None or case.discovered_on is None:
        refuse(
            _("Give the date of the act and of its discovery (violation date, LAW-APL-36)."),
            code="cases.filing.dates_required",
            rule="LAW-APL-36",
            field="violation_started_on",
        )
    check_limitation(
        act_on=case.violation_started_on,
        act_ended_on=case.violation_ended_on,
        discovered_on=case.discovered_on,
        five_year=case.five_year_limitation,
        override_basis=case.limitation_override_basis,
    )


def decline_reason_given(ctx: TransitionContext) -> None:
    """SAMR-PROC-20: not filing a lead needs a reason (不予立案审批表)."""
    if not ctx.case.decline_reason:
        refuse(
            _("Give the reason for not filing the lead (reason, SAMR-PROC-20)."),
            code="cases.decline.reason_required",
            rule="SAMR-PROC-20",
            field="decline_reason",
        )


def investigation_recorded(ctx: TransitionContext) -> None:
    """LAW-APL-55: the investigation has at least one inquiry or inspection record (笔录)."""
    if not ctx.case.records.exists():
        refuse(
            _("Add at least one inquiry or inspection record first (records, LAW-APL-55)."),
            code="cases.investigation.record_required",
            rule="LAW-APL-55",
            field="records",
        )


def party_named(ctx: TransitionContext) -> None:
    """LAW-APL-59: the decision names the party, so the case has at least one party."""
    if not ctx.case.parties.exists():
        refuse(
            _("Name the party of the case first (parties, LAW-APL-59)."),
            code="cases.party_required",
            rule="LAW-APL-59",
            field="parties",
        )


def return_reason_given(ctx: TransitionContext) -> None:
    """SAMR-PROC-54: a case returned for further investigation (建议补充调查) says why."""
    if not str(ctx.data.get("reason", "")).strip():
        refuse(
            _("Say what must be investigated further (reason, SAMR-PROC-54)."),
            code="cases.return.reason_required",
            rule="SAMR-PROC-54",
            field="reason",
        )


def notice_served(ctx: TransitionContext) -> None:
    """LAW-APL-44: before a penalty, the notice of the proposed penalty has been served."""
    if not ctx.penalty_decided():
        return
    notice = ctx.notice()
    if notice is None or notice.served_on is None:
        refuse(
            _(
                "Serve the notice of the proposed penalty on the party before deciding a penalty "
                "(notice, LAW-APL-44)."
            ),
            code="cases.notice.not_served",
            rule="LAW-APL-44",
            field="notice",
        )


def hearing_right_offered(ctx: TransitionContext) -> None:
    """LAW-APL-63: a hearing is held only where the notified penalty gives the right to one."""
    notice = ctx.notice()
    if notice is None or not notice.hearing_right:
        refuse(
            _("The notified penalty gives no right to a hearing (hearing, LAW-APL-63)."),
            code="cases.hearing.no_right",
            rule="LAW-APL-63",
            field="hearing",
        )


def hearing_requested_in_time(ctx: TransitionContext) -> None:
    """LAW-APL-64: the hearing is requested within 5 working days of the notice (SAMR-HEAR-7)."""
    notice = ctx.notice()
    hearing = ctx.case.hearings.order_by("-id").first()
    if notice is None or hearing is None or notice.hearing_request_due is None:
        refuse(
            _("Record the hearing request first (requested on, LAW-APL-64)."),
            code="cases.hearing.request_missing",
            rule="LAW-APL-64",
            field="requested_on",
        )
    if notice.waived_on is not None and notice.waiver_includes_hearing:
        refuse(
            _("The party waived the hearing on %(date)s (requested on, LAW-APL-62).")
            % {"date": notice.waived_on.isoformat()},
            code="cases.hearing.waived",
            rule="LAW-APL-62",
            field="requested_on",
        )
    if hearing.requested_on > notice.hearing_request_due:
        refuse(
            _(
                "The hearing was requested on %(date)s, after the last day %(due)s "
                "(requested on, LAW-APL-64)."
            )
            % {"date": hearing.requested_on.isoformat(), "due": notice.hearing_request_due},
            code="cases.hearing.request_late",
            rule="LAW-APL-64",
            field="requested_on",
        )


def statement_phase_complete(ctx: TransitionContext) -> None:
    """LAW-APL-62: no decision before the party was heard: the statement window (and the
    hearing-request window) has ended, or the party waived, or a hearing was concluded."""
    if not ctx.penalty_decided():
        return
    notice = ctx.notice()
    if notice is None or notice.served_on is None or notice.statement_window_end is None:
        return  # `notice_served` refuses this case with its own rule.
    if ctx.case.hearings.filter(notice=notice, status__in=_CONCLUDED_HEARINGS).exists():
        return
    if notice.waived_on is not None and (
        notice.waiver_includes_hearing or not notice.hearing_right
    ):
        return
    window_end = notice.statement_window_end
    if notice.hearing_right and notice.hearing_request_due is not None:
        window_end = max(window_end, notice.hearing_request_due)
    if ctx.on <= window_end:
        refuse(
            _(
                "The party may state a case until %(end)s; decide after that day or record the "
                "party's waiver (statement window, LAW-APL-62)."
            )
            % {"end": window_end.isoformat()},
            code="cases.statement.window_open",
            rule="LAW-APL-62",
            field="decided_on",
            window_end=window_end.isoformat(),
        )


def hearing_concluded(ctx: TransitionContext) -> None:
    """LAW-APL-65: a requested hearing is held (or withdrawn, or deemed waived) before the case
    moves on, and the decision rests on its record."""
    if ctx.case.hearings.filter(status__in=_OPEN_HEARINGS).exists():
        refuse(
            _("A requested hearing has not been held yet (hearing, LAW-APL-65)."),
            code="cases.hearing.pending",
            rule="LAW-APL-65",
            field="hearing",
        )


def statements_reexamined(ctx: TransitionContext) -> None:
    """LAW-APL-45: every statement and defence is re-examined (复核) before the decision."""
    if ctx.case.statements.filter(reexamination_result="").exists():
        refuse(
            _("Re-examine every statement of the party first (re-examination, LAW-APL-45)."),
            code="cases.statement.not_reexamined",
            rule="LAW-APL-45",
            field="reexamination_result",
        )
