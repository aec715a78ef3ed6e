"""The JSON API under /api/v1/ (django-ninja, OpenAPI at /api/v1/openapi.json).

Each app contributes a router from its `api.py`; every error leaves as
`{"code", "message", "extra"}` (STYLE.md convention 7).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import SessionAuth

from sanxiang.core.errors import ApplicationError

api = NinjaAPI(
    title="Sanxiang API",
    version="1.0.0",
    description="""行政执法三项制度平台 — administrative law-enforcement three-systems platform.

**Authentication.** The browser's Django session (the `sessionid` cookie). A session-authenticated
`POST`, `PUT`, `PATCH` or `DELETE` needs Django's CSRF token in the `X-CSRFToken` header (the
value of the `csrftoken` cookie); without it the answer is 403 `http_403`. Agency systems will
authenticate with tokens, without CSRF (issue "exchange").

**Errors.** Every error has one shape, `{"code", "message", "extra"}`: `code` is stable and dotted
(`cases.delivery.no_consent`), `message` is in the active language (Chinese unless the user chose
English) and names the field and the rule id, `extra.fields` maps each field to its messages and
`extra.rule` is the rule id of the legal rules. 400: a refused step or invalid value; 401: not
signed in; 403: the user may see the record but not do this; 404: the record does not exist *or*
the user may not see it (the same body, so nothing is revealed); 422: malformed input.

**Values.** Money is integer fen (fields ending in `_fen`); dates and times are ISO 8601.""",
    urls_namespace="api",
    auth=SessionAuth(),
)


@api.exception_handler(ApplicationError)
def _application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    payload = exc.as_dict()
    extra = payload["extra"]
    if "field" in extra and "fields" not in extra:
        # A refusal naming one field (e.g. `cases.rules`) lists it under `fields` too.
        payload["extra"] = {**extra, "fields": {str(extra["field"]): [exc.message]}}
    return api.create_response(request, payload, status=exc.http_status)


@api.exception_handler(ValidationError)
def _django_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    error = ApplicationError.from_validation_error(exc)
    return api.create_response(request, error.as_dict(), status=400)


def _input_error_message(error: Mapping[str, Any]) -> str:
    """A Pydantic error in the active language, with Django's own (translated) form messages."""
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind.startswith("int_"):
        return _("Enter a whole number.")
    if kind.startswith("datetime_"):
        return _("Enter a valid date/time.")
    if kind.startswith("date_"):
        return _("Enter a valid date.")
    if kind in ("enum", "literal_error"):
        return _("Select a valid choice. That choice is not one of the available choices.")
    if kind == "greater_than_equal":
        return _("Ensure this value is greater than or equal to %(limit_value)s.") % {
            "limit_value": ctx.get("ge")
        }
    if kind == "less_than_equal":
        return _("Ensure this value is less than or equal to %(limit_value)s.") % {
            "limit_value": ctx.get("le")
        }
    if kind == "string_too_long":
        limit = int(ctx.get("max_length", 0))
        return ngettext(
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            limit,
        ) % {"limit_value": limit, "show_value": len(str(error.get("input", "")))}
    return _("Enter a valid value.")


@api.exception_handler(NinjaValidationError)
def _schema_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    fields: dict[str, list[str]] = {}
    for err in exc.errors:
        parts = err.get("loc", ())
        name = ".".join(str(part) for part in parts if part not in ("body", "query", "path"))
        if len(parts) > 1 and parts[0] == "body" and isinstance(parts[1], str):
            # ninja names the body after the view's parameter: "body.data.fine_fen" → "fine_fen".
            name = ".".join(str(part) for part in parts[2:]) or name
        fields.setdefault(name or "__all__", []).append(_input_error_message(err))
    first_field, first_messages = next(iter(fields.items()), ("__all__", [""]))
    message = _("%(field)s: %(message)s") % {"field": first_field, "message": first_messages[0]}
    payload = {"code": "validation", "message": message, "extra": {"fields": fields}}
    return api.create_response(request, payload, status=422)


@api.exception_handler(AuthenticationError)
def _authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    payload = {"code": "not_authenticated", "message": _("Authentication required."), "extra": {}}
    return api.create_response(request, payload, status=401)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    payload = {"code": f"http_{exc.status_code}", "message": str(exc), "extra": {}}
    return api.create_response(request, payload, status=exc.status_code)
