"""On-the-spot stories (简易程序, LAW-APL-51): a warning, or a fine of at most 200元 for a citizen
(and a 个体工商户) or 3000元 for an organisation, decided and handed over on the spot.

Parking (道路交通安全法第九十三条: 二十元以上二百元以下), street vending and waste (城管), stick-on
advertisements (警告; a minor aged 14–17 gets the mitigation LAW-APL-30 requires), price tags
(价格法第四十二条), and a disturbance in an office (治安管理处罚法第二十六条: 警告或者罚款).
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass

from sanxiang.cases.demo.people import Party
from sanxiang.cases.demo.scenarios_city import street_spot
from sanxiang.cases.demo.stories import Draft, minor_mitigation, yuan
from sanxiang.registry.models import PenaltyType as T

__all__ = ["ONSPOT_SCENARIOS", "OnSpotScenario", "OnSpotStory"]


@dataclass(frozen=True)
class OnSpotStory:
    party: Party
    title: str
    facts: str
    place: str
    penalty_types: tuple[str, ...]
    fine_fen: int
    reasons: str
    mitigation: str = ""
    # LAW-APL-68(二): collecting a fine above 100元 needs this ground (e.g. no fixed address).
    hard_to_enforce_later: bool = False


_PLATES = ("津A", "津B", "津C", "津D", "津E", "津H", "津M", "津N", "冀B", "冀J", "鲁A", "京Q")
_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def _plate(rng: random.Random) -> str:
    tail = "".join(rng.choice("0123456789" + _LETTERS[:8]) for _ in range(4))
    return f"{rng.choice(_PLATES)}·{rng.choice(_LETTERS)}{tail}"


def parking(d: Draft) -> OnSpotStory:
    """道路交通安全法第五十六条 / 第九十三条."""
    rng = d.rng
    party = d.people.person(d.district, born=(1960, 2004))
    plate = _plate(rng)
    place = street_spot(d)
    warning = rng.random() < 0.15
    fine = 0 if warning else rng.choice((50, 100, 100, 150, 200)) * 100
    types = (T.WARNING,) if warning else (T.FINE,)
    penalty = "警告" if warning else f"罚款{yuan(fine)}"
    return OnSpotStory(
        party=party,
        title=f"{party.name}机动车违反规定停放案",
        facts=(
            f"当事人驾驶号牌为{plate}的小型轿车，在{place}禁止停车路段停放，驾驶人虽在现场但"
            "拒绝立即驶离，妨碍其他车辆、行人通行。"
        ),
        place=place,
        penalty_types=types,
        fine_fen=fine,
        reasons=(
            "当事人的行为违反了《中华人民共和国道路交通安全法》第五十六条第一款的规定，依据"
            f"第九十三条第一款的规定，当场给予{penalty}。"
        ),
        hard_to_enforce_later=not plate.startswith("津") and fine > 10_000,
    )


def street_vending(d: Draft) -> OnSpotStory:
    """城市道路管理条例第二十七条 / 第四十二条: a vendor, a shop or a company's shopfront."""
    rng = d.rng
    place = street_spot(d)
    roll = rng.random()
    if roll < 0.45:
        party = d.people.person(d.district, local=0.4)
        what = d.pick(("推三轮车售卖水果", "摆地摊售卖小商品", "支摊售卖早点"))
        fine = rng.choice((50, 100, 100, 200)) * 100
    elif roll < 0.8:
        party = d.people.shop(d.district, d.pick(("水果店", "便利店", "早点铺")))
        what = "在店外人行道上摆放货架售卖商品"
        fine = rng.choice((100, 150, 200)) * 100
    else:
        party = d.people.company(d.district, d.pick(("商贸有限公司", "餐饮管理有限公司")))
        what = "在门店外人行道上摆放促销台、堆放货物"
        fine = rng.choice((500, 1_000, 2_000, 3_000)) * 100
    warning = rng.random() < 0.2
    types = (T.WARNING,) if warning else (T.FINE,)
    penalty = "警告" if warning else f"罚款{yuan(fine)}"
    return OnSpotStory(
        party=party,
        title=f"{party.name}擅自占用城市道路案",
        facts=f"当事人未经批准{what}，占用{place}人行道，经劝导拒不改正。",
        place=place,
        penalty_types=types,
        fine_fen=0 if warning else fine,
        reasons=(
            "当事人的行为违反了《城市道路管理条例》第二十七条第（一）项的规定，依据第四十二条"
            f"的规定，责令当事人立即改正，并当场给予{penalty}。"
        ),
        hard_to_enforce_later=party.kind == "natural_person" and fine > 10_000,
    )


def stick_on_ads(d: Draft) -> OnSpotStory:
    """城市市容和环境卫生管理条例第十七条 / 第三十四条: a warning."""
    if d.age is not None:
        party = d.people.minor(d.district, act_on=d.act_on, age=d.age)
        mitigation = minor_mitigation(d.age)
    else:
        party, mitigation = d.people.person(d.district, local=0.5), ""
    place = street_spot(d)
    return OnSpotStory(
        party=party,
        title=f"{party.name}未经批准张贴宣传品案",
        facts=f"当事人在{place}附近电线杆和墙面张贴“{d.pick(('开锁', '疏通', '办证'))}”小广告。",
        place=place,
        penalty_types=(T.WARNING,),
        fine_fen=0,
        reasons=(
            "当事人的行为违反了《城市市容和环境卫生管理条例》第十七条的规定，依据第三十四条"
            "第（二）项的规定，责令当事人清除所张贴的小广告，并当场给予警告。"
        ),
        mitigation=mitigation,
    )


