"""Market order stories (市场监管委): advertising, product quality and prices.

虚假广告: 广告法第五十五条 (广告费用三倍以上五倍以下). 不合格产品: 产品质量法第四十九条 (货值金额
等值以上三倍以下) and 第五十条 (百分之五十以上三倍以下). 价格: 价格法第四十二条 (明码标价, 五千元
以下) and 第四十条 (价格欺诈). The tiers are those of 市场监管委's standards where it has one
(registry `discretion_market`).
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

__all__ = ["MARKET_SCENARIOS"]


def _days_before(day: datetime.date, days: int) -> datetime.date:
    return day - datetime.timedelta(days=days)


_ADS = (
    (
        "生物科技有限公司",
        "某款固体饮料",
        "“三个月根治糖尿病”“替代胰岛素”",
        "微信公众号和短视频平台",
    ),
    (
        "教育咨询有限公司",
        "职业资格考试培训课程",
        "“不过全额退费”“内部命题专家授课”",
        "户外广告牌和网站",
    ),
    ("文化传媒有限公司", "某楼盘", "“地铁上盖、三年升值翻倍”", "电梯框架广告"),
    ("医疗美容诊所有限公司", "光子嫩肤项目", "“零风险、永久祛斑”", "网络直播和宣传单"),
    ("电器有限公司", "空气净化器", "“除甲醛率100%”“国家权威认证”", "电商平台商品详情页"),
)
_AD_LAW = "《中华人民共和国广告法》"


def false_ad(d: Draft) -> Story:
    """广告法第四条第一款、第二十八条第一款 / 第五十五条第一款 (广告费用三倍以上五倍以下)."""
    rng = d.rng
    industry, product, claim, medium = rng.choice(_ADS)
    party = d.people.company(d.district, industry)
    representative = party.data.legal_representative
    started = _days_before(d.act_on, rng.randint(20, 120))
    fee = rng.randint(40, 180) * 1_000 * 100  # ×3 reaches the 10万元 hearing threshold
    facts = (
        f"经查，当事人自{cn_date(started)}起通过{medium}发布{product}的广告，广告中含有{claim}"
        f"等内容。经核实，上述内容与实际情况不符，当事人无法提供证明材料，属于以虚假内容欺骗、"
        f"误导消费者的虚假广告。当事人为发布上述广告支付广告费用{yuan(fee)}。"
    )
    if d.heavy:
        penalty = Penalty(
            (T.FINE,),
            fine_fen=fee * rng.randint(5, 6),
            tier=3,
            basis_fen=fee,
        )
    else:
        penalty = Penalty(
            (T.FINE,),
            fine_fen=fee * 3,
            tier=1,
            basis_fen=fee,
        )
    return Story(
        party=party,
        title=f"{party.name}发布虚假广告案",
        place=party.data.address,
        act_on=started,
        act_ended_on=d.act_on,
        lead_source=d.source((LeadSource.MONITORING, 5), (LeadSource.COMPLAINT, 3)),
        lead_summary=f"广告监测发现当事人在{medium}发布的{product}广告含有{claim}等内容，涉嫌虚假宣传。",
        facts=facts,
        inspection=(
            f"执法人员对当事人经营场所进行检查，调取{product}广告的设计稿、发布合同及付款凭证，"
            f"对{medium}上的广告页面截屏、录屏固定证据。"
        ),
        inquiry=inquiry_opening("sj")
        + (
            f"问：你公司是否发布过{product}的广告？\n答：是的，从{cn_date(started)}开始在{medium}上发布。\n"
            f"问：广告中{claim}的内容有什么依据？\n答：是宣传文案公司写的，我们没有相关检测报告。\n"
            f"问：发布广告花费多少？\n答：合同和发票加起来是{yuan(fee)}。\n"
            "问：你对上述事实有无异议？\n答：没有异议，广告已经全部撤下。"
        ),
        subject=representative,
        subject_role="当事人法定代表人",
        violated=f"{_AD_LAW}第四条第一款、第二十八条第一款",
        basis=f"{_AD_LAW}第五十五条第一款",
        penalty=penalty,
        evidence="现场笔录、询问笔录、广告截图及录屏、广告发布合同、付款凭证",
        not_penalised="经调查，广告内容有相应检测报告支持，现有证据不足以认定为虚假广告。",
        correction="责令当事人停止发布上述广告，在相应范围内消除影响",
    )


_PRODUCTS = (
    (
        "电动自行车",
        "辆",
        180_000,
        "整车质量、最高车速不符合GB 17761-2018《电动自行车安全技术规范》",
    ),
    ("儿童塑料玩具", "件", 3_900, "邻苯二甲酸酯增塑剂含量超出GB 6675.1-2014的限量"),
    ("电热毯", "条", 12_800, "对触及带电部件的防护、发热元件不符合GB 4706.8-2008"),
    ("电源插座转换器", "个", 2_500, "插套夹紧力、阻燃性不符合GB/T 2099.1-2021"),
)
_PQL = "《中华人民共和国产品质量法》"


def substandard_product(d: Draft) -> Story:
    """产品质量法第十三条第二款 / 第四十九条 (货值金额等值以上三倍以下); no discretion standard."""
    rng = d.rng
    product, unit, price, defect = rng.choice(_PRODUCTS)
    party = d.people.company(
        d.district, d.pick(("商贸有限公司", "电子商务有限公司", "贸易有限公司"))
    )
    qty, sold = rng.randint(20, 120), rng.randint(5, 60)
    value = (qty + sold) * price
    gains = sold * price
    items = f"不合格{product}{qty}{unit}"
    return Story(
        party=party,
        title=f"{party.name}销售不符合保障人身、财产安全的国家标准的{product}案",
        place=party.data.address,
        act_on=_days_before(d.act_on, rng.randint(10, 40)),
        act_ended_on=d.act_on,
        lead_source=LeadSource.MONITORING,
        lead_summary=f"产品质量监督抽查中，当事人销售的{product}经检验{defect}，判定为不合格。",
        facts=(
            f"经查，当事人销售的{product}经天津市产品质量监督检测技术研究院检验，{defect}，"
            f"检验结论为不合格。当事人共购进该批{product}{qty + sold}{unit}，售价"
            f"{yuan(price)}/{unit}，已售出{sold}{unit}，违法所得{yuan(gains)}，库存{qty}{unit}，"
            f"货值金额共计{yuan(value)}。"
        ),
        inspection=f"执法人员在当事人仓库内发现该批{product}{qty}{unit}，与抽检样品批号一致，现场予以封存。",
        inquiry=inquiry_opening("sj")
        + (
            f"问：抽检不合格的{product}是从哪里进的货？\n答：从外地厂家直接进的，有进货单。\n"
            f"问：一共进了多少，卖了多少？\n答：进了{qty + sold}{unit}，卖出去{sold}{unit}。\n"
            "问：你对检验结论有无异议？\n答：没有异议，不申请复检。"
        ),
        subject=party.data.legal_representative,
        subject_role="当事人法定代表人",
        violated=f"{_PQL}第十三条第二款",
        basis=f"{_PQL}第四十九条",
        penalty=Penalty(
            (T.CONFISCATE_PROPERTY, T.CONFISCATE_GAINS, T.FINE),
            fine_fen=value * rng.randint(10, 15) // 10,
            confiscation_fen=gains,
            confiscated_items=items,
        ),
        evidence="检验报告、现场笔录、询问笔录、进货单据、销售记录",
        items=items,
        not_penalised=(
            "当事人能够提供合法进货来源和完整的进货查验记录，不知道所销售的产品不合格，"
            "有证据足以证明没有主观过错。"
        ),
    )


_ADULTERATED = (
    ("电线电缆", "卷", 36_000, "导体截面积标称4平方毫米，实测仅为3.1平方毫米"),
    ("复合肥料", "袋", 16_000, "总养分含量标称45%，实测为31.2%"),
    ("预拌砂浆", "吨", 42_000, "抗压强度标称M10，实测仅达M5"),
)


def adulterated_product(d: Draft) -> Story:
    """产品质量法第三十二条、第三十九条 / 第五十条 (货值金额百分之五十以上三倍以下)."""
    rng = d.rng
    product, unit, price, defect = rng.choice(_ADULTERATED)
    party = d.people.company(d.district, d.pick(("建材有限公司", "农资有限公司", "商贸有限公司")))
    qty = rng.randint(40, 300)
    value = qty * price
    tier = 2 if d.heavy else 1
    multiple = (rng.randint(11, 15) if d.heavy else rng.randint(6, 9)) / 10
    items = f"以不合格产品冒充合格产品的{product}{qty}{unit}"
    return Story(
        party=party,
        title=f"{party.name}以不合格{product}冒充合格产品销售案",
        place=party.data.address,
        act_on=_days_before(d.act_on, rng.randint(15, 60)),
        act_ended_on=d.act_on,
        lead_source=d.source((LeadSource.COMPLAINT, 3), (LeadSource.MONITORING, 3)),
        lead_summary=f"用户反映从当事人处购买的{product}质量不符合标称，{defect}。",
        facts=(
            f"经查，当事人销售的{product}{defect}，属于以不合格产品冒充合格产品。当事人共销售该"
            f"{product}{qty}{unit}，单价{yuan(price)}，货值金额{yuan(value)}。"
        ),
        inspection=f"执法人员在当事人仓库抽取{product}样品送检，对库存产品拍照登记。",
        inquiry=inquiry_opening("sj")
        + (
            f"问：你公司销售的{product}标称参数与实际不符，你是否知情？\n答：厂家给的价格低，"
            "我们没有送检就卖了。\n问：一共卖了多少？\n"
            f"答：{qty}{unit}，都有销售单。"
        ),
        subject=party.data.legal_representative,
        subject_role="当事人法定代表人",
        violated=f"{_PQL}第三十二条、第三十九条",
        basis=f"{_PQL}第五十条",
        penalty=Penalty(
            (T.CONFISCATE_PROPERTY, T.CONFISCATE_GAINS, T.FINE),
            fine_fen=int(value * multiple) // 100 * 100,
            confiscation_fen=value // 5 // 100 * 100,
            tier=tier,
            basis_fen=value,
            confiscated_items=items,
        ),
        evidence="检验报告、现场笔录、询问笔录、销售记录",
        items=items,
    )


def price_tag(d: Draft) -> Story:
    """价格法第十三条第一款 / 第四十二条 (责令改正，没收违法所得，可以并处五千元以下罚款)."""
    rng = d.rng
    party = d.people.company(
        d.district, d.pick(("超市有限公司", "药房连锁有限公司", "汽车维修服务有限公司"))
    )
    count = rng.randint(6, 40)
    heavy = d.heavy or count > 25
    fine = d.money(2_000, 4_000, 500) if heavy else d.money(500, 2_000, 100)
    return Story(
        party=party,
        title=f"{party.name}不按规定明码标价案",
        place=party.data.address,
        act_on=d.act_on,
        lead_source=LeadSource.INSPECTION,
        lead_summary="价格监督检查中发现当事人部分商品未标明价格。",
        facts=(
            f"{cn_date(d.act_on)}，执法人员检查发现当事人经营场所内{count}种商品（服务）未按规定标明"
            "价格，当事人已于检查当日补齐价签。"
        ),
        inspection=f"经营场所内{count}种商品（服务）未设置价签或价签内容不全，执法人员拍照取证。",
        inquiry=inquiry_opening("sj")
        + "问：为什么部分商品没有标价？\n答：新上的货，还没来得及打价签。",
        subject=party.data.legal_representative,
        subject_role="当事人法定代表人",
        violated="《中华人民共和国价格法》第十三条第一款",
        basis="《中华人民共和国价格法》第四十二条",
        penalty=Penalty((T.FINE,), fine_fen=fine, tier=3 if heavy else 2),
        not_penalised="当事人初次违法，未标价商品种类少且当场改正，没有违法所得。",
    )


def price_fraud(d: Draft) -> Story:
    """价格法第十四条第（四）项 / 第四十条第一款; no discretion standard."""
    rng = d.rng
    party = d.people.company(d.district, d.pick(("商贸有限公司", "家居有限公司", "电器有限公司")))
    listed, sold_at = rng.randint(800, 3000), rng.randint(400, 700)
    count = rng.randint(40, 400)
    gains = count * (listed - sold_at) // 10 * 100
    return Story(
        party=party,
        title=f"{party.name}利用虚假的价格手段诱骗消费者交易案",
        place=party.data.address,
        act_on=_days_before(d.act_on, rng.randint(20, 60)),
        act_ended_on=d.act_on,
        lead_source=LeadSource.COMPLAINT,
        lead_summary="消费者投诉当事人促销活动标示的“原价”从未成交，涉嫌虚构原价。",
        facts=(
            f"经查，当事人在促销活动中标示商品“原价{listed}元、限时特价{sold_at}元”，但该商品在"
            f"促销前七日内无任何以{listed}元成交的记录，属于虚构原价。活动期间共销售{count}件。"
        ),
        inspection="执法人员调取当事人收银系统近三个月的销售数据，并对促销海报拍照取证。",
        inquiry=inquiry_opening("sj")
        + "问：标示的原价有无成交记录？\n答：没有，是参照厂家建议零售价标的。",
        subject=party.data.legal_representative,
        subject_role="当事人法定代表人",
        violated="《中华人民共和国价格法》第十四条第（四）项",
        basis="《中华人民共和国价格法》第四十条第一款",
        penalty=Penalty(
            (T.CONFISCATE_GAINS, T.FINE), fine_fen=gains * 2 or 5_000_000, confiscation_fen=gains
        ),
        evidence="现场笔录、询问笔录、销售数据、促销海报照片",
    )


MARKET_SCENARIOS: tuple[Scenario, ...] = (
    Scenario("sj-false-ad", "sj", "广告监管处", "120000-SJ-CF-003", false_ad),
    Scenario(
        "sj-substandard-product",
        "sj",
        "产品质量执法处",
        "120000-SJ-CF-004",
        substandard_product,
        transfer_to="天津市公安局",
        crime="涉嫌销售伪劣产品罪（销售金额五万元以上）",
    ),
    Scenario(
        "sj-adulterated-product",
        "sj",
        "产品质量执法处",
        "120000-SJ-CF-005",
        adulterated_product,
        transfer_to="天津市公安局",
        crime="涉嫌生产、销售伪劣产品罪",
    ),
    Scenario("sj-price-tag", "sj", "广告监管处", "120000-SJ-CF-006", price_tag),
    Scenario("sj-price-fraud", "sj", "广告监管处", "120000-SJ-CF-007", price_fraud),
)
