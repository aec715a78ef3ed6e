"""Environment stories (生态环境局) and accounting stories (财政局 会计监督).

大气污染防治法第九十九条第（二）项 and 水污染防治法第八十三条第（二）项 (超标排放: 十万元以上一百万
元以下), 环境影响评价法第三十一条第一款 (未批先建: 总投资额百分之一以上百分之五以下); 会计法第四十条
(不依法设置会计账簿) and 第四十一条 (伪造、变造会计凭证). These fines reach the hearing threshold
for organisations (SAMR-HEAR-5 default), so most such cases are heard and legally reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sanxiang.cases.choices import LeadSource
from sanxiang.cases.demo.people import Party
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

__all__ = ["ENVIRONMENT_SCENARIOS", "FINANCE_SCENARIOS"]

_AIR = (  # industry, source, pollutant, limit mg/m³
    ("化工有限公司", "导热油炉排气筒", "氮氧化物", 150),
    ("金属制品有限公司", "酸洗车间废气排气筒", "氯化氢", 30),
    ("家具制造有限公司", "喷漆房排气筒", "非甲烷总烃", 40),
    ("印刷有限公司", "印刷车间排气筒", "挥发性有机物", 50),
    ("铸造有限公司", "中频炉除尘器排气筒", "颗粒物", 20),
)
_WATER = (  # industry, pollutant, limit mg/L
    ("食品有限公司", "化学需氧量", 500),
    ("电镀有限公司", "总镍", 0.5),
    ("纺织印染有限公司", "氨氮", 45),
    ("养殖专业合作社", "总磷", 8),
)


@dataclass(frozen=True)
class _Emission:
    """One sampled exceedance: where, what, how much over the limit, and the law broken."""

    party: Party
    where: str
    pollutant: str
    unit: str
    limit: float
    kind: str  # 大气污染物 / 水污染物
    law: str
    violated: str
    basis: str


def _measure(d: Draft, limit: float) -> tuple[float, float]:
    """Measured value and times over the limit, by severity (the tiers' 0.5 and 2 times)."""
    if d.heavy:
        times = d.rng.uniform(2.1, 4.5)
    elif d.rng.random() < 0.5:
        times = d.rng.uniform(0.6, 1.9)
    else:
        times = d.rng.uniform(0.1, 0.45)
    return limit * (1 + times), times


def air_emission(d: Draft) -> Story:
    """大气污染防治法第十八条 / 第九十九条第（二）项."""
    industry, source, pollutant, limit = d.rng.choice(_AIR)
    law = "《中华人民共和国大气污染防治法》"
    emission = _Emission(
        d.people.company(d.district, industry),
        source,
        pollutant,
        "毫克/立方米",
        limit,
        "大气污染物",
        law,
        f"{law}第十八条",
        f"{law}第九十九条第（二）项",
    )
    return _emission_story(d, emission)


def water_discharge(d: Draft) -> Story:
    """水污染防治法第十条 / 第八十三条第（二）项."""
    industry, pollutant, limit = d.rng.choice(_WATER)
    law = "《中华人民共和国水污染防治法》"
    emission = _Emission(
        d.people.company(d.district, industry),
        "废水总排放口",
        pollutant,
        "毫克/升",
        limit,
        "水污染物",
        law,
        f"{law}第十条",
        f"{law}第八十三条第（二）项",
    )
    return _emission_story(d, emission)


def _emission_story(d: Draft, e: _Emission) -> Story:
    measured, times = _measure(d, e.limit)
    figure = f"{measured:.1f}" if e.limit >= 1 else f"{measured:.2f}"
    if times >= 2:
        tier, fine = 3, d.money(600_000, 800_000, 10_000)
    elif times > 0.5:
        tier, fine = 2, d.money(300_000, 450_000, 10_000)
    else:
        tier, fine = 1, d.money(100_000, 200_000, 10_000)
    heavy = tier == 3
    party = e.party
    facts = (
        f"{cn_date(d.act_on)}，本机关执法人员对当事人进行现场检查，委托天津市生态环境监测中心对其"
        f"{e.where}进行采样监测。监测报告显示，{e.pollutant}排放浓度为{figure}{e.unit}，超过排放"
        f"标准限值{e.limit:g}{e.unit}，超标{times:.2f}倍，当事人超过排放标准排放{e.kind}。"
    )
    return Story(
        party=party,
        title=f"{party.name}超标排放{e.kind}案",
        place=party.data.address,
        act_on=d.act_on,
        lead_source=d.source(
            (LeadSource.MONITORING, 5), (LeadSource.INSPECTION, 3), (LeadSource.COMPLAINT, 2)
        ),
        lead_summary=f"自动监控数据显示当事人{e.where}{e.pollutant}排放浓度异常。",
        facts=facts,
        inspection=(
            f"当事人生产设施正常运行，{e.where}在线监控设备运行正常。执法人员现场督促监测人员"
            "采样，样品现场封存，当事人现场负责人在采样记录上签字。"
        ),
        inquiry=inquiry_opening("st")
        + (
            f"问：你单位{e.where}的治理设施运行情况如何？\n答：前段时间治理设施出了故障，"
            "一直在等配件，没有停产。\n问：你对监测结果有无异议？\n答：没有异议。"
        ),
        subject=party.data.legal_representative,
        subject_role="当事人法定代表人",
        violated=e.violated,
        basis=e.basis,
        penalty=Penalty(
            (T.FINE, T.SUSPEND_BUSINESS) if heavy else (T.FINE,), fine_fen=fine, tier=tier
        ),
        evidence="现场检查笔录、询问笔录、监测报告、采样记录、在线监控数据、现场照片",
        items=f"{e.where}相关生产设施",
        correction="责令当事人立即改正违法行为" + ("，停产整治" if heavy else ""),
    )


_PROJECTS = (
    ("年产3000吨塑料制品生产线", "塑料制品有限公司"),
    ("汽车维修喷漆房", "汽车维修服务有限公司"),
    ("商品混凝土搅拌站", "建材有限公司"),
    ("冷链仓储物流中心", "物流有限公司"),
)


def no_eia(d: Draft) -> Story:
    """环境影响评价法第二十五条 / 第三十一条第一款 (总投资额百分之一以上百分之五以下)."""
    rng = d.rng
    project, industry = rng.choice(_PROJECTS)
    party = d.people.company(d.district, industry)
    investment = rng.randint(500, 6_000) * 10_000 * 100
    percent = rng.randint(25, 34) if d.heavy else rng.randint(10, 18)
    fine = investment * percent // 1_000 // 100 * 100
    return Story(
        party=party,
        title=f"{party.name}{project}未依法报批环境影响评价文件擅自开工建设案",
        place=party.data.address,
        act_on=d.act_on,
        lead_source=d.source((LeadSource.INSPECTION, 5), (LeadSource.COMPLAINT, 3)),
        lead_summary=f"巡查发现当事人{project}正在施工，未查询到环评审批文件。",
        facts=(
            f"经查，当事人{project}项目总投资{yuan(investment)}，依法应当编制环境影响报告表，当事人"
            f"未依法报批环境影响评价文件，于{cn_date(d.act_on)}前擅自开工建设，"
            f"{'主体工程已基本建成' if d.heavy else '已完成基础施工'}。"
        ),
        inspection=f"{project}施工现场正在作业，执法人员拍照录像，当事人未能出示环评批复文件。",
        inquiry=inquiry_opening("st")
        + f"问：{project}是否办理了环评手续？\n答：正在找机构编制，想着先开工。",
        subject=party.data.legal_representative,
        subject_role="当事人法定代表人",
        violated="《中华人民共和国环境影响评价法》第二十五条",
        basis="《中华人民共和国环境影响评价法》第三十一条第一款",
        penalty=Penalty((T.FINE,), fine_fen=fine, tier=2 if d.heavy else 1, basis_fen=investment),
        evidence="现场检查笔录、询问笔录、项目立项及投资文件、现场照片",
        correction="责令当事人停止建设",
    )


ENVIRONMENT_SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "st-air",
        "st",
        "生态环境保护综合执法总队",
        "120000-ST-CF-001",
        air_emission,
        transfer_to="天津市公安局",
        crime="涉嫌污染环境罪（篡改、伪造自动监测数据，违反国家规定排放污染物）",
    ),
    Scenario(
        "st-water",
        "st",
        "生态环境保护综合执法总队",
        "120000-ST-CF-002",
        water_discharge,
        transfer_to="天津市公安局",
        crime="涉嫌污染环境罪（排放含重金属污染物超过国家标准三倍以上）",
    ),
    Scenario("st-no-eia", "st", "生态环境保护综合执法总队", "120000-ST-CF-003", no_eia),
)


