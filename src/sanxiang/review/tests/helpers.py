"""Walking a review through the services for tests."""

from __future__ import annotations

import datetime
from typing import Any

from sanxiang.cases.models import Case
from sanxiang.registry.models import User
from sanxiang.review import services
from sanxiang.review.models import LegalReview, ReviewMaterial
from sanxiang.review.tests.factories import all_ok

MATERIALS = [
    ReviewMaterial.PROPOSED_DECISION,
    ReviewMaterial.INVESTIGATION_REPORT,
    ReviewMaterial.EVIDENCE,
    ReviewMaterial.LEGAL_BASIS,
]


def submitted(case: Case, handler: User, *, on: datetime.date | None = None) -> LegalReview:
    return services.review_submit(case=case, materials=MATERIALS, actor=handler, on=on)


def approved(case: Case, handler: User, reviewer: User) -> LegalReview:
    review = submitted(case, handler)
    services.review_assign(review=review, reviewers=[reviewer], actor=reviewer)
    services.review_findings_record(review=review, findings=all_ok(), actor=reviewer)
    return services.review_approve(review=review, opinion="同意。", actor=reviewer)


def ready_case(world: Any, **values: Any) -> Case:
    """A notified case whose party waived the statement (LAW-APL-62): ready for decision."""
    from sanxiang.cases import services as svc
    from sanxiang.cases.tests.factories import BASE_DAY, notified_case

    case = notified_case(world, **values)
    svc.statement_waive(
        case=case, waived_on=BASE_DAY, note="当事人明确放弃陈述申辩。", actor=world.handler
    )
    case.refresh_from_db()
    return case
