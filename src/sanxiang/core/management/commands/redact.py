"""`sanxiang redact`: read a text on stdin, write its public version (or its spans) on stdout.

    sanxiang redact < decision.txt > public.txt
    sanxiang redact --spans --known-person 张三 --keep 王磊 < decision.txt

The work is done by `sanxiang.redaction` (plain Python, DESIGN.md §5); this command only reads
and writes. Masks follow LAW-APL-50 / GUO-118-02 (see docs/redaction.md).
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from sanxiang.redaction import find_pii, mask

__all__ = ["Command"]


class Command(BaseCommand):
    help = (
        "Read a text on standard input and write its public version: names of natural "
        "persons, ID numbers, phone numbers, bank cards, e-mails, plates and the detailed part "
        "of home addresses masked. With --spans, write the spans found as JSON lines instead."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--spans",
            action="store_true",
            help="Print one JSON object per span (start, end, label, text, replacement, source).",
        )
        parser.add_argument(
            "--known-person",
            action="append",
            default=[],
            metavar="NAME",
            help="A natural person's name the case knows; every occurrence is masked (repeatable).",
        )
        parser.add_argument(
            "--keep",
            action="append",
            default=[],
            metavar="NAME",
            help="A name never masked, e.g. an officer or a published party (repeatable).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        text = sys.stdin.read()
        spans = find_pii(text, options["known_person"], keep=options["keep"])
        if options["spans"]:
            for span in spans:
                self.stdout.write(json.dumps(span.to_dict(), ensure_ascii=False))
        else:
            self.stdout.write(mask(text, spans), ending="")