def no_books(d: Draft) -> Story:
    """会计法第三条 / 第四十条第一款第（一）项."""
    rng = d.rng
    party = d.people.company(
        d.district, d.pick(("商贸有限公司", "教育咨询有限公司", "物业服务有限公司"))
    )
    years = f"{d.act_on.year - 1}年度"
    if d.heavy:
        penalty = Penalty((T.WARNING, T.FINE), fine_fen=d.money(30_000, 80_000, 5_000), tier=2)
    else:
        penalty = Penalty((T.WARNING, T.PUBLIC_CRITICISM), tier=1)
    return Story(
        party=party,
        title=f"{party.name}不依法设置会计账簿案",
        place=party.data.address,
        act_on=d.act_on,
        lead_source=LeadSource.INSPECTION,
        lead_summary=f"会计信息质量检查中发现当事人{years}未设置总账和明细账。",
        facts=(
            f"经查，当事人{years}未依法设置总账、明细账，仅以收支流水记录代替会计账簿，"
            f"涉及收支金额{yuan(rng.randint(80, 900) * 10_000 * 100)}。"
        ),
        inspection="执法人员调阅当事人会计资料，当事人仅能提供手工收支流水和银行对账单。",
        inquiry=inquiry_opening("cz")
        + "问：你单位为什么没有设置会计账簿？\n答：公司小，会计是兼职的。",
        subject=party.data.legal_representative,
        subject_role="当事人法定代表人",
        violated="《中华人民共和国会计法》第三条",
        basis="《中华人民共和国会计法》第四十条第一款第（一）项",
        penalty=penalty,
        evidence="检查工作底稿、询问笔录、收支流水、银行对账单",
        not_penalised="当事人初次违法，已在检查期间补设账簿并经核实，未造成会计资料失真。",
        correction="责令当事人限期依法设置会计账簿",
    )


