"""The roster sheet (执法人员及执法证): one row per enforcement certificate (LAW-APL-42).

Columns (Chinese headers are the file format; * = column must be present):

| header           | content                                                         |
|------------------|-----------------------------------------------------------------|
| 姓名*             | officer's name                                                   |
| 身份证号*          | resident ID number (GB 11643, check digit verified); finds the officer |
| 所属执法主体*       | agency name or unified social credit code                        |
| 所属执法机构        | department name inside that agency; empty for none               |
| 职务               | position                                                        |
| 联系电话            | phone                                                           |
| 法律职业资格         | 是 / 否 (LAW-APL-58); empty means 否                                |
| 法律职业资格证书编号   | its certificate number; only with 是                               |
| 证件编号*          | enforcement certificate number; finds the certificate              |
| 执法领域*          | enforcement field                                                |
| 发证机关            | issuing authority                                                |
| 发证日期*          | issued on (date cell or 2024-01-01)                              |
| 有效期至*          | expires on, after the issue date                                 |
| 证件状态            | 有效 (empty) / 过期 / 暂扣 / 吊销                                     |
| 状态说明            | reason; required for 暂扣 and 吊销                                 |
| YYYY年度培训学时     | legal training hours of year YYYY (TJ-SUP-10); one column per year |

An officer with several certificates takes one row per certificate; the officer cells (name to
training) repeat on each and must agree. An officer without certificates is one row with the
certificate cells empty. Certificates and training years missing from the file are left as
they are, and so is a training cell left empty (a number, 0 included, is written). A column
missing from the file leaves that field unchanged, except that moving an officer to another
agency without the 所属执法机构 column clears the department.

Export: the officers of the user's private scope (`selectors.officer_roster`). Only
administrators (everything) and supervisors (their agencies) get the ID numbers
(`access.roster_carries_id_numbers`); agency staff get their own agency without them, and a
user without a private scope is refused.
"""

from __future__ import annotations

from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core.errors import PermissionDeniedError
from sanxiang.registry.access import (
    AnyUser,
    private_scope,
    require_administrator,
    roster_carries_id_numbers,
)
from sanxiang.registry.models import Agency, Department, Officer, User
from sanxiang.registry.selectors import officer_roster
from sanxiang.registry.spreadsheets.engine import (
    ImportProblem,
    ParsedSheet,
    SheetRow,
    is_blank,
    raise_if_problems,
    read_sheet,
    write_sheet,
)
from sanxiang.registry.spreadsheets.imports import (
    AgencyResolver,
    ImportReport,
    check_repeated_cells,
    unknown_agency_reason,
)
from sanxiang.registry.spreadsheets.labels import certificate_status_label
from sanxiang.registry.spreadsheets.officer_columns import (
    AGENCY,
    CERTIFICATE_COLUMNS,
    CERTIFICATE_HEADERS,
    CERTIFICATE_KEYS,
    CERTIFICATE_REQUIRED,
    COLUMNS,
    DEPARTMENT,
    EXPIRES_ON,
    NUMBER,
    OFFICER_HEADERS,
    QUALIFICATION_NUMBER,
    QUALIFIED,
    TRAINING,
    training_column,
    training_year,
)
from sanxiang.registry.spreadsheets.officer_records import OfficerPlan, write_officers

SHEET_NAME = "执法人员及执法证"
FILE_NAME = "officers.xlsx"


def officers_import(*, file: IO[bytes] | bytes, acting_user: User) -> ImportReport:
    """Create or update officers (by ID number), their certificates (by number) and training.

    All or nothing, every problem reported with row and column (see `engine`), idempotent;
    the report counts officers. Checks: required cells, ID numbers (GB 11643 check digit),
    known agency and a department of that agency, officer cells agreeing across an officer's
    rows, dates with expiry after issue, certificate numbers once in the file and not held by
    another officer, status labels, a reason for 暂扣 and 吊销 and no reinstating a revoked
    certificate (as `certificate_set_status`), training hours. Only administrators import.
    """
    require_administrator(acting_user)
    sheet = read_sheet(file, columns=COLUMNS, sheet_name=SHEET_NAME, families=(TRAINING,))
    problems = sheet.problems
    plans = _plan(sheet, problems)
    raise_if_problems(problems)
    with transaction.atomic():
        report = write_officers(plans, sheet, problems, acting_user=acting_user)
        raise_if_problems(problems)  # inside the transaction: rolls everything back
    return report


class _Departments:
    """Departments named in the file, by agency and name (one query)."""

    def __init__(self, names: set[str]) -> None:
        self._by_name: dict[str, list[Department]] = {}
        for department in Department.objects.filter(name__in=sorted(names)).select_related(
            "agency"
        ):
            self._by_name.setdefault(department.name, []).append(department)

    def resolve(self, agency: Agency, name: str) -> Department | str:
        """The agency's department called `name`, or why there is none."""
        found = self._by_name.get(name, [])
        own = next((d for d in found if d.agency_id == agency.pk), None)
        if own is not None:
            return own
        if found:
            return _("%(department)s is a department of %(other)s, not of %(agency)s.") % {
                "department": name,
                "other": "、".join(d.agency.name for d in found),
                "agency": agency.name,
            }
        return _("%(agency)s has no department %(department)s.") % {
            "agency": agency.name,
            "department": name,
        }


