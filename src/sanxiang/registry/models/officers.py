"""Enforcement officers (执法人员), their certificates (执法证) and yearly training."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.core.identity import validate_resident_id
from sanxiang.registry.models.choices import CertificateStatus
from sanxiang.registry.models.organisations import Agency, Department

# TJ-SUP-10: at least 40 hours of legal training per officer per year.
REQUIRED_TRAINING_HOURS_PER_YEAR = 40

# A computed status only: a certificate looked at before its issue date.
NOT_YET_VALID = "not_yet_valid"


class Officer(models.Model):
    """An enforcement officer (执法人员) of one agency.

    Name, certificate and field are public (GUO-118-04, GUO-118-23); the ID number and phone
    are private to the officer's own agency and the supervisor.
    """

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="officers"
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officers",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="officer",
    )
    name = models.CharField(_("name"), max_length=64, db_index=True)
    id_number = models.CharField(
        _("resident ID number"), max_length=18, unique=True, validators=[validate_resident_id]
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    position = models.CharField(_("position"), max_length=64, blank=True)
    has_legal_qualification = models.BooleanField(
        _("legal professional qualification"),
        default=False,
        help_text=_("Passed the national legal professional qualification exam (LAW-APL-58)."),
    )
    legal_qualification_number = models.CharField(
        _("legal qualification certificate number"), max_length=32, blank=True
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive officers no longer enforce and are hidden from other agencies."),
    )

    class Meta:
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        ordering = ("agency_id", "name")

    def __str__(self) -> str:
        return self.name


class Certificate(models.Model):
    """An enforcement certificate (行政执法证件), the officer's licence to act (LAW-APL-42)."""

    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="certificates"
    )
    number = models.CharField(_("certificate number"), max_length=32, unique=True)
    field = models.CharField(_("enforcement field"), max_length=64)
    issuing_authority = models.CharField(_("issuing authority"), max_length=128, blank=True)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=CertificateStatus.choices,
        default=CertificateStatus.VALID,
        help_text=_(
            "Suspended or revoked certificates stay so until changed; expiry follows the date."
        ),
    )
    status_reason = models.CharField(_("status reason"), max_length=255, blank=True)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("status changed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ("number",)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(expires_on__gt=models.F("issued_on")),
                name="certificate_expires_after_issue",
            ),
        )

    def __str__(self) -> str:
        return self.number

    def status_on(self, day: datetime.date) -> str:
        """The certificate's status on `day`: a withdrawal wins; otherwise the dates decide.

        A certificate is not valid before it was issued nor after it expires (LAW-APL-42
        requires a valid certificate on the date of each act).
        """
        if self.status in (CertificateStatus.SUSPENDED, CertificateStatus.REVOKED):
            return self.status
        if day > self.expires_on:
            return CertificateStatus.EXPIRED
        if day < self.issued_on:
            return NOT_YET_VALID
        return self.status

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.status_on(day) == CertificateStatus.VALID


class TrainingRecord(models.Model):
    """Hours of legal training an officer completed in a year (TJ-SUP-10: at least 40)."""

    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.CASCADE, related_name="training"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    hours = models.PositiveSmallIntegerField(_("hours"))

    class Meta:
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        ordering = ("-year",)
        constraints = (
            models.UniqueConstraint(fields=["officer", "year"], name="training_once_per_year"),
        )

    def __str__(self) -> str:
        return f"{self.officer} {self.year}: {self.hours}"

    @property
    def meets_requirement(self) -> bool:
        return self.hours >= REQUIRED_TRAINING_HOURS_PER_YEAR
