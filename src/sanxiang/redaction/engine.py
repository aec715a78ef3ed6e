"""`find_pii` and `redact`: every detector, the case's knowledge, overlaps and masks.

Overlaps are resolved by priority: numbers and e-mails (checksummed or cued) first, then the
address detail, then names; within a label the longer span wins. Names get their mask per
person: two different people with the same mask in one document become 张某甲 / 张某乙
(the practice of the courts' implementing notices of 法释〔2016〕19号).

个体工商户 (SAMR-PUB-2, SAMR-PUB-4): a registered market entity whose penalty is published under
its registered name, with the 当事人基本情况. Its registered name (字号), credit code and
经营场所 are therefore kept; the operator is a natural person and is masked (strict mode, the
default); a 个体工商户 without 字号 is registered under the operator's name, which is masked as
PERSON. Every natural person is masked unless named in `keep`: the publicity app passes the
punished party there when the agency publishes party names (SAMR-PUB-4, GUO-118-06a; off by
default), and the officers (GUO-118-04: enforcement personnel are published).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from sanxiang.redaction.address import detail_part, find_addresses
from sanxiang.redaction.names import find_names, surname_length
from sanxiang.redaction.numbers import find_structured, fold
from sanxiang.redaction.spans import (
    ADDRESS_MASK,
    KnownPerson,
    Label,
    PiiSpan,
    Source,
    mask,
    person_mask,
)

__all__ = ["find_pii", "redact"]

_PRIORITY: Final[dict[str, int]] = {
    "ID_CARD": 0,
    "BANK_CARD": 1,
    "PHONE": 2,
    "EMAIL": 3,
    "PLATE": 4,
    "ADDRESS_DETAIL": 5,
    "PERSON": 6,
}
_ORDINALS: Final = "甲乙丙丁戊己庚辛壬癸"
_SEPARATORS_RE: Final = re.compile(r"[\s-]")

KnownInput = str | KnownPerson


def _occurrences(text: str, fragment: str) -> Iterable[tuple[int, int]]:
    if not fragment:
        return
    position = text.find(fragment)
    while position != -1:
        yield position, position + len(fragment)
        position = text.find(fragment, position + len(fragment))


def _known_spans(text: str, people: Iterable[KnownPerson]) -> list[tuple[int, int, Label, Source]]:
    """Occurrences of what the case knows; numbers match in full-width forms too (`fold`)."""
    spans: list[tuple[int, int, Label, Source]] = []
    folded = fold(text)  # same length and offsets as `text`
    folded_x = folded.replace("x", "X")  # the ID check character; str.upper() may change length
    for person in people:
        if person.id_number:
            number = fold(person.id_number.strip()).replace("x", "X")
            for s, e in _occurrences(folded_x, number):
                spans.append((s, e, "ID_CARD", "known"))
        for phone in person.phones:
            phone = fold(phone)
            for s, e in _occurrences(folded, phone.strip()):
                spans.append((s, e, "PHONE", "known"))
            bare = _SEPARATORS_RE.sub("", phone)
            if bare != phone.strip():
                for s, e in _occurrences(folded, bare):
                    spans.append((s, e, "PHONE", "known"))
        if person.address:
            address = person.address.strip()
            offset, _end = detail_part(address)
            detail = address[offset:]
            if len(detail) >= 2:
                for s, e in _occurrences(text, detail):
                    spans.append((s, e, "ADDRESS_DETAIL", "known"))
    return spans


def _resolve(
    candidates: list[tuple[int, int, Label, Source]],
) -> list[tuple[int, int, Label, Source]]:
    chosen: list[tuple[int, int, Label, Source]] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (_PRIORITY[c[2]], c[0] - c[1], c[0])):
        start, end = cand[0], cand[1]
        if any(start < e and s < end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((start, end))
    return sorted(chosen, key=lambda c: c[0])


def _person_replacements(text: str, spans: list[tuple[int, int, Label, Source]]) -> dict[str, str]:
    """One mask per distinct name; 张某甲 / 张某乙 when two names would share 张某."""
    names: list[str] = []
    for start, end, label, _source in spans:
        name = text[start:end]
        if label == "PERSON" and name not in names:
            names.append(name)
    by_mask: dict[str, list[str]] = {}
    for name in names:
        by_mask.setdefault(person_mask(name, surname_length(name)), []).append(name)
    replacements: dict[str, str] = {}
    for base, group in by_mask.items():
        if len(group) == 1:
            replacements[group[0]] = base
        else:
            for i, name in enumerate(group):
                suffix = _ORDINALS[i] if i < len(_ORDINALS) else str(i + 1)
                replacements[name] = base + suffix
    return replacements


def find_pii(
    text: str,
    known_persons: Iterable[KnownInput] = (),
    *,
    keep: Iterable[str] = (),
) -> list[PiiSpan]:
    """Every piece of personal information in `text`, as non-overlapping spans sorted by start.

    `known_persons`: names or `KnownPerson` records the case holds; all their occurrences are
    masked. `keep`: names never masked (officers, GUO-118-04; the punished party when the
    agency publishes party names, SAMR-PUB-4) — PERSON spans only.
    LAW-APL-50, GUO-118-02: personal privacy is protected in everything published.
    """
    people = [p if isinstance(p, KnownPerson) else KnownPerson(name=p) for p in known_persons]
    keep = tuple(k.strip() for k in keep if k and k.strip())
    candidates: list[tuple[int, int, Label, Source]] = [
        (s, e, label, "rule") for s, e, label in find_structured(text)
    ]
    candidates.extend((s, e, "ADDRESS_DETAIL", "rule") for s, e in find_addresses(text))
    candidates.extend(_known_spans(text, people))
    known_names = [p.name.strip() for p in people if p.name and p.name.strip()]
    candidates.extend(
        (s, e, "PERSON", "known" if src == "known" else "context")
        for s, e, src in find_names(text, known=known_names, keep=keep)
    )
    resolved = _resolve(candidates)
    names = _person_replacements(text, resolved)
    spans: list[PiiSpan] = []
    for start, end, label, source in resolved:
        fragment = text[start:end]
        if label == "PERSON":
            replacement = names[fragment]
        elif label == "ADDRESS_DETAIL":
            replacement = ADDRESS_MASK
        else:
            replacement = "*" * len(fragment)
        spans.append(PiiSpan(start, end, label, fragment, replacement, source))
    return spans


def redact(
    text: str,
    known_persons: Iterable[KnownInput] = (),
    *,
    keep: Iterable[str] = (),
) -> str:
    """The public version of `text`: `mask(text, find_pii(text, known_persons, keep=keep))`."""
    return mask(text, find_pii(text, known_persons, keep=keep))
