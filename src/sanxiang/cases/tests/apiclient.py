"""The case API through Django's test client, for `test_api*.py` and `test_journeys_api.py`.

`CaseApi` signs in as one user at a time and checks every answer's status; approvals are given
the way the heads give them, from their inbox (STYLE 10: tests go through real entry points).
"""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from sanxiang.cases.models import Approval, Case, CaseEvent
from sanxiang.core.testing import assert_api_error
from sanxiang.registry.models import User
from sanxiang.registry.tests import factories as rf

API = "/api/v1"


class CaseApi:
    """`get`/`post`/`put`/`patch`/`delete` return the JSON body after checking the status;
    `refused` checks the one error shape with its code."""

    def __init__(self, client: Client, user: User) -> None:
        self.client = client
        self.user = user
        client.force_login(user)

    def login(self, user: User) -> CaseApi:
        self.user = user
        self.client.force_login(user)
        return self

    def _send(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        if method == "get":
            return self.client.get(API + path, params)
        call = getattr(self.client, method)
        payload = json.dumps({} if body is None else body, default=str)
        return call(API + path, payload, content_type="application/json")

    def _checked(self, response: Any, expect: int) -> Any:
        body = response.json() if response.content else None
        assert response.status_code == expect, (response.status_code, body)
        return body

    def get(self, path: str, *, expect: int = 200, **params: Any) -> Any:
        return self._checked(self._send("get", path, **params), expect)

    def post(self, path: str, body: Any = None, *, expect: int = 200) -> Any:
        return self._checked(self._send("post", path, body), expect)

    def put(self, path: str, body: Any = None, *, expect: int = 200) -> Any:
        return self._checked(self._send("put", path, body), expect)

    def patch(self, path: str, body: Any = None, *, expect: int = 200) -> Any:
        return self._checked(self._send("patch", path, body), expect)

    def delete(self, path: str, *, expect: int = 204) -> Any:
        return self._checked(self._send("delete", path), expect)

    def refused(
        self, method: str, path: str, body: Any = None, *, code: str, status: int = 400
    ) -> dict[str, Any]:
        """Assert the call is refused with `code` and `status` in the one error shape."""
        return assert_api_error(self._send(method, path, body), code, status)

    def case(self, case_id: int) -> dict[str, Any]:
        body: dict[str, Any] = self.get(f"/cases/{case_id}")
        return body

    def status(self, case_id: int) -> str:
        return str(self.case(case_id)["status"])

    def approve(self, case_id: int, *approvers: User, opinion: str = "同意") -> None:
        """Each approver in turn approves what waits for them on the case, from their inbox;
        then the API is signed in as before."""
        me = self.user
        for approver in approvers:
            self.login(approver)
            waiting = [a for a in self.get("/inbox")["approvals"] if a["case"]["id"] == case_id]
            assert waiting, f"nothing waits for {approver} on case {case_id}"
            for approval in waiting:
                self.post(
                    f"/approvals/{approval['id']}/decision", {"approve": True, "opinion": opinion}
                )
        self.login(me)


def written(case: Case) -> tuple[object, int, int]:
    """What a refused call must leave as it was: the case row, its events, its approvals."""
    return (
        Case.objects.values().get(pk=case.pk),
        CaseEvent.objects.filter(case=case).count(),
        Approval.objects.filter(case=case).count(),
    )


def assert_rule(body: dict[str, Any], rule: str, field: str | None = None) -> None:
    """The refusal cites `rule` in `extra.rule` and in its message, and names the field."""
    assert body["extra"]["rule"] == rule, body
    assert rule in body["message"], body
    if field is not None:
        assert field in body["extra"]["fields"], body


def party_json(**overrides: Any) -> dict[str, Any]:
    """A natural person as the API takes it (valid GB 11643 number, born 1985-03-12)."""
    values = {
        "kind": "natural_person",
        "name": "张三",
        "id_number": rf.make_resident_id(7, birth="19850312"),
        "address": "天津市和平区南京路1号",
    }
    return {**values, **overrides}
