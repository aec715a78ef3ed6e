"""Reads of officers and certificates, with private fields only where the user may see them.

Selectors return frozen dataclasses rather than model instances, so that a view or API cannot
print an ID number by accident: `OfficerCard.private` is `None` outside the user's private
scope (`registry.access`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from sanxiang.core.access import get_or_not_found
from sanxiang.core.errors import NotFoundError
from sanxiang.registry.access import (
    AgencyScope,
    AnyUser,
    private_scope,
    visible_officers,
)
from sanxiang.registry.models import Certificate, Officer, TrainingRecord


@dataclass(frozen=True)
class CertificateCard:
    """Public facts of an enforcement certificate (GUO-118-05, GUO-118-23)."""

    number: str
    field: str
    issuing_authority: str
    issued_on: datetime.date
    expires_on: datetime.date
    status: str  # `Certificate.status_on(today)`: valid, expired, suspended, revoked, …


@dataclass(frozen=True)
class OfficerPrivate:
    """Fields only the officer's own agency, its supervisors and administrators see."""

    id_number: str
    phone: str
    department_id: int | None
    department_name: str
    position: str
    has_legal_qualification: bool
    legal_qualification_number: str
    is_active: bool


@dataclass(frozen=True)
class OfficerCard:
    id: int
    name: str
    agency_id: int
    agency_name: str
    certificates: tuple[CertificateCard, ...]
    private: OfficerPrivate | None


@dataclass(frozen=True)
class OfficerPage:
    total: int
    items: list[OfficerCard]


@dataclass(frozen=True)
class CertificateStatusView:
    """The public answer of the certificate check page (/public/verify/<number>)."""

    number: str
    officer_name: str
    agency_name: str
    field: str
    issuing_authority: str
    issued_on: datetime.date
    expires_on: datetime.date
    status: str
    checked_on: datetime.date


def _certificate_card(certificate: Certificate, today: datetime.date) -> CertificateCard:
    return CertificateCard(
        number=certificate.number,
        field=certificate.field,
        issuing_authority=certificate.issuing_authority,
        issued_on=certificate.issued_on,
        expires_on=certificate.expires_on,
        status=certificate.status_on(today),
    )


def _officer_card(officer: Officer, *, scope: AgencyScope, today: datetime.date) -> OfficerCard:
    private = None
    if scope.covers(officer.agency_id):
        department = officer.department
        private = OfficerPrivate(
            id_number=officer.id_number,
            phone=officer.phone,
            department_id=officer.department_id,
            department_name=department.name if department else "",
            position=officer.position,
            has_legal_qualification=officer.has_legal_qualification,
            legal_qualification_number=officer.legal_qualification_number,
            is_active=officer.is_active,
        )
    return OfficerCard(
        id=officer.pk,
        name=officer.name,
        agency_id=officer.agency_id,
        agency_name=officer.agency.name,
        certificates=tuple(
            _certificate_card(c, today)
            for c in officer.certificates.all()  # prefetched
        ),
        private=private,
    )


def _with_relations(officers: QuerySet[Officer]) -> QuerySet[Officer]:
    return officers.select_related("agency", "department").prefetch_related(
        Prefetch("certificates", queryset=Certificate.objects.order_by("-expires_on", "number"))
    )


def officer_list(
    *,
    user: AnyUser,
    agency_id: int | None = None,
    q: str | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> OfficerPage:
    """Officers `user` may see, ordered by agency and name, `limit` of them from `offset`.

    `q` matches the name or a certificate number; it matches a resident ID number only inside
    the private scope, so a search cannot confirm another agency's officer's ID number. Query
    count is constant: the scope (≤ 3 for a supervisor), the count, the page, the certificates.
    """
    scope = private_scope(user)
    officers = visible_officers(user, scope=scope)
    if agency_id is not None:
        officers = officers.filter(agency_id=agency_id)
    term = (q or "").strip()
    if term:
        has_certificate = Certificate.objects.filter(officer=OuterRef("pk"), number__icontains=term)
        match = Q(name__icontains=term) | Q(Exists(has_certificate))
        if not scope.is_empty:
            match |= Q(id_number=term.upper()) & scope.q("agency")
        officers = officers.filter(match)
    officers = officers.order_by("agency__name", "name", "pk")
    total = officers.count()
    page = officers[offset : offset + limit] if limit is not None else officers[offset:]
    today = timezone.localdate()
    items = [_officer_card(o, scope=scope, today=today) for o in _with_relations(page)]
    return OfficerPage(total=total, items=items)


def officer_get(*, user: AnyUser, officer_id: int) -> OfficerCard:
    """One officer: private fields inside the scope, public ones elsewhere; 404 if invisible."""
    scope = private_scope(user)
    officer = get_or_not_found(_with_relations(visible_officers(user, scope=scope)), pk=officer_id)
    return _officer_card(officer, scope=scope, today=timezone.localdate())


def officer_roster(*, user: AnyUser, scope: AgencyScope | None = None) -> list[Officer]:
    """Every officer inside the user's private scope, inactive ones too: the roster sheet.

    Model instances with agency, department, certificates (by number) and training records
    loaded, ordered by agency and name; empty outside any private scope. They carry the ID
    number: the caller decides whether to write it (`access.roster_carries_id_numbers`).
    Constant in queries: the scope, the officers, certificates and training.
    """
    scope = scope or private_scope(user)
    if scope.is_empty:
        return []
    officers = (
        Officer.objects.filter(scope.q("agency"))
        .select_related("agency", "department")
        .prefetch_related(
            Prefetch("certificates", queryset=Certificate.objects.order_by("number")),
            Prefetch("training", queryset=TrainingRecord.objects.order_by("year")),
        )
        .order_by("agency__name", "name", "pk")
    )
    return list(officers)


def certificate_status_lookup(
    *, number: str, day: datetime.date | None = None
) -> CertificateStatusView:
    """Public certificate check (GUO-118-05: status is checked live): no private data.

    Raises `NotFoundError` for an unknown number.
    """
    today = day or timezone.localdate()
    certificate = (
        Certificate.objects.select_related("officer__agency").filter(number=number.strip()).first()
    )
    if certificate is None:
        raise NotFoundError()
    return CertificateStatusView(
        number=certificate.number,
        officer_name=certificate.officer.name,
        agency_name=certificate.officer.agency.name,
        field=certificate.field,
        issuing_authority=certificate.issuing_authority,
        issued_on=certificate.issued_on,
        expires_on=certificate.expires_on,
        status=certificate.status_on(today),
        checked_on=today,
    )
