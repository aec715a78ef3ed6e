"""Registry API under /api/v1/registry/: shapes, pagination, filters, 404s, query counts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.conf import settings

from sanxiang.core.testing import assert_api_error
from sanxiang.registry import models as m
from sanxiang.registry.tests import factories as f

pytestmark = pytest.mark.django_db

API = "/api/v1/registry"


def test_me(client, login_as) -> None:
    department = f.DepartmentFactory.create(name="执法一科")
    user = login_as(m.Role.DEPARTMENT_HEAD, agency=department.agency, department=department)
    body = client.get(f"{API}/me").json()
    assert body == {
        "id": user.pk,
        "username": user.username,
        "full_name": user.full_name,
        "role": "department_head",
        "role_label": str(m.Role.DEPARTMENT_HEAD.label),
        "agency": {"id": department.agency.pk, "name": department.agency.name},
        "department": {"id": department.pk, "name": "执法一科"},
        "is_administrator": False,
    }


def test_agencies(client, login_as) -> None:
    user = login_as(m.Role.OFFICER)
    f.AgencyFactory.create(is_active=False)
    body = client.get(f"{API}/agencies").json()
    assert [a["id"] for a in body] == [user.agency_id]
    assert body[0]["region_code"] == "120000"
    assert body[0]["credit_code"] == user.agency.credit_code


class TestOfficers:
    def test_paginated_list(self, client, login_as, django_assert_max_num_queries) -> None:
        user = login_as(m.Role.OFFICER)
        for n in range(5):
            f.CertificateFactory.create(officer__agency=user.agency, officer__name=f"执法员{n:02d}")
        with django_assert_max_num_queries(8):
            body = client.get(f"{API}/officers", {"limit": 2, "offset": 2}).json()
        assert body["count"] == 5
        assert [o["name"] for o in body["items"]] == ["执法员02", "执法员03"]
        assert body["items"][0]["private"]["id_number"]
        assert body["items"][0]["certificates"][0]["status"] == "valid"

    def test_filter_by_agency_and_search(self, client, login_as) -> None:
        login_as(m.Role.SUPERVISOR)
        target = f.OfficerFactory.create(name="吴十")
        f.OfficerFactory.create(agency=target.agency, name="郑十一")
        f.OfficerFactory.create(name="吴十二")
        body = client.get(f"{API}/officers", {"agency_id": target.agency_id, "q": "吴"}).json()
        assert [o["id"] for o in body["items"]] == [target.pk]

    def test_limit_is_bounded(self, client, login_as) -> None:
        login_as(m.Role.OFFICER)
        assert_api_error(client.get(f"{API}/officers", {"limit": 1000}), "validation", 422)

    def test_detail_and_missing(self, client, login_as) -> None:
        login_as(m.Role.OFFICER)
        officer = f.OfficerFactory.create()
        assert client.get(f"{API}/officers/{officer.pk}").json()["name"] == officer.name
        assert_api_error(client.get(f"{API}/officers/0"), "not_found", 404)


class TestPowerItems:
    def test_list_filters_and_pages(self, client, login_as, django_assert_max_num_queries) -> None:
        user = login_as(m.Role.OFFICER)
        for n in range(3):
            f.PowerItemFactory.create(agency=user.agency, code=f"P{n}")
        f.PowerItemFactory.create(agency=user.agency, code="L1", act_type=m.ActType.LICENSING)
        with django_assert_max_num_queries(5):
            body = client.get(
                f"{API}/power-items",
                {"act_type": "penalty", "agency_id": user.agency_id, "limit": 2},
            ).json()
        assert body["count"] == 3
        assert [i["code"] for i in body["items"]] == ["P0", "P1"]
        assert body["items"][0]["agency"] == {"id": user.agency_id, "name": user.agency.name}

    def test_unknown_act_type_is_a_validation_error(self, client, login_as) -> None:
        login_as(m.Role.OFFICER)
        assert_api_error(client.get(f"{API}/power-items", {"act_type": "x"}), "validation", 422)

    def test_detail_with_basis_and_standard(self, client, login_as) -> None:
        login_as(m.Role.COUNSEL)
        item = f.PowerItemFactory.create(violation="无证经营")
        provision = f.ProvisionFactory.create(
            law__title="中华人民共和国食品安全法", article=122, label="第一百二十二条"
        )
        f.PowerItemBasisFactory.create(power_item=item, provision=provision)
        standard = f.DiscretionStandardFactory.create(power_item=item)
        f.DiscretionTierFactory.create(standard=standard, order=1)

        body = client.get(f"{API}/power-items/{item.pk}").json()

        assert body["violation"] == "无证经营"
        assert body["basis"] == [
            {
                "kind": "penalty",
                "reference": "《中华人民共和国食品安全法》第一百二十二条",
                "law_title": "中华人民共和国食品安全法",
                "law_effective_from": "2021-07-15",
                "label": "第一百二十二条",
                "text": provision.text,
            }
        ]
        assert body["discretion_standards"][0]["code"] == standard.code
        assert body["discretion_standards"][0]["tiers"][0]["fine_min_fen"] == 100_000


def test_discretion_standard(client, login_as) -> None:
    # LAW-APL-34: discretion standards are public, with their tiers.
    login_as(m.Role.OFFICER)
    standard = f.DiscretionStandardFactory.create(mitigating_factors="初次违法\n\n及时改正")
    f.DiscretionTierFactory.create(standard=standard, order=2, penalty_types=["warning", "fine"])
    f.DiscretionTierFactory.create(standard=standard, order=1, fine_min_fen=None, fine_max_fen=None)

    body = client.get(f"{API}/discretion-standards/{standard.pk}").json()

    assert body["power_item"]["id"] == standard.power_item_id
    assert body["agency"]["id"] == standard.power_item.agency_id
    assert body["mitigating_factors"] == ["初次违法", "及时改正"]
    assert [t["order"] for t in body["tiers"]] == [1, 2]
    assert body["tiers"][1]["penalty_types"] == ["warning", "fine"]
    assert body["tiers"][0]["fine_max_fen"] is None


TIER_TEXT = {"level", "circumstance", "other_penalties"}


def test_discretion_tiers_expose_basis_multiples_detention_and_party(client, login_as) -> None:
    login_as(m.Role.OFFICER)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    standard = f.DiscretionStandardFactory.create()
    f.DiscretionTierFactory.create(
        standard=standard,
        order=1,
        fine_basis=m.FineBasis.INVESTMENT,
        fine_min_fen=None,
        fine_max_fen=None,
        fine_min_multiple=Decimal("0.01"),
        fine_max_multiple=Decimal("0.035"),
        party_scope=m.PartyScope.ORGANISATION,
    )
    f.DiscretionTierFactory.create(
        standard=standard,
        order=2,
        penalty_types=["detention", "fine"],
        detention_days_min=5,
        detention_days_max=10,
        party_scope=m.PartyScope.NATURAL_PERSON,
    )

    tiers = client.get(f"{API}/discretion-standards/{standard.pk}").json()["tiers"]

    multiple, detention = ({k: v for k, v in t.items() if k not in TIER_TEXT} for t in tiers)
    assert multiple == {
        "order": 1,
        "party_scope": "organisation",
        "fine_basis": "investment",
        "fine_min_fen": None,
        "fine_max_fen": None,
        "fine_min_multiple": "0.01",  # exact decimal strings, no trailing zeros
        "fine_max_multiple": "0.035",
        "fine_range_text": "Total investment of the construction project: 1% to 3.5%",
        "detention_days_min": None,
        "detention_days_max": None,
        "penalty_types": ["fine"],
    }
    assert detention["fine_basis"] == "fixed"
    assert (detention["fine_min_fen"], detention["fine_max_fen"]) == (100_000, 500_000)
    assert detention["fine_min_multiple"] is None
    assert detention["fine_range_text"] == "1000元 to 5000元"
    assert (detention["detention_days_min"], detention["detention_days_max"]) == (5, 10)
    assert detention["party_scope"] == "natural_person"


def test_openapi_lists_the_registry_endpoints(client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/me",
        "/agencies",
        "/officers",
        "/officers/{officer_id}",
        "/power-items",
        "/power-items/{power_item_id}",
        "/discretion-standards/{standard_id}",
    ):
        assert f"{API}{path}" in paths
