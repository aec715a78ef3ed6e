"""The simple (on-the-spot) procedure and on-the-spot collection of fines.

- LAW-APL-51: "对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政
  处罚的，可以当场作出行政处罚决定" (SAMR-PROC-66 the same).
- LAW-APL-68: on-the-spot collection "(一)依法给予一百元以下罚款的；(二)不当场收缴事后难以
  执行的"; LAW-APL-69: in 边远、水上、交通不便地区 on the party's request.
- Versioned by date (LAW-APL-86): the 2021 law applies from 2021-07-15. Before that the old
  law's limits hold: 50元 / 1000元 for the simple procedure (OLD-APL-33) and 20元 for
  on-the-spot collection (OLD-APL-47). 以下 includes the number (CNT-SAMR-80/84).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from sanxiang.cases.rules.labels import penalty_type_labels
from sanxiang.cases.rules.parties import is_natural_person
from sanxiang.cases.rules.penalties import require_known_penalty_types
from sanxiang.cases.rules.versions import REVISED_PENALTY_LAW_EFFECTIVE
from sanxiang.core.errors import ApplicationError
from sanxiang.core.money import Fen, format_yuan_cn
from sanxiang.registry.models.choices import PenaltyType

__all__ = [
    "check_on_spot_collection",
    "check_simple_procedure",
    "on_spot_collection_limit_fen",
    "simple_procedure_fine_limit_fen",
]

# LAW-APL-51: the only penalty types the simple procedure may impose.
_SIMPLE_TYPES = frozenset({PenaltyType.WARNING, PenaltyType.FINE})


@dataclass(frozen=True, slots=True)
class _Limits:
    rule_simple: str
    natural_person_fen: Fen
    organisation_fen: Fen
    rule_collection: str
    collection_fen: Fen


# LAW-APL-51 / LAW-APL-68 from 2021-07-15; OLD-APL-33 / OLD-APL-47 before.
_CURRENT = _Limits("LAW-APL-51", 20_000, 300_000, "LAW-APL-68", 10_000)
_BEFORE_2021 = _Limits("OLD-APL-33", 5_000, 100_000, "OLD-APL-47", 2_000)


def _limits_on(decided_on: date) -> _Limits:
    # LAW-APL-86: the revised law governs decisions from its effective date.
    return _CURRENT if decided_on >= REVISED_PENALTY_LAW_EFFECTIVE else _BEFORE_2021


def simple_procedure_fine_limit_fen(party_kind: str, decided_on: date) -> Fen:
    """The largest fine the simple procedure allows for this party on `decided_on`.

    20,000 fen (200元) for a natural person or 个体工商户 and 300,000 fen (3000元) for an
    organisation (LAW-APL-51); 50元 / 1000元 before 2021-07-15 (OLD-APL-33).
    """
    limits = _limits_on(decided_on)
    if is_natural_person(party_kind):
        return limits.natural_person_fen
    return limits.organisation_fen


def check_simple_procedure(
    *, penalty_types: Collection[str], fine_fen: Fen, party_kind: str, decided_on: date
) -> None:
    """Refuse a penalty that the simple procedure cannot impose (LAW-APL-51, OLD-APL-33).

    Allowed: a warning and/or a fine up to the limit for the party
    (`simple_procedure_fine_limit_fen`). Refusals: no penalty type
    (`rules.simple_procedure.no_penalty_type`); any other type
    (`rules.simple_procedure.penalty_type_not_allowed`); a fine amount without the fine type
    (`rules.simple_procedure.fine_type_missing`); a fine above the limit
    (`rules.simple_procedure.amount_exceeded`).
    """
    require_known_penalty_types(penalty_types)
    limits = _limits_on(decided_on)
    rule = limits.rule_simple
    if not penalty_types:
        raise ApplicationError(
            _(
                "Choose the penalty of the simple procedure: a warning or a fine "
                "(penalty types, %(rule)s)."
            )
            % {"rule": rule},
            code="rules.simple_procedure.no_penalty_type",
            extra={"field": "penalty_types", "rule": rule},
        )
    others = sorted(set(penalty_types) - _SIMPLE_TYPES)
    if others:
        # LAW-APL-51: only 警告 or 罚款 on the spot.
        raise ApplicationError(
            _(
                "The simple procedure allows only a warning or a fine, not %(types)s "
                "(penalty types, %(rule)s)."
            )
            % {"types": penalty_type_labels(others), "rule": rule},
            code="rules.simple_procedure.penalty_type_not_allowed",
            extra={"field": "penalty_types", "rule": rule, "types": others},
        )
    if fine_fen < 0:
        raise ApplicationError(
            _("The fine cannot be negative (fine, %(rule)s).") % {"rule": rule},
            code="rules.simple_procedure.amount_negative",
            extra={"field": "fine_fen", "rule": rule, "fine_fen": fine_fen},
        )
    if fine_fen and PenaltyType.FINE not in penalty_types:
        raise ApplicationError(
            _(
                "A fine of %(amount)s is given but the penalty types do not include a fine "
                "(penalty types, %(rule)s)."
            )
            % {"amount": format_yuan_cn(fine_fen), "rule": rule},
            code="rules.simple_procedure.fine_type_missing",
            extra={"field": "penalty_types", "rule": rule, "fine_fen": fine_fen},
        )
    limit = simple_procedure_fine_limit_fen(party_kind, decided_on)
    if fine_fen > limit:
        # LAW-APL-51 / OLD-APL-33: 以下 includes the limit itself (CNT-SAMR-80/84).
        raise ApplicationError(
            _(
                "The fine of %(amount)s exceeds the %(limit)s limit of the simple procedure "
                "for this party (fine, %(rule)s)."
            )
            % {"amount": format_yuan_cn(fine_fen), "limit": format_yuan_cn(limit), "rule": rule},
            code="rules.simple_procedure.amount_exceeded",
            extra={
                "field": "fine_fen",
                "rule": rule,
                "fine_fen": fine_fen,
                "limit_fen": limit,
                "party_kind": party_kind,
            },
        )


def on_spot_collection_limit_fen(decided_on: date) -> Fen:
    """The fine that may be collected on the spot without a further ground: 100元
    (LAW-APL-68(一)); 20元 before 2021-07-15 (OLD-APL-47)."""
    return _limits_on(decided_on).collection_fen


def check_on_spot_collection(
    *, fine_fen: Fen, hard_to_enforce_later: bool, remote_area: bool, decided_on: date
) -> None:
    """Refuse collecting a fine on the spot without a legal ground (LAW-APL-68/69).

    Allowed when the fine is at most `on_spot_collection_limit_fen` (LAW-APL-68(一)), or when
    the officer recorded that it would be hard to enforce later (LAW-APL-68(二),
    `hard_to_enforce_later`), or in a remote, water-borne or poorly connected area on the
    party's request (LAW-APL-69, `remote_area`). Otherwise
    `rules.on_spot_collection.amount_exceeded`. The receipt (LAW-APL-69/70) is the caller's.
    """
    limits = _limits_on(decided_on)
    if fine_fen <= limits.collection_fen or hard_to_enforce_later or remote_area:
        return
    # LAW-APL-68 / OLD-APL-47: above the limit and no ground recorded.
    raise ApplicationError(
        _(
            "A fine of %(amount)s is above the %(limit)s that may be collected on the spot; "
            "record that it would be hard to enforce later or that the area is remote "
            "(fine, %(rule)s)."
        )
        % {
            "amount": format_yuan_cn(fine_fen),
            "limit": format_yuan_cn(limits.collection_fen),
            "rule": limits.rule_collection,
        },
        code="rules.on_spot_collection.amount_exceeded",
        extra={
            "field": "fine_fen",
            "rule": limits.rule_collection,
            "fine_fen": fine_fen,
            "limit_fen": limits.collection_fen,
        },
    )
