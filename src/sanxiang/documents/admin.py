"""Django admin for document settings (seal, remedy bodies, number prefix, certificates) and
DOCX templates. Uploads go through the services, so a bad template or seal is refused with the
same message as in the API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sanxiang.core.errors import ApplicationError
from sanxiang.documents import services
from sanxiang.documents.kinds import KINDS
from sanxiang.documents.models import CaseFile, Document, DocumentSettings, DocumentTemplate


class SettingsForm(forms.ModelForm):
    seal_upload = forms.FileField(
        label=_("New seal image"), required=False, help_text=_("PNG or JPEG (LAW-APL-59).")
    )

    class Meta:
        model = DocumentSettings
        fields = (
            "agency",
            "number_prefix",
            "number_codes",
            "reconsideration_body",
            "lawsuit_court",
            "payment_instructions",
            "contact",
            "signing_key_path",
            "signing_cert_path",
        )

    def clean_seal_upload(self) -> bytes | None:
        upload = self.cleaned_data.get("seal_upload")
        return upload.read() if upload else None


@admin.register(DocumentSettings)
class DocumentSettingsAdmin(admin.ModelAdmin):
    form = SettingsForm
    list_display = (
        "agency",
        "number_prefix",
        "reconsideration_body",
        "lawsuit_court",
        "seal_sha256",
    )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        data = form.cleaned_data.get("seal_upload")
        if data:
            try:
                services.seal_upload(agency=obj.agency, data=data, actor=request.user)  # type: ignore[arg-type]
            except ApplicationError as error:
                self.message_user(request, error.message, level="error")


class TemplateForm(forms.ModelForm):
    kind = forms.ChoiceField(choices=[(k.code, k.title) for k in KINDS.values()])
    upload = forms.FileField(label=_("DOCX file"))

    class Meta:
        model = DocumentTemplate
        fields = ("agency", "kind", "note", "is_active")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("upload")
        if upload is not None and cleaned.get("kind"):
            from sanxiang.documents.rendering.docx import template_problems

            data = upload.read()
            upload.seek(0)
            problems = template_problems(data, KINDS[cleaned["kind"]])
            if problems:
                self.add_error("upload", problems[0])
        return cleaned


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(admin.ModelAdmin):
    list_display = ("agency", "kind", "version", "is_active", "uploaded_at", "uploaded_by")
    list_filter = ("kind", "is_active")
    readonly_fields = ("version", "sha256", "placeholders", "uploaded_by", "uploaded_at", "file")

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        if obj is None:
            kwargs["form"] = TemplateForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ()
        return (*self.readonly_fields, "agency", "kind")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        upload = form.cleaned_data["upload"]
        upload.seek(0)
        saved = services.template_upload(
            agency=form.cleaned_data["agency"],
            kind_code=form.cleaned_data["kind"],
            data=upload.read(),
            actor=request.user,  # type: ignore[arg-type]
            note=form.cleaned_data.get("note", ""),
        )
        obj.pk = saved.pk
        obj.version = saved.version

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # issued documents name the version they came from


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("number", "kind", "case", "status", "issued_on", "template_version")
    list_filter = ("kind", "status")
    search_fields = ("number",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CaseFile)
class CaseFileAdmin(admin.ModelAdmin):
    list_display = ("case", "pages", "sha256", "built_at")
    search_fields = ("case__case_number",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
