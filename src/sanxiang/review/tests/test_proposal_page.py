"""The handling unit's proposed decision on the review page (SAMR-PROC-52 拟作出的决定):
asked before any decision draft, typed in yuan and kept in fen, refused field by field."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sanxiang.cases.tests.factories import World, decide
from sanxiang.registry import models as m
from sanxiang.registry.tests import factories as rf
from sanxiang.review.models import LegalReview
from sanxiang.review.tests.helpers import MATERIALS, ready_case

pytestmark = pytest.mark.django_db


def _post(client: Client, case_id: int, **fields: Any) -> Any:
    body: dict[str, Any] = {"action": "submit", "materials": [str(x) for x in MATERIALS]}
    body.update(fields)
    return client.post(f"/review/cases/{case_id}/", body)


def test_proposal_fields_are_asked_before_any_draft_samr_proc_52(
    client: Client, world: World
) -> None:
    case = ready_case(world)
    client.force_login(world.handler)
    body = client.get(f"/review/cases/{case.pk}/").content.decode()
    assert 'id="proposal"' in body
    assert 'name="outcome"' in body and 'name="fine_yuan"' in body


def test_officer_proposes_a_lighter_fine_on_the_page_samr_proc_52(
    client: Client, world: World, amount_rule: m.MajorDecisionRule
) -> None:
    """After the statement the handling unit proposes 2,500.50元 instead of the notified
    3,000元 (LAW-APL-45): the round reviews that, in fen."""
    case = ready_case(world)
    client.force_login(world.handler)
    response = _post(
        client,
        case.pk,
        outcome="penalty",
        penalty_types=["fine", "confiscate_gains"],
        fine_yuan="2500.50",
        confiscation_yuan="120",
    )
    assert response.status_code == 302, response.content.decode()
    review = LegalReview.objects.get(case=case)
    assert response["Location"] == f"/review/{review.pk}/"
    assert review.proposal == {
        "outcome": "penalty",
        "penalty_types": ["confiscate_gains", "fine"],
        "fine_fen": 250_050,
        "confiscation_fen": 12_000,
    }


def test_without_a_proposal_the_notice_penalty_is_reviewed(client: Client, world: World) -> None:
    case = ready_case(world)
    client.force_login(world.handler)
    assert _post(client, case.pk, outcome="", fine_yuan="").status_code == 302
    review = LegalReview.objects.get(case=case)
    assert review.proposal["fine_fen"] == 300_000  # the notice's 3,000元


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"fine_yuan": "12.345"}, "fine_yuan", "2"),  # finer than one fen
        ({"fine_yuan": "-5"}, "fine_yuan", "0"),  # negative
        ({"fine_yuan": "三千"}, "fine_yuan", "数"),  # not a number
        ({"confiscation_yuan": "1e3x"}, "confiscation_yuan", "数"),
    ],
)
def test_a_bad_amount_is_refused_on_its_field(
    client: Client, world: World, fields: dict[str, str], field: str, message: str
) -> None:
    case = ready_case(world)
    client.force_login(world.handler)
    response = _post(client, case.pk, outcome="penalty", penalty_types=["fine"], **fields)
    assert response.status_code == 400
    errors = response.context["submit_form"].errors
    assert field in errors and message in " ".join(errors[field])
    assert fields[field] in response.content.decode()  # the input is kept
    assert not LegalReview.objects.filter(case=case).exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"fine_yuan": "2000"}, "outcome"),  # an amount without a proposed decision
        ({"outcome": "penalty", "fine_yuan": "2000"}, "penalty_types"),  # no type ticked
        ({"outcome": "penalty", "penalty_types": ["warning"], "fine_yuan": "2000"}, "fine_yuan"),
        ({"outcome": "penalty", "penalty_types": ["fine"]}, "fine_yuan"),  # fine without amount
        (
            {
                "outcome": "penalty",
                "penalty_types": ["fine"],
                "fine_yuan": "1",
                "confiscation_yuan": "5",
            },
            "confiscation_yuan",
        ),
        ({"outcome": "no_penalty", "penalty_types": ["fine"], "fine_yuan": "1"}, "penalty_types"),
    ],
)
def test_an_incoherent_proposal_is_refused_on_its_field(
    client: Client, world: World, fields: dict[str, Any], field: str
) -> None:
    case = ready_case(world)
    client.force_login(world.handler)
    response = _post(client, case.pk, **fields)
    assert response.status_code == 400
    assert field in response.context["submit_form"].errors
    assert not LegalReview.objects.filter(case=case).exists()


def test_once_a_decision_is_drafted_the_draft_is_reviewed(client: Client, world: World) -> None:
    """SAMR-PROC-52: with a draft the form asks no proposal; the draft is the decision."""
    case = decide(world, ready_case(world), approve=False, fine_fen=250_000)
    client.force_login(world.handler)
    body = client.get(f"/review/cases/{case.pk}/").content.decode()
    assert 'name="outcome"' not in body and 'id="proposal"' not in body


def test_another_agencys_officer_cannot_post_a_proposal(client: Client, world: World) -> None:
    case = ready_case(world)
    stranger = rf.UserFactory.create(role=m.Role.OFFICER, agency=rf.AgencyFactory.create())
    assert stranger.agency_id != world.agency.pk
    client.force_login(stranger)
    response = _post(client, case.pk, outcome="penalty", penalty_types=["fine"], fine_yuan="1")
    assert response.status_code == 404
    assert not LegalReview.objects.filter(case=case).exists()
