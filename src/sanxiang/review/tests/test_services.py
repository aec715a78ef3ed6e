"""The review workflow through its services: submission, assignment and conflict of interest,
the checklist, approval, the return/resubmit loop, escalation, the decision gate and stale
approvals, time limits across holidays, reminders and the filing with the supervisor."""

from __future__ import annotations

import datetime
import json

import pytest

from sanxiang.cases import services as svc
from sanxiang.cases.choices import CaseStatus
from sanxiang.cases.models import CaseEvent
from sanxiang.cases.tests.factories import (
    World,
    approve_pending,
    company,
    decide,
)
from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.ledger.commitments import commit_tree, commitment, new_salt
from sanxiang.ledger.models import LedgerEntry
from sanxiang.ledger.verification import ledger_verify
from sanxiang.registry import models as m
from sanxiang.registry.tests import factories as rf
from sanxiang.review import services
from sanxiang.review.ledger import LEDGER_KIND, review_content, review_payload, review_rebuild
from sanxiang.review.models import (
    Counsel,
    CounselKind,
    EscalationResult,
    Finding,
    LegalReview,
    ReviewPolicy,
    ReviewStatus,
    SupervisorFiling,
)
from sanxiang.review.selectors import review_opinion_data
from sanxiang.review.tests.factories import make_reviewer
from sanxiang.review.tests.helpers import MATERIALS, all_ok, approved, ready_case, submitted

pytestmark = pytest.mark.django_db


