"""Demo accounts: at least one per role (DESIGN.md §1), all with the same published password.

Besides one account per role, every enforcement agency has the accounts its demo cases
(`cases.demo`) are handled with: an officer and the head of each enforcement department, and
the agency head (机关负责人), who approve level by level (三级审批).

Loading the demo (again) resets these accounts to their definition here, password included:
a demo password someone changed is set back to `DEMO_PASSWORD`. Other accounts are never
touched. The accounts are for demonstrations only and must not exist in production.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from django.contrib.auth.hashers import check_password, identify_hasher, make_password

from sanxiang.registry.demo.agencies import AGENCY_BY_KEY
from sanxiang.registry.models import Role

DEMO_PASSWORD = "Sanxiang-demo-2026"  # noqa: S105 - published demo password, documented

ROLE_LABELS: dict[str, str] = {
    Role.ADMINISTRATOR: "系统管理员",
    Role.SUPERVISOR: "监督人员",
    Role.OFFICER: "执法人员",
    Role.DEPARTMENT_HEAD: "执法机构负责人",
    Role.AGENCY_HEAD: "机关负责人",
    Role.LEGAL_REVIEWER: "法制审核人员",
    Role.COUNSEL: "法律顾问",
}


@dataclass(frozen=True, slots=True)
class AccountSpec:
    username: str
    role: str
    full_name: str
    agency: str | None = None  # agency key
    department: str | None = None
    officer: str | None = None  # staff key of the officer record this account belongs to
    is_superuser: bool = False

    @property
    def agency_name(self) -> str:
        return AGENCY_BY_KEY[self.agency].name if self.agency else ""


ACCOUNTS: tuple[AccountSpec, ...] = (
    AccountSpec("admin", Role.ADMINISTRATOR, "系统管理员", is_superuser=True),
    AccountSpec(
        "supervisor", Role.SUPERVISOR, "周立新", agency="sfj", department="行政执法协调监督处"
    ),
    # Two officers of the same department: an investigation needs two (LAW-APL-42).
    AccountSpec(
        "officer", Role.OFFICER, "张伟", agency="sj", department="食品安全执法处", officer="sj-06"
    ),
    AccountSpec(
        "officer2", Role.OFFICER, "李娜", agency="sj", department="食品安全执法处", officer="sj-07"
    ),
    AccountSpec(
        "dept_head",
        Role.DEPARTMENT_HEAD,
        "王建军",
        agency="sj",
        department="食品安全执法处",
        officer="sj-05",
    ),
    AccountSpec("agency_head", Role.AGENCY_HEAD, "刘建国", agency="sj", officer="sj-01"),
    AccountSpec(
        "reviewer", Role.LEGAL_REVIEWER, "欧阳婧", agency="sj", department="法制处", officer="sj-03"
    ),
    AccountSpec("counsel", Role.COUNSEL, "林静怡"),
    # An officer of another agency, to show that agencies do not see each other's cases.
    AccountSpec(
        "officer_jinnan",
        Role.OFFICER,
        "熊晓梅",
        agency="jn",
        department="市场监管局",
        officer="jn-06",
    ),
    *(
        AccountSpec(username, role, name, agency=key.split("-")[0], department=dept, officer=key)
        for username, role, name, dept, key in (
            # 市场监管委: the other two enforcement departments.
            ("sj_quality", Role.OFFICER, "郑丽华", "产品质量执法处", "sj-13"),
            ("sj_quality_head", Role.DEPARTMENT_HEAD, "杨帆", "产品质量执法处", "sj-11"),
            ("sj_ads", Role.OFFICER, "徐志强", "广告监管处", "sj-17"),
            ("sj_ads_head", Role.DEPARTMENT_HEAD, "黄蕾", "广告监管处", "sj-16"),
            # 公安局
            ("ga_head", Role.AGENCY_HEAD, "韩志刚", None, "ga-01"),
            ("ga_order", Role.OFFICER, "曹阳", "治安管理总队", "ga-07"),
            ("ga_order_head", Role.DEPARTMENT_HEAD, "许建华", "治安管理总队", "ga-05"),
            ("ga_traffic", Role.OFFICER, "董海涛", "交通管理局", "ga-11"),
            ("ga_traffic_head", Role.DEPARTMENT_HEAD, "谢宇航", "交通管理局", "ga-10"),
            # 生态环境局
            ("st_head", Role.AGENCY_HEAD, "田卫东", None, "st-01"),
            ("st_officer", Role.OFFICER, "夏天", "生态环境保护综合执法总队", "st-07"),
            ("st_team_head", Role.DEPARTMENT_HEAD, "姚建新", "生态环境保护综合执法总队", "st-04"),
            # 财政局
            ("cz_head", Role.AGENCY_HEAD, "钱永红", None, "cz-01"),
            ("cz_officer", Role.OFFICER, "薛梅", "会计监督处", "cz-05"),
            ("cz_audit_head", Role.DEPARTMENT_HEAD, "陆文斌", "会计监督处", "cz-04"),
            # District governments: the bureaus' officers and heads.
            ("bh_city", Role.OFFICER, "顾晓峰", "城市管理综合执法局", "bh-04"),
            ("bh_city_head", Role.DEPARTMENT_HEAD, "万立军", "城市管理综合执法局", "bh-03"),
            ("bh_market", Role.OFFICER, "段鹏飞", "市场监管局", "bh-09"),
            ("bh_market_head", Role.DEPARTMENT_HEAD, "史玉洁", "市场监管局", "bh-08"),
            ("hb_city", Role.OFFICER, "常晓丽", "城市管理综合执法局", "hb-05"),
            ("hb_city_head", Role.DEPARTMENT_HEAD, "黎志远", "城市管理综合执法局", "hb-03"),
            ("hb_market", Role.OFFICER, "乔娟", "市场监管局", "hb-07"),
            ("hb_market_head", Role.DEPARTMENT_HEAD, "武斌", "市场监管局", "hb-06"),
            ("jn_city", Role.OFFICER, "程子涵", "城市管理综合执法局", "jn-03"),
            ("jn_city_head", Role.DEPARTMENT_HEAD, "叶志勇", "城市管理综合执法局", "jn-02"),
            ("jn_market_head", Role.DEPARTMENT_HEAD, "邱明", "市场监管局", "jn-05"),
        )
    ),
    # The heads (机关负责人) of the district governments: district leaders, not officers.
    AccountSpec("bh_head", Role.AGENCY_HEAD, "庞振东", agency="bh"),
    AccountSpec("hb_head", Role.AGENCY_HEAD, "温丽娟", agency="hb"),
    AccountSpec("jn_head", Role.AGENCY_HEAD, "柏晓军", agency="jn"),
)


class DemoPasswords:
    """Hashes the demo password once per load and recognises it without re-hashing.

    A stored hash that already matches `DEMO_PASSWORD` is kept, so reloading writes nothing;
    any other hash (a changed password, an outdated hasher) is replaced. Checking a hash costs a
    full key derivation, so each distinct stored hash is checked once.
    """

    def __init__(self) -> None:
        self._fresh: str | None = None
        self._checked: dict[str, bool] = {}

    def encoded(self, stored: str | None) -> str:
        if stored is not None and self._is_current_demo_hash(stored):
            return stored
        if self._fresh is None:
            self._fresh = make_password(DEMO_PASSWORD)
        return self._fresh

    def _is_current_demo_hash(self, stored: str) -> bool:
        if stored not in self._checked:
            try:
                outdated = identify_hasher(stored).must_update(stored)
            except ValueError:  # unusable or unknown hash
                outdated = True
            self._checked[stored] = not outdated and check_password(DEMO_PASSWORD, stored)
        return self._checked[stored]


def accounts_table() -> str:
    """The demo accounts as a plain-text table: username, role, agency, password."""
    header = ("username", "role", "agency", "password")
    rows = [header] + [
        (
            spec.username,
            f"{spec.role} {ROLE_LABELS[spec.role]}",
            spec.agency_name or "—",
            DEMO_PASSWORD,
        )
        for spec in ACCOUNTS
    ]
    widths = [max(_width(row[column]) for row in rows) for column in range(len(header))]
    lines = [
        "  ".join(_pad(cell, width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def _width(text: str) -> int:
    """Display width in a terminal: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
