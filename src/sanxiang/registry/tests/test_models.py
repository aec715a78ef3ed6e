"""Model rules: certificate status by date (LAW-APL-42), device review (LAW-APL-41), constraints."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from sanxiang.registry import models as m
from sanxiang.registry.models.major_decisions import PartyScope as MajorDecisionPartyScope
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

    def test_tier_has_one_fine_basis(self) -> None:
        standard = f.DiscretionStandardFactory.create()

        def tier(**fields: Any) -> m.DiscretionTier:
            return f.DiscretionTierFactory.create(standard=standard, **fields)

        goods = {"fine_basis": m.FineBasis.GOODS_VALUE, "fine_min_fen": None, "fine_max_fen": None}
        _violates(lambda: tier(fine_max_multiple=Decimal(3)))  # fixed basis with a multiple
        _violates(lambda: tier(**goods))  # a basis without multiples
        _violates(lambda: tier(**{**goods, "fine_max_fen": 100}, fine_max_multiple=Decimal(3)))
        _violates(lambda: tier(**goods, fine_min_multiple=Decimal(3), fine_max_multiple=1))
        _violates(lambda: tier(**goods, fine_min_multiple=Decimal(-1)))
        tier(**goods, fine_min_multiple=Decimal(10), fine_max_multiple=Decimal(20))
        tier(**goods, fine_max_multiple=Decimal("0.0005"))  # 万分之五, open minimum
        tier(fine_min_fen=None, fine_max_fen=None)  # no fine at all

    def test_tier_detention_days(self) -> None:
        standard = f.DiscretionStandardFactory.create()

        def tier(**fields: Any) -> m.DiscretionTier:
            return f.DiscretionTierFactory.create(standard=standard, **fields)

        _violates(lambda: tier(detention_days_min=10, detention_days_max=5))
        _violates(lambda: tier(detention_days_max=16))  # one violation: at most 十五日
        _violates(lambda: tier(detention_days_min=0))
        _violates(lambda: tier(detention_days_max=5, party_scope=m.PartyScope.ORGANISATION))
        tier(detention_days_min=10, detention_days_max=15, party_scope=m.PartyScope.NATURAL_PERSON)
        tier(detention_days_max=5)

    def test_major_rule_name_unique_per_catalogue(self) -> None:
        # The platform default (no agency) is one catalogue, although NULLs are distinct in SQL.
        rule = f.MajorDecisionRuleFactory.create(name="经过听证程序作出的决定")
        _violates(lambda: f.MajorDecisionRuleFactory.create(name=rule.name))
        agency = f.AgencyFactory.create()
        f.MajorDecisionRuleFactory.create(agency=agency, name=rule.name)
        f.MajorDecisionRuleFactory.create(agency=f.AgencyFactory.create(), name=rule.name)
        _violates(lambda: f.MajorDecisionRuleFactory.create(agency=agency, name=rule.name))

    def test_major_rule_duplicate_found_by_full_clean(self) -> None:
        rule = f.MajorDecisionRuleFactory.create()
        duplicate = m.MajorDecisionRule(
            name=rule.name, trigger=rule.trigger, legal_basis=rule.legal_basis
        )
        with translation.override("en"), pytest.raises(ValidationError) as caught:
            duplicate.full_clean()
        assert caught.value.messages == ["The catalogue already has a rule with this name."]

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


GOODS = m.FineBasis.GOODS_VALUE


def _tier(**fields: Any) -> m.DiscretionTier:
    defaults: dict[str, Any] = {"fine_min_fen": None, "fine_max_fen": None}
    return f.DiscretionTierFactory.build(
        standard=f.DiscretionStandardFactory.create(), **{**defaults, **fields}
    )


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"fine_min_multiple": Decimal(1)}, "fine_min_multiple"),
        ({"fine_basis": GOODS, "fine_min_fen": 100, "fine_max_multiple": 3}, "fine_basis"),
        ({"fine_basis": GOODS}, "fine_max_multiple"),
        (
            {"fine_basis": GOODS, "fine_min_multiple": 3, "fine_max_multiple": 2},
            "fine_max_multiple",
        ),
        ({"detention_days_min": 10, "detention_days_max": 5}, "detention_days_max"),
        ({"detention_days_max": 5, "party_scope": m.PartyScope.ORGANISATION}, "party_scope"),
        ({"detention_days_max": 20}, "detention_days_max"),
        ({"fine_basis": GOODS, "fine_max_multiple": Decimal("0.00001")}, "fine_max_multiple"),
    ],
)
def test_tier_shape_errors_name_the_field(fields, field_in_error) -> None:
    # Each lands on a field the admin form and the spreadsheet show, not on the whole tier.
    with pytest.raises(ValidationError) as caught:
        _tier(**fields).full_clean()
    assert list(caught.value.message_dict) == [field_in_error]


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"fine_min_fen": 100_000, "fine_max_fen": 500_000}, "1000元 to 5000元"),
        ({"fine_min_fen": 0, "fine_max_fen": 500_000}, "up to 5000元"),
        ({"fine_max_fen": 500_050}, "up to 5000.50元"),
        ({"fine_min_fen": 100_000}, "1000元 or more"),
        ({"fine_min_fen": 20_000, "fine_max_fen": 20_000}, "200元"),
        ({}, ""),
        (
            {"fine_basis": GOODS, "fine_min_multiple": 10, "fine_max_multiple": 20},
            "Value of the goods: 10× to 20×",
        ),
        (
            {"fine_basis": GOODS, "fine_min_multiple": "0.5", "fine_max_multiple": 3},
            "Value of the goods: 50% to 3×",
        ),
        (
            {
                "fine_basis": m.FineBasis.INVESTMENT,
                "fine_min_multiple": Decimal("0.0100"),
                "fine_max_multiple": Decimal("0.0350"),
            },
            "Total investment of the construction project: 1% to 3.5%",
        ),
        (
            {"fine_basis": m.FineBasis.ILLEGAL_GAINS, "fine_max_multiple": Decimal(5)},
            "Illegal gains: up to 5×",
        ),
    ],
)
def test_fine_range_text(fields, text) -> None:
    tier = _tier(**{key: Decimal(v) if "multiple" in key else v for key, v in fields.items()})
    tier.full_clean()
    with translation.override("en"):
        assert tier.fine_range_text() == text
    assert tier.has_fine is bool(text)


def test_party_scope_still_importable_from_major_decisions() -> None:
    assert MajorDecisionPartyScope is m.PartyScope
