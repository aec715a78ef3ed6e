"""Natural persons' names in Chinese decision texts (PERSON).

A rule layer, chosen by measurement over the offline NLP taggers (docs/redaction.md):

1. Candidates: a surname from the list below (compound surnames first) followed by one or two
   characters that can be part of a given name (function words, numerals, place suffixes and
   uppercase money digits cannot); and minority or foreign names written with a middle dot.
2. Context: a candidate is *strong* when a role word is right before it (当事人、证人、法定代表人、
   经营者、委托代理人、联系人、户主、之子 …) or an identity detail right after it
   ("（身份证…", "，男，");
   it is *plausible* when the characters before and after it are a sentence boundary or words
   that go with a person (向、与、由 … before; 称、于、驾驶、承认 … after).
3. A plausible candidate that is a common word (陈述、文明、金额 …; a built-in list plus, when
   jieba is installed, its dictionary of frequent words used as a lexicon only) is dropped,
   unless the same name was found strongly elsewhere in the document.
4. Officers (执法人员 …, or a name followed by its 执法证 number) are kept: their names and
   certificate numbers are published by law (GUO-118-04), as are names passed in `keep`.
5. Every accepted name is then masked wherever it occurs in the document, except where it is
   glued inside a longer word on both sides (a shop or company name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from sanxiang.redaction.spans import MINORITY_DOTS

__all__ = ["NameHit", "find_names", "surname_length"]

_DATA: Final = Path(__file__).resolve().parent / "data"


def _words(name: str) -> list[str]:
    """The words of `data/<name>.txt` (whitespace separated; `#` starts a comment line)."""
    text = (_DATA / f"{name}.txt").read_text(encoding="utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


# Compound surnames (复姓): matched before single ones, so 欧阳明月 → 欧阳某.
COMPOUND_SURNAMES: Final = frozenset(_words("compound_surnames"))

# Single surnames (百家姓 and the most frequent modern ones). Characters that are far more
# often a word than a surname in decision texts (经 经查, 查 查明, 单 单位, 和, 时, 全 …) are left
# out on purpose: a person with such a surname is still found through known_persons.
SINGLE_SURNAMES: Final = frozenset(
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏窦章云苏潘葛"
    "奚范彭郎鲁韦昌马苗凤方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常于傅皮卞齐康伍余"
    "元卜顾孟黄穆萧肖尹姚邵湛汪祁毛禹狄米贝臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻"
    "强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫房裘缪应宗丁宣贲邓郁"
    "杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲封芮羿储靳汲邴糜松段富巫乌焦巴弓隗侯宓"
    "蓬郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄怀蒲邰鄂索咸籍赖卓蔺屠"
    "蒙池乔阴胥苍闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍璩桑桂濮牛寿扈燕冀郏浦尚温庄晏柴瞿阎慕连茹白岳"
    "习宦艾鱼容向古易慎戈廖庾暨衡步耿弘匡文寇禄阙欧殳沃蔚越夔隆巩厍聂晁勾敖融訾辛阚饶曾毋沙"
    "乜鞠丰巢蒯荆游竺权逯桓付仝佟邸谌尉闫覃揭喻晋卿冼隋邝蔚"
)

# Characters that never (or almost never) occur in a given name.
_NOT_GIVEN: Final = frozenset(
    "的了在于是与及或等称系将对被把为因所其该已未不无有也都均又还曾即之着过这那此个们年日"
    "时分秒元角号省市区县镇乡村街路道巷弄楼室栋层局院处科厅部委会司厂店共计约多上下内外后"
    "并且但而给让叫请需某他她它您我你啥何么吗呢吧啊呀哦嗯零壹贰叁肆伍陆柒捌玖拾佰仟亿整第"
    "说讲问答查据按依照当场核罚款证码单位公司负责经营"
)

_ROLE_CUES: Final = tuple(_words("role_cues"))
_OFFICER_CUES: Final = (
    "执法人员",
    "执法人",
    "办案人员",
    "承办人员",
    "承办人",
    "检查人员",
    "调查人员",
    "执法队员",
    "主办人",
    "协办人",
)
_LEFT_CUES: Final = (*_ROLE_CUES, *_words("left_cues"))
_RIGHT_CUES: Final = tuple(_words("right_cues"))
_RIGHT_CUES_LONG: Final = tuple(c for c in _RIGHT_CUES if len(c) >= 2)
# What only a person does: a plausible candidate that is an ordinary word (江山, 高明) is still
# taken when one of these follows it.
_PERSON_VERBS: Final = tuple(_words("person_verbs"))
_STRONG_RIGHT: Final = (
    "（身份证",
    "(身份证",
    "，身份证",
    "，公民身份",
    "（公民身份",
    "，男",
    "，女",
    "（男",
    "（女",
    "(男",
    "(女",
    "，性别",
    "，出生",
    "，汉族",
    "，居民身份",
    "（居民身份",
    "（电话",
    "（联系电话",
    "（手机",
    "，住",
    "，现住",
    "，户籍",
    "，联系电话",
    "，电话",
    "，手机",
    "，年龄",
    "，系当事人",
    "，系该",
)
_OFFICER_RIGHT: Final = (
    "（执法证",
    "(执法证",
    "，执法证",
    "（证号",
    "(证号",
    "（执法",
    "(执法",
    "，证号",
)
# Plausible candidates that are ordinary words (a person so named is still found when a role
# word or identity detail marks one of its mentions, or through known_persons).
_COMMON_WORDS: Final = frozenset(_words("common_words"))

_SURNAME_RE: Final = re.compile(
    "["
    + "".join(sorted(SINGLE_SURNAMES | {c[0] for c in COMPOUND_SURNAMES}))
    + "](?=[\u4e00-\u9fff])"
)
_DOT_NAME_STOPS: Final = frozenset("的在是与和及向将被称系于对从由给为即了用")
_DOT_NAME_RE: Final = re.compile(
    r"[\u4e00-\u9fff]{1,8}(?:[" + MINORITY_DOTS + r"][\u4e00-\u9fff]{1,8})+"
)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def surname_length(name: str) -> int:
    """2 for a compound surname (欧阳明月), else 1."""
    return 2 if name[:2] in COMPOUND_SURNAMES and len(name) >= 3 else 1


@dataclass(frozen=True, slots=True)
class NameHit:
    """A name found in the text; `strength` is "strong", "plausible" or "officer"."""

    start: int
    end: int
    strength: str

    def name(self, text: str) -> str:
        return text[self.start : self.end]


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    """Frequent words of jieba's dictionary that start with a surname (lexicon only; no
    tagging). Empty when jieba is not installed."""
    try:
        import jieba  # type: ignore[import-untyped]
    except ImportError:
        return frozenset()
    from pathlib import Path

    path = Path(jieba.__file__).with_name("dict.txt")
    words: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, _tag = line.split(" ", 2)
            if (
                2 <= len(word) <= 3
                and int(freq) >= LEXICON_MIN_FREQ
                and (word[0] in SINGLE_SURNAMES or word[:2] in COMPOUND_SURNAMES)
            ):
                words.add(word)
    return frozenset(words)


LEXICON_MIN_FREQ: Final = 300
USE_LEXICON: bool = True


def _is_common_word(name: str) -> bool:
    """The candidate is an ordinary word, or starts with one of the built-in list (周边存)."""
    if name in _COMMON_WORDS or (len(name) == 3 and name[:2] in _COMMON_WORDS):
        return True
    return USE_LEXICON and name in _lexicon()


def _by_first(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in words:
        index.setdefault(word[0], []).append(word)
    return {k: tuple(v) for k, v in index.items()}


def _by_last(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in words:
        index.setdefault(word[-1], []).append(word)
    return {k: tuple(v) for k, v in index.items()}


_RIGHT_INDEX: Final = _by_first(_RIGHT_CUES)
_STRONG_RIGHT_INDEX: Final = _by_first(_STRONG_RIGHT + _OFFICER_RIGHT)
_LEFT_INDEX: Final = _by_last(_LEFT_CUES)
_ROLE_INDEX: Final = _by_last(_ROLE_CUES + _OFFICER_CUES)
_EMPTY: Final[tuple[str, ...]] = ()


def _left_ok(text: str, start: int) -> tuple[bool, bool, bool]:
    """(plausible, strong, officer) from what precedes a candidate starting at `start`."""
    if start == 0:
        return True, False, False
    before = text[max(0, start - 8) : start]
    bare = before.rstrip("：: \u3000")
    if bare and bare.endswith(_ROLE_INDEX.get(bare[-1], _EMPTY)):
        if bare.endswith(_OFFICER_CUES):
            return True, False, True
        if bare.endswith(_ROLE_CUES):
            return True, True, False
    if not _is_han(before[-1]):
        return True, False, False
    return before.endswith(_LEFT_INDEX.get(before[-1], _EMPTY)), False, False


def _right_ok(text: str, end: int) -> tuple[bool, bool, bool]:
    """(plausible, strong, officer) from what follows a candidate ending at `end`."""
    if end >= len(text):
        return True, False, False
    char = text[end]
    if char in _STRONG_RIGHT_INDEX:
        if text.startswith(_OFFICER_RIGHT, end):
            return True, False, True
        if text.startswith(_STRONG_RIGHT, end):
            return True, True, False
    if not _is_han(char):
        return True, False, False
    return text.startswith(_RIGHT_INDEX.get(char, _EMPTY), end), False, False


_BAD_GIVEN_RE: Final = re.compile("[^\u4e00-\u9fff]|[" + "".join(sorted(_NOT_GIVEN)) + "]")


def _given_ok(chars: str) -> bool:
    """Only Han characters that can be part of a given name."""
    return _BAD_GIVEN_RE.search(chars) is None


# An ordinal, not the compound surname 第五: 第五十条, 第五项, 第五次 (the articles of a law).
_ORDINAL_RE: Final = re.compile(
    "第[一二三四五六七八九十百千零〇两]+[条款项章节编目次名号届批类种部个日月年]"
)


def _candidates(text: str) -> Iterator[NameHit]:
    size = len(text)
    compound_end = -1
    for match in _SURNAME_RE.finditer(text):
        start = match.start()
        if start < compound_end:
            continue  # the second character of a compound surname (司马 → not 马…)
        if text[start] == "第" and _ORDINAL_RE.match(text, start):
            continue
        surnames: list[int] = []
        if text[start : start + 2] in COMPOUND_SURNAMES:
            surnames.append(start + 2)
            compound_end = start + 2
        if text[start] in SINGLE_SURNAMES:
            surnames.append(start + 1)  # 东方 may also be 东 + 方…
        left_state: tuple[bool, bool, bool] | None = None
        for surname_end in surnames:
            for length in (2, 1):
                end = surname_end + length
                if end > size or not _given_ok(text[surname_end:end]):
                    continue
                right, right_strong, right_officer = _right_ok(text, end)
                if not right:
                    continue
                if left_state is None:
                    left_state = _left_ok(text, start)
                left, left_strong, left_officer = left_state
                if left_officer or right_officer:
                    yield NameHit(start, end, "officer")
                elif left_strong or right_strong:
                    yield NameHit(start, end, "strong")
                elif left:
                    yield NameHit(start, end, "plausible")
                break
            else:
                continue
            break


_ROLE_SLOT_RE: Final = re.compile(
    "(?:" + "|".join(sorted(_ROLE_CUES, key=len, reverse=True)) + ")(?P<colon>[：:]?)"
)
_SLOT_END: Final = "，,（(。；;、 \n"


_NOT_SURNAME: Final = frozenset(
    "的了在是与和及或等称系将对被把为因所其该已未不无有也都均又还曾即之这那此个们某"
)


def _slot_name_ok(name: str) -> bool:
    """Any Han surname (单, 亓 … included), then given-name characters."""
    return _is_han(name[0]) and name[0] not in _NOT_SURNAME and _given_ok(name[1:])


def _role_slots(text: str) -> Iterator[NameHit]:
    """A name in a role slot, whatever its surname: 当事人：牟磊（…, 证人牟铭证实…"""
    for match in _ROLE_SLOT_RE.finditer(text):
        start = match.end()
        for length in (4, 3, 2):
            end = start + length
            name = text[start:end]
            if len(name) < length or not _slot_name_ok(name):
                continue
            if text.startswith(_OFFICER_RIGHT, end):
                break
            ends_slot = end >= len(text) or text[end] in _SLOT_END
            if (match.group("colon") and ends_slot) or (
                length <= 3 and text.startswith(_PERSON_VERBS + _STRONG_RIGHT, end)
            ):
                yield NameHit(start, end, "strong")
                break


def _dot_names(text: str) -> Iterator[NameHit]:
    if not any(dot in text for dot in MINORITY_DOTS):
        return
    for match in _DOT_NAME_RE.finditer(text):
        start, end = match.start(), match.end()
        # Trim role words and prepositions glued on the left, verbs glued on the right.
        dot = next(i for i in range(start, end) if text[i] in MINORITY_DOTS)
        for i in range(start, dot):
            head = text[max(0, i - 8) : i]
            if text[i - 1] in _DOT_NAME_STOPS or head.endswith(_LEFT_CUES):
                start = i
        last_dot = max(i for i in range(start, end) if text[i] in MINORITY_DOTS)
        for i in range(last_dot + 3, end):
            if text[i] in _DOT_NAME_STOPS or text.startswith(_RIGHT_CUES_LONG, i):
                end = i
                break
        if dot - start < 1 or end - last_dot < 2:
            continue
        left_officer = _left_ok(text, start)[2]
        right_officer = _right_ok(text, end)[2]
        strength = "officer" if (left_officer or right_officer) else "strong"
        yield NameHit(start, end, strength)


def _glued(text: str, start: int, end: int) -> bool:
    """Whether an occurrence is inside a longer word on both sides (a shop or company name)."""
    left, _s, _o = _left_ok(text, start)
    right, _s2, _o2 = _right_ok(text, end)
    return not (left or right)


def _plausible_at(text: str, start: int, end: int) -> bool:
    """Both sides fit a name (used for names that are also ordinary words: 手段并不高明)."""
    return _left_ok(text, start)[0] and _right_ok(text, end)[0]


def find_names(
    text: str, *, known: Iterable[str] = (), keep: Iterable[str] = ()
) -> list[tuple[int, int, str]]:
    """(start, end, source) of every natural person's name to mask in `text`."""
    kept = {k for k in keep if k}
    hits = [*_candidates(text), *_dot_names(text), *_role_slots(text)]
    officers = {h.name(text) for h in hits if h.strength == "officer"}
    kept |= officers
    strong = {h.name(text) for h in hits if h.strength == "strong"} - kept
    accepted = set(strong)
    common: set[str] = set()
    for hit in hits:
        name = hit.name(text)
        if hit.strength != "plausible" or name in kept:
            continue
        if not _is_common_word(name):
            accepted.add(name)
        elif name not in _COMMON_WORDS and text.startswith(_PERSON_VERBS, hit.end):
            accepted.add(name)
            common.add(name)
    common |= {n for n in accepted if _is_common_word(n)}
    known_names = {k for k in known if k and k not in kept}
    # A longer accepted name wins over a shorter one inside it at the same place.
    found: list[tuple[int, int, str]] = []
    for name in sorted(known_names | accepted, key=len, reverse=True):
        source = "known" if name in known_names else "context"
        position = text.find(name)
        while position != -1:
            end = position + len(name)
            if source == "known" or (
                _plausible_at(text, position, end)
                if name in common
                else not _glued(text, position, end)
            ):
                found.append((position, end, source))
            position = text.find(name, end)
    return found
