"""Every read of the case app (STYLE 3): scoped by the user, built on `access.access_case`.

A case the user may not see is answered like a missing one (`NotFoundError`). Lists select and
prefetch what their rows show, so their query count does not grow with the number of rows.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Exists, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from sanxiang.cases.access import access_case, case_scope_q, visible_cases
from sanxiang.cases.balances import Balance, case_balance
from sanxiang.cases.choices import (
    ApprovalLevel,
    ApprovalResult,
    DeadlineHolder,
    DeadlineStatus,
)
from sanxiang.cases.events import EVENT_LABELS
from sanxiang.cases.models import (
    Approval,
    Case,
    CaseEvent,
    ClockPause,
    Deadline,
    Hearing,
    Party,
    Preservation,
    Recusal,
    RemedyPause,
    Seizure,
    Statement,
)
from sanxiang.cases.stages import Stage, stage_records
from sanxiang.cases.workflow import AvailableTransition, available_transitions
from sanxiang.core.access import get_or_not_found
from sanxiang.core.errors import NotFoundError
from sanxiang.registry.access import AnyUser, visible_discretion_standards, visible_officers
from sanxiang.registry.models import Department, DiscretionTier, Officer, Role, User

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

__all__ = [
    "CaseFilters",
    "Inbox",
    "TimelineEntry",
    "access_case",
    "agency_department_get",
    "agency_user_get",
    "approval_get",
    "case_approvals",
    "case_balance_get",
    "case_deadlines",
    "case_get",
    "case_list",
    "case_row_get",
    "case_stages",
    "case_timeline",
    "case_transitions",
    "discretion_tier_get",
    "inbox",
    "officers_get",
]

INBOX_DEADLINES = 10


@dataclass(frozen=True)
class CaseFilters:
    """Filters of the case list; empty values do not filter."""

    status: str = ""
    act_type: str = ""
    procedure: str = ""
    agency_id: int | None = None
    department_id: int | None = None
    query: str = ""  # title, case number or party name
    assigned_to_me: bool = False
    filed_from: datetime.date | None = None
    filed_to: datetime.date | None = None
    overdue: bool = False  # only cases with an overdue deadline (`_overdue_deadlines`)


def _overdue_deadlines(today: datetime.date) -> QuerySet[Deadline]:
    """The agency's deadlines (超期) that run past their last day, or that the daily sweep
    marked missed; a party's window that ran out is not the agency's delay."""
    return Deadline.objects.filter(holder=DeadlineHolder.AGENCY).filter(
        Q(status=DeadlineStatus.MISSED) | Q(status=DeadlineStatus.RUNNING, due_on__lt=today)
    )


def case_list(*, user: AnyUser, filters: CaseFilters | None = None) -> QuerySet[Case]:
    """The cases `user` may see, filtered, newest first; each row has `next_due_on` (the closest
    running deadline) and `overdue` (a deadline of the agency was missed or runs past its last
    day, e.g. LAW-APL-60). One query however many rows."""
    filters = filters or CaseFilters()
    cases = visible_cases(user).select_related("agency", "department", "power_item")
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.act_type:
        cases = cases.filter(act_type=filters.act_type)
    if filters.procedure:
        cases = cases.filter(procedure=filters.procedure)
    if filters.agency_id is not None:
        cases = cases.filter(agency_id=filters.agency_id)
    if filters.department_id is not None:
        cases = cases.filter(department_id=filters.department_id)
    if filters.filed_from is not None:
        cases = cases.filter(filed_on__gte=filters.filed_from)
    if filters.filed_to is not None:
        cases = cases.filter(filed_on__lte=filters.filed_to)
    if filters.query.strip():
        text = filters.query.strip()
        matching_parties = Case.objects.filter(parties__name__icontains=text).values("pk")
        cases = cases.filter(
            Q(title__icontains=text) | Q(case_number__icontains=text) | Q(pk__in=matching_parties)
        )
    if filters.assigned_to_me and isinstance(user, User):
        mine = Case.objects.filter(
            case_officers__officer__user=user, case_officers__removed_on__isnull=True
        ).values("pk")
        cases = cases.filter(pk__in=mine)
    overdue = Exists(_overdue_deadlines(timezone.localdate()).filter(case=OuterRef("pk")))
    if filters.overdue:
        cases = cases.filter(overdue)
    return cases.annotate(
        next_due_on=Min("deadlines__due_on", filter=Q(deadlines__status=DeadlineStatus.RUNNING)),
        overdue=overdue,
    ).order_by("-created_at", "-id")


def case_get(*, user: AnyUser, case_id: object) -> Case:
    """One case with everything its page shows, prefetched; `NotFoundError` if not visible."""
    case = access_case(user, case_id)
    return (
        Case.objects.select_related(
            "agency",
            "department",
            "power_item",
            "discretion_standard",
            "discretion_tier",
            "created_by",
            "decision",
            "act_result",
            "payment_plan",
        )
        .prefetch_related(
            "parties__delivery_consents",
            "case_officers__officer__certificates",
            "recusals__officer",
            "records__record_officers__officer",
            "preservations",
            "seizures",
            "notices",
            "statements",
            "hearings__presiding_officer",
            "deliberations",
            "extensions",
            "clock_pauses",
            "deliveries",
            "payments",
            "remedy_pauses",
            "executions",
            "power_item__basis_links__provision__law",
        )
        .get(pk=case.pk)
    )


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a case's timeline: who, when, what, with what changed."""

    occurred_at: datetime.datetime
    action: str
    label: StrOrPromise
    actor_name: str
    data: dict[str, Any] = field(default_factory=dict)


