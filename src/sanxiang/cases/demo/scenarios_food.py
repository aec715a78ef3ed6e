"""Food safety stories (食品安全) of 市场监管委 and the district 市场监管局.

超过保质期的食品: 食品安全法第三十四条第（十）项, 第一百二十四条第一款第（五）项.
未取得食品经营许可: 第三十五条第一款, 第一百二十二条第一款. Both fine 五万元以上十万元以下
below 一万元 of goods, and 十倍以上二十倍以下 the goods' value above — the tiers of
市场监管委's standards (registry `discretion_market`). The district items have no standard,
so their cases name no tier.
"""

from __future__ import annotations

import datetime

from sanxiang.cases.choices import LeadSource
from sanxiang.cases.demo.stories import (
    Draft,
    Penalty,
    Scenario,
    Story,
    cn_date,
    inquiry_opening,
    yuan,
)
from sanxiang.registry.models import PenaltyType as T

__all__ = ["FOOD_SCENARIOS"]

_FOODS = (  # name, unit, retail price in fen
    ("风味发酵乳（200克/盒）", "盒", 650),
    ("全麦吐司面包（400克/袋）", "袋", 1280),
    ("鸡肉火腿肠（240克/袋）", "袋", 890),
    ("苏打饼干（400克/盒）", "盒", 1590),
    ("速冻水饺（猪肉白菜馅，1千克/袋）", "袋", 2450),
    ("黑巧克力（100克/块）", "块", 2990),
    ("婴幼儿配方米粉（250克/盒）", "盒", 4580),
    ("即食燕麦片（1千克/袋）", "袋", 3290),
    ("低温鲜牛奶（950毫升/瓶）", "瓶", 1680),
    ("蛋黄酥（6枚/盒）", "盒", 3600),
    ("芝麻酱（300克/瓶）", "瓶", 1350),
    ("午餐肉罐头（340克/罐）", "罐", 1990),
)
_AREAS = ("食品区", "冷藏展示柜", "收银台旁", "休闲食品区", "乳制品冷柜")
_FOOD_LAW = "《中华人民共和国食品安全法》"


def _supplier(d: Draft) -> str:
    return f"天津市{d.people.trade_name()}{d.pick(('食品商贸有限公司', '副食品批发部'))}"


def _days_before(day: datetime.date, days: int) -> datetime.date:
    return day - datetime.timedelta(days=days)


