"""References between agencies in the agency sheet: 上级机关 (parent) and 监督机关 (supervisor).

A reference names an agency by exact name or credit code: one defined in the same file, above
or below the row (the import links agencies in a second pass), else one already stored. Nodes
are credit codes, so an agency renamed by the file is still the same node. A reference that
makes an agency its own parent or supervisor, directly or through a chain of stored and
imported links, is refused: the supervision scope (`access.supervised_agency_ids`) and the
hierarchy must stay trees (TJ-SUP-6).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from sanxiang.core.creditcode import normalise_credit_code
from sanxiang.registry.models import Agency


@dataclass(frozen=True)
class FileAgency:
    credit_code: str
    name: str


class AgencyIndex:
    """Finds the credit code an agency reference points to: the file first, then the database."""

    def __init__(self, in_file: Iterable[FileAgency], stored: Iterable[Agency]) -> None:
        self.names: dict[str, str] = {}  # credit code → name to show in messages
        self._stored: dict[str, str] = {}
        for agency in stored:
            self.names[agency.credit_code] = agency.name
            self._stored[agency.name] = agency.credit_code
            self._stored[agency.credit_code] = agency.credit_code
        self._file: dict[str, str] = {}
        for entry in in_file:
            self.names[entry.credit_code] = entry.name
            self._file[entry.name] = entry.credit_code
            self._file[entry.credit_code] = entry.credit_code

    def resolve(self, text: str) -> str | None:
        """The credit code of the agency `text` names, or None if no agency has that name."""
        text = text.strip()
        code = normalise_credit_code(text)
        for index in (self._file, self._stored):
            found = index.get(text) or index.get(code)
            if found is not None:
                return found
        return None


def stored_links(agencies: Iterable[Agency], relation: str) -> dict[str, str | None]:
    """Credit code → credit code of the `relation` ("parent" or "supervising_body")."""
    listed = list(agencies)
    code_of = {agency.pk: agency.credit_code for agency in listed}
    links: dict[str, str | None] = {}
    for agency in listed:
        target_id = getattr(agency, f"{relation}_id")
        links[agency.credit_code] = code_of.get(target_id) if target_id is not None else None
    return links


def cycle_reason(start: str, links: Mapping[str, str | None], names: Mapping[str, str]) -> str:
    """Why following `links` from `start` comes back to it, or "" when it does not."""
    chain = [start]
    seen = {start}
    node = links.get(start)
    while node is not None:
        chain.append(node)
        if node == start:
            break
        if node in seen:  # a cycle further up that does not pass through `start`
            return ""
        seen.add(node)
        node = links.get(node)
    else:
        return ""
    if len(chain) == 2:
        return _("An agency cannot refer to itself here.")
    return _("This makes a cycle: %(chain)s.") % {
        "chain": " → ".join(names.get(code, code) for code in chain)
    }
