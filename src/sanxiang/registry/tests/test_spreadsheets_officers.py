"""Excel import/export of the roster (执法人员及执法证): officers, certificates, training.

One row per certificate; officers are found by resident ID number (GB 11643), certificates
by number. Every problem is reported with the row Excel shows, the column header and the
reason; one bad row means nothing is written; re-importing is idempotent; export → import
round-trips; the export is scoped and only administrators and supervisors get ID numbers.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.registry import models as m
from sanxiang.registry.spreadsheets import officers_export, officers_import
from sanxiang.registry.tests import factories as f
from sanxiang.registry.tests.sheets import AGENCY, problems_of, read_back, reasons_of, xlsx

pytestmark = pytest.mark.django_db

HEADERS = [
    "姓名",
    "身份证号",
    "所属执法主体",
    "所属执法机构",
    "职务",
    "联系电话",
    "法律职业资格",
    "法律职业资格证书编号",
    "证件编号",
    "执法领域",
    "发证机关",
    "发证日期",
    "有效期至",
    "证件状态",
    "状态说明",
    "2024年度培训学时",
    "2025年度培训学时",
]


def rid(n: int) -> str:
    """A valid ID number that no factory sequence produces (they use another birth date)."""
    return f.make_resident_id(n, birth="19900101")


ID_1, ID_2, ID_3 = rid(1), rid(2), rid(3)
ID_X = "12010119900101005X"  # check character X (GB 11643: a remainder of 2)


@pytest.fixture
def admin() -> m.User:
    return f.UserFactory.create(role=m.Role.ADMINISTRATOR, agency=None)


@pytest.fixture
def agency() -> m.Agency:
    agency = f.AgencyFactory.create(name=AGENCY)
    f.DepartmentFactory.create(agency=agency, name="执法一科")
    return agency


def cells(id_number: str = ID_1, number: str | None = "12010000001", **given: Any) -> list[Any]:
    values = {
        "姓名": "张三",
        "身份证号": id_number,
        "所属执法主体": AGENCY,
        "所属执法机构": "执法一科",
        "职务": "科员",
        "联系电话": "13900000001",
        "法律职业资格": "是",
        "法律职业资格证书编号": "A20181201",
        "证件编号": number,
        "执法领域": "市场监管",
        "发证机关": "天津市人民政府",
        "发证日期": datetime.datetime(2024, 1, 1),
        "有效期至": "2029-12-31",
        "证件状态": "有效",
        "状态说明": None,
        "2024年度培训学时": 40,
        "2025年度培训学时": "24学时",
        **given,
    }
    return [values[header] for header in HEADERS]


def roster(*rows: list[Any], headers: list[str] = HEADERS) -> bytes:
    return xlsx(headers, list(rows))


def counts() -> tuple[int, int, int]:
    return (
        m.Officer.objects.count(),
        m.Certificate.objects.count(),
        m.TrainingRecord.objects.count(),
    )


class TestOfficerImport:
    def test_creates_officers_certificates_and_training(self, admin, agency) -> None:
        content = roster(
            cells(),
            cells(number="12010000002", 执法领域="食品安全", 所属执法主体=agency.credit_code),
            cells(
                ID_2,
                "12010000003",
                姓名="李四",
                所属执法机构=None,
                法律职业资格="否",
                法律职业资格证书编号=None,
                证件状态="过期",  # an agency's record of the past imports as data
                状态说明="未参加年度考核",
                **{"2024年度培训学时": None, "2025年度培训学时": 0},
            ),
        )
        report = officers_import(file=content, acting_user=admin)

        assert report.as_dict() == {"created": 2, "updated": 0, "unchanged": 0}
        zhang = m.Officer.objects.get(id_number=ID_1)
        first_section = agency.departments.get(name="执法一科")
        assert (zhang.name, zhang.agency, zhang.department) == ("张三", agency, first_section)
        assert (zhang.has_legal_qualification, zhang.legal_qualification_number) == (
            True,
            "A20181201",
        )
        assert [(c.number, c.field) for c in zhang.certificates.order_by("number")] == [
            ("12010000001", "市场监管"),
            ("12010000002", "食品安全"),
        ]
        assert dict(zhang.training.values_list("year", "hours")) == {2024: 40, 2025: 24}
        li = m.Officer.objects.get(id_number=ID_2)
        assert (li.department, li.has_legal_qualification) == (None, False)
        expired = li.certificates.get()
        assert (expired.status, expired.status_reason) == ("expired", "未参加年度考核")
        assert expired.status_changed_by == admin
        assert dict(li.training.values_list("year", "hours")) == {2025: 0}

    def test_id_number_is_normalised(self, admin, agency) -> None:
        typed = " １２０１０１１９９００１０１００５x "  # full-width digits, lower-case x, blanks
        officers_import(file=roster(cells(typed)), acting_user=admin)
        assert m.Officer.objects.get().id_number == ID_X

    def test_every_error_kind_has_row_column_and_reason(self, admin, agency) -> None:
        other = f.AgencyFactory.create(name="河西区市场监督管理局")
        f.DepartmentFactory.create(agency=other, name="执法二科")
        bad_check = ID_3[:-1] + ("0" if ID_3[-1] != "0" else "1")
        rows = [
            cells(),  # row 2: fine
            cells(bad_check, "N3"),  # row 3
            cells(ID_2, "N4", 所属执法主体="不存在的局"),  # row 4
            cells(ID_3, "N5", 所属执法机构="执法二科"),  # row 5: a department of `other`
            cells(ID_1, "N6", 职务="副科长"),  # row 6: disagrees with row 2
            cells(rid(7), "N7", 发证日期="2024-13-01"),  # row 7
            cells(rid(8), "N8", 有效期至="2023-01-01"),  # row 8
            cells(rid(9), "12010000001"),  # row 9: number of row 2
            cells(rid(10), "N10", 证件状态="注销"),  # row 10
            cells(rid(11), "N11", 所属执法机构="督查科"),  # row 11
            cells(rid(12), "N12", 法律职业资格="否"),  # row 12
            cells(rid(13), "N13", **{"2024年度培训学时": "四十"}),  # row 13
            cells(rid(14), "N14", 执法领域=None),  # row 14
            cells(rid(15), "N15", 身份证号=int(ID_1)),  # row 15: a numeric cell
        ]
        with translation.override("en"), pytest.raises(ApplicationError) as caught:
            officers_import(file=roster(*rows), acting_user=admin)

        assert reasons_of(caught) == {
            (3, "身份证号"): f"ID number {bad_check} has a wrong check digit.",
            (4, "所属执法主体"): "Unknown agency 不存在的局; give its exact name or credit code.",
            (
                5,
                "所属执法机构",
            ): f"执法二科 is a department of 河西区市场监督管理局, not of {AGENCY}.",
            (6, "职务"): "Differs from row 2, which has the same ID number.",
            (7, "发证日期"): "2024-13-01 is not a date; write it as 2022-01-01.",
            (8, "有效期至"): "The certificate expires on 2023-01-01, not after its issue on "
            "2024-01-01.",
            (9, "证件编号"): "Certificate 12010000001 already appears in row 2.",
            (10, "证件状态"): "Unknown value 注销; use one of 有效、过期、暂扣、吊销.",
            (11, "所属执法机构"): f"{AGENCY} has no department 督查科.",
            (
                12,
                "法律职业资格证书编号",
            ): "A qualification certificate number needs 法律职业资格 是.",
            (13, "2024年度培训学时"): "四十 is not a whole number of hours from 0 to 8784.",
            (14, "执法领域"): "This cell is required.",
            (15, "身份证号"): "The ID number was stored as a number and lost digits; format the "
            "column as text.",
        }
        assert counts() == (0, 0, 0)

    def test_checks_against_stored_certificates(self, admin, agency) -> None:
        revoked = f.CertificateFactory.create(
            number="R-1", officer__id_number=ID_1, officer__agency=agency, status="revoked"
        )
        held = f.CertificateFactory.create(number="H-1", officer__name="王五")
        before = counts()
        rows = [
            cells(ID_1, "R-1", 证件状态="有效"),  # row 2: reinstating a revoked certificate
            cells(ID_2, "H-1", 姓名="李四"),  # row 3: held by 王五
            cells(ID_3, "S-1", 姓名="赵六", 证件状态="暂扣"),  # row 4: no reason
        ]
        with translation.override("en"), pytest.raises(ApplicationError) as caught:
            officers_import(file=roster(*rows), acting_user=admin)

        assert reasons_of(caught) == {
            (2, "证件状态"): "A revoked certificate cannot be reinstated; issue a new one.",
            (3, "证件编号"): "Certificate H-1 is held by another officer, 王五.",
            (4, "状态说明"): "Give the reason for suspending or revoking the certificate.",
        }
        assert counts() == before
        revoked.refresh_from_db()
        held.refresh_from_db()
        assert (revoked.status, held.officer.name) == ("revoked", "王五")

    def test_one_bad_row_among_many_writes_nothing(self, admin, agency) -> None:
        existing = f.OfficerFactory.create(agency=agency, id_number=ID_1, name="原姓名")
        f.TrainingRecordFactory.create(officer=existing, year=2024, hours=12)
        before = counts()
        rows = [cells(rid(n), f"K-{n}") for n in range(1, 41)]
        rows.append(cells(ID_1[:-1] + ("1" if ID_1[-1] == "0" else "0"), "K-bad"))

        with pytest.raises(ApplicationError) as caught:
            officers_import(file=roster(*rows), acting_user=admin)

        assert problems_of(caught) == {(42, "身份证号")}
        assert counts() == before
        existing.refresh_from_db()
        assert existing.name == "原姓名"
        assert existing.training.get().hours == 12

    def test_reimport_is_idempotent(self, admin, agency) -> None:
        content = roster(
            cells(),
            cells(number="12010000002"),
            cells(ID_2, "12010000003", 证件状态="暂扣", 状态说明="年度考试未通过"),
        )
        officers_import(file=content, acting_user=admin)
        stamps = list(m.Certificate.objects.values_list("number", "status_changed_at"))

        again = officers_import(file=content, acting_user=admin)

        assert again.as_dict() == {"created": 0, "updated": 0, "unchanged": 2}
        assert list(m.Certificate.objects.values_list("number", "status_changed_at")) == stamps

    def test_updates_by_id_number_and_certificate_number(self, admin, agency) -> None:
        officers_import(file=roster(cells()), acting_user=admin)
        changed = cells(联系电话="13900000009", 证件状态="暂扣", 状态说明="涉嫌违法执法")

        report = officers_import(file=roster(changed), acting_user=admin)

        assert report.as_dict() == {"created": 0, "updated": 1, "unchanged": 0}
        officer = m.Officer.objects.get()
        assert officer.phone == "13900000009"
        certificate = officer.certificates.get()
        assert (certificate.status, certificate.status_changed_by) == ("suspended", admin)

    def test_missing_columns_and_empty_training_cells_keep_stored_values(
        self, admin, agency
    ) -> None:
        officers_import(file=roster(cells()), acting_user=admin)
        moved_to = f.AgencyFactory.create(name="河北区市场监督管理局")
        short = ["姓名", "身份证号", "所属执法主体", "证件编号", "执法领域", "发证日期", "有效期至"]
        short.append("2024 年度培训学时")  # spaces in a header are ignored
        row = ["张三", ID_1, moved_to.name, "12010000001", "市场监管", "2024-01-01", "2029-12-31"]

        officers_import(file=xlsx(short, [[*row, None]]), acting_user=admin)

        officer = m.Officer.objects.get()
        assert (officer.agency, officer.department) == (
            moved_to,
            None,
        )  # the old department belonged to the former agency
        assert (officer.phone, officer.position) == ("13900000001", "科员")
        assert dict(officer.training.values_list("year", "hours")) == {2024: 40, 2025: 24}

    def test_officer_without_certificates(self, admin, agency) -> None:
        empty: dict[str, Any] = dict.fromkeys(HEADERS[8:15])
        report = officers_import(file=roster(cells(**empty)), acting_user=admin)
        assert report.created == 1
        assert not m.Certificate.objects.exists()

    @pytest.mark.parametrize("role", [m.Role.SUPERVISOR, m.Role.AGENCY_HEAD, m.Role.OFFICER])
    def test_only_administrators_import(self, agency, role) -> None:
        user = f.UserFactory.create(role=role, agency=agency)
        with pytest.raises(PermissionDeniedError):
            officers_import(file=roster(cells()), acting_user=user)
        assert counts() == (0, 0, 0)


class TestOfficerExport:
    def test_round_trip(self, admin, agency) -> None:
        source = roster(
            cells(),
            cells(number="12010000002"),
            cells(ID_2, None, 姓名="李四", 所属执法机构=None, 法律职业资格="否",
                  法律职业资格证书编号=None, **dict.fromkeys(HEADERS[9:15])),
            cells(ID_3, "12010000003", 姓名="王五", 证件状态="吊销", 状态说明="违法执法"),
        )  # fmt: skip
        officers_import(file=source, acting_user=admin)
        first = officers_export(user=admin)

        m.Certificate.objects.all().delete()
        m.Officer.objects.all().delete()
        report = officers_import(file=first, acting_user=admin)

        assert report.as_dict() == {"created": 3, "updated": 0, "unchanged": 0}
        assert read_back(officers_export(user=admin)) == read_back(first)
        exported = read_back(first)
        assert exported[0] == tuple(HEADERS)
        assert exported[1][:9] == (
            "张三", ID_1, AGENCY, "执法一科", "科员", "13900000001", "是", "A20181201",
            "12010000001",
        )  # fmt: skip
        assert exported[1][11:] == (
            datetime.datetime(2024, 1, 1), datetime.datetime(2029, 12, 31), "有效", None, 40, 24,
        )  # fmt: skip
        assert exported[3][:2] == ("李四", ID_2)
        assert exported[3][8:15] == (None,) * 7
        assert officers_import(file=first, acting_user=admin).unchanged == 3

    def test_export_is_scoped_and_only_supervisors_and_admins_get_id_numbers(
        self, admin, django_assert_max_num_queries
    ) -> None:
        _city, district, bureau, outsider = f.make_supervised_agencies()
        for n, where in enumerate([bureau, bureau, outsider, outsider]):
            certificate = f.CertificateFactory.create(
                officer__agency=where, officer__id_number=rid(100 + n)
            )
            f.TrainingRecordFactory.create(officer=certificate.officer, year=2024)
        f.OfficerFactory.create(agency=bureau, is_active=False, id_number=rid(99))

        def ids(user: m.User) -> dict[str, Any]:
            with django_assert_max_num_queries(6):
                rows = read_back(officers_export(user=user))
            return {row[0]: (row[1], row[2]) for row in rows[1:]}

        everyone = ids(admin)
        assert len(everyone) == 5
        assert all(id_number for id_number, _agency in everyone.values())
        supervisor = f.UserFactory.create(role=m.Role.SUPERVISOR, agency=district)
        supervised = ids(supervisor)
        assert {agency for _id, agency in supervised.values()} == {bureau.name}
        assert len(supervised) == 3  # the inactive officer too: inside the private scope
        assert all(id_number for id_number, _agency in supervised.values())
        head = f.UserFactory.create(role=m.Role.AGENCY_HEAD, agency=bureau)
        own = ids(head)
        assert own.keys() == supervised.keys()
        assert {id_number for id_number, _agency in own.values()} == {None}

    @pytest.mark.parametrize("who", ["counsel", "anonymous", "no agency"])
    def test_users_without_a_private_scope_cannot_download(self, agency, who) -> None:
        f.CertificateFactory.create(officer__agency=agency)
        users: dict[str, Callable[[], m.User | AnonymousUser]] = {
            "counsel": lambda: f.UserFactory.create(role=m.Role.COUNSEL, agency=agency),
            "anonymous": AnonymousUser,
            "no agency": lambda: f.UserFactory.create(role=m.Role.OFFICER, agency=None),
        }
        user = users[who]()
        with pytest.raises(PermissionDeniedError):
            officers_export(user=user)
