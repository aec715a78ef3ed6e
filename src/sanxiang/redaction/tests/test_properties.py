"""Property tests (hypothesis): a valid ID, phone or card number inserted anywhere in any text
never survives `redact` (LAW-APL-50, GUO-118-02)."""

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sanxiang.redaction import find_pii, redact

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@st.composite
def id_numbers(draw):
    region = draw(st.integers(110000, 829999))
    year = draw(st.integers(1900, 2025))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    seq = draw(st.integers(0, 999))
    body = f"{region}{year}{month:02d}{day:02d}{seq:03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]


@st.composite
def mobiles(draw):
    digits = (
        "1" + draw(st.sampled_from("3456789")) + draw(st.text("0123456789", min_size=9, max_size=9))
    )
    style = draw(st.sampled_from(["plain", "dash", "space", "plus"]))
    return {
        "plain": digits,
        "dash": f"{digits[:3]}-{digits[3:7]}-{digits[7:]}",
        "space": f"{digits[:3]} {digits[3:7]} {digits[7:]}",
        "plus": f"+86 {digits}",
    }[style]


@st.composite
def cards(draw):
    prefix = draw(st.sampled_from(["62", "621", "622", "4", "51", "35"]))
    length = draw(st.sampled_from([16, 19]))
    body = prefix + draw(
        st.text("0123456789", min_size=length - len(prefix) - 1, max_size=length - len(prefix) - 1)
    )
    for check in "0123456789":
        digits = body + check
        total = 0
        for i, c in enumerate(reversed(digits)):
            v = int(c) * (2 if i % 2 else 1)
            total += v - 9 if v > 9 else v
        if total % 10 == 0:
            return digits
    raise AssertionError


# Any text: Chinese decision vocabulary, punctuation, letters, digits and symbols.
surroundings = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            list("当事人张王李欧阳证号码电话卡，。：（）、 \n元年月日罚款账户身份高明市区路号")
        ),
        st.characters(codec="utf-8"),  # utf-8 excludes lone surrogates
    ),
    max_size=40,
)


def check(number: str, before: str, after: str) -> None:
    # "Anywhere" means at a token boundary: digits glued on either side make another number.
    assume(not before[-1:].isdigit() and not after[:1].isdigit())
    assume(not (number[-1].isdigit() and after[:1] in ("X", "x")))
    # The one documented exception: a number right after an officer-certificate cue is a
    # certificate number and is published (GUO-118-04), unless it is a valid ID number.
    assume(not re.search("执法证|证号|证编号", before[-14:]))
    text = before + number + after
    public = redact(text)
    assert number not in public
    start = len(before)
    covered = set()
    for span in find_pii(text):
        covered |= set(range(span.start, span.end))
    digit_positions = [start + i for i, c in enumerate(number) if c.isalnum()]
    assert all(p in covered for p in digit_positions), (text, find_pii(text))


@settings(max_examples=300, deadline=None)
@given(number=id_numbers(), before=surroundings, after=surroundings)
def test_any_valid_id_number_never_survives(number, before, after):
    check(number, before, after)


@settings(max_examples=300, deadline=None)
@given(number=mobiles(), before=surroundings, after=surroundings)
def test_any_mobile_number_never_survives(number, before, after):
    check(number, before, after)


@settings(max_examples=300, deadline=None)
@given(number=cards(), before=surroundings, after=surroundings)
def test_any_luhn_card_number_never_survives(number, before, after):
    check(number, before, after)
