"""Precision and recall per label on the labelled evaluation set.

    python -m sanxiang.redaction.evaluate                 # test split, blind mode
    python -m sanxiang.redaction.evaluate --split dev --mode case --errors 20

Modes: `blind` gives the engine nothing but the text (the hardest case: every name must be
found from its context); `case` passes what the case knows (the party's or representative's
name as `known_persons`, the officers as `keep`), as the publication workflow does.

Recall counts a gold span as found only when every character of it is inside predicted spans
of the same label; precision counts a predicted span as correct when it overlaps a gold span of
the same label (the definitions of the tool measurements in docs/redaction.md). A kept item
(officer, certificate number, organisation, agency, law, document number, credit code, amount,
date, decoy) is *damaged* when any predicted span overlaps it.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sanxiang.redaction.engine import find_pii
from sanxiang.redaction.spans import LABELS, PiiSpan

__all__ = ["Scores", "load", "score"]

EVAL_DIR = Path(__file__).resolve().parent / "eval"


def load(split: str = "test") -> list[dict[str, Any]]:
    """The records of one split of the evaluation set."""
    with (EVAL_DIR / f"{split}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class Scores:
    """Counts per label, kept-item damage and the misses, for a set of records."""

    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    damaged: list[tuple[str, dict[str, Any], PiiSpan]] = field(default_factory=list)
    misses: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    false_hits: list[tuple[str, PiiSpan]] = field(default_factory=list)
    chars: int = 0
    seconds: float = 0.0

    def recall(self, label: str) -> float:
        return self.found[label] / self.gold[label] if self.gold[label] else 1.0

    def precision(self, label: str) -> float:
        return self.correct[label] / self.predicted[label] if self.predicted[label] else 1.0

    def table(self) -> str:
        lines = ["| label | gold | predicted | recall | precision |", "|---|---:|---:|---:|---:|"]
        for label in LABELS:
            lines.append(
                f"| {label} | {self.gold[label]} | {self.predicted[label]} | "
                f"{self.recall(label):.2%} | {self.precision(label):.2%} |"
            )
        return "\n".join(lines)


def _covered(start: int, end: int, spans: Sequence[PiiSpan], label: str) -> bool:
    chars = set(range(start, end))
    for span in spans:
        if span.label == label:
            chars -= set(range(span.start, span.end))
    return not chars


def predict(record: dict[str, Any], mode: str) -> list[PiiSpan]:
    """The engine's spans for one record in the given mode."""
    if mode == "blind":
        return find_pii(record["text"])
    officers = [k["text"] for k in record["keep"] if k["kind"] == "officer"]
    return find_pii(record["text"], record["known"], keep=officers)


def score(records: Iterable[dict[str, Any]], mode: str = "blind") -> Scores:
    """Score the engine on `records`."""
    scores = Scores()
    for record in records:
        began = time.perf_counter()
        spans = predict(record, mode)
        scores.seconds += time.perf_counter() - began
        scores.chars += len(record["text"])
        gold = record["spans"]
        for item in gold:
            scores.gold[item["label"]] += 1
            if _covered(item["start"], item["end"], spans, item["label"]):
                scores.found[item["label"]] += 1
            else:
                scores.misses.append((record["id"], item))
        for span in spans:
            scores.predicted[span.label] += 1
            if any(
                g["label"] == span.label and g["start"] < span.end and span.start < g["end"]
                for g in gold
            ):
                scores.correct[span.label] += 1
            else:
                scores.false_hits.append((record["id"], span))
        for kept in record["keep"]:
            for span in spans:
                if span.start < kept["end"] and kept["start"] < span.end:
                    scores.damaged.append((record["id"], kept, span))
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=["test", "dev", "holdout"])
    parser.add_argument("--mode", default="blind", choices=["blind", "case"])
    parser.add_argument(
        "--errors", type=int, default=0, help="print this many misses and false hits"
    )
    args = parser.parse_args(argv)
    records = load(args.split)
    scores = score(records, args.mode)
    print(f"{args.split} split, {len(records)} texts, {scores.chars} characters, mode {args.mode}")
    print(scores.table())
    print(f"kept items damaged: {len(scores.damaged)}")
    for record_id, kept, span in scores.damaged[: max(args.errors, 5)]:
        print(
            f"  DAMAGED {record_id} {kept['kind']} {kept['text']!r} by {span.label} {span.text!r}"
        )
    for record_id, item in scores.misses[: args.errors]:
        record = next(r for r in records if r["id"] == record_id)
        context = record["text"][max(0, item["start"] - 12) : item["end"] + 12].replace("\n", "/")
        print(f"  MISS {record_id} {item['label']} {item['text']!r} in …{context}…")
    for record_id, span in scores.false_hits[: args.errors]:
        record = next(r for r in records if r["id"] == record_id)
        context = record["text"][max(0, span.start - 12) : span.end + 12].replace("\n", "/")
        print(f"  FALSE {record_id} {span.label} {span.text!r} in …{context}…")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
