"""What a demo case is about: the facts, the party, the records and the penalty, in Chinese.

A `Scenario` belongs to one agency, department and power item (权责清单事项); its `write`
function draws a `Story` from a seeded random generator: the party, the place, the lead, the
facts as an officer would write them, the texts of the inspection and inquiry records (笔录),
and the penalty the facts call for under the item's discretion standard (裁量基准, the tier
named by its order). The scenario modules (`scenarios_*.py`) hold the stories of each field.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from sanxiang.cases.choices import LeadSource
from sanxiang.cases.demo.people import DISTRICTS, District, Party, PartyMaker
from sanxiang.core.money import format_yuan_cn
from sanxiang.registry.demo.agencies import AGENCIES
from sanxiang.registry.models import PenaltyType

__all__ = [
    "AGENCY_DISTRICT",
    "Draft",
    "Penalty",
    "Scenario",
    "Story",
    "cn_date",
    "inquiry_opening",
    "minor_mitigation",
    "yuan",
]

# District governments act in their own district; municipal agencies anywhere in the city.
AGENCY_DISTRICT = {"bh": "120116", "hb": "120105", "jn": "120112"}
# The enforcement agencies of the registry demo, by key.
AGENCY_NAMES = {spec.key: spec.name for spec in AGENCIES}


def yuan(fen: int) -> str:
    return format_yuan_cn(fen)


def cn_date(day: datetime.date) -> str:
    """2025年3月7日 (STD-9704-7.3.5.4: no leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"


def minor_mitigation(age: int) -> str:
    """The mitigation a minor of 14–17 must get (LAW-APL-30), as the decision states it."""
    return (
        f"当事人实施违法行为时已满十四周岁不满十八周岁（{age}周岁），依照《中华人民共和国行政处罚法》"
        "第三十条的规定，从轻处罚。"
    )


def inquiry_opening(agency: str) -> str:
    """The opening every 询问笔录 has: identification, certificates shown (LAW-APL-55), the
    duty to answer truthfully and the right to ask for recusal (SAMR-PROC-21)."""
    return (
        f"问：我们是{AGENCY_NAMES[agency]}的执法人员，这是我们的执法证件（出示）。现依法向你"
        "进行询问调查，你应当如实回答，不得作虚假陈述。你听清楚了吗？\n答：听清楚了。\n"
        "问：你是否申请执法人员回避？\n答：不申请。\n"
    )


@dataclass(frozen=True)
class Penalty:
    """The penalty the facts call for (LAW-APL-9), with the discretion tier applied."""

    types: tuple[str, ...]
    fine_fen: int = 0
    confiscation_fen: int = 0  # confiscated illegal gains (money the party pays)
    detention_days: int = 0
    tier: int | None = None  # order of the tier in the item's discretion standard
    basis_fen: int | None = None  # 货值金额 / 广告费用 / 总投资额 when the tier is a multiple
    outside_reason: str = ""  # why the fine leaves the tier's range (LAW-APL-34)
    mitigation: str = ""  # LAW-APL-30 / LAW-APL-32
    confiscated_items: str = ""  # 没收 of goods or tools (carried out by an execution record)

    @property
    def needs_execution_record(self) -> bool:
        """Anything but a warning, a fine and confiscated gains is carried out separately."""
        simple = {PenaltyType.WARNING, PenaltyType.FINE, PenaltyType.CONFISCATE_GAINS}
        return bool(set(self.types) - simple)

    def text(self) -> str:
        """The operative part of the notice and the decision: "1.警告；2.罚款5000元。"."""
        parts = []
        if PenaltyType.WARNING in self.types:
            parts.append("警告")
        if PenaltyType.PUBLIC_CRITICISM in self.types:
            parts.append("通报批评")
        if PenaltyType.CONFISCATE_GAINS in self.types and self.confiscation_fen:
            parts.append(f"没收违法所得{yuan(self.confiscation_fen)}")
        if PenaltyType.CONFISCATE_PROPERTY in self.types and self.confiscated_items:
            parts.append(f"没收{self.confiscated_items}")
        if PenaltyType.FINE in self.types:
            parts.append(f"罚款{yuan(self.fine_fen)}")
        if PenaltyType.DETENTION in self.types:
            parts.append(f"行政拘留{self.detention_days}日")
        if PenaltyType.SUSPEND_BUSINESS in self.types:
            parts.append("责令停产整治")
        if PenaltyType.REVOKE_LICENCE in self.types:
            parts.append("吊销许可证件")
        numbered = [f"{number}.{part}" for number, part in enumerate(parts, start=1)]
        return "；".join(numbered) + "。"


@dataclass(frozen=True)
class Story:
    """One case's content; the builder hands it to the services."""

    party: Party
    title: str
    place: str
    act_on: datetime.date  # the day of the act (or the day it was found, if continuing)
    lead_source: str
    lead_summary: str
    facts: str
    inspection: str  # 现场笔录 / 现场检查笔录
    inquiry: str  # 询问笔录
    subject: str  # the person questioned
    subject_role: str
    violated: str  # 违法依据
    basis: str  # 处罚依据
    penalty: Penalty
    evidence: str = "现场笔录、询问笔录、现场照片"
    items: str = ""  # goods that may be preserved (先行登记保存) or seized (扣押)
    reporter: tuple[str, str] = ("", "")  # name, contact (private)
    act_ended_on: datetime.date | None = None  # continuing acts (LAW-APL-36)
    not_penalised: str = ""  # why not to penalise, when the case ends without a penalty
    five_year: bool = False  # life, health or financial safety with harm (LAW-APL-36)
    correction: str = "责令当事人立即改正上述违法行为"  # LAW-APL-28 (责令改正)


@dataclass
class Draft:
    """What a scenario's writer is given: randomness, parties, the day and the variant."""

    rng: random.Random
    people: PartyMaker
    agency: str
    act_on: datetime.date
    age: int | None = None  # a minor of this age (LAW-APL-30)
    heavy: bool = False  # a more serious instance (higher tier)
    outside: bool = False  # a fine outside the tier's range, with the reason (LAW-APL-34)
    first_offence: bool = False  # the party may be let off (LAW-APL-33)
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def district(self) -> District:
        code = AGENCY_DISTRICT.get(self.agency)
        if code is None:
            code = self.rng.choice(sorted(DISTRICTS))
        return DISTRICTS[code]

    def pick(self, options: tuple[str, ...] | list[str]) -> str:
        return self.rng.choice(list(options))

    def source(self, *weights: tuple[str, int]) -> str:
        sources = [source for source, _weight in weights]
        return self.rng.choices(sources, [weight for _source, weight in weights])[0]

    def reporter(self) -> tuple[str, str]:
        name, _male = self.people.person_name()
        return name, self.people.phone()

    def money(self, low_yuan: int, high_yuan: int, step_yuan: int = 100) -> int:
        """A round amount in fen between the bounds (both included)."""
        steps = (high_yuan - low_yuan) // step_yuan
        return (low_yuan + self.rng.randint(0, steps) * step_yuan) * 100


Writer = Callable[[Draft], Story]


@dataclass(frozen=True)
class Scenario:
    """A kind of case of one agency: its department, power item and story writer."""

    key: str
    agency: str
    department: str
    power_code: str
    write: Writer
    minors: bool = False  # the party may be a minor (LAW-APL-30)
    transfer_to: str = ""  # the judicial organ a suspected crime goes to (LAW-APL-27)
    crime: str = ""  # the suspected crime, for a transfer
    sources: tuple[str, ...] = (LeadSource.INSPECTION, LeadSource.COMPLAINT)
    # The first day the item's law (and standard) applies to an act, e.g. the revised
    # 治安管理处罚法 from 2026-01-01 (LAW-APL-37: the law in force when the act was done).
    earliest: datetime.date | None = None
