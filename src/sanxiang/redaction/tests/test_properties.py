"""Property tests (hypothesis): a valid ID, phone or card number inserted anywhere in any text
never survives `redact` (LAW-APL-50, GUO-118-02): at a token boundary or glued to other digits,
in ASCII or full-width characters.

The exceptions, documented in docs/redaction.md, are for mobiles and cards only (a valid ID
number has none): right after an officer-certificate cue the number is a published certificate
number (GUO-118-04); glued to other digits, the whole run is kept when it follows a licence,
case or document-number cue or is an amount (unit, decimal point, thousands comma, ¥).
"""

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sanxiang.redaction import find_pii, redact
from sanxiang.redaction.numbers import fold, is_valid_credit_code, is_valid_id_number

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
        st.sampled_from(list("0123456789Xx.,-+ ¥万编号执法证")),
        st.characters(codec="utf-8"),  # utf-8 excludes lone surrogates
    ),
    max_size=40,
)
digits = st.text("0123456789", max_size=6)
FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789Xx+-"} | {" ": "\u3000"}


@st.composite
def written(draw, numbers):
    """A number as written: ASCII, full-width, or a mix character by character."""
    number = draw(numbers)
    style = draw(st.sampled_from(["ascii", "full", "mixed"]))
    if style == "ascii":
        return number
    if style == "full":
        return "".join(FULL_WIDTH.get(c, c) for c in number)
    flips = draw(st.lists(st.booleans(), min_size=len(number), max_size=len(number)))
    return "".join(FULL_WIDTH.get(c, c) if f else c for c, f in zip(number, flips, strict=True))


@st.composite
def around(draw):
    """Text before and after: anything, sometimes ending or starting with glued digits."""
    return draw(surroundings) + draw(digits), draw(digits) + draw(surroundings)


RUN = "0123456789Xx"
OFFICER_CUE = re.compile("执法证|证号|证编号")
KEEP_CUE = re.compile(
    "许可证|编号|代码|注册号|登记号|案号|文号|批号|批次|货号|型号|条码|订单号|单号|流水号|发票"
)
UNITS = "元万亿吨件个台箱瓶袋公千克米平次人份套张株只头%％"


def is_published_run(text: str, start: int, end: int) -> bool:
    """The documented exceptions for a mobile or card glued to digits (see the docstring)."""
    run_start, run_end = start, end
    while run_start > 0 and text[run_start - 1] in RUN:
        run_start -= 1
    while run_end < len(text) and text[run_end] in RUN:
        run_end += 1
    if (run_start, run_end) == (start, end):
        return False  # not glued
    run = text[run_start:run_end]
    if len(run) == 18 and is_valid_credit_code(run) and not is_valid_id_number(run):
        return True  # a GB 32100 credit code is public
    window = text[max(0, run_start - 14) : run_start]
    if KEEP_CUE.search(window) or OFFICER_CUE.search(window):
        return True  # licence, case, document or certificate number
    after, before = text[run_end : run_end + 2], text[max(0, run_start - 2) : run_start]
    return bool(
        (after[:1] and after[0] in UNITS)
        or (before[-1:] and before[-1] in "¥￥$")
        or (len(after) == 2 and after[0] in ".," and after[1].isdigit())
        or (len(before) == 2 and before[1] in ".," and before[0].isdigit())
    )


def check(number: str, before: str, after: str, *, is_id: bool = False) -> None:
    text = before + number + after
    start, end = len(before), len(before) + len(number)
    folded = fold(text)
    if not is_id:
        # Documented: right after an officer-certificate cue a mobile-like number is a
        # certificate number and is published (GUO-118-04).
        assume(not OFFICER_CUE.search(folded[max(0, start - 14) : start]))
        assume(not is_published_run(folded, start, end))
    public = redact(text)
    assert number not in public
    covered = set()
    for span in find_pii(text):
        covered |= set(range(span.start, span.end))
    digit_positions = [start + i for i, c in enumerate(number) if c.isalnum()]
    assert all(p in covered for p in digit_positions), (text, find_pii(text))


@settings(max_examples=400, deadline=None)
@given(number=written(id_numbers()), context=around())
def test_any_valid_id_number_never_survives(number, context):
    """LAW-APL-50: no exception at all for a valid ID number, glued or full-width."""
    check(number, *context, is_id=True)


@settings(max_examples=400, deadline=None)
@given(number=written(mobiles()), context=around())
def test_any_mobile_number_never_survives(number, context):
    check(number, *context)


@settings(max_examples=400, deadline=None)
@given(number=written(cards()), context=around())
def test_any_luhn_card_number_never_survives(number, context):
    check(number, *context)


@settings(max_examples=200, deadline=None)
@given(number=st.one_of(id_numbers(), mobiles(), cards()), context=around())
def test_fold_keeps_offsets_and_full_width_is_masked_like_ascii(number, context):
    """Folding maps one character to one character; a full-width number gets the same spans."""
    full = "".join(FULL_WIDTH.get(c, c) for c in number)
    before, after = context
    ascii_spans = [(s.start, s.end, s.label) for s in find_pii(before + number + after)]
    wide_spans = [(s.start, s.end, s.label) for s in find_pii(before + full + after)]
    assert len(fold(before + full + after)) == len(before + full + after)
    assert wide_spans == ascii_spans
