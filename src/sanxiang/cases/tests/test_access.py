"""Who sees which case (DESIGN §1): "not found" and "not yours" give the same answer."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from sanxiang.cases import services as svc
from sanxiang.cases.access import access_case, visible_cases
from sanxiang.cases.selectors import case_get, case_timeline
from sanxiang.cases.tests.factories import CaseFactory, lead
from sanxiang.core.errors import NotFoundError
from sanxiang.registry import models as m
from sanxiang.registry.tests import factories as rf

pytestmark = pytest.mark.django_db


def test_other_agency_gets_the_same_not_found_as_for_a_missing_case(world):
    case = lead(world)
    stranger = rf.UserFactory.create(role=m.Role.OFFICER)
    with pytest.raises(NotFoundError) as existing:
        access_case(stranger, case.pk)
    with pytest.raises(NotFoundError) as missing:
        access_case(stranger, case.pk + 10_000)
    with pytest.raises(NotFoundError) as garbage:
        access_case(stranger, "abc")
    assert existing.value.as_dict() == missing.value.as_dict() == garbage.value.as_dict()
    with pytest.raises(NotFoundError):
        case_get(user=stranger, case_id=case.pk)
    with pytest.raises(NotFoundError):
        case_timeline(user=stranger, case_id=case.pk)
    # Writing through a service gives the same answer.
    with pytest.raises(NotFoundError):
        svc.case_update_facts(case=case, title="x", actor=stranger)


def test_agency_staff_see_their_agency(world):
    case = lead(world)
    for role in (m.Role.OFFICER, m.Role.LEGAL_REVIEWER, m.Role.AGENCY_HEAD):
        user = rf.UserFactory.create(role=role, agency=world.agency)
        assert access_case(user, case.pk) == case


def test_department_head_sees_own_department_and_unassigned_cases():
    agency = rf.AgencyFactory.create()
    mine, other = rf.DepartmentFactory.create_batch(2, agency=agency)
    head = rf.UserFactory.create(role=m.Role.DEPARTMENT_HEAD, agency=agency, department=mine)
    own = CaseFactory.create(agency=agency, department=mine)
    unassigned = CaseFactory.create(agency=agency, department=None)
    foreign = CaseFactory.create(agency=agency, department=other)
    assert set(visible_cases(head)) == {own, unassigned}
    with pytest.raises(NotFoundError):
        access_case(head, foreign.pk)


def test_supervisor_sees_the_agencies_under_the_office():
    city, district, bureau, outsider = rf.make_supervised_agencies()
    supervised = CaseFactory.create(agency=bureau)
    unsupervised = CaseFactory.create(agency=outsider)
    for office in (city, district):
        supervisor = rf.UserFactory.create(role=m.Role.SUPERVISOR, agency=office)
        assert list(visible_cases(supervisor)) == [supervised]
        with pytest.raises(NotFoundError):
            access_case(supervisor, unsupervised.pk)


def test_administrator_sees_everything_counsel_and_anonymous_nothing():
    cases = CaseFactory.create_batch(2)
    admin = rf.UserFactory.create(role=m.Role.ADMINISTRATOR, agency=None)
    assert set(visible_cases(admin)) == set(cases)
    counsel = rf.UserFactory.create(role=m.Role.COUNSEL, agency=cases[0].agency)
    assert not visible_cases(counsel).exists()
    assert not visible_cases(AnonymousUser()).exists()
    inactive = rf.UserFactory.create(role=m.Role.OFFICER, agency=cases[0].agency, is_active=False)
    assert not visible_cases(inactive).exists()
