"""Migrations that touch existing rows: data written under the old schema survives the new one."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sanxiang.registry.tests.factories import make_credit_code

BEFORE = [("registry", "0001_initial")]
AFTER = [("registry", "0002_tier_fine_basis_detention_party_scope")]


@pytest.fixture
def executor(transactional_db: None) -> Iterator[MigrationExecutor]:
    """Starts at `BEFORE`; brings every app back to its latest migration afterwards."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _state(executor: MigrationExecutor, targets: list[tuple[str, str]]) -> Apps:
    return executor.loader.project_state(targets).apps


def test_0002_keeps_tiers_fixed_and_renames_duplicate_rule_names(executor) -> None:
    old = _state(executor, BEFORE)
    region = old.get_model("registry", "Region").objects.create(code="120000", name="天津市")
    agency = old.get_model("registry", "Agency").objects.create(
        name="天津市市场监督管理委员会",
        short_name="市场监管委",
        credit_code=make_credit_code(1),
        kind="department",
        region=region,
    )
    item = old.get_model("registry", "PowerItem").objects.create(
        agency=agency, code="CF-1", name="对经营超过保质期食品的处罚", act_type="penalty"
    )
    standard = old.get_model("registry", "DiscretionStandard").objects.create(
        power_item=item,
        code="CL-1",
        title="经营超过保质期的食品",
        effective_from=datetime.date(2024, 1, 1),
    )
    tier = old.get_model("registry", "DiscretionTier").objects.create(
        standard=standard,
        order=1,
        level="一般",
        circumstance="货值金额不足一万元",
        fine_min_fen=5_000_000,
        fine_max_fen=7_000_000,
        penalty_types=["fine"],
    )
    rules = old.get_model("registry", "MajorDecisionRule").objects
    first, second = (
        rules.create(
            name="经过听证程序作出的决定", trigger="hearing_held", legal_basis="第五十八条"
        )
        for _ in range(2)
    )
    own = rules.create(
        agency=agency, name=first.name, trigger="hearing_held", legal_basis="第五十八条"
    )

    executor.loader.build_graph()
    executor.migrate(AFTER)

    new = _state(executor, AFTER)
    migrated = new.get_model("registry", "DiscretionTier").objects.get(pk=tier.pk)
    assert (migrated.fine_basis, migrated.party_scope) == ("fixed", "any")
    assert (migrated.fine_min_fen, migrated.fine_max_multiple) == (5_000_000, None)
    assert migrated.detention_days_max is None
    names = dict(new.get_model("registry", "MajorDecisionRule").objects.values_list("pk", "name"))
    # The oldest keeps its name; the duplicate is kept, renamed; another catalogue is untouched.
    assert names == {
        first.pk: "经过听证程序作出的决定",
        second.pk: f"经过听证程序作出的决定（重复 #{second.pk}）",
        own.pk: "经过听证程序作出的决定",
    }
