"""Demo data of the legal review: reviewer qualifications, the counsel pool, review policies,
and the reviews of the demo cases that pass legal review.

The case demo calls `demo_review_pass` where its cases go through legal review (and before
drafting a decision that the catalogue makes major), so that the decision gate (LAW-APL-58)
finds an approved review, as in real use. `load_demo` runs after the case demo and is
idempotent: it only fills in what is missing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from typing import TextIO

from django.db import transaction

from sanxiang.cases.choices import CaseStatus
from sanxiang.cases.models import Case, Decision
from sanxiang.registry.models import Agency, Officer, Role, User
from sanxiang.review.currency import latest_approved, review_covers
from sanxiang.review.models import (
    Counsel,
    CounselKind,
    Finding,
    LegalReview,
    ReviewerQualification,
    ReviewItem,
    ReviewMaterial,
    ReviewPolicy,
    ReviewStage,
    ReviewStatus,
)
from sanxiang.review.services import (
    assignment_candidates,
    review_approve,
    review_assign,
    review_findings_record,
    review_submit,
)
from sanxiang.review.triggers import (
    Proposal,
    Stage,
    case_facts,
    case_triggers,
    catalogue_rules,
    determine_triggers,
    policy_options,
)

__all__ = ["ReviewDemoSummary", "demo_review_pass", "load_demo", "review_if_required"]

_COUNSEL_USERNAME = "counsel"
_MATERIALS = [
    ReviewMaterial.PROPOSED_DECISION,
    ReviewMaterial.INVESTIGATION_REPORT,
    ReviewMaterial.EVIDENCE,
    ReviewMaterial.LEGAL_BASIS,
    ReviewMaterial.NOTICE,
    ReviewMaterial.STATEMENT,
]
_OPINION = (
    "经审核，执法主体合法，执法人员具备执法资格；程序合法；事实清楚，证据合法充分；适用法律准确，"
    "裁量适当；未超越法定权限；文书完备规范；不涉嫌犯罪。同意作出决定。"
)


@dataclass
class ReviewDemoSummary:
    qualifications: int = 0
    counsel: int = 0
    policies: int = 0
    reviews: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        counts = "，".join(f"{k} {v}" for k, v in sorted(self.reviews.items()))
        return (
            f"法制审核：审核人员资格 {self.qualifications} 条，法律顾问 {self.counsel} 名，"
            f"审核配置 {self.policies} 条；审核记录（{counts}）。"
        )


def _ensure_pool() -> None:
    """The demo reviewers' qualifications and the demo counsel serving every agency."""
    for user in User.objects.filter(role=Role.LEGAL_REVIEWER, review_qualification__isnull=True):
        officer = Officer.objects.filter(user=user).first()
        if officer is not None and officer.has_legal_qualification:
            ReviewerQualification.objects.create(
                user=user,
                certificate_number=officer.legal_qualification_number or "A2019120000001",
                certificate_date=datetime.date(2019, 12, 1),
                reviewing_since=datetime.date(2020, 3, 1),
            )
    counsel_user = User.objects.filter(username=_COUNSEL_USERNAME, role=Role.COUNSEL).first()
    if counsel_user is None:
        return
    member, _created = Counsel.objects.get_or_create(
        user=counsel_user,
        defaults={
            "kind": CounselKind.LAWYER,
            "organisation": "天津津法律师事务所",
            "qualification_number": "11201201010123456",
            "qualified_on": datetime.date(2012, 6, 1),
            "max_open_reviews": 50,
        },
    )
    missing = Agency.objects.filter(officers__isnull=False).exclude(counsel_pool=member).distinct()
    if missing.exists():
        member.agencies.add(*missing)


def demo_review_pass(
    *, case: Case, actor: User, on: datetime.date, outcome: str = ""
) -> LegalReview:
    """Submit `case` for legal review on `on` and approve it the same day, through the real
    services: the agency's qualified reviewer when one is free of conflict, else the demo
    counsel. Used by the case demo where its cases pass legal review."""
    with transaction.atomic():
        _ensure_pool()
        review = review_submit(
            case=case,
            materials=_MATERIALS,
            note="请予审核。",
            proposal=Proposal(outcome=outcome) if outcome else None,
            actor=actor,
            on=on,
        )
        candidate = next((c for c in assignment_candidates(review) if c.eligible), None)
        if candidate is None:
            raise ValueError(f"{case}: no reviewer free of conflict for the demo")
        assigner: User | None = (
            candidate.user if candidate.user.role == Role.LEGAL_REVIEWER else None
        )
        if assigner is None:
            assigner = User.objects.filter(
                agency_id=case.agency_id, role=Role.AGENCY_HEAD, is_active=True
            ).first()
        if assigner is None:
            raise ValueError(f"{case}: nobody may assign the demo review")
        review_assign(review=review, reviewers=[candidate.user], actor=assigner, on=on)
        review_findings_record(
            review=review,
            findings={item.value: (Finding.OK, "") for item in ReviewItem},
            actor=candidate.user,
        )
        return review_approve(review=review, opinion=_OPINION, actor=candidate.user, on=on)


def review_if_required(
    *, case: Case, actor: User, on: datetime.date, outcome: str = ""
) -> LegalReview | None:
    """Run `demo_review_pass` when the catalogue makes the coming decision major (and no
    approved review covers it yet)."""
    case.refresh_from_db()
    facts = case_facts(case)
    if facts.proposal is None and outcome:
        facts = replace(facts, proposal=Proposal(outcome=outcome))
    if not determine_triggers(facts, catalogue_rules(case.agency_id), policy_options(case)):
        return None
    latest = latest_approved(case)
    if latest is not None and review_covers(
        latest, case, Decision.objects.filter(case=case).first()
    ):
        return None
    return demo_review_pass(case=case, actor=actor, on=on, outcome=outcome)


def review_before_filing_if_required(
    *, case: Case, actor: User, on: datetime.date
) -> LegalReview | None:
    """Run `demo_review_pass` on a lead submitted for filing when the agency reviews major
    cases before filing and the lead is flagged major (GUO-14-04, the `file` gate)."""
    case.refresh_from_db()
    if case.status != CaseStatus.LEAD or not case_triggers(case, stage=Stage.FILING):
        return None
    if LegalReview.objects.filter(
        case=case,
        status=ReviewStatus.APPROVED,
        stage=ReviewStage.FILING,
        case_revision=case.revision,
    ).exists():
        return None
    return demo_review_pass(case=case, actor=actor, on=on)


def load_demo(*, stdout: TextIO | None = None) -> ReviewDemoSummary:
    """Idempotent: qualifications and the counsel pool, the review policies of two agencies
    (the environment bureau's review before filing, 滨海新区's review of every general-procedure
    decision, GUO-14-04) and a summary of the demo reviews."""
    summary = ReviewDemoSummary()
    with transaction.atomic():
        _ensure_pool()
        for name, values in (
            ("天津市生态环境局", {"review_before_filing": True}),
            ("天津市滨海新区人民政府", {"review_all_general_procedure": True}),
        ):
            agency = Agency.objects.filter(name=name).first()
            if agency is None:
                continue
            ReviewPolicy.objects.update_or_create(
                agency=agency, defaults={**values, "supervising_office": "天津市司法局"}
            )
    summary.qualifications = ReviewerQualification.objects.count()
    summary.counsel = Counsel.objects.count()
    summary.policies = ReviewPolicy.objects.count()
    for status in ReviewStatus:
        n = LegalReview.objects.filter(status=status).count()
        if n:
            summary.reviews[str(status.label)] = n
    if stdout is not None:
        stdout.write(summary.describe() + "\n")
    return summary
