"""Per-agency review configuration, the reviewers' qualifications and the counsel pool."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models import Case
from sanxiang.registry.models import Agency
from sanxiang.review.models.choices import CounselKind

# SAMR-PROC-55, GUO-118-14: ten working days unless the agency sets another time limit.
DEFAULT_TIME_LIMIT_DAYS = 10
# TJ-SUP-14: "于行政执法决定作出后10日内，向本级人民政府法制机构备案".
DEFAULT_FILING_DAYS = 10
DEFAULT_REMINDER_DAYS = 2
# LAW-APL-58 "初次从事……法制审核的人员" entered the law on 2021-07-15 (the revised Penalty Law).
QUALIFICATION_REQUIRED_FROM = datetime.date(2021, 7, 15)


class ReviewPolicy(models.Model):
    """An agency's review rules (GUO-118-14: "方式、时限、责任").

    The time limit in working days (default 10, SAMR-PROC-55); whether every general-procedure
    decision is reviewed (GUO-14-04) and whether major cases are reviewed before filing (the
    pilot option of GUO-14-04); the days within which a major decision is filed with the
    supervising legal office (备案, TJ-SUP-14: 10 days — calendar or working days is
    UNCONFIRMED, so `filing_in_working_days` configures it, default calendar days, the earlier
    and so the safer day). An agency without a row uses `ReviewPolicy.for_agency`'s defaults.
    """

    agency = models.OneToOneField(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="review_policy"
    )
    time_limit_days = models.PositiveSmallIntegerField(
        _("review time limit (working days)"), default=DEFAULT_TIME_LIMIT_DAYS
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("remind this many working days before the time limit"), default=DEFAULT_REMINDER_DAYS
    )
    review_all_general_procedure = models.BooleanField(
        _("review every general-procedure decision"),
        default=False,
        help_text=_("GUO-14-04: every decision outside the simple procedure."),
    )
    review_before_filing = models.BooleanField(
        _("review major cases before filing"),
        default=False,
        help_text=_("GUO-14-04 pilot practice."),
    )
    filing_days = models.PositiveSmallIntegerField(
        _("days to file a major decision with the supervising office"),
        default=DEFAULT_FILING_DAYS,
    )
    filing_in_working_days = models.BooleanField(_("filing days are working days"), default=False)
    supervising_office = models.CharField(
        _("supervising legal office"),
        max_length=128,
        blank=True,
        help_text=_("The government legal office major decisions are filed with (TJ-SUP-14)."),
    )

    class Meta:
        verbose_name = _("review policy")
        verbose_name_plural = _("review policies")

    def __str__(self) -> str:
        return str(self.agency)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.time_limit_days < 1:
            errors["time_limit_days"] = gettext("The time limit is at least one working day.")
        if self.filing_days < 1:
            errors["filing_days"] = gettext("The filing period is at least one day.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def for_agency(cls, agency: Agency) -> ReviewPolicy:
        """The agency's policy, or an unsaved one with the defaults."""
        try:
            return cls.objects.get(agency=agency)
        except cls.DoesNotExist:
            return cls(agency=agency)


class ReviewerQualification(models.Model):
    """A reviewer's 法律职业资格 (LAW-APL-58, SAMR-PROC-50).

    "初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格":
    who first reviews on or after 2021-07-15 needs the certificate number and date; who
    reviewed before may go on without (`reviewing_since`).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="review_qualification",
    )
    certificate_number = models.CharField(
        _("legal professional qualification certificate number"), max_length=32, blank=True
    )
    certificate_date = models.DateField(_("qualified on"), null=True, blank=True)
    reviewing_since = models.DateField(_("reviewing since"))
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("reviewer qualification")
        verbose_name_plural = _("reviewer qualifications")

    def __str__(self) -> str:
        return f"{self.user} {self.certificate_number}"

    def clean(self) -> None:
        if bool(self.certificate_number) != bool(self.certificate_date):
            raise ValidationError(
                {"certificate_date": gettext("Give the certificate number and its date together.")}
            )

    @property
    def is_first_time(self) -> bool:
        """First reviewing under the 2021 law (LAW-APL-58)."""
        return self.reviewing_since >= QUALIFICATION_REQUIRED_FROM

    @property
    def may_review(self) -> bool:
        """LAW-APL-58: a first-time reviewer holds the qualification."""
        return bool(self.certificate_number and self.certificate_date) or not self.is_first_time


class Counsel(models.Model):
    """A member of the external counsel pool (法律顾问、公职律师、专家, GUO-118-11).

    Serves the listed agencies; `max_open_reviews` caps the workload used for assignment.
    The account (role counsel) is how they sign in; they see only the reviews assigned to them.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        related_name="counsel_profile",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=CounselKind.choices)
    organisation = models.CharField(_("law firm or organisation"), max_length=128, blank=True)
    qualification_number = models.CharField(
        _("qualification or practising certificate number"), max_length=32
    )
    qualified_on = models.DateField(_("qualified on"))
    agencies = models.ManyToManyField(
        Agency, verbose_name=_("agencies served"), related_name="counsel_pool", blank=True
    )
    max_open_reviews = models.PositiveSmallIntegerField(_("open reviews at most"), default=5)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("counsel")
        verbose_name_plural = _("counsel pool")
        ordering = ("user__full_name", "id")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_kind_display()})"


class ReviewCaseFlags(models.Model):
    """What the catalogue needs to know about a case that the case record does not hold:
    whether it concerns a major public interest (LAW-APL-58(一), GUO-118-12), stated by the
    handling unit with its reason."""

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="review_flags"
    )
    public_interest = models.BooleanField(_("concerns a major public interest"), default=False)
    public_interest_reason = models.TextField(_("reason"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("review flags of a case")
        verbose_name_plural = _("review flags of cases")

    def __str__(self) -> str:
        return str(self.case)
