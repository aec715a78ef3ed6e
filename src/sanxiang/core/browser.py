"""A real headless Chromium for the browser tests (imported by tests only).

Selenium drives Debian's `chromium` through `chromedriver` on a phone-sized viewport. Tests
mark themselves with `requires_browser` (outside CI, skipped, naming what is missing, when
selenium, chromium or chromedriver is absent; `scripts/install-browser.sh` installs the Debian
packages) and take the `browser` fixture of the root conftest.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

__all__ = ["PHONE", "browser_missing", "phone_browser", "requires_browser", "sign_in"]

CHROMIUM = os.environ.get("SANXIANG_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("SANXIANG_CHROMEDRIVER") or shutil.which("chromedriver") or ""
PHONE = (390, 844)
# Headless, and quiet: the machine's network is closed, so no background connections.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    f"--window-size={PHONE[0]},{PHONE[1]}",
)


def _selenium_installed() -> bool:
    try:
        import selenium  # noqa: F401
    except ImportError:  # pragma: no cover - selenium is a dev dependency
        return False
    return True


def browser_missing() -> list[str]:
    """What the browser tests need and this machine lacks."""
    return [
        what
        for what, ok in (
            ("selenium", _selenium_installed()),
            (CHROMIUM, os.access(CHROMIUM, os.X_OK)),
            ("chromedriver", bool(CHROMEDRIVER) and os.access(CHROMEDRIVER, os.X_OK)),
        )
        if not ok
    ]


# On a developer's machine a missing browser skips the tests, saying what is missing; in CI
# (`CI` set, as `.ci/run` is run) `make test` installs it, so a missing browser fails instead.
requires_browser = pytest.mark.skipif(
    bool(browser_missing()) and not os.environ.get("CI"),
    reason=f"browser tests need {', '.join(browser_missing())}",
)


@contextmanager
def phone_browser() -> Iterator[Any]:
    """A Chromium driver on a phone-sized window, quit afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_window_size(*PHONE)
    driver.implicitly_wait(5)
    try:
        yield driver
    finally:
        driver.quit()


def sign_in(driver: Any, base_url: str, user: Any) -> None:
    """Give the browser the session cookie of `user` (the login page has its own tests)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    driver.get(base_url + "/static/vendor/tus/tus.min.js")  # any page of the host
    driver.delete_all_cookies()
    name = settings.SESSION_COOKIE_NAME
    driver.add_cookie({"name": name, "value": client.cookies[name].value, "path": "/"})
