"""GB 11643 resident ID numbers (STD-11643-1..4, STD-2260-TJ)."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from sanxiang.core.errors import ApplicationError
from sanxiang.core.identity import (
    is_valid_resident_id,
    normalise_resident_id,
    parse_resident_id,
    resident_id_check_digit,
    validate_resident_id,
)


def refusal_code(value: str) -> str:
    with pytest.raises(ApplicationError) as caught:
        parse_resident_id(value)
    return caught.value.code


# STD-11643-4: the vectors quoted in legal-rules.md.
@pytest.mark.parametrize("number", ["11010519491231002X", "440524188001010014"])
def test_standard_vectors_are_valid(number):
    """STD-11643-4: both vectors quoted in legal-rules.md pass."""
    assert is_valid_resident_id(number)
    assert parse_resident_id(number).number == number


def test_wrong_check_digit_is_refused_std_11643_4():
    """STD-11643-4: the negative vector is refused for its check digit."""
    assert not is_valid_resident_id("110105194912310021")
    with pytest.raises(ApplicationError) as caught:
        parse_resident_id("110105194912310021")
    assert caught.value.code == "resident_id.checksum"
    assert "110105194912310021" in caught.value.message


def test_parts_are_split_std_11643_1():
    """STD-11643-1: 6-digit address code, 8-digit birth date, sequence, check digit."""
    parsed = parse_resident_id("11010519491231002X")
    assert parsed.region_code == "110105"
    assert parsed.birth_date == date(1949, 12, 31)


def test_sex_comes_from_digit_17_std_11643_3():
    """STD-11643-3: odd digit 17 is male, even is female."""
    assert parse_resident_id("11010519491231002X").sex == "female"  # digit 17 is 2
    assert parse_resident_id("440524188001010014").sex == "male"  # digit 17 is 1


@pytest.mark.parametrize(
    "number",
    [
        "120221198001010013",  # 宁河县, now 120117 宁河区
        "120223198001010016",  # 静海县, now 120118 静海区
        "120225198001010019",  # 蓟县, now 120119 蓟州区
        "120116198001010017",  # 滨海新区, a current code
    ],
)
def test_historic_tianjin_region_codes_are_accepted_std_2260_tj(number):
    """STD-2260-TJ: the address code is fixed at issuance, so old county codes stay valid."""
    parsed = parse_resident_id(number)
    assert parsed.region_code == number[:6]


@pytest.mark.parametrize("body", ["00010519491231002", "99010519491231002", "10010519491231002"])
def test_address_code_outside_the_province_range_is_refused_std_11643_2(body):
    """STD-11643-2 / STD-2260-1: the address code starts with a province code 11–82."""
    assert refusal_code(body + resident_id_check_digit(body)) == "resident_id.region"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "11010519491231002",  # 17 characters
        "11010519491231002X1",  # 19 characters
        "1101051949123100X2",  # X not in the last place
        "11010519491231002Y",
        "110105 19491231002X",
    ],
)
def test_malformed_numbers_are_refused_std_11643_1(value):
    """STD-11643-1: 17 digits, then a digit or X."""
    assert refusal_code(value) == "resident_id.format"


def test_full_width_and_lower_case_input_is_normalised():
    assert (
        normalise_resident_id(" １１０１０５１９４９１２３１００２ｘ\u3000") == "11010519491231002X"
    )
    assert parse_resident_id("11010519491231002x").number == "11010519491231002X"
    assert parse_resident_id("１１０１０５１９４９１２３１００２Ｘ").number == "11010519491231002X"


def test_impossible_birth_date_is_refused_std_11643_2():
    """STD-11643-2: the birth date must be a real calendar date."""
    # 1949-02-30 with a correct check digit: it is the date, not the checksum, that is wrong.
    assert refusal_code("110105194902300020") == "resident_id.birth_date_invalid"


@time_machine.travel(date(2025, 6, 1), tick=False)
def test_birth_date_in_the_future_is_refused_std_11643_2():
    """STD-11643-2: the birth date must not be after today (Asia/Shanghai)."""
    born_today = "110105" + "20250601" + "001"
    born_tomorrow = "110105" + "20250602" + "001"
    assert is_valid_resident_id(born_today + resident_id_check_digit(born_today))
    assert refusal_code(born_tomorrow + resident_id_check_digit(born_tomorrow)) == (
        "resident_id.birth_date_future"
    )


def test_age_on_counts_completed_years():
    person = parse_resident_id("11010519491231002X")
    assert person.age_on(date(2019, 12, 30)) == 69
    assert person.age_on(date(2020, 1, 1)) == 70


def test_age_is_completed_the_day_after_the_birthday_law_apl_30():
    # Born 2010-05-01: on the 14th birthday still 13, so still under the LAW-APL-30 limit.
    person = parse_resident_id("110105201005010018")
    assert person.age_on(date(2024, 5, 1)) == 13
    assert person.age_on(date(2024, 5, 2)) == 14


def test_age_of_someone_born_on_29_february():
    person = parse_resident_id("11010520080229002X")
    assert person.age_on(date(2022, 2, 28)) == 13
    assert person.age_on(date(2022, 3, 1)) == 14
    assert person.age_on(date(2024, 2, 29)) == 15
    assert person.age_on(date(2024, 3, 1)) == 16


def test_check_digit_of_a_malformed_body_is_refused():
    with pytest.raises(ApplicationError) as caught:
        resident_id_check_digit("1101051949123100")
    assert caught.value.code == "resident_id.format"


def test_django_validator_reports_the_reason():
    validate_resident_id("11010519491231002X")
    with pytest.raises(ValidationError) as caught:
        validate_resident_id("110105194912310021")
    assert caught.value.code == "resident_id.checksum"


def test_django_validator_requires_the_stored_form():
    # Parties are found by ID number, so a lower-case x must not reach the database.
    with pytest.raises(ValidationError) as caught:
        validate_resident_id("11010519491231002x")
    assert caught.value.code == "resident_id.not_normalised"


_bodies = st.builds(
    lambda province, county, born, sequence: f"{province}{county}{born:%Y%m%d}{sequence}",
    st.integers(min_value=11, max_value=82).map(str),
    st.from_regex(r"\A[0-9]{4}\Z"),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
    st.from_regex(r"\A[0-9]{3}\Z"),
)


@given(_bodies)
def test_any_body_with_its_check_digit_is_valid_std_11643_4(body):
    """STD-11643-4: every well-formed body plus its computed check digit validates."""
    assert is_valid_resident_id(body + resident_id_check_digit(body))


@given(_bodies, st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=9))
def test_changing_any_one_character_breaks_the_number_std_11643_4(body, position, shift):
    """STD-11643-4: MOD 11-2 catches every single-character substitution."""
    number = body + resident_id_check_digit(body)
    alphabet = "0123456789X" if position == 17 else "0123456789"
    # A shift of 1..9 never wraps round to the same character in a 10- or 11-letter alphabet.
    replacement = alphabet[(alphabet.index(number[position]) + shift) % len(alphabet)]
    changed = number[:position] + replacement + number[position + 1 :]
    assert not is_valid_resident_id(changed)
