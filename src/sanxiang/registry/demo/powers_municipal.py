"""Power list items of the municipal departments: 市场监管委, 公安局, 生态环境局, 财政局."""

from __future__ import annotations

from sanxiang.registry.demo.powers import PowerSpec, authority, penalised, violated
from sanxiang.registry.models import ActType

_P, _I, _L, _C = ActType.PENALTY, ActType.INSPECTION, ActType.LICENSING, ActType.COERCION

MARKET: tuple[PowerSpec, ...] = (
    PowerSpec(
        "sj",
        "120000-SJ-CF-001",
        "对经营超过保质期的食品的行政处罚",
        _P,
        (violated("FSL", 34, item=10), penalised("FSL", 124, 1, 5)),
        violation="生产经营标注虚假生产日期、保质期或者超过保质期的食品、食品添加剂。",
    ),
    PowerSpec(
        "sj",
        "120000-SJ-CF-002",
        "对未取得食品经营许可从事食品经营活动的行政处罚",
        _P,
        (violated("FSL", 35, 1), penalised("FSL", 122, 1)),
        violation="未取得食品生产经营许可从事食品生产经营活动。",
    ),
    PowerSpec(
        "sj",
        "120000-SJ-CF-003",
        "对发布虚假广告的行政处罚",
        _P,
        (violated("ADL", 4, 1), violated("ADL", 28, 1), penalised("ADL", 55, 1)),
        violation="广告以虚假或者引人误解的内容欺骗、误导消费者。",
    ),
    PowerSpec(
        "sj",
        "120000-SJ-CF-004",
        "对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的行政处罚",
        _P,
        (violated("PQL", 13, 2), penalised("PQL", 49)),
        violation="生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品。",
    ),
    PowerSpec(
        "sj",
        "120000-SJ-CF-005",
        "对在产品中掺杂、掺假，以假充真，以次充好，或者以不合格产品冒充合格产品的行政处罚",
        _P,
        (violated("PQL", 32), violated("PQL", 39), penalised("PQL", 50)),
        violation="在产品中掺杂、掺假，以假充真，以次充好，或者以不合格产品冒充合格产品。",
    ),
    PowerSpec(
        "sj",
        "120000-SJ-CF-006",
        "对经营者违反明码标价规定的行政处罚",
        _P,
        (violated("PRL", 13, 1), penalised("PRL", 42)),
        violation="销售、收购商品和提供服务，未按照规定明码标价。",
    ),
    PowerSpec(
        "sj",
        "120000-SJ-CF-007",
        "对利用虚假的或者使人误解的价格手段诱骗交易的行政处罚",
        _P,
        (violated("PRL", 14, item=4), penalised("PRL", 40, 1)),
        violation="利用虚假的或者使人误解的价格手段，诱骗消费者或者其他经营者与其进行交易。",
    ),
    PowerSpec(
        "sj",
        "120000-SJ-QZ-001",
        "对不符合食品安全标准或者存在安全隐患的食品及违法生产经营场所的查封、扣押",
        _C,
        (authority("FSL", 110, item=4), authority("FSL", 110, item=5)),
    ),
    PowerSpec(
        "sj",
        "120000-SJ-QZ-002",
        "对涉嫌不符合保障人体健康和人身、财产安全标准的产品的查封、扣押",
        _C,
        (authority("PQL", 18, item=4),),
    ),
    PowerSpec(
        "sj",
        "120000-SJ-JC-001",
        "对食品生产经营者的监督检查",
        _I,
        (authority("FSL", 110, item=1),),
    ),
    PowerSpec(
        "sj",
        "120000-SJ-JC-002",
        "产品质量监督抽查",
        _I,
        (authority("PQL", 15, 1),),
    ),
    PowerSpec(
        "sj",
        "120000-SJ-XK-001",
        "食品经营许可",
        _L,
        (authority("FSL", 35, 1), authority("FSL", 35, 2)),
    ),
)

