"""The demo agencies of the Tianjin pilot (TJ-PILOT) and their departments.

The supervisor is 天津市司法局, which took over the work of the former 天津市人民政府法制办公室
(the legal-affairs office named in 天津市行政执法监督规定, TJ-SUP-0); every agency below is
supervised by it (TJ-SUP-6). Department names are typical of Tianjin bodies; the demo does not
claim they are each body's exact organisation chart.

Credit codes are synthetic but valid: GB 32100 department 1 (机构编制) + category 1 (机关),
the agency's region code, a made-up organisation code whose GB 11714 check character is right,
and the computed check character (STD-32100-1..4, STD-11714). They are not the agencies' real
codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sanxiang.core.creditcode import credit_code_check_char, organisation_code_check_char
from sanxiang.registry.models import AgencyKind

# GB 32100 registration department 1 (机构编制) and category 1 (机关), STD-32100-4.
_ORGAN_PREFIX = "11"


@dataclass(frozen=True, slots=True)
class DepartmentSpec:
    name: str
    is_legal_office: bool = False


@dataclass(frozen=True, slots=True)
class AgencySpec:
    key: str  # stable key used by the other demo modules
    name: str
    short_name: str  # document prefix (发文机关代字)
    kind: str
    region: str
    number: int  # makes the synthetic organisation code and the certificate numbers
    departments: tuple[DepartmentSpec, ...]
    address: str = ""

    @property
    def credit_code(self) -> str:
        """Synthetic, valid 统一社会信用代码 (see the module docstring)."""
        body8 = f"{self.region[2:]}{self.number:04d}"
        organisation_code = body8 + organisation_code_check_char(body8)
        first17 = f"{_ORGAN_PREFIX}{self.region}{organisation_code}"
        return first17 + credit_code_check_char(first17)


def _departments(*names: str, legal: str) -> tuple[DepartmentSpec, ...]:
    return (DepartmentSpec(legal, is_legal_office=True), *(DepartmentSpec(n) for n in names))


SUPERVISOR = AgencySpec(
    key="sfj",
    name="天津市司法局",
    short_name="津司",
    kind=AgencyKind.SUPERVISOR,
    region="120000",
    number=1,
    departments=(DepartmentSpec("行政执法协调监督处"), DepartmentSpec("行政复议与应诉处")),
    # As given on the bureau's own consultation notice (sf.tj.gov.cn, 2025-10-11).
    address="天津市南开区水上公园北道52号",
)

# The seven enforcement agencies. District governments hold their bureaus as departments here,
# so that one district shows a 司法局 (legal office), 城管 and 市场监管 side by side.
AGENCIES: tuple[AgencySpec, ...] = (
    AgencySpec(
        key="bh",
        name="天津市滨海新区人民政府",
        short_name="津滨",
        kind=AgencyKind.GOVERNMENT,
        region="120116",
        number=16,
        departments=_departments("城市管理综合执法局", "市场监管局", legal="司法局"),
    ),
    AgencySpec(
        key="hb",
        name="天津市河北区人民政府",
        short_name="北",
        kind=AgencyKind.GOVERNMENT,
        region="120105",
        number=5,
        departments=_departments("城市管理综合执法局", "市场监管局", legal="司法局"),
    ),
    AgencySpec(
        key="jn",
        name="天津市津南区人民政府",
        short_name="津南",
        kind=AgencyKind.GOVERNMENT,
        region="120112",
        number=12,
        departments=_departments("城市管理综合执法局", "市场监管局", legal="司法局"),
    ),
    AgencySpec(
        key="sj",
        name="天津市市场监督管理委员会",  # 市市场监管委
        short_name="津市监",
        kind=AgencyKind.DEPARTMENT,
        region="120000",
        number=21,
        departments=_departments("食品安全执法处", "产品质量执法处", "广告监管处", legal="法制处"),
    ),
    AgencySpec(
        key="ga",
        name="天津市公安局",
        short_name="津公",
        kind=AgencyKind.DEPARTMENT,
        region="120000",
        number=22,
        departments=_departments("治安管理总队", "交通管理局", legal="法制总队"),
    ),
    AgencySpec(
        key="cz",
        name="天津市财政局",
        short_name="津财",
        kind=AgencyKind.DEPARTMENT,
        region="120000",
        number=23,
        departments=_departments("会计监督处", legal="法规处"),
    ),
    AgencySpec(
        # The former 天津市环境保护局 (市环保局), reorganised as 天津市生态环境局 in the 2018
        # institutional reform; in the 2017 pilot its enforcement ran under the old name.
        key="st",
        name="天津市生态环境局",
        short_name="津环",
        kind=AgencyKind.DEPARTMENT,
        region="120000",
        number=24,
        departments=_departments("生态环境保护综合执法总队", legal="法规处"),
    ),
)

ALL_AGENCIES: tuple[AgencySpec, ...] = (SUPERVISOR, *AGENCIES)
AGENCY_BY_KEY: dict[str, AgencySpec] = {spec.key: spec for spec in ALL_AGENCIES}
