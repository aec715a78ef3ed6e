"""Models of the legal review of major decisions (重大执法决定法制审核)."""

from sanxiang.review.models.choices import (
    CounselKind,
    EscalationResult,
    Finding,
    ReviewItem,
    ReviewMaterial,
    ReviewStage,
    ReviewStatus,
)
from sanxiang.review.models.policy import (
    Counsel,
    ReviewCaseFlags,
    ReviewerQualification,
    ReviewPolicy,
)
from sanxiang.review.models.reviews import (
    LegalReview,
    ReviewAssignment,
    ReviewFinding,
    SupervisorFiling,
)

__all__ = [
    "Counsel",
    "CounselKind",
    "EscalationResult",
    "Finding",
    "LegalReview",
    "ReviewAssignment",
    "ReviewCaseFlags",
    "ReviewFinding",
    "ReviewItem",
    "ReviewMaterial",
    "ReviewPolicy",
    "ReviewStage",
    "ReviewStatus",
    "ReviewerQualification",
    "SupervisorFiling",
]
