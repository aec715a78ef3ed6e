"""Demo cases of the other act types (GUO-118-01) walked through their lighter lifecycle:
registered → in_progress → decided → closed → archived, with the object of the act as party,
the officers, the on-site record (LAW-APL-55) and the result (GUO-118-06a). A coercion case
seals or seizes property for at most 30 days, extended once by at most 30 (LAW-ACL-25), and
cannot close while the measure is in force.
"""

from __future__ import annotations

import datetime

from sanxiang.cases import services as svc
from sanxiang.cases.choices import ActResultKind, RecordKind
from sanxiang.cases.demo.context import Context, av_records
from sanxiang.cases.demo.dates import TODAY, at
from sanxiang.cases.demo.scenarios import ACTS
from sanxiang.cases.demo.spec import ActSpec
from sanxiang.cases.models import Case
from sanxiang.registry.models import ActType

__all__ = ["build_act"]

_STAGES = ("registered", "in_progress", "decided", "closed", "archived")


def build_act(spec: ActSpec, ctx: Context, serial: int) -> Case:
    scenario = ACTS[spec.scenario]
    team = ctx.staff.team(scenario.agency, scenario.department)
    rng, clock = ctx.rng(spec.key, "people"), ctx.clock
    handler = team.handler(rng)
    story = scenario.write(ctx.draft(spec.key, serial, scenario.agency, spec.received_on))
    stage = _STAGES.index(spec.stop)
    start = spec.received_on
    coercion = scenario.act_type == ActType.COERCION
    # The measure's end: released after checks, or still in force on TODAY.
    released: datetime.date | None = None
    extended: datetime.date | None = None
    if coercion:
        if spec.seizure == "extended":
            extended = clock.days_after(start, rng.randint(20, 27))
        if spec.seizure == "released":
            released = clock.days_after(start, rng.randint(8, 25))
    decided = released or min(clock.after(start, rng.randint(2, 12)), TODAY)
    case = svc.act_register(
        act_type=scenario.act_type,
        title=story.title,
        facts=story.facts,
        place=story.place,
        power_item=ctx.power(scenario.power_code),
        received_on=start,
        department=team.department,
        external_ref=spec.key,
        actor=handler,
    )
    crew = team.crew(handler, [start, max(decided, extended or decided)], rng)
    svc.case_assign_officers(case=case, officers=crew, lead=crew[0], on=start, actor=handler)
    svc.party_add(case=case, data=story.party.data, actor=handler)
    seizure = None
    if coercion:
        seizure = svc.seizure_start(
            case=case,
            kind=story.seizure_kind,
            items=story.seized,
            started_on=start,
            approved_by=team.agency_head,
            actor=handler,
        )
    if stage >= 1:
        svc.act_progress(case=case, on=start, actor=handler)
        svc.record_add(
            case=case,
            kind=RecordKind.INSPECTION,
            started_at=at(start, rng.randint(9, 15), 0),
            ended_at=at(start, 16, 30),
            place=story.place,
            subject_name=story.party.data.legal_representative or story.party.name,
            subject_role="被检查人" if not coercion else "当事人",
            content=story.record,
            officers=crew,
            actor=handler,
        )
    if seizure is not None and extended is not None:
        svc.seizure_extend(
            seizure=seizure,
            reason="需进一步检验检测，情况复杂。",
            approved_by=team.agency_head,
            on=extended,
            actor=handler,
        )
    if seizure is not None and released is not None:
        svc.seizure_release(
            seizure=seizure, ended_on=released, reason=story.released, actor=handler
        )
    if stage >= 2:
        ended = released is not None
        svc.act_decide(
            case=case,
            result=ActResultKind.MEASURE_ENDED if coercion and ended else story.result,
            text=story.released if coercion and ended else story.result_text,
            amount_fen=story.amount_fen,
            decided_on=decided,
            actor=handler,
        )
    if stage >= 3:
        closed = clock.after(decided, rng.randint(1, 6))
        av_records(case=case, actor=handler)
        svc.act_close(case=case, summary="办理完毕，结果已记录。", on=closed, actor=handler)
        if stage >= 4:
            svc.case_archive(case=case, on=clock.after(closed, rng.randint(5, 15)), actor=handler)
    case.refresh_from_db()
    return case
