"""The discretion-standard sheet (裁量基准, LAW-APL-34, TJ-SUP-12/13): one row per tier.

Columns (Chinese headers are the file format; * = column must be present):

| header       | content                                                             |
|--------------|---------------------------------------------------------------------|
| 基准编码*      | standard code (unique); the import updates by it                     |
| 基准名称*      | title                                                                |
| 实施主体       | agency name or credit code; needed when several agencies use the code |
| 权责事项编码*   | code of the power item the standard belongs to                       |
| 生效日期*      | effective from (date cell or 2022-01-01)                              |
| 失效日期       | effective to (empty while in force)                                   |
| 从轻情节       | mitigating factors, one per line                                      |
| 从重情节       | aggravating factors, one per line                                     |
| 档次序号*      | tier order 1, 2, 3 …                                                 |
| 情节档次*      | tier level, e.g. 轻微 / 一般 / 严重                                     |
| 具体情形*      | circumstance                                                         |
| 适用对象       | 不限 (empty), 自然人 (个人) or 单位                                      |
| 罚款计算基数    | 固定金额 (empty), 货值金额, 违法所得, 广告费用, 建设项目总投资额, 应纳税额, |
|              | 其他计算基数                                                           |
| 罚款下限(元)    | minimum fine in yuan (two decimals at most); 固定金额 only              |
| 罚款上限(元)    | maximum fine in yuan, not below the minimum; 固定金额 only             |
| 倍数下限       | minimum multiple of the basis: 10, 0.5 or 50%; other bases only      |
| 倍数上限       | maximum multiple, not below the minimum; other bases only            |
| 拘留天数下限    | minimum days of 行政拘留 (1 to 15)                                      |
| 拘留天数上限    | maximum days of 行政拘留, not below the minimum; not with 单位           |
| 处罚种类       | LAW-APL-9 types separated by 、: 警告、罚款、没收违法所得 …              |
| 其他处罚       | other measures as text                                               |

The standard's own cells repeat on each of its tier rows and must agree. A standard without
tiers is one row with the tier cells empty. The tiers in the file replace the stored ones. A
column missing from the file leaves that field of existing tiers as it is (older layouts
without the basis, multiple, detention and party columns still import).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from sanxiang.registry.access import AnyUser, require_administrator
from sanxiang.registry.models import DiscretionStandard, DiscretionTier, PowerItem, User
from sanxiang.registry.selectors import discretion_standard_list
from sanxiang.registry.spreadsheets.cells import parse_date, parse_text
from sanxiang.registry.spreadsheets.discretion_tiers import (
    ORDER,
    TIER_COLUMNS,
    TIER_FIELDS,
    TIER_HEADERS,
    TIER_KEYS,
    check_tier,
    has_tier,
    tier_cells,
)
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
    assign_fields,
    check_repeated_cells,
    duplicate_reason,
    save_checked,
    unknown_agency_reason,
)

SHEET_NAME = "裁量基准"
FILE_NAME = "discretion-standards.xlsx"

CODE, TITLE, AGENCY, POWER_ITEM = "基准编码", "基准名称", "实施主体", "权责事项编码"
EFFECTIVE_FROM, EFFECTIVE_TO = "生效日期", "失效日期"
MITIGATING, AGGRAVATING = "从轻情节", "从重情节"

_DATE_FORMAT = "yyyy-mm-dd"
COLUMNS: tuple[Column, ...] = (
    Column("code", CODE, required=True, parse=parse_text, aliases=("裁量基准编码",)),
    Column("title", TITLE, required=True, parse=parse_text, aliases=("裁量基准名称",), width=40),
    Column("agency", AGENCY, parse=parse_text, optional_column=True, width=30),
    Column("power_item", POWER_ITEM, required=True, parse=parse_text, aliases=("事项编码",)),
    Column(
        "effective_from",
        EFFECTIVE_FROM,
        required=True,
        parse=parse_date,
        number_format=_DATE_FORMAT,
        width=12,
    ),
    Column(
        "effective_to",
        EFFECTIVE_TO,
        parse=parse_date,
        optional_column=True,
        number_format=_DATE_FORMAT,
        width=12,
    ),
    Column("mitigating_factors", MITIGATING, optional_column=True, width=30),
    Column("aggravating_factors", AGGRAVATING, optional_column=True, width=30),
    *TIER_COLUMNS,
)
_STANDARD_KEYS = (
    "title",
    "agency",
    "power_item",
    "effective_from",
    "effective_to",
    "mitigating_factors",
    "aggravating_factors",
)
_HEADER_BY_KEY = {column.key: column.header for column in COLUMNS}
_STANDARD_FIELDS = (
    "title",
    "effective_from",
    "effective_to",
    "mitigating_factors",
    "aggravating_factors",
)
_STANDARD_HEADERS = {**_HEADER_BY_KEY, "power_item": POWER_ITEM}


@dataclass
class _Plan:
    first: SheetRow
    power_item: PowerItem
    tiers: list[SheetRow] = field(default_factory=list)


def discretion_standards_import(*, file: IO[bytes] | bytes, acting_user: User) -> ImportReport:
    """Create or update discretion standards (by code) and replace their tiers from a sheet.

    All or nothing, every problem reported with row and column (see `engine`), idempotent.
    Checks: required cells, dates, amounts (not negative, at most two decimals), multiples
    (not negative, at most four decimals) and detention days (1 to 15), every minimum not
    above its maximum, one fine basis per tier (multiples need a basis other than 固定金额,
    which alone takes yuan), detention not for 单位, LAW-APL-9 penalty types, known power
    item, duplicate tier order in the file, and that a standard's repeated cells agree. Only
    administrators may import.
    """
    require_administrator(acting_user)
    sheet = read_sheet(file, columns=COLUMNS, sheet_name=SHEET_NAME)
    problems = sheet.problems
    plans = _plan(sheet.rows, problems)
    raise_if_problems(problems)
    with transaction.atomic():
        report = _apply(plans, sheet.present, problems)
        raise_if_problems(problems)  # inside the transaction: rolls everything back
    return report


def _problem(problems: list[ImportProblem], row: SheetRow, key: str, reason: str) -> None:
    problems.append(ImportProblem(row.number, _HEADER_BY_KEY[key], reason))


def _plan(rows: list[SheetRow], problems: list[ImportProblem]) -> list[_Plan]:
    items_by_code: dict[str, list[PowerItem]] = {}
    codes = sorted({row.values.get("power_item", "") for row in rows} - {""})
    for item in PowerItem.objects.filter(code__in=codes).select_related("agency"):
        items_by_code.setdefault(item.code, []).append(item)
    agencies = AgencyResolver()
    plans: dict[str, _Plan] = {}
    first_rows: dict[str, SheetRow] = {}
    tier_rows: dict[tuple[str, int], int] = {}
    for row in rows:
        code = row.values.get("code") or ""
        if code in first_rows:
            _check_same_standard(first_rows[code], row, problems)
        elif code:
            first_rows[code] = row
            resolved = _resolve_item(row, items_by_code, agencies, problems)
            if resolved is not None:
                plans[code] = _Plan(first=row, power_item=resolved)
        if not has_tier(row) or not check_tier(row, problems) or not code:
            continue
        first = tier_rows.setdefault((code, row.values["order"]), row.number)
        if first != row.number:
            _problem(problems, row, "order", duplicate_reason(first))
        elif code in plans:
            plans[code].tiers.append(row)
    return list(plans.values())


def _resolve_item(
    row: SheetRow,
    items_by_code: dict[str, list[PowerItem]],
    agencies: AgencyResolver,
    problems: list[ImportProblem],
) -> PowerItem | None:
    code = row.values.get("power_item")
    if not code:
        return None
    candidates = items_by_code.get(code, [])
    if row.values.get("agency"):
        agency = agencies.resolve(row.values["agency"])
        if agency is None:
            _problem(problems, row, "agency", unknown_agency_reason(row.values["agency"]))
            return None
        candidates = [item for item in candidates if item.agency_id == agency.pk]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        reason = _("No power item has the code %(code)s.") % {"code": code}
    else:
        reason = _("Several agencies use the code %(code)s; fill in %(column)s.") % {
            "code": code,
            "column": AGENCY,
        }
    _problem(problems, row, "power_item", reason)
    return None


def _check_same_standard(first: SheetRow, row: SheetRow, problems: list[ImportProblem]) -> None:
    check_repeated_cells(
        first,
        row,
        keys=_STANDARD_KEYS,
        headers=_HEADER_BY_KEY,
        reason=_("Differs from row %(row)s, which has the same standard code.")
        % {"row": first.number},
        problems=problems,
    )


def _apply(
    plans: list[_Plan], present: frozenset[str], problems: list[ImportProblem]
) -> ImportReport:
    existing = {
        s.code: s
        for s in DiscretionStandard.objects.filter(
            code__in=[p.first.values["code"] for p in plans]
        ).prefetch_related("tiers")
    }
    created = updated = unchanged = 0
    for plan in plans:
        values = plan.first.values
        standard = existing.get(values["code"])
        is_new = standard is None
        if standard is None:
            standard = DiscretionStandard(code=values["code"])
        changed = assign_fields(standard, values, _STANDARD_FIELDS, present)
        if standard.power_item_id != plan.power_item.pk:
            standard.power_item = plan.power_item
            changed = True
        if (is_new or changed) and not save_checked(
            standard,
            row=plan.first.number,
            headers=_STANDARD_HEADERS,
            fallback_header=CODE,
            problems=problems,
        ):
            continue
        tiers_changed = _sync_tiers(standard, plan, present, problems, is_new=is_new)
        if is_new:
            created += 1
        elif changed or tiers_changed:
            updated += 1
        else:
            unchanged += 1
    return ImportReport(created=created, updated=updated, unchanged=unchanged)


def _sync_tiers(
    standard: DiscretionStandard,
    plan: _Plan,
    present: frozenset[str],
    problems: list[ImportProblem],
    *,
    is_new: bool,
) -> bool:
    current = {} if is_new else {tier.order: tier for tier in standard.tiers.all()}
    changed = False
    for row in plan.tiers:
        tier = current.pop(row.values["order"], None)
        if tier is None:
            tier = DiscretionTier(standard=standard, order=row.values["order"])
        if assign_fields(tier, row.values, TIER_FIELDS, present) or tier.pk is None:
            changed = True
            save_checked(
                tier,
                row=row.number,
                headers=TIER_HEADERS,
                fallback_header=ORDER,
                problems=problems,
            )
    if current:
        try:
            DiscretionTier.objects.filter(pk__in=[t.pk for t in current.values()]).delete()
        except ProtectedError:
            problems.append(
                ImportProblem(
                    plan.first.number,
                    ORDER,
                    _("Tiers %(orders)s are used by decisions and cannot be removed.")
                    % {"orders": ", ".join(str(order) for order in sorted(current))},
                )
            )
        changed = True
    return changed


def discretion_standards_export(*, user: AnyUser, agency_id: int | None = None) -> bytes:
    """The visible standards, one row per tier, in import layout (export → import round-trips)."""
    rows: list[list[Any]] = []
    for standard in discretion_standard_list(user=user, agency_id=agency_id, include_inactive=True):
        head = [
            standard.code,
            standard.title,
            standard.power_item.agency.name,
            standard.power_item.code,
            standard.effective_from,
            standard.effective_to,
            standard.mitigating_factors,
            standard.aggravating_factors,
        ]
        tiers = list(standard.tiers.all())  # prefetched in order
        if not tiers:
            rows.append(head + [None] * len(TIER_KEYS))
        rows.extend([*head, *tier_cells(tier)] for tier in tiers)
    return write_sheet(columns=COLUMNS, rows=rows, sheet_name=SHEET_NAME)
