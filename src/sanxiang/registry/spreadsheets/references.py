"""Legal-basis references as agencies write them: 《中华人民共和国食品安全法》第一百二十四条.

Grammar of one reference: 《title》, an optional version date in brackets for laws revised
under the same title (《…》(2017-09-01)), then the provision: 第N条, optionally 第N款 and
第N项 (or （N）), numerals Chinese or Arabic. Several references in one cell are separated
by ；. A title matches `Law.title` or `Law.short_title`; without a version date the version in
force on the import day is used, else the latest one (LAW-APL-37: versions are separate rows).
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import cn2an
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from sanxiang.registry.models import Law, Provision

SEPARATOR = "；"
_CELL_SEPARATORS = re.compile(r"[；;\n]+")
_TITLE_PREFIX_RE = re.compile(r"^《[^》]+》\s*(?:[(（]\d{4}-\d{2}-\d{2}[)）])?")
_REFERENCE_RE = re.compile(
    r"^《(?P<title>[^》]+)》\s*(?:[(（](?P<version>\d{4}-\d{2}-\d{2})[)）])?\s*(?P<label>\S.*)$"
)
_NUMERAL = r"[0-9一二三四五六七八九十百千零〇两]+"
_LABEL_RE = re.compile(
    rf"^第(?P<article>{_NUMERAL})条"
    rf"(?:第(?P<paragraph>{_NUMERAL})款)?"
    rf"(?:第?[(（]?(?P<item>{_NUMERAL})[)）]?项?)?$"
)


@dataclass(frozen=True)
class Reference:
    title: str
    version: datetime.date | None
    label: str
    numbers: tuple[int, int | None, int | None] | None  # article, paragraph, item

    def __str__(self) -> str:
        version = f"({self.version.isoformat()})" if self.version else ""
        return f"《{self.title}》{version}{self.label}"


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    try:
        return int(cn2an.cn2an(text, "smart"))
    except ValueError:
        return None


def parse_reference(text: str) -> Reference | None:
    """The parsed reference, or None if `text` does not follow the grammar above."""
    match = _REFERENCE_RE.match(text.strip())
    if match is None:
        return None
    version = None
    if match["version"]:
        try:
            version = datetime.date.fromisoformat(match["version"])
        except ValueError:
            return None
    label = match["label"].strip()
    numbers = None
    label_match = _LABEL_RE.match(label)
    if label_match:
        article = _number(label_match["article"])
        if article is not None:
            numbers = (article, _number(label_match["paragraph"]), _number(label_match["item"]))
    return Reference(match["title"].strip(), version, label, numbers)


class ProvisionResolver:
    """Resolves references against the law library with one query for all titles of a file."""

    def __init__(self, titles: Iterable[str], *, today: datetime.date) -> None:
        self._today = today
        wanted = sorted(set(titles))
        laws = Law.objects.filter(Q(title__in=wanted) | Q(short_title__in=wanted))
        self._versions: dict[str, list[Law]] = defaultdict(list)
        for law in laws:
            self._versions[law.title].append(law)
            if law.short_title and law.short_title != law.title:
                self._versions[law.short_title].append(law)
        provisions = Provision.objects.filter(law__in=laws).select_related("law")
        self._by_numbers: dict[tuple[int, tuple[int, int | None, int | None]], Provision] = {}
        self._by_label: dict[tuple[int, str], Provision] = {}
        for provision in provisions:
            key = (provision.article, provision.paragraph, provision.item)
            self._by_numbers[(provision.law_id, key)] = provision
            self._by_label[(provision.law_id, provision.label)] = provision

    def _law(self, reference: Reference) -> Law | None:
        versions = self._versions.get(reference.title, [])
        if reference.version is not None:
            return next((v for v in versions if v.effective_from == reference.version), None)
        in_force = [v for v in versions if v.is_in_force_on(self._today)]
        candidates = in_force or versions
        return max(candidates, key=lambda v: v.effective_from, default=None)

    def resolve(self, text: str) -> Provision | str:
        """The provision, or the reason (translated) why the reference cannot be used."""
        reference = parse_reference(text)
        if reference is None:
            return _(
                "%(text)s is not a reference such as 《中华人民共和国行政处罚法》第五十一条."
            ) % {"text": text}
        law = self._law(reference)
        if law is None:
            return _("Unknown law 《%(title)s》.") % {"title": reference.title}
        provision = None
        if reference.numbers is not None:
            provision = self._by_numbers.get((law.pk, reference.numbers))
        provision = provision or self._by_label.get((law.pk, reference.label))
        if provision is None:
            return _("Unknown provision %(reference)s.") % {"reference": str(reference)}
        return provision


def split_references(cell: str) -> list[str]:
    """The references of one cell, each with its title.

    Entries are separated by ；, ; or line breaks; inside an entry, 、 lists further provisions
    of the same law (《食品安全法》第一百二十四条、第一百二十五条).
    """
    references: list[str] = []
    for entry in _CELL_SEPARATORS.split(cell):
        prefix = ""
        for piece in (p.strip() for p in entry.split("、")):
            if not piece:
                continue
            title = _TITLE_PREFIX_RE.match(piece)
            if title:
                prefix = title.group(0)
                references.append(piece)
            else:
                references.append(prefix + piece)
    return references


def reference_titles(cells: Iterable[str]) -> set[str]:
    """The law titles cited in `cells`, to preload them in one query."""
    titles = set()
    for cell in cells:
        for text in split_references(cell):
            reference = parse_reference(text)
            if reference is not None:
                titles.add(reference.title)
    return titles


class ReferenceFormatter:
    """Writes references so that `ProvisionResolver` finds the same provision again."""

    def __init__(self) -> None:
        revised = Law.objects.values("title").annotate(n=Count("pk")).filter(n__gt=1)
        self._revised_titles = {row["title"] for row in revised}

    def format(self, provision: Provision) -> str:
        law = provision.law
        version = f"({law.effective_from.isoformat()})" if law.title in self._revised_titles else ""
        return f"《{law.title}》{version}{provision.label}"
