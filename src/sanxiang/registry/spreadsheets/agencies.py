"""The agency sheet (执法主体及执法机构): one row per department (执法机构) of an agency.

Columns (Chinese headers are the file format; * = column must be present):

| header       | content                                                             |
|--------------|---------------------------------------------------------------------|
| 执法主体名称*   | agency name (unique)                                                 |
| 统一社会信用代码* | GB 32100 code, check character verified; finds the agency            |
| 文号代字       | document-number prefix, e.g. 津市监                                     |
| 主体类型*      | 人民政府 / 政府工作部门 / 法律法规授权组织 / 受委托组织 / 行政执法监督机关 |
| 行政区划代码*   | GB/T 2260 code of a stored region                                    |
| 上级机关       | parent agency: name or credit code, stored or defined in this file   |
| 监督机关       | supervising legal-affairs office (TJ-SUP-6): idem                   |
| 垂直管理       | 是 / 否 (LAW-ARL-24/27); empty means 否                                |
| 地址           | address                                                             |
| 联系电话        | phone                                                               |
| 执法机构名称     | department name, unique within the agency; finds the department      |
| 执法机构编码     | department code                                                     |
| 法制审核机构     | 是 / 否: the department reviews major decisions (GUO-118-11)           |

An agency with several departments takes one row per department and its cells (name to phone)
repeat on each and must agree; an agency without departments is one row with the department
cells empty. 上级机关 and 监督机关 may name an agency further down the file; no agency may be its
own parent or supervisor, directly or through a chain (`agency_references`). Departments
missing from the file are left as they are. A column missing from the file leaves that field
unchanged. Agencies are public (GUO-118-04): everyone may download the ones they see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.registry.access import AnyUser, require_administrator
from sanxiang.registry.models import Agency, Department, Region, User
from sanxiang.registry.selectors import agency_list_with_departments
from sanxiang.registry.spreadsheets.agency_references import (
    AgencyIndex,
    FileAgency,
    cycle_reason,
    stored_links,
)
from sanxiang.registry.spreadsheets.cells import parse_credit_code_cell, parse_text, parse_yes_no
from sanxiang.registry.spreadsheets.engine import (
    Column,
    ImportProblem,
    SheetRow,
    is_blank,
    raise_if_problems,
    read_sheet,
    write_sheet,
)
from sanxiang.registry.spreadsheets.imports import (
    ImportReport,
    assign_fields,
    check_repeated_cells,
    save_checked,
    unknown_agency_reason,
)
from sanxiang.registry.spreadsheets.labels import agency_kind_label, parse_agency_kind

SHEET_NAME = "执法主体及执法机构"
FILE_NAME = "agencies.xlsx"

NAME, CREDIT_CODE, SHORT_NAME, KIND = "执法主体名称", "统一社会信用代码", "文号代字", "主体类型"
REGION, PARENT, SUPERVISOR, VERTICAL = "行政区划代码", "上级机关", "监督机关", "垂直管理"
ADDRESS, PHONE = "地址", "联系电话"
DEPARTMENT, DEPARTMENT_CODE, LEGAL_OFFICE = "执法机构名称", "执法机构编码", "法制审核机构"

# Keys are the model field names (department ones prefixed), so validation finds its column.
COLUMNS: tuple[Column, ...] = (
    Column("name", NAME, required=True, parse=parse_text, aliases=("执法主体",), width=30),
    Column("credit_code", CREDIT_CODE, required=True, parse=parse_credit_code_cell, width=22),
    Column("short_name", SHORT_NAME, optional_column=True, width=10),
    Column("kind", KIND, required=True, parse=parse_agency_kind, width=16),
    Column("region", REGION, required=True, parse=parse_text, width=12),
    Column("parent", PARENT, optional_column=True, width=30),
    Column("supervising_body", SUPERVISOR, optional_column=True, width=30),
    Column("is_vertical", VERTICAL, parse=parse_yes_no, optional_column=True, width=10),
    Column("address", ADDRESS, optional_column=True, width=30),
    Column("phone", PHONE, optional_column=True, width=14),
    Column("department", DEPARTMENT, optional_column=True, aliases=("执法机构",), width=20),
    Column("department_code", DEPARTMENT_CODE, optional_column=True, width=14),
    Column("is_legal_office", LEGAL_OFFICE, parse=parse_yes_no, optional_column=True, width=12),
)
_HEADERS = {column.key: column.header for column in COLUMNS}
_AGENCY_KEYS = tuple(_HEADERS)[:10]  # name … phone: repeated on each department row
_AGENCY_FIELDS = ("name", "short_name", "kind", "is_vertical", "address", "phone")
_REFERENCES = ("parent", "supervising_body")
_DEPARTMENT_FIELDS = {"department_code": "code", "is_legal_office": "is_legal_office"}
_DEPARTMENT_HEADERS = {"name": DEPARTMENT, "code": DEPARTMENT_CODE, "is_legal_office": LEGAL_OFFICE}


@dataclass
class _Plan:
    first: SheetRow
    region: Region
    references: dict[str, str | None] = field(default_factory=dict)  # relation → credit code
    departments: list[SheetRow] = field(default_factory=list)


def agencies_import(*, file: IO[bytes] | bytes, acting_user: User) -> ImportReport:
    """Create or update agencies (by credit code), their departments (by name) and links.

    All or nothing, every problem reported with row and column (see `engine`), idempotent;
    the report counts agencies. Checks: required cells, GB 32100 credit codes, agency kinds,
    stored regions, an agency's cells agreeing across its rows, one credit code per name,
    department names once per agency, references to known agencies (in the file or stored)
    without cycles, and model validation (unique names). Only administrators import.
    """
    require_administrator(acting_user)
    sheet = read_sheet(file, columns=COLUMNS, sheet_name=SHEET_NAME)
    problems = sheet.problems
    plans = _plan(sheet.rows, problems)
    raise_if_problems(problems)
    with transaction.atomic():
        report = _write(plans, sheet.present, problems)
        raise_if_problems(problems)  # inside the transaction: rolls everything back
    return report


def _problem(problems: list[ImportProblem], row: SheetRow, key: str, reason: str) -> None:
    problems.append(ImportProblem(row.number, _HEADERS[key], reason))


def _plan(rows: list[SheetRow], problems: list[ImportProblem]) -> list[_Plan]:
    codes = {row.values.get("region") for row in rows} - {None, ""}
    regions = {region.code: region for region in Region.objects.filter(code__in=sorted(codes))}
    first_rows: dict[str, SheetRow] = {}
    names: dict[str, tuple[str, int]] = {}
    departments: dict[tuple[str, str], int] = {}
    plans: dict[str, _Plan] = {}
    for row in rows:
        code = row.values.get("credit_code")
        if code in first_rows:
            first = first_rows[code]
            reason = _("Differs from row %(row)s, which has the same credit code.") % {
                "row": first.number
            }
            check_repeated_cells(
                first, row, keys=_AGENCY_KEYS, headers=_HEADERS, reason=reason, problems=problems
            )
        elif code:
            first_rows[code] = row
            plan = _agency_plan(row, code, regions, names, problems)
            if plan is not None:
                plans[code] = plan
        if not _has_department(row) or not code:
            continue
        name = row.values.get("department")
        if not name:
            if "department" in row.values:
                _problem(problems, row, "department", _("This cell is required."))
            continue
        first_number = departments.setdefault((code, name), row.number)
        if first_number != row.number:
            _problem(
                problems,
                row,
                "department",
                _("Department %(name)s already appears in row %(row)s.")
                % {"name": name, "row": first_number},
            )
        elif code in plans:
            plans[code].departments.append(row)
    _resolve_references(plans, first_rows, problems)
    return list(plans.values())


def _agency_plan(
    row: SheetRow,
    code: str,
    regions: dict[str, Region],
    names: dict[str, tuple[str, int]],
    problems: list[ImportProblem],
) -> _Plan | None:
    name = row.values.get("name")
    if name:
        other_code, other_row = names.setdefault(name, (code, row.number))
        if other_code != code:
            _problem(
                problems,
                row,
                "name",
                _("%(name)s already appears in row %(row)s with another credit code.")
                % {"name": name, "row": other_row},
            )
    region_code = row.values.get("region")
    region = regions.get(region_code or "")
    if region_code and region is None:
        _problem(
            problems,
            row,
            "region",
            _("Unknown region code %(code)s (GB/T 2260).") % {"code": region_code},
        )
    return None if region is None else _Plan(first=row, region=region)


def _has_department(row: SheetRow) -> bool:
    return (
        not is_blank(row.raw.get("department"))
        or not is_blank(row.raw.get("department_code"))
        or row.values.get("is_legal_office") is True
    )


def _resolve_references(
    plans: dict[str, _Plan], first_rows: dict[str, SheetRow], problems: list[ImportProblem]
) -> None:
    """Second pass: references may name agencies defined anywhere in the file."""
    stored = list(Agency.objects.all())
    in_file = [
        FileAgency(code, row.values["name"])
        for code, row in first_rows.items()
        if "name" in row.values
    ]
    index = AgencyIndex(in_file, stored)
    for relation in _REFERENCES:
        links = stored_links(stored, relation)
        for code, row in first_rows.items():
            text = row.values.get(relation)
            target = index.resolve(text) if text else None
            if text and target is None:
                _problem(problems, row, relation, unknown_agency_reason(text))
            if relation in row.values:  # a column missing from the file keeps the stored link
                links[code] = target
            if code in plans:
                plans[code].references[relation] = target
        for code, row in first_rows.items():
            reason = cycle_reason(code, links, index.names) if row.values.get(relation) else ""
            if reason:
                _problem(problems, row, relation, reason)


def _write(
    plans: list[_Plan], present: frozenset[str], problems: list[ImportProblem]
) -> ImportReport:
    codes = {plan.first.values["credit_code"] for plan in plans} | {
        target for plan in plans for target in plan.references.values() if target
    }
    agencies = {
        agency.credit_code: agency
        for agency in Agency.objects.filter(credit_code__in=sorted(codes)).prefetch_related(
            "departments"
        )
    }
    created: set[str] = set()
    changed: set[str] = set()
    for plan in plans:  # first pass: the agencies and their departments
        code = plan.first.values["credit_code"]
        agency = agencies.get(code)
        if agency is None:
            agency = agencies[code] = Agency(credit_code=code)
            created.add(code)
        if assign_fields(agency, plan.first.values, _AGENCY_FIELDS, present) or (
            agency.region_id != plan.region.code
        ):
            agency.region = plan.region
            changed.add(code)
        if (code in created or code in changed) and not _save(agency, plan.first, problems):
            continue
        if _write_departments(agency, plan, present, problems, is_new=code in created):
            changed.add(code)
    for plan in plans:  # second pass: links, now that every agency of the file exists
        code = plan.first.values["credit_code"]
        agency = agencies[code]
        linked = False
        for relation, target in plan.references.items():
            if relation in present and _link(agency, relation, agencies.get(target or "")):
                linked = True
        if linked and agency.pk is not None:
            changed.add(code)
            _save(agency, plan.first, problems)
    return ImportReport(
        created=len(created),
        updated=len(changed - created),
        unchanged=len(plans) - len(created | changed),
    )


def _save(agency: Agency, row: SheetRow, problems: list[ImportProblem]) -> bool:
    return save_checked(
        agency, row=row.number, headers=_HEADERS, fallback_header=NAME, problems=problems
    )


def _link(agency: Agency, relation: str, target: Agency | None) -> bool:
    target_id = target.pk if target is not None else None
    if getattr(agency, f"{relation}_id") == target_id:
        return False
    setattr(agency, relation, target)
    return True


def _write_departments(
    agency: Agency,
    plan: _Plan,
    present: frozenset[str],
    problems: list[ImportProblem],
    *,
    is_new: bool,
) -> bool:
    stored = {} if is_new else {d.name: d for d in agency.departments.all()}
    columns = [c for c in _DEPARTMENT_FIELDS if c in present]
    changed = False
    for row in plan.departments:
        values = {_DEPARTMENT_FIELDS[c]: row.values[c] for c in columns if c in row.values}
        department = stored.get(row.values["department"])
        if department is None:
            department = Department(agency=agency, name=row.values["department"])
        if assign_fields(department, values, values, frozenset(values)) or department.pk is None:
            changed = True
            save_checked(
                department,
                row=row.number,
                headers=_DEPARTMENT_HEADERS,
                fallback_header=DEPARTMENT,
                problems=problems,
            )
    return changed


def agencies_export(*, user: AnyUser) -> bytes:
    """The agencies `user` sees, one row per department, in import layout (round-trips)."""
    agencies = list(agency_list_with_departments(user=user))
    visible = {agency.pk for agency in agencies}
    rows: list[list[Any]] = []
    for agency in agencies:
        head = [
            agency.name,
            agency.credit_code,
            agency.short_name,
            agency_kind_label(agency.kind),
            agency.region_id,
            _reference_cell(agency.parent, visible),
            _reference_cell(agency.supervising_body, visible),
            "是" if agency.is_vertical else "否",
            agency.address,
            agency.phone,
        ]
        departments = list(agency.departments.all())  # prefetched by name
        if not departments:
            rows.append([*head, None, None, None])
        rows.extend(
            [*head, d.name, d.code, "是" if d.is_legal_office else "否"] for d in departments
        )
    return write_sheet(columns=COLUMNS, rows=rows, sheet_name=SHEET_NAME)


def _reference_cell(agency: Agency | None, visible: set[int]) -> str | None:
    # An agency the user cannot see (an inactive one) is not named in their file.
    return agency.name if agency is not None and agency.pk in visible else None
