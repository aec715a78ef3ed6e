"""Notice (LAW-APL-44), hearing right (LAW-APL-63), statement (LAW-APL-45), hearing
(LAW-APL-64/65) and the statement window before the decision (LAW-APL-62)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from sanxiang.cases import services as svc
from sanxiang.cases.choices import (
    CaseStatus,
    DeadlineKind,
    DeliveryMethod,
    HearingStatus,
    ReexaminationResult,
)
from sanxiang.cases.models import Deadline, PenaltyNotice
from sanxiang.cases.tests.factories import (
    BASE_DAY,
    approve_pending,
    company,
    decide,
    investigated_case,
    make_world,
    notified_case,
    person,
)
from sanxiang.core.errors import ApplicationError
from sanxiang.review.tests.factories import pass_legal_review

pytestmark = pytest.mark.django_db
WINDOW_END = datetime.date(2025, 3, 10)  # 5 working days after 2025-03-03 (SAMR-PROC-57)


def _notice(case):
    return PenaltyNotice.objects.get(case=case, is_current=True)


@pytest.mark.parametrize(
    ("party", "fine_fen", "expected"),
    [
        (person(), 999_900, False),  # 9,999元 to a natural person: no hearing right
        (person(), 1_000_000, True),  # 10,000元: SAMR-HEAR-5 "以上" includes the number
        (company(), 9_999_900, False),  # 99,999元 to an organisation
        (company(), 10_000_000, True),  # 100,000元
    ],
)
def test_hearing_right_thresholds_law_apl_63(world, party, fine_fen, expected):
    case = notified_case(world, fine_fen=fine_fen, party=party)
    notice = _notice(case)
    assert notice.hearing_right is expected
    assert notice.statement_window_end == WINDOW_END
    kinds = set(Deadline.objects.filter(case=case).values_list("kind", flat=True))
    assert (DeadlineKind.HEARING_REQUEST in kinds) is expected
    assert DeadlineKind.STATEMENT_WINDOW in kinds


def test_hearing_threshold_is_configured_per_agency_tj_thresh(clock, db):
    world = make_world(hearing_natural_person_fen=500_000)
    case = notified_case(world, fine_fen=500_000)
    assert _notice(case).hearing_right is True


def test_licence_revocation_always_gives_a_hearing_right(world):
    case = notified_case(world, fine_fen=0, penalty_types=("revoke_licence",))
    assert _notice(case).hearing_reasons == ["qualification"]


def test_notice_is_served_only_after_its_approval_for_the_current_revision(world):
    case = investigated_case(world)
    svc.notice_draft(
        case=case, penalty_types=("fine",), fine_fen=300_000, content="拟罚款", actor=world.handler
    )
    with pytest.raises(ApplicationError) as refusal:
        svc.notice_serve(case=case, served_on=BASE_DAY, actor=world.handler)
    assert refusal.value.code == "workflow.approval_required"
    approve_pending(world, case)
    # A new party after the approval changes what was approved: the notice goes stale.
    svc.party_add(case=case, data=company(), actor=world.handler)
    with pytest.raises(ApplicationError) as stale:
        svc.notice_serve(case=case, served_on=BASE_DAY, actor=world.handler)
    assert stale.value.code == "workflow.approval_required"


def test_electronic_service_needs_signed_consent_law_apl_61(world):
    case = investigated_case(world)
    svc.notice_draft(
        case=case, penalty_types=("fine",), fine_fen=300_000, content="拟罚款", actor=world.handler
    )
    approve_pending(world, case)
    with pytest.raises(ApplicationError) as refusal:
        svc.notice_serve(
            case=case, served_on=BASE_DAY, method=DeliveryMethod.ELECTRONIC, actor=world.handler
        )
    assert refusal.value.extra["rule"] == "LAW-APL-61"


def test_decision_before_the_statement_window_ends_is_refused_law_apl_62(world, clock):
    case = notified_case(world)
    clock.go(WINDOW_END)
    with pytest.raises(ApplicationError) as refusal:
        decide(world, case)
    assert refusal.value.code == "cases.statement.window_open"
    assert refusal.value.extra["rule"] == "LAW-APL-62"
    clock.go(WINDOW_END + datetime.timedelta(days=1))
    assert decide(world, case).status == CaseStatus.DECIDED


def test_decision_after_a_recorded_waiver_is_allowed_law_apl_62(world, clock):
    case = notified_case(world)
    clock.go(datetime.date(2025, 3, 4))
    svc.statement_waive(
        case=case,
        waived_on=datetime.date(2025, 3, 4),
        note="当事人在告知书送达回证上签字明确放弃陈述申辩",
        actor=world.handler,
    )
    decided = decide(world, case)
    assert decided.status == CaseStatus.DECIDED
    assert decided.decision.decided_on == datetime.date(2025, 3, 4)


def test_heavier_penalty_after_a_statement_is_refused_law_apl_45(world, clock):
    case = notified_case(world, fine_fen=300_000)
    statement = svc.statement_record(
        case=case, received_on=datetime.date(2025, 3, 5), content="我是初犯", actor=world.handler
    )
    clock.go(WINDOW_END + datetime.timedelta(days=1))
    with pytest.raises(ApplicationError) as unexamined:
        decide(world, case)
    assert unexamined.value.code == "cases.statement.not_reexamined"
    svc.statement_reexamine(
        statement=statement,
        result=ReexaminationResult.NOT_ADOPTED,
        note="理由不成立",
        actor=world.handler,
    )
    with pytest.raises(ApplicationError) as heavier:
        decide(world, case, fine_fen=400_000)
    assert heavier.value.code == "rules.heavier_penalty.forbidden"
    assert heavier.value.extra["rule"] == "LAW-APL-45"
    assert decide(world, case, fine_fen=200_000).status == CaseStatus.DECIDED


def test_hearing_request_after_five_working_days_is_refused_law_apl_64(world, clock):
    case = notified_case(world, fine_fen=1_000_000)
    late = datetime.date(2025, 3, 11)
    clock.go(late)
    with pytest.raises(ApplicationError) as refusal:
        svc.hearing_request(case=case, requested_on=late, actor=world.handler)
    assert refusal.value.code == "cases.hearing.request_late"
    assert refusal.value.extra["rule"] == "LAW-APL-64"
    hearing = svc.hearing_request(case=case, requested_on=WINDOW_END, actor=world.handler)
    case.refresh_from_db()
    assert case.status == CaseStatus.HEARING and hearing.status == HearingStatus.REQUESTED


def test_hearing_without_right_is_refused_law_apl_63(world):
    case = notified_case(world, fine_fen=300_000)
    with pytest.raises(ApplicationError) as refusal:
        svc.hearing_request(case=case, requested_on=BASE_DAY, actor=world.handler)
    assert refusal.value.extra["rule"] == "LAW-APL-63"


def test_hearing_schedule_and_hold_law_apl_64_65(world, clock):
    case = notified_case(world, fine_fen=1_000_000)
    hearing = svc.hearing_request(
        case=case, requested_on=datetime.date(2025, 3, 5), actor=world.handler
    )
    served = datetime.date(2025, 3, 11)
    common: dict[str, Any] = {
        "hearing": hearing,
        "hearing_notice_served_on": served,
        "place": "听证室",
    }
    # LAW-APL-64(四): an investigator may not preside.
    with pytest.raises(ApplicationError) as investigator:
        svc.hearing_schedule(
            presiding_officer=world.officer_a,
            scheduled_on=datetime.date(2025, 3, 20),
            actor=world.agency_head,
            **common,
        )
    assert investigator.value.code == "cases.hearing.presiding_investigator"
    # LAW-APL-64(二): 7 working days after 03-11 is 03-20.
    with pytest.raises(ApplicationError) as early:
        svc.hearing_schedule(
            presiding_officer=world.outsider,
            scheduled_on=datetime.date(2025, 3, 19),
            actor=world.agency_head,
            **common,
        )
    assert early.value.code == "cases.hearing.too_early"
    svc.hearing_schedule(
        presiding_officer=world.outsider,
        scheduled_on=datetime.date(2025, 3, 20),
        actor=world.agency_head,
        **common,
    )
    clock.go(datetime.date(2025, 3, 19))
    with pytest.raises(ApplicationError):
        decide(world, case)  # LAW-APL-65: the hearing is not held yet
    clock.go(datetime.date(2025, 3, 20))
    held = svc.hearing_hold(
        hearing=hearing,
        held_on=datetime.date(2025, 3, 20),
        record="听证笔录：当事人陈述……",
        actor=world.handler,
    )
    assert held.status == HearingStatus.HELD
    # LAW-APL-34: 10,000元 is above the tier's 1,000–5,000元, so a reason is needed and the
    # decision is flagged for legal review.
    with pytest.raises(ApplicationError) as no_reason:
        decide(world, case, fine_fen=1_000_000)
    assert no_reason.value.extra["rule"] == "LAW-APL-34"
    # Decided after a hearing: a major decision, legal review first (LAW-APL-58(二)).
    pass_legal_review(world, case)
    decided = decide(world, case, fine_fen=1_000_000, outside_range_reason="货值大、影响恶劣")
    assert decided.decision.hearing == held  # LAW-APL-65
    assert decided.decision.flag_for_legal_review


def test_absent_party_is_deemed_to_waive_the_hearing_law_apl_64(world, clock):
    case = notified_case(world, fine_fen=1_000_000)
    hearing = svc.hearing_request(case=case, requested_on=BASE_DAY, actor=world.handler)
    svc.hearing_schedule(
        hearing=hearing,
        presiding_officer=world.outsider,
        hearing_notice_served_on=BASE_DAY,
        scheduled_on=datetime.date(2025, 3, 12),
        place="听证室",
        actor=world.department_head,
    )
    held = svc.hearing_hold(
        hearing=hearing,
        held_on=datetime.date(2025, 3, 12),
        record="",
        party_attended=False,
        actor=world.handler,
    )
    assert held.status == HearingStatus.DEEMED_WAIVED