def case_timeline(*, user: AnyUser, case_id: object) -> list[TimelineEntry]:
    """Every event of the case, oldest first (全过程记录)."""
    case = access_case(user, case_id)
    events = CaseEvent.objects.filter(case=case).order_by("occurred_at", "id")
    return [
        TimelineEntry(
            occurred_at=event.occurred_at,
            action=event.action,
            label=EVENT_LABELS.get(event.action, event.action),
            actor_name=event.actor_name,
            data=event.data,
        )
        for event in events
    ]


def case_deadlines(
    *, user: AnyUser, case_id: object, include_closed: bool = False
) -> QuerySet[Deadline]:
    """The case's deadlines, closest first; each has `rule` and `rule_label` (the rule that
    sets it). Only running ones unless `include_closed`."""
    case = access_case(user, case_id)
    deadlines = Deadline.objects.filter(case=case)
    if not include_closed:
        deadlines = deadlines.filter(status=DeadlineStatus.RUNNING)
    return deadlines.order_by("due_on", "id")


def case_approvals(*, user: AnyUser, case_id: object) -> QuerySet[Approval]:
    """Every approval row of the case (who, when, opinion), by step and round."""
    case = access_case(user, case_id)
    return (
        Approval.objects.filter(case=case)
        .select_related("approver", "submitted_by")
        .order_by("step", "round", "level")
    )


def case_stages(*, user: AnyUser, case_id: object) -> dict[Stage, bool | None]:
    """Which LAW-APL-47 stages have a record (None: not applicable)."""
    return stage_records(access_case(user, case_id))


def case_balance_get(*, user: AnyUser, case_id: object, on: datetime.date | None = None) -> Balance:
    """Money due, surcharge to `on` (LAW-APL-72/73) and paid."""
    return case_balance(access_case(user, case_id), on or timezone.localdate())


def case_transitions(
    *, user: User, case_id: object, on: datetime.date | None = None
) -> list[AvailableTransition]:
    """The moves the page can offer now, with the reason when a guard refuses."""
    return available_transitions(access_case(user, case_id), user, on=on)


@dataclass(frozen=True)
class Inbox:
    """What waits for the user: approvals at their level and the closest running deadlines."""

    approvals: list[Approval]
    deadlines: list[Deadline]


def _approvals_waiting_q(user: User) -> Q:
    if user.agency_id is None:
        return Q(pk__in=[])
    if user.role == Role.AGENCY_HEAD:
        return Q(level=ApprovalLevel.AGENCY_HEAD, case__agency_id=user.agency_id)
    if user.role == Role.DEPARTMENT_HEAD:
        department = Q(case__department__isnull=True)
        if user.department_id is not None:
            department |= Q(case__department_id=user.department_id)
        return Q(level=ApprovalLevel.DEPARTMENT_HEAD, case__agency_id=user.agency_id) & department
    return Q(
        level=ApprovalLevel.HANDLER,
        case__case_officers__officer__user=user,
        case__case_officers__removed_on__isnull=True,
    )


