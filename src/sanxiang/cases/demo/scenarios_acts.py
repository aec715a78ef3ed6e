"""Stories of the other act types (GUO-118-01): inspections (行政检查), food business licences
(行政许可), the road occupation fee (行政征收) and seizures or sealing (行政强制, LAW-ACL-25).

Each story names the object of the act, what the officers found or decided and the result
(执法结论, GUO-118-06a) that is published: compliant or problems found, granted or refused,
the amount levied, the measure taken and how it ended.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sanxiang.cases.choices import ActResultKind, SeizureKind
from sanxiang.cases.demo.people import Party
from sanxiang.cases.demo.scenarios_city import street_spot
from sanxiang.cases.demo.stories import Draft, cn_date, yuan
from sanxiang.registry.models import ActType

__all__ = ["ACT_SCENARIOS", "ActScenario", "ActStory"]


@dataclass(frozen=True)
class ActStory:
    party: Party
    title: str
    facts: str
    place: str
    record: str  # the 现场检查笔录 (or 现场笔录 of the measure)
    result: str  # ActResultKind
    result_text: str
    amount_fen: int | None = None  # a levy
    seized: str = ""  # what a coercive measure holds
    seizure_kind: str = SeizureKind.SEIZE
    released: str = ""  # why the measure ended


def food_inspection(d: Draft) -> ActStory:
    """食品安全法第一百一十条第（一）项: 对食品生产经营者的监督检查."""
    party = (
        d.people.shop(d.district, d.pick(("餐馆", "面馆", "便利店", "烘焙坊")))
        if d.rng.random() < 0.6
        else d.people.company(d.district, "餐饮管理有限公司")
    )
    problems = d.rng.random() < 0.4
    found = d.pick(
        (
            "2名从业人员健康证明过期",
            "冷藏柜温度记录缺失",
            "原料进货查验记录不全",
            "后厨防蝇设施破损",
        )
    )
    return ActStory(
        party=party,
        title=f"对{party.name}的食品安全监督检查",
        facts=f"按照{d.act_on.year}年度食品安全日常监督检查计划，对{party.name}开展监督检查。",
        place=party.data.address,
        record=(
            "检查内容：许可证照、从业人员健康管理、原料进货查验、加工制作过程、餐饮具清洗消毒、"
            f"食品贮存。检查情况：{'发现' + found if problems else '未发现违法违规问题'}。"
        ),
        result=ActResultKind.PROBLEMS_FOUND if problems else ActResultKind.COMPLIANT,
        result_text=(
            f"发现{found}，责令当事人十日内整改，复查合格。" if problems else "检查结果：符合。"
        ),
    )


def product_sampling(d: Draft) -> ActStory:
    """产品质量法第十五条第一款: 监督抽查."""
    product = d.pick(("电动自行车头盔", "学生文具", "儿童服装", "燃气灶具", "LED灯具"))
    party = d.people.company(d.district, d.pick(("商贸有限公司", "百货有限公司")))
    failed = d.rng.random() < 0.25
    return ActStory(
        party=party,
        title=f"{d.act_on.year}年{product}产品质量监督抽查（{party.name}）",
        facts=f"按照市级产品质量监督抽查计划，在{party.name}抽取{product}样品送检。",
        place=party.data.address,
        record=f"抽取{product}样品2组，现场封样，被抽样单位负责人签字确认。",
        result=ActResultKind.PROBLEMS_FOUND if failed else ActResultKind.COMPLIANT,
        result_text=(
            f"经检验，{product}样品不合格，已责令停止销售并依法另案查处。"
            if failed
            else f"经检验，{product}样品合格。"
        ),
    )


def venue_inspection(d: Draft) -> ActStory:
    """治安管理处罚法第一百零三条第一款: 对与违反治安管理行为有关的场所的检查."""
    kind, industry = d.rng.choice(
        (
            ("旅馆", "酒店管理有限公司"),
            ("KTV", "娱乐有限公司"),
            ("网吧", "网络科技有限公司"),
            ("洗浴中心", "洗浴服务有限公司"),
        )
    )
    party = d.people.company(d.district, industry)
    problems = d.rng.random() < 0.35
    found = "发现住客登记信息不全" if problems else "未发现问题"
    return ActStory(
        party=party,
        title=f"对{party.name}（{kind}）的治安检查",
        facts=f"民警对辖区{kind}{party.name}进行治安检查。",
        place=party.data.address,
        record=f"检查{kind}的登记制度、监控设施和消防通道，{found}。",
        result=ActResultKind.PROBLEMS_FOUND if problems else ActResultKind.COMPLIANT,
        result_text="发现住客登记信息不全，责令立即整改。" if problems else "未发现治安隐患。",
    )


def site_inspection(d: Draft) -> ActStory:
    """环境保护法第二十四条: 对排污单位的现场检查 (双随机、一公开)."""
    party = d.people.company(
        d.district, d.pick(("化工有限公司", "金属制品有限公司", "食品有限公司"))
    )
    problems = d.rng.random() < 0.3
    return ActStory(
        party=party,
        title=f"对{party.name}的污染源现场检查（双随机抽查）",
        facts=f"按照“双随机、一公开”抽查计划，对{party.name}开展污染源现场检查。",
        place=party.data.address,
        record=(
            "检查排污许可证执行情况、污染防治设施运行、自动监测设备及台账。"
            + ("发现活性炭更换台账缺失。" if problems else "污染防治设施正常运行。")
        ),
        result=ActResultKind.PROBLEMS_FOUND if problems else ActResultKind.COMPLIANT,
        result_text="发现台账缺失，责令限期完善。" if problems else "未发现环境违法问题。",
    )


def accounting_inspection(d: Draft) -> ActStory:
    """会计法第七条第二款、第三十条第一款: 会计信息质量检查."""
    party = d.people.company(
        d.district, d.pick(("科技有限公司", "贸易有限公司", "物业服务有限公司"))
    )
    problems = d.rng.random() < 0.3
    return ActStory(
        party=party,
        title=f"对{party.name}{d.act_on.year - 1}年度会计信息质量的检查",
        facts=f"依据年度会计监督检查计划，对{party.name}上一年度的会计信息质量进行检查。",
        place=party.data.address,
        record="调阅会计凭证、账簿和财务会计报告，抽查大额资金收付。",
        result=ActResultKind.PROBLEMS_FOUND if problems else ActResultKind.COMPLIANT,
        result_text="发现部分原始凭证不规范，责令改正。" if problems else "会计信息质量符合要求。",
    )


def food_licence(d: Draft) -> ActStory:
    """食品安全法第三十五条: 食品经营许可 (行政许可法: 二十个工作日内作出决定, CNT-ALL-82)."""
    party = d.people.shop(d.district, d.pick(("餐馆", "奶茶店", "烘焙坊", "便利店")))
    refused = d.rng.random() < 0.2
    number = f"JY{d.district.code}{d.rng.randrange(10**8):08d}"
    return ActStory(
        party=party,
        title=f"{party.name}食品经营许可申请",
        facts=f"{party.name}于{cn_date(d.act_on)}申请食品经营许可，经营项目：预包装食品销售、热食类食品制售。",
        place=party.data.address,
        record="现场核查经营场所布局、设施设备、食品安全管理制度及从业人员健康证明。",
        result=ActResultKind.REFUSED if refused else ActResultKind.GRANTED,
        result_text=(
            "经现场核查，经营场所与污染源距离不符合要求，决定不予许可，并告知申请人依法享有申请"
            "行政复议或者提起行政诉讼的权利。"
            if refused
            else f"准予许可，核发食品经营许可证，许可证编号{number}。"
        ),
    )


def road_fee(d: Draft) -> ActStory:
    """城市道路管理条例第三十七条第一款: 城市道路占用费."""
    party = d.people.company(
        d.district, d.pick(("建筑工程有限公司", "市政工程有限公司", "通信工程有限公司"))
    )
    area, days = d.rng.randint(20, 300), d.rng.randint(10, 90)
    rate = d.rng.choice((2, 3, 5))  # 元 per m² per day
    amount = area * days * rate * 100
    place = street_spot(d)
    return ActStory(
        party=party,
        title=f"{party.name}临时占用城市道路占用费征收",
        facts=f"当事人经批准临时占用{place}道路{area}平方米，占用期限{days}日。",
        place=place,
        record=f"核定占用面积{area}平方米、占用期限{days}日，收费标准每平方米每日{rate}元。",
        result=ActResultKind.LEVIED,
        result_text=f"征收城市道路占用费{yuan(amount)}。",
        amount_fen=amount,
    )


def food_seizure(d: Draft) -> ActStory:
    """食品安全法第一百一十条第（四）项: 查封、扣押不符合食品安全标准的食品."""
    party = d.people.company(
        d.district, d.pick(("食品有限公司", "冷链物流有限公司", "商贸有限公司"))
    )
    goods = d.pick(("无中文标签的进口冷冻牛肉", "来源不明的冷冻鸡爪", "标签标注不全的散装食用油"))
    qty = d.rng.randint(20, 400)
    return ActStory(
        party=party,
        title=f"对{party.name}{goods}的扣押",
        facts=f"执法人员在{party.name}冷库内发现{goods}{qty}箱，当事人无法提供合格证明文件。",
        place=party.data.address,
        record=f"冷库内存放{goods}{qty}箱，执法人员清点、拍照后予以扣押，加贴封条。",
        result=ActResultKind.MEASURE_TAKEN,
        result_text=f"扣押{goods}{qty}箱。",
        seized=f"{goods}{qty}箱",
        released="经检验合格并补齐合格证明文件，解除扣押。",
    )


def product_seizure(d: Draft) -> ActStory:
    """产品质量法第十八条第（四）项: 查封、扣押涉嫌不合格产品."""
    party = d.people.company(d.district, d.pick(("电器有限公司", "建材有限公司")))
    goods = d.pick(("涉嫌不合格的电热水器", "涉嫌不合格的电线", "涉嫌不合格的防火门"))
    qty = d.rng.randint(10, 120)
    return ActStory(
        party=party,
        title=f"对{party.name}{goods}的查封",
        facts=f"监督检查中发现{party.name}仓库内存放{goods}{qty}件。",
        place=party.data.address,
        record=f"仓库内{goods}{qty}件，执法人员清点后予以查封。",
        result=ActResultKind.MEASURE_TAKEN,
        result_text=f"查封{goods}{qty}件。",
        seized=f"{goods}{qty}件",
        seizure_kind=SeizureKind.SEAL,
        released="检验结论为合格，解除查封。",
    )


def facility_seal(d: Draft) -> ActStory:
    """环境保护法第二十五条: 查封、扣押造成污染物排放的设施、设备."""
    party = d.people.company(
        d.district, d.pick(("化工有限公司", "家具制造有限公司", "塑料制品有限公司"))
    )
    facility = d.pick(("喷漆房及配套风机", "燃煤锅炉", "熔炼炉"))
    return ActStory(
        party=party,
        title=f"对{party.name}{facility}的查封",
        facts=f"当事人{facility}在污染防治设施未正常运行的情况下生产，违法排放污染物。",
        place=party.data.address,
        record=f"{facility}正在运行，废气未经处理直接排放，执法人员予以查封并加贴封条。",
        result=ActResultKind.MEASURE_TAKEN,
        result_text=f"查封{facility}。",
        seized=facility,
        seizure_kind=SeizureKind.SEAL,
        released="当事人完成污染防治设施整改并经现场核查合格，解除查封。",
    )


@dataclass(frozen=True)
class ActScenario:
    key: str
    agency: str
    department: str
    power_code: str
    act_type: str
    write: Callable[[Draft], ActStory]
    weight: int = 1


ACT_SCENARIOS: tuple[ActScenario, ...] = (
    ActScenario(
        "sj-food-inspection",
        "sj",
        "食品安全执法处",
        "120000-SJ-JC-001",
        ActType.INSPECTION,
        food_inspection,
        5,
    ),
    ActScenario(
        "sj-sampling",
        "sj",
        "产品质量执法处",
        "120000-SJ-JC-002",
        ActType.INSPECTION,
        product_sampling,
        3,
    ),
    ActScenario(
        "ga-venue",
        "ga",
        "治安管理总队",
        "120000-GA-JC-001",
        ActType.INSPECTION,
        venue_inspection,
        3,
    ),
    ActScenario(
        "st-site",
        "st",
        "生态环境保护综合执法总队",
        "120000-ST-JC-001",
        ActType.INSPECTION,
        site_inspection,
        3,
    ),
    ActScenario(
        "cz-accounts",
        "cz",
        "会计监督处",
        "120000-CZ-JC-001",
        ActType.INSPECTION,
        accounting_inspection,
        2,
    ),
    ActScenario(
        "sj-licence", "sj", "食品安全执法处", "120000-SJ-XK-001", ActType.LICENSING, food_licence
    ),
    ActScenario(
        "bh-road-fee", "bh", "城市管理综合执法局", "120116-BH-ZS-001", ActType.LEVY, road_fee
    ),
    ActScenario(
        "sj-food-seizure",
        "sj",
        "食品安全执法处",
        "120000-SJ-QZ-001",
        ActType.COERCION,
        food_seizure,
    ),
    ActScenario(
        "sj-product-seizure",
        "sj",
        "产品质量执法处",
        "120000-SJ-QZ-002",
        ActType.COERCION,
        product_seizure,
    ),
    ActScenario(
        "st-seal",
        "st",
        "生态环境保护综合执法总队",
        "120000-ST-QZ-001",
        ActType.COERCION,
        facility_seal,
    ),
)
