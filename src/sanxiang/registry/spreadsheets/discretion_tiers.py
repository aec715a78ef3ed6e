"""The tier half of the discretion-standard sheet: columns, row checks and export cells.

The layout of the whole sheet is documented in `discretion`. A tier's fine is a fixed range in
yuan (罚款计算基数 empty or 固定金额) or multiples of another basis (货值金额 10 to 20), never
both: one tier, one basis (see `DiscretionTier`). The checks that only the sheet can make are
here; the shape of the fine and detention is checked by `DiscretionTier.clean`, whose messages
land on the column of the field they name.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from sanxiang.core.money import fen_to_yuan
from sanxiang.registry.models import DiscretionTier
from sanxiang.registry.models.discretion import multiple_text
from sanxiang.registry.spreadsheets.cells import (
    parse_detention_days,
    parse_multiple,
    parse_positive_int,
    parse_text,
    parse_yuan,
)
from sanxiang.registry.spreadsheets.engine import Column, ImportProblem, SheetRow, is_blank
from sanxiang.registry.spreadsheets.imports import validation_problems
from sanxiang.registry.spreadsheets.labels import (
    fine_basis_label,
    parse_fine_basis,
    parse_party_scope,
    parse_penalty_types,
    party_scope_label,
    penalty_type_label,
)

ORDER, LEVEL, CIRCUMSTANCE, PARTY_SCOPE = "档次序号", "情节档次", "具体情形", "适用对象"
FINE_BASIS, FINE_MIN, FINE_MAX = "罚款计算基数", "罚款下限(元)", "罚款上限(元)"
MULTIPLE_MIN, MULTIPLE_MAX = "倍数下限", "倍数上限"
DETENTION_MIN, DETENTION_MAX = "拘留天数下限", "拘留天数上限"
PENALTY_TYPES, OTHER_PENALTIES = "处罚种类", "其他处罚"

_YUAN_FORMAT = "0.00"
# Keys are the model field names, so model validation errors find their column.
TIER_COLUMNS: tuple[Column, ...] = (
    Column("order", ORDER, parse=parse_positive_int, width=10),
    Column("level", LEVEL, parse=parse_text, width=10),
    Column("circumstance", CIRCUMSTANCE, parse=parse_text, width=40),
    Column("party_scope", PARTY_SCOPE, parse=parse_party_scope, optional_column=True, width=10),
    Column("fine_basis", FINE_BASIS, parse=parse_fine_basis, optional_column=True, width=14),
    Column(
        "fine_min_fen", FINE_MIN, parse=parse_yuan, optional_column=True, number_format=_YUAN_FORMAT
    ),
    Column(
        "fine_max_fen", FINE_MAX, parse=parse_yuan, optional_column=True, number_format=_YUAN_FORMAT
    ),
    Column("fine_min_multiple", MULTIPLE_MIN, parse=parse_multiple, optional_column=True, width=10),
    Column("fine_max_multiple", MULTIPLE_MAX, parse=parse_multiple, optional_column=True, width=10),
    Column(
        "detention_days_min",
        DETENTION_MIN,
        parse=parse_detention_days,
        optional_column=True,
        width=12,
    ),
    Column(
        "detention_days_max",
        DETENTION_MAX,
        parse=parse_detention_days,
        optional_column=True,
        width=12,
    ),
    Column(
        "penalty_types", PENALTY_TYPES, parse=parse_penalty_types, optional_column=True, width=24
    ),
    Column("other_penalties", OTHER_PENALTIES, optional_column=True, width=24),
)
TIER_KEYS = tuple(column.key for column in TIER_COLUMNS)
# Written on a tier (the order is the key that finds it).
TIER_FIELDS = TIER_KEYS[1:]
TIER_HEADERS = {column.key: column.header for column in TIER_COLUMNS}
_MULTIPLE_KEYS = ("fine_min_multiple", "fine_max_multiple")


def has_tier(row: SheetRow) -> bool:
    return any(not is_blank(row.raw.get(key)) for key in TIER_KEYS)


def check_tier(row: SheetRow, problems: list[ImportProblem]) -> bool:
    """A tier row needs order, level and circumstance, ranges in order and one fine basis.

    Returns whether the row may be imported; every problem found is appended.
    """
    ok = True
    for key in ("order", "level", "circumstance"):
        if key not in row.values:  # unreadable: the engine reported it already
            ok = False
        elif row.values[key] in (None, ""):
            problems.append(
                ImportProblem(row.number, TIER_HEADERS[key], _("This cell is required."))
            )
            ok = False
    low, high = row.values.get("fine_min_fen"), row.values.get("fine_max_fen")
    if low is not None and high is not None and low > high:
        problems.append(
            ImportProblem(row.number, FINE_MAX, _("The maximum fine is below the minimum."))
        )
        ok = False
    unreadable = any(
        key not in row.values and not is_blank(row.raw.get(key)) for key in TIER_FIELDS
    )
    if unreadable:
        return False
    multiples = [row.values.get(key) for key in _MULTIPLE_KEYS]
    if is_blank(row.raw.get("fine_basis")) and any(m is not None for m in multiples):
        problems.append(
            ImportProblem(
                row.number,
                FINE_BASIS,
                _("Fill in the amount the multiples apply to, e.g. 货值金额."),
            )
        )
        return False
    return _check_shape(row, problems) and ok


def _check_shape(row: SheetRow, problems: list[ImportProblem]) -> bool:
    """`DiscretionTier.clean` on the row's values, so the sheet and the admin agree."""
    values = {key: value for key, value in row.values.items() if key in TIER_FIELDS}
    try:
        DiscretionTier(**values).clean()
    except ValidationError as error:
        problems.extend(
            validation_problems(error, row=row.number, headers=TIER_HEADERS, fallback=ORDER)
        )
        return False
    return True


def tier_cells(tier: DiscretionTier) -> list[Any]:
    """The tier's cells in `TIER_COLUMNS` order (export)."""
    return [
        tier.order,
        tier.level,
        tier.circumstance,
        party_scope_label(tier.party_scope),
        fine_basis_label(tier.fine_basis),
        None if tier.fine_min_fen is None else fen_to_yuan(tier.fine_min_fen),
        None if tier.fine_max_fen is None else fen_to_yuan(tier.fine_max_fen),
        _multiple_cell(tier.fine_min_multiple),
        _multiple_cell(tier.fine_max_multiple),
        tier.detention_days_min,
        tier.detention_days_max,
        "、".join(penalty_type_label(code) for code in tier.penalty_types),
        tier.other_penalties,
    ]


def _multiple_cell(value: Decimal | None) -> Decimal | None:
    # Written without trailing zeros (15, not 15.0000), so the cell reads back as 15.
    return None if value is None else Decimal(multiple_text(value))
