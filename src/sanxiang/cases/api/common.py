"""What every case endpoint shares: the signed-in actor and the records a request names."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError

from sanxiang.core.errors import ApplicationError, NotFoundError
from sanxiang.registry.models import User

__all__ = ["actor", "reference"]

T = TypeVar("T")


def actor(request: HttpRequest) -> User:
    """The signed-in account (the API's session authentication has let it through)."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise AuthenticationError
    return user


def reference(field: str, lookup: Callable[[], T]) -> T:
    """The record an input field names by id, looked up inside what the user may see.

    An id that names nothing the user may use is an invalid value of that field (400
    `validation`, `extra.fields[field]`), not a missing page: the request's own resource
    exists. The lookup's `NotFoundError` says the same for a record of another agency.
    """
    try:
        return lookup()
    except NotFoundError:
        message = _("Select a valid choice. That choice is not one of the available choices.")
        raise ApplicationError(
            _("%(field)s: %(message)s") % {"field": field, "message": message},
            code="validation",
            extra={"field": field, "fields": {field: [message]}},
        ) from None
