"""City management stories (城市管理综合执法) of the three district governments.

城市道路管理条例第四十二条 (擅自占用城市道路: 二万元以下), 固体废物污染环境防治法第一百一十一条
(随意倾倒生活垃圾: 单位五万元以上五十万元以下, 个人一百元以上五百元以下), 城市市容和环境卫生管理
条例第三十四条 (乱贴乱画: 警告), 大气污染防治法第一百一十八条第三款 (露天烧烤: 五百元以上二万元
以下). 滨海新区 and 津南区 have discretion standards for roads, 滨海新区 and 河北区 for waste.
"""

from __future__ import annotations

from sanxiang.cases.choices import LeadSource
from sanxiang.cases.demo.stories import (
    Draft,
    Penalty,
    Scenario,
    Story,
    cn_date,
    inquiry_opening,
    minor_mitigation,
    yuan,
)
from sanxiang.registry.models import PenaltyType as T

__all__ = ["CITY_SCENARIOS", "street_spot"]

_CORNERS = ("东北角", "西南侧", "南侧人行道", "北侧便道", "交口西侧", "公交站东侧")


def street_spot(d: Draft) -> str:
    """A spot on a street of the agency's district, as written in a 现场笔录."""
    district = d.district
    street = d.pick(district.streets)
    return f"天津市{district.name}{street}{d.rng.randint(1, 300)}号门前{d.pick(_CORNERS)}"


def road_occupation(d: Draft) -> Story:
    """城市道路管理条例第二十七条第（一）项、第三十条、第三十一条第一款 / 第四十二条."""
    rng = d.rng
    builder = d.heavy or rng.random() < 0.3
    if builder:
        party = d.people.company(d.district, d.pick(("建筑工程有限公司", "装饰工程有限公司")))
        what, area = "堆放钢管、砂石等建筑材料", rng.randint(15, 80)
        subject = d.people.person_name()[0]
        role = "当事人项目负责人（受委托人）"
    else:
        party = d.people.shop(d.district, d.pick(("水果店", "餐馆", "五金店", "烧烤店")))
        what, area = d.pick(("摆放货架、售卖商品", "摆放桌椅、经营餐饮")), rng.randint(4, 14)
        subject, role = party.data.legal_representative, "当事人经营者"
    place = street_spot(d)
    ordered = d.act_on
    if area >= 50:
        tier, fine = 4, d.money(12_000, 16_000, 500)
    elif area >= 10 or d.heavy:
        tier, fine = 3, d.money(5_000, 9_000, 500)
    else:
        tier, fine = 2, d.money(800, 3_000, 100)
    return Story(
        party=party,
        title=f"{party.name}擅自占用城市道路案",
        place=place,
        act_on=ordered,
        lead_source=d.source((LeadSource.INSPECTION, 6), (LeadSource.COMPLAINT, 3)),
        lead_summary=f"巡查发现{place}有{what}占用人行道的情况，影响行人通行。",
        facts=(
            f"{cn_date(ordered)}，执法人员巡查发现当事人未经市政工程行政主管部门和公安交通管理"
            f"部门批准，在{place}{what}，占用城市道路面积约{area}平方米。执法人员当场责令当事人"
            "限期改正，当事人逾期未改正。"
        ),
        inspection=(
            f"现场位于{place}，当事人{what}，经丈量占用人行道长约{area // 2 + 1}米、宽约2米，"
            f"面积约{area}平方米，未见占道审批手续。执法人员现场拍照、录像，并送达责令限期改正通知书。"
        ),
        inquiry=inquiry_opening(d.agency)
        + (
            f"问：{place}{what}的是你（单位）吗？\n答：是。\n"
            "问：占用道路是否经过批准？\n答：没有办手续。\n"
            "问：为什么在责令的期限内没有改正？\n答：东西多，一时没地方放。"
        ),
        subject=subject,
        subject_role=role,
        violated="《城市道路管理条例》第二十七条第（一）项、第三十条、第三十一条第一款",
        basis="《城市道路管理条例》第四十二条",
        penalty=Penalty((T.FINE,), fine_fen=fine, tier=tier),
        not_penalised="当事人占道时间短、面积小，经责令后立即清理，未影响通行，违法行为轻微并及时改正。",
        correction="责令当事人立即清理占道物品，恢复道路原状",
    )


def waste(d: Draft) -> Story:
    """固体废物污染环境防治法第一百一十一条第一款第（一）项、第二款."""
    rng = d.rng
    company = d.heavy or rng.random() < 0.55
    place = f"天津市{d.district.name}{d.pick(d.district.streets)}绿化带内"
    if company:
        party = d.people.company(
            d.district, d.pick(("物业服务有限公司", "装饰工程有限公司", "餐饮管理有限公司"))
        )
        amount, subject = rng.randint(3, 25), d.people.person_name()[0]
        role, what, measure = "当事人现场负责人", "生活垃圾及装修垃圾", "吨"
        tier, fine = (
            (3, d.money(200_000, 280_000, 10_000))
            if d.heavy
            else (2, d.money(50_000, 90_000, 5_000))
        )
    else:
        party = d.people.person(d.district)
        amount, subject, role, what = rng.randint(1, 3), party.name, "当事人", "生活垃圾"
        measure = "袋"
        tier, fine = 1, d.money(200, 500, 50)
    return Story(
        party=party,
        title=f"{party.name}随意倾倒生活垃圾案",
        place=place,
        act_on=d.act_on,
        lead_source=d.source(
            (LeadSource.COMPLAINT, 5), (LeadSource.INSPECTION, 3), (LeadSource.MONITORING, 2)
        ),
        lead_summary=f"群众反映有人在{place}随意倾倒垃圾，影响环境卫生。",
        facts=(
            f"{cn_date(d.act_on)}，当事人将{what}约{amount}{measure}倾倒于{place}。"
            "执法人员调取周边视频监控，确认倾倒行为系当事人所为。"
        ),
        inspection=f"现场堆有{what}约{amount}{measure}，执法人员拍照并调取视频监控。",
        inquiry=inquiry_opening(d.agency)
        + f"问：{place}的{what}是谁倾倒的？\n答：是我们倒的，想着反正有人清理。",
        subject=subject,
        subject_role=role,
        violated="《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（一）项",
        basis="《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（一）项、第二款",
        penalty=Penalty((T.FINE,), fine_fen=fine, tier=tier),
        correction="责令当事人立即清理倾倒的垃圾",
    )