def expired_food(d: Draft) -> Story:
    """食品安全法第三十四条第（十）项 / 第一百二十四条第一款第（五）项."""
    rng = d.rng
    small = d.first_offence
    if d.heavy or rng.random() < 0.4:
        party = d.people.company(d.district, d.pick(("超市有限公司", "商贸有限公司")))
        subject_role = "当事人门店店长（受委托人）"
    else:
        party = d.people.shop(d.district, d.pick(("便利店", "超市", "食品店", "副食店")))
        subject_role = "当事人经营者"
    subject = (
        d.people.person_name()[0]
        if party.kind == "organisation"
        else party.data.legal_representative
    )
    goods, unit, price = rng.choice(_FOODS)
    qty = rng.randint(2, 6) if small else rng.randint(8, 60)
    if d.heavy and party.kind == "organisation":
        qty = rng.randint(420, 900)  # a warehouse: goods worth more than 10,000元
    sold = rng.randint(1, 3) if small else rng.randint(2, 30)
    shelf = rng.choice((7, 21, 90, 180, 270, 365))
    overdue = rng.randint(2, 40)
    produced = _days_before(d.act_on, shelf + overdue)
    bought = produced + datetime.timedelta(days=rng.randint(2, 10))
    cost = price * rng.randint(62, 80) // 100
    value, gains = qty * price, sold * price
    area, supplier = d.pick(_AREAS), _supplier(d)
    place = party.data.address
    facts = (
        f"{cn_date(d.act_on)}，本机关执法人员对当事人位于{place}的经营场所进行监督检查，发现其"
        f"{area}摆放待售的{goods}共{qty}{unit}，外包装标注生产日期为{cn_date(produced)}，保质期"
        f"{shelf}天，至检查之日已超过保质期{overdue}天。经查，上述食品系当事人于{cn_date(bought)}"
        f"从{supplier}购进，进货价{yuan(cost)}/{unit}，销售价{yuan(price)}/{unit}，已售出"
        f"{sold}{unit}，违法所得{yuan(gains)}；查获的{qty}{unit}货值金额{yuan(value)}。"
    )
    items = f"超过保质期的{goods}{qty}{unit}"
    if d.outside:
        fine = d.money(10_000, 30_000, 1_000)
        penalty = Penalty(
            (T.CONFISCATE_GAINS, T.CONFISCATE_PROPERTY, T.FINE),
            fine_fen=fine,
            confiscation_fen=gains,
            tier=2,
            confiscated_items=items,
            outside_reason=(
                "当事人在检查当日即主动下架全部涉案食品，召回已售出食品，主动消除危害后果，且涉案"
                "货值金额较小，依照《中华人民共和国行政处罚法》第三十二条第（一）项的规定减轻处罚。"
            ),
        )
    elif value >= 1_000_000:
        penalty = Penalty(
            (T.CONFISCATE_GAINS, T.CONFISCATE_PROPERTY, T.FINE),
            fine_fen=(qty + sold) * price * rng.randint(10, 12),
            confiscation_fen=gains,
            tier=4,
            basis_fen=(qty + sold) * price,
            confiscated_items=items,
        )
    else:
        low, high = (70_000, 80_000) if d.heavy else (50_000, 60_000)
        penalty = Penalty(
            (T.CONFISCATE_GAINS, T.CONFISCATE_PROPERTY, T.FINE),
            fine_fen=d.money(low, high, 1_000),
            confiscation_fen=gains,
            tier=3 if d.heavy else 2,
            confiscated_items=items,
        )
    source = d.source(
        (LeadSource.INSPECTION, 5), (LeadSource.COMPLAINT, 4), (LeadSource.MONITORING, 1)
    )
    reporter = d.reporter() if source == LeadSource.COMPLAINT else ("", "")
    summaries: dict[str, str] = {
        LeadSource.COMPLAINT: (
            f"消费者{reporter[0]}通过12315平台投诉，称其在当事人处购买的{goods}已超过保质期。"
        ),
        LeadSource.INSPECTION: f"执法人员在日常监督检查中发现当事人经营的{goods}疑似超过保质期。",
        LeadSource.MONITORING: f"食品安全监督抽检中发现当事人在售的{goods}标签保质期已届满。",
    }
    summary = summaries[source]
    return Story(
        party=party,
        title=f"{party.name}经营超过保质期的食品案",
        place=place,
        act_on=d.act_on,
        lead_source=source,
        lead_summary=summary,
        facts=facts,
        inspection=(
            f"当事人营业执照、食品经营许可证悬挂于店内显著位置。执法人员在{area}发现{goods}"
            f"{qty}{unit}，标注生产日期{cn_date(produced)}，保质期{shelf}天，已超过保质期。执法人员"
            f"对上述食品拍照取证，责令当事人立即下架。{subject}在场，对检查情况无异议并签字确认。"
        ),
        inquiry=inquiry_opening("sj")
        + (
            f"问：请说明你的身份。\n答：我叫{subject}，是{party.name}的"
            f"{'店长，有公司的授权委托书' if party.kind == 'organisation' else '经营者'}。\n"
            f"问：检查发现的{goods}是什么情况？\n答：这批货是{cn_date(bought)}从{supplier}进的，"
            f"进价{yuan(cost)}，卖{yuan(price)}。临期的货平时由店员查，这批没有及时下架。\n"
            f"问：这批食品卖出去多少？\n答：卖了{sold}{unit}，剩下{qty}{unit}都在货架上。\n"
            "问：你对上述事实有无异议？\n答：没有异议，已经全部下架，以后每天检查保质期。"
        ),
        subject=subject,
        subject_role=subject_role,
        violated=f"{_FOOD_LAW}第三十四条第（十）项",
        basis=f"{_FOOD_LAW}第一百二十四条第一款第（五）项",
        penalty=penalty,
        evidence="现场笔录、询问笔录、现场照片、进货票据、销售记录",
        items=items,
        reporter=reporter,
        not_penalised=(
            f"当事人系初次违法，涉案食品货值金额{yuan(value)}，数量较少，未造成危害后果，且在检查"
            "当日即全部下架并主动改正，依照《中华人民共和国行政处罚法》第三十三条第一款的规定，"
            "不予行政处罚。执法人员已对当事人进行食品安全法律法规教育。"
        ),
    )


_STALLS = (  # kind, what it sells, daily takings in yuan
    ("奶茶店", "奶茶、果茶等饮品", 600),
    ("熟食店", "酱牛肉、卤猪蹄等熟食", 800),
    ("烘焙坊", "蛋糕、面包等糕点", 500),
    ("小吃店", "煎饼果子、锅巴菜等小吃", 300),
    ("快餐店", "盒饭、盖浇饭", 700),
)


