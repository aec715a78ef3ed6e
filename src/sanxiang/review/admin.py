"""Admin for the review configuration: per-agency policy, reviewer qualifications and the
counsel pool (the catalogue itself is `registry.MajorDecisionRule`'s admin). Reviews are read
only here: they change through the services, which record events and ledger leaves."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sanxiang.review.models import (
    Counsel,
    LegalReview,
    ReviewerQualification,
    ReviewPolicy,
    SupervisorFiling,
)


@admin.register(ReviewPolicy)
class ReviewPolicyAdmin(admin.ModelAdmin[ReviewPolicy]):
    list_display = (
        "agency",
        "time_limit_days",
        "review_all_general_procedure",
        "review_before_filing",
        "filing_days",
        "supervising_office",
    )
    list_select_related = ("agency",)
    autocomplete_fields = ("agency",)


@admin.register(ReviewerQualification)
class ReviewerQualificationAdmin(admin.ModelAdmin[ReviewerQualification]):
    list_display = ("user", "certificate_number", "certificate_date", "reviewing_since")
    list_select_related = ("user",)
    search_fields = ("user__full_name", "user__username", "certificate_number")
    raw_id_fields = ("user",)


@admin.register(Counsel)
class CounselAdmin(admin.ModelAdmin[Counsel]):
    list_display = (
        "user",
        "kind",
        "organisation",
        "qualification_number",
        "max_open_reviews",
        "is_active",
    )
    list_filter = ("kind", "is_active")
    search_fields = ("user__full_name", "organisation", "qualification_number")
    filter_horizontal = ("agencies",)
    raw_id_fields = ("user",)


class _ReadOnly(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(LegalReview)
class LegalReviewAdmin(_ReadOnly):
    list_display = ("case", "round", "status", "submitted_on", "due_on", "concluded_on")
    list_filter = ("status",)
    list_select_related = ("case",)


@admin.register(SupervisorFiling)
class SupervisorFilingAdmin(_ReadOnly):
    list_display = ("case", "decided_on", "due_on", "filed_on", "reference")
    list_select_related = ("case",)
