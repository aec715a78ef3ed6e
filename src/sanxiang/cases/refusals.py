"""One way to refuse in the case app: an `ApplicationError` naming the field and the rule id.

The shape matches `cases.rules`: `extra["rule"]` is the rule id of legal-rules.md,
`extra["field"]` the input to fix and `extra["fields"]` the per-field messages the API renders.
"""

from __future__ import annotations

from typing import Any, NoReturn

from sanxiang.core.errors import ApplicationError

__all__ = ["refuse"]


def refuse(
    message: str, *, code: str, rule: str, field: str | None = None, **extra: Any
) -> NoReturn:
    """Raise the refusal; `message` is already translated and names the field and rule."""
    details: dict[str, Any] = {"rule": rule, **extra}
    if field is not None:
        details["field"] = field
        details["fields"] = {field: [message]}
    raise ApplicationError(message, code=code, extra=details)
