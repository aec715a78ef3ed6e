"""The major-decision catalogue (重大执法决定法制审核目录清单): which decisions need legal review.

This is the catalogue only; the review logic that evaluates it belongs to the legal-review app.
"""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from sanxiang.registry.models.choices import ActType, PartyScope, PenaltyType
from sanxiang.registry.models.organisations import Agency


class MajorDecisionTrigger(models.TextChoices):
    ACT_TYPE = "act_type", _("Act type")
    PENALTY_TYPE = "penalty_type", _("Penalty type")
    AMOUNT = "amount", _("Fine or confiscation amount at or above a threshold")
    HEARING_HELD = "hearing_held", _("Decided after a hearing")  # LAW-APL-58(二)
    PUBLIC_INTEREST = "public_interest", _("Major public interest")  # LAW-APL-58(一)
    COMPLEX = "complex", _("Complex case or multiple legal relations")  # LAW-APL-58(三)
    SUSPECTED_CRIME = "suspected_crime", _("Suspected crime")
    DISCRETION_OUTSIDE = "discretion_outside", _("Penalty outside the discretion standard range")
    ALL_GENERAL_PROCEDURE = "all_general_procedure", _("Every general-procedure decision")
    BEFORE_FILING = "before_filing", _("Review before filing")


class MajorDecisionRule(models.Model):
    """One entry of a major-decision catalogue.

    An empty `agency` makes the entry part of the platform default catalogue, which follows
    LAW-APL-58, GUO-118-12 and TJ-SUP-14; an agency's own entries add to it. For an `amount`
    entry an empty `amount_fen` means "the hearing threshold" of LAW-APL-63 (TJ-SUP-14).
    A name appears once per catalogue: once in the platform default, once per agency.
    """

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="major_decision_rules",
    )
    name = models.CharField(_("name"), max_length=255)
    trigger = models.CharField(_("trigger"), max_length=32, choices=MajorDecisionTrigger.choices)
    act_type = models.CharField(_("act type"), max_length=16, choices=ActType.choices, blank=True)
    penalty_type = models.CharField(
        _("penalty type"), max_length=32, choices=PenaltyType.choices, blank=True
    )
    party_scope = models.CharField(
        _("party"), max_length=16, choices=PartyScope.choices, default=PartyScope.ANY
    )
    amount_fen = models.BigIntegerField(_("amount threshold (fen)"), null=True, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("major-decision rule")
        verbose_name_plural = _("major-decision rules")
        ordering = ("agency_id", "trigger", "name")
        constraints = (
            # The platform default (no agency) counts as one catalogue. COALESCE instead of
            # `nulls_distinct=False`, which SQLite does not support (as for Provision).
            models.UniqueConstraint(
                Coalesce("agency", models.Value(0)),
                models.F("name"),
                name="major_rule_name_unique_per_agency",
                violation_error_message=_("The catalogue already has a rule with this name."),
            ),
            models.CheckConstraint(
                condition=~models.Q(trigger="act_type") | ~models.Q(act_type=""),
                name="major_rule_act_type_given",
            ),
            models.CheckConstraint(
                condition=~models.Q(trigger="penalty_type") | ~models.Q(penalty_type=""),
                name="major_rule_penalty_type_given",
            ),
            models.CheckConstraint(
                condition=models.Q(amount_fen__isnull=True) | models.Q(amount_fen__gt=0),
                name="major_rule_amount_positive",
            ),
        )

    def __str__(self) -> str:
        return self.name
