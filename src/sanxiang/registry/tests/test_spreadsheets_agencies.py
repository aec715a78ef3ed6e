"""Excel import/export of agencies and their departments (执法主体及执法机构).

One row per department; agencies are found by unified social credit code (GB 32100),
departments by name within their agency. 上级机关 and 监督机关 may name an agency defined further
down the file, never in a cycle. Every problem is reported with row, column and reason; one bad
row means nothing is written; re-importing is idempotent; export → import round-trips.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.registry import models as m
from sanxiang.registry.spreadsheets import agencies_export, agencies_import
from sanxiang.registry.tests import factories as f
from sanxiang.registry.tests.sheets import problems_of, read_back, reasons_of, xlsx

pytestmark = pytest.mark.django_db

HEADERS = [
    "执法主体名称",
    "统一社会信用代码",
    "文号代字",
    "主体类型",
    "行政区划代码",
    "上级机关",
    "监督机关",
    "垂直管理",
    "地址",
    "联系电话",
    "执法机构名称",
    "执法机构编码",
    "法制审核机构",
]
BUREAU, GOVERNMENT, OFFICE = "和平区市场监督管理局", "和平区人民政府", "和平区司法局"


def code(n: int) -> str:
    """A valid credit code that no factory sequence produces."""
    return f.make_credit_code(n, region="120101")


BUREAU_CODE, GOVERNMENT_CODE, OFFICE_CODE = code(1), code(2), code(3)


@pytest.fixture
def admin() -> m.User:
    return f.UserFactory.create(role=m.Role.ADMINISTRATOR, agency=None)


@pytest.fixture(autouse=True)
def regions() -> None:
    city = f.RegionFactory.create()
    m.Region.objects.create(code="120101", name="和平区", parent=city)


def row(name: str = BUREAU, credit_code: str = BUREAU_CODE, **given: Any) -> list[Any]:
    values = {
        "执法主体名称": name,
        "统一社会信用代码": credit_code,
        "文号代字": "津和市监",
        "主体类型": "政府工作部门",
        "行政区划代码": "120101",
        "上级机关": None,
        "监督机关": None,
        "垂直管理": "否",
        "地址": "天津市和平区南京路1号",
        "联系电话": "022-12345678",
        "执法机构名称": "执法一科",
        "执法机构编码": "ZF01",
        "法制审核机构": "否",
        **given,
    }
    return [values[header] for header in HEADERS]


def government(**given: Any) -> list[Any]:
    empty = {"执法机构名称": None, "执法机构编码": None, "法制审核机构": None}
    return row(
        GOVERNMENT, GOVERNMENT_CODE, 主体类型="人民政府", 文号代字="和政", **{**empty, **given}
    )


def office(**given: Any) -> list[Any]:
    return row(OFFICE, OFFICE_CODE, 主体类型="行政执法监督机关", 执法机构名称="法制科", **given)


def sheet(*rows: list[Any]) -> bytes:
    return xlsx(HEADERS, list(rows))


def counts() -> tuple[int, int]:
    return m.Agency.objects.count(), m.Department.objects.count()


class TestAgencyImport:
    def test_creates_agencies_departments_and_forward_references(self, admin) -> None:
        content = sheet(
            row(上级机关=GOVERNMENT, 监督机关=OFFICE_CODE),  # both defined further down
            row(上级机关=GOVERNMENT, 监督机关=OFFICE_CODE, 执法机构名称="法制科",
                执法机构编码="FZ01", 法制审核机构="是"),
            government(),
            office(上级机关=GOVERNMENT),
        )  # fmt: skip
        report = agencies_import(file=content, acting_user=admin)

        assert report.as_dict() == {"created": 3, "updated": 0, "unchanged": 0}
        bureau = m.Agency.objects.get(credit_code=BUREAU_CODE)
        assert (bureau.name, bureau.kind, bureau.region_id, bureau.short_name) == (
            BUREAU,
            m.AgencyKind.DEPARTMENT,
            "120101",
            "津和市监",
        )
        assert (bureau.parent, bureau.supervising_body) == (
            m.Agency.objects.get(name=GOVERNMENT),
            m.Agency.objects.get(name=OFFICE),
        )
        assert m.Agency.objects.get(name=OFFICE).kind == m.AgencyKind.SUPERVISOR
        departments = bureau.departments.order_by("name")
        assert [(d.name, d.code, d.is_legal_office) for d in departments] == [
            ("执法一科", "ZF01", False),
            ("法制科", "FZ01", True),
        ]
        assert not m.Agency.objects.get(name=GOVERNMENT).departments.exists()

    def test_references_to_stored_agencies_by_name_or_credit_code(self, admin) -> None:
        city_office = f.AgencyFactory.create(name="天津市司法局", kind=m.AgencyKind.SUPERVISOR)
        content = sheet(office(监督机关=city_office.credit_code), row(监督机关=OFFICE))
        agencies_import(file=content, acting_user=admin)
        assert m.Agency.objects.get(name=OFFICE).supervising_body == city_office
        office_agency = m.Agency.objects.get(name=OFFICE)
        assert m.Agency.objects.get(name=BUREAU).supervising_body == office_agency

    def test_every_error_kind_has_row_column_and_reason(self, admin) -> None:
        bad_check = BUREAU_CODE[:-1] + ("0" if BUREAU_CODE[-1] != "0" else "1")
        rows = [
            row(),  # row 2: fine
            row("甲局", bad_check),  # row 3
            row("乙局", code(4), 行政区划代码="129999"),  # row 4
            row("丙局", code(5), 主体类型="事业单位"),  # row 5
            row("丁局", code(6), 上级机关="不存在的政府"),  # row 6
            row(地址="另一个地址", 执法机构名称="执法二科"),  # row 7: disagrees with row 2
            row(),  # row 8: 执法一科 again
            row(BUREAU, code(7)),  # row 9: the name of row 2 with another code
            row("戊局", code(8), 执法机构名称=None, 执法机构编码="X1"),  # row 10
            row("己局", code(9), 垂直管理="不是"),  # row 11
        ]
        with translation.override("en"), pytest.raises(ApplicationError) as caught:
            agencies_import(file=sheet(*rows), acting_user=admin)

        assert reasons_of(caught) == {
            (3, "统一社会信用代码"): f"Credit code {bad_check} has a wrong check character.",
            (4, "行政区划代码"): "Unknown region code 129999 (GB/T 2260).",
            (5, "主体类型"): "Unknown value 事业单位; use one of 人民政府、政府工作部门、"
            "法律法规授权组织、受委托组织、行政执法监督机关.",
            (6, "上级机关"): "Unknown agency 不存在的政府; give its exact name or credit code.",
            (7, "地址"): "Differs from row 2, which has the same credit code.",
            (8, "执法机构名称"): "Department 执法一科 already appears in row 2.",
            (9, "执法主体名称"): f"{BUREAU} already appears in row 2 with another credit code.",
            (10, "执法机构名称"): "This cell is required.",
            (11, "垂直管理"): "Write 是 or 否, not 不是.",
        }
        assert counts() == (0, 0)

    def test_cycles_are_refused(self, admin) -> None:
        stored_parent = f.AgencyFactory.create(name="和平区政府办公室")
        stored_child = f.AgencyFactory.create(name="和平区档案馆", parent=stored_parent)
        before = counts()
        rows = [
            row(上级机关=BUREAU),  # row 2: its own parent
            government(上级机关="和平区财政局"),  # row 3: 政府 → 财政局 → 政府
            row("和平区财政局", code(4), 上级机关=GOVERNMENT),  # row 4
            row("和平区政府办公室", stored_parent.credit_code,
                上级机关=stored_child.credit_code),  # row 5: through a stored link
            office(监督机关="和平区审计局"),  # row 6: supervisors 司法局 → 审计局 → 司法局
            row("和平区审计局", code(5), 监督机关=OFFICE_CODE),  # row 7
        ]  # fmt: skip
        with translation.override("en"), pytest.raises(ApplicationError) as caught:
            agencies_import(file=sheet(*rows), acting_user=admin)

        assert reasons_of(caught) == {
            (2, "上级机关"): "An agency cannot refer to itself here.",
            (3, "上级机关"): f"This makes a cycle: {GOVERNMENT} → 和平区财政局 → {GOVERNMENT}.",
            (4, "上级机关"): f"This makes a cycle: 和平区财政局 → {GOVERNMENT} → 和平区财政局.",
            (
                5,
                "上级机关",
            ): "This makes a cycle: 和平区政府办公室 → 和平区档案馆 → 和平区政府办公室.",
            (6, "监督机关"): f"This makes a cycle: {OFFICE} → 和平区审计局 → {OFFICE}.",
            (7, "监督机关"): f"This makes a cycle: 和平区审计局 → {OFFICE} → 和平区审计局.",
        }
        assert counts() == before
        stored_parent.refresh_from_db()
        assert stored_parent.parent is None

    def test_one_bad_row_among_many_writes_nothing(self, admin) -> None:
        existing = f.AgencyFactory.create(name="原名称", credit_code=code(100))
        before = counts()
        rows = [row(f"第{n}局", code(100 + n)) for n in range(40)]
        rows.append(row("坏局", code(200), 行政区划代码="999999"))

        with pytest.raises(ApplicationError) as caught:
            agencies_import(file=sheet(*rows), acting_user=admin)

        assert problems_of(caught) == {(42, "行政区划代码")}
        assert counts() == before
        existing.refresh_from_db()
        assert existing.name == "原名称"

    def test_reimport_is_idempotent_and_updates_by_credit_code(self, admin) -> None:
        content = sheet(
            row(上级机关=GOVERNMENT), row(上级机关=GOVERNMENT, 执法机构名称="法制科"), government()
        )
        agencies_import(file=content, acting_user=admin)

        again = agencies_import(file=content, acting_user=admin)
        assert again.as_dict() == {"created": 0, "updated": 0, "unchanged": 2}

        renamed = sheet(row("和平区市场监管局", 上级机关=None, 执法机构编码="NEW"), government())
        report = agencies_import(file=renamed, acting_user=admin)
        assert report.as_dict() == {"created": 0, "updated": 1, "unchanged": 1}
        bureau = m.Agency.objects.get(credit_code=BUREAU_CODE)
        assert (bureau.name, bureau.parent) == ("和平区市场监管局", None)
        # Departments missing from the file stay; the one in the file is updated by name.
        assert dict(bureau.departments.values_list("name", "code")) == {
            "执法一科": "NEW",
            "法制科": "ZF01",
        }

    def test_only_administrators_import(self) -> None:
        supervisor = f.UserFactory.create(role=m.Role.SUPERVISOR)
        with pytest.raises(PermissionDeniedError):
            agencies_import(file=sheet(row()), acting_user=supervisor)


class TestAgencyExport:
    def test_round_trip(self, admin) -> None:
        source = sheet(
            row(上级机关=GOVERNMENT, 监督机关=OFFICE),
            row(上级机关=GOVERNMENT, 监督机关=OFFICE, 执法机构名称="法制科", 法制审核机构="是"),
            government(垂直管理="是"),
            office(),
        )
        agencies_import(file=source, acting_user=admin)
        first = agencies_export(user=admin)

        m.Department.objects.all().delete()
        m.Agency.objects.update(parent=None, supervising_body=None)
        m.Agency.objects.all().delete()
        report = agencies_import(file=first, acting_user=admin)

        assert report.created == 3
        assert read_back(agencies_export(user=admin)) == read_back(first)
        exported = read_back(first)
        assert exported[0] == tuple(HEADERS)
        bureau_rows = [r for r in exported if r[0] == BUREAU]
        assert [r[5:8] for r in bureau_rows] == [(GOVERNMENT, OFFICE, "否")] * 2
        assert [r[10:] for r in bureau_rows] == [
            ("执法一科", "ZF01", "否"),
            ("法制科", "ZF01", "是"),
        ]
        assert [r[3:8] for r in exported if r[0] == GOVERNMENT] == [
            ("人民政府", "120101", None, None, "是")
        ]
        assert agencies_import(file=first, acting_user=admin).unchanged == 3

    def test_inactive_agencies_are_not_named_to_other_users(self) -> None:
        parent = f.AgencyFactory.create(name="已撤销的局", is_active=False)
        f.AgencyFactory.create(name="现有的局", parent=parent)
        rows = read_back(agencies_export(user=f.UserFactory.create()))
        names = [r[0] for r in rows[1:]]
        assert "已撤销的局" not in names
        assert [r[5] for r in rows[1:] if r[0] == "现有的局"] == [None]
