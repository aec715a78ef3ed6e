"""The registry admin: every changelist and form loads, and the .xlsx import/export views work."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from sanxiang.core.models import CalendarDay, CalendarYear
from sanxiang.registry import models as m
from sanxiang.registry.spreadsheets import XLSX_CONTENT_TYPE
from sanxiang.registry.tests import factories as f

pytestmark = pytest.mark.django_db

REGISTRY_MODELS = [
    "region",
    "agency",
    "department",
    "user",
    "officer",
    "certificate",
    "recordingdevice",
    "law",
    "provision",
    "poweritem",
    "discretionstandard",
    "majordecisionrule",
]


def _xlsx(rows: list[list[object]]) -> io.BytesIO:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.worksheets[0].append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "items.xlsx"
    return buffer


@pytest.fixture
def superuser(client) -> m.User:
    user = f.UserFactory.create(is_superuser=True, is_staff=True, role=m.Role.ADMINISTRATOR)
    client.force_login(user)
    return user


@pytest.fixture
def sample_data() -> None:
    officer = f.CertificateFactory.create(officer__department=f.DepartmentFactory.create()).officer
    f.TrainingRecordFactory.create(officer=officer)
    f.RecordingDeviceFactory.create(agency=officer.agency, holder=officer)
    f.DiscretionTierFactory.create()
    f.PowerItemBasisFactory.create()
    f.MajorDecisionRuleFactory.create(agency=officer.agency, amount_fen=1_000_000, trigger="amount")
    CalendarDay.objects.create(date=datetime.date(2030, 10, 1), kind="holiday", name="国庆节")
    CalendarYear.objects.create(year=2030)


@pytest.mark.parametrize("model", REGISTRY_MODELS)
def test_changelist_search_and_add_form_load(client, superuser, sample_data, model) -> None:
    changelist = reverse(f"admin:registry_{model}_changelist")
    assert client.get(changelist).status_code == 200
    assert client.get(changelist, {"q": "测试"}).status_code == 200
    assert client.get(reverse(f"admin:registry_{model}_add")).status_code == 200


@pytest.mark.parametrize(
    "model", [m.Officer, m.Agency, m.Law, m.PowerItem, m.DiscretionStandard, m.RecordingDevice]
)
def test_change_forms_with_inlines_load(client, superuser, sample_data, model) -> None:
    obj = model.objects.first()
    url = reverse(f"admin:registry_{model._meta.model_name}_change", args=[obj.pk])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("model", ["calendarday", "calendaryear"])
def test_holiday_calendar_is_maintainable(client, superuser, sample_data, model) -> None:
    assert client.get(reverse(f"admin:core_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:core_{model}_add")).status_code == 200


def test_autocomplete_for_provisions(client, superuser) -> None:
    f.ProvisionFactory.create(law__title="中华人民共和国食品安全法", label="第一百二十二条")
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "食品",
            "app_label": "registry",
            "model_name": "poweritembasis",
            "field_name": "provision",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == [
        "《中华人民共和国食品安全法》第一百二十二条"
    ]


class TestSpreadsheetViews:
    headers = ("事项编码", "事项名称", "执法类别", "实施主体")

    def test_changelist_links_to_import_and_export(self, client, superuser) -> None:
        page = client.get(reverse("admin:registry_poweritem_changelist")).content.decode()
        assert reverse("admin:registry_poweritem_import") in page
        assert reverse("admin:registry_poweritem_export") in page

    def test_import_success(self, client, superuser) -> None:
        agency = f.AgencyFactory.create()
        upload = _xlsx([list(self.headers), ["A1", "对某行为的处罚", "行政处罚", agency.name]])
        url = reverse("admin:registry_poweritem_import")
        assert client.get(url).status_code == 200

        response = client.post(url, {"file": upload})

        assert response.status_code == 302
        assert response["Location"] == reverse("admin:registry_poweritem_changelist")
        assert m.PowerItem.objects.get().code == "A1"

    def test_import_shows_every_problem_and_writes_nothing(self, client, superuser) -> None:
        agency = f.AgencyFactory.create()
        upload = _xlsx(
            [
                list(self.headers),
                ["A1", "对某行为的处罚", "行政处罚", agency.name],
                ["A2", "对某行为的处罚", "行政处分", agency.name],
                ["A3", "", "行政处罚", "不存在的局"],
            ]
        )

        response = client.post(reverse("admin:registry_poweritem_import"), {"file": upload})

        assert response.status_code == 200
        problems = [(p["row"], p["column"]) for p in response.context["problems"]]
        assert problems == [(3, "执法类别"), (4, "事项名称"), (4, "实施主体")]
        page = response.content.decode()
        assert 'id="import-problems"' in page
        assert "行政处分" in page
        assert not m.PowerItem.objects.exists()

    def test_upload_must_be_xlsx(self, client, superuser) -> None:
        upload = io.BytesIO(b"a,b")
        upload.name = "items.csv"
        response = client.post(reverse("admin:registry_poweritem_import"), {"file": upload})
        assert response.status_code == 200
        assert response.context["form"].errors["file"]

    @pytest.mark.parametrize("model", ["poweritem", "discretionstandard"])
    def test_export_downloads_reimportable_xlsx(self, client, superuser, model) -> None:
        tier = f.DiscretionTierFactory.create()
        response = client.get(reverse(f"admin:registry_{model}_export"))
        assert response.status_code == 200
        assert response["Content-Type"] == XLSX_CONTENT_TYPE
        assert "attachment" in response["Content-Disposition"]
        upload = io.BytesIO(response.content)
        upload.name = "export.xlsx"
        imported = client.post(reverse(f"admin:registry_{model}_import"), {"file": upload})
        assert imported.status_code == 302
        assert m.DiscretionTier.objects.get() == tier

    def test_staff_administrator_with_model_permissions(self, client) -> None:
        # An administrator (role) who is staff but not superuser, with the registry perms.
        user = f.UserFactory.create(role=m.Role.ADMINISTRATOR, is_staff=True, agency=None)
        user.user_permissions.set(Permission.objects.filter(content_type__app_label="registry"))
        client.force_login(user)
        agency = f.AgencyFactory.create()
        upload = _xlsx(
            [list(self.headers), ["B1", "对某行为的处罚", "行政检查", agency.credit_code]]
        )
        response = client.post(reverse("admin:registry_poweritem_import"), {"file": upload})
        assert response.status_code == 302
        assert m.PowerItem.objects.get().act_type == m.ActType.INSPECTION

    def test_staff_without_administrator_role_cannot_import(self, client) -> None:
        user = f.UserFactory.create(role=m.Role.AGENCY_HEAD, is_staff=True)
        user.user_permissions.set(Permission.objects.filter(content_type__app_label="registry"))
        client.force_login(user)
        assert client.get(reverse("admin:registry_poweritem_import")).status_code == 403
        assert client.get(reverse("admin:registry_poweritem_export")).status_code == 200


def test_certificate_status_change_goes_through_the_service(client, superuser) -> None:
    # TJ-SUP-24: the change is attributed and timestamped by `certificate_set_status`.
    certificate = f.CertificateFactory.create()
    url = reverse("admin:registry_certificate_change", args=[certificate.pk])
    data = {
        "officer": certificate.officer_id,
        "number": certificate.number,
        "field": certificate.field,
        "issuing_authority": certificate.issuing_authority,
        "issued_on": "2024-01-01",
        "expires_on": "2029-12-31",
        "status": "suspended",
        "status_reason": "年度考试未通过",
    }
    assert client.post(url, data).status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == m.CertificateStatus.SUSPENDED
    assert certificate.status_changed_by == superuser


def test_discretion_tier_entered_in_yuan(client, superuser) -> None:
    item = f.PowerItemFactory.create()
    data = {
        "power_item": item.pk,
        "code": "CL-9",
        "title": "裁量基准",
        "effective_from": "2022-01-01",
        "mitigating_factors": "",
        "aggravating_factors": "",
        "tiers-TOTAL_FORMS": "1",
        "tiers-INITIAL_FORMS": "0",
        "tiers-0-order": "1",
        "tiers-0-level": "一般",
        "tiers-0-circumstance": "一般情节",
        "tiers-0-party_scope": "any",
        "tiers-0-fine_basis": "fixed",
        "tiers-0-fine_min_yuan": "5000",
        "tiers-0-fine_max_yuan": "10000.50",
        "tiers-0-penalty_types": ["warning", "fine"],
        "tiers-0-other_penalties": "",
    }
    response = client.post(reverse("admin:registry_discretionstandard_add"), data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    tier = m.DiscretionTier.objects.get()
    assert (tier.fine_min_fen, tier.fine_max_fen) == (500_000, 1_000_050)
    assert tier.penalty_types == ["warning", "fine"]


def _tier_post(item: m.PowerItem, **tier: str) -> dict[str, object]:
    data: dict[str, object] = {
        "power_item": item.pk,
        "code": "CL-10",
        "title": "裁量基准",
        "effective_from": "2022-01-01",
        "tiers-TOTAL_FORMS": "1",
        "tiers-INITIAL_FORMS": "0",
        "tiers-0-order": "1",
        "tiers-0-level": "严重",
        "tiers-0-circumstance": "货值金额一万元以上",
        "tiers-0-party_scope": "any",
        "tiers-0-fine_basis": "fixed",
        "tiers-0-penalty_types": ["fine"],
    }
    data.update({f"tiers-0-{name}": value for name, value in tier.items()})
    return data


def test_discretion_tier_with_multiples_and_detention(client, superuser) -> None:
    data = _tier_post(
        f.PowerItemFactory.create(),
        fine_basis="goods_value",
        fine_min_multiple="10",
        fine_max_multiple="20",
        party_scope="natural_person",
        detention_days_min="5",
        detention_days_max="10",
    )
    response = client.post(reverse("admin:registry_discretionstandard_add"), data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    tier = m.DiscretionTier.objects.get()
    assert (tier.fine_basis, tier.fine_min_multiple, tier.fine_max_multiple) == (
        "goods_value",
        10,
        20,
    )
    assert (tier.fine_min_fen, tier.detention_days_max) == (None, 10)


@pytest.mark.parametrize(
    ("tier", "field"),
    [
        ({"fine_max_multiple": "5"}, "fine_max_multiple"),  # a multiple of a fixed amount
        (
            {"fine_basis": "goods_value", "fine_max_yuan": "5000", "fine_max_multiple": "5"},
            "fine_basis",
        ),
        ({"party_scope": "organisation", "detention_days_max": "5"}, "party_scope"),
    ],
)
def test_discretion_tier_shape_errors_show_on_the_field(client, superuser, tier, field) -> None:
    data = _tier_post(f.PowerItemFactory.create(), **tier)
    response = client.post(reverse("admin:registry_discretionstandard_add"), data)
    assert response.status_code == 200
    [form] = response.context["inline_admin_formsets"][0].formset.forms
    assert list(form.errors) == [field]
    assert not m.DiscretionStandard.objects.exists()


def test_add_user_with_role_agency_and_department(client, superuser) -> None:
    department = f.DepartmentFactory.create()
    data = {
        "username": "zhangsan",
        "password1": "Sanxiang-2026-pass",
        "password2": "Sanxiang-2026-pass",
        "usable_password": "true",
        "full_name": "张三",
        "role": m.Role.LEGAL_REVIEWER,
        "agency": department.agency_id,
        "department": department.pk,
    }
    response = client.post(reverse("admin:registry_user_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = m.User.objects.get(username="zhangsan")
    assert (user.full_name, user.role, user.department) == ("张三", "legal_reviewer", department)
    assert user.check_password("Sanxiang-2026-pass")
