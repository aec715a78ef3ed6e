"""Case deadlines (办案期限): one pure function per rule id of legal-rules.md.

Every function takes the event date that starts the period and returns the last day of the
period (the day by which the act must be done), computed with `core.workdays`:

- CNT-APL-85 / CNT-ACL-69: the Penalty Law's 2/3/5/7-day periods and the Coercion Law's periods
  of ten days or less are working days (`WorkdayCalendar.add_working_days`); SAMR states most of
  its own periods as 工作日 explicitly.
- CNT-APL-85: the 90 days of LAW-APL-60 and the 15 days of LAW-APL-67 are not on that list, so
  they are calendar days; so are the 30 days of LAW-ACL-25.
- CNT-SAMR-80/84: the start day is not counted, and a calendar-day period whose last day is a
  day off ends on the next working day (`WorkdayCalendar.add_calendar_days_rolled`).

Each date function accepts `calendar`: pass one `WorkdayCalendar` to compute many deadlines
with one load of each year's overrides; without it a fresh one is made, so the current
overrides are always seen. No other database access happens here.

`DEADLINE_RULES` maps each rule id to a translatable label, and `Deadline.for_rule` pairs a
computed date with it, so that pages can show the rule that sets a date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanxiang.cases.rules.labels import field_label
from sanxiang.core.errors import ApplicationError
from sanxiang.core.money import Fen, late_fee_fen
from sanxiang.core.workdays import WorkdayCalendar

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

__all__ = [
    "DEADLINE_RULES",
    "Deadline",
    "closing_due",
    "decision_due",
    "delivery_due",
    "earliest_hearing_date",
    "hearing_request_due",
    "late_fee",
    "late_fee_days",
    "lead_filing_due",
    "legal_review_due",
    "payment_due",
    "preservation_disposal_due",
    "seizure_expires",
    "simple_procedure_filing_due",
    "statement_window_end",
]

# The label of each deadline, keyed by the rule id that sets it. Where one article sets two
# periods the item is part of the key (LAW-APL-64 items (一) and (二)).
DEADLINE_RULES: dict[str, StrOrPromise] = {
    "SAMR-PROC-18": gettext_lazy("Decision whether to file the lead"),  # 立案决定
    "LAW-APL-60": gettext_lazy("Penalty decision"),  # 作出处罚决定
    "SAMR-PROC-57": gettext_lazy("End of the statement and defence window"),  # 陈述申辩期满
    "LAW-APL-64(一)": gettext_lazy("Request for a hearing"),  # 提出听证要求
    "LAW-APL-64(二)": gettext_lazy("Earliest hearing date"),  # 最早听证日期
    "LAW-APL-61": gettext_lazy("Delivery of the decision"),  # 送达决定书
    "LAW-APL-67": gettext_lazy("Payment of the fine"),  # 缴纳罚款
    "LAW-APL-56": gettext_lazy("Disposal of preserved evidence"),  # 先行登记保存处理决定
    "SAMR-PROC-70": gettext_lazy("Filing of the on-the-spot decision"),  # 当场处罚备案
    "SAMR-PROC-77": gettext_lazy("Closing the case"),  # 结案审批
    "LAW-ACL-25": gettext_lazy("End of the seizure"),  # 查封扣押期限届满
    "SAMR-PROC-55": gettext_lazy("Legal review"),  # 法制审核
    "LAW-APL-72": gettext_lazy("Late-payment surcharge"),  # 加处罚款
}

# SAMR-PROC-18: 15 working days, "特殊情况下……可以延长十五个工作日" — one extension.
_LEAD_FILING_EXTENSION_DAYS = 15
_LEAD_FILING_MAX_EXTENSIONS = 1
# SAMR-PROC-64: the decision limit is this many calendar days (CNT-APL-85).
_DECISION_DAYS = 90
# LAW-ACL-25: "不得超过三十日……延长期限不得超过三十日".
_SEIZURE_DAYS = 30


@dataclass(frozen=True, slots=True)
class Deadline:
    """A computed deadline with the rule that sets it (`rule` is a key of `DEADLINE_RULES`)."""

    rule: str
    label: StrOrPromise
    due_on: date

    @classmethod
    def for_rule(cls, rule: str, due_on: date) -> Deadline:
        """The deadline `due_on` labelled from `DEADLINE_RULES`; an unknown rule is a bug."""
        try:
            label = DEADLINE_RULES[rule]
        except KeyError:
            raise ValueError(f"No deadline rule {rule!r} in DEADLINE_RULES") from None
        return cls(rule=rule, label=label, due_on=due_on)


def lead_filing_due(
    received_on: date,
    *,
    working_days: int = 15,
    extensions: int = 0,
    calendar: WorkdayCalendar | None = None,
) -> date:
    """Last day to decide whether to file a lead as a case (SAMR-PROC-18).

    "应当自发现线索或者收到材料之日起十五个工作日内予以核查……特殊情况下，经……负责人批准，
    可以延长十五个工作日": `working_days` (default 15, configurable per agency) after
    `received_on`, plus 15 working days for the one approved extension. A second extension is
    refused (`deadlines.lead_filing.too_many_extensions`).
    """
    _require_not_negative(working_days, field="working_days", rule="SAMR-PROC-18")
    _require_not_negative(extensions, field="extensions", rule="SAMR-PROC-18")
    if extensions > _LEAD_FILING_MAX_EXTENSIONS:
        # SAMR-PROC-18: the rule allows one extension of 15 working days, not more.
        raise ApplicationError(
            _(
                "The time to decide on filing can be extended only %(maximum)s time, not "
                "%(extensions)s times (extensions, SAMR-PROC-18)."
            )
            % {"maximum": _LEAD_FILING_MAX_EXTENSIONS, "extensions": extensions},
            code="deadlines.lead_filing.too_many_extensions",
            extra={
                "field": "extensions",
                "rule": "SAMR-PROC-18",
                "extensions": extensions,
                "maximum": _LEAD_FILING_MAX_EXTENSIONS,
            },
        )
    total = working_days + extensions * _LEAD_FILING_EXTENSION_DAYS
    return _calendar(calendar).add_working_days(received_on, total)


def decision_due(
    filed_on: date,
    *,
    extension_days: int = 0,
    paused_days: int = 0,
    calendar: WorkdayCalendar | None = None,
) -> date:
    """Last day for the penalty decision (LAW-APL-60, SAMR-PROC-64).

    "应当自立案之日起九十日内作出处理决定": 90 calendar days (CNT-APL-85) from `filed_on`, the
    filing day not counted, plus the approved `extension_days` (SAMR-PROC-64: 30 with the head's
    approval, more after collective discussion — the caller records the approvals), plus
    `paused_days`, the calendar days during which the clock stood still ("中止、听证、公告和
    检测、检验、检疫、鉴定、权利人辨认或者鉴别、责令退还多收价款等期间不计入"). The whole
    period is added first and the last day is then rolled to a working day once (CNT-SAMR-80).
    """
    _require_not_negative(extension_days, field="extension_days", rule="SAMR-PROC-64")
    _require_not_negative(paused_days, field="paused_days", rule="SAMR-PROC-64")
    # LAW-APL-60 / SAMR-PROC-64: calendar days, rolled at the end (CNT-APL-85, CNT-SAMR-80).
    total = _DECISION_DAYS + extension_days + paused_days
    return _calendar(calendar).add_calendar_days_rolled(filed_on, total)


def statement_window_end(
    notice_served_on: date, *, calendar: WorkdayCalendar | None = None
) -> date:
    """Last day of the party's statement and defence window (SAMR-PROC-57, LAW-APL-62).

    "当事人自告知书送达之日起五个工作日内，未行使陈述、申辩权，未要求听证的，视为放弃此权利":
    5 working days after service of the 告知书. Without a recorded waiver, the decision may be
    made only after this day.
    """
    # SAMR-PROC-57: 5 working days.
    return _calendar(calendar).add_working_days(notice_served_on, 5)


def hearing_request_due(notice_served_on: date, *, calendar: WorkdayCalendar | None = None) -> date:
    """Last day for the party to ask for a hearing (LAW-APL-64(一), SAMR-HEAR-7).

    "当事人要求听证的，应当在行政机关告知后五日内提出": 5 working days (CNT-APL-85) after the
    告知书 is served.
    """
    # LAW-APL-64(一) / SAMR-HEAR-7: 5 working days.
    return _calendar(calendar).add_working_days(notice_served_on, 5)


def earliest_hearing_date(
    hearing_notice_served_on: date, *, calendar: WorkdayCalendar | None = None
) -> date:
    """The earliest day on which the hearing may be held (LAW-APL-64(二), SAMR-HEAR-18/19/20/22).

    "行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点" (SAMR: "于举行听证的
    七个工作日前"): the 7th working day after the hearing notice is served is the first
    admissible date. A scheduler refuses anything earlier.
    """
    # LAW-APL-64(二): 7 working days between service of the notice and the hearing.
    return _calendar(calendar).add_working_days(hearing_notice_served_on, 7)


def delivery_due(decided_on: date, *, calendar: WorkdayCalendar | None = None) -> date:
    """Last day to deliver the decision to an absent party (LAW-APL-61, SAMR-PROC-81).

    "当事人不在场的，行政机关应当在七日内……将行政处罚决定书送达当事人": 7 working days
    (CNT-APL-85) after the decision.
    """
    # LAW-APL-61: 7 working days.
    return _calendar(calendar).add_working_days(decided_on, 7)


def payment_due(received_on: date, *, calendar: WorkdayCalendar | None = None) -> date:
    """Last day to pay the fine (LAW-APL-67, SAMR-PROC-72/73).

    "当事人应当自收到行政处罚决定书之日起十五日内……缴纳罚款": 15 calendar days (not in the
    CNT-APL-85 list) after receipt, rolled to a working day (CNT-SAMR-80). The late-payment
    surcharge of LAW-APL-72 runs from the day after this one (`late_fee_days`).
    """
    # LAW-APL-67: 15 calendar days, rolled (CNT-SAMR-80).
    return _calendar(calendar).add_calendar_days_rolled(received_on, 15)


def preservation_disposal_due(started_on: date, *, calendar: WorkdayCalendar | None = None) -> date:
    """Last day to dispose of preserved evidence (LAW-APL-56, SAMR-PROC-33/35).

    "应当在七日内及时作出处理决定" (SAMR: "应当在七个工作日内采取"; otherwise "先行登记保存
    措施自动解除"): 7 working days after the preservation starts. After this day the
    preservation has lapsed.
    """
    # LAW-APL-56 / SAMR-PROC-35: 7 working days, then the preservation lapses.
    return _calendar(calendar).add_working_days(started_on, 7)


def simple_procedure_filing_due(
    decided_on: date, *, calendar: WorkdayCalendar | None = None
) -> date:
    """Last day to file an on-the-spot decision with the bureau (SAMR-PROC-70, LAW-APL-52).

    "在作出行政处罚决定之日起七个工作日内" hand the materials to the bureau for filing. The
    Penalty Law says only "应当报所属行政机关备案"; the number comes from SAMR.
    """
    # SAMR-PROC-70: 7 working days.
    return _calendar(calendar).add_working_days(decided_on, 7)


def closing_due(completed_on: date, *, calendar: WorkdayCalendar | None = None) -> date:
    """Last day to fill in the closing form (结案审批表) (SAMR-PROC-77).

    "办案机构应当在十五个工作日内填写结案审批表" after execution is complete, the court ends
    enforcement, the investigation is terminated or a non-penalty outcome is decided.
    """
    # SAMR-PROC-77: 15 working days.
    return _calendar(calendar).add_working_days(completed_on, 15)


def seizure_expires(
    started_on: date,
    *,
    extended: bool = False,
    paused_days: int = 0,
    calendar: WorkdayCalendar | None = None,
) -> date:
    """Last day a seizure (查封、扣押) may last (LAW-ACL-25, SAMR-PROC-36/38).

    "查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但是延长期限
    不得超过三十日": 30 calendar days after `started_on` (CNT-ACL-69 makes only periods of ten
    days or less working days), 60 when the one extension was approved. `paused_days` are the
    days of 检测、检验、检疫或者技术鉴定, which do not count
    (LAW-ACL-25: "查封、扣押的期间不包括检测、检验、检疫或者技术鉴定的期间"; SAMR-PROC-38).

    Not rolled forward to a working day: this is the longest the agency may hold the party's
    property, not a period for the party to act, and the Coercion Law has no rolling rule; the
    earlier day is the safe reading. `calendar` is accepted for a uniform signature.
    """
    _require_not_negative(paused_days, field="paused_days", rule="LAW-ACL-25")
    # LAW-ACL-25: 30 days, plus at most one extension of 30 days.
    days = _SEIZURE_DAYS * (2 if extended else 1) + paused_days
    return started_on + timedelta(days=days)


def legal_review_due(
    submitted_on: date, *, working_days: int = 10, calendar: WorkdayCalendar | None = None
) -> date:
    """Last day for the legal review (法制审核) to finish (SAMR-PROC-55, GUO-118-14).

    "审核机构应当自接到审核材料之日起十个工作日内完成审核": 10 working days by default; each
    agency sets its own time limit (GUO-118-14), hence `working_days`.
    """
    _require_not_negative(working_days, field="working_days", rule="SAMR-PROC-55")
    # SAMR-PROC-55 / GUO-118-14: 10 working days unless the agency sets another limit.
    return _calendar(calendar).add_working_days(submitted_on, working_days)


def late_fee_days(due_on: date, on: date, *, paused: Sequence[tuple[date, date]] = ()) -> int:
    """Days of late-payment surcharge (加处罚款) accrued up to and including `on`.

    LAW-APL-72: "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款" — the days after `due_on`
    (the last day to pay, `payment_due`) up to and including `on`. LAW-APL-73: "加处罚款的数额
    在行政复议或者行政诉讼期间不予计算" — days inside the `paused` intervals (reconsideration or
    litigation pending; both bounds inclusive; overlapping intervals are merged, not counted
    twice) are left out. Returns 0 when `on` is not after `due_on`. An interval that ends before
    it starts is refused (`deadlines.late_fee.pause_reversed`).
    """
    for start, end in paused:
        if end < start:
            raise ApplicationError(
                _(
                    "A pause of the surcharge from %(start)s to %(end)s ends before it starts "
                    "(paused, LAW-APL-73)."
                )
                % {"start": start.isoformat(), "end": end.isoformat()},
                code="deadlines.late_fee.pause_reversed",
                extra={
                    "field": "paused",
                    "rule": "LAW-APL-73",
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                },
            )
    first = due_on + timedelta(days=1)
    if on < first:
        return 0
    # LAW-APL-73: merge the pauses clipped to [first, on], then subtract their days.
    clipped = sorted((max(start, first), min(end, on)) for start, end in paused)
    paused_total = 0
    merged_end: date | None = None
    for start, end in clipped:
        if start > end:
            continue  # entirely outside the surcharge period
        if merged_end is not None and start <= merged_end:
            if end > merged_end:
                paused_total += (end - merged_end).days
                merged_end = end
            continue
        paused_total += (end - start).days + 1
        merged_end = end
    return (on - due_on).days - paused_total


def late_fee(
    fine_fen: Fen, *, due_on: date, on: date, paused: Sequence[tuple[date, date]] = ()
) -> Fen:
    """The late-payment surcharge (加处罚款) on `fine_fen` as of `on` (LAW-APL-72/73).

    `late_fee_days` (LAW-APL-73 pauses left out) times 3% of the fine per day, capped at the
    fine itself (`core.money.late_fee_fen`, LAW-APL-72, LAW-ACL-45).
    """
    days = late_fee_days(due_on, on, paused=paused)
    # LAW-APL-72: 3% a day, never more than the fine.
    return late_fee_fen(fine_fen=fine_fen, overdue_days=days)


def _calendar(calendar: WorkdayCalendar | None) -> WorkdayCalendar:
    return calendar if calendar is not None else WorkdayCalendar()


def _require_not_negative(value: int, *, field: str, rule: str) -> None:
    if value < 0:
        raise ApplicationError(
            _("%(field)s cannot be %(value)s: a period is never negative (%(rule)s).")
            % {"field": field_label(field), "value": value, "rule": rule},
            code="deadlines.negative_days",
            extra={"field": field, "rule": rule, "value": value},
        )
