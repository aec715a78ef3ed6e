"""Public security stories (治安管理) of 天津市公安局 under the 治安管理处罚法 in force from
2026-01-01 (PSA2025): 殴打他人 (第五十一条), 扰乱单位秩序 (第二十六条), 故意损毁财物 (第五十九条).

Acts before 2026 fall under the old law, so these stories start in 2026 (`Scenario.earliest`).
A party under fourteen is not penalised and the guardian is told to discipline the child; one
aged 14–17 is penalised more lightly and not detained (LAW-APL-30).
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
    minor_mitigation,
    yuan,
)
from sanxiang.registry.models import PenaltyType as T

__all__ = ["SECURITY_SCENARIOS"]

PSA = "《中华人民共和国治安管理处罚法》"
NEW_LAW = datetime.date(2026, 1, 5)
_DISPUTES = (
    ("停车纠纷", "小区停车位"),
    ("邻里噪音纠纷", "楼道内"),
    ("饭店结账纠纷", "饭店门口"),
    ("交通剐蹭纠纷", "路口"),
    ("排队购物纠纷", "超市收银台旁"),
)


def assault(d: Draft) -> Story:
    """PSA2025 第五十一条: 殴打他人 (5–10 days and 500–1000元; lighter: ≤5 days or ≤1000元)."""
    rng = d.rng
    minor = d.age is not None
    if minor and d.age is not None:
        party = d.people.minor(d.district, act_on=d.act_on, age=d.age)
    else:
        party = d.people.person(d.district, born=(1965, 2002))
    victim = d.people.person_name()[0]
    dispute, where = rng.choice(_DISPUTES)
    place = f"天津市{d.district.name}{d.pick(d.district.streets)}附近{where}"
    injury = d.pick(("面部软组织挫伤", "左臂擦伤", "鼻部出血", "颈部抓伤"))
    if minor and d.age is not None:
        penalty = Penalty(
            (T.FINE,), fine_fen=d.money(200, 500, 50), tier=1, mitigation=minor_mitigation(d.age)
        )
    elif d.heavy:
        penalty = Penalty(
            (T.DETENTION, T.FINE),
            fine_fen=d.money(500, 1_000, 100),
            detention_days=rng.randint(7, 10),
            tier=2,
        )
    elif rng.random() < 0.5:
        penalty = Penalty((T.FINE,), fine_fen=d.money(300, 800, 100), tier=1)
    else:
        penalty = Penalty((T.DETENTION,), detention_days=rng.randint(3, 5), tier=1)
    reporter = (victim, d.people.phone())
    time = f"{cn_date(d.act_on)}{rng.randint(8, 22)}时许"
    return Story(
        party=party,
        title=f"{party.name}殴打他人案",
        place=place,
        act_on=d.act_on,
        lead_source=LeadSource.COMPLAINT,
        lead_summary=f"{victim}报警称在{place}因{dispute}被人殴打。",
        facts=(
            f"{time}，当事人{party.name}在{place}因{dispute}与{victim}发生争执，继而用拳头击打"
            f"{victim}面部、推搡其倒地，致{victim}{injury}，经鉴定为轻微伤。"
        ),
        inspection=f"现场位于{place}，地面有散落物品，执法人员调取周边监控视频并拍照。",
        inquiry=inquiry_opening("ga")
        + (
            f"问：你为什么打{victim}？\n答：因为{dispute}吵起来了，我一时冲动动了手。\n"
            "问：你用什么方式打的？\n答：用拳头打了对方脸部两下，又推了对方一下。\n"
            "问：你还有什么要补充的？\n答：我愿意赔偿医药费，向他道歉。"
        ),
        subject=party.name,
        subject_role="违法嫌疑人",
        violated=f"{PSA}第五十一条第一款",
        basis=f"{PSA}第五十一条",
        penalty=penalty,
        evidence="询问笔录、被侵害人陈述、证人证言、视频监控录像、伤情鉴定意见",
        reporter=reporter,
        not_penalised="经调查，现有证据不足以证明当事人实施了殴打他人的行为。",
        correction="",
    )


_UNITS = (
    ("天津市某三甲医院门诊大厅", "因挂号排队问题大声吵闹、拍打窗口"),
    ("某银行营业厅", "因业务办理时间长在大厅内辱骂工作人员、阻碍他人办理业务"),
    ("区政务服务中心", "因证照办理问题在大厅内长时间吵闹、躺卧"),
    ("某物业公司办公室", "因物业费纠纷堵住办公室门口，致物业公司无法正常办公"),
)


def disorder(d: Draft) -> Story:
    """PSA2025 第二十六条第一款第（一）项: 扰乱单位秩序 (警告或者五百元以下罚款; 较重: 拘留)."""
    rng = d.rng
    party = d.people.person(d.district, born=(1958, 2000))
    unit, conduct = rng.choice(_UNITS)
    minutes = rng.randint(30, 150)
    if d.heavy:
        penalty = Penalty(
            (T.DETENTION, T.FINE),
            fine_fen=d.money(300, 800, 100),
            detention_days=rng.randint(5, 7),
            tier=2,
        )
    else:
        penalty = Penalty((T.FINE,), fine_fen=d.money(200, 500, 50), tier=1)
    return Story(
        party=party,
        title=f"{party.name}扰乱单位秩序案",
        place=unit,
        act_on=d.act_on,
        lead_source=LeadSource.COMPLAINT,
        lead_summary=f"{unit}报警称有人{conduct}。",
        facts=(
            f"{cn_date(d.act_on)}，当事人在{unit}{conduct}，持续约{minutes}分钟，经工作人员和民警"
            "劝阻仍不停止，致使该单位工作不能正常进行。"
        ),
        inspection=f"民警到达{unit}时当事人仍在吵闹，现场秩序混乱，执法记录仪全程录像。",
        inquiry=inquiry_opening("ga") + "问：你为什么在那里吵闹？\n答：我有急事，他们办得太慢了。",
        subject=party.name,
        subject_role="违法嫌疑人",
        violated=f"{PSA}第二十六条第一款第（一）项",
        basis=f"{PSA}第二十六条第一款第（一）项",
        penalty=penalty,
        evidence="询问笔录、证人证言、执法记录仪视频、单位监控录像",
        correction="",
    )


def damage(d: Draft) -> Story:
    """PSA2025 第五十九条: 故意损毁公私财物 (五日以上十日以下拘留，可以并处一千元以下罚款)."""
    rng = d.rng
    if d.age is not None:
        party = d.people.minor(d.district, act_on=d.act_on, age=d.age)
    else:
        party = d.people.person(d.district, born=(1970, 2004))
    thing, loss = rng.choice(
        (("停放路边的小型轿车车窗玻璃", 1_200), ("小区单元门门禁系统", 2_600), ("共享单车3辆", 900))
    )
    place = f"天津市{d.district.name}{d.pick(d.district.streets)}"
    if d.age is not None and d.age < 14:
        not_penalised = (
            f"当事人实施违法行为时不满十四周岁（{d.age}周岁），依照《中华人民共和国行政处罚法》"
            "第三十条的规定不予行政处罚，责令其监护人严加管教，被损毁财物由监护人依法赔偿。"
        )
    else:
        not_penalised = ""
    penalty = (
        Penalty(
            (T.DETENTION, T.FINE),
            fine_fen=d.money(300, 1_000, 100),
            detention_days=rng.randint(5, 8),
        )
        if d.heavy
        else Penalty((T.FINE,), fine_fen=d.money(500, 1_000, 100))
    )
    return Story(
        party=party,
        title=f"{party.name}故意损毁财物案",
        place=place,
        act_on=d.act_on,
        lead_source=LeadSource.COMPLAINT,
        lead_summary=f"群众报警称{place}有人损毁{thing}。",
        facts=(
            f"{cn_date(d.act_on)}，当事人在{place}用石块砸坏{thing}，经价格认证，损失价值"
            f"{yuan(loss * 100)}。"
        ),
        inspection=f"现场{thing}损坏，地面有石块，民警拍照并调取监控。",
        inquiry=inquiry_opening("ga") + "问：你为什么砸东西？\n答：心情不好，一时冲动。",
        subject=party.name,
        subject_role="违法嫌疑人",
        violated=f"{PSA}第五十九条",
        basis=f"{PSA}第五十九条",
        penalty=penalty,
        evidence="询问笔录、证人证言、监控录像、价格认定结论书",
        not_penalised=not_penalised,
        correction="",
    )


SECURITY_SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "ga-assault",
        "ga",
        "治安管理总队",
        "120000-GA-CF-001",
        assault,
        minors=True,
        earliest=NEW_LAW,
    ),
    Scenario("ga-disorder", "ga", "治安管理总队", "120000-GA-CF-002", disorder, earliest=NEW_LAW),
    Scenario(
        "ga-damage", "ga", "治安管理总队", "120000-GA-CF-004", damage, minors=True, earliest=NEW_LAW
    ),
)
