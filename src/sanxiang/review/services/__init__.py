"""Every write of the review app (STYLE 2): `<entity>_<verb>`, keyword-only, atomic."""

from sanxiang.review.services.assignment import (
    assignment_candidates,
    conflict_reason,
    review_assign,
)
from sanxiang.review.services.conclusion import (
    review_approve,
    review_escalate,
    review_escalation_decide,
    review_findings_record,
    review_return,
)
from sanxiang.review.services.filing import (
    filing_record,
    filings_open_due,
    reviews_sweep,
)
from sanxiang.review.services.submission import (
    case_flags_set,
    review_submit,
    review_withdraw,
)

__all__ = [
    "assignment_candidates",
    "case_flags_set",
    "conflict_reason",
    "filing_record",
    "filings_open_due",
    "review_approve",
    "review_assign",
    "review_escalate",
    "review_escalation_decide",
    "review_findings_record",
    "review_return",
    "review_submit",
    "review_withdraw",
    "reviews_sweep",
]
