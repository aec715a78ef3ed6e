"""PERSON recall/precision and speed of the name finders on the evaluation set.

    .venv/bin/python bench/redaction/compare_nlp.py [test|dev]

Compared: jieba 0.42.1 `posseg` alone (tags nr*), the rule layer of sanxiang.redaction with and
without jieba's dictionary as a common-word lexicon, and the rule layer plus jieba `posseg`
names as a secondary signal (an nr token is added only where the rule layer's context check
accepts it). Same scoring as `python -m sanxiang.redaction.evaluate` (recall: every character
of a gold name masked; precision: a predicted name overlaps a gold name).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

import jieba  # type: ignore[import-untyped]
import jieba.posseg as pseg  # type: ignore[import-untyped]

from sanxiang.redaction import names
from sanxiang.redaction.evaluate import load
from sanxiang.redaction.names import _is_common_word, _left_ok, _right_ok

jieba.setLogLevel(60)


def jieba_names(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for word, flag in pseg.cut(text):
        if flag.startswith("nr") and len(word) >= 2:
            spans.append((position, position + len(word)))
        position += len(word)
    return spans


def rules(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _src in names.find_names(text)]


def rules_plus_jieba(text: str) -> list[tuple[int, int]]:
    found = rules(text)
    extra: set[str] = set()
    for s, e in jieba_names(text):
        name = text[s:e]
        if _left_ok(text, s)[0] and _right_ok(text, e)[0] and not _is_common_word(name):
            extra.add(name)
    for name in extra:
        pos = text.find(name)
        while pos != -1:
            found.append((pos, pos + len(name)))
            pos = text.find(name, pos + len(name))
    return found


def evaluate(
    records: list[dict[str, Any]], finder: Callable[[str], list[tuple[int, int]]]
) -> tuple[float, float, float, int]:
    gold_n = found_n = pred_n = correct_n = 0
    officers_hit = 0
    chars = 0
    began = time.perf_counter()
    predictions = [finder(r["text"]) for r in records]
    seconds = time.perf_counter() - began
    for record, spans in zip(records, predictions, strict=True):
        chars += len(record["text"])
        gold = [g for g in record["spans"] if g["label"] == "PERSON"]
        for g in gold:
            covered = set(range(g["start"], g["end"]))
            for s, e in spans:
                covered -= set(range(s, e))
            gold_n += 1
            found_n += not covered
        for s, e in spans:
            pred_n += 1
            correct_n += any(g["start"] < e and s < g["end"] for g in gold)
        for k in record["keep"]:
            if k["kind"] == "officer" and any(k["start"] < e and s < k["end"] for s, e in spans):
                officers_hit += 1
    return found_n / gold_n, correct_n / max(pred_n, 1), chars / seconds, officers_hit


def main() -> None:
    split = sys.argv[1] if len(sys.argv) > 1 else "test"
    records = load(split)
    jieba.initialize()
    names.USE_LEXICON = True
    names._lexicon()
    print(f"{split}: {len(records)} texts, {sum(len(r['text']) for r in records)} characters")
    print("| finder | PERSON recall | PERSON precision | officers hit | k chars/s |")
    print("|---|---:|---:|---:|---:|")
    for label, finder, lexicon in [
        ("jieba posseg (nr*) alone", jieba_names, True),
        ("rules, no lexicon", rules, False),
        ("rules + jieba dictionary as lexicon", rules, True),
        ("rules + lexicon + jieba posseg secondary", rules_plus_jieba, True),
    ]:
        names.USE_LEXICON = lexicon
        r, p, speed, officers = evaluate(records, finder)
        print(f"| {label} | {r:.2%} | {p:.2%} | {officers} | {speed / 1e3:.0f} |")


if __name__ == "__main__":
    main()
