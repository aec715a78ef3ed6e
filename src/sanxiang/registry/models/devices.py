"""Audio-video recording devices (音像记录设备 / 执法记录仪)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.registry.models.officers import Officer
from sanxiang.registry.models.organisations import Agency


class DeviceType(models.TextChoices):
    BODY_CAMERA = "body_camera", _("Body-worn camera")  # 执法记录仪
    FIXED_MONITORING = "fixed_monitoring", _("Fixed monitoring device")  # 电子技术监控设备
    CAMERA = "camera", _("Camera")  # 照相机 / 摄像机
    AUDIO_RECORDER = "audio_recorder", _("Audio recorder")  # 录音设备
    MOBILE_TERMINAL = "mobile_terminal", _("Mobile enforcement terminal")  # 移动执法终端


class DeviceStatus(models.TextChoices):
    IN_SERVICE = "in_service", _("In service")
    UNDER_REPAIR = "under_repair", _("Under repair")
    RETIRED = "retired", _("Retired")
    LOST = "lost", _("Lost")


class RecordingDevice(models.Model):
    """A recording device held by an agency.

    LAW-APL-41: a fixed electronic monitoring device must pass legal and technical review and
    have its location published; its recordings cannot be penalty evidence otherwise.
    """

    agency = models.ForeignKey(
        Agency, verbose_name=_("holder agency"), on_delete=models.PROTECT, related_name="devices"
    )
    device_type = models.CharField(_("type"), max_length=32, choices=DeviceType.choices)
    serial_number = models.CharField(_("serial number"), max_length=64, unique=True)
    model_name = models.CharField(_("model"), max_length=64, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=DeviceStatus.choices, default=DeviceStatus.IN_SERVICE
    )
    holder = models.ForeignKey(
        Officer,
        verbose_name=_("holder officer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="devices",
    )
    location = models.CharField(_("installed location"), max_length=255, blank=True)
    legal_review_passed_on = models.DateField(_("legal review passed on"), null=True, blank=True)
    technical_review_passed_on = models.DateField(
        _("technical review passed on"), null=True, blank=True
    )
    location_published = models.BooleanField(_("location published"), default=False)

    class Meta:
        verbose_name = _("recording device")
        verbose_name_plural = _("recording devices")
        ordering = ("agency_id", "serial_number")
        constraints = (
            # LAW-APL-41: what is published is the location, so there must be one.
            models.CheckConstraint(
                condition=models.Q(location_published=False) | ~models.Q(location=""),
                name="device_published_location_given",
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_device_type_display()} {self.serial_number}"

    @property
    def needs_review(self) -> bool:
        return self.device_type == DeviceType.FIXED_MONITORING

    @property
    def review_passed(self) -> bool:
        """Whether its recordings may serve as penalty evidence (LAW-APL-41)."""
        if not self.needs_review:
            return True
        return bool(
            self.legal_review_passed_on
            and self.technical_review_passed_on
            and self.location_published
        )
