"""The public reaches only what is public: every API operation and every staff page refuses an
anonymous visitor, whichever app added it (the public portal, `/api/v1/public/` and the ledger
are the exceptions, and have their own tests, e.g. publicity's anonymous crawl)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from sanxiang.cases.tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

PUBLIC_API = re.compile(r"^/api/v1/(public/|ledger/|openapi\.json$|docs$)")
STAFF_PAGES = re.compile(r"^/(office|review|admin)/")
PARAM = re.compile(r"\{[^}]+\}")


def _api_operations(client: Client) -> list[tuple[str, str]]:
    spec: dict[str, Any] = client.get("/api/v1/openapi.json").json()
    return [
        (method, path)
        for path, item in spec["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def test_every_non_public_api_operation_refuses_the_anonymous(client: Client) -> None:
    case = CaseFactory.create()
    operations = [(m, p) for m, p in _api_operations(client) if not PUBLIC_API.match(p)]
    assert len(operations) > 50  # every app's routers are mounted
    let_through = []
    for method, path in operations:
        url = PARAM.sub(str(case.pk), path)
        response = getattr(client, method)(url, content_type="application/json", data={})
        if response.status_code not in (401, 403, 404, 405):
            let_through.append((method, path, response.status_code))
    assert not let_through


def _routes(resolver: URLResolver, prefix: str = "") -> list[str]:
    found: list[str] = []
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += _routes(pattern, route)
        elif isinstance(pattern, URLPattern):
            found.append(route)
    return found


def test_every_staff_page_sends_the_anonymous_to_sign_in_or_not_found(client: Client) -> None:
    case = CaseFactory.create()
    pages = sorted(
        {
            "/" + re.sub(r"<[^>]+>", str(case.pk), route).lstrip("^").rstrip("$")
            for route in _routes(get_resolver())
            if "(?P" not in route
        }
    )
    sign_in_out = re.compile(r"log(in|out)/$")
    staff = [page for page in pages if STAFF_PAGES.match(page) and not sign_in_out.search(page)]
    assert len(staff) > 30
    let_through = []
    for page in staff:
        response = client.get(page)
        if response.status_code == 200:
            let_through.append(page)
        elif response.status_code == 302:
            assert "login" in response["Location"], (page, response["Location"])
    assert not let_through
