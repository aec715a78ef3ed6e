"""Model rules: certificate status by date (LAW-APL-42), device review (LAW-APL-41), constraints."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sanxiang.registry import models as m
from sanxiang.registry.models.officers import NOT_YET_VALID
from sanxiang.registry.tests import factories as f

pytestmark = pytest.mark.django_db

ISSUED = datetime.date(2024, 1, 1)
EXPIRES = datetime.date(2029, 12, 31)


def _certificate(status: str = m.CertificateStatus.VALID) -> m.Certificate:
    return m.Certificate(
        number="X1", field="市场监管", issued_on=ISSUED, expires_on=EXPIRES, status=status
    )


class TestCertificateStatusOn:
    """LAW-APL-42: an officer acts only with a certificate valid on the day of the act."""

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (ISSUED, m.CertificateStatus.VALID),
            (EXPIRES, m.CertificateStatus.VALID),  # the expiry day itself is still valid
            (EXPIRES + datetime.timedelta(days=1), m.CertificateStatus.EXPIRED),
            (ISSUED - datetime.timedelta(days=1), NOT_YET_VALID),
        ],
    )
    def test_dates_decide_for_a_valid_certificate(self, day, expected) -> None:
        assert _certificate().status_on(day) == expected
        assert _certificate().is_valid_on(day) is (expected == m.CertificateStatus.VALID)

    @pytest.mark.parametrize("status", [m.CertificateStatus.SUSPENDED, m.CertificateStatus.REVOKED])
    def test_withdrawal_wins_over_dates(self, status) -> None:
        # TJ-SUP-24: a suspended certificate is not valid even inside its validity period.
        certificate = _certificate(status)
        assert certificate.status_on(datetime.date(2026, 6, 1)) == status
        assert certificate.status_on(EXPIRES + datetime.timedelta(days=5)) == status
        assert not certificate.is_valid_on(datetime.date(2026, 6, 1))


class TestDeviceReviewPassed:
    """LAW-APL-41: fixed monitoring needs legal + technical review and a published location."""

    def test_portable_devices_need_no_review(self) -> None:
        assert m.RecordingDevice(device_type=m.DeviceType.BODY_CAMERA).review_passed

    @pytest.mark.parametrize(
        ("legal", "technical", "published", "passed"),
        [
            (None, None, False, False),
            (datetime.date(2026, 1, 5), None, True, False),
            (None, datetime.date(2026, 1, 5), True, False),
            (datetime.date(2026, 1, 5), datetime.date(2026, 1, 6), False, False),
            (datetime.date(2026, 1, 5), datetime.date(2026, 1, 6), True, True),
        ],
    )
    def test_fixed_monitoring_needs_all_three(self, legal, technical, published, passed) -> None:
        device = m.RecordingDevice(
            device_type=m.DeviceType.FIXED_MONITORING,
            legal_review_passed_on=legal,
            technical_review_passed_on=technical,
            location="南京路与山西路交口",
            location_published=published,
        )
        assert device.review_passed is passed


def test_training_requirement_is_forty_hours() -> None:
    # TJ-SUP-10: "每年参加法律业务培训学习不少于40学时".
    assert m.TrainingRecord(year=2026, hours=40).meets_requirement
    assert not m.TrainingRecord(year=2026, hours=39).meets_requirement


def _violates(create) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


class TestConstraints:
    def test_tier_fine_range_ordered_and_not_negative(self) -> None:
        standard = f.DiscretionStandardFactory.create()
        _violates(
            lambda: f.DiscretionTierFactory.create(
                standard=standard, fine_min_fen=5, fine_max_fen=4
            )
        )
        _violates(lambda: f.DiscretionTierFactory.create(standard=standard, fine_min_fen=-1))
        _violates(
            lambda: f.DiscretionTierFactory.create(
                standard=standard, fine_min_fen=None, fine_max_fen=-1
            )
        )
        f.DiscretionTierFactory.create(standard=standard, fine_min_fen=5, fine_max_fen=5)

    def test_tier_order_unique_in_standard(self) -> None:
        tier = f.DiscretionTierFactory.create(order=1)
        _violates(lambda: f.DiscretionTierFactory.create(standard=tier.standard, order=1))

    def test_certificate_expires_after_issue(self) -> None:
        _violates(lambda: f.CertificateFactory.create(expires_on=datetime.date(2023, 12, 31)))

    def test_provision_unique_with_empty_paragraph(self) -> None:
        # COALESCE makes "第五条" (no paragraph, no item) unique on SQLite and PostgreSQL alike.
        provision = f.ProvisionFactory.create(article=5)
        _violates(lambda: f.ProvisionFactory.create(law=provision.law, article=5))
        f.ProvisionFactory.create(law=provision.law, article=5, paragraph=1, label="第五条第一款")

    def test_provision_duplicate_found_by_full_clean(self) -> None:
        provision = f.ProvisionFactory.create(article=7)
        duplicate = m.Provision(law=provision.law, article=7, label="第七条", text="x")
        with pytest.raises(ValidationError):
            duplicate.full_clean()

    def test_published_device_location_required(self) -> None:
        # LAW-APL-41: the location is what gets published.
        _violates(lambda: f.RecordingDeviceFactory.create(location="", location_published=True))

    def test_agency_is_not_its_own_supervisor(self) -> None:
        agency = f.AgencyFactory.create()
        agency.supervising_body = agency
        _violates(agency.save)

    def test_power_item_code_unique_per_agency(self) -> None:
        item = f.PowerItemFactory.create(code="CF-1")
        f.PowerItemFactory.create(code="CF-1")  # another agency may use the same code
        _violates(lambda: f.PowerItemFactory.create(agency=item.agency, code="CF-1"))

    def test_discretion_effective_range_ordered(self) -> None:
        _violates(
            lambda: f.DiscretionStandardFactory.create(effective_to=datetime.date(2021, 12, 31))
        )

    def test_training_once_per_officer_and_year(self) -> None:
        record = f.TrainingRecordFactory.create()
        _violates(lambda: f.TrainingRecordFactory.create(officer=record.officer, year=record.year))


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ([], True),
        (["warning", "fine"], True),
        (["fine", "fine"], False),
        (["flogging"], False),
        ("fine", False),
    ],
)
def test_tier_penalty_types_are_law_apl_9_codes(value, valid) -> None:
    tier = f.DiscretionTierFactory.build(
        standard=f.DiscretionStandardFactory.create(), penalty_types=value
    )
    if valid:
        tier.full_clean()
    else:
        with pytest.raises(ValidationError) as caught:
            tier.full_clean()
        assert "penalty_types" in caught.value.message_dict


def test_officer_id_number_validated_by_gb_11643() -> None:
    # STD-11643-4: 110105194912310021 has a wrong check digit.
    officer = f.OfficerFactory.build(
        agency=f.AgencyFactory.create(), id_number="110105194912310021"
    )
    with pytest.raises(ValidationError) as caught:
        officer.full_clean()
    assert "id_number" in caught.value.message_dict
