"""Shared bits of the publicity views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.http import Http404, HttpRequest, HttpResponse

from sanxiang.core.errors import NotFoundError

V = TypeVar("V", bound=Callable[..., HttpResponse])


def not_found_as_404(view: V) -> V:
    """Render `NotFoundError` (missing or out of scope) as the 404 page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFoundError as exc:
            raise Http404(str(exc)) from exc

    return wrapper  # type: ignore[return-value]
