"""The hard gates of the legal review, registered by `ReviewConfig.ready()`: the decision
(LAW-APL-58), in place of the `cases` placeholder `legal_review_gate`; the filing, where the
agency reviews major cases before filing (GUO-14-04, the pilot practice)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from sanxiang.cases.guards import TransitionContext
from sanxiang.cases.refusals import refuse
from sanxiang.review.currency import latest_approved, review_covers
from sanxiang.review.models import ReviewStage
from sanxiang.review.triggers import Stage, case_triggers

__all__ = ["legal_review_approved", "legal_review_before_filing"]


def legal_review_approved(ctx: TransitionContext) -> None:
    """LAW-APL-58: "未经法制审核或者审核未通过的，不得作出决定" (also GUO-118-12, TJ-SUP-14).

    On `decide` (penalties) and on `act_decide` (the other act types: GUO-118-12 covers every
    major enforcement decision, e.g. a licensing decision the catalogue lists by act type):
    when any trigger of the agency's catalogue (or, for a penalty, the statutory floor of
    LAW-APL-58) fires, the decision needs an approved review that covers the case's current
    revision (`currency.review_covers`); an approval of an older revision is stale and refused
    as such.

    Registered `at_move_only` on `decide`: checked when the decision is made (the final
    approval performs the move), not when the drafted decision is submitted for approval; the
    review is of the proposed decision (拟作出的决定, SAMR-PROC-50), so the draft must be able
    to exist before it, and an outside-the-standard fine only becomes major when it is drafted.
    """
    fired = case_triggers(ctx.case)
    if not fired:
        return
    rule = "LAW-APL-58" if ctx.transition == "decide" else "GUO-118-12"
    reasons = [trigger.reason for trigger in fired]
    link = reverse("review:case", args=[ctx.case.pk])
    approved = latest_approved(ctx.case)
    if approved is None:
        refuse(
            _(
                "This decision needs legal review first: %(reasons)s Submit the case for legal "
                "review (legal review, %(rule)s)."
            )
            % {"reasons": " ".join(reasons), "rule": rule},
            code="review.required",
            rule=rule,
            field="legal_review",
            triggers=reasons,
            review_url=link,
        )
    if not review_covers(approved, ctx.case, ctx.decision()):
        refuse(
            _(
                "The legal review approved in round %(round)s covers version %(reviewed)s of the "
                "case, but the facts, parties or penalty have changed since (now version "
                "%(current)s): the approval is stale and the case must be reviewed again (legal "
                "review, %(rule)s)."
            )
            % {
                "round": approved.round,
                "reviewed": approved.case_revision,
                "current": ctx.case.revision,
                "rule": rule,
            },
            code="review.stale",
            rule=rule,
            field="legal_review",
            triggers=reasons,
            review_url=link,
            reviewed_revision=approved.case_revision,
            current_revision=ctx.case.revision,
        )


def legal_review_before_filing(ctx: TransitionContext) -> None:
    """GUO-14-04: where the agency reviews major cases before filing (its review policy, the
    environment bureau's practice in the pilot, or a `before_filing` catalogue row), a lead
    flagged major, complex, suspected crime or of major public interest is filed only after
    legal review approved it as it now stands (same revision).

    Registered `at_move_only`: checked at the final filing approval, the move itself; the
    review is of the lead as submitted for filing, so submitting the filing form cannot wait
    for it.
    """
    fired = case_triggers(ctx.case, stage=Stage.FILING)
    if not fired:
        return
    reasons = [trigger.reason for trigger in fired]
    approved = latest_approved(ctx.case, stage=ReviewStage.FILING)
    if approved is not None and approved.case_revision == ctx.case.revision:
        return
    refuse(
        _(
            "This lead needs legal review before it is filed: %(reasons)s Submit it for legal "
            "review (legal review before filing, GUO-14-04)."
        )
        % {"reasons": " ".join(reasons)},
        code="review.required_before_filing" if approved is None else "review.stale",
        rule="GUO-14-04",
        field="legal_review",
        triggers=reasons,
        review_url=reverse("review:case", args=[ctx.case.pk]),
    )
