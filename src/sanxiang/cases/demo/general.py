"""A general-procedure penalty case (普通程序) walked through the services to its stop.

The builder drafts the story once to learn the penalty's shape, plans the dates
(`timeline.plan_dates`), writes the story for the real day of the act, then schedules every
service call on its day and runs them in date order: lead, officers and party, filing and its
approval, records and measures, notice and its approval, statement, hearing, legal review,
deliberation, decision and its approval, delivery, payments and execution, closing and
archiving — as far as the spec's stop (`general_late` schedules from the notice on).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from django.apps import apps

from sanxiang.cases import services as svc
from sanxiang.cases.choices import (
    ApprovalStep,
    DecisionOutcome,
    DeclineReason,
    PauseReason,
    RecordKind,
    RecusalApplicant,
    SeizureKind,
)
from sanxiang.cases.demo import texts
from sanxiang.cases.demo.context import Context
from sanxiang.cases.demo.dates import FIRST_DAY, TODAY, at
from sanxiang.cases.demo.general_hearing import schedule_notice_and_hearing
from sanxiang.cases.demo.general_late import schedule_after_decision, schedule_decision
from sanxiang.cases.demo.scenarios import SCENARIOS
from sanxiang.cases.demo.spec import GeneralSpec, Stop
from sanxiang.cases.demo.stories import Draft
from sanxiang.cases.demo.timeline import Dates, PlanError, Shape, plan_dates
from sanxiang.cases.models import (
    Case,
    ClockPause,
    Hearing,
    Party,
    Preservation,
    Recusal,
    RemedyPause,
    Seizure,
    Statement,
)
from sanxiang.registry.models import Officer

__all__ = ["GeneralCase"]

Action = Callable[[], object]


class GeneralCase:
    """Builds one case; `build()` returns it in the state the spec stops at."""

    case: Case
    party: Party
    hearing: Hearing
    preservation: Preservation
    seizure: Seizure
    statement: Statement
    recusal: Recusal
    remedy: RemedyPause

    def __init__(self, spec: GeneralSpec, ctx: Context, serial: int) -> None:
        self.spec, self.ctx = spec, ctx
        self.scenario = SCENARIOS[spec.scenario]
        self.team = ctx.staff.team(self.scenario.agency, self.scenario.department)
        self.rng = ctx.rng(spec.key, "people")
        self.handler = self.team.handler(self.rng)
        probe = self.scenario.write(self._draft(serial, spec.anchor, probe=True)).penalty
        shape = Shape(
            money=bool(probe.fine_fen or probe.confiscation_fen),
            record=probe.needs_execution_record,
        )
        self.dates: Dates = self._plan(shape)
        self.story = self.scenario.write(self._draft(serial, self.dates.act_on))
        self.officers: list[Officer] = []
        self.pauses: dict[str, ClockPause] = {}
        self._todo: list[tuple[datetime.date, int, Action]] = []

    def _plan(self, shape: Shape) -> Dates:
        """The dates, the case starting no earlier than the demo period and the item's law: a
        long path that would start too early moves its last day later."""
        earliest = max(FIRST_DAY, self.scenario.earliest or FIRST_DAY)
        for _attempt in range(6):
            dates = plan_dates(
                self.spec, shape, self.ctx.clock, self.ctx.rng(self.spec.key, "dates")
            )
            if dates.received >= earliest:
                return dates
            later = self.spec.anchor + (earliest - dates.received) + datetime.timedelta(days=7)
            if later > TODAY:
                break
            self.spec = replace(self.spec, anchor=later)
        raise PlanError(f"{self.spec.key}: the case would start before {earliest}")

    def _draft(self, serial: int, act_on: datetime.date, *, probe: bool = False) -> Draft:
        s = self.spec
        draft = self.ctx.draft(s.key, serial, self.scenario.agency, act_on, probe=probe)
        draft.age, draft.heavy, draft.outside = s.age, s.heavy, s.outside
        draft.first_offence = s.no_penalty_reason in ("first_offence", "minor_corrected")
        return draft

    # Scheduling -------------------------------------------------------------------------------

    def on(self, day: datetime.date, action: Action) -> None:
        """Run `action` on `day`, after everything scheduled earlier for that day."""
        self._todo.append((day, len(self._todo), action))

    def call(self, day: datetime.date, service: Callable[..., object], **values: Any) -> None:
        """Run `service(case=<this case>, actor=<the handler>, **values)` on `day`."""
        values.setdefault("actor", self.handler)
        self.on(day, lambda: service(case=self.case, **values))

    def approve_on(
        self,
        day: datetime.date,
        step: str,
        final: datetime.date | None = None,
        stop_at: int | None = None,
    ) -> None:
        """The approval of `step` submitted on `day`, the last level on `final`."""
        last = final or self.ctx.clock.after(day, 1)
        self.on(
            day,
            lambda: self.ctx.approve(
                self.case, self.team, step, submitted=day, final=last, stop_at=stop_at
            ),
        )

    def build(self) -> Case:
        s = self.spec
        self._lead()
        if s.stop >= Stop.FILED:
            self._filing()
            self._investigation()
            schedule_notice_and_hearing(self)
            schedule_decision(self)
            schedule_after_decision(self)
        for _day, _seq, action in sorted(self._todo, key=lambda item: (item[0], item[1])):
            action()
        if s.preservation == "lapsed":
            # The daily task lets an undisposed preservation lapse (SAMR-PROC-35).
            due = self.preservation.disposal_due
            svc.preservations_lapse_overdue(on=due + datetime.timedelta(days=1))
        self.case.refresh_from_db()
        return self.case

    # The lead ---------------------------------------------------------------------------------

    def _lead(self) -> None:
        s, d, story, team = self.spec, self.dates, self.story, self.team

        def register() -> None:
            self.case = svc.lead_register(
                title=story.title,
                lead_source=story.lead_source,
                received_on=d.received,
                lead_summary=story.lead_summary,
                reporter_name=story.reporter[0],
                reporter_contact=story.reporter[1],
                place=story.place,
                department=team.department,
                external_ref=s.key,
                actor=self.handler,
            )

        self.on(d.received, register)
        if s.stop == Stop.DECLINED and d.declined:
            reason = DeclineReason(s.decline)
            self.call(
                d.declined,
                svc.case_decline,
                reason=reason,
                note=texts.DECLINE_NOTES[reason],
                on=d.declined,
                actor=team.head,
            )
        elif s.lead == "submitted" and d.submit:
            self._crew_and_party(d.received, [d.received, d.submit])
            self._submit_filing(d.submit, stop_at=s.pending_level)
        elif s.lead == "extended" and d.lead_extension:
            self._crew_and_party(d.received, [d.received])
            day = d.lead_extension
            self.call(day, svc.lead_extend, reason=texts.LEAD_EXTENSION, on=day)
            self.approve_on(day, ApprovalStep.EXTENSION)

    def _crew_and_party(self, day: datetime.date, days: list[datetime.date]) -> None:
        size = 3 if self.spec.recusal else 2
        self.officers = self.team.crew(self.handler, days, self.rng, size=size)

        def assign() -> None:
            svc.case_assign_officers(
                case=self.case,
                officers=self.officers,
                lead=self.officers[0],
                on=day,
                actor=self.handler,
            )
            self.party = svc.party_add(
                case=self.case, data=self.story.party.data, actor=self.handler
            )

        self.on(day, assign)

    def _submit_filing(self, day: datetime.date, stop_at: int | None = None) -> None:
        s, d, story = self.spec, self.dates, self.story
        self.call(
            day,
            svc.case_submit_for_filing,
            power_item=self.ctx.power(self.scenario.power_code),
            facts=story.facts,
            violation_started_on=story.act_on,
            violation_ended_on=story.act_ended_on,
            discovered_on=d.received,
            five_year_limitation=story.five_year,
            is_major=s.deliberation,
            suspected_crime=s.outcome == DecisionOutcome.TRANSFER,
            opinion=texts.FILING_OPINION,
            on=day,
        )
        if apps.is_installed("sanxiang.review"):
            # GUO-14-04: where the agency reviews major cases before filing, the lead passes
            # legal review before the filing approval (the review app's `file` gate).
            from sanxiang.review.demo import review_before_filing_if_required

            self.call(day, review_before_filing_if_required, on=day)
        self.approve_on(day, ApprovalStep.FILING, final=d.filed, stop_at=stop_at)

    # Filing and investigation -----------------------------------------------------------------

    def _filing(self) -> None:
        d = self.dates
        assert d.submit is not None  # noqa: S101 - planned for every filed case
        last = d.decided or d.hearing_end or d.served or d.ended
        if last is None:
            last = d.records[-1] if d.records else d.submit
        self._crew_and_party(d.received, [d.received, last])
        self._submit_filing(d.submit)

    def _investigation(self) -> None:
        d, story = self.dates, self.story
        for index, day in enumerate(d.records):
            self.on(day, self._record_action(day, inspection=index == 0 and len(d.records) > 1))
        if d.preservation:
            self._preservation(*d.preservation)
        if d.seizure:
            start = d.seizure[0]

            def seize() -> None:
                self.seizure = svc.seizure_start(
                    case=self.case,
                    kind=SeizureKind.SEAL if self.scenario.agency == "st" else SeizureKind.SEIZE,
                    items=story.items or "涉案物品一批",
                    started_on=start,
                    approved_by=self.team.agency_head,
                    actor=self.handler,
                )

            self.on(start, seize)
        if d.testing:
            self._testing(*d.testing)
        if d.recusal:
            self._recusal(*d.recusal)
        if d.extension:
            self.call(
                d.extension,
                svc.case_extend,
                days=30,
                reason=texts.EXTENSION_REASON,
                on=d.extension,
            )
            self.approve_on(d.extension, ApprovalStep.EXTENSION)
        if d.ended:
            self.call(d.ended, svc.case_transition, transition="end_investigation", on=d.ended)

    def _record_action(self, day: datetime.date, *, inspection: bool) -> Action:
        story = self.story

        def record() -> None:
            svc.record_add(
                case=self.case,
                kind=RecordKind.INSPECTION if inspection else RecordKind.INQUIRY,
                started_at=at(day, 9 if inspection else 14, 30),
                ended_at=at(day, 10 if inspection else 15, 20),
                place=story.place if inspection else f"{self.team.agency.name}询问室",
                subject_name=story.subject,
                subject_role=story.subject_role,
                content=story.inspection if inspection else story.inquiry,
                officers=self._active_officers(),
                actor=self.handler,
            )

        return record

    def _preservation(self, start: datetime.date, end: datetime.date | None) -> None:
        def preserve() -> None:
            self.preservation = svc.preservation_start(
                case=self.case,
                items=self.story.items or "涉案物品一批",
                started_on=start,
                approved_by=self.team.agency_head,
                actor=self.handler,
            )

        self.on(start, preserve)
        if end is not None:
            self.on(
                end,
                lambda: svc.preservation_dispose(
                    preservation=self.preservation,
                    disposed_on=end,
                    disposal=texts.PRESERVATION_DISPOSAL,
                    actor=self.handler,
                ),
            )

    def _testing(self, start: datetime.date, end: datetime.date) -> None:
        def pause() -> None:
            self.pauses["testing"] = svc.clock_pause_start(
                case=self.case,
                reason=PauseReason.TESTING,
                started_on=start,
                note=texts.TESTING_NOTE,
                actor=self.handler,
            )

        self.on(start, pause)
        self.on(
            end,
            lambda: svc.clock_pause_stop(
                pause=self.pauses["testing"], ended_on=end, actor=self.handler
            ),
        )

    def _recusal(self, applied: datetime.date, decided: datetime.date) -> None:
        def apply() -> None:
            officer = self._active_officers()[-1]
            self.recusal = svc.recusal_apply(
                case=self.case,
                officer=officer,
                applicant=RecusalApplicant.PARTY,
                applicant_name=self.story.party.name,
                reason=texts.RECUSAL_REASON.format(name=officer.name),
                applied_on=applied,
                actor=self.handler,
            )

        self.on(applied, apply)
        granted = self.rng.random() < 0.5
        self.on(
            decided,
            lambda: svc.recusal_decide(
                recusal=self.recusal,
                granted=granted,
                reason=texts.RECUSAL_DECISION,
                on=decided,
                actor=self.team.agency_head,
            ),
        )

    def _active_officers(self) -> list[Officer]:
        links = self.case.case_officers.filter(removed_on__isnull=True)
        active = set(links.values_list("officer_id", flat=True))
        return [o for o in self.officers if o.pk in active]
