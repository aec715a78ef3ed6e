"""Excel import/export of discretion standards and their tiers (LAW-APL-34, TJ-SUP-12/13).

One row per tier; amounts in yuan in the sheet and integer fen in the database; penalty types
are the LAW-APL-9 labels; a fine is a fixed range or multiples of one basis. Every problem is
reported with its row and column, nothing is written when any row is bad, re-importing is
idempotent and export → import round-trips.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.utils import translation

from sanxiang.core.errors import ApplicationError
from sanxiang.registry import models as m
from sanxiang.registry.spreadsheets import (
    discretion_standards_export,
    discretion_standards_import,
)
from sanxiang.registry.tests import factories as f
from sanxiang.registry.tests.sheets import AGENCY, problems_of, read_back, xlsx

pytestmark = pytest.mark.django_db

# The layout before fine bases, multiples, detention and party scope: still imports.
LEGACY_HEADERS = [
    "基准编码",
    "基准名称",
    "实施主体",
    "权责事项编码",
    "生效日期",
    "失效日期",
    "从轻情节",
    "从重情节",
    "档次序号",
    "情节档次",
    "具体情形",
    "罚款下限(元)",
    "罚款上限(元)",
    "处罚种类",
    "其他处罚",
]
TIER_HEADERS = [
    *LEGACY_HEADERS[:11],
    "适用对象",
    "罚款计算基数",
    "罚款下限(元)",
    "罚款上限(元)",
    "倍数下限",
    "倍数上限",
    "拘留天数下限",
    "拘留天数上限",
    "处罚种类",
    "其他处罚",
]


@pytest.fixture
def admin() -> m.User:
    return f.UserFactory.create(role=m.Role.ADMINISTRATOR, agency=None)


@pytest.fixture
def agency() -> m.Agency:
    return f.AgencyFactory.create(name=AGENCY)


def tier_cells(code: Any = "CL-001", order: Any = 1, **cells: Any) -> dict[str, Any]:
    return {
        "基准编码": code,
        "基准名称": "未取得许可从事食品经营的裁量基准",
        "实施主体": AGENCY,
        "权责事项编码": "330217001000",
        "生效日期": datetime.datetime(2022, 1, 1),
        "失效日期": None,
        "从轻情节": "初次违法\n主动消除危害后果",
        "从重情节": "拒不改正",
        "档次序号": order,
        "情节档次": "一般",
        "具体情形": "货值金额不足一万元",
        "罚款下限(元)": 50000,
        "罚款上限(元)": "100000.50",
        "处罚种类": "警告、罚款",
        "其他处罚": "没收违法所得",
        "适用对象": None,
        "罚款计算基数": None,
        "倍数下限": None,
        "倍数上限": None,
        "拘留天数下限": None,
        "拘留天数上限": None,
        **cells,
    }


def tier_row(code: Any = "CL-001", order: Any = 1, **cells: Any) -> list[Any]:
    values = tier_cells(code, order, **cells)
    return [values[header] for header in TIER_HEADERS]


def legacy_row(**cells: Any) -> list[Any]:
    values = tier_cells(**cells)
    return [values[header] for header in LEGACY_HEADERS]


def multiple_row(order: int, **cells: Any) -> list[Any]:
    """A tier fined in multiples of the goods' value (no amount in yuan)."""
    return tier_row(
        order=order,
        **{"罚款下限(元)": None, "罚款上限(元)": None, "罚款计算基数": "货值金额", **cells},
    )


def problem_reasons(caught: pytest.ExceptionInfo[ApplicationError]) -> dict[tuple[int, str], str]:
    assert caught.value.code == "import.invalid"
    return {(p["row"], p["column"]): p["reason"] for p in caught.value.extra["problems"]}


@pytest.fixture
def item(agency) -> m.PowerItem:
    return f.PowerItemFactory.create(agency=agency, code="330217001000")


