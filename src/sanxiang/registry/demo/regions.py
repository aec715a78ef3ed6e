"""Tianjin's administrative divisions, GB/T 2260 (STD-2260-1, STD-2260-TJ).

The three former counties keep their codes, marked not current: resident ID numbers issued
there still carry them (STD-2260-TJ), and some demo officers' numbers do.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RegionSpec:
    code: str
    name: str
    parent: str | None
    is_current: bool = True


TIANJIN = "120000"
MUNICIPAL_DISTRICTS = "120100"  # 市辖区

REGIONS: tuple[RegionSpec, ...] = (
    RegionSpec(TIANJIN, "天津市", None),
    RegionSpec(MUNICIPAL_DISTRICTS, "市辖区", TIANJIN),
    RegionSpec("120101", "和平区", MUNICIPAL_DISTRICTS),
    RegionSpec("120102", "河东区", MUNICIPAL_DISTRICTS),
    RegionSpec("120103", "河西区", MUNICIPAL_DISTRICTS),
    RegionSpec("120104", "南开区", MUNICIPAL_DISTRICTS),
    RegionSpec("120105", "河北区", MUNICIPAL_DISTRICTS),
    RegionSpec("120106", "红桥区", MUNICIPAL_DISTRICTS),
    RegionSpec("120110", "东丽区", MUNICIPAL_DISTRICTS),
    RegionSpec("120111", "西青区", MUNICIPAL_DISTRICTS),
    RegionSpec("120112", "津南区", MUNICIPAL_DISTRICTS),
    RegionSpec("120113", "北辰区", MUNICIPAL_DISTRICTS),
    RegionSpec("120114", "武清区", MUNICIPAL_DISTRICTS),
    RegionSpec("120115", "宝坻区", MUNICIPAL_DISTRICTS),
    RegionSpec("120116", "滨海新区", MUNICIPAL_DISTRICTS),
    RegionSpec("120117", "宁河区", MUNICIPAL_DISTRICTS),
    RegionSpec("120118", "静海区", MUNICIPAL_DISTRICTS),
    RegionSpec("120119", "蓟州区", MUNICIPAL_DISTRICTS),
    # Former counties (STD-2260-TJ). Their parent in the old tables was a "县" grouping code
    # that is not listed in legal-rules.md, so they hang directly under 天津市 here.
    RegionSpec("120221", "宁河县", TIANJIN, is_current=False),
    RegionSpec("120223", "静海县", TIANJIN, is_current=False),
    RegionSpec("120225", "蓟县", TIANJIN, is_current=False),
)

# Address codes used for the demo officers' resident ID numbers: current districts and, for
# some older officers, the former counties (valid because the code is fixed at issuance).
ID_ADDRESS_CODES: tuple[str, ...] = (
    "120101",
    "120102",
    "120103",
    "120104",
    "120105",
    "120106",
    "120110",
    "120111",
    "120112",
    "120113",
    "120114",
    "120115",
    "120116",
    "120117",
    "120118",
    "120119",
    "120221",
    "120223",
    "120225",
)
