"""The roster and agency sheets in the admin: links, import, download and who may use them.

Only administrators import; officers, supervisors and anonymous visitors are refused by the
admin views themselves (not only by hidden links). The roster download is scoped.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from sanxiang.registry import models as m
from sanxiang.registry.spreadsheets import XLSX_CONTENT_TYPE
from sanxiang.registry.tests import factories as f
from sanxiang.registry.tests.sheets import read_back, xlsx

pytestmark = pytest.mark.django_db

OFFICER_HEADERS = [
    "姓名",
    "身份证号",
    "所属执法主体",
    "证件编号",
    "执法领域",
    "发证日期",
    "有效期至",
]
AGENCY_HEADERS = ["执法主体名称", "统一社会信用代码", "主体类型", "行政区划代码", "上级机关"]
ID_NUMBER = f.make_resident_id(1, birth="19900101")


def upload(content: bytes, name: str = "sheet.xlsx") -> io.BytesIO:
    buffer = io.BytesIO(content)
    buffer.name = name
    return buffer


def officer_file(agency: m.Agency, id_number: str = ID_NUMBER) -> io.BytesIO:
    row = ["张三", id_number, agency.name, "12010000001", "市场监管", "2024-01-01", "2029-12-31"]
    return upload(xlsx(OFFICER_HEADERS, [row]))


def staff(role: str, agency: m.Agency | None = None) -> m.User:
    """A staff account of `role` holding every registry permission."""
    user = f.UserFactory.create(role=role, agency=agency, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="registry"))
    return user


@pytest.fixture
def superuser(client) -> m.User:
    user = f.UserFactory.create(
        is_superuser=True, is_staff=True, role=m.Role.ADMINISTRATOR, agency=None
    )
    client.force_login(user)
    return user


@pytest.mark.parametrize("model", ["officer", "agency"])
def test_changelist_links_to_import_and_export(client, superuser, model) -> None:
    page = client.get(reverse(f"admin:registry_{model}_changelist")).content.decode()
    assert reverse(f"admin:registry_{model}_import") in page
    assert reverse(f"admin:registry_{model}_export") in page
    form = client.get(reverse(f"admin:registry_{model}_import"))
    assert form.status_code == 200
    assert str(form.context["help"]) in form.content.decode()


def test_officer_import_and_download(client, superuser) -> None:
    agency = f.AgencyFactory.create()
    url = reverse("admin:registry_officer_import")

    response = client.post(url, {"file": officer_file(agency)})

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:registry_officer_changelist")
    assert m.Officer.objects.get().certificates.get().number == "12010000001"
    download = client.get(reverse("admin:registry_officer_export"))
    assert download["Content-Type"] == XLSX_CONTENT_TYPE
    assert 'filename="officers.xlsx"' in download["Content-Disposition"]
    again = client.post(url, {"file": upload(download.content)})
    assert again.status_code == 302
    assert m.Officer.objects.count() == 1


def test_officer_import_lists_problems_and_writes_nothing(client, superuser) -> None:
    agency = f.AgencyFactory.create()
    bad = ID_NUMBER[:-1] + ("0" if ID_NUMBER[-1] != "0" else "1")
    response = client.post(
        reverse("admin:registry_officer_import"), {"file": officer_file(agency, bad)}
    )
    assert response.status_code == 200
    assert [(p["row"], p["column"]) for p in response.context["problems"]] == [(2, "身份证号")]
    assert 'id="import-problems"' in response.content.decode()
    assert not m.Officer.objects.exists()


def test_agency_import_with_a_forward_reference(client, superuser) -> None:
    f.RegionFactory.create()
    bureau, government = f.make_credit_code(1, region="120101"), f.make_credit_code(2)
    rows: list[list[Any]] = [
        ["和平区市场监督管理局", bureau, "政府工作部门", "120000", "和平区人民政府"],
        ["和平区人民政府", government, "人民政府", "120000", None],
    ]
    response = client.post(
        reverse("admin:registry_agency_import"), {"file": upload(xlsx(AGENCY_HEADERS, rows))}
    )
    assert response.status_code == 302
    parent = m.Agency.objects.get(credit_code=government)
    assert m.Agency.objects.get(credit_code=bureau).parent == parent
    download = client.get(reverse("admin:registry_agency_export"))
    assert [row[0] for row in read_back(download.content)[1:]] == [
        "和平区人民政府",
        "和平区市场监督管理局",
    ]


@pytest.mark.parametrize("model", ["officer", "agency"])
def test_anonymous_visitors_are_sent_to_the_login(client, model) -> None:
    for name in ("import", "export"):
        response = client.get(reverse(f"admin:registry_{model}_{name}"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    posted = client.post(reverse("admin:registry_officer_import"), {"file": upload(b"x")})
    assert posted.status_code == 302
    assert not m.Officer.objects.exists()


def test_an_officer_without_admin_access_is_sent_to_the_login(client) -> None:
    agency = f.AgencyFactory.create()
    client.force_login(f.UserFactory.create(role=m.Role.OFFICER, agency=agency))
    response = client.post(reverse("admin:registry_officer_import"), {"file": officer_file(agency)})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert not m.Officer.objects.exists()


@pytest.mark.parametrize("role", [m.Role.OFFICER, m.Role.SUPERVISOR, m.Role.AGENCY_HEAD])
@pytest.mark.parametrize("model", ["officer", "agency"])
def test_staff_who_are_not_administrators_cannot_import(client, role, model) -> None:
    agency = f.AgencyFactory.create()
    client.force_login(staff(role, agency))
    url = reverse(f"admin:registry_{model}_import")
    assert client.get(url).status_code == 403
    assert client.post(url, {"file": officer_file(agency)}).status_code == 403
    assert not m.Officer.objects.exists()


def test_roster_download_is_scoped(client) -> None:
    _city, district, bureau, outsider = f.make_supervised_agencies()
    inside = f.CertificateFactory.create(officer__agency=bureau).officer
    f.CertificateFactory.create(officer__agency=outsider)
    client.force_login(staff(m.Role.SUPERVISOR, district))

    response = client.get(reverse("admin:registry_officer_export"))

    assert response.status_code == 200
    rows = read_back(response.content)[1:]
    assert [(row[0], row[1], row[2]) for row in rows] == [
        (inside.name, inside.id_number, bureau.name)
    ]


def test_counsel_cannot_download_the_roster(client) -> None:
    f.CertificateFactory.create()
    client.force_login(staff(m.Role.COUNSEL, f.AgencyFactory.create()))
    assert client.get(reverse("admin:registry_officer_export")).status_code == 403
