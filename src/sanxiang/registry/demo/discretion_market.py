"""Discretion standards of 天津市市场监督管理委员会 (food safety, advertising, products, prices)."""

from __future__ import annotations

import datetime

from sanxiang.registry.demo.discretion import (
    AGGRAVATING,
    FINE,
    GAINS,
    MITIGATING,
    PROPERTY,
    REVOKE,
    StandardSpec,
    TierSpec,
    times,
)
from sanxiang.registry.models import FineBasis

_MARKET_FROM = datetime.date(2024, 1, 1)

_FOOD_MITIGATING = (*MITIGATING, "履行了进货查验等义务，能如实说明进货来源的")
_FOOD_AGGRAVATING = (
    *AGGRAVATING,
    "违法食品主要供婴幼儿、老年人、病人等特定人群食用的",
    "向学校、托幼机构、养老机构等集中用餐单位供应的",
)
_CONFISCATE = (GAINS, PROPERTY, FINE)
_GOODS = FineBasis.GOODS_VALUE
_AD_FEE = FineBasis.ADVERTISING_FEE

MARKET: tuple[StandardSpec, ...] = (
    StandardSpec(
        "120000-SJ-CL-001",
        "sj",
        "120000-SJ-CF-001",
        "经营超过保质期的食品",
        _MARKET_FROM,
        (
            TierSpec(
                "轻微",
                "初次违法，货值金额在500元以下，危害后果轻微并及时改正",
                other_penalties="可以不予行政处罚（行政处罚法第三十三条第一款），责令改正并予以教育",
            ),
            TierSpec(
                "一般",
                "货值金额不足一万元，无从重情节",
                50_000,
                70_000,
                _CONFISCATE,
                "没收违法所得和违法经营的食品",
            ),
            TierSpec(
                "较重",
                "货值金额不足一万元，有从重情节",
                70_000,
                100_000,
                _CONFISCATE,
                "没收违法所得和违法经营的食品，并可以没收用于违法经营的工具、设备、原料等物品",
            ),
            # 食品安全法第一百二十四条: from 一万元 the fine is a multiple of the goods' value.
            TierSpec(
                "严重",
                "货值金额一万元以上",
                penalty_types=(*_CONFISCATE, REVOKE),
                other_penalties="没收违法所得和违法经营的食品；情节严重的，吊销许可证",
                multiple=times(_GOODS, "10", "20"),
            ),
        ),
        _FOOD_MITIGATING,
        _FOOD_AGGRAVATING,
    ),
    StandardSpec(
        "120000-SJ-CL-002",
        "sj",
        "120000-SJ-CF-002",
        "未取得食品经营许可从事食品经营活动",
        _MARKET_FROM,
        (
            TierSpec(
                "一般",
                "货值金额不足一万元，无从重情节",
                50_000,
                70_000,
                _CONFISCATE,
                "没收违法所得和违法经营的食品以及用于违法经营的工具、设备、原料等物品",
            ),
            TierSpec(
                "较重",
                "货值金额不足一万元，有从重情节",
                70_000,
                100_000,
                _CONFISCATE,
                "没收违法所得和违法经营的食品以及用于违法经营的工具、设备、原料等物品",
            ),
            TierSpec(
                "严重",
                "货值金额一万元以上",
                penalty_types=_CONFISCATE,
                other_penalties="没收违法所得和违法经营的食品以及用于违法经营的工具、设备、原料等物品",
                multiple=times(_GOODS, "10", "20"),
            ),
        ),
        _FOOD_MITIGATING,
        _FOOD_AGGRAVATING,
    ),
    StandardSpec(
        "120000-SJ-CL-003",
        "sj",
        "120000-SJ-CF-003",
        "发布虚假广告",
        _MARKET_FROM,
        (
            TierSpec(
                "一般",
                "广告费用可以计算，无严重情节",
                penalty_types=(FINE,),
                other_penalties="责令停止发布、消除影响",
                multiple=times(_AD_FEE, "3", "5"),
            ),
            TierSpec(
                "一般",
                "广告费用无法计算或者明显偏低，无严重情节",
                200_000,
                1_000_000,
                (FINE,),
                "责令停止发布、消除影响",
            ),
            TierSpec(
                "严重",
                "两年内有三次以上违法行为或者有其他严重情节，广告费用可以计算",
                penalty_types=(FINE, REVOKE),
                other_penalties="可以吊销营业执照",
                multiple=times(_AD_FEE, "5", "10"),
            ),
            TierSpec(
                "严重",
                "两年内有三次以上违法行为或者有其他严重情节，广告费用无法计算或者明显偏低",
                1_000_000,
                2_000_000,
                (FINE, REVOKE),
                "可以吊销营业执照",
            ),
        ),
        MITIGATING,
        (*AGGRAVATING, "广告涉及医疗、药品、保健食品等关系消费者生命健康的商品或者服务的"),
    ),
    StandardSpec(
        "120000-SJ-CL-004",
        "sj",
        "120000-SJ-CF-005",
        "生产、销售不合格产品（以不合格产品冒充合格产品）",
        _MARKET_FROM,
        (
            # 产品质量法第五十条: 货值金额百分之五十以上三倍以下, split by circumstance.
            TierSpec(
                "一般",
                "货值金额较小，主动停止销售并召回",
                penalty_types=(PROPERTY, GAINS, FINE),
                other_penalties="责令停止生产、销售，没收违法生产、销售的产品和违法所得",
                multiple=times(_GOODS, "0.5", "1"),
            ),
            TierSpec(
                "较重",
                "货值金额较大，或者已造成消费者损失",
                penalty_types=(PROPERTY, GAINS, FINE),
                other_penalties="责令停止生产、销售，没收违法生产、销售的产品和违法所得",
                multiple=times(_GOODS, "1", "2"),
            ),
            TierSpec(
                "严重",
                "情节严重，或者产品危及人身安全",
                penalty_types=(PROPERTY, GAINS, FINE, REVOKE),
                other_penalties="没收违法生产、销售的产品和违法所得；情节严重的，吊销营业执照",
                multiple=times(_GOODS, "2", "3"),
            ),
        ),
        (*MITIGATING, "销售者有充分证据证明其不知道该产品为禁止销售的产品并如实说明其进货来源的"),
        AGGRAVATING,
    ),
    StandardSpec(
        "120000-SJ-CL-005",
        "sj",
        "120000-SJ-CF-006",
        "违反明码标价规定",
        _MARKET_FROM,
        (
            TierSpec(
                "轻微",
                "初次违法，及时改正，没有违法所得",
                other_penalties="责令改正，可以不予行政处罚",
            ),
            TierSpec(
                "一般",
                "未明码标价的商品或者服务种类较少",
                0,
                2_000,
                (GAINS, FINE),
                "责令改正，没收违法所得",
            ),
            TierSpec(
                "较重",
                "未明码标价的商品或者服务种类较多，或者经责令后仍不改正",
                2_000,
                5_000,
                (GAINS, FINE),
                "责令改正，没收违法所得",
            ),
        ),
        MITIGATING,
        AGGRAVATING,
    ),
)
