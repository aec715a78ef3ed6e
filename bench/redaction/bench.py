"""Throughput of `sanxiang.redaction.redact` on Chinese decision texts, against a plain `re` peer.

    .venv/bin/python bench/redaction/bench.py [repeats]

Corpus: every text of the evaluation set (dev + test + holdout splits), repeated until it is at
least 4 MB of UTF-8. One process, one core. Each figure is the median of 3 runs, after one
warm-up run (the warm-up also loads the jieba dictionary lexicon once; that load is timed
separately). The engine is also timed on the same corpus with every ASCII digit and letter
written full-width (the fold to ASCII then runs on every text). Peer (the perf-notes anchor,
29.2 MB/s): stdlib `re`, one alternation of an 18-digit ID (check digit verified in the
callback), a mobile number and a credit code, applied with `re.sub`. MB = 10^6 bytes of UTF-8.
"""

from __future__ import annotations

import re
import statistics
import string
import sys
import time
from collections.abc import Callable

from sanxiang.redaction import redact
from sanxiang.redaction.evaluate import load
from sanxiang.redaction.names import _lexicon
from sanxiang.redaction.numbers import is_valid_id_number

PEER_RE = re.compile(
    r"(?<!\d)(\d{17}[\dXx])(?!\d)|(?<!\d)(1[3-9]\d{9})(?!\d)|"
    r"(?<![0-9A-Z])([0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Z])"
)


def peer(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group(1) and not is_valid_id_number(match.group(1).upper()):
            return match.group(0)
        if match.group(3):
            return match.group(0)
        return "*" * len(match.group(0))

    return PEER_RE.sub(replace, text)


def corpus() -> list[str]:
    texts = [r["text"] for split in ("dev", "test", "holdout") for r in load(split)]
    out: list[str] = []
    size = 0
    while size < 4_000_000:
        for text in texts:
            out.append(text)
            size += len(text.encode("utf-8"))
    return out


def run(function: Callable[[str], str], texts: list[str]) -> float:
    began = time.perf_counter()
    for text in texts:
        function(text)
    return time.perf_counter() - began


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    began = time.perf_counter()
    _lexicon()
    load_seconds = time.perf_counter() - began
    texts = corpus()
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} texts, {chars} characters, {megabytes:.2f} MB UTF-8")
    print(f"jieba dictionary lexicon load (once per process): {load_seconds:.2f} s")
    # The same corpus with every ASCII digit and letter written full-width (１３８…, Ｘ): the
    # engine folds them to ASCII before matching (`sanxiang.redaction.numbers.fold`).
    wide = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in string.digits + string.ascii_letters})
    wide_texts = [t.translate(wide) for t in texts]
    results = {}
    for name, function, inputs in (
        ("sanxiang.redaction.redact", redact, texts),
        ("sanxiang.redaction.redact, full-width digits and letters", redact, wide_texts),
        ("peer: stdlib re, 3 patterns", peer, texts),
    ):
        run(function, inputs[:200])
        times = [run(function, inputs) for _ in range(repeats)]
        median = statistics.median(times)
        size = sum(len(t.encode("utf-8")) for t in inputs) / 1e6  # full-width: 3 bytes each
        results[name] = size / median
        print(
            f"{name}: median {median:.2f} s over {repeats} runs = {results[name]:.2f} MB/s "
            f"({chars / median / 1e3:.0f} k chars/s)"
        )
    ours, theirs = results["sanxiang.redaction.redact"], results["peer: stdlib re, 3 patterns"]
    print(
        f"ratio redact / peer: {ours / theirs:.3f} (peer is {theirs / ours:.1f}x faster; "
        f"it finds 3 structured labels, no names, plates, cards, e-mails or addresses)"
    )


if __name__ == "__main__":
    main()