def _plan(sheet: ParsedSheet, problems: list[ImportProblem]) -> list[OfficerPlan]:
    agencies = AgencyResolver()
    rows = sheet.rows
    departments = _Departments({row.values.get("department") or "" for row in rows} - {""})
    training = {c.key: c.header for c in sheet.found if training_year(c.key) is not None}
    headers = {**OFFICER_HEADERS, **training}
    plans: dict[str, OfficerPlan] = {}
    first_rows: dict[str, SheetRow] = {}
    certificate_rows: dict[str, int] = {}
    for row in rows:
        agency = _agency(row, agencies, problems)
        id_number = row.values.get("id_number")
        if id_number and id_number in first_rows:
            first = first_rows[id_number]
            check_repeated_cells(
                first,
                row,
                keys=headers,
                headers=headers,
                reason=_("Differs from row %(row)s, which has the same ID number.")
                % {"row": first.number},
                problems=problems,
            )
        elif id_number:
            first_rows[id_number] = row
            plan = _officer_plan(row, agency, departments, sheet.present, problems)
            if plan is not None:
                plans[id_number] = plan
        if not _has_certificate(row) or not _check_certificate(row, problems):
            continue
        number = row.values["number"]
        first_number = certificate_rows.setdefault(number, row.number)
        if first_number != row.number:
            problems.append(
                ImportProblem(
                    row.number,
                    NUMBER,
                    _("Certificate %(number)s already appears in row %(row)s.")
                    % {"number": number, "row": first_number},
                )
            )
        elif id_number in plans:
            plans[id_number].certificates.append(row)
    return list(plans.values())


def _agency(
    row: SheetRow, agencies: AgencyResolver, problems: list[ImportProblem]
) -> Agency | None:
    text = row.values.get("agency")
    if not text:
        return None
    agency = agencies.resolve(text)
    if agency is None:
        problems.append(ImportProblem(row.number, AGENCY, unknown_agency_reason(text)))
    else:
        row.values["agency"] = agency.pk  # rows naming one agency differently still agree
    return agency


def _officer_plan(
    row: SheetRow,
    agency: Agency | None,
    departments: _Departments,
    present: frozenset[str],
    problems: list[ImportProblem],
) -> OfficerPlan | None:
    ok = agency is not None
    department = None
    name = row.values.get("department")
    if agency is not None and name:
        found = departments.resolve(agency, name)
        if isinstance(found, str):
            problems.append(ImportProblem(row.number, DEPARTMENT, found))
            ok = False
        else:
            department = found
    if (
        row.values.get("legal_qualification_number")
        and "has_legal_qualification" in present
        and row.values.get("has_legal_qualification") is False
    ):
        problems.append(
            ImportProblem(
                row.number,
                QUALIFICATION_NUMBER,
                _("A qualification certificate number needs %(column)s 是.")
                % {"column": QUALIFIED},
            )
        )
        ok = False
    if not ok or agency is None:
        return None
    return OfficerPlan(first=row, agency=agency, department=department)


def _has_certificate(row: SheetRow) -> bool:
    return any(not is_blank(row.raw.get(key)) for key in CERTIFICATE_KEYS)


def _check_certificate(row: SheetRow, problems: list[ImportProblem]) -> bool:
    """A certificate row needs its number, field and both dates, expiry after issue."""
    ok = True
    for key in CERTIFICATE_REQUIRED:
        if key not in row.values:  # unreadable: the engine reported it already
            ok = False
        elif row.values[key] in (None, ""):
            problems.append(
                ImportProblem(row.number, CERTIFICATE_HEADERS[key], _("This cell is required."))
            )
            ok = False
    issued, expires = row.values.get("issued_on"), row.values.get("expires_on")
    if issued is not None and expires is not None and expires <= issued:
        problems.append(
            ImportProblem(
                row.number,
                EXPIRES_ON,
                _("The certificate expires on %(expires)s, not after its issue on %(issued)s.")
                % {"expires": expires.isoformat(), "issued": issued.isoformat()},
            )
        )
        ok = False
    return ok and all(key in row.values for key in CERTIFICATE_KEYS if key in row.raw)


def officers_export(*, user: AnyUser) -> bytes:
    """The roster of the user's private scope in import layout (module docstring: who gets
    which rows and whether ID numbers are written). Refuses users without a private scope."""
    scope = private_scope(user)
    if scope.is_empty:
        raise PermissionDeniedError(_("Your account has no agency whose roster it may download."))
    with_ids = roster_carries_id_numbers(user)
    officers = officer_roster(user=user, scope=scope)
    years = sorted({record.year for officer in officers for record in officer.training.all()})
    rows: list[list[Any]] = []
    for officer in officers:
        hours = {record.year: record.hours for record in officer.training.all()}
        head = _officer_cells(officer, with_ids=with_ids)
        tail = [hours.get(year) for year in years]
        certificates = list(officer.certificates.all())  # prefetched by number
        if not certificates:
            rows.append([*head, *[None] * len(CERTIFICATE_COLUMNS), *tail])
        for certificate in certificates:
            rows.append(
                [
                    *head,
                    certificate.number,
                    certificate.field,
                    certificate.issuing_authority,
                    certificate.issued_on,
                    certificate.expires_on,
                    certificate_status_label(certificate.status),
                    certificate.status_reason,
                    *tail,
                ]
            )
    columns = (*COLUMNS, *(training_column(year) for year in years))
    return write_sheet(columns=columns, rows=rows, sheet_name=SHEET_NAME)


def _officer_cells(officer: Officer, *, with_ids: bool) -> list[Any]:
    return [
        officer.name,
        officer.id_number if with_ids else None,
        officer.agency.name,
        officer.department.name if officer.department else None,
        officer.position,
        officer.phone,
        "是" if officer.has_legal_qualification else "否",
        officer.legal_qualification_number,
    ]
