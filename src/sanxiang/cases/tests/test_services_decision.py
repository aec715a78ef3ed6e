"""The decision: time limit (LAW-APL-60, SAMR-PROC-64), minors (LAW-APL-30), 首违不罚
(LAW-APL-33), deliberation (LAW-APL-57), transfer (LAW-APL-27), stale approvals."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from sanxiang.cases import services as svc
from sanxiang.cases.choices import (
    ApprovalResult,
    CaseStatus,
    DeadlineKind,
    DecisionOutcome,
    NoPenaltyReason,
    PauseReason,
)
from sanxiang.cases.models import Approval, Case, Deadline
from sanxiang.cases.tests.factories import (
    BASE_DAY,
    approve_pending,
    at,
    company,
    decide,
    investigated_case,
    notified_case,
    person,
)
from sanxiang.core.errors import ApplicationError
from sanxiang.registry.tests.factories import make_resident_id
from sanxiang.review.tests.factories import pass_legal_review

pytestmark = pytest.mark.django_db
NO_PENALTY: dict[str, Any] = {"penalty_types": (), "fine_fen": 0, "discretion_tier": None}


def _waived(world, case, day=BASE_DAY):
    svc.statement_waive(case=case, waived_on=day, note="当事人书面放弃", actor=world.handler)


def test_decision_after_90_days_is_refused_unless_extended_law_apl_60(world, clock):
    case = notified_case(world)
    _waived(world, case)
    clock.go(datetime.date(2025, 6, 4))  # the 90 days ended on 2025-06-03
    with pytest.raises(ApplicationError) as refusal:
        decide(world, case)
    assert refusal.value.code == "cases.decision.time_limit_passed"
    assert refusal.value.extra["rule"] == "LAW-APL-60"
    with pytest.raises(ApplicationError) as too_long:
        svc.case_extend(case=case, days=31, reason="案情复杂", actor=world.handler)
    assert too_long.value.extra["rule"] == "SAMR-PROC-64"
    extension = svc.case_extend(case=case, days=30, reason="案情复杂", actor=world.handler)
    approve_pending(world, case)
    extension.refresh_from_db()
    assert extension.status == ApprovalResult.APPROVED
    deadline = Deadline.objects.get(case=case, kind=DeadlineKind.DECISION)
    assert deadline.due_on == datetime.date(2025, 7, 1)  # 120 days after 03-03
    assert decide(world, case).status == CaseStatus.DECIDED


def test_paused_days_move_the_time_limit_samr_proc_64(world, clock):
    case = notified_case(world)
    _waived(world, case)
    pause = svc.clock_pause_start(
        case=case,
        reason=PauseReason.TESTING,
        started_on=datetime.date(2025, 3, 10),
        actor=world.handler,
    )
    svc.clock_pause_stop(pause=pause, ended_on=datetime.date(2025, 3, 30), actor=world.handler)
    deadline = Deadline.objects.get(case=case, kind=DeadlineKind.DECISION)
    # 90 + 20 days after 03-03 is Saturday 06-21 → Monday 06-23.
    assert deadline.due_on == datetime.date(2025, 6, 23)
    clock.go(datetime.date(2025, 6, 23))
    assert decide(world, case).status == CaseStatus.DECIDED


def test_under_fourteen_cannot_be_penalised_law_apl_30(world, clock):
    child = person(name="小明", id_number=make_resident_id(8, birth="20120101"))
    case = notified_case(world, party=child)
    _waived(world, case)
    with pytest.raises(ApplicationError) as refusal:
        decide(world, case)
    assert refusal.value.code == "cases.decision.under_fourteen"
    assert refusal.value.extra["rule"] == "LAW-APL-30"
    decided = decide(
        world,
        case,
        outcome=DecisionOutcome.NO_PENALTY,
        no_penalty_reason=NoPenaltyReason.UNDER_FOURTEEN,
        **NO_PENALTY,
    )
    assert decided.status == CaseStatus.DECIDED


def test_minor_of_sixteen_needs_a_mitigation_reason_law_apl_30(world, clock):
    minor = person(name="小红", id_number=make_resident_id(9, birth="20080601"))
    case = notified_case(world, party=minor, fine_fen=100_000)
    _waived(world, case)
    with pytest.raises(ApplicationError) as refusal:
        decide(world, case, fine_fen=100_000)
    assert refusal.value.code == "cases.decision.mitigation_required"
    decided = decide(
        world, case, fine_fen=50_000, mitigation_reason="当事人未满十八周岁，依法减轻处罚"
    )
    assert decided.decision.flag_for_legal_review  # below the tier: outside its range


def test_first_offence_needs_a_clean_record_law_apl_33(world, clock):
    offender = company()
    case = investigated_case(world, party=offender)
    svc.case_decide_on_spot(
        title="前次违法",
        facts="未明码标价",
        place="某商店",
        acted_at=at(datetime.date(2025, 3, 1)),
        party=offender,
        officers=[world.officer_a, world.officer_b],
        penalty_types=("warning",),
        form_number="津当罚0001",
        reasons="依法警告",
        actor=world.handler,
    )
    first: dict[str, Any] = {"outcome": DecisionOutcome.NO_PENALTY, **NO_PENALTY}
    with pytest.raises(ApplicationError) as refusal:
        decide(world, case, no_penalty_reason=NoPenaltyReason.FIRST_OFFENCE, **first)
    assert refusal.value.code == "rules.no_penalty.not_first_offence"
    with pytest.raises(ApplicationError) as missing:
        decide(world, case, **first)
    assert missing.value.code == "rules.no_penalty.reason_required"
    other = investigated_case(world, party=person(id_number=make_resident_id(11)))
    decided = decide(world, other, no_penalty_reason=NoPenaltyReason.FIRST_OFFENCE, **first)
    assert decided.decision.no_penalty_reason == NoPenaltyReason.FIRST_OFFENCE


def test_complex_case_needs_a_collective_deliberation_law_apl_57(world, clock):
    case = notified_case(world, is_complex=True)
    _waived(world, case)
    with pytest.raises(ApplicationError) as refusal:
        decide(world, case)
    assert refusal.value.code == "cases.decision.deliberation_required"
    with pytest.raises(ApplicationError):
        svc.deliberation_record(
            case=case,
            held_on=BASE_DAY,
            chaired_by=world.department_head,
            participants=["局长", "副局长"],
            minutes="讨论记录",
            conclusion="同意处罚",
            actor=world.handler,
        )
    deliberation = svc.deliberation_record(
        case=case,
        held_on=BASE_DAY,
        chaired_by=world.agency_head,
        participants=["局长", "副局长", "法规科长"],
        minutes="讨论记录",
        conclusion="同意处罚",
        actor=world.handler,
    )
    # A complex case is also a major decision: legal review first (LAW-APL-58(三)).
    pass_legal_review(world, case)
    assert decide(world, case).decision.deliberation == deliberation


def test_transfer_names_the_judicial_organ_law_apl_27(world):
    case = investigated_case(world, suspected_crime=True)
    transfer: dict[str, Any] = {"outcome": DecisionOutcome.TRANSFER, **NO_PENALTY}
    with pytest.raises(ApplicationError) as refusal:
        decide(world, case, **transfer)
    assert refusal.value.extra["rule"] == "LAW-APL-27"
    decided = decide(world, case, transfer_organ="天津市公安局和平分局", **transfer)
    assert decided.status == CaseStatus.DECIDED


def test_penalty_needs_the_notice_law_apl_44(world):
    case = investigated_case(world)
    with pytest.raises(ApplicationError) as refusal:
        decide(world, case)
    assert refusal.value.code == "cases.notice.not_served"


def test_a_change_after_submission_makes_the_decision_approval_stale(world, clock):
    case = notified_case(world)
    _waived(world, case)
    decide(world, case, approve=False)
    # The party's address changes while the decision waits for approval: a new revision.
    party = case.parties.get()
    svc.party_update(party=party, data=person(address="天津市河西区友谊路2号"), actor=world.handler)
    row = Approval.objects.get(case=case, step="decision", result="pending")
    svc.approval_decide(approval=row, approve=True, actor=world.department_head)
    last = Approval.objects.get(case=case, step="decision", result="pending")
    with pytest.raises(ApplicationError) as refusal:
        svc.approval_decide(approval=last, approve=True, actor=world.agency_head)
    assert refusal.value.code == "workflow.approval_required"
    assert Case.objects.get(pk=case.pk).status == CaseStatus.NOTIFIED
