"""Structured personal information: ID numbers, phones, bank cards, e-mails, plates.

Every number-like token of the text is found by one regular expression and then classified by
checksums and by the words just before it:

* ID_CARD: 18 characters with a valid GB 11643 check digit (ISO 7064 MOD 11-2), a province
  code 11–82 and a calendar birth date; also any 15 or 18 digits right after a 身份证 cue (old
  15-digit numbers have no check digit, and a mistyped number is still personal).
  `sanxiang.core.identity` holds the same checksum but imports Django (ValidationError,
  timezone, gettext) to raise form errors, and this package must run without Django
  (DESIGN.md §5), so the 15-line checksum is repeated here.
* PHONE: a mainland mobile number (1[3-9] + 9 digits, optional +86 and separators), a landline
  with its area code written with a hyphen or brackets, or any 7–12 digits after a phone cue.
* BANK_CARD: 16–19 digits passing the Luhn check with a card-scheme prefix (UnionPay 62, Visa
  4, Mastercard/UnionPay 5, Amex/JCB 3, 6); or 8–30 digits after an account cue (organisations'
  accounts do not follow Luhn and are hidden too).
* Kept: a unified social credit code (GB 32100, check character verified) and numbers after an
  officer-certificate, licence, case-number or batch cue. They are public or not personal.
* Full-width forms (１３８…, an ID ending in Ｘ, ｌａｏ＠１６３．ｃｏｍ, 津Ａ１２３４５)
  and every other Unicode decimal digit are folded to ASCII one character for one character
  (`fold`), so the offsets of the folded text are those of the original and the original
  characters are masked. NFKC is not used: it changes the length of some characters and so
  the offsets.
* Numbers glued to other digits (LAW-APL-50: a number inserted anywhere never survives): a digit
  run longer than an ID, mobile or card number that contains a valid one (GB 11643 check, 1[3-9]
  mobile prefix, Luhn with a card prefix) at any position is masked whole, with the label of the
  number found. A valid ID number is masked in any run. A mobile or card glued to digits is kept
  only when the whole run is something published or not personal: a number after a certificate,
  licence, case or document-number cue, or an amount (a unit such as 元/万元 right after it, a
  decimal point or a thousands comma beside it, ¥ before it). Credit codes are skipped before.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Final

from sanxiang.redaction.spans import Label

__all__ = [
    "find_structured",
    "fold",
    "is_valid_credit_code",
    "is_valid_id_number",
    "luhn_ok",
]

# GB 11643-1999 (STD-11643-4): weights 2^(i-1) mod 11 for positions 1..17; check chars.
_ID_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK: Final = "10X98765432"


def is_valid_id_number(number: str) -> bool:
    """An 18-character resident ID: province 11–82, a real birth date, valid check digit."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    if not 11 <= int(number[:2]) <= 82:
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if born.year < 1900:
        return False
    total = sum(int(c) * w for c, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check of a card number."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if i % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


# GB 32100-2015: 18 characters from this alphabet, weights 3^(i-1) mod 31, check mod 31.
_USCC_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS: Final = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def is_valid_credit_code(code: str) -> bool:
    """A unified social credit code whose check character is right (GB 32100)."""
    code = code.upper()
    if len(code) != 18 or any(c not in _USCC_ALPHABET for c in code):
        return False
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(code[:17], _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHABET[(31 - total % 31) % 31] == code[17]


# A number-like token: digits with single spaces or hyphens inside, an optional +86 and an
# optional bracketed area code; or an 18-character credit code with letters.
# GB 32100: registering authority (1–9, A, N, Y), organisation kind (1–9), a GB/T 2260 area
# code (province 11–82), the organisation code and the check character.
_USCC_RE: Final = re.compile(
    r"(?<![0-9A-Za-z])[1-9ANY][1-9](?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|7[1]|8[12])\d{4}"
    r"[0-9A-HJ-NP-RTUW-Y]{10}(?![0-9A-Za-z])"
)
# At least 7 digits in one run, or groups joined by single spaces/hyphens (138-1234-5678):
# years, days and house numbers never reach the Python classifier. An X may sit inside a run
# (an ID's check character with digits glued after it).
_TOKEN_RE: Final = re.compile(
    r"(?<![0-9])(?:[（(]0\d{2,3}[)）] ?|\+?86[ -]?)?"
    r"(?:\d[\dXx]{6,}(?:[ -]\d[\dXx]*)*|\d[\dXx]{0,5}(?:[ -]\d[\dXx]*)+)(?![0-9])"
)
_PART_RE: Final = re.compile(r"\d[\dXx]*")
_EMAIL_RE: Final = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PLATE_RE: Final = re.compile(
    r"(?<![A-Za-z0-9])[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]"
    r"[A-HJ-NP-Z][·•・ ]?[A-HJ-NP-Z0-9]{5,6}(?:挂|学|警)?(?![A-Za-z0-9])"
)

# Cue words before a number; the nearest one decides.
_CUE_RE: Final = re.compile(
    r"(?P<id>身份证|身份号码|公民身份|证件号码)"
    r"|(?P<phone>电话|手机|联系方式|座机|固话|号码为|Tel|TEL|tel|传真)"
    r"|(?P<bank>卡号|账号|帐号|账户|帐户|银行卡|开户|转账至|汇入)"
    r"|(?P<officer>执法证|执法证件|证号|证编号)"
    r"|(?P<keep>许可证|编号|代码|注册号|登记号|案号|文号|批号|批次|货号|型号|条码|订单号|单号|流水号|发票)"
)
_CUE_WINDOW: Final = 14
_UNITS: Final = frozenset("元万亿吨件个台箱瓶袋公千克米平次人份套张株只头%％")
_CARD_PREFIXES: Final = ("62", "4", "5", "3", "6")
_RUN_CHARS: Final = frozenset("0123456789Xx")
_MOBILE_SECOND: Final = frozenset("3456789")
_CURRENCY: Final = frozenset("¥￥$")
_PHONE_PREFIX_RE: Final = re.compile(r"\+?86[ -]?$")


def _fold_table() -> dict[int, str]:
    """Full-width ASCII forms (digits, letters, @ . - + _ %) and every Unicode decimal digit.

    One character for one character, so offsets are kept. Full-width punctuation that Chinese
    text uses as ordinary punctuation (，：（）；) is left alone: a Chinese comma after a number is
    not a thousands separator.
    """
    table = {0x3000: " "}
    for code in range(0xFF01, 0xFF5F):
        ascii_char = chr(code - 0xFEE0)
        if ascii_char.isalnum() or ascii_char in "@.-+_%":
            table[code] = ascii_char
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        if char.isdecimal() and code not in table:
            table[code] = str(unicodedata.decimal(char))
    return table


_FOLD: Final = _fold_table()
_NEEDS_FOLD_RE: Final = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD) if c < 0x10000) + "]|[^\x00-\uffff]"
)


