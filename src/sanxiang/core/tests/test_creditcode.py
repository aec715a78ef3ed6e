"""GB 32100 unified social credit codes, GB 11714 organisation codes, GB/T 2260 region codes."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import assume, given
from hypothesis import strategies as st

from sanxiang.core.creditcode import (
    CREDIT_CODE_CHARSET,
    credit_code_check_char,
    is_valid_credit_code,
    normalise_credit_code,
    organisation_code_check_char,
    parse_credit_code,
    validate_credit_code,
    validate_region_code,
)
from sanxiang.core.errors import ApplicationError


def refusal_code(value: str) -> str:
    with pytest.raises(ApplicationError) as caught:
        parse_credit_code(value)
    return caught.value.code


def test_standard_vector_is_valid_and_split_std_32100_1():
    """STD-32100-1: the vector passes and splits into 1 + 1 + 6 + 9 + 1."""
    code = parse_credit_code("91350100M000100Y43")
    assert code.number == "91350100M000100Y43"
    assert code.department_code == "9"
    assert code.category_code == "1"
    assert code.region_code == "350100"
    assert code.organisation_code == "M000100Y4"
    assert not code.is_individual_business
    assert code.warnings == ()


def test_embedded_organisation_code_passes_gb_11714_std_11714():
    """STD-11714: the embedded organisation code of the vector passes GB 11714."""
    assert organisation_code_check_char("M000100Y") == "4"


def test_wrong_check_character_is_refused_std_32100_3():
    """STD-32100-3: a wrong check character is refused."""
    assert not is_valid_credit_code("91350100M000100Y44")
    assert refusal_code("91350100M000100Y44") == "credit_code.checksum"


def test_check_value_31_is_written_0_std_32100_3():
    """STD-32100-3: the 31 → 0 rule."""
    # Σ ci·Wi ≡ 0 (mod 31) gives 31 − 0 = 31, which the standard writes as 0.
    assert credit_code_check_char("91350100M00011703") == "0"
    assert is_valid_credit_code("91350100M000117030")


@pytest.mark.parametrize(
    "value",
    [
        "91350100M000100Y4",  # 17 characters
        "91350100M000100Y433",  # 19 characters
        "9135010OM000100Y43",  # letter O in the region code
        "91350100M000I00Y43",  # I is not in the character set (STD-32100-2)
        "91350100M000S00Y43",
        "91350100M000V00Y43",
        "91350100M000Z00Y43",
        "913501A0M000100Y43",  # region code must be digits
    ],
)
def test_malformed_codes_are_refused_std_32100_2(value):
    """STD-32100-2: 31-symbol set without I, O, Z, S, V; digits in places 3–8."""
    assert refusal_code(value) == "credit_code.format"


def test_lower_case_and_full_width_input_is_normalised():
    assert normalise_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"
    assert parse_credit_code("９１３５０１００Ｍ０００１００Ｙ４３").number == "91350100M000100Y43"


def test_individual_business_is_recognised_std_32100_4():
    """STD-32100-4: department 9 + category 2 = 个体工商户."""
    code = parse_credit_code("92120116MA05K8T31H")
    assert code.is_individual_business
    assert code.warnings == ()


@pytest.mark.parametrize("number", ["A1350100M000100Y42", "N2350100M000100Y4J"])
def test_unknown_department_is_warned_not_refused_std_32100_4(number):
    """STD-32100-4: unconfirmed department codes warn, never refuse."""
    code = parse_credit_code(number)
    assert code.department_code == number[0]
    assert len(code.warnings) == 1
    assert number[0] in code.warnings[0]


def test_unknown_category_is_warned_not_refused_std_32100_4():
    """STD-32100-4: an unconfirmed category for a known department warns."""
    code = parse_credit_code("94350100M000100Y4R")
    assert len(code.warnings) == 1


def test_embedded_organisation_code_failing_gb_11714_is_a_warning_std_11714():
    """STD-11714: the secondary check only warns."""
    code = parse_credit_code("91350100M000100Y56")
    assert code.number == "91350100M000100Y56"
    assert len(code.warnings) == 1
    assert "M000100Y5" in code.warnings[0]


def test_django_validator():
    validate_credit_code("91350100M000100Y43")
    with pytest.raises(ValidationError) as caught:
        validate_credit_code("91350100M000100Y44")
    assert caught.value.code == "credit_code.checksum"
    with pytest.raises(ValidationError) as caught:
        validate_credit_code("91350100m000100y43")
    assert caught.value.code == "credit_code.not_normalised"


@pytest.mark.parametrize("code", ["120000", "120116", "120221", "820000"])
def test_region_codes_std_2260_1(code):
    """STD-2260-1: six digits, province first."""
    validate_region_code(code)


@pytest.mark.parametrize("code", ["12011", "1201160", "12011a", "１２０１１６", "000000", "990000"])
def test_bad_region_codes_are_refused_std_2260_1(code):
    """STD-2260-1: anything but six ASCII digits with a province prefix is refused."""
    with pytest.raises(ValidationError):
        validate_region_code(code)


_CHARS = st.sampled_from(CREDIT_CODE_CHARSET)
_bodies = st.builds(
    lambda head, region, tail: head + region + tail,
    st.text(_CHARS, min_size=2, max_size=2),
    st.from_regex(r"\A[0-9]{6}\Z"),
    st.text(_CHARS, min_size=9, max_size=9),
)


@given(_bodies)
def test_any_body_with_its_check_character_is_valid_std_32100_3(body):
    """STD-32100-3: every body plus its computed check character validates."""
    assert is_valid_credit_code(body + credit_code_check_char(body))


@given(_bodies, st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=30))
def test_changing_any_one_character_breaks_the_code_std_32100_3(body, position, shift):
    """STD-32100-3: MOD 31 catches every single-character substitution."""
    code = body + credit_code_check_char(body)
    alphabet = "0123456789" if 2 <= position <= 7 else CREDIT_CODE_CHARSET
    replacement = alphabet[(alphabet.index(code[position]) + shift) % len(alphabet)]
    assume(replacement != code[position])  # a shift of 10, 20 or 30 wraps round the digits
    changed = code[:position] + replacement + code[position + 1 :]
    assert not is_valid_credit_code(changed)
