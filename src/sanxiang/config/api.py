"""The JSON API under /api/v1/ (django-ninja, OpenAPI at /api/v1/openapi.json).

Each app contributes a router from its `api.py`; every error leaves as
`{"code", "message", "extra"}` (STYLE.md convention 7).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import SessionAuth

from sanxiang.core.errors import ApplicationError

api = NinjaAPI(
    title="Sanxiang API",
    version="1.0.0",
    description="行政执法三项制度平台 — administrative law-enforcement three-systems platform.",
    urls_namespace="api",
    auth=SessionAuth(),
)


@api.exception_handler(ApplicationError)
def _application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    return api.create_response(request, exc.as_dict(), status=exc.http_status)


@api.exception_handler(ValidationError)
def _django_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    error = ApplicationError.from_validation_error(exc)
    return api.create_response(request, error.as_dict(), status=400)


@api.exception_handler(NinjaValidationError)
def _schema_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    fields: dict[str, list[str]] = {}
    for err in exc.errors:
        name = ".".join(str(part) for part in err.get("loc", ()) if part not in ("body", "query"))
        fields.setdefault(name or "__all__", []).append(str(err.get("msg", "")))
    payload = {"code": "validation", "message": "Invalid input.", "extra": {"fields": fields}}
    return api.create_response(request, payload, status=422)


@api.exception_handler(AuthenticationError)
def _authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    payload = {"code": "not_authenticated", "message": "Authentication required.", "extra": {}}
    return api.create_response(request, payload, status=401)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    payload = {"code": f"http_{exc.status_code}", "message": str(exc), "extra": {}}
    return api.create_response(request, payload, status=exc.status_code)
