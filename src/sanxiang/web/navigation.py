"""Role-based navigation: one declarative table, read by the `navigation` context processor.

Each row names a target by URL name and the roles that see it. A row is shown only when its
target resolves, so an admin section whose `ModelAdmin` is not registered (or an app that is not
installed) never becomes a dead link. Pages that later issues build (cases, the review inbox,
the supervision dashboard, publication) get their rows when their URLs exist, not before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sanxiang.registry.models import Role

ALL_STAFF: frozenset[str] = frozenset(Role.values)
ADMINISTRATORS: frozenset[str] = frozenset({Role.ADMINISTRATOR})
# Cases: the agency's enforcement staff change them; reviewers and supervisors read them.
CASE_WRITERS: frozenset[str] = frozenset({Role.OFFICER, Role.DEPARTMENT_HEAD, Role.AGENCY_HEAD})
CASE_READERS: frozenset[str] = CASE_WRITERS | {Role.LEGAL_REVIEWER, Role.SUPERVISOR}
INBOX_USERS: frozenset[str] = CASE_WRITERS | {Role.LEGAL_REVIEWER}
# Legal review: the agency's reviewers and external counsel review; the agency's staff follow.
REVIEW_USERS: frozenset[str] = CASE_WRITERS | {Role.LEGAL_REVIEWER, Role.COUNSEL}
PUBLICATION_USERS: frozenset[str] = CASE_WRITERS | {Role.LEGAL_REVIEWER}


class NavGroup(StrEnum):
    """Dropdown menus of the navbar; entries without a group are top-level links."""

    MASTER_DATA = "master_data"
    SYSTEM = "system"


GROUP_LABELS: dict[NavGroup, Promise] = {
    NavGroup.MASTER_DATA: _("Master data"),
    NavGroup.SYSTEM: _("System"),
}
GROUP_ICONS: dict[NavGroup, str] = {
    NavGroup.MASTER_DATA: "database",
    NavGroup.SYSTEM: "gear",
}


@dataclass(frozen=True)
class NavEntry:
    """One row of the navigation table."""

    key: str
    label: Promise
    url_name: str
    icon: str  # a bootstrap-icons name, without the `bi-` prefix
    roles: frozenset[str]
    group: NavGroup | None = None


NAV_ENTRIES: tuple[NavEntry, ...] = (
    NavEntry("home", _("Workspace"), "web:home", "house-door", ALL_STAFF),
    NavEntry("cases", _("Cases"), "cases:list", "folder2-open", CASE_READERS),
    NavEntry("inbox", _("Inbox"), "web:inbox", "inbox", INBOX_USERS),
    NavEntry("new_lead", _("Register a lead"), "cases:lead_new", "plus-circle", CASE_WRITERS),
    NavEntry("review", _("Legal review"), "review:inbox", "clipboard-check", REVIEW_USERS),
    NavEntry(
        "publications", _("Publications"), "publicity:workbench", "megaphone", PUBLICATION_USERS
    ),
    NavEntry("me", _("My account"), "web:me", "person-badge", ALL_STAFF),
    # Master data is maintained by administrators only (DESIGN.md §1), in the Django admin.
    NavEntry(
        "agencies",
        _("Enforcement agencies"),
        "admin:registry_agency_changelist",
        "bank",
        ADMINISTRATORS,
        NavGroup.MASTER_DATA,
    ),
    NavEntry(
        "officers",
        _("Enforcement officers"),
        "admin:registry_officer_changelist",
        "people",
        ADMINISTRATORS,
        NavGroup.MASTER_DATA,
    ),
    NavEntry(
        "certificates",
        _("Enforcement certificates"),
        "admin:registry_certificate_changelist",
        "card-checklist",
        ADMINISTRATORS,
        NavGroup.MASTER_DATA,
    ),
    NavEntry(
        "devices",
        _("Recording devices"),
        "admin:registry_recordingdevice_changelist",
        "camera-video",
        ADMINISTRATORS,
        NavGroup.MASTER_DATA,
    ),
    NavEntry(
        "laws",
        _("Laws and regulations"),
        "admin:registry_law_changelist",
        "journal-text",
        ADMINISTRATORS,
        NavGroup.MASTER_DATA,
    ),
    NavEntry(
        "power_items",
        _("Power and responsibility list"),
        "admin:registry_poweritem_changelist",
        "list-check",
        ADMINISTRATORS,
        NavGroup.MASTER_DATA,
    ),
    NavEntry(
        "discretion_standards",
        _("Discretion standards"),
        "admin:registry_discretionstandard_changelist",
        "sliders",
        ADMINISTRATORS,
        NavGroup.MASTER_DATA,
    ),
    NavEntry(
        "major_decision_rules",
        _("Major-decision catalogue"),
        "admin:registry_majordecisionrule_changelist",
        "exclamation-diamond",
        ADMINISTRATORS,
        NavGroup.MASTER_DATA,
    ),
    NavEntry(
        "holiday_calendar",
        _("Holiday calendar"),
        "admin:core_calendarday_changelist",
        "calendar3",
        ADMINISTRATORS,
        NavGroup.MASTER_DATA,
    ),
    NavEntry(
        "accounts",
        _("User accounts"),
        "admin:registry_user_changelist",
        "person-lock",
        ADMINISTRATORS,
        NavGroup.SYSTEM,
    ),
    NavEntry(
        "admin_site",
        _("Administration site"),
        "admin:index",
        "tools",
        ADMINISTRATORS,
        NavGroup.SYSTEM,
    ),
    NavEntry(
        "api_docs",
        _("API documentation"),
        "api:openapi-view",
        "braces",
        ADMINISTRATORS,
        NavGroup.SYSTEM,
    ),
    NavEntry("portal", _("Public portal"), "web:portal", "globe2", ALL_STAFF),
)


@dataclass(frozen=True)
class NavLink:
    """A resolved entry, ready for the template."""

    key: str
    label: Promise
    url: str
    icon: str
    active: bool


@dataclass
class NavMenu:
    """A dropdown of resolved entries."""

    key: str
    label: Promise
    icon: str
    links: list[NavLink] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return any(link.active for link in self.links)


def _resolve(url_name: str) -> str | None:
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


def _is_active(url: str, current_path: str) -> bool:
    # The portal and workspace roots would match every page below them, and the case list every
    # case page including the lead form: compare exactly.
    if url in ("/", "/office/", "/office/cases/new/"):
        return current_path == url
    return current_path.startswith(url)


def nav_items_for(
    role: str, *, current_path: str = "", entries: Iterable[NavEntry] = NAV_ENTRIES
) -> Sequence[NavLink | NavMenu]:
    """The navbar for `role`, in table order: top-level links and group dropdowns.

    Entries for other roles and entries whose target does not resolve are left out; a group
    appears where its first visible entry stands.
    """
    items: list[NavLink | NavMenu] = []
    menus: dict[NavGroup, NavMenu] = {}
    for entry in entries:
        if role not in entry.roles:
            continue
        url = _resolve(entry.url_name)
        if url is None:
            continue
        link = NavLink(entry.key, entry.label, url, entry.icon, _is_active(url, current_path))
        if entry.group is None:
            items.append(link)
            continue
        menu = menus.get(entry.group)
        if menu is None:
            menu = NavMenu(entry.group.value, GROUP_LABELS[entry.group], GROUP_ICONS[entry.group])
            menus[entry.group] = menu
            items.append(menu)
        menu.links.append(link)
    return items
