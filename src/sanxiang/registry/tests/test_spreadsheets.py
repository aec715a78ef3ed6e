"""Excel import/export of power items (权责清单) with their legal basis.

Every problem is reported with the row Excel shows and the column header; one bad row means
nothing is written; re-importing is idempotent; export → import round-trips.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.registry import models as m
from sanxiang.registry.spreadsheets import power_items_export, power_items_import
from sanxiang.registry.tests import factories as f
from sanxiang.registry.tests.sheets import (
    AGENCY,
    FOOD_LAW,
    PENALTY_LAW,
    problems_of,
    read_back,
    xlsx,
)

pytestmark = pytest.mark.django_db

ITEM_HEADERS = [
    "事项编码",
    "事项名称",
    "执法类别",
    "实施主体",
    "违法行为",
    "设定依据",
    "违法依据",
    "处罚依据",
    "责任事项",
    "追责情形",
]


@pytest.fixture
def admin() -> m.User:
    return f.UserFactory.create(role=m.Role.ADMINISTRATOR, agency=None)


@pytest.fixture
def agency() -> m.Agency:
    return f.AgencyFactory.create(name=AGENCY)


@pytest.fixture
def laws() -> dict[str, m.Provision]:
    food = f.LawFactory.create(title=FOOD_LAW, lineage=FOOD_LAW, short_title="食品安全法")
    penalty = f.LawFactory.create(title=PENALTY_LAW, lineage=PENALTY_LAW)
    return {
        "122": f.ProvisionFactory.create(law=food, article=122, label="第一百二十二条"),
        "124": f.ProvisionFactory.create(law=food, article=124, label="第一百二十四条"),
        "124.1": f.ProvisionFactory.create(
            law=food, article=124, paragraph=1, label="第一百二十四条第一款"
        ),
        "35": f.ProvisionFactory.create(law=food, article=35, label="第三十五条"),
        "51": f.ProvisionFactory.create(law=penalty, article=51, label="第五十一条"),
    }


def item_row(code: str = "330217001000", **cells: Any) -> list[Any]:
    values = {
        "事项编码": code,
        "事项名称": "对未取得食品生产经营许可从事食品生产经营活动的处罚",
        "执法类别": "行政处罚",
        "实施主体": AGENCY,
        "违法行为": "未取得食品生产经营许可从事食品生产经营活动",
        "设定依据": f"《{FOOD_LAW}》第三十五条",
        "违法依据": f"《{FOOD_LAW}》第三十五条",
        "处罚依据": f"《{FOOD_LAW}》第一百二十二条、第一百二十四条第一款；《{PENALTY_LAW}》第51条",
        "责任事项": "立案、调查、审查、决定、送达、执行",
        "追责情形": "未依法履行职责的",
        **cells,
    }
    return [values[header] for header in ITEM_HEADERS]


class TestPowerItemImport:
    def test_creates_items_with_their_legal_basis(self, admin, agency, laws) -> None:
        content = xlsx(
            ITEM_HEADERS,
            [
                item_row(),
                item_row(
                    "330217002000", 实施主体=agency.credit_code, 执法类别="行政检查", 处罚依据=""
                ),
            ],
        )
        report = power_items_import(file=content, acting_user=admin)

        assert report.as_dict() == {"created": 2, "updated": 0, "unchanged": 0}
        item = m.PowerItem.objects.get(agency=agency, code="330217001000")
        links = {(link.kind, link.provision_id) for link in item.basis_links.all()}
        assert links == {
            (m.BasisKind.AUTHORITY, laws["35"].pk),
            (m.BasisKind.VIOLATION, laws["35"].pk),
            (m.BasisKind.PENALTY, laws["122"].pk),  # "、" continues the same law
            (m.BasisKind.PENALTY, laws["124.1"].pk),
            (m.BasisKind.PENALTY, laws["51"].pk),  # Arabic numerals accepted
        }
        inspection = m.PowerItem.objects.get(code="330217002000")
        assert inspection.act_type == m.ActType.INSPECTION
        assert not inspection.basis_links.filter(kind=m.BasisKind.PENALTY).exists()

    def test_reimport_is_idempotent(self, admin, agency, laws) -> None:
        content = xlsx(ITEM_HEADERS, [item_row(), item_row("2")])
        power_items_import(file=content, acting_user=admin)
        before = list(m.PowerItemBasis.objects.values_list("pk", "power_item", "provision", "kind"))

        report = power_items_import(file=content, acting_user=admin)

        assert report.as_dict() == {"created": 0, "updated": 0, "unchanged": 2}
        after = list(m.PowerItemBasis.objects.values_list("pk", "power_item", "provision", "kind"))
        assert after == before

    def test_updates_by_code_and_replaces_basis(self, admin, agency, laws) -> None:
        power_items_import(file=xlsx(ITEM_HEADERS, [item_row()]), acting_user=admin)
        changed = item_row(事项名称="新名称", 处罚依据=f"《{FOOD_LAW}》第一百二十四条")

        report = power_items_import(file=xlsx(ITEM_HEADERS, [changed]), acting_user=admin)

        assert report.as_dict() == {"created": 0, "updated": 1, "unchanged": 0}
        item = m.PowerItem.objects.get()
        assert item.name == "新名称"
        penalty = item.basis_links.filter(kind=m.BasisKind.PENALTY)
        assert [link.provision_id for link in penalty] == [laws["124"].pk]

    def test_every_bad_row_is_reported_and_nothing_written(self, admin, agency, laws) -> None:
        rows = [
            item_row("A1"),  # row 2: fine
            item_row("A2", 实施主体="不存在的局"),  # row 3
            item_row(
                "A3", 处罚依据=f"《{FOOD_LAW}》第九百条", 设定依据="食品安全法第十条"
            ),  # row 4
            item_row("A4", 违法依据="《不存在的法》第一条"),  # row 5
            item_row("A5", 执法类别="行政处分"),  # row 6
            item_row("A1"),  # row 7: duplicate of row 2
            item_row("A7", 事项名称=None),  # row 8: required cell
        ]
        with pytest.raises(ApplicationError) as caught:
            power_items_import(file=xlsx(ITEM_HEADERS, rows), acting_user=admin)

        assert problems_of(caught) == {
            (3, "实施主体"),
            (4, "处罚依据"),
            (4, "设定依据"),
            (5, "违法依据"),
            (6, "执法类别"),
            (7, "事项编码"),
            (8, "事项名称"),
        }
        reasons = {(p["row"], p["column"]): p["reason"] for p in caught.value.extra["problems"]}
        assert "2" in reasons[(7, "事项编码")]  # points at the first occurrence
        assert "第九百条" in reasons[(4, "处罚依据")]
        assert not m.PowerItem.objects.exists()

    def test_one_bad_row_among_many_writes_nothing(self, admin, agency, laws) -> None:
        existing = f.PowerItemFactory.create(agency=agency, code="K-0", name="原名称")
        rows = [item_row(f"K-{n}") for n in range(40)]
        rows.append(item_row("K-bad", 执法类别="不是类别"))
        with pytest.raises(ApplicationError) as caught:
            power_items_import(file=xlsx(ITEM_HEADERS, rows), acting_user=admin)
        assert problems_of(caught) == {(42, "执法类别")}
        assert list(m.PowerItem.objects.all()) == [existing]
        existing.refresh_from_db()
        assert existing.name == "原名称"

    def test_missing_column_reported_on_the_header_row(self, admin, agency) -> None:
        headers = [h for h in ITEM_HEADERS if h != "执法类别"]
        with pytest.raises(ApplicationError) as caught:
            power_items_import(file=xlsx(headers, [["1", "x", AGENCY]]), acting_user=admin)
        assert problems_of(caught) == {(1, "执法类别")}

    def test_title_row_headers_with_spaces_and_optional_columns(self, admin, agency) -> None:
        headers = ["*事项编码", "事项 名称", "执法类别", "执法主体"]
        content = xlsx(
            headers,
            [["1", "对某行为的处罚", "处罚", AGENCY], ["2", "", "x", AGENCY]],
            title="和平区权责清单",
        )
        with pytest.raises(ApplicationError) as caught:
            power_items_import(file=content, acting_user=admin)
        assert problems_of(caught) == {(4, "事项名称"), (4, "执法类别")}

    def test_not_a_workbook(self, admin) -> None:
        with pytest.raises(ApplicationError) as caught:
            power_items_import(file=b"PK not really", acting_user=admin)
        assert caught.value.code == "import.unreadable"

    def test_only_administrators_import(self, agency) -> None:
        with pytest.raises(PermissionDeniedError):
            power_items_import(
                file=xlsx(ITEM_HEADERS, []),
                acting_user=f.UserFactory.create(role=m.Role.AGENCY_HEAD, agency=agency),
            )

    def test_versioned_reference_picks_that_version(self, admin, agency) -> None:
        # LAW-APL-37: revisions are separate rows; a dated reference picks its version.
        old = f.LawFactory.create(
            title=PENALTY_LAW,
            lineage=PENALTY_LAW,
            effective_from=datetime.date(2017, 9, 1),
            effective_to=datetime.date(2021, 7, 14),
        )
        new = f.LawFactory.create(title=PENALTY_LAW, lineage=PENALTY_LAW)
        old_51 = f.ProvisionFactory.create(law=old, article=51, label="第五十一条")
        new_51 = f.ProvisionFactory.create(law=new, article=51, label="第五十一条")
        rows = [
            item_row(
                "V1", 设定依据="", 违法依据="", 处罚依据=f"《{PENALTY_LAW}》(2017-09-01)第五十一条"
            ),
            item_row("V2", 设定依据="", 违法依据="", 处罚依据=f"《{PENALTY_LAW}》第五十一条"),
        ]
        power_items_import(file=xlsx(ITEM_HEADERS, rows), acting_user=admin)
        linked = dict(m.PowerItemBasis.objects.values_list("power_item__code", "provision"))
        assert linked == {"V1": old_51.pk, "V2": new_51.pk}
        exported = read_back(power_items_export(user=admin))
        assert exported[1][7] == f"《{PENALTY_LAW}》(2017-09-01)第五十一条"


class TestPowerItemExport:
    def test_round_trip(self, admin, agency, laws) -> None:
        source = xlsx(ITEM_HEADERS, [item_row(), item_row("2", 执法类别="行政强制", 违法行为="")])
        power_items_import(file=source, acting_user=admin)
        first = power_items_export(user=admin)

        m.PowerItem.objects.all().delete()
        report = power_items_import(file=first, acting_user=admin)

        assert report.created == 2
        assert read_back(power_items_export(user=admin)) == read_back(first)
        assert read_back(first)[0] == tuple(ITEM_HEADERS)
        assert power_items_import(file=first, acting_user=admin).unchanged == 2

    def test_export_is_scoped_and_constant_in_queries(
        self, agency, laws, django_assert_max_num_queries
    ) -> None:
        hidden = f.PowerItemFactory.create(is_active=False, code="HIDDEN")
        for n in range(5):
            item = f.PowerItemFactory.create(agency=agency, code=f"E{n}")
            f.PowerItemBasisFactory.create(power_item=item, provision=laws["124"])
        user = f.UserFactory.create(agency=agency)
        with django_assert_max_num_queries(4):
            rows = read_back(power_items_export(user=user))
        assert [row[0] for row in rows[1:]] == [f"E{n}" for n in range(5)]
        assert hidden.code not in {row[0] for row in rows}
