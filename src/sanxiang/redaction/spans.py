"""Spans of personal information, and applying them as masks.

A `PiiSpan` is what the engine proposes and what a reviewer approves; `mask` applies a final
set. The mask format follows 法释〔2016〕19号 第九条 ("保留姓氏，名字以'某'替代"; for
minority names "保留第一个字，其余内容以'某'替代"); numbers, plates and e-mails become `*` of the
same length, and the detailed part of an address becomes `***` (LAW-APL-50, GUO-118-02).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

__all__ = [
    "LABELS",
    "KnownPerson",
    "Label",
    "PiiSpan",
    "default_replacement",
    "make_span",
    "mask",
]

Label = Literal["PERSON", "ID_CARD", "PHONE", "BANK_CARD", "ADDRESS_DETAIL", "PLATE", "EMAIL"]
LABELS: Final[tuple[Label, ...]] = (
    "PERSON",
    "ID_CARD",
    "PHONE",
    "BANK_CARD",
    "ADDRESS_DETAIL",
    "PLATE",
    "EMAIL",
)
Source = Literal["known", "rule", "context", "manual"]

ADDRESS_MASK: Final = "***"
MINORITY_DOTS: Final = "·•・．"


@dataclass(frozen=True, slots=True)
class PiiSpan:
    """One piece of personal information: `text[start:end]`, its label and its mask."""

    start: int
    end: int
    label: Label
    text: str
    replacement: str
    source: Source = "rule"

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form, for storing the approved set."""
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "replacement": self.replacement,
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PiiSpan:
        label = str(data["label"])
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            label=label,  # type: ignore[arg-type]  # checked against LABELS just above
            text=str(data["text"]),
            replacement=str(data["replacement"]),
            source=data.get("source", "manual"),
        )


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """What the case already knows about a natural person: every occurrence is masked."""

    name: str
    id_number: str | None = None
    phones: Sequence[str] = field(default_factory=tuple)
    address: str | None = None


def person_mask(name: str, surname_length: int = 1) -> str:
    """张三 → 张某, 欧阳明月 → 欧阳某 (surname_length 2), 阿依古丽·托合提 → 阿某."""
    if any(dot in name for dot in MINORITY_DOTS):
        return name[0] + "某"
    return name[:surname_length] + "某"


def default_replacement(label: Label, fragment: str) -> str:
    """The mask of `fragment` when nothing better is known (a reviewer-added span)."""
    if label == "PERSON":
        from sanxiang.redaction.names import surname_length

        return person_mask(fragment, surname_length(fragment))
    if label == "ADDRESS_DETAIL":
        return ADDRESS_MASK
    return "*" * len(fragment)


def make_span(text: str, start: int, end: int, label: str) -> PiiSpan:
    """A span over `text[start:end]` that a reviewer added by hand, with the default mask."""
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}")
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}:{end} is outside the text")
    fragment = text[start:end]
    return PiiSpan(
        start,
        end,
        label,  # type: ignore[arg-type]  # checked against LABELS just above
        fragment,
        default_replacement(label, fragment),  # type: ignore[arg-type]  # same
        "manual",
    )


def mask(text: str, spans: Iterable[PiiSpan]) -> str:
    """`text` with every span replaced by its `replacement`.

    Raises `ValueError` if a span does not match the text (the document changed after the
    spans were computed or approved) or if two spans overlap: a published text must be
    exactly the approved one (SAMR-PUB-7/8).
    """
    out: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if span.start < position:
            raise ValueError(f"span {span.start}:{span.end} overlaps the previous span")
        if text[span.start : span.end] != span.text or span.start >= span.end:
            raise ValueError(f"span {span.start}:{span.end} does not match the text")
        out.append(text[position : span.start])
        out.append(span.replacement)
        position = span.end
    out.append(text[position:])
    return "".join(out)
