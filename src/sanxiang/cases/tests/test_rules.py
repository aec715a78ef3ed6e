"""Pure legal checks (cases/rules), grouped by rule id. None of these tests touch the database."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanxiang.cases.choices import DecisionOutcome, NoPenaltyReason, PartyKind
from sanxiang.cases.rules import (
    AgeRule,
    HearingReason,
    HearingThresholds,
    OfficerOnDuty,
    ProposedPenalty,
    age_rule,
    age_rule_for_id,
    check_discretion,
    check_limitation,
    check_not_heavier,
    check_officers_certified,
    check_on_spot_collection,
    check_simple_procedure,
    hearing_right_applies,
    no_penalty_reason_required,
)
from sanxiang.core.errors import ApplicationError
from sanxiang.core.identity import resident_id_check_digit
from sanxiang.registry.models import DiscretionTier
from sanxiang.registry.models.choices import FineBasis, PenaltyType

YUAN = 100  # fen
TODAY_LAW = date(2025, 6, 2)  # a decision date under the 2021 Penalty Law
OLD_LAW = date(2021, 7, 14)  # the last day of the 2017 text (LAW-APL-86)

NATURAL = PartyKind.NATURAL_PERSON
ORGANISATION = PartyKind.ORGANISATION
INDIVIDUAL = PartyKind.INDIVIDUAL_BUSINESS
FINE = PenaltyType.FINE
WARNING = PenaltyType.WARNING


def _refusal(call, *args, **kwargs) -> ApplicationError:
    with pytest.raises(ApplicationError) as caught:
        call(*args, **kwargs)
    return caught.value


# --- LAW-APL-51 / OLD-APL-33: the simple procedure -------------------------------------------


@pytest.mark.parametrize(
    ("party_kind", "yuan"),
    [(NATURAL, 200), (INDIVIDUAL, 200), (ORGANISATION, 3000), (NATURAL, 0), (ORGANISATION, 1)],
)
def test_simple_procedure_allows_fines_up_to_the_limit_law_apl_51(party_kind, yuan):
    check_simple_procedure(
        penalty_types={FINE}, fine_fen=yuan * YUAN, party_kind=party_kind, decided_on=TODAY_LAW
    )


@pytest.mark.parametrize(
    ("party_kind", "yuan", "limit"),
    [(NATURAL, 201, 200), (INDIVIDUAL, 201, 200), (ORGANISATION, 3001, 3000)],
)
def test_simple_procedure_refuses_fines_above_the_limit_law_apl_51(party_kind, yuan, limit):
    error = _refusal(
        check_simple_procedure,
        penalty_types={FINE},
        fine_fen=yuan * YUAN,
        party_kind=party_kind,
        decided_on=TODAY_LAW,
    )
    assert error.code == "rules.simple_procedure.amount_exceeded"
    assert error.extra["field"] == "fine_fen"
    assert error.extra["rule"] == "LAW-APL-51"
    assert error.extra["limit_fen"] == limit * YUAN
    assert f"{yuan}元" in error.message
    assert f"{limit}元" in error.message
    assert "LAW-APL-51" in error.message


def test_one_fen_over_the_limit_is_refused_law_apl_51():
    error = _refusal(
        check_simple_procedure,
        penalty_types={FINE},
        fine_fen=200 * YUAN + 1,
        party_kind=NATURAL,
        decided_on=TODAY_LAW,
    )
    assert error.code == "rules.simple_procedure.amount_exceeded"


@pytest.mark.parametrize(
    ("party_kind", "ok_yuan", "refused_yuan"), [(NATURAL, 50, 51), (ORGANISATION, 1000, 1001)]
)
def test_before_2021_07_15_the_old_limits_apply_old_apl_33(party_kind, ok_yuan, refused_yuan):
    check_simple_procedure(
        penalty_types={FINE}, fine_fen=ok_yuan * YUAN, party_kind=party_kind, decided_on=OLD_LAW
    )
    error = _refusal(
        check_simple_procedure,
        penalty_types={FINE},
        fine_fen=refused_yuan * YUAN,
        party_kind=party_kind,
        decided_on=OLD_LAW,
    )
    assert error.extra["rule"] == "OLD-APL-33"
    assert "OLD-APL-33" in error.message


def test_the_2021_limits_apply_from_the_effective_date_law_apl_86():
    check_simple_procedure(
        penalty_types={FINE},
        fine_fen=200 * YUAN,
        party_kind=NATURAL,
        decided_on=date(2021, 7, 15),
    )


@pytest.mark.parametrize("types", [{WARNING}, {WARNING, FINE}])
def test_simple_procedure_allows_a_warning_law_apl_51(types):
    check_simple_procedure(
        penalty_types=types, fine_fen=0, party_kind=ORGANISATION, decided_on=TODAY_LAW
    )


@pytest.mark.parametrize(
    "other", [PenaltyType.SUSPEND_LICENCE, PenaltyType.CONFISCATE_GAINS, PenaltyType.DETENTION]
)
def test_simple_procedure_refuses_other_penalty_types_law_apl_51(other):
    error = _refusal(
        check_simple_procedure,
        penalty_types={FINE, other},
        fine_fen=100 * YUAN,
        party_kind=NATURAL,
        decided_on=TODAY_LAW,
    )
    assert error.code == "rules.simple_procedure.penalty_type_not_allowed"
    assert error.extra["field"] == "penalty_types"
    assert error.extra["types"] == [other]


def test_simple_procedure_needs_a_penalty_and_consistent_amounts_law_apl_51():
    no_type = _refusal(
        check_simple_procedure,
        penalty_types=set(),
        fine_fen=0,
        party_kind=NATURAL,
        decided_on=TODAY_LAW,
    )
    assert no_type.code == "rules.simple_procedure.no_penalty_type"
    missing = _refusal(
        check_simple_procedure,
        penalty_types={WARNING},
        fine_fen=50 * YUAN,
        party_kind=NATURAL,
        decided_on=TODAY_LAW,
    )
    assert missing.code == "rules.simple_procedure.fine_type_missing"


def test_unknown_codes_are_refused_not_guessed():
    assert (
        _refusal(
            check_simple_procedure,
            penalty_types={"flogging"},
            fine_fen=0,
            party_kind=NATURAL,
            decided_on=TODAY_LAW,
        ).code
        == "rules.penalty_type.unknown"
    )
    assert (
        _refusal(
            check_simple_procedure,
            penalty_types={FINE},
            fine_fen=0,
            party_kind="robot",
            decided_on=TODAY_LAW,
        ).code
        == "rules.party_kind.unknown"
    )


# --- LAW-APL-68/69 / OLD-APL-47: collecting the fine on the spot ------------------------------


def _collect(yuan, *, decided_on=TODAY_LAW, hard=False, remote=False):
    check_on_spot_collection(
        fine_fen=yuan * YUAN, hard_to_enforce_later=hard, remote_area=remote, decided_on=decided_on
    )


def test_on_spot_collection_up_to_100_yuan_law_apl_68():
    _collect(100)
    error = _refusal(_collect, 101)
    assert error.code == "rules.on_spot_collection.amount_exceeded"
    assert error.extra == {
        "field": "fine_fen",
        "rule": "LAW-APL-68",
        "fine_fen": 101 * YUAN,
        "limit_fen": 100 * YUAN,
    }


def test_on_spot_collection_with_a_recorded_ground_law_apl_68_69():
    _collect(3000, hard=True)  # LAW-APL-68(二)
    _collect(3000, remote=True)  # LAW-APL-69


def test_on_spot_collection_before_2021_was_20_yuan_old_apl_47():
    _collect(20, decided_on=OLD_LAW)
    assert _refusal(_collect, 21, decided_on=OLD_LAW).extra["rule"] == "OLD-APL-47"


# --- LAW-APL-63 / SAMR-HEAR-5: the hearing right ----------------------------------------------

SAMR = HearingThresholds()


def _hearing(types=frozenset({FINE}), *, fine=0, confiscation=0, kind=NATURAL, thresholds=SAMR):
    return hearing_right_applies(
        penalty_types=types,
        fine_fen=fine,
        confiscation_fen=confiscation,
        party_kind=kind,
        thresholds=thresholds,
    )


@pytest.mark.parametrize(
    ("kind", "yuan", "applies"),
    [
        (NATURAL, 9_999, False),
        (NATURAL, 10_000, True),  # 以上 includes the number (CNT-SAMR-80/84)
        (INDIVIDUAL, 9_999, False),  # 民法典第五十四条: natural-person threshold
        (INDIVIDUAL, 10_000, True),
        (ORGANISATION, 10_000, False),
        (ORGANISATION, 99_999, False),
        (ORGANISATION, 100_000, True),
    ],
)
def test_large_fine_threshold_samr_hear_5_law_apl_63(kind, yuan, applies):
    right = _hearing(fine=yuan * YUAN, kind=kind)
    assert right.applies is applies
    assert right.reasons == ((HearingReason.LARGE_FINE.value,) if applies else ())


def test_large_confiscation_uses_the_same_threshold_law_apl_63():
    types = frozenset({PenaltyType.CONFISCATE_GAINS})
    assert not _hearing(types, confiscation=9_999 * YUAN).applies
    right = _hearing(types, confiscation=10_000 * YUAN)
    assert right.reasons == ("large_confiscation",)
    assert right.threshold_fen == 10_000 * YUAN


@pytest.mark.parametrize(
    ("penalty_type", "reason"),
    [
        (PenaltyType.LOWER_QUALIFICATION, "qualification"),
        (PenaltyType.REVOKE_LICENCE, "qualification"),
        (PenaltyType.SUSPEND_BUSINESS, "business"),
        (PenaltyType.ORDER_CLOSURE, "business"),
        (PenaltyType.RESTRICT_PRACTICE, "business"),
    ],
)
def test_heavy_penalty_types_are_heard_whatever_the_amount_law_apl_63(penalty_type, reason):
    right = _hearing(frozenset({penalty_type}), kind=ORGANISATION)
    assert right.applies
    assert right.reasons == (reason,)


@pytest.mark.parametrize(
    "penalty_type",
    [PenaltyType.WARNING, PenaltyType.SUSPEND_LICENCE, PenaltyType.RESTRICT_OPERATIONS],
)
def test_types_not_named_in_law_apl_63_are_not_heard_by_default(penalty_type):
    assert not _hearing(frozenset({penalty_type})).applies


def test_detention_is_not_heard_unless_configured_law_apl_63():
    detention = frozenset({PenaltyType.DETENTION})
    assert not _hearing(detention).applies
    configured = HearingThresholds(detention_heard=True)
    assert _hearing(detention, thresholds=configured).reasons == ("detention",)


def test_other_heavy_types_are_configurable_law_apl_63():
    thresholds = HearingThresholds(other_heavy_types=frozenset({PenaltyType.SUSPEND_LICENCE}))
    right = _hearing(frozenset({PenaltyType.SUSPEND_LICENCE}), thresholds=thresholds)
    assert right.reasons == ("other_heavy",)


def test_provincial_thresholds_replace_the_samr_defaults_tj_thresh():
    province = HearingThresholds(natural_person_fen=5_000 * YUAN, organisation_fen=50_000 * YUAN)
    assert _hearing(fine=5_000 * YUAN, thresholds=province).applies
    assert not _hearing(fine=4_999 * YUAN, thresholds=province).applies
    # An individual business can be classed with organisations where a province says so.
    as_org = HearingThresholds(individual_business_as_natural_person=False)
    assert not _hearing(fine=10_000 * YUAN, kind=INDIVIDUAL, thresholds=as_org).applies


def test_reasons_follow_the_items_of_law_apl_63():
    right = _hearing(
        frozenset({FINE, PenaltyType.CONFISCATE_PROPERTY, PenaltyType.REVOKE_LICENCE}),
        fine=20_000 * YUAN,
        confiscation=20_000 * YUAN,
    )
    assert right.reasons == ("large_fine", "large_confiscation", "qualification")


def test_thresholds_must_be_positive_samr_hear_5():
    with pytest.raises(ApplicationError) as caught:
        HearingThresholds(natural_person_fen=0)
    assert caught.value.code == "rules.hearing.threshold_invalid"
    assert caught.value.extra["field"] == "natural_person_fen"


# --- LAW-APL-30: minors, from a generated valid resident ID -----------------------------------


def _resident_id(birth: date) -> str:
    body = f"120101{birth:%Y%m%d}001"
    return body + resident_id_check_digit(body)


BORN = date(2010, 5, 1)


@pytest.mark.parametrize(
    ("act", "rule"),
    [
        (date(2024, 4, 30), AgeRule.NO_PENALTY),  # 13 years 364 days
        # The 14th birthday itself: 周岁 is complete only the next day (法释〔2006〕1号 第二条).
        (date(2024, 5, 1), AgeRule.NO_PENALTY),
        (date(2024, 5, 2), AgeRule.MITIGATION_REQUIRED),  # 14
        (date(2027, 5, 2), AgeRule.MITIGATION_REQUIRED),  # 17
        (date(2028, 5, 1), AgeRule.MITIGATION_REQUIRED),  # 18th birthday: still a minor
        (date(2028, 5, 2), AgeRule.ADULT),  # 18
    ],
)
def test_age_rule_boundaries_law_apl_30(act, rule):
    assert age_rule(birth_date=BORN, act_date=act) is rule
    assert age_rule_for_id(_resident_id(BORN), act) is rule


def test_age_rule_for_someone_born_on_29_february_law_apl_30():
    born = date(2008, 2, 29)
    assert age_rule(birth_date=born, act_date=date(2022, 2, 28)) is AgeRule.NO_PENALTY
    assert age_rule(birth_date=born, act_date=date(2022, 3, 1)) is AgeRule.MITIGATION_REQUIRED


def test_an_act_before_birth_is_refused_law_apl_30():
    error = _refusal(age_rule, birth_date=BORN, act_date=date(2010, 4, 30))
    assert error.code == "rules.age.act_before_birth"


def test_an_invalid_id_number_is_refused_by_the_parser():
    number = _resident_id(BORN)
    broken = number[:-1] + ("0" if number[-1] != "0" else "1")
    assert _refusal(age_rule_for_id, broken, date(2025, 1, 1)).code == "resident_id.checksum"


# --- LAW-APL-36: the limitation period --------------------------------------------------------


def test_discovery_on_the_second_anniversary_is_in_time_law_apl_36():
    # "二年内" includes its last day (CNT-SAMR-84); the act day itself is not counted.
    ends = check_limitation(
        act_on=date(2023, 3, 10), discovered_on=date(2025, 3, 10), five_year=False
    )
    assert ends == date(2025, 3, 10)


def test_discovery_the_day_after_is_too_late_law_apl_36():
    error = _refusal(
        check_limitation, act_on=date(2023, 3, 10), discovered_on=date(2025, 3, 11), five_year=False
    )
    assert error.code == "rules.limitation.expired"
    assert error.extra["field"] == "discovered_on"
    assert error.extra["ends_on"] == "2025-03-10"
    assert "LAW-APL-36" in error.message


def test_five_year_limitation_boundaries_law_apl_36():
    act = date(2022, 1, 10)
    assert check_limitation(act_on=act, discovered_on=date(2027, 1, 10), five_year=True) == date(
        2027, 1, 10
    )
    error = _refusal(check_limitation, act_on=act, discovered_on=date(2027, 1, 11), five_year=True)
    assert error.code == "rules.limitation.expired"


def test_continuing_act_runs_from_its_end_law_apl_36():
    ends = check_limitation(
        act_on=date(2020, 1, 1),
        act_ended_on=date(2023, 6, 30),
        discovered_on=date(2025, 6, 30),
        five_year=False,
    )
    assert ends == date(2025, 6, 30)


def test_five_years_do_not_reach_acts_that_ended_under_the_old_law_law_apl_37():
    # OLD-APL-misc: the old law had two years only; LAW-APL-37 keeps the more lenient rule.
    old = check_limitation(
        act_on=date(2021, 7, 14), discovered_on=date(2023, 7, 14), five_year=True
    )
    assert old == date(2023, 7, 14)
    new = check_limitation(
        act_on=date(2021, 7, 15), discovered_on=date(2023, 7, 16), five_year=True
    )
    assert new == date(2026, 7, 15)


def test_an_act_on_29_february_ends_on_28_february_law_apl_36():
    ends = check_limitation(
        act_on=date(2024, 2, 29), discovered_on=date(2026, 2, 28), five_year=False
    )
    assert ends == date(2026, 2, 28)


def test_a_late_discovery_passes_only_with_a_cited_article_law_apl_36():
    def late(basis):
        return check_limitation(
            act_on=date(2020, 1, 1),
            discovered_on=date(2024, 1, 1),
            five_year=False,
            override_basis=basis,
        )

    assert late("《中华人民共和国税收征收管理法》第八十六条") == date(2022, 1, 1)
    assert late("税收征管法第86条") == date(2022, 1, 1)
    vague = _refusal(late, "税收征收管理法另有规定")
    assert vague.code == "rules.limitation.override_not_specific"
    assert vague.extra["field"] == "override_basis"


def test_limitation_dates_out_of_order_are_refused_law_apl_36():
    ended_first = _refusal(
        check_limitation,
        act_on=date(2024, 1, 10),
        act_ended_on=date(2024, 1, 9),
        discovered_on=date(2024, 2, 1),
        five_year=False,
    )
    assert ended_first.code == "rules.limitation.dates_out_of_order"
    assert ended_first.extra["field"] == "act_ended_on"
    found_first = _refusal(
        check_limitation, act_on=date(2024, 1, 10), discovered_on=date(2024, 1, 9), five_year=False
    )
    assert found_first.extra["field"] == "discovered_on"


# --- LAW-APL-45: no heavier penalty after a statement or defence ------------------------------


def _penalty(*types, fine=0, confiscation=0, detention=0, other=""):
    return ProposedPenalty(
        penalty_types=frozenset(types),
        fine_fen=fine,
        confiscation_fen=confiscation,
        detention_days=detention,
        other=other,
    )


NOTIFIED = _penalty(FINE, PenaltyType.CONFISCATE_GAINS, fine=5_000 * YUAN, confiscation=800 * YUAN)


@pytest.mark.parametrize(
    "final",
    [
        NOTIFIED,
        _penalty(FINE, PenaltyType.CONFISCATE_GAINS, fine=4_000 * YUAN, confiscation=800 * YUAN),
        _penalty(FINE, fine=5_000 * YUAN),
        _penalty(PenaltyType.CONFISCATE_GAINS, confiscation=100 * YUAN),
    ],
)
def test_a_lighter_or_equal_final_penalty_passes_law_apl_45(final):
    check_not_heavier(notified=NOTIFIED, final=final)


@pytest.mark.parametrize(
    ("final", "field"),
    [
        (
            _penalty(
                FINE, PenaltyType.CONFISCATE_GAINS, fine=5_001 * YUAN, confiscation=800 * YUAN
            ),
            "fine_fen",
        ),
        (
            _penalty(
                FINE, PenaltyType.CONFISCATE_GAINS, fine=5_000 * YUAN, confiscation=801 * YUAN
            ),
            "confiscation_fen",
        ),
        (_penalty(FINE, PenaltyType.SUSPEND_LICENCE, fine=1_000 * YUAN), "penalty_types"),
        # Even a lighter-looking type needs a new notice: it was not notified.
        (_penalty(WARNING), "penalty_types"),
    ],
)
def test_a_heavier_final_penalty_is_refused_law_apl_45(final, field):
    error = _refusal(check_not_heavier, notified=NOTIFIED, final=final)
    assert error.code == "rules.heavier_penalty.forbidden"
    assert error.extra["field"] == field
    assert error.extra["rule"] == "LAW-APL-45"
    assert list(error.extra["fields"]) == [field]


def test_longer_detention_and_changed_other_penalty_are_refused_law_apl_45():
    notified = _penalty(PenaltyType.DETENTION, detention=5)
    assert _refusal(
        check_not_heavier, notified=notified, final=_penalty(PenaltyType.DETENTION, detention=6)
    ).extra["fields"].keys() == {"detention_days"}
    check_not_heavier(notified=notified, final=_penalty(PenaltyType.DETENTION, detention=3))
    other = _penalty(PenaltyType.OTHER, other="没收工具")
    check_not_heavier(notified=other, final=other)
    changed = _refusal(
        check_not_heavier, notified=other, final=_penalty(PenaltyType.OTHER, other="没收车辆")
    )
    assert changed.extra["field"] == "other"


def test_every_aggravation_is_reported_at_once_law_apl_45():
    final = _penalty(FINE, PenaltyType.REVOKE_LICENCE, fine=9_000 * YUAN, confiscation=900 * YUAN)
    error = _refusal(check_not_heavier, notified=NOTIFIED, final=final)
    assert set(error.extra["fields"]) == {"penalty_types", "fine_fen", "confiscation_fen"}


def test_proposed_penalty_refuses_bad_values_and_sorts_by_severity_law_apl_9():
    assert _refusal(_penalty, FINE, fine=-1).code == "rules.penalty.negative"
    assert _refusal(_penalty, "flogging").code == "rules.penalty_type.unknown"
    ladder = [
        _penalty(PenaltyType.DETENTION, detention=5),
        _penalty(PenaltyType.REVOKE_LICENCE),
        _penalty(FINE, fine=1_000 * YUAN),
        _penalty(FINE, fine=200 * YUAN),
        _penalty(WARNING),
    ]
    assert sorted(ladder, key=lambda p: p.severity_key) == ladder[::-1]


# --- LAW-APL-34 with LAW-APL-30/32: the discretion standard -----------------------------------


@dataclass(frozen=True)
class _FixedTier:
    """A tier as it looked before `fine_basis` existed: only the fen range."""

    fine_min_fen: int | None
    fine_max_fen: int | None


TIER = _FixedTier(fine_min_fen=1_000 * YUAN, fine_max_fen=5_000 * YUAN)


def _discretion(yuan, *, tier=TIER, reason="", mitigation=False, basis_fen=None):
    return check_discretion(
        tier=tier,
        fine_fen=yuan * YUAN,
        reason=reason,
        mitigation_required=mitigation,
        basis_fen=basis_fen,
    )


@pytest.mark.parametrize("yuan", [1_000, 3_000, 5_000])
def test_a_fine_inside_the_band_needs_no_reason_law_apl_34(yuan):
    result = _discretion(yuan)
    assert result.within_range
    assert not result.outside_reason_required
    assert not result.flag_for_legal_review


@pytest.mark.parametrize("yuan", [999, 5_001])
def test_a_fine_outside_the_band_needs_a_reason_and_legal_review_law_apl_34(yuan):
    error = _refusal(_discretion, yuan)
    assert error.code == "rules.discretion.reason_required"
    assert error.extra["field"] == "reason"
    assert error.extra["rule"] == "LAW-APL-34"
    result = _discretion(yuan, reason="情节特别严重，经集体讨论")
    assert not result.within_range
    assert result.outside_reason_required
    assert result.flag_for_legal_review


def test_mandatory_mitigation_needs_a_reason_unless_below_the_band_law_apl_30_32():
    error = _refusal(_discretion, 1_000, mitigation=True)
    assert error.code == "rules.discretion.reason_required"
    assert error.extra["rule"] == "LAW-APL-32"
    result = _discretion(1_000, mitigation=True, reason="已从轻，理由见调查终结报告")
    assert result.within_range
    assert result.mitigation_reason_required
    assert not result.flag_for_legal_review
    # Below the band is outside the range: it carries a reason and goes to legal review.
    below = _discretion(500, mitigation=True, reason="未成年人，减轻处罚")
    assert below.outside_reason_required
    assert not below.mitigation_reason_required
    assert below.flag_for_legal_review


def test_the_registry_tier_with_a_multiple_of_the_goods_value_law_apl_34():
    # 货值金额十倍以上二十倍以下; goods worth 1000元.
    tier = DiscretionTier(
        fine_basis=FineBasis.GOODS_VALUE,
        fine_min_multiple=Decimal(10),
        fine_max_multiple=Decimal(20),
    )
    basis = 1_000 * YUAN
    assert _discretion(10_000, tier=tier, basis_fen=basis).within_range
    assert _discretion(20_000, tier=tier, basis_fen=basis).within_range
    assert _refusal(_discretion, 20_001, tier=tier, basis_fen=basis).extra["max_fen"] == (
        20_000 * YUAN
    )
    missing = _refusal(_discretion, 10_000, tier=tier)
    assert missing.code == "rules.discretion.basis_amount_required"
    assert missing.extra["field"] == "basis_fen"


def test_a_fractional_multiple_is_compared_exactly_law_apl_34():
    # 百分之三点五 of 12,345.67元 = 432.09845元: 432.10元 is the least fine inside.
    tier = DiscretionTier(
        fine_basis=FineBasis.INVESTMENT,
        fine_min_multiple=Decimal("0.035"),
        fine_max_multiple=Decimal("0.05"),
    )
    result = check_discretion(
        tier=tier, fine_fen=43_210, reason="", mitigation_required=False, basis_fen=1_234_567
    )
    assert result.min_fen == 43_210
    assert _refusal(
        check_discretion,
        tier=tier,
        fine_fen=43_209,
        reason="",
        mitigation_required=False,
        basis_fen=1_234_567,
    ).code == ("rules.discretion.reason_required")


def test_open_bounds_and_tiers_without_a_fine_law_apl_34():
    up_to = DiscretionTier(fine_max_fen=5_000 * YUAN)  # "五千元以下"
    assert _discretion(1, tier=up_to).within_range
    assert _refusal(_discretion, 5_001, tier=up_to).extra["min_fen"] is None
    no_fine = DiscretionTier()  # warning only
    assert _discretion(0, tier=no_fine).within_range
    assert _refusal(_discretion, 1, tier=no_fine).code == "rules.discretion.reason_required"


# --- LAW-APL-42: two certified officers -------------------------------------------------------

ACT = date(2025, 6, 2)
LI = OfficerOnDuty(1, "李明", "TJ-001", certificate_valid_on_date=True)
WANG = OfficerOnDuty(2, "王芳", "TJ-002", certificate_valid_on_date=True)
ZHAO_EXPIRED = OfficerOnDuty(3, "赵强", "TJ-003", certificate_valid_on_date=False)


def test_two_certified_officers_pass_law_apl_42():
    check_officers_certified(officers=[LI, WANG], on=ACT)
    check_officers_certified(officers=[LI, WANG, ZHAO_EXPIRED], on=ACT)


@pytest.mark.parametrize("officers", [[LI], [LI, LI], []])
def test_fewer_than_two_distinct_officers_are_refused_law_apl_42(officers):
    error = _refusal(check_officers_certified, officers=officers, on=ACT)
    assert error.code == "rules.officers.too_few_certified"
    assert error.extra["field"] == "officers"
    assert error.extra["rule"] == "LAW-APL-42"
    assert error.extra["invalid"] == []


def test_an_expired_certificate_is_named_in_the_refusal_law_apl_42():
    error = _refusal(check_officers_certified, officers=[LI, ZHAO_EXPIRED], on=ACT)
    assert "赵强 (TJ-003)" in error.message
    assert "2025-06-02" in error.message
    assert error.extra["valid_count"] == 1
    assert error.extra["invalid"] == [
        {"officer_id": 3, "name": "赵强", "certificate_number": "TJ-003"}
    ]


def test_a_law_may_allow_one_officer_law_apl_42():
    check_officers_certified(officers=[LI], on=ACT, minimum=1)


# --- LAW-APL-33: reasons for not penalising ---------------------------------------------------

NO_PENALTY = DecisionOutcome.NO_PENALTY


@pytest.mark.parametrize(
    "code",
    [
        NoPenaltyReason.MINOR_CORRECTED,
        NoPenaltyReason.NO_FAULT,
        NoPenaltyReason.UNDER_FOURTEEN,
        NoPenaltyReason.FACTS_NOT_ESTABLISHED,
    ],
)
def test_no_penalty_with_a_reason_passes_law_apl_33(code):
    no_penalty_reason_required(NO_PENALTY, code)


def test_no_penalty_without_a_valid_reason_is_refused_law_apl_33():
    blank = _refusal(no_penalty_reason_required, NO_PENALTY, " ")
    assert blank.code == "rules.no_penalty.reason_required"
    assert blank.extra == {"field": "reason_code", "rule": "LAW-APL-33"}
    assert _refusal(no_penalty_reason_required, NO_PENALTY, "felt_sorry").code == (
        "rules.no_penalty.reason_unknown"
    )


def test_first_offence_needs_a_clean_history_law_apl_33():
    first = NoPenaltyReason.FIRST_OFFENCE
    no_penalty_reason_required(NO_PENALTY, first, prior_penalties=0)
    assert _refusal(no_penalty_reason_required, NO_PENALTY, first, prior_penalties=1).code == (
        "rules.no_penalty.not_first_offence"
    )
    assert _refusal(no_penalty_reason_required, NO_PENALTY, first).code == (
        "rules.no_penalty.prior_penalties_unknown"
    )


def test_other_outcomes_need_no_no_penalty_reason_law_apl_33():
    no_penalty_reason_required(DecisionOutcome.PENALTY, "")


# --- Properties -------------------------------------------------------------------------------


@given(fen=st.integers(min_value=0, max_value=10**9))
def test_simple_procedure_accepts_exactly_the_fines_up_to_200_yuan_law_apl_51(fen):
    try:
        check_simple_procedure(
            penalty_types={FINE}, fine_fen=fen, party_kind=NATURAL, decided_on=TODAY_LAW
        )
    except ApplicationError as error:
        assert error.code == "rules.simple_procedure.amount_exceeded"
        assert fen > 200 * YUAN
    else:
        assert fen <= 200 * YUAN


@given(
    fen=st.integers(min_value=0, max_value=10**10), more=st.integers(min_value=0, max_value=10**9)
)
def test_a_larger_fine_never_loses_the_hearing_right_law_apl_63(fen, more):
    if _hearing(fine=fen, kind=ORGANISATION).applies:
        assert _hearing(fine=fen + more, kind=ORGANISATION).applies


def test_codes_as_stored_in_the_database_work_like_the_enums_law_apl_9():
    # Models hand over plain strings, not enum members.
    check_simple_procedure(
        penalty_types=["warning", "fine"],
        fine_fen=200 * YUAN,
        party_kind="individual_business",
        decided_on=TODAY_LAW,
    )
    right = hearing_right_applies(
        penalty_types=["revoke_licence", "fine"],
        fine_fen=100_000 * YUAN,
        confiscation_fen=0,
        party_kind="organisation",
        thresholds=SAMR,
    )
    assert right.reasons == ("large_fine", "qualification")
    penalty = ProposedPenalty(penalty_types=frozenset({"fine"}), fine_fen=1, confiscation_fen=0)
    assert penalty.severity_key[0] == 2
