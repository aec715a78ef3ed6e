"""Who the party is: natural person or organisation, and age at the time of the act.

- Thresholds that the law sets "对公民" / "对自然人" apply to natural persons and, by default,
  to 个体工商户, which are natural persons doing registered business (民法典第五十四条).
- LAW-APL-30: "不满十四周岁的未成年人有违法行为的，不予行政处罚……已满十四周岁不满十八周岁的
  未成年人有违法行为的，应当从轻或者减轻行政处罚". Age is counted in completed years (周岁)
  on the day of the act, by the one implementation in `core.identity` (`ResidentId.age_on`).
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanxiang.cases.choices import PartyKind
from sanxiang.core.errors import ApplicationError
from sanxiang.core.identity import ResidentId, parse_resident_id

__all__ = ["AgeRule", "age_rule", "age_rule_for_id", "is_natural_person"]

# LAW-APL-30: the two ages that change the rule, in completed years (周岁).
_AGE_OF_PENALTY = 14
_AGE_OF_MAJORITY = 18


class AgeRule(models.TextChoices):
    """What LAW-APL-30 makes of the party's age on the day of the act."""

    ADULT = "adult", gettext_lazy("Adult")  # 已满十八周岁
    MITIGATION_REQUIRED = (
        "mitigation_required",
        gettext_lazy("Minor aged 14 to 17: mitigation required"),
    )  # 已满十四周岁不满十八周岁：应当从轻或者减轻
    NO_PENALTY = "no_penalty", gettext_lazy("Under 14: no penalty")  # 不满十四周岁：不予处罚


def is_natural_person(
    party_kind: str, *, individual_business_as_natural_person: bool = True
) -> bool:
    """Whether a party of `party_kind` gets the natural-person (公民) thresholds.

    A 个体工商户 does unless `individual_business_as_natural_person` is False (民法典第五十四条;
    a province may classify it otherwise). An unknown kind is refused
    (`rules.party_kind.unknown`) rather than guessed, since every threshold depends on it.
    """
    if party_kind == PartyKind.NATURAL_PERSON:
        return True
    if party_kind == PartyKind.INDIVIDUAL_BUSINESS:
        return individual_business_as_natural_person
    if party_kind == PartyKind.ORGANISATION:
        return False
    raise ApplicationError(
        _("%(kind)s is not a kind of party (party kind).") % {"kind": party_kind},
        code="rules.party_kind.unknown",
        extra={"field": "party_kind", "value": party_kind},
    )


def age_rule(*, birth_date: date, act_date: date) -> AgeRule:
    """The LAW-APL-30 rule for a person born on `birth_date` who acted on `act_date`.

    Completed years as `ResidentId.age_on` counts them: a year of age is complete only the day
    after the birthday ("周岁…从周岁生日的第二天起算", 法释〔2006〕1号 第二条). So someone who
    acts on the 14th birthday is still 13 (`no_penalty`) and is 14 from the next day
    (`mitigation_required`); on the 18th birthday the act is still a minor's. An act before
    the birth date is refused (`rules.age.act_before_birth`).
    """
    if act_date < birth_date:
        raise ApplicationError(
            _(
                "The act on %(act)s is before the party's birth on %(birth)s "
                "(date of the act, LAW-APL-30)."
            )
            % {"act": act_date.isoformat(), "birth": birth_date.isoformat()},
            code="rules.age.act_before_birth",
            extra={"field": "act_date", "rule": "LAW-APL-30"},
        )
    years = _completed_years(birth_date, act_date)
    # LAW-APL-30: under 14 no penalty; 14 to under 18 mitigation is mandatory.
    if years < _AGE_OF_PENALTY:
        return AgeRule.NO_PENALTY
    if years < _AGE_OF_MAJORITY:
        return AgeRule.MITIGATION_REQUIRED
    return AgeRule.ADULT


def age_rule_for_id(id_number: str, act_date: date) -> AgeRule:
    """`age_rule` for the birth date in a GB 11643 resident ID number (LAW-APL-30).

    The number is parsed by `parse_resident_id`, whose `resident_id.*` refusals pass through.
    """
    resident = parse_resident_id(id_number)
    return age_rule(birth_date=resident.birth_date, act_date=act_date)


def _completed_years(birth_date: date, on: date) -> int:
    # `ResidentId.age_on` is the project's one reading of 周岁 and looks only at the birth date,
    # so a ResidentId that carries nothing else reuses it without copying the arithmetic.
    return ResidentId(number="", region_code="", birth_date=birth_date, sex="male").age_on(on)
