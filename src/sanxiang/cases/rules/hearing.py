"""The party's right to a hearing (听证权) — LAW-APL-63, SAMR-HEAR-5.

LAW-APL-63 gives the right for "(一)较大数额罚款；(二)没收较大数额违法所得、没收较大价值非法
财物；(三)降低资质等级、吊销许可证件；(四)责令停产停业、责令关闭、限制从业；(五)其他较重的
行政处罚；(六)法律、法规、规章规定的其他情形". The law does not say what 较大数额 is:

- SAMR-HEAR-5: "对自然人处以一万元以上、对法人或者其他组织处以十万元以上罚款", and
  confiscation "价值总额达到" the same amounts; provinces may set their own (TJ-THRESH: Tianjin's
  figures are unconfirmed). So the thresholds are a `HearingThresholds` value that the caller
  loads from configuration, never constants here.
- 以上 includes the number (CNT-SAMR-80/84): a fine of exactly 10,000元 to a natural person is
  heard.

Detention (行政拘留) is not on the LAW-APL-63 list. It is imposed under the 治安管理处罚法,
whose own hearing article (第九十八条 of the 2012 text: "吊销许可证以及处二千元以上罚款";
第一百一十七条 of the 2025 text: "吊销许可证件、处四千元以上罚款……或者采取责令停业整顿措施")
does not include detention either. Whether it is an "其他较重的行政处罚" under item (五) is
unsettled, so `HearingThresholds.detention_heard` makes it configuration, default False. Other
types that an agency treats as 其他较重 (for example 暂扣许可证件 or 限制开展生产经营活动, which
item (三)/(四) do not name) go in `other_heavy_types`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanxiang.cases.rules.labels import field_label
from sanxiang.cases.rules.parties import is_natural_person
from sanxiang.cases.rules.penalties import require_known_penalty_types
from sanxiang.core.errors import ApplicationError
from sanxiang.core.money import Fen
from sanxiang.registry.models.choices import PenaltyType

__all__ = ["HearingReason", "HearingRight", "HearingThresholds", "hearing_right_applies"]

# LAW-APL-63(三) and (四): always heard, whatever the amount.
_QUALIFICATION_TYPES = frozenset({PenaltyType.LOWER_QUALIFICATION, PenaltyType.REVOKE_LICENCE})
_BUSINESS_TYPES = frozenset(
    {PenaltyType.SUSPEND_BUSINESS, PenaltyType.ORDER_CLOSURE, PenaltyType.RESTRICT_PRACTICE}
)


class HearingReason(models.TextChoices):
    """Why a hearing right applies, one per item of LAW-APL-63 (stable codes)."""

    LARGE_FINE = "large_fine", gettext_lazy("Large fine")  # (一)较大数额罚款
    LARGE_CONFISCATION = (
        "large_confiscation",
        gettext_lazy("Confiscation of a large amount"),
    )  # (二)没收较大数额违法所得、较大价值非法财物
    QUALIFICATION = (
        "qualification",
        gettext_lazy("Lowering of qualification or revocation of licence"),
    )  # (三)降低资质等级、吊销许可证件
    BUSINESS = (
        "business",
        gettext_lazy("Suspension of business, closure or restriction of practice"),
    )  # (四)责令停产停业、责令关闭、限制从业
    DETENTION = "detention", gettext_lazy("Administrative detention")  # configured as (五)
    OTHER_HEAVY = "other_heavy", gettext_lazy("Other heavy penalty")  # (五)其他较重的行政处罚


@dataclass(frozen=True, slots=True)
class HearingThresholds:
    """The 较大数额 thresholds of one agency system and province (SAMR-HEAR-5, TJ-THRESH).

    Defaults are the SAMR values: 1万元 (1,000,000 fen) for natural persons and 10万元
    (10,000,000 fen) for legal persons and other organisations, for fines and for
    confiscations alike. A 个体工商户 uses the natural-person threshold unless
    `individual_business_as_natural_person` is False (民法典第五十四条). `detention_heard` and
    `other_heavy_types` configure LAW-APL-63(五) (see the module docstring).
    """

    natural_person_fen: Fen = 1_000_000
    organisation_fen: Fen = 10_000_000
    individual_business_as_natural_person: bool = True
    detention_heard: bool = False
    other_heavy_types: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for name, value in (
            ("natural_person_fen", self.natural_person_fen),
            ("organisation_fen", self.organisation_fen),
        ):
            if value <= 0:
                raise ApplicationError(
                    _("The hearing threshold %(field)s must be above zero (SAMR-HEAR-5).")
                    % {"field": field_label(name)},
                    code="rules.hearing.threshold_invalid",
                    extra={"field": name, "rule": "SAMR-HEAR-5", "value": value},
                )
        require_known_penalty_types(self.other_heavy_types)

    def threshold_for(self, party_kind: str) -> Fen:
        """The 较大数额 for a party of `party_kind` (refuses an unknown kind)."""
        natural = is_natural_person(
            party_kind,
            individual_business_as_natural_person=self.individual_business_as_natural_person,
        )
        return self.natural_person_fen if natural else self.organisation_fen


@dataclass(frozen=True, slots=True)
class HearingRight:
    """Whether the 告知书 must offer a hearing, why (`HearingReason` codes, in LAW-APL-63 item
    order) and the amount threshold that was applied."""

    applies: bool
    reasons: tuple[str, ...]
    threshold_fen: Fen = 0


def hearing_right_applies(
    *,
    penalty_types: Collection[str],
    fine_fen: Fen,
    confiscation_fen: Fen,
    party_kind: str,
    thresholds: HearingThresholds,
) -> HearingRight:
    """Whether the proposed penalty gives the party a right to a hearing (LAW-APL-63).

    Amounts count as given, whether or not the matching type is listed: in doubt the party
    keeps the right. `confiscation_fen` is the total value of confiscated gains and property
    (SAMR-HEAR-5: "价值总额"). Unknown penalty types and party kinds are refused.
    """
    require_known_penalty_types(penalty_types)
    threshold = thresholds.threshold_for(party_kind)
    types = frozenset(penalty_types)
    reasons: list[HearingReason] = []
    # LAW-APL-63(一) / SAMR-HEAR-5: 以上 includes the number (CNT-SAMR-80/84).
    if fine_fen >= threshold:
        reasons.append(HearingReason.LARGE_FINE)
    # LAW-APL-63(二) / SAMR-HEAR-5: confiscation totalling the same amount.
    if confiscation_fen >= threshold:
        reasons.append(HearingReason.LARGE_CONFISCATION)
    # LAW-APL-63(三)
    if types & _QUALIFICATION_TYPES:
        reasons.append(HearingReason.QUALIFICATION)
    # LAW-APL-63(四)
    if types & _BUSINESS_TYPES:
        reasons.append(HearingReason.BUSINESS)
    # LAW-APL-63(五): detention only where configured (see the module docstring).
    if thresholds.detention_heard and PenaltyType.DETENTION in types:
        reasons.append(HearingReason.DETENTION)
    # LAW-APL-63(五): other heavy penalties as the agency configures them.
    if types & thresholds.other_heavy_types:
        reasons.append(HearingReason.OTHER_HEAVY)
    return HearingRight(
        applies=bool(reasons),
        reasons=tuple(reason.value for reason in reasons),
        threshold_fen=threshold,
    )