PUBLIC_SECURITY: tuple[PowerSpec, ...] = (
    PowerSpec(
        "ga",
        "120000-GA-CF-001",
        "对殴打他人或者故意伤害他人身体的行政处罚",
        _P,
        (violated("PSA2025", 51, 1), penalised("PSA2025", 51, 1), penalised("PSA2025", 51, 2)),
        violation="殴打他人，或者故意伤害他人身体。",
    ),
    PowerSpec(
        "ga",
        "120000-GA-CF-002",
        "对扰乱机关、团体、企业、事业单位秩序的行政处罚",
        _P,
        (penalised("PSA2025", 26, 1, 1), penalised("PSA2025", 26, 2)),
        violation="扰乱机关、团体、企业、事业单位秩序，致使工作、生产、营业、医疗、教学、科研不能正常"
        "进行，尚未造成严重损失。",
    ),
    PowerSpec(
        "ga",
        "120000-GA-CF-003",
        "对机动车违反规定停放、临时停车的行政处罚",
        _P,
        (
            violated("RTS", 56, 1),
            violated("RTS", 56, 2),
            penalised("RTS", 93, 1),
            penalised("RTS", 93, 2),
        ),
        violation="机动车未在规定地点停放，或者临时停车妨碍其他车辆和行人通行。",
    ),
    PowerSpec(
        "ga",
        "120000-GA-CF-004",
        "对故意损毁公私财物的行政处罚",
        _P,
        (penalised("PSA2025", 59),),
        violation="故意损毁公私财物。",
    ),
    PowerSpec(
        "ga",
        "120000-GA-JC-001",
        "对与违反治安管理行为有关的场所、人身、物品的检查",
        _I,
        (authority("PSA2025", 103, 1),),
    ),
)

ENVIRONMENT: tuple[PowerSpec, ...] = (
    PowerSpec(
        "st",
        "120000-ST-CF-001",
        "对超过大气污染物排放标准排放大气污染物的行政处罚",
        _P,
        (violated("APPL", 18), penalised("APPL", 99, item=2)),
        violation="超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物。",
    ),
    PowerSpec(
        "st",
        "120000-ST-CF-002",
        "对超过水污染物排放标准排放水污染物的行政处罚",
        _P,
        (violated("WPPL", 10), penalised("WPPL", 83, item=2)),
        violation="超过水污染物排放标准或者超过重点水污染物排放总量控制指标排放水污染物。",
    ),
    PowerSpec(
        "st",
        "120000-ST-CF-003",
        "对建设项目未依法报批环境影响评价文件擅自开工建设的行政处罚",
        _P,
        (
            violated("EIAL", 25),
            violated("EPL", 19, 2),
            penalised("EIAL", 31, 1),
            penalised("EPL", 61),
        ),
        violation="建设单位未依法报批建设项目环境影响报告书、报告表，擅自开工建设（未批先建）。",
    ),
    PowerSpec(
        "st",
        "120000-ST-CF-004",
        "对违法排放污染物拒不改正的按日连续处罚",
        _P,
        (penalised("EPL", 59, 1),),
        violation="违法排放污染物，受到罚款处罚，被责令改正，拒不改正。",
    ),
    PowerSpec(
        "st",
        "120000-ST-QZ-001",
        "对造成污染物排放的设施、设备的查封、扣押",
        _C,
        (authority("EPL", 25),),
    ),
    PowerSpec(
        "st",
        "120000-ST-JC-001",
        "对排放污染物的企业事业单位和其他生产经营者的现场检查",
        _I,
        (authority("EPL", 24),),
    ),
)

FINANCE: tuple[PowerSpec, ...] = (
    PowerSpec(
        "cz",
        "120000-CZ-CF-001",
        "对不依法设置会计账簿的行政处罚",
        _P,
        (violated("ACC", 3), penalised("ACC", 40, 1, 1)),
        violation="不依法设置会计账簿。",
    ),
    PowerSpec(
        "cz",
        "120000-CZ-CF-002",
        "对伪造、变造会计凭证、会计账簿，编制虚假财务会计报告的行政处罚",
        _P,
        (violated("ACC", 13, 3), penalised("ACC", 41)),
        violation="伪造、变造会计凭证、会计账簿，编制虚假财务会计报告。",
    ),
    PowerSpec(
        "cz",
        "120000-CZ-JC-001",
        "会计监督检查",
        _I,
        (authority("ACC", 7, 2), authority("ACC", 30, 1)),
    ),
)

MUNICIPAL_POWERS: tuple[PowerSpec, ...] = (*MARKET, *PUBLIC_SECURITY, *ENVIRONMENT, *FINANCE)
