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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Final

from sanxiang.redaction.spans import Label

__all__ = [
    "find_structured",
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
# years, days and house numbers never reach the Python classifier.
_TOKEN_RE: Final = re.compile(
    r"(?<![0-9])(?:[（(]0\d{2,3}[)）] ?|\+?86[ -]?)?"
    r"(?:\d{7,}(?:[ -]\d+)*|\d{1,6}(?:[ -]\d+)+)[Xx]?(?![0-9])"
)
_PART_RE: Final = re.compile(r"\d+[Xx]?")
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


def find_structured(text: str) -> Iterator[tuple[int, int, Label]]:
    """(start, end, label) of every ID, phone, bank card, e-mail and plate in `text`."""
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
        elif " " in raw or "-" in raw:
            # Two numbers separated by a space or hyphen: classify each part on its own.
            for part in _PART_RE.finditer(raw):
                if len(part.group()) >= 7:
                    p_start, p_end = start + part.start(), start + part.end()
                    label = _classify(text, p_start, p_end, part.group())
                    if label:
                        yield p_start, p_end, label
    for match in _PLATE_RE.finditer(text):
        body = re.sub(r"[·•・ ]", "", match.group())[2:].rstrip("挂学警")
        if sum(c.isdigit() for c in body) < 3:
            continue
        if len(body) == 6 and body[0] not in "DF" and body[-1] not in "DF":
            continue  # 6 characters only for new-energy plates (D/F first or last)
        yield match.start(), match.end(), "PLATE"