class TestDiscretionImport:
    def test_creates_standard_with_tiers_in_fen(self, admin, item) -> None:
        rows = [
            tier_row(order=1),
            tier_row(
                order=2,
                情节档次="严重",
                生效日期="2022年1月1日",
                **{"罚款下限(元)": 100000.5, "罚款上限(元)": None},
            ),
        ]
        report = discretion_standards_import(file=xlsx(TIER_HEADERS, rows), acting_user=admin)

        assert report.as_dict() == {"created": 1, "updated": 0, "unchanged": 0}
        standard = m.DiscretionStandard.objects.get()
        assert (standard.power_item, standard.effective_from) == (item, datetime.date(2022, 1, 1))
        tiers = list(standard.tiers.order_by("order"))
        assert [(t.fine_min_fen, t.fine_max_fen) for t in tiers] == [
            (5_000_000, 10_000_050),
            (10_000_050, None),
        ]
        assert tiers[0].penalty_types == ["warning", "fine"]  # LAW-APL-9 codes

    def test_every_error_kind_is_reported(self, admin, item) -> None:
        rows = [
            tier_row(order=1),  # row 2: fine
            tier_row(order=2, 生效日期="2022-13-01", 基准名称="另一个名称"),  # row 3
            tier_row(order=3, **{"罚款下限(元)": 2000, "罚款上限(元)": 1000}),  # row 4
            tier_row(order=4, **{"罚款下限(元)": -5}),  # row 5
            tier_row(order=5, **{"罚款上限(元)": "100.005"}),  # row 6
            tier_row(order=6, 处罚种类="警告、打板子"),  # row 7
            tier_row(order=1),  # row 8: duplicate tier order
            tier_row(order=7, 情节档次=None),  # row 9
            tier_row("CL-002", 权责事项编码="NOPE"),  # row 10
            tier_row("CL-003", order="一"),  # row 11
            tier_row(None),  # row 12: missing code
        ]
        with pytest.raises(ApplicationError) as caught:
            discretion_standards_import(file=xlsx(TIER_HEADERS, rows), acting_user=admin)

        assert problems_of(caught) == {
            (3, "生效日期"),
            (3, "基准名称"),
            (4, "罚款上限(元)"),
            (5, "罚款下限(元)"),
            (6, "罚款上限(元)"),
            (7, "处罚种类"),
            (8, "档次序号"),
            (9, "情节档次"),
            (10, "权责事项编码"),
            (11, "档次序号"),
            (12, "基准编码"),
        }
        assert not m.DiscretionStandard.objects.exists()
        assert not m.DiscretionTier.objects.exists()

    def test_reimport_idempotent_and_tiers_replaced(self, admin, item) -> None:
        content = xlsx(TIER_HEADERS, [tier_row(order=1), tier_row(order=2)])
        discretion_standards_import(file=content, acting_user=admin)
        again = discretion_standards_import(file=content, acting_user=admin)
        assert again.as_dict() == {"created": 0, "updated": 0, "unchanged": 1}

        fewer = discretion_standards_import(
            file=xlsx(TIER_HEADERS, [tier_row(order=1)]), acting_user=admin
        )
        assert fewer.as_dict() == {"created": 0, "updated": 1, "unchanged": 0}
        assert list(m.DiscretionTier.objects.values_list("order", flat=True)) == [1]

    def test_code_shared_by_agencies_needs_the_agency(self, admin, item) -> None:
        f.PowerItemFactory.create(code=item.code)  # same code in another agency
        no_agency = xlsx(TIER_HEADERS, [tier_row(实施主体=None)])
        with pytest.raises(ApplicationError) as caught:
            discretion_standards_import(file=no_agency, acting_user=admin)
        assert problems_of(caught) == {(2, "权责事项编码")}
        discretion_standards_import(file=xlsx(TIER_HEADERS, [tier_row()]), acting_user=admin)
        assert m.DiscretionStandard.objects.get().power_item == item

    def test_one_bad_row_writes_nothing(self, admin, item) -> None:
        rows = [tier_row(f"S{n}", order=1) for n in range(30)]
        rows.append(tier_row("S-bad", **{"罚款下限(元)": "abc"}))
        with pytest.raises(ApplicationError) as caught:
            discretion_standards_import(file=xlsx(TIER_HEADERS, rows), acting_user=admin)
        assert problems_of(caught) == {(32, "罚款下限(元)")}
        assert not m.DiscretionStandard.objects.exists()


