"""Columns of the roster sheet (执法人员及执法证); the layout is documented in `officers`.

The officer cells come first, then the certificate cells, then one column per training year
(TJ-SUP-10) found in the file (`TRAINING`, a `ColumnFamily`).
"""

from __future__ import annotations

import re

from sanxiang.registry.spreadsheets.cells import (
    parse_date,
    parse_hours,
    parse_resident_id_cell,
    parse_text,
    parse_yes_no,
)
from sanxiang.registry.spreadsheets.engine import Column, ColumnFamily
from sanxiang.registry.spreadsheets.labels import parse_certificate_status

NAME, ID_NUMBER, AGENCY, DEPARTMENT = "姓名", "身份证号", "所属执法主体", "所属执法机构"
POSITION, PHONE = "职务", "联系电话"
QUALIFIED, QUALIFICATION_NUMBER = "法律职业资格", "法律职业资格证书编号"
NUMBER, FIELD, ISSUER = "证件编号", "执法领域", "发证机关"
ISSUED_ON, EXPIRES_ON, STATUS, STATUS_REASON = "发证日期", "有效期至", "证件状态", "状态说明"

_DATE_FORMAT = "yyyy-mm-dd"
# Keys are the model field names, so model validation messages find their column.
OFFICER_COLUMNS: tuple[Column, ...] = (
    Column("name", NAME, required=True, parse=parse_text, aliases=("执法人员姓名",), width=10),
    Column(
        "id_number",
        ID_NUMBER,
        required=True,
        parse=parse_resident_id_cell,
        aliases=("身份证号码", "公民身份号码"),
        width=22,
    ),
    Column("agency", AGENCY, required=True, parse=parse_text, aliases=("执法主体",), width=30),
    Column("department", DEPARTMENT, optional_column=True, aliases=("执法机构",), width=16),
    Column("position", POSITION, optional_column=True, width=12),
    Column("phone", PHONE, optional_column=True, width=14),
    Column("has_legal_qualification", QUALIFIED, parse=parse_yes_no, optional_column=True),
    Column("legal_qualification_number", QUALIFICATION_NUMBER, optional_column=True, width=20),
)
CERTIFICATE_COLUMNS: tuple[Column, ...] = (
    Column("number", NUMBER, parse=parse_text, aliases=("执法证号", "执法证件编号"), width=18),
    Column("field", FIELD, parse=parse_text, width=14),
    Column("issuing_authority", ISSUER, optional_column=True, width=20),
    Column("issued_on", ISSUED_ON, parse=parse_date, number_format=_DATE_FORMAT, width=12),
    Column("expires_on", EXPIRES_ON, parse=parse_date, number_format=_DATE_FORMAT, width=12),
    Column("status", STATUS, parse=parse_certificate_status, optional_column=True, width=10),
    Column("status_reason", STATUS_REASON, optional_column=True, width=24),
)
COLUMNS = OFFICER_COLUMNS + CERTIFICATE_COLUMNS
OFFICER_HEADERS = {column.key: column.header for column in OFFICER_COLUMNS}
CERTIFICATE_HEADERS = {column.key: column.header for column in CERTIFICATE_COLUMNS}
CERTIFICATE_KEYS = tuple(CERTIFICATE_HEADERS)
CERTIFICATE_REQUIRED = ("number", "field", "issued_on", "expires_on")

_TRAINING_KEY = "training:"
_TRAINING_HEADER_RE = re.compile(r"((?:19|20)\d{2})年度?培训学时(?:\(小时\))?")


def training_column(year: int) -> Column:
    """The column of the training hours of `year` (TJ-SUP-10), e.g. 2025年度培训学时."""
    return Column(
        f"{_TRAINING_KEY}{year}",
        f"{year}年度培训学时",
        parse=parse_hours,
        optional_column=True,
        width=14,
    )


def training_year(key: str) -> int | None:
    return int(key.removeprefix(_TRAINING_KEY)) if key.startswith(_TRAINING_KEY) else None


TRAINING = ColumnFamily(_TRAINING_HEADER_RE, lambda match: training_column(int(match[1])))
