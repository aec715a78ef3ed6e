"""Shared pytest fixtures: the one base of every test (STYLE.md convention 10)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client

from sanxiang.registry.models import Role, User
from sanxiang.registry.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _test_settings(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    # Private files (evidence, issued documents) of a test live and die with the test.
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }
    # A test that signs a ledger checkpoint must not leave a signing key in the checkout.
    settings.SANXIANG_LEDGER_KEY_FILE = tmp_path / "ledger" / "checkpoint.key"
    # Factories hash a password per account; the real hasher would dominate the suite's time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def browser() -> Iterator[Any]:
    """A real headless Chromium on a phone-sized viewport (`sanxiang.core.browser`)."""
    from sanxiang.core.browser import phone_browser

    with phone_browser() as driver:
        yield driver


@pytest.fixture
def login_as(client: Client, db: None) -> Callable[..., User]:
    """Log the test client in as a new user of `role` (extra fields go to the factory)."""

    def _login(role: str = Role.OFFICER, **fields: Any) -> User:
        user: User = UserFactory.create(role=role, **fields)
        client.force_login(user)
        return user

    return _login
