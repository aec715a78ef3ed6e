"""Generic access helper: one answer for "missing" and "not yours" (Zulip `access_*`).

Contract: an app's access function first narrows a queryset to what the user may see, then asks
`get_or_not_found` for the one object. Whether the row does not exist or exists outside the
user's scope, the caller gets the same `NotFoundError` (HTTP 404, code `not_found`), so the
answer never reveals that another agency's record exists (DESIGN.md §1). Core knows nothing of
the domain: scoping is the app's job.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models

from sanxiang.core.errors import NotFoundError

__all__ = ["get_or_not_found"]

ModelT = TypeVar("ModelT", bound=models.Model)


def get_or_not_found(queryset: models.QuerySet[ModelT], **lookup: Any) -> ModelT:
    """The single object of `queryset` matching `lookup`, or `NotFoundError`.

    A lookup value of the wrong shape (e.g. "abc" for an integer key) is also "not found",
    never a server error. More than one match is a programming error and is not caught.
    """
    try:
        return queryset.get(**lookup)
    except (ObjectDoesNotExist, ValueError, TypeError, ValidationError):
        raise NotFoundError() from None
