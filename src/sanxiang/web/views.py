"""Pages of the web shell: the staff workspace home and the account page (the public portal
at `/` is the publicity app's home).

Thin by design: each view asks `dashboards` or `selectors` for its data and renders.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sanxiang.registry.models import User
from sanxiang.registry.selectors import user_profile_get
from sanxiang.web import selectors
from sanxiang.web.dashboards import certificate_rows, dashboard_for


class AuthenticatedRequest(HttpRequest):
    """A request that `login_required` has let through: its user is a platform account."""

    user: User


@login_required
def office_home(request: AuthenticatedRequest) -> HttpResponse:
    dashboard = dashboard_for(user=request.user, today=timezone.localdate())
    return render(request, "web/office_home.html", {"dashboard": dashboard})


@login_required
def me(request: AuthenticatedRequest) -> HttpResponse:
    profile = user_profile_get(user=request.user)
    officer = selectors.officer_get_own(user=request.user)
    certificates = certificate_rows(officer, timezone.localdate()) if officer else []
    return render(
        request,
        "web/me.html",
        {"profile": profile, "officer": officer, "certificates": certificates},
    )
