"""Excel (.xlsx) import and export of power items and discretion standards.

`engine` is the generic column/row machinery; `power_items` and `discretion` each declare one
sheet layout (documented in their module docstrings) with its import and export.
"""

from sanxiang.registry.spreadsheets.discretion import (
    discretion_standards_export,
    discretion_standards_import,
)
from sanxiang.registry.spreadsheets.engine import XLSX_CONTENT_TYPE, ImportProblem
from sanxiang.registry.spreadsheets.imports import ImportReport
from sanxiang.registry.spreadsheets.power_items import power_items_export, power_items_import

__all__ = [
    "XLSX_CONTENT_TYPE",
    "ImportProblem",
    "ImportReport",
    "discretion_standards_export",
    "discretion_standards_import",
    "power_items_export",
    "power_items_import",
]
