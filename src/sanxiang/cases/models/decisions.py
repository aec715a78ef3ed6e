"""The decision (决定), collective deliberation (集体讨论) and other acts' results."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import ActResultKind, DecisionOutcome, NoPenaltyReason
from sanxiang.cases.models.base import RecordedByModel
from sanxiang.cases.models.cases import Case
from sanxiang.cases.models.notices import Hearing
from sanxiang.cases.rules import ProposedPenalty
from sanxiang.registry.models import DiscretionTier
from sanxiang.registry.models.discretion import validate_penalty_types


class Deliberation(RecordedByModel):
    """Collective deliberation by the agency heads (集体讨论, LAW-APL-57, SAMR-PROC-60).

    Required before deciding a penalty in a case flagged complex or major.
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="deliberations"
    )
    held_on = models.DateField(_("held on"))
    chaired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chaired by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    participants = models.JSONField(_("participants"), default=list)
    minutes = models.TextField(_("minutes"))
    conclusion = models.TextField(_("conclusion"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("collective deliberation")
        verbose_name_plural = _("collective deliberations")
        ordering = ("case_id", "held_on", "id")

    def __str__(self) -> str:
        return f"{self.case} · {self.held_on}"


class Decision(models.Model):
    """The decision on a penalty case (处理决定, LAW-APL-57, SAMR-PROC-60).

    Outcomes: penalty, no penalty with a reason code (LAW-APL-30/31/33), transfer to the
    judicial organs (LAW-APL-27), dismissed. Drafted by the handler, it takes effect when the
    decision approval is complete (`decided_on`, `decided_by`). Links the discretion tier
    applied (LAW-APL-34) with the reason for a fine outside its range, the mitigation reason
    for minors (LAW-APL-30), the hearing whose record it rests on (LAW-APL-65) and the
    deliberation (LAW-APL-57). For the simple procedure `form_number` is the number printed on
    the pre-numbered decision form (LAW-APL-52).
    """

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=DecisionOutcome.choices)
    no_penalty_reason = models.CharField(
        _("reason for no penalty"), max_length=32, choices=NoPenaltyReason.choices, blank=True
    )
    penalty_types = models.JSONField(
        _("penalty types"), default=list, blank=True, validators=[validate_penalty_types]
    )
    fine_fen = models.BigIntegerField(_("fine (fen)"), default=0)
    confiscation_fen = models.BigIntegerField(_("confiscation (fen)"), default=0)
    detention_days = models.PositiveSmallIntegerField(_("detention (days)"), default=0)
    other_penalty = models.CharField(_("other penalty"), max_length=255, blank=True)
    reasons = models.TextField(_("facts, reasons and basis"), blank=True)
    discretion_tier = models.ForeignKey(
        DiscretionTier,
        verbose_name=_("discretion tier"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    fine_basis_fen = models.BigIntegerField(
        _("fine basis amount (fen)"),
        null=True,
        blank=True,
        help_text=_("货值金额, 违法所得… when the tier's fine is a multiple of it."),
    )
    outside_range_reason = models.TextField(_("reason for leaving the tier's range"), blank=True)
    flag_for_legal_review = models.BooleanField(_("flagged for legal review"), default=False)
    mitigation_reason = models.TextField(_("mitigation reason"), blank=True)
    hearing = models.ForeignKey(
        Hearing,
        verbose_name=_("hearing"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    deliberation = models.ForeignKey(
        Deliberation,
        verbose_name=_("deliberation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    transfer_organ = models.CharField(_("receiving judicial organ"), max_length=128, blank=True)
    transfer_details = models.TextField(_("transfer details"), blank=True)
    form_number = models.CharField(_("pre-numbered form"), max_length=64, blank=True)
    revision = models.PositiveIntegerField(_("case revision"))
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    drafted_at = models.DateTimeField(_("drafted at"))
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(fine_fen__gte=0) & models.Q(confiscation_fen__gte=0),
                name="decision_amounts_not_negative",
            ),
        )

    def __str__(self) -> str:
        return f"{self.case} · {self.get_outcome_display()}"

    @property
    def is_made(self) -> bool:
        return self.decided_on is not None

    @property
    def amount_due_fen(self) -> int:
        """Money the party must pay under the decision: fine plus confiscated gains."""
        return self.fine_fen + self.confiscation_fen

    def penalty(self) -> ProposedPenalty:
        return ProposedPenalty(
            penalty_types=frozenset(self.penalty_types),
            fine_fen=self.fine_fen,
            confiscation_fen=self.confiscation_fen,
            detention_days=self.detention_days,
            other=self.other_penalty,
        )


class ActResult(models.Model):
    """The result of an inspection, licensing, levy or coercion case (执法结论, GUO-118-06a).

    Recorded so that the act can be published (执法机关、对象、类别、结论) and supervised.
    """

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="act_result"
    )
    result = models.CharField(_("result"), max_length=16, choices=ActResultKind.choices)
    text = models.TextField(_("decision or result"))
    amount_fen = models.BigIntegerField(_("amount (fen)"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("act result")
        verbose_name_plural = _("act results")

    def __str__(self) -> str:
        return f"{self.case} · {self.get_result_display()}"
