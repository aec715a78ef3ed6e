"""The legal sources of the demo: real titles, levels, issuers and dates (LAW-APL-37 versions).

Texts were checked against consolidated copies (mostly GitHub LawRefBook/Laws, which mirrors
国家法律法规数据库 flk.npc.gov.cn). Only articles whose wording was checked are cited; long
articles are abbreviated with "……" but never reworded. Promulgation numbers are left empty where
they were not checked.

Two lineages carry two versions to show versioning (LAW-APL-37): 行政处罚法 (2017 amendment,
in force until 2021-07-14, and the 2021 revision) and 治安管理处罚法 (2012 amendment, in force
until 2025-12-31, and the 2025 revision in force from 2026-01-01).

Left out on purpose: 天津市市容和环境卫生管理条例 (地方性法规). Its adoption and amendment
dates and its article texts could not be confirmed (a revision draft was in consultation in
October 2025), so the demo cites the national 城市市容和环境卫生管理条例 instead.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sanxiang.registry.models import LawLevel

NPCSC = "全国人民代表大会常务委员会"
STATE_COUNCIL = "国务院"


@dataclass(frozen=True, slots=True)
class LawSpec:
    key: str  # stable key used by the provision and power-item data
    lineage: str
    title: str
    short_title: str
    level: str
    issuer: str
    promulgated_on: datetime.date
    effective_from: datetime.date
    effective_to: datetime.date | None = None
    document_number: str = ""


def _d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _law(
    key: str,
    name: str,
    promulgated: str,
    effective: str,
    *,
    effective_to: datetime.date | None = None,
    document_number: str = "",
) -> LawSpec:
    """A national law of the NPC Standing Committee titled 中华人民共和国<name>."""
    return LawSpec(
        key=key,
        lineage=f"中华人民共和国{name}",
        title=f"中华人民共和国{name}",
        short_title=name,
        level=LawLevel.LAW,
        issuer=NPCSC,
        promulgated_on=_d(promulgated),
        effective_from=_d(effective),
        effective_to=effective_to,
        document_number=document_number,
    )


def _regulation(key: str, name: str, promulgated: str, effective: str) -> LawSpec:
    """An administrative regulation of the State Council (行政法规)."""
    return LawSpec(
        key=key,
        lineage=name,
        title=name,
        short_title=name,
        level=LawLevel.ADMINISTRATIVE_REGULATION,
        issuer=STATE_COUNCIL,
        promulgated_on=_d(promulgated),
        effective_from=_d(effective),
    )


LAWS: tuple[LawSpec, ...] = (
    # 行政处罚法: the 2017 amendment (法官法等八部法律的决定) took effect on 2018-01-01; the
    # 2021 revision replaced it on 2021-07-15 (LAW-APL-86).
    _law("APL2017", "行政处罚法", "2017-09-01", "2018-01-01", effective_to=_d("2021-07-14")),
    _law("APL2021", "行政处罚法", "2021-01-22", "2021-07-15", document_number="主席令第七十号"),
    # 治安管理处罚法: the 2012 amendment took effect on 2013-01-01; the 2025 revision on
    # 2026-01-01 (its article 144).
    _law("PSA2012", "治安管理处罚法", "2012-10-26", "2013-01-01", effective_to=_d("2025-12-31")),
    _law("PSA2025", "治安管理处罚法", "2025-06-27", "2026-01-01"),
    # 食品安全法 as last amended on 2025-09-12 (重点液态食品道路散装运输); the amending
    # decision took effect on 2025-12-01. The articles cited here read the same as in the
    # 2021 text.
    _law("FSL", "食品安全法", "2025-09-12", "2025-12-01"),
    _law("PQL", "产品质量法", "2018-12-29", "2018-12-29"),
    _law("ADL", "广告法", "2021-04-29", "2021-04-29"),
    _law("PRL", "价格法", "1997-12-29", "1998-05-01"),
    _law("RTS", "道路交通安全法", "2021-04-29", "2021-04-29"),
    _law("EPL", "环境保护法", "2014-04-24", "2015-01-01"),
    _law("APPL", "大气污染防治法", "2018-10-26", "2018-10-26"),
    _law("WPPL", "水污染防治法", "2017-06-27", "2018-01-01"),
    _law("EIAL", "环境影响评价法", "2018-12-29", "2018-12-29"),
    _law("SWL", "固体废物污染环境防治法", "2020-04-29", "2020-09-01"),
    # Loaded for the library; the tax bureau is vertically managed and not a demo agency.
    _law("TAX", "税收征收管理法", "2015-04-24", "2015-04-24"),
    _law("ACC", "会计法", "2024-06-28", "2024-07-01"),
    _regulation("CAR", "城市市容和环境卫生管理条例", "2017-03-01", "2017-03-01"),
    _regulation("URR", "城市道路管理条例", "2019-03-24", "2019-03-24"),
)

LAW_BY_KEY: dict[str, LawSpec] = {spec.key: spec for spec in LAWS}

_DIGITS = "零一二三四五六七八九"


def chinese_number(number: int) -> str:
    """1 → 一, 10 → 十, 15 → 十五, 40 → 四十, 105 → 一百零五, 124 → 一百二十四 (up to 999)."""
    if not 0 < number < 1000:
        raise ValueError(f"article numbers run from 1 to 999, not {number}")
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    text = f"{_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and ones:
        text += "零"
    if ones:
        text += _DIGITS[ones]
    return text


def provision_label(article: int, paragraph: int | None, item: int | None) -> str:
    """The citation form used in documents: 第一百二十四条第一款第五项."""
    label = f"第{chinese_number(article)}条"
    if paragraph is not None:
        label += f"第{chinese_number(paragraph)}款"
    if item is not None:
        label += f"第{chinese_number(item)}项"
    return label
