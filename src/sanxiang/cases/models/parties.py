"""Who is in a case: the parties (当事人) and the officers (办案人员), and recusal (回避)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import PartyKind, RecusalApplicant, RecusalResult
from sanxiang.cases.models.base import RecordedByModel
from sanxiang.cases.models.cases import Case
from sanxiang.core.creditcode import validate_credit_code
from sanxiang.core.identity import validate_resident_id
from sanxiang.registry.models import Officer


class Party(models.Model):
    """A party (当事人) of a case: natural person, organisation or 个体工商户.

    A natural person is identified by a GB 11643 resident ID number (stored normalised; the
    birth date follows from it and drives LAW-APL-30) or, for a foreigner, another identity
    document with the birth date. An organisation has a GB 32100 credit code; a 个体工商户 has
    its credit code and, optionally, the operator's ID number. `capacity_limited` records that
    the person could not fully recognise or control the conduct (LAW-APL-31), which requires a
    mitigation reason like a minor of 14–17.
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="parties"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=PartyKind.choices)
    name = models.CharField(_("name"), max_length=128)
    id_number = models.CharField(
        _("resident ID number"),
        max_length=18,
        blank=True,
        db_index=True,
        validators=[validate_resident_id],
    )
    other_id_document = models.CharField(
        _("other identity document"),
        max_length=64,
        blank=True,
        help_text=_("Passport or permit number when there is no resident ID number."),
    )
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        blank=True,
        db_index=True,
        validators=[validate_credit_code],
    )
    legal_representative = models.CharField(_("legal representative"), max_length=64, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    capacity_limited = models.BooleanField(
        _("limited capacity"),
        default=False,
        help_text=_("Could not fully recognise or control the conduct (LAW-APL-31)."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ("case_id", "id")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.kind == PartyKind.NATURAL_PERSON:
            if self.credit_code:
                errors["credit_code"] = gettext("A natural person has no credit code.")
            if not self.id_number and not (self.other_id_document and self.birth_date):
                errors["id_number"] = gettext(
                    "Give the resident ID number, or another identity document and the birth date."
                )
        elif self.kind == PartyKind.ORGANISATION:
            if not self.credit_code:
                errors["credit_code"] = gettext("An organisation needs its credit code.")
            if self.id_number:
                errors["id_number"] = gettext(
                    "An organisation has no resident ID number; name the legal representative."
                )
        elif self.kind == PartyKind.INDIVIDUAL_BUSINESS and not self.credit_code:
            errors["credit_code"] = gettext("An individual business needs its credit code.")
        if errors:
            raise ValidationError(errors)

    @property
    def identifier(self) -> str:
        """The number that identifies the party across cases (GUO-118-09)."""
        return self.credit_code or self.id_number or self.other_id_document


class ElectronicDeliveryConsent(RecordedByModel):
    """A signed consent to electronic delivery (送达地址确认书, LAW-APL-61, SAMR-PROC-82).

    Documents may be delivered by SMS, fax, e-mail or instant message only to the address
    the party confirmed here, and only while the consent is not withdrawn.
    """

    party = models.ForeignKey(
        Party, verbose_name=_("party"), on_delete=models.CASCADE, related_name="delivery_consents"
    )
    signed_on = models.DateField(_("signed on"))
    channel = models.CharField(_("channel"), max_length=32, help_text=_("E-mail, SMS, fax…"))
    address = models.CharField(_("electronic address"), max_length=255)
    document_reference = models.CharField(_("consent form reference"), max_length=64, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)

    class Meta:
        verbose_name = _("electronic delivery consent")
        verbose_name_plural = _("electronic delivery consents")
        ordering = ("party_id", "-signed_on")

    def __str__(self) -> str:
        return f"{self.party} {self.channel} {self.address}"

    def is_valid_on(self, day: datetime.date) -> bool:
        """Signed on or before `day` and not withdrawn by then."""
        return self.signed_on <= day and (self.withdrawn_on is None or day < self.withdrawn_on)


class CaseOfficer(models.Model):
    """An officer handling the case (办案人员, 承办人): at least two with valid certificates on
    each act's date (LAW-APL-42, SAMR-PROC-19). `is_lead` marks the lead handler (主办).

    An officer who is recused (LAW-APL-43) is removed: `removed_on` is set and the officer no
    longer counts for LAW-APL-42 nor may approve as handler.
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="case_officers"
    )
    officer = models.ForeignKey(
        Officer,
        verbose_name=_("officer"),
        on_delete=models.PROTECT,
        related_name="case_assignments",
    )
    is_lead = models.BooleanField(_("lead handler"), default=False)
    assigned_on = models.DateField(_("assigned on"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    removed_on = models.DateField(_("removed on"), null=True, blank=True)
    removed_reason = models.CharField(_("reason for removal"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("case officer")
        verbose_name_plural = _("case officers")
        ordering = ("case_id", "-is_lead", "id")
        constraints = (
            models.UniqueConstraint(fields=["case", "officer"], name="case_officer_once"),
        )

    def __str__(self) -> str:
        return f"{self.case} · {self.officer}"

    @property
    def is_active(self) -> bool:
        return self.removed_on is None


class Recusal(models.Model):
    """A recusal (回避) of an officer from a case (LAW-APL-43, SAMR-PROC-4).

    Applied for by the party or the officer, or ordered by the agency; decided by the agency
    head ("由行政机关负责人决定"). "决定作出之前，不停止调查": nothing else in the case waits
    for it. When granted, the officer is removed from the case.
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="recusals"
    )
    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="recusals"
    )
    applicant = models.CharField(_("applicant"), max_length=16, choices=RecusalApplicant.choices)
    applicant_name = models.CharField(_("applicant name"), max_length=128, blank=True)
    reason = models.TextField(_("reason"))
    applied_on = models.DateField(_("applied on"))
    result = models.CharField(
        _("result"), max_length=16, choices=RecusalResult.choices, default=RecusalResult.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_reason = models.TextField(_("reasons for the decision"), blank=True)

    class Meta:
        verbose_name = _("recusal")
        verbose_name_plural = _("recusals")
        ordering = ("case_id", "applied_on", "id")

    def __str__(self) -> str:
        return f"{self.case} · {self.officer} · {self.get_result_display()}"
