"""Publication, withdrawal and display deadlines (GUO-118-06a/b, LAW-APL-48, SAMR-PUB-13,
GUO-118-06d), across the holidays of the official calendar."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.publicity import deadlines as d

pytestmark = pytest.mark.django_db  # working days read the holiday overrides table
D = datetime.date


def test_penalty_decided_on_a_monday_is_due_on_the_following_wednesday_guo_118_06b() -> None:
    # GUO-118-06b's own example: Monday 2025-03-03, no holiday → 7 working days.
    due = d.publication_due(act_type="penalty", is_penalty=True, decided_on=D(2025, 3, 3))
    assert due == d.Due(D(2025, 3, 12), "GUO-118-06b")


def test_licensing_is_7_working_days_across_national_day_guo_118_06b() -> None:
    # 2025-10-01..08 are holidays; Saturday 2025-10-11 is a make-up working day.
    due = d.publication_due(act_type="licensing", is_penalty=False, decided_on=D(2025, 9, 30))
    assert due.on == D(2025, 10, 16)
    assert due.rule == "GUO-118-06b"


def test_other_decisions_are_20_working_days_across_spring_festival_guo_118_06a() -> None:
    # 2025-01-28..02-04 are holidays; Sunday 01-26 and Saturday 02-08 are working days.
    due = d.publication_due(act_type="inspection", is_penalty=False, decided_on=D(2025, 1, 20))
    assert due == d.Due(D(2025, 2, 21), "GUO-118-06a")


def test_a_decision_not_to_penalise_gets_20_working_days_guo_118_06a() -> None:
    due = d.publication_due(act_type="penalty", is_penalty=False, decided_on=D(2025, 3, 3))
    assert due == d.Due(D(2025, 3, 31), "GUO-118-06a")


@pytest.mark.parametrize(
    ("started", "expected"),
    [
        (D(2025, 3, 3), D(2025, 3, 6)),  # Monday → Thursday
        (D(2025, 1, 27), D(2025, 2, 7)),  # Spring Festival in between
        (D(2025, 9, 30), D(2025, 10, 11)),  # National Day; 10-11 is a make-up working day
    ],
)
def test_withdrawal_is_due_in_3_working_days_law_apl_48(started, expected) -> None:
    assert d.withdrawal_due(started_on=started) == d.Due(expected, "LAW-APL-48")


@pytest.mark.parametrize(
    ("types", "fine", "short"),
    [
        (["public_criticism"], 0, True),
        (["warning"], 0, True),
        (["fine"], 1_000_000, True),
        (["warning", "fine"], 1_000_001, False),
        (["fine", "revoke_licence"], 100, False),
        ([], 0, False),
    ],
)
def test_display_period_kind_samr_pub_13(types, fine, short) -> None:
    assert d.is_short_display(penalty_types=types, fine_fen=fine, low_fine_fen=1_000_000) is short


def test_display_months_samr_pub_13() -> None:
    kw = {"short_months": 3, "long_months": 36, "other_months": 24}
    assert d.display_months(act_type="penalty", short=True, **kw) == 3
    assert d.display_months(act_type="penalty", short=False, **kw) == 36
    assert d.display_months(act_type="licensing", short=True, **kw) == 24
    assert d.add_months(D(2025, 11, 30), 3) == D(2026, 2, 28)


def test_yearly_report_is_due_by_31_january_guo_118_06d() -> None:
    assert d.yearly_report_due(2025) == D(2026, 1, 31)
