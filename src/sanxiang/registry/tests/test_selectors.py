"""Registry selectors: filtering, indicators (GUO-118-11, TJ-SUP-10) and constant query counts."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.core.errors import NotFoundError
from sanxiang.registry import models as m
from sanxiang.registry import selectors as s
from sanxiang.registry.tests import factories as f

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def _certified(agency: m.Agency, count: int) -> list[m.Officer]:
    """`count` active officers of `agency`, each with a certificate valid on TODAY (bulk)."""
    officers = m.Officer.objects.bulk_create(
        f.OfficerFactory.build(agency=agency, department=None) for _ in range(count)
    )
    m.Certificate.objects.bulk_create(
        f.CertificateFactory.build(officer=officer) for officer in officers
    )
    return officers


class TestOfficerList:
    def test_orders_filters_and_pages(self) -> None:
        agency = f.AgencyFactory.create(name="甲局")
        other = f.AgencyFactory.create(name="乙局")
        for name in ("王五", "李四", "张三"):
            f.OfficerFactory.create(agency=agency, name=name)
        f.OfficerFactory.create(agency=other, name="赵六")
        user = f.UserFactory.create(role=m.Role.ADMINISTRATOR)

        page = s.officer_list(user=user, agency_id=agency.pk, offset=1, limit=1)

        assert page.total == 3
        assert [card.name for card in page.items] == [sorted(["王五", "李四", "张三"])[1]]

    def test_search_by_name_or_certificate_number(self) -> None:
        certificate = f.CertificateFactory.create(number="12010999999", officer__name="钱七")
        f.OfficerFactory.create(name="孙八")
        user = f.UserFactory.create()
        assert [c.name for c in s.officer_list(user=user, q="钱").items] == ["钱七"]
        found = s.officer_list(user=user, q="0999999").items
        assert [c.id for c in found] == [certificate.officer_id]

    def test_certificates_carry_status_of_today(self) -> None:
        officer = f.OfficerFactory.create()
        f.CertificateFactory.create(officer=officer, expires_on=datetime.date(2025, 1, 1))
        card = s.officer_list(user=f.UserFactory.create()).items[0]
        assert card.certificates[0].status == m.CertificateStatus.EXPIRED

    def test_query_count_does_not_grow_with_officers(self, django_assert_max_num_queries) -> None:
        supervisor_office, _district, bureau, _outsider = f.make_supervised_agencies()
        supervisor = f.UserFactory.create(role=m.Role.SUPERVISOR, agency=supervisor_office)
        for _ in range(3):
            f.CertificateFactory.create(
                officer__agency=bureau,
                officer__department=f.DepartmentFactory.create(agency=bureau),
            )
        with django_assert_max_num_queries(7) as few:
            s.officer_list(user=supervisor, limit=50)
        for _ in range(12):
            f.CertificateFactory.create(officer__agency=bureau)
        with django_assert_max_num_queries(len(few.captured_queries)):
            page = s.officer_list(user=supervisor, limit=50)
        assert page.total == 15


class TestPowerItems:
    def test_filters(self) -> None:
        agency = f.AgencyFactory.create()
        wanted = f.PowerItemFactory.create(agency=agency, code="CF-001", name="对无证经营的处罚")
        f.PowerItemFactory.create(agency=agency, act_type=m.ActType.LICENSING, name="食品经营许可")
        f.PowerItemFactory.create(name="对无证经营的处罚")  # other agency
        f.PowerItemFactory.create(agency=agency, is_active=False, name="对无证经营的处罚（旧）")
        user = f.UserFactory.create(agency=agency)

        found = s.power_item_list(
            user=user,
            filters=s.PowerItemFilters(agency_id=agency.pk, act_type=m.ActType.PENALTY, q="无证"),
        )
        assert list(found) == [wanted]
        with_inactive = s.power_item_list(
            user=user, filters=s.PowerItemFilters(agency_id=agency.pk, include_inactive=True)
        )
        assert with_inactive.count() == 3

    def test_list_query_count_is_constant(self, django_assert_num_queries) -> None:
        f.PowerItemFactory.create_batch(5)
        user = f.UserFactory.create()
        with django_assert_num_queries(1):
            names = [item.agency.name for item in s.power_item_list(user=user)]
        assert len(names) == 5

    def test_get_brings_basis_and_standards(self, django_assert_max_num_queries) -> None:
        item = f.PowerItemFactory.create()
        f.PowerItemBasisFactory.create_batch(3, power_item=item)
        for standard in f.DiscretionStandardFactory.create_batch(2, power_item=item):
            f.DiscretionTierFactory.create(standard=standard, order=2)
            f.DiscretionTierFactory.create(standard=standard, order=1)
        user = f.UserFactory.create()
        with django_assert_max_num_queries(5):
            loaded = s.power_item_get(user=user, power_item_id=item.pk)
            laws = [link.provision.law.title for link in loaded.basis_links.all()]
            orders = [[t.order for t in st.tiers.all()] for st in loaded.discretion_standards.all()]
        assert len(laws) == 3
        assert orders == [[1, 2], [1, 2]]

    def test_discretion_standard_get_orders_tiers(self) -> None:
        # LAW-APL-34: the published standard shows its tiers in order.
        standard = f.DiscretionStandardFactory.create()
        for order in (3, 1, 2):
            f.DiscretionTierFactory.create(standard=standard, order=order)
        loaded = s.discretion_standard_get(user=f.UserFactory.create(), standard_id=standard.pk)
        assert [tier.order for tier in loaded.tiers.all()] == [1, 2, 3]


class TestCertificateStatusLookup:
    """Public certificate check (GUO-118-05): live status, no private data."""

    def test_public_answer(self) -> None:
        certificate = f.CertificateFactory.create(number="12010000042", officer__name="周九")
        view = s.certificate_status_lookup(number=" 12010000042 ", day=TODAY)
        assert (view.number, view.officer_name, view.status) == (
            "12010000042",
            "周九",
            m.CertificateStatus.VALID,
        )
        assert view.agency_name == certificate.officer.agency.name
        assert not {"id_number", "phone"} & set(vars(view))

    def test_expired_and_suspended(self) -> None:
        f.CertificateFactory.create(number="A1", expires_on=datetime.date(2026, 5, 31))
        f.CertificateFactory.create(number="A2", status=m.CertificateStatus.SUSPENDED)
        assert s.certificate_status_lookup(number="A1", day=TODAY).status == "expired"
        assert s.certificate_status_lookup(number="A2", day=TODAY).status == "suspended"

    def test_unknown_number(self) -> None:
        with pytest.raises(NotFoundError):
            s.certificate_status_lookup(number="nope")


class TestReviewerStaffing:
    """GUO-118-11: reviewers ≥ ceil(5% × certified officers)."""

    @pytest.mark.parametrize(
        ("officers", "required"), [(0, 0), (1, 1), (20, 1), (21, 2), (212, 11)]
    )
    def test_required_reviewers(self, officers, required) -> None:
        agency = f.AgencyFactory.create()
        _certified(agency, officers)
        assert s.reviewer_staffing(agency=agency, day=TODAY).reviewers_required == required

    def test_counts_only_certified_active_officers_and_active_reviewers(self) -> None:
        agency = f.AgencyFactory.create()
        _certified(agency, 21)
        f.CertificateFactory.create(officer__agency=agency, expires_on=datetime.date(2026, 5, 1))
        f.CertificateFactory.create(officer__agency=agency, officer__is_active=False)
        f.OfficerFactory.create(agency=agency)  # no certificate
        f.UserFactory.create_batch(1, agency=agency, role=m.Role.LEGAL_REVIEWER)
        f.UserFactory.create(agency=agency, role=m.Role.LEGAL_REVIEWER, is_active=False)
        staffing = s.reviewer_staffing(agency=agency, day=TODAY)
        assert (staffing.certified_officers, staffing.reviewers) == (21, 1)
        assert (staffing.reviewers_required, staffing.shortfall) == (2, 1)
        assert not staffing.meets_requirement

    def test_share_is_configurable(self, settings) -> None:
        settings.SANXIANG_REVIEWER_MIN_PERCENT = 10
        agency = f.AgencyFactory.create()
        _certified(agency, 212)
        assert s.reviewer_staffing(agency=agency, day=TODAY).reviewers_required == 22


class TestDeviceRatio:
    def test_one_device_per_four_officers(self) -> None:
        agency = f.AgencyFactory.create()
        _certified(agency, 9)
        f.RecordingDeviceFactory.create_batch(2, agency=agency)
        f.RecordingDeviceFactory.create(agency=agency, status=m.DeviceStatus.RETIRED)
        f.RecordingDeviceFactory.create(agency=agency, device_type=m.DeviceType.FIXED_MONITORING)
        ratio = s.device_ratio(agency=agency, day=TODAY)
        assert (ratio.devices_in_service, ratio.officers, ratio.devices_required) == (2, 9, 3)
        assert not ratio.meets_target
        assert str(ratio.devices_per_officer) == "0.22"

    def test_no_officers(self) -> None:
        ratio = s.device_ratio(agency=f.AgencyFactory.create(), day=TODAY)
        assert ratio.meets_target
        assert str(ratio.devices_per_officer) == "0.00"


def test_officers_short_of_training() -> None:
    # TJ-SUP-10: at least 40 hours of legal training per year.
    agency = f.AgencyFactory.create()
    enough = f.TrainingRecordFactory.create(officer__agency=agency, year=2026, hours=40)
    short = f.TrainingRecordFactory.create(officer__agency=agency, year=2026, hours=39)
    untrained = f.OfficerFactory.create(agency=agency)
    f.TrainingRecordFactory.create(officer=untrained, year=2025, hours=80)  # other year
    f.OfficerFactory.create(agency=agency, is_active=False)
    f.TrainingRecordFactory.create(year=2026, hours=0)  # other agency

    found = s.officers_short_of_training(agency=agency, year=2026)

    assert [(x.officer_id, x.hours, x.missing_hours) for x in found] == [
        (untrained.pk, 0, 40),
        (short.officer_id, 39, 1),
    ]
    assert enough.officer_id not in {x.officer_id for x in found}


def test_agency_list_hides_inactive_from_non_administrators() -> None:
    active = f.AgencyFactory.create()
    inactive = f.AgencyFactory.create(is_active=False)
    officer = f.UserFactory.create(agency=active)
    admin = f.UserFactory.create(role=m.Role.ADMINISTRATOR, agency=None)
    assert inactive not in s.agency_list(user=officer)
    assert inactive in s.agency_list(user=admin)
    with pytest.raises(NotFoundError):
        s.agency_get(user=officer, agency_id=inactive.pk)


def test_user_profile_get() -> None:
    department = f.DepartmentFactory.create()
    user = f.UserFactory.create(agency=department.agency, department=department)
    profile = s.user_profile_get(user=user)
    assert (profile.agency, profile.department) == (department.agency, department)
