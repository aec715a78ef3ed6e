"""Helpers shared by the spreadsheet tests: build a workbook, read one back, list problems."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest

from sanxiang.core.errors import ApplicationError

FOOD_LAW = "中华人民共和国食品安全法"
PENALTY_LAW = "中华人民共和国行政处罚法"
AGENCY = "天津市和平区市场监督管理局"


def xlsx(headers: list[str], rows: list[list[Any]], *, title: str | None = None) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.worksheets[0]
    if title:
        sheet.append([title])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_back(content: bytes) -> list[tuple[Any, ...]]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    return list(sheet.iter_rows(values_only=True))


def problems_of(caught: pytest.ExceptionInfo[ApplicationError]) -> set[tuple[int, str]]:
    assert caught.value.code == "import.invalid"
    return {(p["row"], p["column"]) for p in caught.value.extra["problems"]}


def reasons_of(caught: pytest.ExceptionInfo[ApplicationError]) -> dict[tuple[int, str], str]:
    """Every problem of a refused import as (row, column) → reason."""
    assert caught.value.code == "import.invalid"
    return {(p["row"], p["column"]): p["reason"] for p in caught.value.extra["problems"]}
