"""Admin of the case app: the event record read-only (append-only, STYLE 6) and the
per-agency case policy (approval levels, lead days, hearing thresholds)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sanxiang.cases.models import CaseEvent, CasePolicy


@admin.register(CaseEvent)
class CaseEventAdmin(admin.ModelAdmin):
    list_display = ("occurred_at", "case", "action", "actor_name", "request_id")
    list_filter = ("action",)
    search_fields = ("case__case_number", "case__title", "actor_name", "action")
    date_hierarchy = "occurred_at"
    list_select_related = ("case",)
    readonly_fields = ("case", "action", "actor", "actor_name", "occurred_at", "request_id", "data")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CasePolicy)
class CasePolicyAdmin(admin.ModelAdmin):
    list_display = (
        "agency",
        "filing_levels",
        "notice_levels",
        "decision_levels",
        "closing_levels",
        "approval_is_sequential",
        "lead_filing_days",
        "hearing_natural_person_fen",
        "hearing_organisation_fen",
    )
    list_select_related = ("agency",)
    search_fields = ("agency__name",)
    autocomplete_fields = ("agency",)