def inbox(*, user: AnyUser, limit: int = INBOX_DEADLINES) -> Inbox:
    """The user's pending approvals and the `limit` running agency deadlines closest to
    expiry on cases the user may see. Two queries."""
    if not isinstance(user, User) or not user.is_authenticated:
        return Inbox(approvals=[], deadlines=[])
    scope = case_scope_q(user, prefix="case__")
    approvals = list(
        Approval.objects.filter(scope, _approvals_waiting_q(user), result=ApprovalResult.PENDING)
        .select_related("case", "case__agency", "submitted_by")
        .order_by("submitted_at", "id")
        .distinct()
    )
    deadlines = list(
        Deadline.objects.filter(scope, status=DeadlineStatus.RUNNING, holder=DeadlineHolder.AGENCY)
        .select_related("case")
        .order_by("due_on", "id")[:limit]
    )
    return Inbox(approvals=approvals, deadlines=deadlines)


# Records named in a request (the party to change, the approval to decide, the officers to
# assign…): each is looked up inside what the user may see, so that an id of another agency's
# record gives the same `NotFoundError` as an id that does not exist.

CaseRowT = TypeVar(
    "CaseRowT", Party, Recusal, Statement, Hearing, Preservation, Seizure, ClockPause, RemedyPause
)


def case_row_get(
    *, user: AnyUser, case_id: object, model: type[CaseRowT], row_id: object
) -> CaseRowT:
    """One row of `model` (a party, recusal, statement, hearing, preservation, seizure or
    pause) of a case `user` may see; `NotFoundError` alike when the case is not visible, the
    row does not exist or it belongs to another case."""
    case = access_case(user, case_id)
    rows = model._default_manager.filter(case=case).select_related("case")
    return get_or_not_found(rows, pk=row_id)


def approval_get(*, user: AnyUser, approval_id: object) -> Approval:
    """One approval row of a case `user` may see, else `NotFoundError`."""
    approvals = Approval.objects.filter(case_scope_q(user, prefix="case__")).select_related("case")
    return get_or_not_found(approvals, pk=approval_id)


def officers_get(*, user: AnyUser, officer_ids: Sequence[int]) -> list[Officer]:
    """The visible officers with these ids, in the order given, certificates loaded;
    `NotFoundError` if any is missing. Whether they may act in a case is the services' check
    (LAW-APL-42)."""
    wanted = list(dict.fromkeys(officer_ids))
    found = {
        officer.pk: officer
        for officer in visible_officers(user).filter(pk__in=wanted).prefetch_related("certificates")
    }
    if len(found) != len(wanted):
        raise NotFoundError()
    return [found[pk] for pk in wanted]


def agency_user_get(*, user: AnyUser, user_id: object) -> User:
    """An active account of `user`'s own agency (who approved a measure or chaired a
    deliberation); `NotFoundError` for any other id. Whether that account may approve is the
    services' check (e.g. LAW-APL-56: the agency head)."""
    agency_id = user.agency_id if isinstance(user, User) else None
    if agency_id is None:
        raise NotFoundError()
    return get_or_not_found(User.objects.filter(agency_id=agency_id, is_active=True), pk=user_id)


def agency_department_get(*, user: AnyUser, department_id: object) -> Department:
    """A department of `user`'s own agency, else `NotFoundError`."""
    agency_id = user.agency_id if isinstance(user, User) else None
    if agency_id is None:
        raise NotFoundError()
    return get_or_not_found(Department.objects.filter(agency_id=agency_id), pk=department_id)


def discretion_tier_get(*, user: AnyUser, tier_id: object) -> DiscretionTier:
    """A tier of a discretion standard `user` may see (published, LAW-APL-34); whether it is
    the case's standard is the decision's check."""
    tiers = DiscretionTier.objects.filter(standard__in=visible_discretion_standards(user))
    return get_or_not_found(tiers, pk=tier_id)
