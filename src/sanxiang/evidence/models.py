"""Evidence files (证据) and audio-video records (音像记录) of a case, and their custody.

Every file is kept in the private storage under a key the platform chooses; the hash taken
while it streamed in (SHA-256, and SM3 when enabled) is a ledger leaf (`evidence.file`), so an
altered or replaced file is found by `sanxiang ledger verify` and by the scheduled re-check.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models import (
    Case,
    Delivery,
    Hearing,
    InvestigationRecord,
    Preservation,
    Seizure,
)
from sanxiang.evidence.choices import ActKind, CustodyAction, EvidenceKind, IntegrityState
from sanxiang.ledger.commitments import new_salt
from sanxiang.registry.models import Officer, RecordingDevice


class ActLink(models.Model):
    """The enforcement act a record documents or excuses (GUO-118-08 matrix).

    `act_kind` says which act; the matching foreign key names it, except for `coercion`, which
    is the case itself (a coercion case: 强制拆除, 强制执行). At most one key is set.
    """

    act_kind = models.CharField(
        _("act recorded"), max_length=16, choices=ActKind.choices, blank=True
    )
    seizure = models.ForeignKey(
        Seizure,
        verbose_name=_("seizure"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    record = models.ForeignKey(
        InvestigationRecord,
        verbose_name=_("on-site record"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    preservation = models.ForeignKey(
        Preservation,
        verbose_name=_("preservation of evidence"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    hearing = models.ForeignKey(
        Hearing,
        verbose_name=_("hearing"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    delivery = models.ForeignKey(
        Delivery,
        verbose_name=_("delivery"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def act_id(self) -> int | None:
        """The primary key of the linked act (the case's for `coercion`)."""
        kind = self.act_kind
        if kind == ActKind.COERCION:
            return self.case_id  # type: ignore[attr-defined]
        return getattr(self, f"{_ACT_FIELD[kind]}_id", None) if kind else None


# The foreign key that names each kind of act.
_ACT_FIELD: dict[str, str] = {
    ActKind.SEIZURE: "seizure",
    ActKind.INSPECTION: "record",
    ActKind.PRESERVATION: "preservation",
    ActKind.HEARING: "hearing",
    ActKind.DELIVERY: "delivery",
}
ACT_FIELD = _ACT_FIELD


class EvidenceItem(ActLink):
    """One evidence file of a case (证据), LAW-APL-46 type, kept unaltered (执法全过程记录).

    The file facts (`sha256`, `sm3`, `size`, `storage_key`, capture metadata) never change
    after upload and form the ledger payload; `integrity` and `verified_at` record the last
    re-hash. LAW-APL-41: a file from a fixed monitoring device that has not passed review
    cannot be a basis of the decision (`is_decision_basis`).
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="evidence_items"
    )
    kind = models.CharField(_("evidence type"), max_length=24, choices=EvidenceKind.choices)
    captured_at = models.DateTimeField(_("captured at"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    device = models.ForeignKey(
        RecordingDevice,
        verbose_name=_("recording device"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evidence_items",
    )
    officers = models.ManyToManyField(
        Officer, verbose_name=_("capturing officers"), related_name="evidence_items", blank=True
    )
    description = models.TextField(_("description"), blank=True)
    file_name = models.CharField(_("original file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=64)
    size = models.BigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    sm3 = models.CharField(_("SM3"), max_length=64, blank=True)
    storage_key = models.CharField(_("storage key"), max_length=255, unique=True)
    thumbnail_key = models.CharField(_("thumbnail key"), max_length=255, blank=True)
    is_continuous = models.BooleanField(
        _("continuous recording"),
        default=False,
        help_text=_("The video covers the whole act without a break (全程音像记录)."),
    )
    is_decision_basis = models.BooleanField(_("basis of the decision"), default=False)
    integrity = models.CharField(
        _("integrity"),
        max_length=16,
        choices=IntegrityState.choices,
        default=IntegrityState.UNCHECKED,
    )
    verified_at = models.DateTimeField(_("last checked at"), null=True, blank=True)
    ledger_index = models.BigIntegerField(_("ledger index"), null=True, blank=True)
    # The salt of the ledger commitments to the capture metadata (place, GPS, description,
    # file name): the public log shows commitments, not what may identify a person or place.
    ledger_salt = models.CharField(
        _("ledger salt"), max_length=64, default=new_salt, editable=False
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence item")
        verbose_name_plural = _("evidence items")
        ordering = ("case_id", "captured_at", "id")
        indexes = (models.Index(fields=["integrity", "verified_at"], name="evidence_integrity"),)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.file_name}"

    @property
    def media_kind(self) -> str:
        """`image`, `video`, `audio` or `other`, from the detected content type."""
        major = self.content_type.split("/", 1)[0]
        return major if major in {"image", "video", "audio"} else "other"


class AvReason(ActLink):
    """Why an act was not recorded on video (音像记录缺失说明), GUO-118-08 tier (c) only."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="av_reasons"
    )
    reason = models.TextField(_("reason"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reason for no video")
        verbose_name_plural = _("reasons for no video")
        ordering = ("case_id", "recorded_at", "id")

    def __str__(self) -> str:
        return f"{self.get_act_kind_display()}: {self.reason[:40]}"


class UploadSession(models.Model):
    """A resumable upload in progress (tus 1.0): the bytes received so far sit in staging.

    `metadata` is the validated capture metadata sent when the upload was created; the
    evidence row is written only when the last byte arrives and the file checks out.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    metadata = models.JSONField(_("metadata"), default=dict)
    length = models.BigIntegerField(_("declared length"))
    content_type = models.CharField(_("detected content type"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("upload in progress")
        verbose_name_plural = _("uploads in progress")
        ordering = ("created_at",)

    def __str__(self) -> str:
        return str(self.id)


class CustodyLog(models.Model):
    """One touch of an evidence file (证据保管链): who, when, from where, what. Append-only."""

    item = models.ForeignKey(
        EvidenceItem,
        verbose_name=_("evidence item"),
        on_delete=models.PROTECT,
        related_name="custody",
    )
    action = models.CharField(_("action"), max_length=16, choices=CustodyAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("name"), max_length=128, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    remote_addr = models.GenericIPAddressField(_("remote address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=255, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        verbose_name = _("custody log entry")
        verbose_name_plural = _("custody log")
        ordering = ("item_id", "at", "id")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: object, **kwargs: object) -> None:
        # The custody chain is append-only: a row once written is never rewritten.
        if not self._state.adding:
            raise ValueError("Custody log entries cannot be changed")
        super().save(*args, **kwargs)  # type: ignore[arg-type]
