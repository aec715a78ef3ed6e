"""Money in integer fen, amounts in words, and the late-payment surcharge (LAW-APL-72)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanxiang.core.errors import ApplicationError
from sanxiang.core.money import (
    fen_to_yuan,
    format_yuan,
    format_yuan_cn,
    late_fee_fen,
    rmb_upper,
    yuan_to_fen,
)


@pytest.mark.parametrize(
    ("value", "fen"),
    [
        ("12000", 1_200_000),
        ("12000.5", 1_200_050),
        ("12000.50", 1_200_050),
        (" 0.05 ", 5),
        ("12.500", 1250),  # exactly 12.50
        ("0", 0),
        (Decimal("1001.05"), 100_105),
        (1000, 100_000),
    ],
)
def test_yuan_to_fen_is_exact(value, fen):
    assert yuan_to_fen(value) == fen


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("12.345", "money.too_many_decimals"),
        (Decimal("0.001"), "money.too_many_decimals"),
        ("1E-999999999", "money.too_many_decimals"),
        ("-1", "money.negative"),
        (-5, "money.negative"),
        ("abc", "money.invalid"),
        ("12,000", "money.invalid"),
        ("", "money.invalid"),
        ("NaN", "money.invalid"),
        ("Infinity", "money.invalid"),
        ("1E+999999999", "money.too_large"),
    ],
)
def test_yuan_to_fen_refuses(value, code):
    with pytest.raises(ApplicationError) as caught:
        yuan_to_fen(value)
    assert caught.value.code == code


@pytest.mark.parametrize("value", [0.1, True])
def test_floats_and_bools_are_a_programming_error(value):
    with pytest.raises(TypeError):
        yuan_to_fen(value)


def test_fen_to_yuan_and_formats():
    assert fen_to_yuan(1_200_050) == Decimal("12000.50")
    assert str(fen_to_yuan(5)) == "0.05"
    assert format_yuan(1_200_000) == "12000.00"
    assert format_yuan(-150) == "-1.50"
    assert format_yuan_cn(1_200_000) == "12000元"
    assert format_yuan_cn(1_200_050) == "12000.50元"
    assert format_yuan_cn(5) == "0.05元"


@given(st.integers(min_value=0, max_value=10**18 - 1))
def test_fen_survives_a_round_trip_through_yuan(fen):
    assert yuan_to_fen(fen_to_yuan(fen)) == fen
    assert yuan_to_fen(format_yuan(fen)) == fen


@pytest.mark.parametrize(
    ("fen", "words"),
    [
        (1_200_000, "壹万贰仟元整"),
        (0, "零元整"),
        (5, "伍分"),
        (100_105, "壹仟零壹元零伍分"),
        (100_000_000_00, "壹亿元整"),
        (1_000, "壹拾元整"),
        (100_001_00, "壹拾万零壹元整"),
        # cn2an leaves out 整 after 角; 会计基础工作规范 第五十二条 requires it.
        (1_200_050, "壹万贰仟元伍角整"),
        (50, "伍角整"),
        (1_200_055, "壹万贰仟元伍角伍分"),
    ],
)
def test_rmb_upper(fen, words):
    assert rmb_upper(fen) == words


def test_rmb_upper_refuses_negative_and_out_of_range_amounts():
    with pytest.raises(ApplicationError) as caught:
        rmb_upper(-1)
    assert caught.value.code == "money.negative"
    with pytest.raises(ApplicationError) as caught:
        rmb_upper(10**18)
    assert caught.value.code == "money.too_large"


@pytest.mark.parametrize(
    ("overdue_days", "surcharge_yuan"),
    [(0, "0"), (1, "30"), (10, "300"), (33, "990"), (34, "1000"), (40, "1000")],
)
def test_late_fee_is_3_percent_a_day_capped_at_the_fine_law_apl_72(overdue_days, surcharge_yuan):
    """LAW-APL-72: 1000元 → 300元 after 10 days, capped at 1000元 from day 34."""
    fine = yuan_to_fen("1000")
    assert late_fee_fen(fine_fen=fine, overdue_days=overdue_days) == yuan_to_fen(surcharge_yuan)


@pytest.mark.parametrize(
    ("fine_fen", "overdue_days", "surcharge_fen"),
    [(50, 1, 2), (49, 1, 1), (10, 1, 0), (17, 1, 1), (1, 40, 1)],
)
def test_late_fee_rounds_half_up_to_the_fen_law_apl_72(fine_fen, overdue_days, surcharge_fen):
    """LAW-APL-72: the product is rounded once, half up, to the fen."""
    # 50 fen × 3% = 1.5 fen → 2; 49 × 3% = 1.47 → 1; 10 × 3% = 0.3 → 0; 1 fen × 120% → capped.
    assert late_fee_fen(fine_fen=fine_fen, overdue_days=overdue_days) == surcharge_fen


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10_000))
def test_late_fee_never_exceeds_the_fine_law_acl_45(fine_fen, overdue_days):
    """LAW-ACL-45 / LAW-APL-72: the surcharge never exceeds the fine."""
    assert 0 <= late_fee_fen(fine_fen=fine_fen, overdue_days=overdue_days) <= fine_fen


def test_late_fee_refuses_negative_input():
    with pytest.raises(ApplicationError):
        late_fee_fen(fine_fen=100, overdue_days=-1)
    with pytest.raises(ApplicationError):
        late_fee_fen(fine_fen=-100, overdue_days=1)
