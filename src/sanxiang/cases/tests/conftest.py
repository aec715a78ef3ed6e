"""Fixtures of the case tests: a frozen clock on a plain working Monday and a `World`."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine

from sanxiang.cases.tests.factories import BASE_DAY, World, at, make_world


class Clock:
    """The frozen test clock; `go(day)` moves it to 10:00 Asia/Shanghai on `day`."""

    def __init__(self, traveller: Any) -> None:  # time_machine's Coordinates
        self._traveller = traveller

    def go(self, day: datetime.date) -> None:
        self._traveller.move_to(at(day))


@pytest.fixture
def clock() -> Iterator[Clock]:
    with time_machine.travel(at(BASE_DAY), tick=False) as traveller:
        yield Clock(traveller)


@pytest.fixture
def world(db: None, clock: Clock) -> World:
    return make_world()
