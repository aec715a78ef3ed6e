"""Excel (.xlsx) import and export of the registry's master data.

`engine` is the generic column/row machinery; each sheet module declares one layout
(documented in its module docstring) with its import and export: `power_items` (权责清单),
`discretion` (裁量基准), `officers` (执法人员及执法证) and `agencies` (执法主体及执法机构).
"""

from sanxiang.registry.spreadsheets.agencies import agencies_export, agencies_import
from sanxiang.registry.spreadsheets.discretion import (
    discretion_standards_export,
    discretion_standards_import,
)
from sanxiang.registry.spreadsheets.engine import XLSX_CONTENT_TYPE, ImportProblem
from sanxiang.registry.spreadsheets.imports import ImportReport
from sanxiang.registry.spreadsheets.officers import officers_export, officers_import
from sanxiang.registry.spreadsheets.power_items import power_items_export, power_items_import

__all__ = [
    "XLSX_CONTENT_TYPE",
    "ImportProblem",
    "ImportReport",
    "agencies_export",
    "agencies_import",
    "discretion_standards_export",
    "discretion_standards_import",
    "officers_export",
    "officers_import",
    "power_items_export",
    "power_items_import",
]
