"""The power-list sheet (权责清单): one row per power item with its legal basis.

Columns (Chinese headers are the file format; * = column must be present, cell required):

| header   | content                                                        |
|----------|----------------------------------------------------------------|
| 事项编码*  | item code, unique per agency; the import updates by it           |
| 事项名称*  | name                                                             |
| 执法类别*  | 行政处罚 / 行政许可 / 行政检查 / 行政征收征用 / 行政强制 / 行政收费 / 其他行政权力 |
| 实施主体*  | agency name or unified social credit code                        |
| 违法行为   | the illegal conduct (penalty items)                              |
| 设定依据   | references 《法名》第N条, several separated by ；                   |
| 违法依据   | idem (the provision violated)                                    |
| 处罚依据   | idem (the provision setting the penalty)                         |
| 责任事项   | responsibilities                                                 |
| 追责情形   | accountability                                                   |

The unstarred columns may be left out of a sheet; a column that is absent leaves that field
(and that kind of legal basis) unchanged on items that already exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO

from django.db import transaction
from django.utils import timezone

from sanxiang.registry.access import AnyUser, require_administrator
from sanxiang.registry.models import Agency, BasisKind, PowerItem, PowerItemBasis, Provision, User
from sanxiang.registry.selectors import PowerItemFilters, power_item_list_with_basis
from sanxiang.registry.spreadsheets.cells import parse_text
from sanxiang.registry.spreadsheets.engine import (
    Column,
    ImportProblem,
    SheetRow,
    raise_if_problems,
    read_sheet,
    write_sheet,
)
from sanxiang.registry.spreadsheets.imports import (
    AgencyResolver,
    ImportReport,
    duplicate_reason,
    save_checked,
    unknown_agency_reason,
)
from sanxiang.registry.spreadsheets.labels import act_type_label, parse_act_type
from sanxiang.registry.spreadsheets.references import (
    SEPARATOR,
    ProvisionResolver,
    ReferenceFormatter,
    reference_titles,
    split_references,
)

SHEET_NAME = "权责清单"
FILE_NAME = "power-items.xlsx"

CODE = "事项编码"
NAME = "事项名称"
ACT_TYPE = "执法类别"
AGENCY = "实施主体"
VIOLATION = "违法行为"
AUTHORITY_BASIS = "设定依据"
VIOLATION_BASIS = "违法依据"
PENALTY_BASIS = "处罚依据"
RESPONSIBILITY = "责任事项"
ACCOUNTABILITY = "追责情形"

COLUMNS: tuple[Column, ...] = (
    Column("code", CODE, required=True, parse=parse_text, aliases=("权责事项编码",)),
    Column("name", NAME, required=True, parse=parse_text, aliases=("权责事项名称",), width=40),
    Column("act_type", ACT_TYPE, required=True, parse=parse_act_type, aliases=("事项类别",)),
    Column("agency", AGENCY, required=True, parse=parse_text, aliases=("执法主体",), width=30),
    Column("violation", VIOLATION, optional_column=True, width=40),
    Column("authority", AUTHORITY_BASIS, optional_column=True, aliases=("实施依据",), width=50),
    Column("violated", VIOLATION_BASIS, optional_column=True, width=50),
    Column("penalty", PENALTY_BASIS, optional_column=True, width=50),
    Column("responsibility", RESPONSIBILITY, optional_column=True, width=40),
    Column("accountability", ACCOUNTABILITY, optional_column=True, width=40),
)
_BASIS_COLUMNS: dict[str, tuple[BasisKind, str]] = {
    "authority": (BasisKind.AUTHORITY, AUTHORITY_BASIS),
    "violated": (BasisKind.VIOLATION, VIOLATION_BASIS),
    "penalty": (BasisKind.PENALTY, PENALTY_BASIS),
}
# Model field ← column key, and the header a model validation message belongs to.
_FIELDS = {
    "name": "name",
    "act_type": "act_type",
    "violation": "violation",
    "responsibility": "responsibility",
    "accountability": "accountability",
}
_HEADERS = {
    "code": CODE,
    "name": NAME,
    "act_type": ACT_TYPE,
    "agency": AGENCY,
    "violation": VIOLATION,
    "responsibility": RESPONSIBILITY,
    "accountability": ACCOUNTABILITY,
}


@dataclass
class _Plan:
    row: SheetRow
    agency: Agency
    basis: dict[BasisKind, set[Provision]] = field(default_factory=dict)


def power_items_import(*, file: IO[bytes] | bytes, acting_user: User) -> ImportReport:
    """Create or update power items (by agency + code) and their legal basis from a sheet.

    All or nothing: every bad row is reported as an `ImportProblem` and the whole file is
    refused with `ApplicationError("import.invalid")` without writing anything. Re-importing
    the same file changes nothing (idempotent). Only administrators may import.
    """
    require_administrator(acting_user)
    sheet = read_sheet(file, columns=COLUMNS, sheet_name=SHEET_NAME)
    problems = sheet.problems
    plans = _plan(sheet.rows, sheet.present, problems)
    raise_if_problems(problems)
    with transaction.atomic():
        report = _apply(plans, sheet.present, problems)
        raise_if_problems(problems)  # inside the transaction: rolls everything back
    return report


def _plan(
    rows: list[SheetRow], present: frozenset[str], problems: list[ImportProblem]
) -> list[_Plan]:
    agencies = AgencyResolver()
    basis_cells = [row.values.get(key, "") for row in rows for key in _BASIS_COLUMNS]
    provisions = ProvisionResolver(reference_titles(basis_cells), today=timezone.localdate())
    seen: dict[tuple[int, str], int] = {}
    plans: list[_Plan] = []
    for row in rows:
        agency = None
        if row.values.get("agency"):
            agency = agencies.resolve(row.values["agency"])
            if agency is None:
                problems.append(
                    ImportProblem(row.number, AGENCY, unknown_agency_reason(row.values["agency"]))
                )
        basis: dict[BasisKind, set[Provision]] = {}
        for key, (kind, header) in _BASIS_COLUMNS.items():
            if key not in present:
                continue
            basis[kind] = set()
            for text in split_references(row.values.get(key, "")):
                found = provisions.resolve(text)
                if isinstance(found, str):
                    problems.append(ImportProblem(row.number, header, found))
                else:
                    basis[kind].add(found)
        code = row.values.get("code")
        if agency is None or not code:
            continue
        first = seen.setdefault((agency.pk, code), row.number)
        if first != row.number:
            problems.append(ImportProblem(row.number, CODE, duplicate_reason(first)))
            continue
        plans.append(_Plan(row=row, agency=agency, basis=basis))
    return plans


def _apply(
    plans: list[_Plan], present: frozenset[str], problems: list[ImportProblem]
) -> ImportReport:
    codes = sorted({plan.row.values["code"] for plan in plans})
    existing = {
        (item.agency_id, item.code): item
        for item in PowerItem.objects.filter(code__in=codes).prefetch_related("basis_links")
    }
    created = updated = unchanged = 0
    for plan in plans:
        values = plan.row.values
        item = existing.get((plan.agency.pk, values["code"]))
        is_new = item is None
        if item is None:
            item = PowerItem(agency=plan.agency, code=values["code"])
        changed = is_new
        for key, field_name in _FIELDS.items():
            if key in present and key in values and getattr(item, field_name) != values[key]:
                setattr(item, field_name, values[key])
                changed = True
        if changed and not save_checked(
            item, row=plan.row.number, headers=_HEADERS, fallback_header=CODE, problems=problems
        ):
            continue
        links_changed = _sync_basis(item, plan.basis, is_new=is_new)
        if is_new:
            created += 1
        elif changed or links_changed:
            updated += 1
        else:
            unchanged += 1
    return ImportReport(created=created, updated=updated, unchanged=unchanged)


def _sync_basis(item: PowerItem, wanted: dict[BasisKind, set[Provision]], *, is_new: bool) -> bool:
    """Make the item's links of each given kind exactly the wanted provisions."""
    current: set[tuple[int, str]] = (
        set()
        if is_new
        else {
            (link.provision_id, link.kind) for link in item.basis_links.all() if link.kind in wanted
        }
    )
    desired: set[tuple[int, str]] = {
        (provision.pk, kind) for kind, provisions in wanted.items() for provision in provisions
    }
    stale = current - desired
    for provision_id, kind in stale:
        PowerItemBasis.objects.filter(
            power_item=item, provision_id=provision_id, kind=kind
        ).delete()
    # The set difference guarantees the (item, provision, kind) uniqueness full_clean would check.
    PowerItemBasis.objects.bulk_create(
        PowerItemBasis(power_item=item, provision_id=provision_id, kind=kind)
        for provision_id, kind in sorted(desired - current)
    )
    return bool(stale or desired - current)


def power_items_export(*, user: AnyUser, filters: PowerItemFilters | None = None) -> bytes:
    """The visible power items (inactive ones too, inside the user's scope) in import layout."""
    filters = filters or PowerItemFilters(include_inactive=True)
    formatter = ReferenceFormatter()
    rows = []
    for item in power_item_list_with_basis(user=user, filters=filters):
        references: dict[BasisKind, list[str]] = {kind: [] for kind in BasisKind}
        for link in item.basis_links.all():  # prefetched with provision and law
            references[BasisKind(link.kind)].append(formatter.format(link.provision))
        rows.append(
            [
                item.code,
                item.name,
                act_type_label(item.act_type),
                item.agency.name,
                item.violation,
                SEPARATOR.join(references[BasisKind.AUTHORITY]),
                SEPARATOR.join(references[BasisKind.VIOLATION]),
                SEPARATOR.join(references[BasisKind.PENALTY]),
                item.responsibility,
                item.accountability,
            ]
        )
    return write_sheet(columns=COLUMNS, rows=rows, sheet_name=SHEET_NAME)
