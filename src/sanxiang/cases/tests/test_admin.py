"""Admin: the event record is read-only (STYLE 6); the case policy validates its levels."""

from __future__ import annotations

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from sanxiang.cases.models import CaseEvent, CasePolicy
from sanxiang.registry.tests import factories as rf

pytestmark = pytest.mark.django_db


def test_case_event_admin_allows_no_add_change_or_delete():
    admin = site._registry[CaseEvent]
    request = RequestFactory().get("/admin/")
    request.user = rf.UserFactory.create(is_superuser=True, is_staff=True)
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)


def test_case_policy_defaults_and_validation():
    agency = rf.AgencyFactory.create()
    policy = CasePolicy.for_agency(agency)
    assert policy.pk is None
    assert policy.levels_for("filing") == [1, 2, 3]
    assert policy.levels_for("closing") == [1, 2]
    assert policy.hearing_thresholds().natural_person_fen == 1_000_000
    policy.decision_levels = [1, 4]
    policy.hearing_organisation_fen = 0
    with pytest.raises(ValidationError) as error:
        policy.full_clean()
    assert set(error.value.message_dict) == {"decision_levels", "hearing_organisation_fen"}
