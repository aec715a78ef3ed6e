"""Admin of the holiday calendar (DESIGN decision 8): administrators enter the State Council's
holiday arrangements for years `chinese_calendar` does not cover, and mark the year maintained.
"""

from __future__ import annotations

from django.contrib import admin

from sanxiang.core.models import CalendarDay, CalendarYear


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ("date", "kind", "name")
    list_filter = ("kind",)
    search_fields = ("name", "note")
    date_hierarchy = "date"
    ordering = ("-date",)


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ("year", "note")
    search_fields = ("note",)
    ordering = ("-year",)
