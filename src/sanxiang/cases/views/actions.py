"""One form per action, each a thin view over the matching service.

`ACTIONS` is the table of every form the case page offers: its form, the service call that
performs it, where it applies (states, tracks, roles — a hint for the page; the services
decide) and, for an action on one record of the case (a party, an approval, a hearing…), the
relation that holds that record. `case_action` is the one view behind all of them:

- the case is looked up in the user's scope (404 for another agency's case, GET and POST),
  then the user must be the agency's enforcement staff (403 for read-only roles);
- GET shows the form; POST validates it and calls the service; a refused call
  (`ApplicationError`) shows the form again with the message on the field it names and the
  user's input kept — the services are atomic, so nothing was half-written;
- success records a message and returns to the case page.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from sanxiang.cases.choices import CaseStatus, Track
from sanxiang.cases.forms.base import ActionForm
from sanxiang.cases.models import Case
from sanxiang.cases.views.base import CaseRequest, case_or_404, child_or_404, require_writer
from sanxiang.core.errors import ApplicationError, NotFoundError
from sanxiang.registry.models import User

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

__all__ = ["ACTIONS", "Action", "ActionContext", "case_action", "listed_actions", "register"]

ALL_TRACKS = frozenset(Track)


@dataclass(frozen=True)
class ActionContext:
    """What a service call needs besides the form's values."""

    case: Case
    user: User
    target: Any


@dataclass(frozen=True)
class Action:
    """One form of the case page and the service it calls."""

    slug: str
    title: StrOrPromise
    form: type[ActionForm]
    perform: Callable[[ActionContext, dict[str, Any]], object]
    # For an action on one record of the case: the case's related manager that holds it.
    target: str | None = None
    # Where the case page lists the action (None: only as a step of the workflow, or inline).
    states: Collection[str] | None = None
    tracks: Collection[str] = ALL_TRACKS
    roles: Collection[str] | None = None
    applies: Callable[[Case], bool] | None = None
    # The legal basis shown under the title, and a template shown above the form.
    rule: str = ""
    intro: str = ""
    # More context for `intro`, computed from the case (e.g. the hearing thresholds).
    extra_context: Callable[[Case, User], dict[str, Any]] | None = None
    section: str = ""  # anchor of the case page to return to
    icon: str = "pencil-square"
    danger: bool = False

    def offered(self, case: Case, user: User) -> bool:
        """Whether the case page lists this action for `case` now (a hint, not a check)."""
        if self.target is not None or self.states is None:
            return False
        if case.status not in self.states or case.track not in self.tracks:
            return False
        if self.roles is not None and user.role not in self.roles:
            return False
        return self.applies is None or self.applies(case)


ACTIONS: dict[str, Action] = {}


def register(*actions: Action) -> None:
    for action in actions:
        if action.slug in ACTIONS:
            raise ValueError(f"Action {action.slug!r} is registered twice")
        ACTIONS[action.slug] = action


def listed_actions(case: Case, user: User, *, exclude: Collection[str] = ()) -> list[Action]:
    """The record actions the case page offers `user` now, in table order."""
    return [a for a in ACTIONS.values() if a.offered(case, user) and a.slug not in exclude]


def case_url(case: Case, section: str = "") -> str:
    url = reverse("cases:detail", args=[case.pk])
    return f"{url}#{section}" if section else url


@login_required
def case_action(
    request: CaseRequest, case_id: int, slug: str, target_id: int | None = None
) -> HttpResponse:
    action = ACTIONS.get(slug)
    if action is None or (action.target is None) != (target_id is None):
        raise Http404
    case = case_or_404(request.user, case_id)
    require_writer(request.user, case)
    target = child_or_404(case, action.target, target_id) if action.target else None
    data = request.POST if request.method == "POST" else None
    form = action.form(data, case=case, user=request.user, target=target)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            action.perform(ActionContext(case, request.user, target), form.cleaned_data)
        except NotFoundError:
            raise Http404 from None
        except ApplicationError as refusal:
            form.add_refusal(refusal)
            status = 422
        else:
            messages.success(request, _("Done: %(action)s.") % {"action": action.title})
            return redirect(case_url(case, action.section))
    elif request.method == "POST":
        status = 422
    context = {"case": case, "action": action, "form": form, "target": target}
    if action.extra_context is not None:
        context |= action.extra_context(case, request.user)
    return render(request, "cases/action_form.html", context, status=status)


def status_label(status: str) -> str:
    return str(CaseStatus(status).label)
