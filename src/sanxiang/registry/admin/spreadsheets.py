"""Import and download .xlsx files from the registry admins (power items, discretion
standards, officers, agencies).

The views add two URLs to a model admin (`<app>_<model>_import`, `<app>_<model>_export`). The
import calls the same service as every other entry point: all or nothing, and on any problem
the page lists every one (row, column, reason) and nothing is written. Only administrators
import; the export service decides what a user may download and may refuse (403).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.registry.access import AnyUser, is_administrator
from sanxiang.registry.forms import SpreadsheetUploadForm
from sanxiang.registry.models import User
from sanxiang.registry.spreadsheets import XLSX_CONTENT_TYPE, ImportReport

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

ImportService = Callable[..., ImportReport]
ExportService = Callable[..., bytes]


class SpreadsheetModelAdmin(admin.ModelAdmin):
    """A model admin with import and export views; set the three `spreadsheet_*` services and
    file name, and optionally a help text saying how rows are matched."""

    change_list_template = "admin/registry/change_list_spreadsheet.html"
    spreadsheet_import: ImportService
    spreadsheet_export: ExportService
    spreadsheet_file_name: str
    spreadsheet_help: StrOrPromise = ""  # lazily translated

    def get_urls(self) -> list[URLPattern]:
        info = (self.opts.app_label, self.opts.model_name)
        wrap = self.admin_site.admin_view
        return [
            path("import/", wrap(self.import_view), name="{}_{}_import".format(*info)),
            path("export/", wrap(self.export_view), name="{}_{}_export".format(*info)),
            *super().get_urls(),
        ]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not (self.has_change_permission(request) and is_administrator(request.user)):
            raise PermissionDenied
        opts = self.opts
        problems: list[dict[str, Any]] = []
        form = SpreadsheetUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload: IO[bytes] = form.cleaned_data["file"]
            user: User = request.user  # type: ignore[assignment]
            try:
                report = type(self).spreadsheet_import(file=upload, acting_user=user)
            except ApplicationError as error:
                messages.error(request, error.message)
                problems = list(error.extra.get("problems", []))
            else:
                messages.success(
                    request,
                    _("Imported: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.")
                    % report.as_dict(),
                )
                return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "title": _("Import %(name)s") % {"name": opts.verbose_name_plural},
            "form": form,
            "problems": problems,
            "help": self.spreadsheet_help,
            "export_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_export"),
        }
        return TemplateResponse(request, "admin/registry/spreadsheet_import.html", context)

    def export_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        user: AnyUser = request.user
        try:
            content = type(self).spreadsheet_export(user=user)
        except PermissionDeniedError:
            raise PermissionDenied from None
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.spreadsheet_file_name}"'
        return response
