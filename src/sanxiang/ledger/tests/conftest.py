"""Ledger test isolation: a throw-away signing key, a test origin, an empty source registry."""

from __future__ import annotations

from typing import Any

import pytest

from sanxiang.ledger import services, sources


@pytest.fixture(autouse=True)
def _ledger_isolation(settings: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.SANXIANG_LEDGER_KEY_FILE = tmp_path / "ledger" / "checkpoint.key"
    settings.SANXIANG_LEDGER_ORIGIN = "sanxiang.test/ledger"
    settings.SANXIANG_LEDGER_CHECKPOINT_SECONDS = 3600
    monkeypatch.setattr(services, "_next_check", 0.0)
    monkeypatch.setattr(sources, "_LEAF_SOURCES", {})
    monkeypatch.setattr(sources, "_FILE_CHECKS", {})
