"""No CDN: every script, style and image of every page is served by the platform itself.

Government intranets have no internet (DESIGN.md decision 11). The vendor files exist after
`make install` (npm ci + scripts/vendor_assets.py).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from sanxiang.registry.models import Role
from sanxiang.web.tests.pages import asset_urls, html

pytestmark = pytest.mark.django_db


def _assert_local_assets(page: str, where: str) -> int:
    urls = asset_urls(page)
    assert urls, f"{where}: no assets found"
    for url in urls:
        assert url.startswith("/") and not url.startswith("//"), (where, url)
        assert not urlsplit(url).netloc, (where, url)
        path = urlsplit(url).path
        if path.startswith(settings.STATIC_URL):
            relative = path.removeprefix(settings.STATIC_URL)
            assert finders.find(relative), f"{where}: {url} is not a static file"
    return len(urls)


def test_base_layout_loads_bootstrap_icons_and_htmx_locally(client: Client) -> None:
    urls = asset_urls(html(client.get("/")))
    assert "/static/vendor/bootstrap/bootstrap.min.css" in urls
    assert "/static/vendor/bootstrap/bootstrap.bundle.min.js" in urls
    assert "/static/vendor/bootstrap-icons/bootstrap-icons.min.css" in urls
    assert "/static/vendor/htmx/htmx.min.js" in urls
    assert "/static/sanxiang/app.css" in urls


def test_icon_fonts_are_vendored_next_to_their_stylesheet() -> None:
    stylesheet = finders.find("vendor/bootstrap-icons/bootstrap-icons.min.css")
    assert stylesheet
    assert finders.find("vendor/bootstrap-icons/fonts/bootstrap-icons.woff2")


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/no-such-page/"])
def test_public_pages_use_local_assets_only(client: Client, url: str) -> None:
    response = client.get(url)
    _assert_local_assets(response.content.decode(), url)


@pytest.mark.parametrize("role", list(Role))
def test_staff_pages_use_local_assets_only(client: Client, login_as, role: Role) -> None:
    administrator = role == Role.ADMINISTRATOR
    login_as(role, is_staff=administrator, is_superuser=administrator)
    urls = ["/office/", "/office/me/"]
    if administrator:
        urls += ["/admin/", "/api/v1/docs"]
    for url in urls:
        _assert_local_assets(html(client.get(url)), f"{role} {url}")


def test_server_error_page_uses_local_assets_only() -> None:
    from django.template.loader import render_to_string

    _assert_local_assets(render_to_string("500.html"), "500.html")
