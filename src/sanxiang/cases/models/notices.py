"""Notice of the proposed penalty (告知), statement and defence (陈述申辩), hearing (听证)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import DeliveryMethod, HearingStatus, ReexaminationResult
from sanxiang.cases.models.base import RecordedByModel
from sanxiang.cases.models.cases import Case
from sanxiang.cases.rules import ProposedPenalty
from sanxiang.registry.models import Officer
from sanxiang.registry.models.discretion import validate_penalty_types


class PenaltyNotice(models.Model):
    """The notice of the proposed penalty (行政处罚告知书, LAW-APL-44, SAMR-PROC-57).

    States the proposed penalty, facts, reasons and basis, and the rights to a statement and
    defence and — when `hearing_right` (LAW-APL-63, computed against the agency's thresholds)
    — to a hearing. Once served, the statement window ends 5 working days later
    (SAMR-PROC-57) and a hearing must be asked for within 5 working days (LAW-APL-64(一)).
    A waiver recorded by the party (明确放弃, LAW-APL-62) ends the window early. The latest
    notice of a case (`is_current`) is the ceiling for the decision (LAW-APL-45).
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="notices"
    )
    penalty_types = models.JSONField(
        _("penalty types"), default=list, validators=[validate_penalty_types]
    )
    fine_fen = models.BigIntegerField(_("fine (fen)"), default=0)
    confiscation_fen = models.BigIntegerField(_("confiscation (fen)"), default=0)
    detention_days = models.PositiveSmallIntegerField(_("detention (days)"), default=0)
    other_penalty = models.CharField(_("other penalty"), max_length=255, blank=True)
    content = models.TextField(_("facts, reasons and basis"))
    hearing_right = models.BooleanField(_("hearing right"), default=False)
    hearing_reasons = models.JSONField(_("hearing right reasons"), default=list, blank=True)
    hearing_threshold_fen = models.BigIntegerField(_("hearing threshold applied (fen)"), default=0)
    revision = models.PositiveIntegerField(_("case revision"))
    is_current = models.BooleanField(_("current"), default=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    drafted_at = models.DateTimeField(_("drafted at"))
    served_on = models.DateField(_("served on"), null=True, blank=True)
    service_method = models.CharField(
        _("service method"), max_length=16, choices=DeliveryMethod.choices, blank=True
    )
    statement_window_end = models.DateField(_("statement window ends"), null=True, blank=True)
    hearing_request_due = models.DateField(_("hearing request due"), null=True, blank=True)
    waived_on = models.DateField(_("rights waived on"), null=True, blank=True)
    waiver_includes_hearing = models.BooleanField(_("hearing waived too"), default=False)
    waiver_note = models.TextField(_("waiver record"), blank=True)

    class Meta:
        verbose_name = _("penalty notice")
        verbose_name_plural = _("penalty notices")
        ordering = ("case_id", "id")
        constraints = (
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(is_current=True), name="one_current_notice"
            ),
            models.CheckConstraint(
                condition=models.Q(fine_fen__gte=0) & models.Q(confiscation_fen__gte=0),
                name="notice_amounts_not_negative",
            ),
        )

    def __str__(self) -> str:
        return f"{self.case} · {self.served_on or '-'}"

    def proposed_penalty(self) -> ProposedPenalty:
        return ProposedPenalty(
            penalty_types=frozenset(self.penalty_types),
            fine_fen=self.fine_fen,
            confiscation_fen=self.confiscation_fen,
            detention_days=self.detention_days,
            other=self.other_penalty,
        )


class Statement(RecordedByModel):
    """A statement or defence by the party (陈述申辩) and its re-examination (复核).

    LAW-APL-45: "对当事人提出的事实、理由和证据，应当进行复核" — every statement is
    re-examined before the decision, and the final penalty is never heavier because of it.
    SAMR-PROC-62: the decision states whether it was adopted and why.
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="statements"
    )
    notice = models.ForeignKey(
        PenaltyNotice,
        verbose_name=_("notice"),
        on_delete=models.CASCADE,
        related_name="statements",
    )
    received_on = models.DateField(_("received on"))
    oral = models.BooleanField(_("made orally"), default=False)
    content = models.TextField(_("content"))
    reexamined_on = models.DateField(_("re-examined on"), null=True, blank=True)
    reexamination_result = models.CharField(
        _("re-examination result"),
        max_length=16,
        choices=ReexaminationResult.choices,
        blank=True,
    )
    reexamination_note = models.TextField(_("re-examination reasons"), blank=True)
    reexamined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("re-examined by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ("case_id", "received_on", "id")

    def __str__(self) -> str:
        return f"{self.case} · {self.received_on}"


class Hearing(models.Model):
    """A hearing (听证, LAW-APL-64, SAMR-HEAR-7/11/18-22).

    Requested within 5 working days of the notice; presided by someone the agency designates
    who did not investigate the case; the hearing notice is served at least 7 working days
    before the hearing; the decision is made on the hearing record (LAW-APL-65). A party who
    stays away without good reason is deemed to waive it (LAW-APL-64(六)).
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="hearings"
    )
    notice = models.ForeignKey(
        PenaltyNotice,
        verbose_name=_("penalty notice"),
        on_delete=models.CASCADE,
        related_name="hearings",
    )
    requested_on = models.DateField(_("requested on"))
    oral_request = models.BooleanField(_("requested orally"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=HearingStatus.choices, default=HearingStatus.REQUESTED
    )
    presiding_officer = models.ForeignKey(
        Officer,
        verbose_name=_("presiding officer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presided_hearings",
    )
    hearing_notice_served_on = models.DateField(
        _("hearing notice served on"), null=True, blank=True
    )
    scheduled_on = models.DateField(_("scheduled on"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    is_public = models.BooleanField(_("public"), default=True)  # LAW-APL-64(三)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    party_attended = models.BooleanField(_("party attended"), null=True, blank=True)
    record = models.TextField(_("hearing record"), blank=True)  # 听证笔录
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        ordering = ("case_id", "requested_on", "id")

    def __str__(self) -> str:
        return f"{self.case} · {self.get_status_display()}"