def litter(d: Draft) -> OnSpotStory:
    """固体废物污染环境防治法第一百一十一条第二款: 个人一百元以上五百元以下."""
    party = d.people.person(d.district)
    fine = d.rng.choice((100, 150, 200)) * 100
    place = street_spot(d)
    return OnSpotStory(
        party=party,
        title=f"{party.name}随意倾倒生活垃圾案",
        facts=f"当事人将两袋生活垃圾随意丢弃于{place}绿化带内。",
        place=place,
        penalty_types=(T.FINE,),
        fine_fen=fine,
        reasons=(
            "当事人的行为违反了《中华人民共和国固体废物污染环境防治法》第四十九条的规定，依据"
            f"第一百一十一条第二款的规定，责令当事人清理，并当场给予罚款{yuan(fine)}。"
        ),
    )


def shop_price_tags(d: Draft) -> OnSpotStory:
    """价格法第十三条 / 第四十二条: an organisation, up to 3000元 on the spot."""
    party = d.people.company(
        d.district, d.pick(("超市有限公司", "药房连锁有限公司", "眼镜有限公司"))
    )
    fine = d.rng.choice((500, 800, 1_000, 1_500, 2_000, 3_000)) * 100
    return OnSpotStory(
        party=party,
        title=f"{party.name}不按规定明码标价案",
        facts=f"当事人经营场所内{d.rng.randint(3, 12)}种商品未标明价格，经责令后仍未改正。",
        place=party.data.address,
        penalty_types=(T.FINE,),
        fine_fen=fine,
        reasons=(
            "当事人的行为违反了《中华人民共和国价格法》第十三条第一款的规定，依据第四十二条的"
            f"规定，责令当事人改正，并当场给予罚款{yuan(fine)}。"
        ),
    )


def office_disturbance(d: Draft) -> OnSpotStory:
    """治安管理处罚法第二十六条第一款第（一）项 (情节较轻: 警告或者五百元以下罚款)."""
    party = d.people.person(d.district)
    warning = d.rng.random() < 0.6
    fine = 0 if warning else d.rng.choice((100, 200)) * 100
    penalty = "警告" if warning else f"罚款{yuan(fine)}"
    place = f"天津市{d.district.name}{d.pick(d.district.streets)}某银行营业厅"
    return OnSpotStory(
        party=party,
        title=f"{party.name}扰乱单位秩序案",
        facts=f"当事人因排队问题在{place}大声吵闹，经民警劝阻后停止，时间较短。",
        place=place,
        penalty_types=(T.WARNING,) if warning else (T.FINE,),
        fine_fen=fine,
        reasons=(
            "当事人的行为违反了《中华人民共和国治安管理处罚法》第二十六条第一款第（一）项的"
            f"规定，情节较轻，当场给予{penalty}。"
        ),
    )


@dataclass(frozen=True)
class OnSpotScenario:
    key: str
    agency: str
    department: str
    power_code: str
    write: Callable[[Draft], OnSpotStory]
    weight: int = 1
    minors: bool = False
    earliest: datetime.date | None = None  # see `stories.Scenario.earliest`


ONSPOT_SCENARIOS: tuple[OnSpotScenario, ...] = (
    OnSpotScenario("ga-parking", "ga", "交通管理局", "120000-GA-CF-003", parking, weight=8),
    OnSpotScenario(
        "ga-disturbance",
        "ga",
        "治安管理总队",
        "120000-GA-CF-002",
        office_disturbance,
        weight=2,
        earliest=datetime.date(2026, 1, 5),
    ),
    OnSpotScenario("bh-vending", "bh", "城市管理综合执法局", "120116-BH-CF-001", street_vending, 3),
    OnSpotScenario("hb-vending", "hb", "城市管理综合执法局", "120105-HB-CF-001", street_vending, 3),
    OnSpotScenario("jn-vending", "jn", "城市管理综合执法局", "120112-JN-CF-001", street_vending, 3),
    OnSpotScenario(
        "bh-ads", "bh", "城市管理综合执法局", "120116-BH-CF-003", stick_on_ads, 2, minors=True
    ),
    OnSpotScenario(
        "hb-ads", "hb", "城市管理综合执法局", "120105-HB-CF-003", stick_on_ads, 1, minors=True
    ),
    OnSpotScenario("jn-litter", "jn", "城市管理综合执法局", "120112-JN-CF-002", litter, 2),
    OnSpotScenario("bh-litter", "bh", "城市管理综合执法局", "120116-BH-CF-002", litter, 1),
    OnSpotScenario("sj-price-tags", "sj", "广告监管处", "120000-SJ-CF-006", shop_price_tags, 3),
)
