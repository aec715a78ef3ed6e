"""Django admin for the registry, where administrators maintain master data (DESIGN.md §5)."""

from sanxiang.registry.admin import officers, organisations, powers, spreadsheets

__all__ = ["officers", "organisations", "powers", "spreadsheets"]
