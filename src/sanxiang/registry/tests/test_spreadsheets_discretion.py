"""Excel import/export of discretion standards and their tiers (LAW-APL-34, TJ-SUP-12/13).

One row per tier; amounts in yuan in the sheet and integer fen in the database; penalty types
are the LAW-APL-9 labels. Every problem is reported with its row and column, nothing is written
when any row is bad, re-importing is idempotent and export → import round-trips.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from sanxiang.core.errors import ApplicationError
from sanxiang.registry import models as m
from sanxiang.registry.spreadsheets import (
    discretion_standards_export,
    discretion_standards_import,
)
from sanxiang.registry.tests import factories as f
from sanxiang.registry.tests.sheets import AGENCY, problems_of, read_back, xlsx

pytestmark = pytest.mark.django_db

TIER_HEADERS = [
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


@pytest.fixture
def admin() -> m.User:
    return f.UserFactory.create(role=m.Role.ADMINISTRATOR, agency=None)


@pytest.fixture
def agency() -> m.Agency:
    return f.AgencyFactory.create(name=AGENCY)


def tier_row(code: Any = "CL-001", order: Any = 1, **cells: Any) -> list[Any]:
    values = {
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
        **cells,
    }
    return [values[header] for header in TIER_HEADERS]


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
        assert exported[1][11:14] == (50000, 100000.5, "警告、罚款")
        assert m.DiscretionStandard.objects.get(code="CL-EMPTY").tiers.count() == 0