def fold(text: str) -> str:
    """`text` with full-width digits, letters, ＠．－＋ and other decimal digits as ASCII.

    The result has the same length as `text` and every offset means the same character.
    """
    if _NEEDS_FOLD_RE.search(text) is None:
        return text
    return text.translate(_FOLD)


def _cue(text: str, start: int) -> str | None:
    window = text[max(0, start - _CUE_WINDOW) : start]
    last: re.Match[str] | None = None
    for match in _CUE_RE.finditer(window):
        last = match
    if last is None:
        return None
    if (
        last.lastgroup in ("keep", "officer")
        and "身份" in window[max(0, last.start() - 3) : last.start()]
    ):
        return "id"  # 身份证号 contains 证号
    return last.lastgroup


def _classify(text: str, start: int, end: int, raw: str) -> Label | None:
    digits = re.sub(r"[^0-9Xx]", "", raw).upper()
    cue = _cue(text, start)
    if len(digits) == 18 and is_valid_id_number(digits):
        return "ID_CARD"  # even after a certificate cue: over-masking breaks no rule
    if cue == "officer":
        return None  # officers' certificate numbers are published (GUO-118-04)
    if cue == "id" and len(digits) in (15, 18):
        return "ID_CARD"
    if "X" in digits:
        return None
    if 16 <= len(digits) <= 19 and digits.startswith(_CARD_PREFIXES) and luhn_ok(digits):
        return "BANK_CARD"
    bare = digits
    if raw.lstrip("+").startswith("86") and len(digits) == 13 and digits[2] == "1":
        bare = digits[2:]
    if len(bare) == 11 and bare[0] == "1" and bare[1] in "3456789" and cue != "bank":
        return "PHONE"  # no amount has 11 digits starting 13–19 (≥ 13 billion)
    if end < len(text) and text[end] in _UNITS:
        return None  # an amount or a quantity
    is_landline = bare.startswith("0") and 10 <= len(bare) <= 16
    written_as_landline = raw.startswith(("(", "（")) or re.match(r"0\d{2,3}-\d{7,8}", raw)
    if is_landline and (written_as_landline or cue == "phone"):
        return "PHONE"
    if cue == "keep":
        return None  # licence, case, batch numbers: not personal
    if cue == "phone" and 7 <= len(bare) <= 12:
        return "PHONE"
    if cue == "bank" and 8 <= len(digits) <= 30:
        return "BANK_CARD"
    return None


