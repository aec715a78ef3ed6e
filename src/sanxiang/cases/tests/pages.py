"""Driving the case pages in tests as a user would: open a page, read it, post a form."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

from sanxiang.cases.models import Case
from sanxiang.registry.models import User

_CSRF = re.compile(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+')


def case_url(case: Case | int, slug: str = "", target: int | None = None) -> str:
    pk = case if isinstance(case, int) else case.pk
    if not slug:
        return f"/office/cases/{pk}/"
    if target is None:
        return f"/office/cases/{pk}/do/{slug}/"
    return f"/office/cases/{pk}/do/{slug}/{target}/"


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def submit(client: Client, url: str, data: dict[str, Any]) -> Any:
    """POST a form that must be accepted: the answer redirects back to a case page."""
    response = client.post(url, data)
    if response.status_code != 302:
        body = response.content.decode()
        refusal = re.search(r'data-refusal="[^"]*".*?</div>', body, re.S)
        errors = re.findall(r'data-error-for="([^"]+)">([^<]+)<', body)
        raise AssertionError((url, response.status_code, refusal and refusal.group(0), errors))
    return response


def refused(client: Client, url: str, data: dict[str, Any]) -> str:
    """POST a form that the service must refuse; the form comes back with the user's input."""
    response = client.post(url, data)
    assert response.status_code == 422, (url, response.status_code)
    return response.content.decode()


def field_error(body: str, field: str) -> str:
    """The error shown under `field` (empty if none)."""
    found = re.findall(rf'data-error-for="{field}">([^<]+)<', body)
    return " ".join(found)


def decide_pending(client: Client, case: Case, user: User, *, opinion: str = "同意") -> int:
    """Log in as `user`, open the case page and approve every approval it offers them."""
    client.force_login(user)
    ids = re.findall(r'data-decide="(\d+)"', page(client, case_url(case)))
    for approval_id in ids:
        submit(
            client,
            case_url(case, "approval-decide", int(approval_id)),
            {"approve": "1", "opinion": opinion},
        )
    return len(ids)


def without_csrf(body: bytes) -> str:
    return _CSRF.sub(r"\1", body.decode())


def status_of(case: Case) -> str:
    case.refresh_from_db()
    return case.status
