"""Reasons required for a decision not to penalise (不予行政处罚) — LAW-APL-33.

"违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害后果轻微并及时改正
的，可以不予行政处罚。" "当事人有证据足以证明没有主观过错的，不予行政处罚。" With LAW-APL-30/31
(minors under 14, lack of capacity) and LAW-APL-57 (facts not established), these are the
`NoPenaltyReason` codes. 首违不罚 needs the party's history: `prior_penalties` is the number of
earlier penalties that count against a first offence, which the caller selects.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from sanxiang.cases.choices import DecisionOutcome, NoPenaltyReason
from sanxiang.core.errors import ApplicationError

__all__ = ["no_penalty_reason_required"]


def no_penalty_reason_required(
    outcome: str, reason_code: str, *, prior_penalties: int | None = None
) -> None:
    """Refuse a 不予处罚 outcome without a valid reason (LAW-APL-33).

    Only the `no_penalty` outcome is checked. Refusals: blank reason
    (`rules.no_penalty.reason_required`); not a `NoPenaltyReason` code
    (`rules.no_penalty.reason_unknown`); `first_offence` without the count of prior penalties
    (`rules.no_penalty.prior_penalties_unknown`) or with earlier penalties
    (`rules.no_penalty.not_first_offence`).
    """
    if outcome != DecisionOutcome.NO_PENALTY:
        return
    code = reason_code.strip()
    if not code:
        # LAW-APL-33: the reason is mandatory.
        raise ApplicationError(
            _("A decision not to penalise needs a reason (reason, LAW-APL-33)."),
            code="rules.no_penalty.reason_required",
            extra={"field": "reason_code", "rule": "LAW-APL-33"},
        )
    if code not in NoPenaltyReason.values:
        raise ApplicationError(
            _("%(code)s is not a reason for not penalising (reason, LAW-APL-33).") % {"code": code},
            code="rules.no_penalty.reason_unknown",
            extra={"field": "reason_code", "rule": "LAW-APL-33", "value": code},
        )
    if code != NoPenaltyReason.FIRST_OFFENCE:
        return
    if prior_penalties is None:
        raise ApplicationError(
            _(
                "A first offence can be accepted only once the party's earlier penalties have "
                "been counted (reason, LAW-APL-33)."
            ),
            code="rules.no_penalty.prior_penalties_unknown",
            extra={"field": "reason_code", "rule": "LAW-APL-33"},
        )
    if prior_penalties > 0:
        # LAW-APL-33: "初次违法" — no earlier penalty.
        raise ApplicationError(
            _(
                "This is not a first offence: the party has %(count)s earlier penalties "
                "(reason, LAW-APL-33)."
            )
            % {"count": prior_penalties},
            code="rules.no_penalty.not_first_offence",
            extra={
                "field": "reason_code",
                "rule": "LAW-APL-33",
                "prior_penalties": prior_penalties,
            },
        )