def _windows(chars: str) -> Iterator[tuple[int, int, Label]]:
    """(start, end, label) of every valid ID, card or mobile number inside a digit string.

    `chars` holds digits and X only. IDs first, then cards, then mobiles: the caller takes the
    first one that applies.
    """
    size = len(chars)
    for i in range(size - 17):
        window = chars[i : i + 18]
        if chars[i] != "0" and window[:17].isdigit() and is_valid_id_number(window):
            yield i, i + 18, "ID_CARD"
    for length in (16, 19, 17, 18):
        for i in range(size - length + 1):
            window = chars[i : i + length]
            if window.startswith(_CARD_PREFIXES) and window.isdigit() and luhn_ok(window):
                yield i, i + length, "BANK_CARD"
    for i in range(size - 10):
        if chars[i] == "1" and chars[i + 1] in _MOBILE_SECOND and chars[i : i + 11].isdigit():
            yield i, i + 11, "PHONE"


def _is_amount(text: str, start: int, end: int) -> bool:
    """Whether the digit run text[start:end] is part of an amount or quantity."""
    if end < len(text) and text[end] in _UNITS:
        return True
    if start > 0 and text[start - 1] in _CURRENCY:
        return True
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    return (len(after) == 2 and after[0] in ".," and after[1].isdigit()) or (
        len(before) == 2 and before[1] in ".," and before[0].isdigit()
    )


