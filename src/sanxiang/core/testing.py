"""Assertions shared by every app's tests (imported by tests only)."""

from __future__ import annotations

from typing import Any


def assert_api_error(response: Any, code: str, status: int | None = None) -> dict[str, Any]:
    """Assert the response is the one error shape with the stable `code`."""
    body: dict[str, Any] = response.json()
    assert set(body) == {"code", "message", "extra"}, body
    assert body["code"] == code, body
    if status is not None:
        assert response.status_code == status, (response.status_code, body)
    return body
