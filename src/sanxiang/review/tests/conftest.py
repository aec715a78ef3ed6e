"""Fixtures of the review tests: the case tests' frozen clock and `World`, plus a legal reviewer
with the qualification and an amount rule that makes the world's 3000元 fine a major decision."""

from __future__ import annotations

import pytest

from sanxiang.cases.tests.conftest import clock  # noqa: F401 - fixture
from sanxiang.cases.tests.conftest import world as world
from sanxiang.cases.tests.factories import World
from sanxiang.registry import models as m
from sanxiang.review.tests.factories import make_reviewer


@pytest.fixture
def reviewer(world: World) -> m.User:
    return make_reviewer(world.agency)


@pytest.fixture
def amount_rule(world: World) -> m.MajorDecisionRule:
    """Fines of 2000元 or more are major decisions in the world's agency."""
    return m.MajorDecisionRule.objects.create(
        agency=world.agency,
        name="罚款二千元以上",
        trigger=m.MajorDecisionTrigger.AMOUNT,
        amount_fen=200_000,
        legal_basis="测试目录",
    )
