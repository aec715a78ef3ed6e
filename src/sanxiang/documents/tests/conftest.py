"""Fixtures of the documents tests: the case tests' frozen clock and `World`, and signing keys
that live and die with the test."""

from __future__ import annotations

from typing import Any

import pytest

from sanxiang.cases.tests.conftest import clock, world

__all__ = ["clock", "world"]


@pytest.fixture(autouse=True)
def _document_keys(settings: Any, tmp_path: Any) -> None:
    settings.SANXIANG_DOCUMENTS_KEY_DIR = tmp_path / "document-keys"
