"""The workspace home fits the role: one heading and one dashboard panel per role.

`dashboard_for` picks the builder for the user's role; each builder asks the selectors for its
figures and returns the panel template with its context. Views only render the result.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Model
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.selectors import inbox
from sanxiang.core.models import CalendarYear
from sanxiang.core.workdays import unmaintained_years
from sanxiang.registry.models import Certificate, CertificateStatus, Officer, Role, User
from sanxiang.registry.models.officers import NOT_YET_VALID, REQUIRED_TRAINING_HOURS_PER_YEAR
from sanxiang.registry.selectors import device_ratio
from sanxiang.registry.selectors.organisations import DEFAULT_OFFICERS_PER_DEVICE
from sanxiang.web import selectors

# The inbox panel of the home page shows this many of the closest deadlines (the inbox page
# shows more).
INBOX_PANEL_DEADLINES = 5

# How far ahead heads and officers are warned of expiring certificates: a planning choice, not
# a legal rule, so configurable like the thresholds of legal-rules.md.
EXPIRY_WARNING_DAYS: int = getattr(settings, "SANXIANG_CERTIFICATE_WARNING_DAYS", 60)

HEADINGS: dict[str, Promise] = {
    Role.OFFICER: _("Officer workspace"),
    Role.DEPARTMENT_HEAD: _("Department head workspace"),
    Role.AGENCY_HEAD: _("Agency head workspace"),
    Role.LEGAL_REVIEWER: _("Legal reviewer workspace"),
    Role.COUNSEL: _("Counsel workspace"),
    Role.SUPERVISOR: _("Supervision workspace"),
    Role.ADMINISTRATOR: _("System administration workspace"),
}

STATUS_LABELS: dict[str, str | Promise] = {
    **dict(CertificateStatus.choices),
    NOT_YET_VALID: _("Not yet valid"),
}


@dataclass(frozen=True)
class CertificateRow:
    """A certificate as its holder sees it on a given day."""

    certificate: Certificate
    status: str
    status_label: str | Promise
    days_left: int

    @property
    def is_valid(self) -> bool:
        return self.status == CertificateStatus.VALID

    @property
    def expiring_soon(self) -> bool:
        return self.is_valid and self.days_left <= EXPIRY_WARNING_DAYS


def certificate_rows(officer: Officer, today: datetime.date) -> list[CertificateRow]:
    """The officer's (prefetched) certificates with their status on `today`."""
    rows = []
    for certificate in officer.certificates.all():
        status = certificate.status_on(today)
        rows.append(
            CertificateRow(
                certificate=certificate,
                status=status,
                status_label=STATUS_LABELS.get(status, status),
                days_left=(certificate.expires_on - today).days,
            )
        )
    return rows


@dataclass(frozen=True)
class Dashboard:
    heading: Promise
    panel_template: str
    context: dict[str, Any] = field(default_factory=dict)


def _officer(user: User, today: datetime.date) -> Dashboard:
    officer = selectors.officer_get_own(user=user)
    context: dict[str, Any] = {
        "officer": officer,
        "inbox": inbox(user=user, limit=INBOX_PANEL_DEADLINES),
    }
    if officer is not None:
        hours = selectors.training_hours_get(officer=officer, year=today.year)
        context |= {
            "certificates": certificate_rows(officer, today),
            "training_year": today.year,
            "training_hours": hours,
            "training_required": REQUIRED_TRAINING_HOURS_PER_YEAR,
            "training_met": hours >= REQUIRED_TRAINING_HOURS_PER_YEAR,
            "training_percent": min(100, round(100 * hours / REQUIRED_TRAINING_HOURS_PER_YEAR)),
        }
    return Dashboard(HEADINGS[Role.OFFICER], "web/panels/officer.html", context)


def _head(user: User, today: datetime.date) -> Dashboard:
    context: dict[str, Any] = {
        "agency": user.agency,
        "expiry_window_days": EXPIRY_WARNING_DAYS,
        "inbox": inbox(user=user, limit=INBOX_PANEL_DEADLINES),
    }
    if user.agency is not None:
        context |= {
            "officer_count": selectors.agency_active_officer_count(agency=user.agency),
            "expiring_certificates": selectors.certificate_list_expiring(
                agency=user.agency, today=today, within_days=EXPIRY_WARNING_DAYS
            ),
            "devices": device_ratio(agency=user.agency, day=today),
            # The same setting `device_ratio` reads, so the sentence matches the figure.
            "officers_per_device": getattr(
                settings, "SANXIANG_OFFICERS_PER_DEVICE", DEFAULT_OFFICERS_PER_DEVICE
            ),
        }
    return Dashboard(HEADINGS[Role(user.role)], "web/panels/head.html", context)


def _reviewer(user: User, today: datetime.date) -> Dashboard:
    officer = selectors.officer_get_own(user=user)
    is_legal_reviewer = user.role == Role.LEGAL_REVIEWER
    context: dict[str, Any] = {"officer": officer, "is_legal_reviewer": is_legal_reviewer}
    if is_legal_reviewer:
        context["inbox"] = inbox(user=user, limit=INBOX_PANEL_DEADLINES)
    return Dashboard(HEADINGS[Role(user.role)], "web/panels/reviewer.html", context)


def _supervisor(user: User, today: datetime.date) -> Dashboard:
    agencies = selectors.supervised_agency_list(user=user)
    return Dashboard(
        HEADINGS[Role.SUPERVISOR],
        "web/panels/supervisor.html",
        {
            "agencies": agencies,
            "officer_total": sum(row.officer_count for row in agencies),
        },
    )


def _admin_url(model: type[Model], view: str) -> str | None:
    """The admin URL of `model`'s `view` (changelist, import …), if the admin offers it."""
    try:
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}")
    except NoReverseMatch:
        return None


def _administrator(user: User, today: datetime.date) -> Dashboard:
    counts = [
        {
            "key": model._meta.label_lower,
            "label": model._meta.verbose_name_plural,
            "count": count,
            "url": _admin_url(model, "changelist"),
            # Power items and discretion standards are imported from agencies' spreadsheets.
            "import_url": _admin_url(model, "import"),
        }
        for model, count in selectors.master_data_count_list(user=user)
    ]
    return Dashboard(
        HEADINGS[Role.ADMINISTRATOR],
        "web/panels/administrator.html",
        {
            "master_data": counts,
            # Deadlines reaching into these years are refused until their holidays are entered.
            "unmaintained_years": unmaintained_years(today=today),
            "calendar_url": _admin_url(CalendarYear, "changelist"),
        },
    )


BUILDERS: dict[str, Callable[[User, datetime.date], Dashboard]] = {
    Role.OFFICER: _officer,
    Role.DEPARTMENT_HEAD: _head,
    Role.AGENCY_HEAD: _head,
    Role.LEGAL_REVIEWER: _reviewer,
    Role.COUNSEL: _reviewer,
    Role.SUPERVISOR: _supervisor,
    Role.ADMINISTRATOR: _administrator,
}


def dashboard_for(*, user: User, today: datetime.date) -> Dashboard:
    """The heading and panel of `user`'s workspace home on `today`."""
    return BUILDERS[user.role](user, today)
