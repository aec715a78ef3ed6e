"""Admin of regions, agencies (also imported from Excel), departments and accounts."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.registry.admin.spreadsheets import SpreadsheetModelAdmin
from sanxiang.registry.models import Agency, Department, Region, User
from sanxiang.registry.services import agencies_export, agencies_import
from sanxiang.registry.spreadsheets import agencies as agency_sheet


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "parent", "is_current")
    list_filter = ("is_current",)
    search_fields = ("code", "name")
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0
    fields = ("name", "code", "is_legal_office")


@admin.register(Agency)
class AgencyAdmin(SpreadsheetModelAdmin):
    list_display = (
        "name",
        "short_name",
        "credit_code",
        "kind",
        "region",
        "supervising_body",
        "is_vertical",
        "is_active",
    )
    list_filter = ("kind", "is_active", "is_vertical", "region")
    search_fields = ("name", "short_name", "credit_code")
    autocomplete_fields = ("region", "parent", "supervising_body")
    list_select_related = ("region", "supervising_body")
    inlines = (DepartmentInline,)
    spreadsheet_import = staticmethod(agencies_import)
    spreadsheet_export = staticmethod(agencies_export)
    spreadsheet_file_name = agency_sheet.FILE_NAME
    spreadsheet_help = _(
        "Agencies are matched by credit code and departments by name within their agency; "
        "上级机关 and 监督机关 may name an agency further down the file."
    )
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # noqa: RUF012 - admin API
    fieldsets = (
        (None, {"fields": ("name", "short_name", "credit_code", "kind", "region", "is_active")}),
        (_("Hierarchy and supervision"), {"fields": ("parent", "supervising_body", "is_vertical")}),
        (_("Contact"), {"fields": ("address", "phone", "website")}),
    )


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "agency", "code", "is_legal_office")
    list_filter = ("is_legal_office", "agency")
    search_fields = ("name", "code", "agency__name")
    autocomplete_fields = ("agency",)
    list_select_related = ("agency",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Django's user admin plus the platform role, agency and department."""

    list_display = (
        "username",
        "full_name",
        "role",
        "agency",
        "department",
        "is_active",
        "is_staff",
    )
    list_filter = ("role", "is_active", "is_staff", "is_superuser", "agency")
    search_fields = ("username", "full_name", "email", "agency__name")
    autocomplete_fields = ("agency", "department")
    list_select_related = ("agency", "department")
    ordering = ("username",)
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("Platform role"), {"fields": ("full_name", "role", "agency", "department")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Platform role"), {"fields": ("full_name", "role", "agency", "department")}),
    )
