"""Registry services: certificate status (TJ-SUP-24, LAW-APL-42) and device review (LAW-APL-41)."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.registry import models as m
from sanxiang.registry.services import certificate_set_status, device_record_review
from sanxiang.registry.tests import factories as f

pytestmark = pytest.mark.django_db


class TestCertificateSetStatus:
    def test_supervisor_suspends_certificate_in_scope(self) -> None:
        # TJ-SUP-24: the supervising office may temporarily withdraw a certificate.
        city, _district, bureau, _outsider = f.make_supervised_agencies()
        certificate = f.CertificateFactory.create(officer__agency=bureau)
        supervisor = f.UserFactory.create(role=m.Role.SUPERVISOR, agency=city)

        changed = certificate_set_status(
            certificate=certificate,
            status="suspended",
            reason="年度考试未通过",
            acting_user=supervisor,
        )

        certificate.refresh_from_db()
        assert certificate.status == changed.status == m.CertificateStatus.SUSPENDED
        assert certificate.status_reason == "年度考试未通过"
        assert certificate.status_changed_by == supervisor
        assert certificate.status_changed_at is not None
        # LAW-APL-42: a suspended certificate is not valid for acts on any day.
        assert not certificate.is_valid_on(datetime.date(2026, 6, 1))

    @pytest.mark.parametrize("role", [m.Role.OFFICER, m.Role.AGENCY_HEAD, m.Role.COUNSEL])
    def test_other_roles_are_refused(self, role) -> None:
        certificate = f.CertificateFactory.create()
        user = f.UserFactory.create(role=role, agency=certificate.officer.agency)
        with pytest.raises(PermissionDeniedError):
            certificate_set_status(
                certificate=certificate, status="suspended", reason="x", acting_user=user
            )
        certificate.refresh_from_db()
        assert certificate.status == m.CertificateStatus.VALID

    def test_supervisor_outside_scope_is_refused(self) -> None:
        _city, district, _bureau, outsider = f.make_supervised_agencies()
        certificate = f.CertificateFactory.create(officer__agency=outsider)
        supervisor = f.UserFactory.create(role=m.Role.SUPERVISOR, agency=district)
        with pytest.raises(PermissionDeniedError):
            certificate_set_status(
                certificate=certificate, status="suspended", reason="x", acting_user=supervisor
            )

    def test_reason_required_and_expiry_not_settable(self) -> None:
        certificate = f.CertificateFactory.create()
        admin = f.UserFactory.create(role=m.Role.ADMINISTRATOR)
        with pytest.raises(ApplicationError) as caught:
            certificate_set_status(
                certificate=certificate, status="revoked", reason="  ", acting_user=admin
            )
        assert caught.value.code == "certificate.reason_required"
        with pytest.raises(ApplicationError) as caught:
            certificate_set_status(
                certificate=certificate, status="expired", reason="x", acting_user=admin
            )
        assert caught.value.code == "certificate.status_not_settable"

    def test_revoked_is_final_but_suspension_can_be_lifted(self) -> None:
        admin = f.UserFactory.create(role=m.Role.ADMINISTRATOR)
        suspended = f.CertificateFactory.create(status=m.CertificateStatus.SUSPENDED)
        lifted = certificate_set_status(
            certificate=suspended, status="valid", reason="", acting_user=admin
        )
        assert lifted.status == m.CertificateStatus.VALID
        revoked = f.CertificateFactory.create(status=m.CertificateStatus.REVOKED)
        with pytest.raises(ApplicationError) as caught:
            certificate_set_status(
                certificate=revoked, status="valid", reason="", acting_user=admin
            )
        assert caught.value.code == "certificate.revoked_final"


class TestDeviceRecordReview:
    """LAW-APL-41: legal and technical review and a published location before use as evidence."""

    @pytest.fixture(autouse=True)
    def _today(self, time_machine) -> None:
        time_machine.move_to(datetime.datetime(2026, 6, 1, 10, tzinfo=datetime.UTC), tick=False)

    def _review(self, device, user, **overrides):
        values = {
            "legal_review_passed_on": datetime.date(2026, 5, 20),
            "technical_review_passed_on": datetime.date(2026, 5, 21),
            "location": "南京路与山西路交口",
            "location_published": True,
        }
        return device_record_review(device=device, acting_user=user, **{**values, **overrides})

    def test_agency_head_records_review(self) -> None:
        device = f.RecordingDeviceFactory.create(device_type=m.DeviceType.FIXED_MONITORING)
        head = f.UserFactory.create(role=m.Role.AGENCY_HEAD, agency=device.agency)
        assert not device.review_passed
        reviewed = self._review(device, head)
        device.refresh_from_db()
        assert device.review_passed and reviewed.review_passed

    def test_refuses_future_dates_and_unlocated_publication(self) -> None:
        device = f.RecordingDeviceFactory.create(device_type=m.DeviceType.FIXED_MONITORING)
        admin = f.UserFactory.create(role=m.Role.ADMINISTRATOR)
        with pytest.raises(ApplicationError) as caught:
            self._review(
                device, admin, technical_review_passed_on=datetime.date(2026, 6, 2), location=" "
            )
        assert caught.value.code == "device.review_invalid"
        assert set(caught.value.extra["fields"]) == {"technical_review_passed_on", "location"}
        device.refresh_from_db()
        assert device.technical_review_passed_on is None

    def test_clearing_a_review_withdraws_the_evidence_value(self) -> None:
        admin = f.UserFactory.create(role=m.Role.ADMINISTRATOR)
        device = self._review(
            f.RecordingDeviceFactory.create(device_type=m.DeviceType.FIXED_MONITORING), admin
        )
        assert device.review_passed
        assert not self._review(device, admin, technical_review_passed_on=None).review_passed

    @pytest.mark.parametrize("role", [m.Role.OFFICER, m.Role.SUPERVISOR, m.Role.AGENCY_HEAD])
    def test_others_are_refused(self, role) -> None:
        device = f.RecordingDeviceFactory.create(device_type=m.DeviceType.FIXED_MONITORING)
        user = f.UserFactory.create(role=role)  # an agency of its own, not the device's
        with pytest.raises(PermissionDeniedError):
            self._review(device, user)
