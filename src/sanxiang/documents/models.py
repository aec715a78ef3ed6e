"""Enforcement documents (执法文书): per-agency settings, DOCX templates, documents, case files.

A `Document` is one document of a case (a 行政处罚决定书, a 询问笔录 of one record, a 送达回证 of
one delivery…). While a draft it holds only what the officer may edit (`edits`); issuing it
fixes everything: the number (文号, STD-9704-7.2.5), the signed PDF and the DOCX in private
storage, their SHA-256, the template version, the signer and the signing time — and logs it in
the tamper-evident ledger. An issued document never changes. `CaseFile` is the bound case file
(一案一卷, SAMR-PROC-78) produced at archiving.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models import Case
from sanxiang.registry.models import Agency


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")  # 草稿
    ISSUED = "issued", _("Issued")  # 已签发


class DocumentSettings(models.Model):
    """An agency's document settings (文书设置): number prefix, remedy bodies, seal, signing key.

    `number_prefix` is the 发文机关代字 (STD-9704-7.2.5); empty means the agency's short name.
    `number_codes` overrides the per-kind codes (e.g. {"decision": "罚"}). The reconsideration
    body is derived from the agency (LAW-ARL-24/27) unless set here; the court for a lawsuit
    must be set (LAW-APL-59(五)): a decision cannot be issued without it. The seal image is
    required on every decision (LAW-APL-59: "必须盖有……印章"). `signing_key_path` and
    `signing_cert_path` point to a real agency key and X.509 certificate (PEM); when empty the
    platform creates one under the var folder (`sanxiang documents keygen`).
    """

    agency = models.OneToOneField(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="document_settings",
    )
    number_prefix = models.CharField(
        _("document number prefix"),
        max_length=16,
        blank=True,
        help_text=_("发文机关代字, e.g. 津市监; empty: the agency's short name."),
    )
    number_codes = models.JSONField(
        _("document number codes"),
        default=dict,
        blank=True,
        help_text=_('Per document kind, e.g. {"decision": "罚"}; empty: the defaults.'),
    )
    reconsideration_body = models.CharField(
        _("reconsideration body"),
        max_length=128,
        blank=True,
        help_text=_("Empty: derived from the agency (LAW-ARL-24/27)."),
    )
    lawsuit_court = models.CharField(
        _("court for an administrative lawsuit"), max_length=128, blank=True
    )
    payment_instructions = models.CharField(
        _("how to pay a fine"),
        max_length=255,
        blank=True,
        help_text=_("Designated bank or electronic payment, printed on decisions (LAW-APL-67)."),
    )
    contact = models.CharField(_("contact person and phone"), max_length=128, blank=True)
    seal_image = models.CharField(
        _("seal image"),
        max_length=255,
        blank=True,
        help_text=_("PNG with a transparent background, printed over the agency's name."),
    )
    seal_sha256 = models.CharField(_("seal SHA-256"), max_length=64, blank=True)
    signing_key_path = models.CharField(_("signing key file (PEM)"), max_length=255, blank=True)
    signing_cert_path = models.CharField(
        _("signing certificate file (PEM)"), max_length=255, blank=True
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("document settings")
        verbose_name_plural = _("document settings")

    def __str__(self) -> str:
        return str(self.agency)


class DocumentTemplate(models.Model):
    """A DOCX template (docxtpl placeholders) an administrator uploaded for one agency and kind.

    Versions count from 1 per agency and kind; the newest active one is used. Version 0 is the
    platform's built-in template. Every issued document records the version it came from.
    """

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="doc_templates"
    )
    kind = models.CharField(_("document kind"), max_length=32)
    version = models.PositiveIntegerField(_("version"))
    file = models.CharField(_("DOCX file"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    placeholders = models.JSONField(_("placeholders used"), default=list)
    note = models.CharField(_("note"), max_length=255, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        ordering = ("agency_id", "kind", "-version")
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "kind", "version"], name="doc_template_version_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.agency} · {self.kind} v{self.version}"


class Document(models.Model):
    """One document of a case; see the module docstring.

    `source` names the record it is about when a case has several (an investigation record, a
    delivery, a hearing, a deliberation: "record:12"), empty otherwise. At most one document per
    case, kind and source; a number is unique within the agency.
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="documents"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(_("document kind"), max_length=32)
    source = models.CharField(_("source record"), max_length=64, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    edits = models.JSONField(_("edited fields"), default=dict, blank=True)
    number = models.CharField(_("document number"), max_length=64, blank=True)
    year = models.PositiveSmallIntegerField(_("number year"), null=True, blank=True)
    sequence = models.PositiveIntegerField(_("number sequence"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=128, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    pdf_path = models.CharField(_("PDF file"), max_length=255, blank=True)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)
    pdf_pages = models.PositiveIntegerField(_("PDF pages"), default=0)
    docx_path = models.CharField(_("DOCX file"), max_length=255, blank=True)
    docx_sha256 = models.CharField(_("DOCX SHA-256"), max_length=64, blank=True)
    template_version = models.PositiveIntegerField(_("template version"), default=0)
    template = models.ForeignKey(
        DocumentTemplate,
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    signer = models.CharField(_("signer"), max_length=255, blank=True)
    certificate_sha256 = models.CharField(_("certificate SHA-256"), max_length=64, blank=True)
    seal_sha256 = models.CharField(_("seal SHA-256"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ("case_id", "id")
        constraints = (
            models.UniqueConstraint(
                fields=["case", "kind", "source"], name="document_once_per_source"
            ),
            models.UniqueConstraint(
                fields=["agency", "number"],
                condition=~models.Q(number=""),
                name="document_number_unique_per_agency",
            ),
        )

    def __str__(self) -> str:
        return self.number or f"{self.kind} #{self.pk}"

    @property
    def is_issued(self) -> bool:
        return self.status == DocumentStatus.ISSUED


class CaseFile(models.Model):
    """The bound case file (一案一卷, SAMR-PROC-78): cover, table of contents, every issued
    document and the evidence list in one signed PDF with bookmarks. `entries` is the table of
    contents as built: [{"section", "title", "number", "first_page", "pages"}]."""

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="case_file"
    )
    pdf_path = models.CharField(_("PDF file"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    pages = models.PositiveIntegerField(_("pages"))
    entries = models.JSONField(_("table of contents"), default=list)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    signer = models.CharField(_("signer"), max_length=255, blank=True)
    built_at = models.DateTimeField(_("built at"))
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("built by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("case file")
        verbose_name_plural = _("case files")

    def __str__(self) -> str:
        return str(self.case)
