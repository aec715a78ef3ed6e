"""Three-level approval (三级审批), time-limit extensions and clock pauses (SAMR-PROC-64)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import (
    ApprovalLevel,
    ApprovalResult,
    ApprovalStep,
    ExtensionKind,
    PauseReason,
)
from sanxiang.cases.models.cases import Case


class Approval(models.Model):
    """One level's approval (审批) of one step in one round.

    Levels: 1 承办人 (a case officer), 2 执法机构负责人 (head of the case's department),
    3 机关负责人 (agency head); which levels a step needs is `CasePolicy`. A submission opens a
    round; a rejection ends it, and resubmitting opens the next round. `revision` is the case
    revision that was submitted. Every decided row says who, when and with which opinion.
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="approvals"
    )
    step = models.CharField(_("step"), max_length=16, choices=ApprovalStep.choices)
    round = models.PositiveSmallIntegerField(_("round"))
    level = models.PositiveSmallIntegerField(_("level"), choices=ApprovalLevel.choices)
    revision = models.PositiveIntegerField(_("case revision"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    result = models.CharField(
        _("result"), max_length=16, choices=ApprovalResult.choices, default=ApprovalResult.PENDING
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approver"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="case_approvals",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    opinion = models.TextField(_("opinion"), blank=True)

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ("case_id", "step", "round", "level")
        constraints = (
            models.UniqueConstraint(
                fields=["case", "step", "round", "level"], name="approval_level_once_per_round"
            ),
        )
        indexes = (models.Index(fields=["result", "level"], name="approval_pending"),)

    def __str__(self) -> str:
        return f"{self.case} · {self.get_step_display()} #{self.round} L{self.level}"


class CaseExtension(models.Model):
    """An extension of a time limit (延期): deciding on a lead (SAMR-PROC-18, 15 working days,
    once) or deciding the case (LAW-APL-60, SAMR-PROC-64: 30 days with the head's approval).

    Takes effect when the extension approval round is approved; `basis` cites the rule.
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="extensions"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ExtensionKind.choices)
    days = models.PositiveSmallIntegerField(_("days"))
    reason = models.TextField(_("reason"))
    basis = models.CharField(_("legal basis"), max_length=255)
    status = models.CharField(
        _("status"), max_length=16, choices=ApprovalResult.choices, default=ApprovalResult.PENDING
    )
    approval_round = models.PositiveSmallIntegerField(_("approval round"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_on = models.DateField(_("requested on"))
    decided_on = models.DateField(_("decided on"), null=True, blank=True)

    class Meta:
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")
        ordering = ("case_id", "requested_on", "id")

    def __str__(self) -> str:
        return f"{self.case} +{self.days} ({self.get_status_display()})"


class ClockPause(models.Model):
    """A period not counted in the decision time limit (期间不计入, SAMR-PROC-64):
    suspension, hearing, public notice, testing, identification, ordered refund."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="clock_pauses"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=PauseReason.choices)
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("clock pause")
        verbose_name_plural = _("clock pauses")
        ordering = ("case_id", "started_on", "id")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="clock_pause_ends_after_start",
            ),
        )

    def __str__(self) -> str:
        return f"{self.case} · {self.get_reason_display()} {self.started_on}"

    def days_until(self, on: datetime.date) -> int:
        """Calendar days paused up to `on` (an open pause counts up to `on`)."""
        end = self.ended_on or on
        return max((min(end, on) - self.started_on).days, 0)
