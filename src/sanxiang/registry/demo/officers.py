"""Derived officer data: resident ID numbers, phones, certificates and training hours.

Everything is computed from an officer's position in `staff.STAFF`, so it is the same on every
run and every machine (no randomness, no dependence on today's date).

* Resident ID numbers are synthetic but valid (GB 11643): a Tianjin address code (current or
  former county, STD-2260-TJ), a birth date between 1965 and 1998, a sequence code whose parity
  matches the officer's sex (STD-11643-3) and the computed check digit (STD-11643-4).
* Certificates (天津市行政执法证件, TJ-SUP-10) are numbered ``12`` + the agency's area digits
  + a two-digit agency number + a five-digit sequence, issued by 天津市人民政府, valid five
  years (the demo's assumption; the real term is not in legal-rules.md). A few expired before
  the reference day 2026-11-30 and stay expired; two are suspended and one revoked (TJ-SUP-24,
  TJ-SUP-25/26).
* Training hours for 2025 and 2026: mostly at or above the 40 hours of TJ-SUP-10, a few below.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sanxiang.core.identity import resident_id_check_digit
from sanxiang.registry.demo.agencies import AGENCY_BY_KEY
from sanxiang.registry.demo.regions import ID_ADDRESS_CODES
from sanxiang.registry.demo.staff import STAFF, StaffSpec
from sanxiang.registry.models import CertificateStatus

# The day the demo is written against: expired certificates are expired on it and stay so.
REFERENCE_DAY = datetime.date(2026, 11, 30)
CERTIFICATE_ISSUER = "天津市人民政府"
CERTIFICATE_YEARS = 5
TRAINING_YEARS = (2025, 2026)

_SHANGHAI = ZoneInfo("Asia/Shanghai")
_PHONE_PREFIXES = ("139", "138", "136", "135", "137", "159", "186", "158")

# Enforcement field (执法领域) by agency, or by department inside a district government.
_FIELD_BY_AGENCY = {"sj": "市场监管", "ga": "公安", "st": "生态环境", "cz": "财政"}
_FIELD_BY_DEPARTMENT = {
    "司法局": "司法行政",
    "城市管理综合执法局": "城市管理",
    "市场监管局": "市场监管",
}

# Certificates expired before REFERENCE_DAY: issued (year, month) five years before expiry.
_EXPIRED = {"sj-22": (2019, 6), "ga-16": (2020, 3), "st-10": (2019, 11), "bh-07": (2020, 9)}
_WITHDRAWN: dict[str, tuple[str, str, datetime.datetime]] = {
    "ga-09": (
        CertificateStatus.SUSPENDED,
        "年度执法资格考试不合格，暂扣行政执法证件（天津市行政执法监督规定第二十五条）",
        datetime.datetime(2026, 3, 16, 9, 30, tzinfo=_SHANGHAI),
    ),
    "sj-21": (
        CertificateStatus.SUSPENDED,
        "涉嫌违法实施行政处罚，核查期间暂扣行政执法证件（天津市行政执法监督规定第二十四条）",
        datetime.datetime(2026, 9, 7, 14, 0, tzinfo=_SHANGHAI),
    ),
    "hb-08": (
        CertificateStatus.REVOKED,
        "调离行政执法岗位，收回行政执法证件",
        datetime.datetime(2025, 12, 22, 10, 0, tzinfo=_SHANGHAI),
    ),
}
# Officers who no longer enforce (their certificate was withdrawn when they left the post).
INACTIVE = frozenset({"hb-08"})
# Training hours below TJ-SUP-10's 40 hours: (officer key, year) → hours.
_SHORT_TRAINING = {
    ("sj-18", 2026): 32,
    ("ga-14", 2026): 24,
    ("bh-06", 2026): 36,
    ("jn-08", 2026): 28,
    ("cz-06", 2025): 30,
}


@dataclass(frozen=True, slots=True)
class OfficerRow:
    spec: StaffSpec
    id_number: str
    phone: str
    legal_qualification_number: str
    is_active: bool


@dataclass(frozen=True, slots=True)
class CertificateRow:
    officer_key: str
    number: str
    field: str
    issued_on: datetime.date
    expires_on: datetime.date
    status: str
    status_reason: str
    status_changed_at: datetime.datetime | None


def resident_id(index: int, spec: StaffSpec) -> str:
    """A valid, synthetic GB 11643 number for the officer at `index` of `STAFF`."""
    address = ID_ADDRESS_CODES[index * 7 % len(ID_ADDRESS_CODES)]
    birth = datetime.date(1965 + index * 13 % 34, index * 5 % 12 + 1, index * 11 % 28 + 1)
    # STD-11643-3: odd sequence codes for men, even for women.
    sequence = (index * 37 % 450) * 2 + 100 + (1 if spec.male else 0)
    first17 = f"{address}{birth:%Y%m%d}{sequence:03d}"
    return first17 + resident_id_check_digit(first17)


def officer_rows() -> list[OfficerRow]:
    rows = []
    for index, spec in enumerate(STAFF):
        qualification = ""
        if spec.qualified:
            # Synthetic 法律职业资格证书 number: "A" + year of the exam + serial.
            qualification = f"A{2018 + index % 7}12{index * 7919 % 10**9:09d}"
        rows.append(
            OfficerRow(
                spec=spec,
                id_number=resident_id(index, spec),
                phone=f"{_PHONE_PREFIXES[index % 8]}{(26_000_000 + index * 104_729) % 10**8:08d}",
                legal_qualification_number=qualification,
                is_active=spec.key not in INACTIVE,
            )
        )
    return rows


def enforcement_field(spec: StaffSpec) -> str:
    if spec.agency in _FIELD_BY_AGENCY:
        return _FIELD_BY_AGENCY[spec.agency]
    return _FIELD_BY_DEPARTMENT.get(spec.department or "", "综合行政执法")


def certificate_rows() -> list[CertificateRow]:
    rows = []
    sequence_in_agency: dict[str, int] = {}
    for index, spec in enumerate(STAFF):
        agency = AGENCY_BY_KEY[spec.agency]
        sequence = sequence_in_agency[spec.agency] = sequence_in_agency.get(spec.agency, 0) + 1
        if spec.key in _EXPIRED:
            year, month = _EXPIRED[spec.key]
        else:
            year, month = 2022 + index % 4, index * 5 % 12 + 1
        issued_on = datetime.date(year, month, index * 3 % 27 + 1)
        expires_on = issued_on.replace(year=issued_on.year + CERTIFICATE_YEARS)
        expires_on -= datetime.timedelta(days=1)
        status: str = CertificateStatus.VALID
        reason = ""
        changed_at: datetime.datetime | None = None
        if spec.key in _EXPIRED:
            status, reason = CertificateStatus.EXPIRED, "有效期届满，未办理换证"
        elif spec.key in _WITHDRAWN:
            status, reason, changed_at = _WITHDRAWN[spec.key]
        rows.append(
            CertificateRow(
                officer_key=spec.key,
                number=f"12{agency.region[2:]}{agency.number:02d}{sequence:05d}",
                field=enforcement_field(spec),
                issued_on=issued_on,
                expires_on=expires_on,
                status=status,
                status_reason=reason,
                status_changed_at=changed_at,
            )
        )
    return rows


def training_hours(index: int, key: str, year: int) -> int:
    """Hours of legal training of the officer at `index` in `year` (TJ-SUP-10)."""
    return _SHORT_TRAINING.get((key, year), 40 + (index * 13 + year) % 33)
