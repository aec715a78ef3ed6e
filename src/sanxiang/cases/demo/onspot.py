"""On-the-spot demo cases (简易程序) walked through the services.

`case_decide_on_spot` records the decision, its delivery and any fine collected with the
receipt of the 专用票据 (LAW-APL-68/69/70); afterwards the decision is filed with the agency
within 7 working days (SAMR-PROC-70) — some are not yet, or late — the fine is paid at the bank
(LAW-APL-67), and the case is closed and archived.
"""

from __future__ import annotations

from sanxiang.cases import services as svc
from sanxiang.cases.choices import ApprovalStep, PaymentChannel
from sanxiang.cases.demo.context import Context, av_records
from sanxiang.cases.demo.dates import TODAY, at
from sanxiang.cases.demo.scenarios import ONSPOT
from sanxiang.cases.demo.spec import OnSpotSpec
from sanxiang.cases.models import Case

__all__ = ["build_onspot"]

# LAW-APL-68(一): up to 100元 may be collected on the spot without a further ground.
_COLLECTABLE_FEN = 10_000


def build_onspot(spec: OnSpotSpec, ctx: Context, serial: int) -> Case:
    scenario = ONSPOT[spec.scenario]
    team = ctx.staff.team(scenario.agency, scenario.department)
    rng = ctx.rng(spec.key, "people")
    clock = ctx.clock
    handler = team.handler(rng)
    draft = ctx.draft(spec.key, serial, scenario.agency, spec.acted_on)
    draft.age = spec.age
    story = scenario.write(draft)
    day = spec.acted_on
    crew = team.crew(handler, [day], rng)
    fine = story.fine_fen
    collect = spec.collect and fine > 0
    collect = collect and (fine <= _COLLECTABLE_FEN or story.hard_to_enforce_later)
    region = team.agency.region_id
    case = svc.case_decide_on_spot(
        title=story.title,
        facts=story.facts,
        place=story.place,
        acted_at=at(day, rng.randint(8, 19), rng.choice((5, 15, 25, 40, 50))),
        party=story.party.data,
        officers=crew,
        penalty_types=story.penalty_types,
        form_number=f"No.{region}{day:%y}{serial:06d}",
        reasons=story.reasons,
        fine_fen=fine,
        power_item=ctx.power(scenario.power_code),
        mitigation_reason=story.mitigation,
        collect_on_spot=collect,
        receipt_number=f"津财票No.{day:%y}{rng.randrange(10**8):08d}" if collect else "",
        hard_to_enforce_later=collect and fine > _COLLECTABLE_FEN,
        external_ref=spec.key,
        actor=handler,
    )
    last = day
    if spec.filed:
        filed = min(clock.after(day, rng.randint(1, 5)), TODAY)
        svc.simple_filing_record(case=case, filed_on=filed, actor=handler)
        last = max(last, filed)
    if fine and not collect and spec.paid == "on_time":
        paid = min(clock.days_after(day, rng.randint(2, 12)), TODAY)
        svc.payment_record(
            case=case,
            amount_fen=fine,
            paid_on=paid,
            channel=PaymentChannel.E_PAYMENT if rng.random() < 0.6 else PaymentChannel.BANK,
            reference=f"FS{paid:%Y%m%d}{rng.randrange(10**6):06d}",
            actor=handler,
        )
        last = max(last, paid)
    if spec.stop in ("closed", "archived"):
        submitted = clock.after(last, rng.randint(1, 6))
        closed = clock.after(submitted, 1)
        av_records(case=case, actor=handler)
        svc.case_close(
            case=case,
            summary="当场处罚决定已送达并执行完毕，已报所属机关备案，申请结案。",
            opinion="执行完毕，建议结案。",
            on=submitted,
            actor=handler,
        )
        ctx.approve(case, team, ApprovalStep.CLOSING, submitted=submitted, final=closed)
        if spec.stop == "archived":
            archived = clock.after(closed, rng.randint(5, 15))
            svc.case_archive(case=case, on=archived, actor=handler)
    case.refresh_from_db()
    return case
