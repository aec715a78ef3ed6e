"""Request middleware of the web layer."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class ChineseByDefaultMiddleware:
    """Make Simplified Chinese the language unless the user chose another.

    Django's `LocaleMiddleware` would follow the browser's Accept-Language header, so a civil
    servant whose browser happens to be English would get an English UI. The platform's
    language is Chinese; English is an explicit choice made with the language switch (kept in
    the language cookie), so the header is ignored.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
