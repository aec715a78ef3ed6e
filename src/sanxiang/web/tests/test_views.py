"""The web shell through its real entry points: sign-in, role dashboards, account page."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.test import Client

from sanxiang.core.models import CalendarYear
from sanxiang.registry.models import Certificate, CertificateStatus, DeviceStatus, DeviceType, Role
from sanxiang.registry.tests.factories import (
    AgencyFactory,
    CertificateFactory,
    DepartmentFactory,
    OfficerFactory,
    RecordingDeviceFactory,
    UserFactory,
)
from sanxiang.web.tests.pages import html, marked, nav_keys

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 2)

STAFF_NAV = {"home", "me", "portal"}
MASTER_DATA_NAV = {
    "agencies",
    "officers",
    "certificates",
    "devices",
    "laws",
    "power_items",
    "discretion_standards",
    "major_decision_rules",
    "holiday_calendar",
}
SYSTEM_NAV = {"accounts", "admin_site", "api_docs"}
ADMIN_NAV = STAFF_NAV | MASTER_DATA_NAV | SYSTEM_NAV
# The case pages: enforcement staff register leads and work through their inbox; reviewers
# and supervisors read cases.
CASE_NAV = {
    Role.OFFICER: {"cases", "inbox", "new_lead"},
    Role.DEPARTMENT_HEAD: {"cases", "inbox", "new_lead"},
    Role.AGENCY_HEAD: {"cases", "inbox", "new_lead"},
    Role.LEGAL_REVIEWER: {"cases", "inbox"},
    Role.SUPERVISOR: {"cases"},
}
# The legal review: the agency's enforcement staff follow their cases' reviews, the legal
# reviewers and external counsel review (LAW-APL-58, GUO-118-11).
REVIEW_NAV = {
    Role.OFFICER: {"review"},
    Role.DEPARTMENT_HEAD: {"review"},
    Role.AGENCY_HEAD: {"review"},
    Role.LEGAL_REVIEWER: {"review"},
    Role.COUNSEL: {"review"},
}
# The publication workbench (采集 → 审核 → 发布, GUO-118-06): the agency's enforcement staff,
# heads and legal reviewers.
PUBLICATION_NAV = {
    Role.OFFICER: {"publications"},
    Role.DEPARTMENT_HEAD: {"publications"},
    Role.AGENCY_HEAD: {"publications"},
    Role.LEGAL_REVIEWER: {"publications"},
}

HEADINGS = {
    Role.OFFICER: "执法人员工作台",
    Role.DEPARTMENT_HEAD: "执法机构负责人工作台",
    Role.AGENCY_HEAD: "机关负责人工作台",
    Role.LEGAL_REVIEWER: "法制审核人员工作台",
    Role.COUNSEL: "法律顾问工作台",
    Role.SUPERVISOR: "行政执法监督工作台",
    Role.ADMINISTRATOR: "系统管理工作台",
}


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)):
        yield


# --- signing in and out -------------------------------------------------------------------


def test_anonymous_workspace_redirects_to_login(client: Client) -> None:
    for url in ("/office/", "/office/me/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/accounts/login/?next={url}"


def test_login_with_username_and_password_opens_the_workspace(client: Client) -> None:
    UserFactory.create(username="zhang", role=Role.OFFICER)
    response = client.post("/accounts/login/", {"username": "zhang", "password": "demo-pass-2026"})
    assert response.status_code == 302
    assert response["Location"] == "/office/"
    assert HEADINGS[Role.OFFICER] in html(client.get("/office/"))


def test_wrong_password_shows_a_chinese_error_and_keeps_the_username(client: Client) -> None:
    UserFactory.create(username="zhang")
    response = client.post("/accounts/login/", {"username": "zhang", "password": "wrong"})
    page = html(response)
    assert "请输入一个正确的" in page
    assert 'value="zhang"' in page
    assert "_auth_user_id" not in client.session


def test_login_page_labels_every_field(client: Client) -> None:
    page = html(client.get("/accounts/login/"))
    assert '<label class="form-label" for="id_username">' in page
    assert '<label class="form-label" for="id_password">' in page


def test_logout_is_a_post_that_ends_the_session(client: Client, login_as) -> None:
    login_as(Role.OFFICER)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert client.get("/office/").status_code == 302


def test_portal_is_public_and_offers_staff_login(client: Client, db: None) -> None:
    response = client.get("/")
    page = html(response)
    assert "行政执法三项制度" in page
    assert 'href="/accounts/login/"' in page
    assert nav_keys(response) == set()


# --- role-based home and navigation ------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
def test_home_fits_the_role(client: Client, login_as, role: Role) -> None:
    login_as(role, is_staff=role == Role.ADMINISTRATOR)
    response = client.get("/office/")
    page = html(response)
    assert f'id="dashboard-heading">{HEADINGS[role]}</h1>' in page
    for other_role, heading in HEADINGS.items():
        if other_role != role:
            assert heading not in page
    expected = (
        ADMIN_NAV
        if role == Role.ADMINISTRATOR
        else STAFF_NAV
        | CASE_NAV.get(role, set())
        | REVIEW_NAV.get(role, set())
        | PUBLICATION_NAV.get(role, set())
    )
    assert nav_keys(response) == expected


def test_no_admin_link_for_anyone_but_administrators(client: Client, login_as) -> None:
    for role in Role:
        if role == Role.ADMINISTRATOR:
            continue
        login_as(role)
        page = html(client.get("/office/"))
        assert "/admin/" not in page, role
        assert "/api/v1/docs" not in page, role


def test_active_entry_is_marked_for_screen_readers(client: Client, login_as) -> None:
    login_as(Role.OFFICER)
    page = html(client.get("/office/me/"))
    assert 'href="/office/me/" data-nav="me" aria-current="page"' in page
    assert 'data-nav="home" aria-current' not in page


# --- dashboards --------------------------------------------------------------------------


def test_officer_sees_own_certificates_and_training(client: Client, login_as) -> None:
    user = login_as(Role.OFFICER)
    officer = OfficerFactory.create(agency=user.agency, user=user)
    CertificateFactory.create(
        officer=officer, number="12010000001", expires_on=TODAY.replace(year=2029)
    )
    CertificateFactory.create(
        officer=officer,
        number="12010000002",
        issued_on=datetime.date(2020, 1, 1),
        expires_on=datetime.date(2026, 4, 1),
    )
    CertificateFactory.create(
        officer=officer, number="12010000003", status=CertificateStatus.SUSPENDED
    )
    colleague = OfficerFactory.create(agency=user.agency)
    CertificateFactory.create(officer=colleague, number="12010000009")
    officer.training.create(year=2026, hours=12)
    officer.training.create(year=2025, hours=40)

    response = client.get("/office/")
    statuses = marked(response, "certificate")
    assert set(statuses) == {"12010000001", "12010000002", "12010000003"}
    page = html(response)
    assert "12010000009" not in page
    assert "30天后到期" in page  # 2026-03-02 → 2026-04-01
    assert "暂扣" in page
    assert '<p class="display-6 mb-1" id="training-hours">12<' in page
    assert "TJ-SUP-10" in page


def test_officer_without_record_is_told_to_ask_for_a_link(client: Client, login_as) -> None:
    login_as(Role.OFFICER)
    assert "未关联执法人员信息" in html(client.get("/office/"))


def _agency_with_staff(*, officers: int, expiring: int, devices: int):
    agency = AgencyFactory.create()
    for n in range(officers):
        officer = OfficerFactory.create(agency=agency)
        expires = (
            TODAY + datetime.timedelta(days=10 + n) if n < expiring else TODAY.replace(year=2030)
        )
        CertificateFactory.create(officer=officer, expires_on=expires)
    for _ in range(devices):
        RecordingDeviceFactory.create(agency=agency)
    return agency


@pytest.mark.parametrize("role", [Role.AGENCY_HEAD, Role.DEPARTMENT_HEAD])
def test_heads_see_only_their_own_agency(client: Client, login_as, role: Role) -> None:
    own = _agency_with_staff(officers=5, expiring=2, devices=1)
    other = _agency_with_staff(officers=9, expiring=4, devices=7)
    RecordingDeviceFactory.create(agency=own, device_type=DeviceType.FIXED_MONITORING)
    RecordingDeviceFactory.create(agency=own, status=DeviceStatus.RETIRED)
    OfficerFactory.create(agency=own, is_active=False)
    login_as(role, agency=own)

    response = client.get("/office/")
    stats = marked(response, "stat")
    assert stats["officers"] == "5"
    assert stats["certified"] == "5"
    assert stats["expiring"] == "2"
    assert stats["devices"] == "1"  # fixed and retired devices do not count
    assert stats["device_target"] == "未达标"  # 5 officers need 2 devices
    page = html(response)
    assert own.name in page
    assert other.name not in page
    for number in Certificate.objects.filter(officer__agency=other).values_list(
        "number", flat=True
    ):
        assert number not in page


def test_supervisor_sees_the_agencies_of_their_office(client: Client, login_as) -> None:
    office = AgencyFactory.create(name="天津市司法局")
    district_office = AgencyFactory.create(name="和平区司法局", supervising_body=office)
    supervised = _agency_with_staff(officers=3, expiring=0, devices=1)
    supervised.supervising_body = office
    supervised.save()
    below = _agency_with_staff(officers=2, expiring=0, devices=0)
    below.supervising_body = district_office
    below.save()
    elsewhere = _agency_with_staff(officers=4, expiring=0, devices=0)
    login_as(Role.SUPERVISOR, agency=office)

    response = client.get("/office/")
    rows = marked(response, "agency")
    assert set(rows) == {str(district_office.pk), str(supervised.pk), str(below.pk)}
    assert marked(response, "stat")["officer_total"] == "5"
    assert elsewhere.name not in html(response)


@pytest.mark.parametrize(("qualified", "marker"), [(True, "qualified"), (False, "not_qualified")])
@pytest.mark.parametrize("role", [Role.LEGAL_REVIEWER, Role.COUNSEL])
def test_reviewers_see_their_qualification(
    client: Client, login_as, role: Role, qualified: bool, marker: str
) -> None:
    user = login_as(role)
    OfficerFactory.create(
        agency=user.agency,
        user=user,
        has_legal_qualification=qualified,
        legal_qualification_number="A20201234" if qualified else "",
    )
    response = client.get("/office/")
    assert marker in marked(response, "qualification")
    if qualified:
        assert "A20201234" in html(response)


def test_administrator_sees_master_data_counts(client: Client, login_as) -> None:
    login_as(Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    _agency_with_staff(officers=3, expiring=0, devices=2)
    response = client.get("/office/")
    stats = marked(response, "stat")
    assert stats["registry.agency"] == "2"  # the administrator's own and the one above
    assert stats["registry.officer"] == "3"
    assert stats["registry.certificate"] == "3"
    assert stats["registry.recordingdevice"] == "2"
    assert stats["core.calendarday"] == "0"
    page = html(response)
    assert 'href="/admin/registry/officer/"' in page
    assert 'href="/admin/registry/poweritem/import/"' in page
    assert 'href="/admin/registry/discretionstandard/import/"' in page


@time_machine.travel(datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.UTC), tick=False)
def test_administrator_is_warned_while_next_years_holidays_are_not_maintained(
    client: Client, login_as
) -> None:
    # The holiday library ends with 2026: a 90-day deadline from today falls in 2027.
    login_as(Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    page = html(client.get("/office/"))
    assert 'data-alert="calendar"' in page
    assert "2027" in page
    assert 'href="/admin/core/calendaryear/"' in page

    CalendarYear.objects.create(year=2027, note="国务院办公厅通知")
    assert 'data-alert="calendar"' not in html(client.get("/office/"))


@time_machine.travel(datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC), tick=False)
def test_no_calendar_warning_when_the_coming_months_are_known(client: Client, login_as) -> None:
    login_as(Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    assert 'data-alert="calendar"' not in html(client.get("/office/"))


# --- account page ------------------------------------------------------------------------


def test_me_shows_role_agency_department_and_officer_record(client: Client, login_as) -> None:
    department = DepartmentFactory.create(name="稽查科")
    user = login_as(Role.OFFICER, agency=department.agency, department=department)
    officer = OfficerFactory.create(agency=department.agency, department=department, user=user)
    CertificateFactory.create(officer=officer, number="12010000077")
    CertificateFactory.create(number="12010000088")  # someone else's

    response = client.get("/office/me/")
    fields = marked(response, "field")
    assert fields["role"] == "执法人员"
    assert fields["agency"] == department.agency.name
    assert fields["department"] == "稽查科"
    assert set(marked(response, "certificate")) == {"12010000077"}
    assert officer.id_number not in html(response)


def test_me_without_officer_record(client: Client, login_as) -> None:
    login_as(Role.COUNSEL, agency=None)
    response = client.get("/office/me/")
    assert marked(response, "field")["agency"] == "无"
    assert "未关联执法人员信息" in html(response)


# --- error pages -------------------------------------------------------------------------


def test_not_found_page_is_chinese_and_keeps_the_layout(client: Client, login_as) -> None:
    login_as(Role.OFFICER)
    response = client.get("/office/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "页面不存在" in page
    assert 'data-nav="home"' in page


# --- query bounds ------------------------------------------------------------------------


# Session and user, then per role: officer record + certificates + training hours; agency +
# officers + expiring certificates + certified officers + devices; officer record + certificates;
# supervision levels + agencies; one count per master-data table. The header's agency name is
# one more. Several rows of everything are present, so an N+1 query would break the bound.
# Officers, heads and reviewers also get their inbox: pending approvals and closest deadlines.
QUERY_BOUNDS = {
    Role.OFFICER: 8,
    Role.DEPARTMENT_HEAD: 9,
    Role.AGENCY_HEAD: 9,
    Role.LEGAL_REVIEWER: 7,
    Role.COUNSEL: 5,
    Role.SUPERVISOR: 6,
    Role.ADMINISTRATOR: 12,
}


@pytest.mark.parametrize("role", list(Role))
def test_home_query_count_does_not_grow_with_data(
    client: Client, login_as, django_assert_max_num_queries, role: Role
) -> None:
    office = AgencyFactory.create()
    agency = _agency_with_staff(officers=6, expiring=3, devices=2)
    for _ in range(3):
        extra = _agency_with_staff(officers=2, expiring=1, devices=1)
        extra.supervising_body = office
        extra.save()
    user = login_as(role, agency=office if role == Role.SUPERVISOR else agency)
    officer = OfficerFactory.create(agency=agency, user=user, has_legal_qualification=True)
    for _ in range(4):
        CertificateFactory.create(officer=officer)
    officer.training.create(year=2026, hours=20)

    with django_assert_max_num_queries(QUERY_BOUNDS[role]):
        response = client.get("/office/")
    assert response.status_code == 200
