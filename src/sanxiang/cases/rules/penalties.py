"""Penalties proposed to the party and the ban on a heavier final penalty (LAW-APL-45).

LAW-APL-45: "行政机关不得因当事人陈述、申辩而给予更重的处罚". The penalty notified in the 告知书
(LAW-APL-44) is the ceiling of the final decision: it may be lighter or the same, never
heavier. Penalties are only partially ordered (a fine is not comparable with a licence
suspension), so "heavier" is checked item by item: a penalty type added, or a fine,
confiscation or detention raised. Anything else needs a new notice, not this check.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from django.utils.translation import gettext as _

from sanxiang.cases.rules.labels import field_label, penalty_type_labels
from sanxiang.core.errors import ApplicationError
from sanxiang.core.money import Fen, format_yuan_cn
from sanxiang.registry.models.choices import PenaltyType

__all__ = ["ProposedPenalty", "check_not_heavier", "require_known_penalty_types"]

# LAW-APL-9 lists its six groups from the mildest to the harshest: reputation (警告、通报批评),
# property (罚款、没收), qualification (暂扣、降级、吊销), conduct (限制经营、停产停业、关闭、
# 限制从业) and liberty (行政拘留). "其他" cannot be placed and ranks 0.
_GROUP_RANK: dict[str, int] = {
    PenaltyType.WARNING: 1,
    PenaltyType.PUBLIC_CRITICISM: 1,
    PenaltyType.FINE: 2,
    PenaltyType.CONFISCATE_GAINS: 2,
    PenaltyType.CONFISCATE_PROPERTY: 2,
    PenaltyType.SUSPEND_LICENCE: 3,
    PenaltyType.LOWER_QUALIFICATION: 3,
    PenaltyType.REVOKE_LICENCE: 3,
    PenaltyType.RESTRICT_OPERATIONS: 4,
    PenaltyType.SUSPEND_BUSINESS: 4,
    PenaltyType.ORDER_CLOSURE: 4,
    PenaltyType.RESTRICT_PRACTICE: 4,
    PenaltyType.DETENTION: 5,
    PenaltyType.OTHER: 0,
}


def require_known_penalty_types(penalty_types: Collection[str]) -> None:
    """Refuse codes that are not LAW-APL-9 penalty types (`rules.penalty_type.unknown`)."""
    unknown = sorted(code for code in penalty_types if code not in PenaltyType.values)
    if unknown:
        raise ApplicationError(
            _("Unknown penalty types: %(codes)s (penalty types, LAW-APL-9).")
            % {"codes": penalty_type_labels(unknown)},
            code="rules.penalty_type.unknown",
            extra={"field": "penalty_types", "rule": "LAW-APL-9", "codes": unknown},
        )


@dataclass(frozen=True, slots=True)
class ProposedPenalty:
    """A penalty as notified (告知) or decided: types (LAW-APL-9 codes) and amounts in fen.

    `other` describes a penalty of type "其他" or any part that the fields cannot express.
    Unknown types and negative amounts are refused on creation.
    """

    penalty_types: frozenset[str]
    fine_fen: Fen
    confiscation_fen: Fen
    detention_days: int = 0
    other: str = ""

    def __post_init__(self) -> None:
        require_known_penalty_types(self.penalty_types)
        for field, value in (
            ("fine_fen", self.fine_fen),
            ("confiscation_fen", self.confiscation_fen),
            ("detention_days", self.detention_days),
        ):
            if value < 0:
                raise ApplicationError(
                    _("%(field)s cannot be negative (%(value)s) (LAW-APL-45).")
                    % {"field": field_label(field), "value": value},
                    code="rules.penalty.negative",
                    extra={"field": field, "rule": "LAW-APL-45", "value": value},
                )

    @property
    def severity_key(self) -> tuple[int, int, int, Fen, Fen]:
        """A sort key, mildest first: harshest LAW-APL-9 group, number of types, detention
        days, fine, confiscation.

        For ordering lists and reports only. Penalties are not totally ordered, so
        `check_not_heavier` compares item by item and never uses this key.
        """
        harshest = max((_GROUP_RANK[code] for code in self.penalty_types), default=0)
        return (
            harshest,
            len(self.penalty_types),
            self.detention_days,
            self.fine_fen,
            self.confiscation_fen,
        )


def check_not_heavier(*, notified: ProposedPenalty, final: ProposedPenalty) -> None:
    """Refuse a final penalty heavier than the one notified (LAW-APL-45).

    Heavier means any of: a penalty type that was not notified; a fine, confiscation or
    detention above the notified one; an "other" penalty text that differs from the notified
    one (it cannot be compared, so it must be notified again). Lighter or equal passes. All
    findings are reported at once under `extra["fields"]` (code
    `rules.heavier_penalty.forbidden`, `extra["field"]` names the first).
    """
    fields: dict[str, list[str]] = {}
    added = sorted(final.penalty_types - notified.penalty_types)
    if added:
        # LAW-APL-45: a type the party was not told about.
        fields["penalty_types"] = [
            _("Penalty types %(types)s were not in the notice (LAW-APL-45).")
            % {"types": penalty_type_labels(added)}
        ]
    for field, final_fen, notified_fen in (
        ("fine_fen", final.fine_fen, notified.fine_fen),
        ("confiscation_fen", final.confiscation_fen, notified.confiscation_fen),
    ):
        if final_fen > notified_fen:
            # LAW-APL-45: an amount above the notified one.
            fields[field] = [
                _("%(field)s of %(final)s is more than the %(notified)s notified (LAW-APL-45).")
                % {
                    "field": field_label(field),
                    "final": format_yuan_cn(final_fen),
                    "notified": format_yuan_cn(notified_fen),
                }
            ]
    if final.detention_days > notified.detention_days:
        # LAW-APL-45: longer detention.
        fields["detention_days"] = [
            _(
                "Detention of %(final)s days is longer than the %(notified)s days notified "
                "(detention days, LAW-APL-45)."
            )
            % {"final": final.detention_days, "notified": notified.detention_days}
        ]
    if final.other.strip() and final.other.strip() != notified.other.strip():
        # LAW-APL-45: a changed "other" penalty cannot be shown to be lighter.
        fields["other"] = [
            _(
                "The other penalty differs from the one notified and cannot be compared; "
                "notify the party again (other, LAW-APL-45)."
            )
        ]
    if not fields:
        return
    first_field = next(iter(fields))
    raise ApplicationError(
        _(
            "The final penalty is heavier than the one notified to the party, which is not "
            "allowed after a statement or defence (%(field)s, LAW-APL-45): %(details)s"
        )
        % {
            "field": field_label(first_field),
            "details": " ".join(m for ms in fields.values() for m in ms),
        },
        code="rules.heavier_penalty.forbidden",
        extra={"field": first_field, "rule": "LAW-APL-45", "fields": fields},
    )
