"""The gates the review app adds beyond the decision: review before filing (GUO-14-04, the
pilot practice) on `file`, and major decisions of the other act types (GUO-118-12, catalogue
by act type) on `act_decide`; and the review panel on the case page of the cases app."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sanxiang.cases import services as svc
from sanxiang.cases.choices import ActResultKind, ApprovalResult, CaseStatus
from sanxiang.cases.models import Approval, Case
from sanxiang.cases.tests.factories import (
    BASE_DAY,
    World,
    approve_pending,
    company,
    lead,
    reject_pending,
)
from sanxiang.core.errors import ApplicationError
from sanxiang.registry import models as m
from sanxiang.review import services
from sanxiang.review.models import LegalReview, ReviewPolicy, ReviewStage, ReviewStatus
from sanxiang.review.tests.factories import all_ok, pass_legal_review
from sanxiang.review.tests.helpers import MATERIALS, ready_case

pytestmark = pytest.mark.django_db


def _refused(code: str, call: Any) -> ApplicationError:
    with pytest.raises(ApplicationError) as caught:
        call()
    assert caught.value.code == code, caught.value.as_dict()
    return caught.value


def _submitted_lead(world: World, **flags: Any) -> Case:
    """A lead with its officers and filing form submitted; the filing approval is pending."""
    case = lead(world)
    svc.case_assign_officers(
        case=case,
        officers=[world.officer_a, world.officer_b],
        lead=world.officer_a,
        actor=world.handler,
    )
    svc.case_submit_for_filing(
        case=case,
        power_item=world.power_item,
        facts="经查，当事人销售超过保质期的食品，货值较大。",
        violation_started_on=BASE_DAY.replace(month=2, day=20),
        discovered_on=BASE_DAY,
        opinion="建议立案",
        actor=world.handler,
        **flags,
    )
    case.refresh_from_db()
    return case


def _pending_filing(case: Case) -> bool:
    return Approval.objects.filter(case=case, step="filing", result=ApprovalResult.PENDING).exists()


class TestReviewBeforeFiling:
    @pytest.fixture
    def policy(self, world: World) -> ReviewPolicy:
        return ReviewPolicy.objects.create(agency=world.agency, review_before_filing=True)

    def test_major_lead_is_not_filed_without_review_guo_14_04(
        self, world: World, policy: ReviewPolicy
    ) -> None:
        """GUO-14-04: the final filing approval is refused until the review approves; then
        the same approval files the case."""
        case = _submitted_lead(world, is_major=True)
        assert _pending_filing(case)  # submitting the filing form is not blocked
        error = _refused("review.required_before_filing", lambda: approve_pending(world, case))
        assert error.extra["rule"] == "GUO-14-04"
        assert error.extra["review_url"] == f"/review/cases/{case.pk}/"
        case.refresh_from_db()
        assert case.status == CaseStatus.LEAD
        review = pass_legal_review(world, case)
        assert review.stage == ReviewStage.FILING and review.proposal == {}
        assert review.triggers[0]["trigger"] == m.MajorDecisionTrigger.BEFORE_FILING
        assert case.status == CaseStatus.LEAD  # the review does not move a lead
        approve_pending(world, case)
        case.refresh_from_db()
        assert case.status == CaseStatus.FILED

    def test_the_api_and_page_show_the_filing_triggers_guo_14_04(
        self, client: Client, world: World, policy: ReviewPolicy
    ) -> None:
        case = _submitted_lead(world, is_major=True)
        client.force_login(world.handler)
        body = client.get(f"/api/v1/review/cases/{case.pk}/triggers").json()
        assert body["review_required"] and not body["approval_current"]
        assert [t["legal_basis"] for t in body["triggers"]] == ["GUO-14-04"]
        page = client.get(f"/office/cases/{case.pk}/").content.decode()
        assert 'data-review-required="yes"' in page and 'data-trigger="before_filing"' in page
        pass_legal_review(world, case)
        body = client.get(f"/api/v1/review/cases/{case.pk}/triggers").json()
        assert body["approval_current"]

    def test_a_change_after_the_review_makes_it_stale_guo_14_04(
        self, world: World, policy: ReviewPolicy
    ) -> None:
        case = _submitted_lead(world, is_complex=True)
        pass_legal_review(world, case)
        svc.party_add(
            case=case,
            data=company(),
            actor=world.handler,
        )
        error = _refused("review.stale", lambda: approve_pending(world, case))
        assert error.extra["rule"] == "GUO-14-04"

    def test_a_filing_review_does_not_cover_the_decision_law_apl_58(
        self, world: World, policy: ReviewPolicy
    ) -> None:
        """The decision of a complex case still needs its own review (LAW-APL-58(三))."""
        case = _submitted_lead(world, is_complex=True)
        pass_legal_review(world, case)
        approve_pending(world, case)
        case.refresh_from_db()
        assert case.status == CaseStatus.FILED
        assert LegalReview.objects.get(case=case).stage == ReviewStage.FILING

    def test_an_ordinary_lead_is_filed_without_review(
        self, world: World, policy: ReviewPolicy
    ) -> None:
        case = _submitted_lead(world)
        approve_pending(world, case)
        case.refresh_from_db()
        assert case.status == CaseStatus.FILED
        # Nothing to review: a submission of the lead is refused.
        fresh = lead(world)
        _refused(
            "review.case_not_ready",
            lambda: services.review_submit(case=fresh, materials=[], actor=world.handler),
        )

    def test_without_the_option_a_major_lead_is_filed_directly(self, world: World) -> None:
        case = _submitted_lead(world, is_major=True)
        approve_pending(world, case)
        case.refresh_from_db()
        assert case.status == CaseStatus.FILED

    def test_a_before_filing_catalogue_row_works_like_the_option(self, world: World) -> None:
        m.MajorDecisionRule.objects.create(
            agency=world.agency,
            name="重大案件立案前审核",
            trigger=m.MajorDecisionTrigger.BEFORE_FILING,
            legal_basis="GUO-14-04",
        )
        case = _submitted_lead(world, suspected_crime=True)
        _refused("review.required_before_filing", lambda: approve_pending(world, case))


def _licensing(world: World) -> Case:
    case = svc.act_register(
        act_type=m.ActType.LICENSING, title="某公司食品经营许可申请", actor=world.handler
    )
    svc.case_assign_officers(
        case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
    )
    return svc.act_progress(case=case, actor=world.handler)


class TestOtherActTypes:
    @pytest.fixture
    def licensing_rule(self, world: World) -> m.MajorDecisionRule:
        return m.MajorDecisionRule.objects.create(
            agency=world.agency,
            name="行政许可决定",
            trigger=m.MajorDecisionTrigger.ACT_TYPE,
            act_type=m.ActType.LICENSING,
            legal_basis="GUO-118-12",
        )

    def _decide(self, world: World, case: Case) -> Case:
        return svc.act_decide(
            case=case, result=ActResultKind.GRANTED, text="准予许可", actor=world.handler
        )

    def test_licensing_decision_in_the_catalogue_needs_review_guo_118_12(
        self, world: World, licensing_rule: m.MajorDecisionRule
    ) -> None:
        case = _licensing(world)
        error = _refused("review.required", lambda: self._decide(world, case))
        assert error.extra["rule"] == "GUO-118-12"
        assert "许可" in error.extra["triggers"][0] or "licensing" in error.extra["triggers"][0]
        review = pass_legal_review(world, case)
        assert review.materials == ["evidence", "legal_basis", "proposed_decision"]
        assert case.status == CaseStatus.IN_PROGRESS
        assert self._decide(world, case).status == CaseStatus.DECIDED

    def test_a_change_after_approval_is_stale_guo_118_12(
        self, world: World, licensing_rule: m.MajorDecisionRule
    ) -> None:
        case = _licensing(world)
        pass_legal_review(world, case)
        svc.party_add(
            case=case,
            data=company(),
            actor=world.handler,
        )
        _refused("review.stale", lambda: self._decide(world, case))

    def test_other_act_types_are_not_caught_guo_118_12(
        self, world: World, licensing_rule: m.MajorDecisionRule
    ) -> None:
        case = svc.act_register(act_type=m.ActType.INSPECTION, title="检查", actor=world.handler)
        svc.case_assign_officers(
            case=case, officers=[world.officer_a, world.officer_b], actor=world.handler
        )
        svc.act_progress(case=case, actor=world.handler)
        decided = svc.act_decide(
            case=case, result=ActResultKind.COMPLIANT, text="未发现问题", actor=world.handler
        )
        assert decided.status == CaseStatus.DECIDED


class TestCasePagePanel:
    def test_the_case_page_shows_the_triggers_and_the_state_law_apl_58(
        self, client: Client, world: World, amount_rule: object, reviewer: m.User
    ) -> None:
        case = ready_case(world)
        url = f"/office/cases/{case.pk}/"
        client.force_login(world.handler)
        body = client.get(url).content.decode()
        assert 'data-review-required="yes"' in body
        assert 'data-review-state="required"' in body
        assert 'data-trigger="amount"' in body and "罚款二千元以上" in body
        assert f'href="/review/cases/{case.pk}/"' in body
        pass_legal_review(world, case, reviewer=reviewer)
        body = client.get(url).content.decode()
        assert 'data-review-current="yes"' in body
        assert 'data-review-state="approved"' in body

    def test_no_panel_when_nothing_fires(self, client: Client, world: World) -> None:
        case = ready_case(world)
        client.force_login(world.handler)
        body = client.get(f"/office/cases/{case.pk}/").content.decode()
        assert 'id="legal-review"' not in body

    def test_an_open_round_shows_its_state(
        self, client: Client, world: World, amount_rule: object
    ) -> None:
        case = ready_case(world)
        review = services.review_submit(
            case=case,
            materials=["proposed_decision", "investigation_report", "evidence", "legal_basis"],
            actor=world.handler,
        )
        assert review.status == ReviewStatus.SUBMITTED
        client.force_login(world.handler)
        body = client.get(f"/office/cases/{case.pk}/").content.decode()
        assert 'data-review-state="submitted"' in body


class TestProposal:
    def test_the_decision_proposed_before_any_draft_samr_proc_52(
        self, world: World, amount_rule: object, reviewer: m.User
    ) -> None:
        """After a statement the handling unit may propose less than notified (LAW-APL-45):
        the review approves that, and the draft proposing it is covered (LAW-APL-58)."""
        from sanxiang.cases.tests.factories import decide
        from sanxiang.review.triggers import Proposal

        case = ready_case(world)
        _refused(
            "review.proposal_invalid",
            lambda: services.review_submit(
                case=case,
                materials=MATERIALS,
                proposal=Proposal(outcome="bogus"),
                actor=world.handler,
            ),
        )
        lighter = Proposal(penalty_types=frozenset({"fine"}), fine_fen=250_000)
        review = services.review_submit(
            case=case, materials=MATERIALS, proposal=lighter, actor=world.handler
        )
        assert review.proposal["fine_fen"] == 250_000
        services.review_assign(review=review, reviewers=[reviewer], actor=reviewer)
        services.review_findings_record(review=review, findings=all_ok(), actor=reviewer)
        services.review_approve(review=review, opinion="同意。", actor=reviewer)
        _refused("review.stale", lambda: decide(world, case))  # 3000元 was not reviewed
        reject_pending(world, case)  # the head sends the 3000元 draft back
        assert decide(world, case, fine_fen=250_000).status == CaseStatus.DECIDED
