"""The case list, the case page and the inbox: reads through `cases.selectors` only."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sanxiang.cases import selectors
from sanxiang.cases.access import may_see_reporter
from sanxiang.cases.certification import certificate_on
from sanxiang.cases.choices import ApprovalLevel, ApprovalResult, DeadlineStatus, Track
from sanxiang.cases.forms import CaseFilterForm
from sanxiang.cases.models import Case
from sanxiang.cases.services.writing import DECIDED_STATES
from sanxiang.cases.views.actions import ACTIONS, listed_actions
from sanxiang.cases.views.base import CaseRequest, may_write
from sanxiang.cases.views.timeline import timeline_rows
from sanxiang.core.errors import NotFoundError
from sanxiang.registry.models import BasisKind, Role, User

__all__ = ["TRANSITION_ACTIONS", "case_detail", "case_list", "inbox"]

PAGE_SIZE = 20
INBOX_DEADLINES = 30

# The form that performs each move of the workflow table (None: it happens by itself).
TRANSITION_ACTIONS: dict[str, str | None] = {
    "file": "submit-filing",
    "decline": "decline",
    "start_investigation": "record-add",
    "end_investigation": "end-investigation",
    "return_to_investigation": "return-to-investigation",
    "notify": "notice-serve",
    "request_hearing": "hearing-request",
    "request_legal_review": "request-legal-review",
    "start_deliberation": "start-deliberation",
    "decide": "decision",
    "deliver": "delivery",
    "start_enforcement": None,
    "close": "close",
    "act_start": "act-progress",
    "act_decide": "act-decide",
    "act_close": "close",
    "archive": "archive",
}

# Refusals that only say the move's own form has not been filled in yet (the hearing request,
# the served notice, the delivery, the draft decision, the act's result): the page offers
# these moves as open, since their form supplies what is missing.
_SUPPLIED_BY_THE_FORM = frozenset(
    {
        "cases.hearing.request_missing",
        "cases.notice.not_served",
        "cases.delivery.missing",
        "cases.decision.not_drafted",
        "cases.act.result_required",
    }
)

# Which level of the three-level approval each role decides (level 1 is the handler's
# submission itself).
_LEVEL_OF_ROLE = {
    Role.DEPARTMENT_HEAD: ApprovalLevel.DEPARTMENT_HEAD,
    Role.AGENCY_HEAD: ApprovalLevel.AGENCY_HEAD,
}


@login_required
def case_list(request: CaseRequest) -> HttpResponse:
    """Cases the user may see, filtered and paginated; party and next deadline on each row."""
    form = CaseFilterForm(request.GET or None)
    cases = selectors.case_list(
        user=request.user, filters=form.filters() if form.is_bound else None
    )
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    rows: list[Case] = list(page.object_list)
    prefetch_related_objects(rows, "parties")
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/case_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "today": timezone.localdate(),
            "may_register": request.user.role in _WRITERS and request.user.agency_id is not None,
        },
    )


_WRITERS = frozenset({Role.OFFICER, Role.DEPARTMENT_HEAD, Role.AGENCY_HEAD})


def _officer_rows(case: Case) -> list[dict[str, Any]]:
    today = timezone.localdate()
    rows = []
    for link in case.case_officers.all():
        certificate = certificate_on(link.officer, today)
        rows.append(
            {
                "link": link,
                "certificate": certificate,
                "valid": certificate is not None and certificate.is_valid_on(today),
            }
        )
    return rows


def _basis(case: Case) -> dict[str, list[Any]]:
    """The power item's provisions by role: 违法依据, 处罚依据, 设定依据 (法律法规自动关联)."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for link in case.legal_basis():
        groups[link.kind].append(link)
    order = (BasisKind.VIOLATION, BasisKind.PENALTY, BasisKind.AUTHORITY)
    return {str(BasisKind(kind).label): groups[kind] for kind in order if groups.get(kind)}


def _one(case: Case, relation: str) -> Any:
    try:
        return getattr(case, relation)
    except ObjectDoesNotExist:
        return None


def _approval_rounds(approvals: list[Any], user: User) -> list[dict[str, Any]]:
    level = _LEVEL_OF_ROLE.get(Role(user.role))
    rounds: dict[tuple[str, int], list[Any]] = {}
    for row in approvals:
        rounds.setdefault((row.step, row.round), []).append(row)
    result = []
    for (_step, number), rows in rounds.items():
        for row in rows:
            row.decidable = row.result == ApprovalResult.PENDING and row.level == level
        result.append({"step": rows[0].get_step_display(), "round": number, "rows": rows})
    return result


@login_required
def case_detail(request: CaseRequest, case_id: int) -> HttpResponse:
    """Everything recorded about one case, and the actions open to the user now."""
    user = request.user
    try:
        case = selectors.case_get(user=user, case_id=case_id)
    except NotFoundError:
        raise Http404 from None
    today = timezone.localdate()
    deadlines = list(selectors.case_deadlines(user=user, case_id=case.pk, include_closed=True))
    writer = may_write(user, case)
    moves: list[dict[str, Any]] = []
    if writer:
        for move in selectors.case_transitions(user=user, case_id=case.pk):
            slug = TRANSITION_ACTIONS.get(move.name)
            if slug is not None:
                open_ = move.allowed or move.refusal_code in _SUPPLIED_BY_THE_FORM
                moves.append({"move": move, "action": ACTIONS[slug], "open": open_})
    decision = _one(case, "decision")
    balance = None
    if decision is not None and decision.is_made and decision.amount_due_fen:
        balance = selectors.case_balance_get(user=user, case_id=case.pk)
    standard = case.discretion_standard
    notices = list(case.notices.all())
    context = {
        "case": case,
        "today": today,
        "writer": writer,
        "open_case": case.status not in DECIDED_STATES,
        "reporter_visible": may_see_reporter(user, case),
        "basis": _basis(case),
        "tiers": list(standard.tiers.order_by("order")) if standard is not None else [],
        "officers": _officer_rows(case),
        "timeline": timeline_rows(selectors.case_timeline(user=user, case_id=case.pk)),
        "running": [d for d in deadlines if d.status == DeadlineStatus.RUNNING],
        "finished": [d for d in deadlines if d.status != DeadlineStatus.RUNNING],
        "rounds": _approval_rounds(
            list(selectors.case_approvals(user=user, case_id=case.pk)), user
        ),
        "stages": selectors.case_stages(user=user, case_id=case.pk)
        if case.track != Track.OTHER
        else None,
        "notice": next((n for n in notices if n.is_current), None),
        "decision": decision,
        "act_result": _one(case, "act_result"),
        "payment_plan": _one(case, "payment_plan"),
        "balance": balance,
        "moves": moves,
        "actions": listed_actions(case, user, exclude={m["action"].slug for m in moves})
        if writer
        else [],
        "is_head": user.role == Role.AGENCY_HEAD,
    }
    return render(request, "cases/case_detail.html", context)


@login_required
def inbox(request: CaseRequest) -> HttpResponse:
    """待办: the approvals waiting for this user and the deadlines closest to expiry."""
    items = selectors.inbox(user=request.user, limit=INBOX_DEADLINES)
    return render(request, "cases/inbox.html", {"inbox": items, "today": timezone.localdate()})