_POSTERS = ("开锁换锁", "管道疏通", "办证刻章", "房屋出租", "家电维修", "招生培训")


def posters(d: Draft) -> Story:
    """城市市容和环境卫生管理条例第十七条 / 第三十四条第（二）项 (警告)."""
    rng = d.rng
    if d.age is not None:
        party = d.people.minor(d.district, act_on=d.act_on, age=d.age)
        mitigation = minor_mitigation(d.age)
    else:
        party = d.people.person(d.district)
        mitigation = ""
    kind, count = d.pick(_POSTERS), rng.randint(20, 120)
    place = f"天津市{d.district.name}{d.pick(d.district.streets)}沿线居民楼道及电线杆"
    return Story(
        party=party,
        title=f"{party.name}未经批准张贴宣传品案",
        place=place,
        act_on=d.act_on,
        lead_source=LeadSource.INSPECTION,
        lead_summary=f"巡查发现{place}被张贴大量{kind}小广告。",
        facts=f"{cn_date(d.act_on)}，当事人未经批准在{place}张贴{kind}小广告共{count}张，影响市容。",
        inspection=f"当事人手持{kind}小广告约{count}张，现场墙面及电线杆上已张贴若干张。",
        inquiry=inquiry_opening(d.agency)
        + "问：这些小广告是你贴的吗？\n答：是，别人给钱让我贴的。",
        subject=party.name,
        subject_role="当事人",
        violated="《城市市容和环境卫生管理条例》第十七条第一款、第二款",
        basis="《城市市容和环境卫生管理条例》第三十四条第（二）项",
        penalty=Penalty((T.WARNING,), tier=2, mitigation=mitigation),
        not_penalised="当事人初次违法，张贴数量较少并已自行清除，违法行为轻微并及时改正。",
        correction="责令当事人清除所张贴的小广告",
    )


def bbq(d: Draft) -> Story:
    """大气污染防治法第一百一十八条第三款 (滨海新区)."""
    rng = d.rng
    party = (
        d.people.shop(d.district, "烧烤店") if rng.random() < 0.6 else d.people.person(d.district)
    )
    place = street_spot(d)
    gains = rng.randint(2, 9) * 10_000
    stoves = rng.randint(1, 3)
    items = f"烧烤炉{stoves}台"
    tier, fine = (2, d.money(2_000, 6_000, 500)) if d.heavy else (1, d.money(500, 1_500, 100))
    return Story(
        party=party,
        title=f"{party.name}在禁止区域露天烧烤食品案",
        place=place,
        act_on=d.act_on,
        lead_source=d.source((LeadSource.COMPLAINT, 6), (LeadSource.INSPECTION, 4)),
        lead_summary=f"居民夜间投诉{place}露天烧烤油烟扰民。",
        facts=(
            f"{cn_date(d.act_on)}晚，当事人在区人民政府划定的禁止露天烧烤区域{place}使用烧烤炉"
            f"{stoves}台露天烧烤食品，当晚销售收入{yuan(gains)}。"
        ),
        inspection=f"现场有烧烤炉{stoves}台正在使用，油烟明显，执法人员录像取证。",
        inquiry=inquiry_opening(d.agency)
        + "问：你知道这里禁止露天烧烤吗？\n答：知道，看晚上人多就摆出来了。",
        subject=party.data.legal_representative or party.name,
        subject_role="当事人",
        violated="《中华人民共和国大气污染防治法》第八十一条第三款",
        basis="《中华人民共和国大气污染防治法》第一百一十八条第三款",
        penalty=Penalty(
            (T.CONFISCATE_PROPERTY, T.CONFISCATE_GAINS, T.FINE),
            fine_fen=fine,
            confiscation_fen=gains,
            tier=tier,
            confiscated_items=items,
        ),
        items=items,
    )


CITY_SCENARIOS: tuple[Scenario, ...] = (
    Scenario("bh-road", "bh", "城市管理综合执法局", "120116-BH-CF-001", road_occupation),
    Scenario("bh-waste", "bh", "城市管理综合执法局", "120116-BH-CF-002", waste),
    Scenario("bh-posters", "bh", "城市管理综合执法局", "120116-BH-CF-003", posters, minors=True),
    Scenario("bh-bbq", "bh", "城市管理综合执法局", "120116-BH-CF-005", bbq),
    Scenario("hb-road", "hb", "城市管理综合执法局", "120105-HB-CF-001", road_occupation),
    Scenario("hb-waste", "hb", "城市管理综合执法局", "120105-HB-CF-002", waste),
    Scenario("hb-posters", "hb", "城市管理综合执法局", "120105-HB-CF-003", posters, minors=True),
    Scenario("jn-road", "jn", "城市管理综合执法局", "120112-JN-CF-001", road_occupation),
    Scenario("jn-waste", "jn", "城市管理综合执法局", "120112-JN-CF-002", waste),
    Scenario("jn-posters", "jn", "城市管理综合执法局", "120112-JN-CF-003", posters, minors=True),
)