def false_accounting(d: Draft) -> Story:
    """会计法第十三条第三款 / 第四十一条 (二十万元以上二百万元以下)."""
    rng = d.rng
    party = d.people.company(
        d.district, d.pick(("科技有限公司", "农业发展有限公司", "环保科技有限公司"))
    )
    amount = rng.randint(60, 400) * 10_000 * 100
    fine = d.money(300_000, 600_000, 10_000) if not d.heavy else d.money(900_000, 1_200_000, 10_000)
    return Story(
        party=party,
        title=f"{party.name}伪造会计凭证、编制虚假财务会计报告案",
        place=party.data.address,
        act_on=d.act_on,
        lead_source=d.source((LeadSource.INSPECTION, 3), (LeadSource.REFERRAL, 2)),
        lead_summary="财政专项资金绩效评价中发现当事人申报材料中的成本费用凭证疑似虚假。",
        facts=(
            f"经查，当事人为申领财政补贴，取得不真实的发票并据以编制记账凭证，虚增成本费用"
            f"{yuan(amount)}，并据此编制虚假的财务会计报告。"
        ),
        inspection="执法人员调取当事人记账凭证及原始凭证，与开票单位核对发现业务不真实。",
        inquiry=inquiry_opening("cz")
        + "问：这些发票对应的业务是否真实发生？\n答：没有实际业务，是为了凑够补贴申报的成本。",
        subject=party.data.legal_representative,
        subject_role="当事人法定代表人",
        violated="《中华人民共和国会计法》第十三条第三款",
        basis="《中华人民共和国会计法》第四十一条",
        penalty=Penalty((T.WARNING, T.FINE), fine_fen=fine, tier=2 if d.heavy else 1),
        evidence="记账凭证、原始凭证、询问笔录、发票核查结果、财务会计报告",
        correction="责令当事人限期改正",
    )


FINANCE_SCENARIOS: tuple[Scenario, ...] = (
    Scenario("cz-no-books", "cz", "会计监督处", "120000-CZ-CF-001", no_books),
    Scenario(
        "cz-false-accounting",
        "cz",
        "会计监督处",
        "120000-CZ-CF-002",
        false_accounting,
        transfer_to="天津市公安局",
        crime="涉嫌诈骗罪（以虚假会计凭证骗取财政补贴）",
    ),
)
