"""Masks over a source text: proposed by the redaction engine, approved by a reviewer.

A mask is a dict `{"start", "end", "label", "replacement"}` over the source text. The public
text is the source with every approved mask replaced (`apply_masks`). Proposals come from
`sanxiang.redaction.find_pii` (imported lazily: the package is optional at import time) plus
the facts the case already knows about the party (ID number, phone, address), which are
masked whether or not the engine recognises them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError

__all__ = ["KnownParty", "Mask", "apply_masks", "masks_for_fragments", "propose_masks"]

Mask = dict[str, Any]


@dataclass(frozen=True)
class KnownParty:
    """What the case knows about a party, to mask it for sure."""

    name: str
    is_person: bool
    id_number: str = ""
    phones: tuple[str, ...] = ()
    address: str = ""


def _redaction() -> Any:
    try:
        import sanxiang.redaction as redaction
    except ImportError as exc:  # pragma: no cover - the package is part of the project
        raise ApplicationError(
            _("The redaction engine is not available: nothing can be published."),
            code="publicity.redaction_unavailable",
        ) from exc
    return redaction


def _occurrences(text: str, fragment: str) -> Iterable[tuple[int, int]]:
    if not fragment:
        return
    start = text.find(fragment)
    while start != -1:
        yield start, start + len(fragment)
        start = text.find(fragment, start + len(fragment))


def _replacement(label: str, fragment: str) -> str:
    if label == "PERSON" and fragment:
        return fragment[0] + "某" * max(1, len(fragment) - 1)
    return "*" * min(len(fragment), 8) if label != "ADDRESS_DETAIL" else "**"


def masks_for_fragments(text: str, fragments: Iterable[tuple[str, str]]) -> list[Mask]:
    """A mask over every occurrence in `text` of each (label, fragment)."""
    masks: list[Mask] = []
    for label, fragment in fragments:
        for start, end in _occurrences(text, fragment.strip()):
            masks.append(
                {
                    "start": start,
                    "end": end,
                    "label": label,
                    "replacement": _replacement(label, text[start:end]),
                }
            )
    return masks


def merge_masks(masks: Iterable[Mask]) -> list[Mask]:
    """Sorted, with overlapping masks merged into the widest one (its first label)."""
    merged: list[Mask] = []
    for mask in sorted(masks, key=lambda m: (m["start"], -m["end"])):
        if merged and mask["start"] < merged[-1]["end"]:
            last = merged[-1]
            if mask["end"] > last["end"]:
                last["end"] = mask["end"]
                last["replacement"] = "*" * min(last["end"] - last["start"], 8)
            continue
        merged.append(dict(mask))
    return merged


def propose_masks(
    text: str, *, parties: Sequence[KnownParty], keep: Sequence[str] = ()
) -> list[Mask]:
    """The engine's proposals plus the known party facts, merged; `keep` names stay visible
    (officers' names are public by law, GUO-118-04; the party's name when the agency
    publishes it, SAMR-PUB-4)."""
    redaction = _redaction()
    known = [
        redaction.KnownPerson(
            name=p.name,
            id_number=p.id_number or None,
            phones=p.phones,
            address=p.address or None,
        )
        for p in parties
        if p.is_person
    ]
    masks: list[Mask] = [
        {
            "start": span.start,
            "end": span.end,
            "label": span.label,
            "replacement": span.replacement,
        }
        for span in redaction.find_pii(text, known_persons=known, keep=tuple(keep))
    ]
    facts: list[tuple[str, str]] = []
    for party in parties:
        facts.extend(("ID_CARD", value) for value in (party.id_number,) if value)
        facts.extend(("PHONE", phone) for phone in party.phones if phone)
        if party.is_person and party.address:
            facts.append(("ADDRESS_DETAIL", party.address))
        if party.name and party.name not in keep:
            facts.append(("PERSON" if party.is_person else "ORGANISATION", party.name))
    masks.extend(masks_for_fragments(text, facts))
    kept = [(s, e) for name in keep for s, e in _occurrences(text, name)]
    masks = [m for m in masks if not any(s <= m["start"] and m["end"] <= e for s, e in kept)]
    return merge_masks(masks)


def apply_masks(text: str, masks: Sequence[Mask]) -> str:
    """`text` with each mask's range replaced by its replacement (masks must not overlap)."""
    out: list[str] = []
    position = 0
    for mask in sorted(masks, key=lambda m: m["start"]):
        start, end = int(mask["start"]), int(mask["end"])
        if start < position or end > len(text) or start >= end:
            raise ApplicationError(
                _("The masks overlap or fall outside the text."),
                code="publicity.masks_invalid",
            )
        out.append(text[position:start])
        out.append(str(mask["replacement"]))
        position = end
    out.append(text[position:])
    return "".join(out)