def _refused(code: str, call: object) -> ApplicationError:
    with pytest.raises(ApplicationError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.code == code, caught.value.as_dict()
    return caught.value


class TestGate:
    def test_decision_without_trigger_needs_no_review(self, world: World) -> None:
        case = decide(world, ready_case(world))
        assert case.status == CaseStatus.DECIDED

    def test_decide_refused_without_review_law_apl_58(
        self, world: World, amount_rule: object
    ) -> None:
        case = ready_case(world)
        error = _refused("review.required", lambda: decide(world, case))
        assert error.extra["rule"] == "LAW-APL-58"
        assert any("2,000" in r or "2000" in r for r in error.extra["triggers"])

    def test_decide_after_approval_law_apl_58(
        self, world: World, amount_rule: object, reviewer: m.User
    ) -> None:
        case = ready_case(world)
        approved(case, world.handler, reviewer)
        case = decide(world, case)
        assert case.status == CaseStatus.DECIDED

    def test_stale_approval_after_a_party_change_law_apl_58(
        self, world: World, amount_rule: object, reviewer: m.User
    ) -> None:
        case = ready_case(world)
        review = approved(case, world.handler, reviewer)
        svc.party_add(case=case, data=company(), actor=world.handler)  # revision + 1
        case.refresh_from_db()
        assert case.revision == review.case_revision + 1
        error = _refused("review.stale", lambda: decide(world, case))
        assert "stale" in error.message or "过期" in error.message or "失效" in error.message

    def test_stale_when_the_draft_differs_from_what_was_reviewed(
        self, world: World, amount_rule: object, reviewer: m.User
    ) -> None:
        case = ready_case(world)
        approved(case, world.handler, reviewer)
        _refused("review.stale", lambda: decide(world, case, fine_fen=250_000))

    def test_review_of_the_draft_itself(
        self, world: World, amount_rule: object, reviewer: m.User
    ) -> None:
        """A draft already made (in legal review) is what gets reviewed; the decision then
        needs no new draft."""
        case = ready_case(world)
        review = submitted(case, world.handler)
        case.refresh_from_db()
        assert case.status == CaseStatus.LEGAL_REVIEW
        services.review_withdraw(review=review, reason="补充材料", actor=world.handler)
        assert LegalReview.objects.get(pk=review.pk).status == ReviewStatus.WITHDRAWN

    def test_public_interest_flag_makes_review_required(self, world: World) -> None:
        case = ready_case(world)
        _refused(
            "review.reason_required",
            lambda: services.case_flags_set(case=case, public_interest=True, actor=world.handler),
        )
        services.case_flags_set(
            case=case, public_interest=True, reason="涉及学校周边食品安全", actor=world.handler
        )
        _refused("review.required", lambda: decide(world, case))


class TestSubmission:
    def test_submit_moves_the_case_and_sets_the_due_date(
        self, world: World, amount_rule: object
    ) -> None:
        case = ready_case(world)
        review = submitted(case, world.handler)
        case.refresh_from_db()
        assert case.status == CaseStatus.LEGAL_REVIEW
        assert review.round == 1 and review.case_revision == case.revision
        assert review.triggers[0]["trigger"] == "amount"
        assert review.proposal["fine_fen"] == 300_000
        # SAMR-PROC-55: 10 working days from Monday 2025-03-03 → Monday 2025-03-17.
        assert review.due_on == datetime.date(2025, 3, 17)
        assert CaseEvent.objects.filter(case=case, action="review.submitted").exists()

    def test_materials_required_samr_proc_52(self, world: World) -> None:
        case = ready_case(world)
        error = _refused(
            "review.materials_missing",
            lambda: services.review_submit(case=case, materials=["evidence"], actor=world.handler),
        )
        assert "investigation_report" in error.extra["missing"]

    def test_one_open_review_per_case(self, world: World) -> None:
        case = ready_case(world)
        submitted(case, world.handler)
        _refused("review.already_open", lambda: submitted(case, world.handler))

    def test_only_the_agency_staff_submit(self, world: World, reviewer: m.User) -> None:
        case = ready_case(world)
        with pytest.raises(PermissionDeniedError):
            services.review_submit(case=case, materials=MATERIALS, actor=reviewer)


class TestAssignment:
    def test_handler_refused_conflict_of_interest_samr_proc_49(self, world: World) -> None:
        """An officer who handled the case may not review it, even with the reviewer role."""
        case = ready_case(world)
        review = submitted(case, world.handler)
        conflicted = make_reviewer(world.agency)
        world.officer_b.user = conflicted
        world.officer_b.save()
        error = _refused(
            "review.conflict_of_interest",
            lambda: services.review_assign(
                review=review, reviewers=[conflicted], actor=world.agency_head
            ),
        )
        assert error.extra["rule"] == "SAMR-PROC-49"

    def test_investigator_on_a_record_refused_samr_proc_49(self, world: World) -> None:
        case = ready_case(world)
        review = submitted(case, world.handler)
        recorder = make_reviewer(world.agency)
        officer = world.outsider
        officer.user = recorder
        officer.save()
        from sanxiang.cases.models import InvestigationRecord, RecordOfficer

        record = InvestigationRecord.objects.filter(case=case).first()
        assert record is not None
        RecordOfficer.objects.create(record=record, officer=officer, certificate_number="X1")
        _refused(
            "review.conflict_of_interest",
            lambda: services.review_assign(review=review, reviewers=[recorder], actor=recorder),
        )

    def test_first_time_reviewer_needs_qualification_law_apl_58(self, world: World) -> None:
        case = ready_case(world)
        review = submitted(case, world.handler)
        unqualified = make_reviewer(world.agency, qualified=False)
        _refused(
            "review.reviewer_unqualified",
            lambda: services.review_assign(
                review=review, reviewers=[unqualified], actor=world.agency_head
            ),
        )

    def test_only_reviewers_or_head_assign(self, world: World, reviewer: m.User) -> None:
        case = ready_case(world)
        review = submitted(case, world.handler)
        with pytest.raises(PermissionDeniedError):
            services.review_assign(review=review, reviewers=[reviewer], actor=world.handler)

    def test_auto_assign_picks_least_loaded_and_counsel_workload(self, world: World) -> None:
        busy = make_reviewer(world.agency)
        free = make_reviewer(world.agency)
        other = ready_case(world)
        services.review_assign(review=submitted(other, world.handler), reviewers=[busy], actor=busy)
        case = ready_case(world)
        review = submitted(case, world.handler)
        services.review_assign(review=review, actor=world.agency_head)
        assert list(review.assignments.values_list("reviewer", flat=True)) == [free.pk]

    def test_counsel_from_the_pool_with_capacity(self, world: World) -> None:
        lawyer = rf.UserFactory.create(role=m.Role.COUNSEL)
        member = Counsel.objects.create(
            user=lawyer,
            kind=CounselKind.LAWYER,
            organisation="天津某律师事务所",
            qualification_number="11201201010123456",
            qualified_on=datetime.date(2012, 6, 1),
            max_open_reviews=1,
        )
        case = ready_case(world)
        review = submitted(case, world.handler)
        _refused(  # not serving this agency
            "review.not_a_reviewer",
            lambda: services.review_assign(
                review=review, reviewers=[lawyer], actor=world.agency_head
            ),
        )
        member.agencies.add(world.agency)
        services.review_assign(review=review, reviewers=[lawyer], actor=world.agency_head)
        second = submitted(ready_case(world), world.handler)
        _refused(
            "review.counsel_unavailable",
            lambda: services.review_assign(
                review=second, reviewers=[lawyer], actor=world.agency_head
            ),
        )


class TestChecklistAndLoop:
    def test_checklist_must_be_complete_guo_118_13(self, world: World, reviewer: m.User) -> None:
        case = ready_case(world)
        review = submitted(case, world.handler)
        services.review_assign(review=review, reviewers=[reviewer], actor=reviewer)
        services.review_findings_record(
            review=review, findings={"subject": ("ok", "")}, actor=reviewer
        )
        error = _refused(
            "review.checklist_incomplete",
            lambda: services.review_approve(review=review, opinion="同意", actor=reviewer),
        )
        assert len(error.extra["missing"]) == 6

    def test_problem_needs_a_note_and_blocks_approval_guo_118_13(
        self, world: World, reviewer: m.User
    ) -> None:
        case = ready_case(world)
        review = submitted(case, world.handler)
        services.review_assign(review=review, reviewers=[reviewer], actor=reviewer)
        _refused(
            "review.problem_note_required",
            lambda: services.review_findings_record(
                review=review, findings={"facts": ("problem", "")}, actor=reviewer
            ),
        )
        services.review_findings_record(
            review=review, findings=all_ok(facts="货值金额证据不足"), actor=reviewer
        )
        _refused(
            "review.problem_recorded",
            lambda: services.review_approve(review=review, opinion="同意", actor=reviewer),
        )

    def test_only_an_assigned_reviewer_records_findings(
        self, world: World, reviewer: m.User
    ) -> None:
        case = ready_case(world)
        review = submitted(case, world.handler)
        services.review_assign(review=review, reviewers=[reviewer], actor=reviewer)
        stranger = make_reviewer(world.agency)
        with pytest.raises(PermissionDeniedError):
            services.review_findings_record(review=review, findings=all_ok(), actor=stranger)

    def test_return_resubmit_approve_loop_guo_118_13(
        self, world: World, amount_rule: object, reviewer: m.User
    ) -> None:
        case = ready_case(world)
        first = submitted(case, world.handler)
        services.review_assign(review=first, reviewers=[reviewer], actor=reviewer)
        services.review_findings_record(
            review=first, findings=all_ok(law="裁量依据引用错误"), actor=reviewer
        )
        _refused(
            "review.opinion_required",
            lambda: services.review_return(review=first, opinion=" ", actor=reviewer),
        )
        services.review_return(review=first, opinion="请更正裁量依据后重新提交。", actor=reviewer)
        data = review_opinion_data(case=case)
        assert data is not None and data.conclusion == "returned" and data.round == 1
        # The draft goes for approval; the agency head cannot make it (LAW-APL-58).
        _refused("review.required", lambda: decide(world, case))
        _refused(
            "review.correction_note_required",
            lambda: services.review_submit(case=case, materials=MATERIALS, actor=world.handler),
        )
        second = services.review_submit(
            case=case, materials=MATERIALS, note="已更正裁量依据。", actor=world.handler
        )
        assert second.round == 2 and second.previous_id == first.pk
        services.review_assign(review=second, reviewers=[reviewer], actor=reviewer)
        services.review_findings_record(review=second, findings=all_ok(), actor=reviewer)
        services.review_approve(review=second, opinion="同意作出决定。", actor=reviewer)
        actions = list(
            CaseEvent.objects.filter(case=case, action__startswith="review.")
            .order_by("id")
            .values_list("action", flat=True)
        )
        assert actions == [
            "review.submitted",
            "review.assigned",
            "review.findings_recorded",
            "review.returned",
            "review.resubmitted",
            "review.assigned",
            "review.findings_recorded",
            "review.approved",
        ]
        approve_pending(world, case)  # now the head's approval makes the decision
        case.refresh_from_db()
        assert case.status == CaseStatus.DECIDED
        data = review_opinion_data(case=case)
        assert data is not None
        assert (data.round, data.conclusion, data.opinion) == (2, "approved", "同意作出决定。")
        assert len(data.checklist) == 7 and data.reviewers == [reviewer.display_name]
        assert data.triggers and data.case_number == case.case_number

    def test_escalation_to_the_agency_head_guo_118_14(
        self, world: World, amount_rule: object, reviewer: m.User
    ) -> None:
        case = ready_case(world)
        review = submitted(case, world.handler)
        services.review_assign(review=review, reviewers=[reviewer], actor=reviewer)
        services.review_findings_record(
            review=review, findings=all_ok(facts="证据不足"), actor=reviewer
        )
        services.review_return(review=review, opinion="证据不足。", actor=reviewer)
        services.review_escalate(review=review, reason="证据已经充分。", actor=world.handler)
        with pytest.raises(PermissionDeniedError):
            services.review_escalation_decide(
                review=review, result="overruled", opinion="同意", actor=world.handler
            )
        services.review_escalation_decide(
            review=review,
            result=EscalationResult.OVERRULED,
            opinion="经研究，证据充分，同意作出决定。",
            actor=world.agency_head,
        )
        assert LegalReview.objects.get(pk=review.pk).status == ReviewStatus.APPROVED
        assert decide(world, case).status == CaseStatus.DECIDED


class TestLedger:
    def test_every_change_is_a_leaf_the_verifier_rebuilds(
        self, world: World, reviewer: m.User
    ) -> None:
        case = ready_case(world)
        review = approved(case, world.handler, reviewer)
        entries = LedgerEntry.objects.filter(kind=LEDGER_KIND, ref=str(review.pk))
        assert entries.count() == 4  # submitted, assigned, findings, approved
        latest = entries.order_by("-index").first()
        assert latest is not None
        review.refresh_from_db()
        assert review_rebuild(str(review.pk)) == review_payload(review)
        assert json.loads(bytes(latest.entry))["payload"] == review_payload(review)

    def test_the_public_entry_commits_to_the_texts_law_apl_50(
        self, world: World, reviewer: m.User
    ) -> None:
        """Entries are public (LAW-APL-50, GUO-118-02): the opinion, the findings' notes and
        the decision reviewed are salted commitments that the row and its salt recompute."""
        opinion = "经审核，张三违法事实清楚，同意罚款三千元。"
        case = ready_case(world)
        review = submitted(case, world.handler)
        services.review_assign(review=review, reviewers=[reviewer], actor=reviewer)
        services.review_findings_record(
            review=review,
            findings={**all_ok(), "documents": (Finding.OK, "送达回证张三已签收")},
            actor=reviewer,
        )
        services.review_approve(review=review, opinion=opinion, actor=reviewer)
        review.refresh_from_db()
        entry = LedgerEntry.objects.filter(kind=LEDGER_KIND, ref=str(review.pk)).latest("index")
        raw = bytes(entry.entry)
        for text in (opinion, "张三", "送达回证", "3000", "300000", "罚款"):
            assert text.encode() not in raw
        payload = json.loads(raw)["payload"]
        # In clear: ids, status, round, revision, dates, reviewers.
        assert payload["status"] == ReviewStatus.APPROVED
        assert payload["round"] == 1 and payload["case_revision"] == review.case_revision
        assert payload["reviewer_ids"] == [reviewer.pk]
        assert review.concluded_on is not None
        assert payload["concluded_on"] == review.concluded_on.isoformat()
        # Committed: recomputable from the row and its salt, field by field.
        salt = review.ledger_salt
        assert len(salt) == 32 and salt not in raw.decode()
        assert payload["content"]["opinion"] == commitment(salt, "content.opinion", opinion)
        assert payload["content"]["findings"]["documents"]["note"] == commitment(
            salt, "content.findings.documents.note", "送达回证张三已签收"
        )
        assert payload["content"]["proposal"]["fine_fen"] == commitment(
            salt, "content.proposal.fine_fen", review.proposal["fine_fen"]
        )
        assert payload["content"] == commit_tree(salt, review_content(review), "content")
        # Another salt gives other commitments: the log alone confirms no guess.
        assert commitment(new_salt(), "content.opinion", opinion) != (payload["content"]["opinion"])

    def test_a_text_changed_behind_the_ledger_is_named(
        self, world: World, reviewer: m.User
    ) -> None:
        case = ready_case(world)
        review = approved(case, world.handler, reviewer)
        LegalReview.objects.filter(pk=review.pk).update(opinion="不同意。")
        report = ledger_verify()
        assert not report.ok
        problems = [str(problem) for problem in report.mismatches]
        assert any("content.opinion" in problem for problem in problems), problems


class TestTimeLimits:
    def test_due_date_across_national_day_2026_samr_proc_55(
        self, world: World, clock: object
    ) -> None:
        """Submitted on 2026-09-29: 9-30 is the 1st working day, 10-01..10-07 are off, 10-08
        and 10-09 are the 2nd and 3rd, 10-10 (Sat) is a make-up working day (4th), so the
        10th working day is Monday 2026-10-19 — not 10-13, as weekdays alone would give."""
        from sanxiang.cases.deadlines import legal_review_due

        assert legal_review_due(datetime.date(2026, 9, 29)) == datetime.date(2026, 10, 19)
        # An agency limit of 3 working days ends on the make-up Saturday.
        assert legal_review_due(datetime.date(2026, 9, 29), working_days=4) == datetime.date(
            2026, 10, 10
        )

    def test_agency_time_limit_and_reminders(self, world: World, clock: object) -> None:
        ReviewPolicy.objects.create(agency=world.agency, time_limit_days=5, reminder_days=2)
        case = ready_case(world)
        review = submitted(case, world.handler)
        assert review.due_on == datetime.date(2025, 3, 10)  # 5 working days
        assert services.reviews_sweep(on=datetime.date(2025, 3, 5)) == 0
        assert services.reviews_sweep(on=datetime.date(2025, 3, 6)) == 1  # 2 working days before
        assert services.reviews_sweep(on=datetime.date(2025, 3, 6)) == 0  # once only
        assert services.reviews_sweep(on=datetime.date(2025, 3, 11)) == 1
        review.refresh_from_db()
        assert review.overdue_marked_on == datetime.date(2025, 3, 11)
        assert CaseEvent.objects.filter(case=case, action="review.overdue").count() == 1


class TestFiling:
    def test_major_decision_filed_within_10_days_tj_sup_14(
        self, world: World, amount_rule: object, reviewer: m.User
    ) -> None:
        case = ready_case(world)
        approved(case, world.handler, reviewer)
        case = decide(world, case)
        assert services.filings_open_due() == 1
        filing = SupervisorFiling.objects.get(case=case)
        assert filing.due_on == filing.decided_on + datetime.timedelta(days=10)
        services.filing_record(
            case=case,
            filed_on=filing.decided_on,
            reference="津司备〔2025〕1号",
            actor=world.handler,
        )
        assert CaseEvent.objects.filter(case=case, action="review.filed_with_supervisor").exists()
        _refused(
            "review.already_filed",
            lambda: services.filing_record(
                case=case, filed_on=filing.decided_on, reference="x", actor=world.handler
            ),
        )

    def test_unreviewed_decision_is_not_filed(self, world: World) -> None:
        case = decide(world, ready_case(world))
        _refused(
            "review.filing_not_due",
            lambda: services.filing_record(
                case=case, filed_on=datetime.date(2025, 3, 3), reference="x", actor=world.handler
            ),
        )