def _glued(
    text: str, start: int, end: int, parts: list[tuple[int, int, Label]]
) -> Iterator[tuple[int, int, Label]]:
    """Valid numbers inside the token text[start:end] that the token's own split missed.

    A number standing between separators (5 138 1234 5678) is classified like any token; one
    glued to other digits masks the whole digit run it touches (LAW-APL-50: a number inserted
    anywhere never survives), unless that run is published or not personal (see the module
    docstring). `parts`: what the token's split into parts found; a number overlapping one of
    them is merged with it.
    """
    hits = list(parts)
    positions = [p for p in range(start, end) if text[p] in _RUN_CHARS]
    chars = "".join(text[p] for p in positions).upper() if len(positions) >= 11 else ""
    for w_start, w_end, label in _windows(chars):
        first, last = positions[w_start], positions[w_end - 1] + 1
        if last - first > (w_end - w_start) * 2:
            continue  # a window across two separators in a row
        glued_before = first > start and text[first - 1] in _RUN_CHARS
        glued_after = last < end and text[last] in _RUN_CHARS
        if not (glued_before or glued_after):
            found = _classify(text, first, last, text[first:last])
            if found:
                hits.append((first, last, found))
            continue
        run_start, run_end = first, last
        while run_start > start and text[run_start - 1] in _RUN_CHARS:
            run_start -= 1
        while run_end < end and text[run_end] in _RUN_CHARS:
            run_end += 1
        if label != "ID_CARD":
            # Mobiles and cards glued to digits: kept inside published or non-personal runs.
            if _cue(text, run_start) in ("officer", "keep") or _is_amount(text, run_start, run_end):
                continue
            if label == "PHONE":
                prefix = _PHONE_PREFIX_RE.search(text, max(start, run_start - 4), run_start)
                if prefix:
                    run_start = prefix.start()
        hits.append((run_start, run_end, label))
    # Overlapping hits (two candidate numbers sharing digits) become one span, so that every
    # candidate is masked; the label is the first found (ID, then card, then mobile).
    merged: list[list[int]] = []
    labels: list[Label] = []
    for h_start, h_end, label in hits:
        for i, (m_start, m_end) in enumerate(merged):
            if h_start < m_end and m_start < h_end:
                merged[i] = [min(m_start, h_start), max(m_end, h_end)]
                break
        else:
            merged.append([h_start, h_end])
            labels.append(label)
    # A union may now touch another one: merge until stable (a handful of hits at most).
    changed = True
    while changed:
        changed = False
        for i in range(len(merged)):
            for j in range(i + 1, len(merged)):
                if merged[i][0] < merged[j][1] and merged[j][0] < merged[i][1]:
                    merged[i] = [min(merged[i][0], merged[j][0]), max(merged[i][1], merged[j][1])]
                    del merged[j], labels[j]
                    changed = True
                    break
            if changed:
                break
    for (m_start, m_end), label in zip(merged, labels, strict=True):
        yield m_start, m_end, label


def find_structured(text: str) -> Iterator[tuple[int, int, Label]]:
    """(start, end, label) of every ID, phone, bank card, e-mail and plate in `text`.

    `text` is folded first (`fold`): full-width and other decimal digits are found like ASCII
    ones, and the offsets returned are offsets into the original `text`.
    """
    text = fold(text)
    for match in _EMAIL_RE.finditer(text):
        yield match.start(), match.end(), "EMAIL"
    credit_codes = [
        m.span()
        for m in _USCC_RE.finditer(text)
        if is_valid_credit_code(m.group()) and not is_valid_id_number(m.group())
    ]
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        if any(s <= start and end <= e for s, e in credit_codes):
            continue  # GB 32100 credit code of an organisation: public, kept
        raw = match.group()
        if len(raw) < 7:
            continue
        label = _classify(text, start, end, raw)
        if label:
            yield start, end, label
            continue
        parts: list[tuple[int, int, Label]] = []
        if " " in raw or "-" in raw:
            # Two numbers separated by a space or hyphen: classify each part on its own.
            for part in _PART_RE.finditer(raw):
                if len(part.group()) >= 7:
                    p_start, p_end = start + part.start(), start + part.end()
                    label = _classify(text, p_start, p_end, part.group())
                    if label:
                        parts.append((p_start, p_end, label))
        yield from _glued(text, start, end, parts)
    for match in _PLATE_RE.finditer(text):
        body = re.sub(r"[·•・ ]", "", match.group())[2:].rstrip("挂学警")
        if sum(c.isdigit() for c in body) < 3:
            continue
        if len(body) == 6 and body[0] not in "DF" and body[-1] not in "DF":
            continue  # 6 characters only for new-energy plates (D/F first or last)
        yield match.start(), match.end(), "PLATE"
