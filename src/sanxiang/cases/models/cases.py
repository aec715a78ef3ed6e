"""The case (案件) and the per-agency case-handling policy (办案规则配置)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import (
    ApprovalLevel,
    ApprovalStep,
    CaseStatus,
    DeclineReason,
    LeadSource,
    Procedure,
    Track,
)
from sanxiang.ledger.commitments import new_salt
from sanxiang.registry.models import (
    ActType,
    Agency,
    Department,
    DiscretionStandard,
    DiscretionTier,
    PowerItem,
    PowerItemBasis,
)

if TYPE_CHECKING:
    from sanxiang.cases.rules import HearingThresholds

# Defaults of the three-level approval (三级审批) when an agency has no `CasePolicy` row.
DEFAULT_APPROVAL_LEVELS: dict[str, list[int]] = {
    ApprovalStep.FILING: [1, 2, 3],
    ApprovalStep.NOTICE: [1, 2, 3],
    ApprovalStep.DECISION: [1, 2, 3],
    ApprovalStep.CLOSING: [1, 2],
    ApprovalStep.EXTENSION: [1, 2, 3],
}
# SAMR-PROC-18: 15 working days to decide whether to file a lead.
DEFAULT_LEAD_FILING_DAYS = 15
# SAMR-HEAR-5: 1万元 for natural persons, 10万元 for organisations (TJ-THRESH: configurable).
DEFAULT_HEARING_NATURAL_PERSON_FEN = 1_000_000
DEFAULT_HEARING_ORGANISATION_FEN = 10_000_000


def default_filing_levels() -> list[int]:
    return list(DEFAULT_APPROVAL_LEVELS[ApprovalStep.FILING])


def default_notice_levels() -> list[int]:
    return list(DEFAULT_APPROVAL_LEVELS[ApprovalStep.NOTICE])


def default_decision_levels() -> list[int]:
    return list(DEFAULT_APPROVAL_LEVELS[ApprovalStep.DECISION])


def default_closing_levels() -> list[int]:
    return list(DEFAULT_APPROVAL_LEVELS[ApprovalStep.CLOSING])


def default_extension_levels() -> list[int]:
    return list(DEFAULT_APPROVAL_LEVELS[ApprovalStep.EXTENSION])


class Case(models.Model):
    """A case (案件): one enforcement act recorded from its start to the archive.

    LAW-APL-47 (全过程记录): a penalty case starts as a lead (线索, SAMR-PROC-18) and is filed
    (立案) or declined (不予立案); the other act types (GUO-118-01: 行政检查、许可、征收、强制)
    use the same row with a lighter lifecycle. `status` is written only by
    `cases.workflow.case_transition`; `revision` grows whenever the facts, the parties or the
    penalty change, so that a review or approval of an older revision can be recognised as
    stale.
    """

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="cases"
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    act_type = models.CharField(
        _("act type"), max_length=16, choices=ActType.choices, default=ActType.PENALTY
    )
    procedure = models.CharField(
        _("procedure"), max_length=16, choices=Procedure.choices, default=Procedure.GENERAL
    )
    status = models.CharField(
        _("status"), max_length=32, choices=CaseStatus.choices, default=CaseStatus.LEAD
    )
    case_number = models.CharField(
        _("case number"), max_length=64, blank=True, help_text=_("Assigned at filing (案号).")
    )
    title = models.CharField(_("title"), max_length=255)
    facts = models.TextField(_("facts"), blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)

    # The lead (线索 / 案源), SAMR-PROC-18.
    lead_source = models.CharField(
        _("lead source"), max_length=16, choices=LeadSource.choices, blank=True
    )
    received_on = models.DateField(_("received on"), null=True, blank=True)
    reporter_name = models.CharField(_("reporter name"), max_length=64, blank=True)
    reporter_contact = models.CharField(_("reporter contact"), max_length=128, blank=True)
    lead_summary = models.TextField(_("lead summary"), blank=True)
    lead_extended = models.BooleanField(_("time to decide on filing extended"), default=False)
    decline_reason = models.CharField(
        _("reason not to file"), max_length=32, choices=DeclineReason.choices, blank=True
    )
    decline_note = models.TextField(_("explanation of not filing"), blank=True)

    # Filing (立案), SAMR-PROC-19.
    power_item = models.ForeignKey(
        PowerItem,
        verbose_name=_("power item"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    discretion_standard = models.ForeignKey(
        DiscretionStandard,
        verbose_name=_("discretion standard"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    discretion_tier = models.ForeignKey(
        DiscretionTier,
        verbose_name=_("discretion tier"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    violation_started_on = models.DateField(_("violation started on"), null=True, blank=True)
    violation_ended_on = models.DateField(
        _("violation ended on"),
        null=True,
        blank=True,
        help_text=_("For a continuing act: the day it ended (LAW-APL-36)."),
    )
    discovered_on = models.DateField(_("discovered on"), null=True, blank=True)
    five_year_limitation = models.BooleanField(
        _("five-year limitation"),
        default=False,
        help_text=_("Life, health or financial safety with harmful consequences (LAW-APL-36)."),
    )
    limitation_until = models.DateField(_("limitation period ends"), null=True, blank=True)
    limitation_override_basis = models.CharField(
        _("legal basis for a different limitation period"), max_length=255, blank=True
    )
    is_complex = models.BooleanField(_("complex case"), default=False)  # LAW-APL-57
    is_major = models.BooleanField(_("major violation"), default=False)  # LAW-APL-57
    suspected_crime = models.BooleanField(_("suspected crime"), default=False)  # LAW-APL-27
    filed_on = models.DateField(_("filed on"), null=True, blank=True)

    simple_filed_on = models.DateField(
        _("filed with the agency on"),
        null=True,
        blank=True,
        help_text=_("On-the-spot decisions are filed with the agency (SAMR-PROC-70)."),
    )
    closing_summary = models.TextField(_("closing summary"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    archived_on = models.DateField(_("archived on"), null=True, blank=True)

    # The case's reference in the system it came from (an agency's own case system pushing
    # cases, or the demo data set's key): lets a repeated import find the case again.
    external_ref = models.CharField(  # NULL for "none": several cases may lack one
        _("external reference"),
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        help_text=_("The case's key in the system it was taken from, if any."),
    )
    revision = models.PositiveIntegerField(_("revision"), default=1)
    # The salt of the ledger commitments to the case's fields (`cases.state` leaves).
    ledger_salt = models.CharField(
        _("ledger salt"), max_length=64, default=new_salt, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ("-created_at", "-id")
        indexes = (
            models.Index(fields=["agency", "status"], name="case_agency_status"),
            models.Index(fields=["department", "status"], name="case_department_status"),
        )
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "case_number"],
                condition=~models.Q(case_number=""),
                name="case_number_unique_per_agency",
            ),
            models.CheckConstraint(
                condition=models.Q(violation_ended_on__isnull=True)
                | models.Q(violation_started_on__isnull=True)
                | models.Q(violation_ended_on__gte=models.F("violation_started_on")),
                name="case_violation_dates_ordered",
            ),
        )

    def __str__(self) -> str:
        return self.case_number or self.title

    def clean(self) -> None:
        errors: dict[str, str] = {}
        department = self.department if self.department_id is not None else None
        if department is not None and department.agency_id != self.agency_id:
            errors["department"] = gettext("The department belongs to another agency.")
        if (
            self.violation_started_on
            and self.violation_ended_on
            and self.violation_ended_on < self.violation_started_on
        ):
            errors["violation_ended_on"] = gettext("The violation cannot end before it started.")
        if errors:
            raise ValidationError(errors)

    @property
    def track(self) -> Track:
        """The lifecycle this case follows (`cases.workflow`)."""
        if self.act_type != ActType.PENALTY:
            return Track.OTHER
        return Track.SIMPLE if self.procedure == Procedure.SIMPLE else Track.GENERAL

    def legal_basis(self) -> list[PowerItemBasis]:
        """The provisions of the chosen power item (违法依据, 处罚依据), which follow from it.

        Prefetch `power_item__basis_links__provision__law` to read this in a loop.
        """
        if self.power_item is None:
            return []
        return list(self.power_item.basis_links.all())


class CasePolicy(models.Model):
    """An agency's case-handling configuration (办案规则配置).

    Which approval levels each step needs (三级审批: 1 承办人, 2 执法机构负责人, 3 机关负责人),
    whether they approve in order, the days to decide on a lead (SAMR-PROC-18) and the
    较大数额 hearing thresholds (LAW-APL-63, SAMR-HEAR-5, TJ-THRESH). Optional: an agency
    without a row uses `CasePolicy.for_agency`'s defaults.
    """

    agency = models.OneToOneField(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="case_policy"
    )
    filing_levels = models.JSONField(
        _("filing approval levels"),
        default=default_filing_levels,
        blank=True,
        help_text=_("For example [1, 2, 3]; an empty list needs no approval."),
    )
    notice_levels = models.JSONField(
        _("notice approval levels"), default=default_notice_levels, blank=True
    )
    decision_levels = models.JSONField(
        _("decision approval levels"), default=default_decision_levels, blank=True
    )
    closing_levels = models.JSONField(
        _("closing approval levels"), default=default_closing_levels, blank=True
    )
    extension_levels = models.JSONField(
        _("extension approval levels"), default=default_extension_levels, blank=True
    )
    approval_is_sequential = models.BooleanField(_("approve level by level"), default=True)
    lead_filing_days = models.PositiveSmallIntegerField(
        _("working days to decide on a lead"), default=DEFAULT_LEAD_FILING_DAYS
    )
    hearing_natural_person_fen = models.BigIntegerField(
        _("hearing threshold for natural persons (fen)"),
        default=DEFAULT_HEARING_NATURAL_PERSON_FEN,
    )
    hearing_organisation_fen = models.BigIntegerField(
        _("hearing threshold for organisations (fen)"), default=DEFAULT_HEARING_ORGANISATION_FEN
    )

    class Meta:
        verbose_name = _("case policy")
        verbose_name_plural = _("case policies")

    def __str__(self) -> str:
        return str(self.agency)

    @classmethod
    def for_agency(cls, agency: Agency) -> CasePolicy:
        """The agency's policy, or an unsaved one holding the defaults."""
        try:
            return cls.objects.get(agency=agency)
        except cls.DoesNotExist:
            return cls.with_defaults(agency)

    @classmethod
    def with_defaults(cls, agency: Agency) -> CasePolicy:
        """An unsaved policy for `agency` with every default (the field defaults)."""
        return cls(agency=agency)

    def levels_for(self, step: str) -> list[int]:
        """The approval levels `step` needs, lowest first."""
        levels: list[int] = getattr(self, f"{ApprovalStep(step).value}_levels")
        return sorted(set(levels))

    def hearing_thresholds(self) -> HearingThresholds:
        from sanxiang.cases.rules import HearingThresholds

        return HearingThresholds(
            natural_person_fen=self.hearing_natural_person_fen,
            organisation_fen=self.hearing_organisation_fen,
        )

    def clean(self) -> None:
        errors: dict[str, str] = {}
        allowed = set(ApprovalLevel.values)
        for step in ApprovalStep.values:
            field = f"{step}_levels"
            value = getattr(self, field)
            if not isinstance(value, list) or not all(
                isinstance(level, int) and level in allowed for level in value
            ):
                errors[field] = gettext("Give the levels as a list of 1, 2 and 3.")
            elif len(set(value)) != len(value):
                errors[field] = gettext("A level is listed twice.")
        for field in ("hearing_natural_person_fen", "hearing_organisation_fen"):
            if getattr(self, field) <= 0:
                errors[field] = gettext("The threshold must be above zero (SAMR-HEAR-5).")
        if errors:
            raise ValidationError(errors)
