"""Power list items of the district governments (滨海新区, 河北区, 津南区).

Their 城市管理综合执法局 enforce city appearance, roads and household waste; their 市场监管局
enforce food safety. The same statutory power appears once per district with the district's
own code, as in each district's published list.
"""

from __future__ import annotations

from sanxiang.registry.demo.powers import PowerSpec, authority, penalised, violated
from sanxiang.registry.models import ActType

_P = ActType.PENALTY


def _road(agency: str, code: str) -> PowerSpec:
    return PowerSpec(
        agency,
        code,
        "对擅自占用城市道路的行政处罚",
        _P,
        (
            violated("URR", 27, item=1),
            violated("URR", 30),
            violated("URR", 31, 1),
            penalised("URR", 42),
        ),
        violation="未经市政工程行政主管部门和公安交通管理部门批准，擅自占用城市道路。",
    )


def _waste(agency: str, code: str) -> PowerSpec:
    return PowerSpec(
        agency,
        code,
        "对随意倾倒、抛撒、堆放或者焚烧生活垃圾的行政处罚",
        _P,
        (violated("SWL", 111, 1, 1), penalised("SWL", 111, 1, 1), penalised("SWL", 111, 2)),
        violation="随意倾倒、抛撒、堆放或者焚烧生活垃圾。",
    )


def _posters(agency: str, code: str) -> PowerSpec:
    return PowerSpec(
        agency,
        code,
        "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品的行政处罚",
        _P,
        (violated("CAR", 17, 1), violated("CAR", 17, 2), penalised("CAR", 34, item=2)),
        violation="在城市建筑物、设施以及树木上涂写、刻画，或者未经批准张挂、张贴宣传品（乱贴乱画）。",
    )


def _expired_food(agency: str, code: str) -> PowerSpec:
    return PowerSpec(
        agency,
        code,
        "对经营超过保质期的食品的行政处罚",
        _P,
        (violated("FSL", 34, item=10), penalised("FSL", 124, 1, 5)),
        violation="生产经营标注虚假生产日期、保质期或者超过保质期的食品、食品添加剂。",
    )


def _unlicensed_food(agency: str, code: str) -> PowerSpec:
    return PowerSpec(
        agency,
        code,
        "对未取得食品经营许可从事食品经营活动的行政处罚",
        _P,
        (violated("FSL", 35, 1), penalised("FSL", 122, 1)),
        violation="未取得食品生产经营许可从事食品生产经营活动。",
    )


DISTRICT_POWERS: tuple[PowerSpec, ...] = (
    # 滨海新区
    _road("bh", "120116-BH-CF-001"),
    _waste("bh", "120116-BH-CF-002"),
    _posters("bh", "120116-BH-CF-003"),
    _expired_food("bh", "120116-BH-CF-004"),
    PowerSpec(
        "bh",
        "120116-BH-CF-005",
        "对在禁止的时段和区域内露天烧烤食品的行政处罚",
        _P,
        (penalised("APPL", 118, 3),),
        violation="在当地人民政府禁止的时段和区域内露天烧烤食品或者为露天烧烤食品提供场地。",
    ),
    PowerSpec(
        "bh",
        "120116-BH-ZS-001",
        "城市道路占用费、挖掘修复费的征收",
        ActType.LEVY,
        (authority("URR", 37, 1),),
    ),
    # 河北区
    _road("hb", "120105-HB-CF-001"),
    _waste("hb", "120105-HB-CF-002"),
    _posters("hb", "120105-HB-CF-003"),
    _unlicensed_food("hb", "120105-HB-CF-004"),
    # 津南区
    _road("jn", "120112-JN-CF-001"),
    _waste("jn", "120112-JN-CF-002"),
    _posters("jn", "120112-JN-CF-003"),
    _unlicensed_food("jn", "120112-JN-CF-004"),
)
