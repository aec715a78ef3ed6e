"""Discretion standards (行政处罚裁量基准, LAW-APL-34, TJ-SUP-12/13): shape, shared factors and
the district standards.

Every tier stays inside the range of the penalty provision it applies. Where the law sets the
fine as a multiple (货值金额、广告费用、违法所得、总投资额的倍数), the tier names that
`fine_basis` and gives the multiples instead of a range in yuan; where the provision switches
between a fixed range and a multiple (货值金额不足一万元 / 一万元以上, 广告费用无法计算), each
branch is its own tier. Where the law fines 单位 and 个人 differently, the tier says which
(`party_scope`); 行政拘留 is given in days. Amounts are written in yuan here and stored in fen.

Tier levels: 轻微 / 一般 / 较重 / 严重. A 轻微 tier without penalty types is the "不予处罚"
case of LAW-APL-33 (初次违法、危害后果轻微并及时改正).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from sanxiang.core.money import Fen, yuan_to_fen
from sanxiang.registry.models import FineBasis, PartyScope, PenaltyType

WARNING = PenaltyType.WARNING.value
CRITICISM = PenaltyType.PUBLIC_CRITICISM.value
FINE = PenaltyType.FINE.value
GAINS = PenaltyType.CONFISCATE_GAINS.value
PROPERTY = PenaltyType.CONFISCATE_PROPERTY.value
REVOKE = PenaltyType.REVOKE_LICENCE.value
SUSPEND = PenaltyType.SUSPEND_BUSINESS.value
CLOSE = PenaltyType.ORDER_CLOSURE.value
DETENTION = PenaltyType.DETENTION.value

PERSON = PartyScope.NATURAL_PERSON.value
ORGANISATION = PartyScope.ORGANISATION.value


@dataclass(frozen=True, slots=True)
class Multiple:
    """`low` to `high` times `basis`: 货值金额十倍以上二十倍以下 is goods_value, 10, 20."""

    basis: str
    low: Decimal | None
    high: Decimal | None


def times(basis: FineBasis, low: str | None, high: str | None) -> Multiple:
    return Multiple(
        basis.value,
        None if low is None else Decimal(low),
        None if high is None else Decimal(high),
    )


@dataclass(frozen=True, slots=True)
class TierSpec:
    level: str
    circumstance: str
    fine_min_yuan: int | None = None
    fine_max_yuan: int | None = None
    penalty_types: tuple[str, ...] = ()
    other_penalties: str = ""
    multiple: Multiple | None = None  # instead of a range in yuan
    detention_days: tuple[int | None, int | None] = (None, None)
    party_scope: str = PartyScope.ANY.value

    @property
    def fine_basis(self) -> str:
        return FineBasis.FIXED.value if self.multiple is None else self.multiple.basis

    @property
    def fine_min_fen(self) -> Fen | None:
        return None if self.fine_min_yuan is None else yuan_to_fen(self.fine_min_yuan)

    @property
    def fine_max_fen(self) -> Fen | None:
        return None if self.fine_max_yuan is None else yuan_to_fen(self.fine_max_yuan)


@dataclass(frozen=True, slots=True)
class StandardSpec:
    code: str
    agency: str  # agency key of the power item
    power_code: str
    title: str
    effective_from: datetime.date
    tiers: tuple[TierSpec, ...]
    mitigating: tuple[str, ...]
    aggravating: tuple[str, ...]


def lines(*items: str) -> str:
    return "\n".join(items)


# 行政处罚法第三十二条 (LAW-APL-32) and 第三十条 (minors), one factor per line.
MITIGATING: tuple[str, ...] = (
    "主动消除或者减轻违法行为危害后果的",
    "受他人胁迫或者诱骗实施违法行为的",
    "主动供述行政机关尚未掌握的违法行为的",
    "配合行政机关查处违法行为有立功表现的",
    "已满十四周岁不满十八周岁的未成年人有违法行为的",
    "法律、法规、规章规定其他应当从轻或者减轻行政处罚的",
)

AGGRAVATING: tuple[str, ...] = (
    "一年内因同一种违法行为受过行政处罚的",
    "拒不配合调查，或者隐匿、销毁、转移证据的",
    "违法行为造成较大社会影响或者较重危害后果的",
    "对举报人、证人打击报复的",
    "在发生重大传染病疫情等突发事件期间实施违法行为的",
)

_URBAN_FROM = datetime.date(2024, 3, 1)


def road_standard(agency: str, code: str, power_code: str) -> StandardSpec:
    """擅自占用城市道路: 城市道路管理条例第四十二条, a fine of at most 2万元."""
    return StandardSpec(
        code=code,
        agency=agency,
        power_code=power_code,
        title="擅自占用城市道路",
        effective_from=_URBAN_FROM,
        tiers=(
            TierSpec(
                "轻微",
                "占用时间短、面积小，经责令后立即改正，未影响通行",
                other_penalties="责令限期改正，可以不予罚款",
            ),
            TierSpec(
                "一般",
                "占用面积在10平方米以下，在责令的期限内改正",
                0,
                5_000,
                (FINE,),
                "责令限期改正",
            ),
            TierSpec(
                "较重",
                "占用面积在10平方米以上50平方米以下，或者逾期改正",
                5_000,
                12_000,
                (FINE,),
                "责令限期改正",
            ),
            TierSpec(
                "严重",
                "占用面积在50平方米以上，或者逾期不改正、影响交通安全",
                12_000,
                20_000,
                (FINE,),
                "责令限期改正；造成损失的，依法承担赔偿责任",
            ),
        ),
        mitigating=MITIGATING,
        aggravating=(*AGGRAVATING, "占用城市主干道、学校或者医院周边道路的"),
    )


def waste_standard(agency: str, code: str, power_code: str) -> StandardSpec:
    """随意倾倒生活垃圾: 固体废物污染环境防治法第一百一十一条第二款."""
    return StandardSpec(
        code=code,
        agency=agency,
        power_code=power_code,
        title="随意倾倒、抛撒、堆放或者焚烧生活垃圾",
        effective_from=_URBAN_FROM,
        tiers=(
            TierSpec(
                "一般",
                "个人随意倾倒、抛撒、堆放或者焚烧生活垃圾",
                100,
                500,
                (FINE, GAINS),
                "责令改正",
                party_scope=PERSON,
            ),
            TierSpec(
                "较重",
                "单位随意倾倒、抛撒、堆放或者焚烧生活垃圾，数量较少并及时清理",
                50_000,
                200_000,
                (FINE, GAINS),
                "责令改正",
                party_scope=ORGANISATION,
            ),
            TierSpec(
                "严重",
                "单位随意倾倒、抛撒、堆放或者焚烧生活垃圾，数量较大、造成环境污染或者拒不清理",
                200_000,
                500_000,
                (FINE, GAINS),
                "责令改正",
                party_scope=ORGANISATION,
            ),
        ),
        mitigating=MITIGATING,
        aggravating=(*AGGRAVATING, "在河道、绿地或者居民区周边倾倒的"),
    )


DISTRICT_STANDARDS: tuple[StandardSpec, ...] = (
    road_standard("bh", "120116-BH-CL-001", "120116-BH-CF-001"),
    waste_standard("bh", "120116-BH-CL-002", "120116-BH-CF-002"),
    StandardSpec(
        code="120116-BH-CL-003",
        agency="bh",
        power_code="120116-BH-CF-003",
        title="在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品（乱贴乱画）",
        effective_from=_URBAN_FROM,
        # 城市市容和环境卫生管理条例第三十四条 allows 警告、罚款 without an amount; the amounts
        # are set by the local regulation, which the demo does not load, so no fine tier here.
        tiers=(
            TierSpec(
                "轻微",
                "初次违法，面积较小，及时自行清除",
                other_penalties="责令纠正违法行为、采取补救措施，可以不予行政处罚",
            ),
            TierSpec(
                "一般",
                "经责令后方清除，或者数量较多、影响市容",
                penalty_types=(WARNING,),
                other_penalties="责令纠正违法行为、采取补救措施",
            ),
        ),
        mitigating=MITIGATING,
        aggravating=(*AGGRAVATING, "在文物保护单位、主要道路两侧建筑物上涂写、刻画的"),
    ),
    StandardSpec(
        code="120116-BH-CL-004",
        agency="bh",
        power_code="120116-BH-CF-005",
        title="在禁止的时段和区域内露天烧烤食品或者为露天烧烤食品提供场地",
        effective_from=_URBAN_FROM,
        tiers=(
            TierSpec(
                "一般",
                "首次在禁止的时段和区域内露天烧烤食品，经劝阻后停止",
                500,
                2_000,
                (FINE, PROPERTY, GAINS),
                "责令改正，没收烧烤工具和违法所得",
            ),
            TierSpec(
                "较重",
                "经营性露天烧烤，或者为露天烧烤食品提供场地",
                2_000,
                10_000,
                (FINE, PROPERTY, GAINS),
                "责令改正，没收烧烤工具和违法所得",
            ),
            TierSpec(
                "严重",
                "受过处罚后再次实施，或者在重污染天气预警期间实施",
                10_000,
                20_000,
                (FINE, PROPERTY, GAINS),
                "责令改正，没收烧烤工具和违法所得",
            ),
        ),
        mitigating=MITIGATING,
        aggravating=(*AGGRAVATING, "在重污染天气预警期间实施的"),
    ),
    waste_standard("hb", "120105-HB-CL-001", "120105-HB-CF-002"),
    road_standard("jn", "120112-JN-CL-001", "120112-JN-CF-001"),
)
