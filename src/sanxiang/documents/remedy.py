"""The remedy clause of a decision (救济途径和期限): who hears it, and within what period.

* LAW-ARL-20: reconsideration "自知道或者应当知道该行政行为之日起六十日内".
* LAW-ARL-24/27: a department's decision goes to the people's government at its level; a
  government's to the government one level up; a vertically managed body's (海关、金融、外汇、
  税务、国家安全) to the next-higher authority.
* 行政诉讼法第四十六条: a lawsuit within six months (REMEDY-TEXT).
* LAW-ARL-23: from 2024-01-01 an on-the-spot penalty decision (当场作出的行政处罚决定) goes to
  reconsideration first (复议前置); the clause must say so and must not offer direct litigation.

The bodies can be set per agency (`DocumentSettings`); the derived body is the default.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sanxiang.registry.models import Agency, AgencyKind, Region

__all__ = [
    "RECONSIDERATION_FIRST_FROM",
    "RemedyClause",
    "default_reconsideration_body",
    "region_full_name",
    "remedy_clause",
]

# LAW-ARL-23: the revised Administrative Reconsideration Law took effect on 2024-01-01.
RECONSIDERATION_FIRST_FROM = datetime.date(2024, 1, 1)
RECONSIDERATION_DAYS_TEXT = "六十日"  # LAW-ARL-20
LAWSUIT_PERIOD_TEXT = "六个月"  # 行政诉讼法第四十六条 (REMEDY-TEXT)


@dataclass(frozen=True)
class RemedyClause:
    text: str
    reconsideration_body: str
    court: str
    reconsideration_first: bool


def region_full_name(region: Region) -> str:
    """天津市滨海新区 for 120116: the names from the top, each once."""
    names: list[str] = []
    current: Region | None = region
    while current is not None:
        names.append(current.name)
        current = current.parent
    full = ""
    for name in reversed(names):
        if not full.endswith(name):
            full += name
    return full


def default_reconsideration_body(agency: Agency) -> str:
    """LAW-ARL-24/27: the body that hears a reconsideration of `agency`'s decisions."""
    parent = agency.parent
    if agency.is_vertical:
        # LAW-ARL-27: vertically managed bodies go to the next-higher authority.
        return parent.name if parent is not None else ""
    if agency.kind == AgencyKind.GOVERNMENT:
        # LAW-ARL-24: a government's act goes to the government one level up.
        if parent is not None and parent.kind == AgencyKind.GOVERNMENT:
            return parent.name
        upper = agency.region.parent
        return f"{region_full_name(upper)}人民政府" if upper is not None else ""
    if parent is not None and parent.kind == AgencyKind.GOVERNMENT:
        return parent.name
    # LAW-ARL-24: a department's act goes to the people's government at its level.
    return f"{region_full_name(agency.region)}人民政府"


def remedy_clause(
    *, body: str, court: str, decided_on: datetime.date, on_the_spot: bool
) -> RemedyClause:
    """The clause printed on a decision (REMEDY-TEXT, LAW-ARL-20, LAW-ARL-23)."""
    first = on_the_spot and decided_on >= RECONSIDERATION_FIRST_FROM
    if first:
        # LAW-ARL-23: reconsideration first; no direct lawsuit is offered.
        text = (
            f"当事人如不服本决定，应当自收到本决定书之日起{RECONSIDERATION_DAYS_TEXT}内先向"
            f"{body}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起"
            f"十五日内依法向{court}提起行政诉讼。"
        )
    else:
        text = (
            f"当事人如不服本决定，可以自收到本决定书之日起{RECONSIDERATION_DAYS_TEXT}内向"
            f"{body}申请行政复议，也可以自收到本决定书之日起{LAWSUIT_PERIOD_TEXT}内依法向"
            f"{court}提起行政诉讼。"
        )
    return RemedyClause(
        text=text, reconsideration_body=body, court=court, reconsideration_first=first
    )
