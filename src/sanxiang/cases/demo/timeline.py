"""The dates of a general-procedure demo case, planned backwards from the day of its last act.

Planning backwards keeps every case's last act on its `anchor` (so a case "in" a stage is in
it as of `TODAY`) while each earlier act keeps a legal distance from the next: the decision
comes after the statement window (5 working days, SAMR-PROC-57) unless the party waived it;
the hearing is held at least 7 working days after its notice (LAW-APL-64(二)) and requested
within 5 working days of the 告知书 (LAW-APL-64(一)); the decision is made within 90 days of
filing (LAW-APL-60) — the hearing pauses the clock (SAMR-PROC-64) and, where that is not
enough, an extension is asked for; delivery is within 7 working days (LAW-APL-61); payments
fall around the 15-day due date (LAW-APL-67). Filing stays on or before `LAST_FILING_DAY`.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from sanxiang.cases.choices import DecisionOutcome, DeliveryMethod
from sanxiang.cases.deadlines import decision_due
from sanxiang.cases.demo.dates import LAST_FILING_DAY, TODAY, Clock
from sanxiang.cases.demo.spec import GeneralSpec, Stop

__all__ = ["Dates", "PlanError", "Shape", "plan_dates"]

_DAY = datetime.timedelta(days=1)
# Deadlines computed by the services must end in a year whose working days are known.
_LAST_DUE = datetime.date(2026, 12, 31)


@dataclass(frozen=True)
class Shape:
    """What the plan needs to know of the penalty (from a first draft of the story)."""

    money: bool  # something to pay (fine or confiscated gains)
    record: bool  # a part carried out separately (confiscated goods, detention, closure…)


@dataclass
class Dates:
    received: datetime.date
    submit: datetime.date | None = None  # submitted for filing
    filed: datetime.date | None = None
    lead_extension: datetime.date | None = None
    declined: datetime.date | None = None
    records: list[datetime.date] = field(default_factory=list)
    ended: datetime.date | None = None  # investigation concluded
    preservation: tuple[datetime.date, datetime.date | None] | None = None
    seizure: tuple[datetime.date, datetime.date | None] | None = None
    testing: tuple[datetime.date, datetime.date] | None = None
    extension: datetime.date | None = None  # decision period extension requested
    recusal: tuple[datetime.date, datetime.date] | None = None
    notice_draft: datetime.date | None = None
    served: datetime.date | None = None
    statement: tuple[datetime.date, datetime.date | None] | None = None
    waived: datetime.date | None = None
    hearing_request: datetime.date | None = None
    hearing_notice: datetime.date | None = None
    hearing_on: datetime.date | None = None  # scheduled for / held on
    hearing_end: datetime.date | None = None  # held, found absent or withdrawn
    hearing_pause: bool = True  # the hearing stops the decision clock (SAMR-PROC-64)
    legal_review: datetime.date | None = None
    deliberation: tuple[datetime.date, datetime.date | None] | None = None  # started, held
    decision_draft: datetime.date | None = None
    decided: datetime.date | None = None
    posted: datetime.date | None = None  # public notice (SAMR-PROC-83)
    delivered: datetime.date | None = None
    executed: datetime.date | None = None
    payments: list[datetime.date] = field(default_factory=list)
    plan: tuple[datetime.date, datetime.date, list[datetime.date]] | None = None
    remedy: tuple[datetime.date, datetime.date | None] | None = None
    court: tuple[datetime.date, datetime.date | None] | None = None
    close_submit: datetime.date | None = None
    closed: datetime.date | None = None
    archived: datetime.date | None = None

    @property
    def act_on(self) -> datetime.date:
        """The day the act was found (the lead's day)."""
        return self.received


class _Planner:
    def __init__(self, spec: GeneralSpec, shape: Shape, clock: Clock, rng: random.Random):
        self.s, self.shape, self.c, self.rng = spec, shape, clock, rng

    def back(self, day: datetime.date, low: int, high: int) -> datetime.date:
        return self.c.before(day, self.rng.randint(low, high))

    def fwd(self, day: datetime.date, low: int, high: int) -> datetime.date:
        return self.c.after(day, self.rng.randint(low, high))

    def back_days(self, day: datetime.date, low: int, high: int) -> datetime.date:
        return self.c.days_before(day, self.rng.randint(low, high))

    # The lead ------------------------------------------------------------------------------

    def lead(self, anchor: datetime.date) -> Dates:
        s = self.s
        if s.stop == Stop.DECLINED:
            return Dates(received=self.back(anchor, 3, 12), declined=anchor)
        dates = Dates(received=anchor)
        if s.lead == "submitted":
            dates.submit = self.fwd(anchor, 2, 4)
        elif s.lead == "extended":
            dates.lead_extension = self.fwd(anchor, 10, 13)
        return dates

    # After the decision --------------------------------------------------------------------

    def after_decision(self, dates: Dates, end: datetime.date) -> datetime.date:
        """Fill delivery, execution and payments ending on `end`; return the decision day."""
        s, shape = self.s, self.shape
        if s.outcome == DecisionOutcome.DISMISSED or s.stop == Stop.DECIDED:
            return end
        closing = s.stop >= Stop.CLOSED
        delivered = end  # stopping at delivery (or in enforcement with nothing paid yet)
        if s.stop == Stop.DELIVERED:
            pass
        elif s.outcome != DecisionOutcome.PENALTY:
            dates.executed = end if closing else None
            delivered = self.back_days(end, 0, 4) if closing else end
        elif shape.money:
            delivered = self._payments(dates, end, closing)
        elif shape.record:
            dates.executed = end if closing else None
            delivered = self.back_days(end, 1, 8) if closing else end
        if s.delivery == DeliveryMethod.PUBLIC_NOTICE:
            dates.posted = self.c.days_before(delivered, 30)
            dates.delivered = dates.posted + 30 * _DAY
            return self.back(dates.posted, 3, 6)
        dates.delivered = delivered
        if s.delivery == DeliveryMethod.ON_SPOT:
            return delivered
        return self.back(delivered, 0, 4)

    def _payments(self, dates: Dates, end: datetime.date, closing: bool) -> datetime.date:
        """Payments (and the separate execution) up to `end`; return the delivery day."""
        mode, rng = self.s.payment, self.rng
        if mode == "late":
            dates.payments = [end]
            delivered = self.c.days_before(end, 15 + rng.randint(5, 40))
        elif mode == "plan":
            last = end if closing else None
            first = end if not closing else self.c.days_before(end, 60)
            approved = self.c.days_before(first, 10)
            instalments = [approved + 10 * _DAY, approved + 40 * _DAY, approved + 70 * _DAY]
            if instalments[-1] > _LAST_DUE:
                instalments = [approved + 10 * _DAY, approved + 25 * _DAY]
            dates.plan = (self.back(approved, 2, 4), approved, instalments)
            dates.payments = [d for d in instalments if d <= (last or first)]
            delivered = self.back_days(dates.plan[0], 5, 10)
        elif mode == "remedy":
            if closing:
                dates.payments = [end]
                ended = self.back_days(end, 3, 10)
                started = self.back_days(ended, 45, 60)
                dates.remedy = (started, ended)
            else:
                started = end
                dates.remedy = (started, None)
            delivered = self.back_days(started, 10, 30)
        elif mode == "court":
            concluded = end if closing else None
            applied = self.back_days(end, 30, 60) if closing else end
            dates.court = (applied, concluded)
            delivered = self.c.days_before(applied, 15 + rng.randint(40, 70))
        elif mode in ("unpaid", "overdue"):
            delivered = end
        else:  # on time
            dates.payments = [end]
            delivered = self.back_days(end, 3, 13)
        if self.shape.record and (closing or mode == "on_time"):
            dates.executed = min(self.fwd(delivered, 2, 8), end) if closing else None
        return delivered

    # Before the decision -------------------------------------------------------------------

    def hearing_and_notice(self, dates: Dates, until: datetime.date, stop_here: bool) -> None:
        """The notice, statement, waiver and hearing before `until` (the next stage)."""
        s = self.s
        if s.hearing:
            if stop_here and s.hearing == "requested":
                request = until
            elif stop_here and s.hearing == "scheduled":
                dates.hearing_notice = until
                dates.hearing_on = self.fwd(until, 7, 10)
                request = self.back(until, 1, 3)
            elif s.hearing == "withdrawn":
                dates.hearing_end = until if stop_here else self.back(until, 1, 3)
                request = self.back(dates.hearing_end, 2, 5)
            else:  # held, or the party did not attend (LAW-APL-64(六))
                end = until if stop_here else self.back(until, 1, 3)
                dates.hearing_on = dates.hearing_end = end
                dates.hearing_notice = self.back(end, 8, 10)
                request = self.back(dates.hearing_notice, 1, 3)
            dates.hearing_request = request
            dates.served = self.back(request, 1, 4)
        elif s.waiver:
            dates.served = dates.waived = until if stop_here else self.back(until, 0, 2)
        elif stop_here:
            dates.served = self.back(until, 0, 3)
        else:
            dates.served = self.back(until, 6, 9)  # after the 5-working-day window
        if s.statement:
            received = self.fwd(dates.served, 1, 2)
            limit = until if stop_here else self.c.before(until, 1)
            received = min(received, limit)
            examined = None if stop_here else min(self.fwd(received, 1, 2), limit)
            dates.statement = (received, examined)

    def plan(self) -> Dates:
        s, c = self.s, self.c
        anchor = c.on_or_before(s.anchor)
        if s.stop in (Stop.LEAD, Stop.DECLINED):
            return self.lead(anchor)
        cur = anchor
        archived = closed = close_submit = None
        if s.stop == Stop.ARCHIVED:
            archived, cur = cur, self.back(cur, 5, 20)
        if s.stop >= Stop.CLOSED:
            closed = cur
            close_submit = cur if s.pending == "closing" else self.back(cur, 1, 2)
            cur = self.back(close_submit, 1, 6)
        dates = Dates(received=cur)  # replaced below
        dates.archived, dates.closed, dates.close_submit = archived, closed, close_submit
        penalty = s.outcome == DecisionOutcome.PENALTY
        if s.stop >= Stop.DECIDED:
            decided = self.after_decision(dates, cur)
            dates.decided = decided
            cur = decided if s.pending == "decision" else self.back(decided, 1, 2)
            dates.decision_draft = cur
        elif s.pending == "decision":
            dates.decision_draft = cur
        if s.deliberation and s.stop >= Stop.DELIBERATION:
            here = s.stop == Stop.DELIBERATION and not s.pending
            held = cur if here else self.back(cur, 0, 2)
            started = self.back(held, 1, 3)
            dates.deliberation = (started, None if here else held)
            cur = started
        if s.legal_review and s.stop >= Stop.LEGAL_REVIEW:
            here = s.stop == Stop.LEGAL_REVIEW and not s.pending
            cur = dates.legal_review = cur if here else self.back(cur, 3, 8)
        if penalty and s.stop >= Stop.NOTIFIED:
            here = s.stop in (Stop.NOTIFIED, Stop.HEARING) and s.pending != "decision"
            self.hearing_and_notice(dates, cur, here)
            assert dates.served is not None  # noqa: S101 - set by hearing_and_notice
            dates.notice_draft = self.back(dates.served, 2, 4)
            cur = dates.notice_draft
        elif s.stop == Stop.CASE_REVIEW and s.pending == "notice":
            dates.notice_draft = cur
        if s.stop >= Stop.CASE_REVIEW and s.outcome != DecisionOutcome.TRANSFER:
            ended = cur if s.stop == Stop.CASE_REVIEW and not s.pending else self.back(cur, 1, 3)
            dates.ended = cur = ended
        elif s.stop >= Stop.CASE_REVIEW:  # a transfer is decided during the investigation
            cur = self.back(cur, 1, 3)
        self.investigation(dates, cur)
        return dates

    def investigation(self, dates: Dates, last: datetime.date) -> None:
        """Filing, records and measures up to `last`, the last act of the investigation, with
        the decision period kept (LAW-APL-60, SAMR-PROC-64)."""
        s, rng, c = self.s, self.rng, self.c
        end = dates.decided or TODAY  # the clock must still run on this day
        testing = rng.randint(10, 20) if s.testing else 0
        hearing = 0
        if dates.hearing_request is not None:
            hearing = ((dates.hearing_end or TODAY) - dates.hearing_request).days
        extension = 30 if s.extension else 0
        if s.stop == Stop.FILED:
            filed = last
        else:
            filed = self.back(last, 6, 25)
            # Not so early that the 90 days (plus pauses) end before `end`.
            earliest = end - (88 + testing + hearing + extension) * _DAY
            filed = min(max(filed, c.on_or_after(earliest)), c.before(last, 1))
        filed = min(filed, c.on_or_before(s.filed_by or LAST_FILING_DAY))
        dates.filed = filed
        dates.submit = self.back(filed, 1, 2)
        dates.received = self.back(dates.submit, 1, 5)
        if s.stop >= Stop.INVESTIGATING:
            first = min(self.fwd(filed, 0, 2), last)
            dates.records = sorted({first, last})
            self.measures(dates, first, last)
        if testing:
            start = self.fwd(filed, 1, 2)
            stop = min(start + testing * _DAY, TODAY)
            if s.stop > Stop.INVESTIGATING:
                stop = min(stop, last)
            dates.testing = (start, max(stop, start))
        self.clock(dates, end, extension)

    def measures(self, dates: Dates, first: datetime.date, last: datetime.date) -> None:
        s, c = self.s, self.c
        if s.preservation:
            start = first if s.preservation != "running" else self.back(TODAY, 0, 3)
            end = min(self.fwd(start, 2, 6), last) if s.preservation == "disposed" else None
            dates.preservation = (start, end)
        if s.seizure:
            start = first
            if s.seizure == "running":
                start = c.days_before(TODAY, self.rng.randint(5, 20))
            dates.seizure = (start, None)
        if s.recusal:
            applied = min(self.fwd(first, 1, 3), last)
            dates.recusal = (applied, min(self.fwd(applied, 1, 2), last))

    def clock(self, dates: Dates, end: datetime.date, extension: int) -> None:
        """Check LAW-APL-60 as the services will; plan the extension request if any."""
        s, filed = self.s, dates.filed
        assert filed is not None  # noqa: S101 - set by investigation()
        paused = 0
        if dates.testing:
            paused += (dates.testing[1] - dates.testing[0]).days
        if dates.hearing_request is not None:
            hearing_end = dates.hearing_end or end
            if (
                filed + (90 + paused + extension) * _DAY + (hearing_end - dates.hearing_request)
                > _LAST_DUE
            ):
                dates.hearing_pause = False  # its end would move the due date into 2027
            else:
                paused += (hearing_end - dates.hearing_request).days
        if filed + (90 + paused + extension) * _DAY > _LAST_DUE:
            raise PlanError(f"{s.key}: its decision period would end in 2027")
        due = decision_due(filed, extension_days=extension, paused_days=paused)
        if end > due:
            raise PlanError(f"{s.key}: decided {end}, after the period ending {due}")
        if extension:
            plain = decision_due(filed, paused_days=paused)
            dates.extension = self.c.before(min(plain, end), self.rng.randint(3, 8))


class PlanError(ValueError):
    """The spec cannot be planned as given (a programming error in the plan)."""


def plan_dates(spec: GeneralSpec, shape: Shape, clock: Clock, rng: random.Random) -> Dates:
    """The dates of the case `spec` describes; refuses (PlanError) a spec that breaks a period."""
    return _Planner(spec, shape, clock, rng).plan()
