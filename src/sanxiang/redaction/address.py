"""The detailed part of a natural person's home address (ADDRESS_DETAIL).

Publication keeps a person's residence down to the county or district (法释〔2016〕19号) and hides
the rest (街道、门牌、楼栋、房号): 住址：天津市河西区友谊路35号2门301室 → 住址：天津市河西区***.

An address is taken after a home-address cue (住址、家庭住址、现住、户籍地 …), or after 住所 /
地址 when the party block it is in describes a natural person (男/女/出生/身份证). An
organisation's 住所 and a 个体工商户's 经营场所 are registered, public data and are kept
(SAMR-PUB-4: the 当事人基本情况 is published).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

__all__ = ["detail_part", "find_addresses"]

_HOME_CUES: Final = (
    r"家庭住址|家庭地址|现住址|现住所|现住|住址|户籍地址|户籍所在地|户籍地|居住地址|居住地|暂住地|"
    r"家住|住在|住于|居住于|居住在|户口所在地"
)
_PERSONAL_CUES: Final = r"住所地|住所|联系地址|通讯地址|地址"
_CUE_RE: Final = re.compile(
    rf"(?P<home>{_HOME_CUES}|(?<=[，,：:])住(?![所址宿院房]))|(?<!经营)(?<!营业)(?P<maybe>{_PERSONAL_CUES})"
    r"(?:为|是)?[：:\s]*"
)
_HOME_PLACE_RE: Final = re.compile(
    r"(?:位于|在|住在)(?P<addr>[^，。；;,\n（）()]{6,40}?)的(?:家中|住处|住宅|家)"
)
_ADDRESS_END: Final = "，。；;,\n（）()、"
_NATURAL_PERSON_RE: Final = re.compile(r"[，,（(](?:男|女)[，,）)]|出生|身份证|公民身份")
_OUTSIDE: Final = r"[^\s，。；省市区县旗路街道巷号楼室村镇乡]"
_ADMIN_RE: Final = re.compile(
    rf"(?:(?:北京|天津|上海|重庆)市|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|"
    rf"新疆维吾尔自治区|{_OUTSIDE}{{2,3}}省)?"
    rf"(?:{_OUTSIDE}{{2,7}}?(?:市|自治州|地区|盟))?"
    rf"(?:{_OUTSIDE}{{1,8}}?(?:自治县|新区|区|县|市|旗))?"
)


def detail_part(address: str) -> tuple[int, int]:
    """Offsets, inside `address`, of the part after the province, city and county/district."""
    match = _ADMIN_RE.match(address)
    start = match.end() if match else 0
    return start, len(address)


def _address_end(text: str, start: int) -> int:
    end = start
    limit = min(len(text), start + 60)
    while end < limit and text[end] not in _ADDRESS_END:
        end += 1
    return end


def _block_is_person(text: str, cue_start: int) -> bool:
    """Whether the party block holding a 住所/地址 cue describes a natural person."""
    block_start = max(text.rfind("\n", 0, cue_start), text.rfind("当事人", 0, cue_start), 0)
    return bool(_NATURAL_PERSON_RE.search(text, block_start, cue_start))


def find_addresses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the detailed part of every home address in `text`."""
    for match in _CUE_RE.finditer(text):
        if match.group("home") is None and not _block_is_person(text, match.start()):
            continue
        start = match.end()
        end = _address_end(text, start)
        if end - start < 4:
            continue
        offset, _end = detail_part(text[start:end])
        if end - (start + offset) >= 2:
            yield start + offset, end
    for match in _HOME_PLACE_RE.finditer(text):
        start, end = match.span("addr")
        offset, _end = detail_part(text[start:end])
        if end - (start + offset) >= 2:
            yield start + offset, end