class TestDiscretionExport:
    def test_round_trip(self, admin, item) -> None:
        rows = [
            tier_row(order=1),
            tier_row(order=2, **{"罚款下限(元)": None, "处罚种类": "警告"}),
            tier_row(
                "CL-EMPTY",
                order=None,
                情节档次=None,
                具体情形=None,
                处罚种类=None,
                其他处罚=None,
                **{"罚款下限(元)": None, "罚款上限(元)": None},
                失效日期="2030-12-31",
            ),
        ]
        discretion_standards_import(file=xlsx(TIER_HEADERS, rows), acting_user=admin)
        first = discretion_standards_export(user=admin)

        m.DiscretionStandard.objects.all().delete()
        report = discretion_standards_import(file=first, acting_user=admin)

        assert report.created == 2
        assert read_back(discretion_standards_export(user=admin)) == read_back(first)
        exported = read_back(first)
        assert exported[0] == tuple(TIER_HEADERS)
        assert exported[1][11:15] == ("不限", "固定金额", 50000, 100000.5)
        assert exported[1][19] == "警告、罚款"
        assert m.DiscretionStandard.objects.get(code="CL-EMPTY").tiers.count() == 0

    def test_round_trip_with_multiples_detention_and_party(self, admin, item) -> None:
        rows = [
            multiple_row(1, 倍数下限="10倍", 倍数上限=20, 适用对象="单位"),
            multiple_row(2, 罚款计算基数="建设项目总投资额", 倍数下限="1%", 倍数上限=0.035),
            tier_row(
                order=3,
                适用对象="个人",
                拘留天数下限=5,
                拘留天数上限="10日",
                处罚种类="行政拘留、罚款",
                **{"罚款下限(元)": 500, "罚款上限(元)": 1000},
            ),
        ]
        discretion_standards_import(file=xlsx(TIER_HEADERS, rows), acting_user=admin)
        tiers = list(m.DiscretionTier.objects.order_by("order"))
        assert [
            (t.fine_basis, t.fine_min_multiple, t.fine_max_multiple, t.fine_min_fen, t.party_scope)
            for t in tiers
        ] == [
            ("goods_value", Decimal(10), Decimal(20), None, "organisation"),
            ("investment", Decimal("0.01"), Decimal("0.035"), None, "any"),
            ("fixed", None, None, 50_000, "natural_person"),
        ]
        assert (tiers[2].detention_days_min, tiers[2].detention_days_max) == (5, 10)

        first = discretion_standards_export(user=admin)
        again = discretion_standards_import(file=first, acting_user=admin)
        assert again.as_dict() == {"created": 0, "updated": 0, "unchanged": 1}
        m.DiscretionStandard.objects.all().delete()
        discretion_standards_import(file=first, acting_user=admin)
        assert read_back(discretion_standards_export(user=admin)) == read_back(first)
        exported = read_back(first)
        assert exported[1][11:19] == ("单位", "货值金额", None, None, 10, 20, None, None)
        assert exported[2][12:17] == ("建设项目总投资额", None, None, 0.01, 0.035)
        assert exported[3][11:19] == ("自然人", "固定金额", 500, 1000, None, None, 5, 10)


