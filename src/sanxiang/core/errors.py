"""One error type with stable codes (HackSoft + Zulip).

Services raise `ApplicationError`; the API renders it as `{"code", "message", "extra"}` (field
errors under `extra["fields"]`), and HTML views show the message while keeping the user's input.
Codes are stable, dotted and English (`certificate.expired`); messages are translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class ApplicationError(Exception):
    """A refusal the user can act on: which field, which rule, and why."""

    http_status = 400

    def __init__(self, message: str, *, code: str, extra: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.extra: dict[str, Any] = dict(extra or {})

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "extra": self.extra}

    @classmethod
    def from_validation_error(cls, error: ValidationError) -> ApplicationError:
        """Wrap a Django `ValidationError` (e.g. from `full_clean`) keeping per-field messages."""
        if hasattr(error, "error_dict"):
            fields = {
                name: [str(m) for m in ValidationError(errs).messages]
                for name, errs in error.error_dict.items()
            }
            first_field, first_messages = next(iter(fields.items()))
            message = _("%(field)s: %(message)s") % {
                "field": first_field,
                "message": first_messages[0],
            }
            return cls(message, code="validation", extra={"fields": fields})
        return cls("; ".join(error.messages), code="validation")


class NotFoundError(ApplicationError):
    """The object does not exist *or* the user may not see it: both look the same."""

    http_status = 404

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("Not found."), code="not_found")


class PermissionDeniedError(ApplicationError):
    """The user may see the object but not do this to it."""

    http_status = 403

    def __init__(self, message: str | None = None, *, code: str = "permission_denied") -> None:
        super().__init__(message or _("You are not allowed to do this."), code=code)