def unlicensed_food(d: Draft) -> Story:
    """食品安全法第三十五条第一款 / 第一百二十二条第一款."""
    rng = d.rng
    kind, goods, daily = rng.choice(_STALLS)
    party = d.people.shop(d.district, kind)
    owner = party.data.legal_representative
    started = _days_before(d.act_on, rng.randint(20, 90))
    days = (d.act_on - started).days
    revenue = daily * days * rng.randint(70, 110)  # fen: whole yuan
    value = rng.randint(300, 1800) * 100
    place = party.data.address
    facts = (
        f"经查，当事人自{cn_date(started)}起在{place}从事{goods}的制售经营，至{cn_date(d.act_on)}"
        f"被查获时，未取得食品经营许可证。经营期间销售收入共计{yuan(revenue)}，即违法所得"
        f"{yuan(revenue)}；现场查获的食品原料及成品货值金额{yuan(value)}。"
    )
    items = f"用于违法经营的食品原料及成品一批（货值{yuan(value)}）"
    if d.outside:
        penalty = Penalty(
            (T.CONFISCATE_GAINS, T.CONFISCATE_PROPERTY, T.FINE),
            fine_fen=d.money(5_000, 20_000, 1_000),
            confiscation_fen=revenue,
            tier=1,
            confiscated_items=items,
            outside_reason=(
                "当事人经营规模小、经营时间短，已主动停止经营并申请办理食品经营许可，未发生食品"
                "安全事故，依照《中华人民共和国行政处罚法》第三十二条第（一）项的规定减轻处罚。"
            ),
        )
    else:
        low, high = (70_000, 85_000) if d.heavy else (50_000, 60_000)
        penalty = Penalty(
            (T.CONFISCATE_GAINS, T.CONFISCATE_PROPERTY, T.FINE),
            fine_fen=d.money(low, high, 1_000),
            confiscation_fen=revenue,
            tier=2 if d.heavy else 1,
            confiscated_items=items,
        )
    source = d.source(
        (LeadSource.COMPLAINT, 5), (LeadSource.INSPECTION, 4), (LeadSource.REFERRAL, 1)
    )
    reporter = d.reporter() if source == LeadSource.COMPLAINT else ("", "")
    return Story(
        party=party,
        title=f"{party.name}未取得食品经营许可从事食品经营案",
        place=place,
        act_on=started,
        act_ended_on=d.act_on,
        lead_source=source,
        lead_summary=(
            f"群众举报{place}一家{kind}无证经营{goods}。"
            if source == LeadSource.COMPLAINT
            else f"执法人员巡查发现{place}一家{kind}未悬挂食品经营许可证。"
        ),
        facts=facts,
        inspection=(
            f"现场为一处{kind}，悬挂营业执照，未能出示食品经营许可证。操作间内有正在制售的{goods}及"
            f"原料，经营者{owner}在场。执法人员现场拍照，并清点食品原料及成品。"
        ),
        inquiry=inquiry_opening("sj")
        + (
            f"问：你在这里经营多长时间了？\n答：从{cn_date(started)}开始的，卖{goods}。\n"
            "问：你是否取得了食品经营许可证？\n答：还没有办，营业执照办下来就先开业了。\n"
            f"问：经营以来的销售收入有多少？\n答：按收款记录算，一共{yuan(revenue)}左右。\n"
            "问：你对上述事实有无异议？\n答：没有，我马上停业去办许可证。"
        ),
        subject=owner,
        subject_role="当事人经营者",
        violated=f"{_FOOD_LAW}第三十五条第一款",
        basis=f"{_FOOD_LAW}第一百二十二条第一款",
        penalty=penalty,
        evidence="现场笔录、询问笔录、现场照片、收款记录",
        items=items,
        reporter=reporter,
        not_penalised="当事人在立案前已取得食品经营许可证，违法行为轻微并及时改正，没有造成危害后果。",
    )


FOOD_SCENARIOS: tuple[Scenario, ...] = (
    Scenario("sj-expired-food", "sj", "食品安全执法处", "120000-SJ-CF-001", expired_food),
    Scenario("sj-unlicensed-food", "sj", "食品安全执法处", "120000-SJ-CF-002", unlicensed_food),
    Scenario("bh-expired-food", "bh", "市场监管局", "120116-BH-CF-004", expired_food),
    Scenario("hb-unlicensed-food", "hb", "市场监管局", "120105-HB-CF-004", unlicensed_food),
    Scenario("jn-unlicensed-food", "jn", "市场监管局", "120112-JN-CF-004", unlicensed_food),
)