class TestDiscretionTierShape:
    """One fine basis per tier, ordered ranges, detention for natural persons only."""

    def test_each_problem_has_row_column_and_reason(self, admin, item) -> None:
        rows = [
            multiple_row(1, 倍数下限=10, 倍数上限=20),  # row 2: fine
            tier_row(order=2, 倍数上限=5),  # row 3: multiples without a basis
            tier_row(order=3, 罚款计算基数="固定金额", 倍数下限=1),  # row 4
            multiple_row(4, 倍数上限=5, **{"罚款上限(元)": 1000}),  # row 5: yuan with a basis
            multiple_row(5),  # row 6: a basis without multiples
            multiple_row(6, 倍数下限=5, 倍数上限=3),  # row 7
            multiple_row(7, 倍数下限=-1, 倍数上限=3),  # row 8
            multiple_row(8, 倍数上限="0.00001"),  # row 9
            multiple_row(9, 罚款计算基数="营业额", 倍数上限=3),  # row 10
            tier_row(order=10, 拘留天数下限=10, 拘留天数上限=5),  # row 11
            tier_row(order=11, 拘留天数上限=16),  # row 12
            tier_row(order=12, 适用对象="单位", 拘留天数上限=5),  # row 13
            tier_row(order=13, 适用对象="外国人"),  # row 14
        ]
        with translation.override("en"), pytest.raises(ApplicationError) as caught:
            discretion_standards_import(file=xlsx(TIER_HEADERS, rows), acting_user=admin)

        assert problem_reasons(caught) == {
            (3, "罚款计算基数"): "Fill in the amount the multiples apply to, e.g. 货值金额.",
            (4, "倍数下限"): "A fixed-amount fine has no multiples; choose the amount they "
            "multiply (the fine basis) or leave them empty.",
            (5, "罚款计算基数"): "A fine computed from Value of the goods is given as "
            "multiples, not in yuan.",
            (6, "倍数上限"): "Give the multiples of Value of the goods.",
            (7, "倍数上限"): "The maximum multiple is below the minimum.",
            (8, "倍数下限"): "The multiple -1 must not be negative.",
            (9, "倍数上限"): "The multiple 0.00001 needs more than four decimals or is too large.",
            (10, "罚款计算基数"): "Unknown value 营业额; use one of 固定金额、货值金额、违法所得、"
            "广告费用、建设项目总投资额、应纳税额、其他计算基数.",
            (11, "拘留天数上限"): "The maximum detention is shorter than the minimum.",
            (12, "拘留天数上限"): "16 is not a number of days from 1 to 15.",
            (13, "适用对象"): "Administrative detention applies to natural persons only.",
            (14, "适用对象"): "Unknown value 外国人; use one of 不限、自然人、单位.",
        }
        assert not m.DiscretionStandard.objects.exists()

    def test_legacy_layout_imports_as_fixed_for_any_party(self, admin, item) -> None:
        row = legacy_row()
        discretion_standards_import(file=xlsx(LEGACY_HEADERS, [row]), acting_user=admin)
        tier = m.DiscretionTier.objects.get()
        assert (tier.fine_basis, tier.party_scope, tier.fine_min_fen) == ("fixed", "any", 5_000_000)

    def test_legacy_layout_keeps_the_stored_basis(self, admin, item) -> None:
        # A column missing from the file leaves that field alone; the multiples stay.
        discretion_standards_import(
            file=xlsx(TIER_HEADERS, [multiple_row(1, 倍数下限=10, 倍数上限=20)]),
            acting_user=admin,
        )
        row = legacy_row(
            具体情形="货值金额一万元以上", **{"罚款下限(元)": None, "罚款上限(元)": None}
        )
        discretion_standards_import(file=xlsx(LEGACY_HEADERS, [row]), acting_user=admin)
        tier = m.DiscretionTier.objects.get()
        assert (tier.circumstance, tier.fine_basis, tier.fine_max_multiple) == (
            "货值金额一万元以上",
            "goods_value",
            Decimal(20),
        )
