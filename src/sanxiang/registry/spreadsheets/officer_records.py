"""Writing the roster sheet: officers, their certificates and their training records.

`officers.officers_import` calls `write_officers` inside its transaction once the file has
passed every check that needs no stored data. The checks against stored data add their
problems here and the caller then rolls everything back: a certificate held by another
officer, a revoked certificate put back in force, 暂扣 or 吊销 without a reason (the rules of
`certificate_set_status`), and model validation (`full_clean`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.registry.models import (
    Agency,
    Certificate,
    CertificateStatus,
    Department,
    Officer,
    TrainingRecord,
    User,
)
from sanxiang.registry.spreadsheets.engine import ImportProblem, ParsedSheet, SheetRow
from sanxiang.registry.spreadsheets.imports import ImportReport, assign_fields, save_checked
from sanxiang.registry.spreadsheets.officer_columns import (
    CERTIFICATE_HEADERS,
    ID_NUMBER,
    NUMBER,
    OFFICER_HEADERS,
    STATUS,
    STATUS_REASON,
    training_year,
)

_OFFICER_FIELDS = (
    "name",
    "position",
    "phone",
    "has_legal_qualification",
    "legal_qualification_number",
)
_CERTIFICATE_FIELDS = (
    "field",
    "issuing_authority",
    "issued_on",
    "expires_on",
    "status",
    "status_reason",
)
_WITHDRAWN = (CertificateStatus.SUSPENDED, CertificateStatus.REVOKED)


@dataclass
class OfficerPlan:
    """An officer to write: the first of its rows and the rows of its certificates."""

    first: SheetRow
    agency: Agency
    department: Department | None
    certificates: list[SheetRow] = field(default_factory=list)


@dataclass(frozen=True)
class _Stored:
    """What the file's keys find in the database, loaded in three queries."""

    officers: dict[str, Officer]
    certificates: dict[str, Certificate]
    training: dict[tuple[int, int], TrainingRecord]


def _load(plans: list[OfficerPlan], years: list[int]) -> _Stored:
    id_numbers = sorted(plan.first.values["id_number"] for plan in plans)
    numbers = sorted(row.values["number"] for plan in plans for row in plan.certificates)
    officers = {o.id_number: o for o in Officer.objects.filter(id_number__in=id_numbers)}
    records = TrainingRecord.objects.filter(
        officer__in=[o.pk for o in officers.values()], year__in=years
    )
    return _Stored(
        officers=officers,
        certificates={
            c.number: c
            for c in Certificate.objects.filter(number__in=numbers).select_related("officer")
        },
        training={(record.officer_id, record.year): record for record in records},
    )


def write_officers(
    plans: list[OfficerPlan],
    sheet: ParsedSheet,
    problems: list[ImportProblem],
    *,
    acting_user: User,
) -> ImportReport:
    """Create or update each planned officer, its certificates and training; count officers."""
    years = {
        year: column for column in sheet.found if (year := training_year(column.key)) is not None
    }
    stored = _load(plans, sorted(years))
    now = timezone.now()
    created = updated = unchanged = 0
    for plan in plans:
        officer = stored.officers.get(plan.first.values["id_number"])
        is_new = officer is None
        if officer is None:
            officer = Officer(id_number=plan.first.values["id_number"])
        changed = _assign_officer(officer, plan, sheet.present)
        if (is_new or changed) and not save_checked(
            officer,
            row=plan.first.number,
            headers=OFFICER_HEADERS,
            fallback_header=ID_NUMBER,
            problems=problems,
        ):
            continue
        for row in plan.certificates:
            certificate = stored.certificates.get(row.values["number"])
            if _write_certificate(
                officer, row, certificate, sheet.present, problems, now=now, by=acting_user
            ):
                changed = True
        for year, column in years.items():
            hours = plan.first.values.get(column.key)
            record = stored.training.get((officer.pk, year))
            if _write_training(
                officer, plan.first.number, year, hours, record, column.header, problems
            ):
                changed = True
        if is_new:
            created += 1
        elif changed:
            updated += 1
        else:
            unchanged += 1
    return ImportReport(created=created, updated=updated, unchanged=unchanged)


def _assign_officer(officer: Officer, plan: OfficerPlan, present: frozenset[str]) -> bool:
    changed = assign_fields(officer, plan.first.values, _OFFICER_FIELDS, present)
    if officer.agency_id != plan.agency.pk:
        officer.agency = plan.agency
        if "department" not in present:
            officer.department = None  # a department of the former agency means nothing here
        changed = True
    department_id = plan.department.pk if plan.department else None
    if "department" in present and officer.department_id != department_id:
        officer.department = plan.department
        changed = True
    return changed


def _write_certificate(
    officer: Officer,
    row: SheetRow,
    certificate: Certificate | None,
    present: frozenset[str],
    problems: list[ImportProblem],
    *,
    now: datetime.datetime,
    by: User,
) -> bool:
    """Create or update the row's certificate; returns whether it was written."""
    if certificate is not None and certificate.officer_id != officer.pk:
        problems.append(
            ImportProblem(
                row.number,
                NUMBER,
                _("Certificate %(number)s is held by another officer, %(name)s.")
                % {"number": certificate.number, "name": certificate.officer.name},
            )
        )
        return False
    if certificate is None:
        certificate = Certificate(officer=officer, number=row.values["number"])
    is_new = certificate.pk is None
    stored_status = certificate.status  # a new certificate starts valid
    changed = assign_fields(certificate, row.values, _CERTIFICATE_FIELDS, present)
    if not (is_new or changed):
        return False
    if not _status_allowed(certificate, stored_status, row, problems, is_new=is_new):
        return False
    if certificate.status != stored_status:
        certificate.status_changed_at = now
        certificate.status_changed_by = by
    save_checked(
        certificate,
        row=row.number,
        headers=CERTIFICATE_HEADERS,
        fallback_header=NUMBER,
        problems=problems,
    )
    return True


def _status_allowed(
    certificate: Certificate,
    stored_status: str,
    row: SheetRow,
    problems: list[ImportProblem],
    *,
    is_new: bool,
) -> bool:
    """The rules of `certificate_set_status`: revoked is final, withdrawal needs a reason."""
    if (
        not is_new
        and stored_status == CertificateStatus.REVOKED
        and certificate.status != CertificateStatus.REVOKED
    ):
        problems.append(
            ImportProblem(
                row.number,
                STATUS,
                _("A revoked certificate cannot be reinstated; issue a new one."),
            )
        )
        return False
    if certificate.status in _WITHDRAWN and not certificate.status_reason.strip():
        problems.append(
            ImportProblem(
                row.number,
                STATUS_REASON,
                _("Give the reason for suspending or revoking the certificate."),
            )
        )
        return False
    return True


def _write_training(
    officer: Officer,
    row: int,
    year: int,
    hours: int | None,
    record: TrainingRecord | None,
    header: str,
    problems: list[ImportProblem],
) -> bool:
    """Set the officer's hours of `year`; an empty cell (None) leaves the record alone."""
    if hours is None or (record is not None and record.hours == hours):
        return False
    if record is None:
        record = TrainingRecord(officer=officer, year=year, hours=hours)
    record.hours = hours
    save_checked(
        record,
        row=row,
        headers={"hours": header, "year": header},
        fallback_header=header,
        problems=problems,
    )
    return True
