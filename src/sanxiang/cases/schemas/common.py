"""The error shape every endpoint documents, small references, and shared field types."""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from django.utils import timezone
from ninja import Schema
from pydantic import AfterValidator, Field

from sanxiang.registry.models import User

__all__ = [
    "LIST_DOCS",
    "LIST_ERRORS",
    "READ_DOCS",
    "READ_ERRORS",
    "WRITE_DOCS",
    "WRITE_ERRORS",
    "ErrorOut",
    "LocalDateTime",
    "UserRefOut",
]


class ErrorOut(Schema):
    """The one error shape (STYLE 7)."""

    code: str = Field(description="Stable dotted code, e.g. `cases.delivery.no_consent`.")
    message: str = Field(
        description="In the active language (Chinese by default); names the field and rule id."
    )
    extra: dict[str, Any] = Field(
        description=(
            "`fields`: field → messages; `rule`: the rule id (legal-rules.md); `field`: the "
            "input to fix; plus details of the refusal (e.g. `missing` stages of LAW-APL-47)."
        )
    )


LIST_ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 422: ErrorOut}
READ_ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS: dict[int, type[Schema]] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ErrorOut,
}
_DESCRIPTIONS = {
    400: "Refused: a guard or check of the legal rules failed (`extra.rule`, `extra.fields`); "
    "nothing was written.",
    401: "Not signed in.",
    403: "The case is visible but the user may not do this (role, approval level, CSRF).",
    404: "No such record, or not visible to the user: the same body either way.",
    422: "Malformed input (`extra.fields`).",
}
LIST_DOCS: dict[str, Any] = {
    "responses": {code: {"description": _DESCRIPTIONS[code]} for code in LIST_ERRORS}
}
READ_DOCS: dict[str, Any] = {
    "responses": {code: {"description": _DESCRIPTIONS[code]} for code in READ_ERRORS}
}
WRITE_DOCS: dict[str, Any] = {
    "responses": {code: {"description": _DESCRIPTIONS[code]} for code in WRITE_ERRORS}
}


def _aware(value: datetime.datetime) -> datetime.datetime:
    """A time without an offset is taken as Asia/Shanghai (the platform's time zone)."""
    return timezone.make_aware(value) if timezone.is_naive(value) else value


# An ISO 8601 date-time; without an offset it is local time (Asia/Shanghai).
LocalDateTime = Annotated[datetime.datetime, AfterValidator(_aware)]


class UserRefOut(Schema):
    id: int
    name: str

    @staticmethod
    def resolve_name(obj: User) -> str:
        return obj.display_name
