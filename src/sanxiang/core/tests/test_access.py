"""`get_or_not_found`: missing, filtered out and malformed keys all give the same 404."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.core.access import get_or_not_found
from sanxiang.core.errors import NotFoundError
from sanxiang.core.models import CalendarDay

pytestmark = pytest.mark.django_db


@pytest.fixture
def national_day() -> CalendarDay:
    return CalendarDay.objects.create(
        date=datetime.date(2030, 10, 1), kind=CalendarDay.Kind.HOLIDAY, name="国庆节"
    )


def test_returns_the_object_in_scope(national_day: CalendarDay) -> None:
    assert get_or_not_found(CalendarDay.objects.all(), pk=national_day.pk) == national_day


def test_out_of_scope_and_missing_raise_the_same_error(national_day: CalendarDay) -> None:
    out_of_scope = CalendarDay.objects.filter(kind=CalendarDay.Kind.WORKDAY)
    errors = []
    for queryset, pk in ((out_of_scope, national_day.pk), (CalendarDay.objects.all(), 999_999)):
        with pytest.raises(NotFoundError) as caught:
            get_or_not_found(queryset, pk=pk)
        errors.append((caught.value.code, caught.value.http_status, caught.value.message))
    assert errors[0] == errors[1] == ("not_found", 404, errors[0][2])


@pytest.mark.parametrize("bad_key", ["abc", None, "1; drop table"])
def test_malformed_key_is_not_found(national_day: CalendarDay, bad_key: object) -> None:
    with pytest.raises(NotFoundError):
        get_or_not_found(CalendarDay.objects.all(), pk=bad_key)
