"""Who may see which registry records (DESIGN.md §1; Zulip `access_*`).

Two levels of visibility:

* **Public** (GUO-118-04 事前公开, GUO-118-23, LAW-APL-34): active agencies, active officers'
  names and certificates, active power items and their discretion standards. Every user sees
  these, for every agency.
* **Private**: an officer's resident ID number and phone, inactive officers, inactive power
  items. Visible only inside the user's *private scope* (`private_scope`):

  - officer, department head, agency head, legal reviewer: their own agency;
  - supervisor: their own legal-affairs office and every agency it supervises, directly or
    through a lower office (TJ-SUP-6 two-level platform; TJ-SUP-24 access to all materials);
  - administrator (and a Django superuser): everything;
  - counsel, users without an agency, anonymous visitors: nothing.

`access_*` functions return one object or raise `NotFoundError`: a record that is not visible
at all gives exactly the answer of a record that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from sanxiang.core.access import get_or_not_found
from sanxiang.core.errors import PermissionDeniedError
from sanxiang.registry.models import (
    Agency,
    DiscretionStandard,
    Officer,
    PowerItem,
    Role,
    User,
)

AnyUser: TypeAlias = User | AnonymousUser

# Roles whose private scope is their own agency.
AGENCY_STAFF_ROLES = frozenset(
    {Role.OFFICER, Role.DEPARTMENT_HEAD, Role.AGENCY_HEAD, Role.LEGAL_REVIEWER}
)
# Supervision is "市和区县两级" (TJ-SUP-6); a few more levels cost nothing and stop any cycle.
_MAX_SUPERVISION_DEPTH = 6


@dataclass(frozen=True)
class AgencyScope:
    """The agencies whose private registry data a user may see."""

    everything: bool = False
    agency_ids: frozenset[int] = frozenset()

    def covers(self, agency_id: int | None) -> bool:
        return self.everything or (agency_id is not None and agency_id in self.agency_ids)

    def q(self, agency_field: str = "agency") -> Q:
        """A filter matching rows whose `agency_field` lies in the scope."""
        if self.everything:
            return Q()
        return Q(**{f"{agency_field}__in": sorted(self.agency_ids)})

    @property
    def is_empty(self) -> bool:
        return not self.everything and not self.agency_ids


def _account(user: AnyUser) -> User | None:
    """The signed-in, active account, or None for anonymous and deactivated users."""
    if isinstance(user, User) and user.is_authenticated and user.is_active:
        return user
    return None


def is_administrator(user: AnyUser) -> bool:
    """A platform administrator (系统管理员) or a Django superuser."""
    account = _account(user)
    return account is not None and (account.is_superuser or account.role == Role.ADMINISTRATOR)


def require_administrator(user: AnyUser) -> None:
    """Refuse with `PermissionDeniedError` unless `user` maintains master data."""
    if not is_administrator(user):
        raise PermissionDeniedError(_("Only an administrator may change the registry."))


def supervised_agency_ids(supervisor_agency_id: int) -> frozenset[int]:
    """The office itself and every agency under its supervision, at any depth (TJ-SUP-6).

    One query per supervision level (two in Tianjin), so the cost stays constant.
    """
    found = {supervisor_agency_id}
    frontier = {supervisor_agency_id}
    for _level in range(_MAX_SUPERVISION_DEPTH):
        below = set(
            Agency.objects.filter(supervising_body__in=sorted(frontier)).values_list(
                "id", flat=True
            )
        )
        frontier = below - found
        if not frontier:
            break
        found |= frontier
    return frozenset(found)


def private_scope(user: AnyUser) -> AgencyScope:
    """The agencies whose private data `user` may see (module docstring lists the rules)."""
    account = _account(user)
    if account is None:
        return AgencyScope()
    if is_administrator(account):
        return AgencyScope(everything=True)
    if account.agency_id is None:
        return AgencyScope()
    if account.role == Role.SUPERVISOR:
        return AgencyScope(agency_ids=supervised_agency_ids(account.agency_id))
    if account.role in AGENCY_STAFF_ROLES:
        return AgencyScope(agency_ids=frozenset({account.agency_id}))
    return AgencyScope()  # counsel: no private data of any agency


def private_fields_visible(
    user: AnyUser, officer: Officer, *, scope: AgencyScope | None = None
) -> bool:
    """Whether `user` may see `officer`'s ID number and phone (pass `scope` in loops)."""
    return (scope or private_scope(user)).covers(officer.agency_id)


def roster_carries_id_numbers(user: AnyUser) -> bool:
    """Whether a downloaded roster file may carry resident ID numbers.

    A file leaves the platform and its audit trail, so it is narrower than a page: only an
    administrator (the whole roster) and a supervisor (the agencies it supervises, TJ-SUP-24)
    get ID numbers. Agency staff see their colleagues' numbers on screen but download the
    roster without them.
    """
    account = _account(user)
    return is_administrator(user) or (account is not None and account.role == Role.SUPERVISOR)


def visible_officers(user: AnyUser, *, scope: AgencyScope | None = None) -> QuerySet[Officer]:
    """Active officers of every agency, plus inactive ones inside the private scope."""
    scope = scope or private_scope(user)
    visible = Q(is_active=True)
    if not scope.is_empty:
        visible |= scope.q("agency")
    return Officer.objects.filter(visible)


def visible_power_items(user: AnyUser, *, scope: AgencyScope | None = None) -> QuerySet[PowerItem]:
    """Active power items of every agency (published lists), plus inactive ones in scope."""
    scope = scope or private_scope(user)
    visible = Q(is_active=True)
    if not scope.is_empty:
        visible |= scope.q("agency")
    return PowerItem.objects.filter(visible)


def visible_discretion_standards(
    user: AnyUser, *, scope: AgencyScope | None = None
) -> QuerySet[DiscretionStandard]:
    """Standards of the visible power items (published under LAW-APL-34)."""
    scope = scope or private_scope(user)
    visible = Q(power_item__is_active=True)
    if not scope.is_empty:
        visible |= scope.q("power_item__agency")
    return DiscretionStandard.objects.filter(visible)


def visible_agencies(user: AnyUser) -> QuerySet[Agency]:
    """Active agencies for everyone; an administrator also sees inactive ones."""
    if is_administrator(user):
        return Agency.objects.all()
    return Agency.objects.filter(is_active=True)


def access_officer(user: AnyUser, officer_id: object) -> Officer:
    """The officer if `user` may see it at all, else `NotFoundError`."""
    return get_or_not_found(visible_officers(user), pk=officer_id)


def access_power_item(user: AnyUser, power_item_id: object) -> PowerItem:
    return get_or_not_found(visible_power_items(user), pk=power_item_id)


def access_discretion_standard(user: AnyUser, standard_id: object) -> DiscretionStandard:
    return get_or_not_found(visible_discretion_standards(user), pk=standard_id)


def access_agency(user: AnyUser, agency_id: object) -> Agency:
    return get_or_not_found(visible_agencies(user), pk=agency_id)
