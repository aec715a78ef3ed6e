"""Who sees what (DESIGN.md §1): denial paths tested as carefully as the allowed ones.

Public fields (name, certificate number, field, validity) are public for every agency;
the ID number and phone only inside the private scope: own agency for staff, supervised
agencies for a supervisor (TJ-SUP-24), everything for administrators, nothing for counsel.
Records not visible at all (inactive officers and power items of other agencies) answer
exactly like records that do not exist.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from sanxiang.core.errors import NotFoundError
from sanxiang.core.testing import assert_api_error
from sanxiang.registry import access
from sanxiang.registry import models as m
from sanxiang.registry import selectors as s
from sanxiang.registry.tests import factories as f

pytestmark = pytest.mark.django_db

API = "/api/v1/registry"


@pytest.fixture
def agency_a() -> m.Agency:
    return f.AgencyFactory.create(name="甲区市场监管局")


@pytest.fixture
def officer_b() -> m.Officer:
    """An officer of another agency, with a certificate."""
    certificate = f.CertificateFactory.create(officer__agency__name="乙区市场监管局")
    return certificate.officer


class TestAgencyStaffSeeOtherAgenciesPublicOnly:
    @pytest.mark.parametrize(
        "role",
        [m.Role.OFFICER, m.Role.DEPARTMENT_HEAD, m.Role.AGENCY_HEAD, m.Role.LEGAL_REVIEWER],
    )
    def test_selector(self, role, agency_a, officer_b) -> None:
        own = f.OfficerFactory.create(agency=agency_a)
        user = f.UserFactory.create(role=role, agency=agency_a)

        other_card = s.officer_get(user=user, officer_id=officer_b.pk)
        own_card = s.officer_get(user=user, officer_id=own.pk)

        assert other_card.private is None
        assert other_card.certificates[0].number == officer_b.certificates.get().number
        assert own_card.private is not None
        assert own_card.private.id_number == own.id_number
        listed = {card.id: card.private for card in s.officer_list(user=user).items}
        assert listed[officer_b.pk] is None
        assert listed[own.pk] is not None
        assert not access.private_fields_visible(user, officer_b)

    def test_api_never_sends_the_id_number_or_phone(
        self, client, login_as, agency_a, officer_b
    ) -> None:
        login_as(m.Role.OFFICER, agency=agency_a)
        for url in (f"{API}/officers/{officer_b.pk}", f"{API}/officers", f"{API}/officers?q="):
            response = client.get(url)
            assert response.status_code == 200
            assert officer_b.id_number not in response.content.decode()
            assert officer_b.phone not in response.content.decode()
            assert "id_number" not in response.content.decode()
        body = client.get(f"{API}/officers/{officer_b.pk}").json()
        assert body["private"] is None
        assert body["name"] == officer_b.name
        assert body["certificates"][0]["number"] == officer_b.certificates.get().number

    def test_api_sends_own_agency_private_fields(self, client, login_as, agency_a) -> None:
        own = f.OfficerFactory.create(agency=agency_a)
        login_as(m.Role.OFFICER, agency=agency_a)
        body = client.get(f"{API}/officers/{own.pk}").json()
        assert body["private"]["id_number"] == own.id_number
        assert body["private"]["phone"] == own.phone

    def test_search_cannot_confirm_another_agencys_id_number(self, agency_a, officer_b) -> None:
        user = f.UserFactory.create(agency=agency_a)
        assert s.officer_list(user=user, q=officer_b.id_number).total == 0
        own = f.OfficerFactory.create(agency=agency_a)
        assert [c.id for c in s.officer_list(user=user, q=own.id_number).items] == [own.pk]


class TestNotVisibleIsNotFound:
    """ "Missing" and "not yours" give the same 404 (STYLE.md convention 3)."""

    def test_inactive_officer_of_another_agency(self, client, login_as, agency_a) -> None:
        hidden = f.OfficerFactory.create(is_active=False)
        user = login_as(m.Role.OFFICER, agency=agency_a)
        with pytest.raises(NotFoundError):
            s.officer_get(user=user, officer_id=hidden.pk)
        assert hidden.pk not in {card.id for card in s.officer_list(user=user).items}

        not_visible = client.get(f"{API}/officers/{hidden.pk}")
        missing = client.get(f"{API}/officers/999999")
        assert_api_error(not_visible, "not_found", 404)
        assert (not_visible.status_code, not_visible.json()) == (
            missing.status_code,
            missing.json(),
        )

    def test_inactive_officer_visible_to_own_agency(self, agency_a) -> None:
        retired = f.OfficerFactory.create(agency=agency_a, is_active=False)
        head = f.UserFactory.create(role=m.Role.AGENCY_HEAD, agency=agency_a)
        card = s.officer_get(user=head, officer_id=retired.pk)
        assert card.private is not None
        assert card.private.is_active is False

    def test_inactive_power_item_of_another_agency(self, client, login_as, agency_a) -> None:
        hidden = f.PowerItemFactory.create(is_active=False)
        standard = f.DiscretionStandardFactory.create(power_item=hidden)
        login_as(m.Role.OFFICER, agency=agency_a)
        for url, missing_url in (
            (f"{API}/power-items/{hidden.pk}", f"{API}/power-items/999999"),
            (f"{API}/discretion-standards/{standard.pk}", f"{API}/discretion-standards/999999"),
        ):
            not_visible, missing = client.get(url), client.get(missing_url)
            assert_api_error(not_visible, "not_found", 404)
            assert not_visible.json() == missing.json()
        assert hidden not in s.power_item_list(
            user=f.UserFactory.create(agency=agency_a),
            filters=s.PowerItemFilters(include_inactive=True),
        )

    def test_inactive_power_item_visible_to_own_agency(self) -> None:
        hidden = f.PowerItemFactory.create(is_active=False)
        user = f.UserFactory.create(agency=hidden.agency)
        assert s.power_item_get(user=user, power_item_id=hidden.pk) == hidden


class TestSupervisor:
    """TJ-SUP-24: the supervising office sees all materials of the agencies it supervises."""

    def test_sees_supervised_agencies_at_any_level(self) -> None:
        city, district, bureau, outsider = f.make_supervised_agencies()
        in_bureau = f.OfficerFactory.create(agency=bureau)
        in_outsider = f.OfficerFactory.create(agency=outsider)
        retired = f.OfficerFactory.create(agency=bureau, is_active=False)

        for office in (city, district):
            supervisor = f.UserFactory.create(role=m.Role.SUPERVISOR, agency=office)
            card = s.officer_get(user=supervisor, officer_id=in_bureau.pk)
            assert card.private is not None
            assert card.private.id_number == in_bureau.id_number
            assert s.officer_get(user=supervisor, officer_id=retired.pk).private is not None
            assert s.officer_get(user=supervisor, officer_id=in_outsider.pk).private is None

    def test_lower_office_does_not_see_upward(self) -> None:
        city, district, _bureau, _outsider = f.make_supervised_agencies()
        in_city = f.OfficerFactory.create(agency=city)
        supervisor = f.UserFactory.create(role=m.Role.SUPERVISOR, agency=district)
        assert s.officer_get(user=supervisor, officer_id=in_city.pk).private is None

    def test_scope_lists_the_supervised_agencies(self) -> None:
        city, district, bureau, outsider = f.make_supervised_agencies()
        supervisor = f.UserFactory.create(role=m.Role.SUPERVISOR, agency=city)
        scope = access.private_scope(supervisor)
        assert scope.agency_ids == {city.pk, district.pk, bureau.pk}
        assert not scope.covers(outsider.pk)

    def test_supervisor_role_is_needed(self) -> None:
        city, _district, bureau, _outsider = f.make_supervised_agencies()
        officer_in_office = f.UserFactory.create(role=m.Role.OFFICER, agency=city)
        assert not access.private_scope(officer_in_office).covers(bureau.pk)


class TestOtherRoles:
    def test_counsel_sees_no_private_data_even_of_own_agency(self, agency_a) -> None:
        own = f.OfficerFactory.create(agency=agency_a)
        counsel = f.UserFactory.create(role=m.Role.COUNSEL, agency=agency_a)
        assert s.officer_get(user=counsel, officer_id=own.pk).private is None
        assert access.private_scope(counsel).is_empty

    def test_administrator_and_superuser_see_everything(self, officer_b) -> None:
        for user in (
            f.UserFactory.create(role=m.Role.ADMINISTRATOR, agency=None),
            f.UserFactory.create(role=m.Role.OFFICER, is_superuser=True),
        ):
            assert s.officer_get(user=user, officer_id=officer_b.pk).private is not None

    def test_staff_without_agency_and_deactivated_users_see_nothing_private(
        self, officer_b
    ) -> None:
        no_agency = f.UserFactory.create(agency=None)
        deactivated_admin = f.UserFactory.create(role=m.Role.ADMINISTRATOR, is_active=False)
        for user in (no_agency, deactivated_admin, AnonymousUser()):
            assert access.private_scope(user).is_empty
            assert not access.is_administrator(user)
            assert s.officer_get(user=user, officer_id=officer_b.pk).private is None

    def test_anonymous_api_is_refused(self, client, officer_b) -> None:
        assert_api_error(client.get(f"{API}/officers/{officer_b.pk}"), "not_authenticated", 401)
        assert_api_error(client.get(f"{API}/me"), "not_authenticated", 401)
