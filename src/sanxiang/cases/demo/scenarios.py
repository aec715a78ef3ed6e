"""Every demo scenario by key: general-procedure penalties, on-the-spot penalties, other acts."""

from __future__ import annotations

from sanxiang.cases.demo.scenarios_acts import ACT_SCENARIOS, ActScenario
from sanxiang.cases.demo.scenarios_city import CITY_SCENARIOS
from sanxiang.cases.demo.scenarios_environment import ENVIRONMENT_SCENARIOS, FINANCE_SCENARIOS
from sanxiang.cases.demo.scenarios_food import FOOD_SCENARIOS
from sanxiang.cases.demo.scenarios_market import MARKET_SCENARIOS
from sanxiang.cases.demo.scenarios_onspot import ONSPOT_SCENARIOS, OnSpotScenario
from sanxiang.cases.demo.scenarios_security import SECURITY_SCENARIOS
from sanxiang.cases.demo.stories import Scenario

__all__ = ["ACTS", "ONSPOT", "SCENARIOS"]

SCENARIOS: dict[str, Scenario] = {
    scenario.key: scenario
    for scenario in (
        *FOOD_SCENARIOS,
        *MARKET_SCENARIOS,
        *CITY_SCENARIOS,
        *SECURITY_SCENARIOS,
        *ENVIRONMENT_SCENARIOS,
        *FINANCE_SCENARIOS,
    )
}
ONSPOT: dict[str, OnSpotScenario] = {scenario.key: scenario for scenario in ONSPOT_SCENARIOS}
ACTS: dict[str, ActScenario] = {scenario.key: scenario for scenario in ACT_SCENARIOS}
