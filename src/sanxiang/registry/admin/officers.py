"""Admin of officers, certificates and recording devices; the roster imports from Excel.

Certificate status and device reviews change through their services
(`certificate_set_status`, `device_record_review`), so the admin enforces the same rules
(TJ-SUP-24, LAW-APL-41) as every other entry point.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import admin, messages
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.core.errors import ApplicationError
from sanxiang.registry.admin.spreadsheets import SpreadsheetModelAdmin
from sanxiang.registry.models import Certificate, Officer, RecordingDevice, TrainingRecord
from sanxiang.registry.services import (
    certificate_set_status,
    device_record_review,
    officers_export,
    officers_import,
)
from sanxiang.registry.spreadsheets import officers as officer_sheet

_CERTIFICATE_STATUS_FIELDS = ("status", "status_reason")
_DEVICE_REVIEW_FIELDS = (
    "legal_review_passed_on",
    "technical_review_passed_on",
    "location",
    "location_published",
)


class CertificateInline(admin.TabularInline):
    """New certificates start valid; status changes go through the certificate admin."""

    model = Certificate
    extra = 0
    fields = ("number", "field", "issuing_authority", "issued_on", "expires_on", "status")
    readonly_fields = ("status",)
    show_change_link = True


class TrainingRecordInline(admin.TabularInline):
    model = TrainingRecord
    extra = 0
    fields = ("year", "hours")


@admin.register(Officer)
class OfficerAdmin(SpreadsheetModelAdmin):
    """Officers with their certificates and training; the roster also comes from Excel."""

    list_display = (
        "name",
        "agency",
        "department",
        "position",
        "has_legal_qualification",
        "is_active",
    )
    list_filter = ("is_active", "has_legal_qualification", "agency")
    search_fields = ("name", "id_number", "phone", "certificates__number")
    autocomplete_fields = ("agency", "department", "user")
    list_select_related = ("agency", "department")
    inlines = (CertificateInline, TrainingRecordInline)
    spreadsheet_import = staticmethod(officers_import)
    spreadsheet_export = staticmethod(officers_export)
    spreadsheet_file_name = officer_sheet.FILE_NAME
    spreadsheet_help = _(
        "Officers are matched by resident ID number and certificates by certificate number; "
        "an officer with several certificates takes one row per certificate."
    )


def _restore_initial(obj: Any, form: ModelForm[Any], names: tuple[str, ...]) -> dict[str, Any]:
    """Put back the stored values of `names`, returning what the form asked for instead."""
    wanted = {name: getattr(obj, name) for name in names}
    for name in names:
        setattr(obj, name, form.initial.get(name, getattr(obj, name)))
    return wanted


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = (
        "number",
        "officer",
        "agency",
        "field",
        "issued_on",
        "expires_on",
        "status",
        "status_today",
    )
    list_filter = ("status", "field", "officer__agency")
    search_fields = ("number", "officer__name", "field")
    autocomplete_fields = ("officer",)
    list_select_related = ("officer__agency",)
    readonly_fields = ("status_changed_at", "status_changed_by")
    date_hierarchy = "expires_on"

    @admin.display(description=_("agency"), ordering="officer__agency__name")
    def agency(self, obj: Certificate) -> str:
        return obj.officer.agency.name

    @admin.display(description=_("status today"))
    def status_today(self, obj: Certificate) -> str:
        return obj.status_on(timezone.localdate())

    def save_model(
        self, request: HttpRequest, obj: Certificate, form: ModelForm[Certificate], change: bool
    ) -> None:
        changed = change and bool(set(_CERTIFICATE_STATUS_FIELDS) & set(form.changed_data))
        wanted = _restore_initial(obj, form, _CERTIFICATE_STATUS_FIELDS) if changed else {}
        super().save_model(request, obj, form, change)
        if not changed:
            return
        try:
            certificate_set_status(
                certificate=obj,
                status=wanted["status"],
                reason=wanted["status_reason"],
                acting_user=request.user,  # type: ignore[arg-type]
            )
        except ApplicationError as error:
            messages.error(request, error.message)


@admin.register(RecordingDevice)
class RecordingDeviceAdmin(admin.ModelAdmin):
    list_display = (
        "serial_number",
        "device_type",
        "agency",
        "status",
        "holder",
        "location_published",
        "review_passed",
    )
    list_filter = ("device_type", "status", "location_published", "agency")
    search_fields = ("serial_number", "model_name", "location", "holder__name")
    autocomplete_fields = ("agency", "holder")
    list_select_related = ("agency", "holder")

    @admin.display(description=_("review passed (LAW-APL-41)"), boolean=True)
    def review_passed(self, obj: RecordingDevice) -> bool:
        return obj.review_passed

    def save_model(
        self,
        request: HttpRequest,
        obj: RecordingDevice,
        form: ModelForm[RecordingDevice],
        change: bool,
    ) -> None:
        changed = change and bool(set(_DEVICE_REVIEW_FIELDS) & set(form.changed_data))
        wanted = _restore_initial(obj, form, _DEVICE_REVIEW_FIELDS) if changed else {}
        super().save_model(request, obj, form, change)
        if not changed:
            return
        legal: datetime.date | None = wanted["legal_review_passed_on"]
        technical: datetime.date | None = wanted["technical_review_passed_on"]
        try:
            device_record_review(
                device=obj,
                legal_review_passed_on=legal,
                technical_review_passed_on=technical,
                location=wanted["location"],
                location_published=wanted["location_published"],
                acting_user=request.user,  # type: ignore[arg-type]
            )
        except ApplicationError as error:
            messages.error(request, error.message)
