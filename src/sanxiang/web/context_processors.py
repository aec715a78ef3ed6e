"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from sanxiang.web.navigation import nav_items_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    """`nav_items`: the navbar of the signed-in user's role (none for the public)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    return {"nav_items": nav_items_for(user.role, current_path=request.path)}
