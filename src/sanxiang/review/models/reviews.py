"""One round of legal review of a case, its reviewers, its checklist and the filing with the
supervising legal office."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models import Case
from sanxiang.ledger.commitments import new_salt
from sanxiang.review.models.choices import (
    EscalationResult,
    Finding,
    ReviewItem,
    ReviewStage,
    ReviewStatus,
)
from sanxiang.review.models.policy import Counsel


class LegalReview(models.Model):
    """One round of 法制审核 of a case (LAW-APL-58, GUO-118-13/14, SAMR-PROC-50–55).

    Submitted by the handling unit with its materials for the case's `case_revision`; assigned
    to qualified reviewers or counsel who never investigated the case; concluded `approved`
    (同意) or `returned` (存在问题) with a written opinion and a finding per checklist item.
    A returned round is corrected and resubmitted as the next `round` (`previous`). A handler
    who disagrees with a return escalates it to the agency head (GUO-118-14), whose word ends
    the round. An approval covers only the revision it reviewed (the `decide` gate).

    `proposal` is the decision reviewed (outcome, penalty types and amounts), `triggers` the
    catalogue rules that fired at submission, with their reasons. A `filing` round reviews a
    lead submitted for filing (GUO-14-04 pilot practice; the `file` gate) and has no proposal.
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="legal_reviews"
    )
    round = models.PositiveSmallIntegerField(_("round"))
    stage = models.CharField(
        _("stage"), max_length=16, choices=ReviewStage.choices, default=ReviewStage.DECISION
    )
    previous = models.OneToOneField(
        "self",
        verbose_name=_("previous round"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_round",
    )
    case_revision = models.PositiveIntegerField(_("case revision reviewed"))
    status = models.CharField(
        _("status"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.SUBMITTED
    )
    materials = models.JSONField(_("materials submitted"), default=list, blank=True)
    materials_note = models.TextField(_("submission note"), blank=True)
    proposal = models.JSONField(_("decision reviewed"), default=dict, blank=True)
    triggers = models.JSONField(_("triggers"), default=list, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_on = models.DateField(_("submitted on"))
    due_on = models.DateField(_("due on"))
    reminded_on = models.DateField(_("reminded on"), null=True, blank=True)
    overdue_marked_on = models.DateField(_("marked overdue on"), null=True, blank=True)
    opinion = models.TextField(_("review opinion"), blank=True)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("concluded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    escalation_reason = models.TextField(_("reason for escalation"), blank=True)
    escalated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("escalated by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    escalated_on = models.DateField(_("escalated on"), null=True, blank=True)
    escalation_result = models.CharField(
        _("agency head's decision"), max_length=16, choices=EscalationResult.choices, blank=True
    )
    escalation_opinion = models.TextField(_("agency head's opinion"), blank=True)
    escalation_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    escalation_decided_on = models.DateField(_("escalation decided on"), null=True, blank=True)
    # The salt of the ledger commitments to the round's texts (`review.opinion` leaves).
    ledger_salt = models.CharField(
        _("ledger salt"), max_length=64, default=new_salt, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("legal review")
        verbose_name_plural = _("legal reviews")
        ordering = ("-submitted_on", "-id")
        indexes = (models.Index(fields=["status", "due_on"], name="review_status_due"),)
        constraints = (
            models.UniqueConstraint(fields=["case", "round"], name="review_round_once"),
            # STYLE 5: at most one open review per case.
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status__in=["submitted", "assigned", "escalated"]),
                name="review_one_open_per_case",
            ),
        )

    def __str__(self) -> str:
        return f"{self.case} · {self.round}"

    @property
    def is_open(self) -> bool:
        return self.status in (
            ReviewStatus.SUBMITTED,
            ReviewStatus.ASSIGNED,
            ReviewStatus.ESCALATED,
        )


class ReviewAssignment(models.Model):
    """A reviewer of one round: an agency legal reviewer or a member of the counsel pool."""

    review = models.ForeignKey(
        LegalReview,
        verbose_name=_("legal review"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="review_assignments",
    )
    counsel = models.ForeignKey(
        Counsel,
        verbose_name=_("counsel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    assigned_on = models.DateField(_("assigned on"))

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ("review_id", "id")
        constraints = (
            models.UniqueConstraint(fields=["review", "reviewer"], name="review_reviewer_once"),
        )

    def __str__(self) -> str:
        return f"{self.review} · {self.reviewer}"


class ReviewFinding(models.Model):
    """The finding on one GUO-118-13 item of a round."""

    review = models.ForeignKey(
        LegalReview,
        verbose_name=_("legal review"),
        on_delete=models.CASCADE,
        related_name="findings",
    )
    item = models.CharField(_("item"), max_length=16, choices=ReviewItem.choices)
    finding = models.CharField(_("finding"), max_length=16, choices=Finding.choices)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("review finding")
        verbose_name_plural = _("review findings")
        ordering = ("review_id", "id")
        constraints = (models.UniqueConstraint(fields=["review", "item"], name="finding_once"),)

    def __str__(self) -> str:
        return f"{self.get_item_display()}: {self.get_finding_display()}"


class SupervisorFiling(models.Model):
    """A reviewed major decision filed with the supervising legal office (备案, TJ-SUP-14):
    "于行政执法决定作出后10日内，向本级人民政府法制机构备案"."""

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="supervisor_filing"
    )
    decided_on = models.DateField(_("decided on"))
    due_on = models.DateField(_("filing due on"))
    filed_on = models.DateField(_("filed on"), null=True, blank=True)
    office = models.CharField(_("filed with"), max_length=128, blank=True)
    reference = models.CharField(_("filing reference"), max_length=64, blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reminded_on = models.DateField(_("reminded on"), null=True, blank=True)
    overdue_marked_on = models.DateField(_("marked overdue on"), null=True, blank=True)

    class Meta:
        verbose_name = _("filing with the supervising office")
        verbose_name_plural = _("filings with the supervising office")
        ordering = ("due_on", "id")

    def __str__(self) -> str:
        return f"{self.case} · {self.due_on}"
