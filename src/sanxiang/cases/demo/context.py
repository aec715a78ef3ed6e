"""What every demo case builder shares during one load, and the approval walk they all use."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.apps import apps

from sanxiang.cases import services as svc
from sanxiang.cases.choices import ApprovalLevel, ApprovalResult, ApprovalStep
from sanxiang.cases.demo.dates import Clock
from sanxiang.cases.demo.people import PartyMaker
from sanxiang.cases.demo.staff import Staff, Team
from sanxiang.cases.demo.stories import Draft
from sanxiang.cases.models import Approval, Case, CasePolicy
from sanxiang.registry.models import Agency, DiscretionTier, PowerItem, User

__all__ = ["OPINIONS", "Context", "av_records"]

SEED = "sanxiang-demo-2026"

# What each level writes when it agrees (审批意见).
OPINIONS: dict[str, dict[int, str]] = {
    ApprovalStep.FILING: {2: "符合立案条件，同意立案。", 3: "同意立案，按程序调查。"},
    ApprovalStep.NOTICE: {2: "事实清楚，同意告知。", 3: "同意，依法告知当事人。"},
    ApprovalStep.DECISION: {2: "同意办案人员意见。", 3: "同意，按拟定意见作出决定。"},
    ApprovalStep.CLOSING: {2: "执行完毕，同意结案。", 3: "同意结案。"},
    ApprovalStep.EXTENSION: {2: "情况属实，同意延长。", 3: "同意延长办案期限。"},
}


# GUO-118-08: the evidence app refuses to close a case whose seizures, coercive measures,
# on-site records, hearings or 留置/公告 deliveries lack their audio-video record.
_EVIDENCE = apps.is_installed("sanxiang.evidence")


def av_records(*, case: Case, actor: User) -> None:
    """Before closing: the videos (or reasons) of the case's acts, by the evidence services."""
    if _EVIDENCE:
        from sanxiang.evidence.demo import record_av_acts

        record_av_acts(case, actor=actor)


@dataclass
class Context:
    clock: Clock
    staff: Staff
    issued: set[str] = field(default_factory=set)  # resident ID numbers handed out
    _policies: dict[int, CasePolicy] = field(default_factory=dict)
    _powers: dict[str, PowerItem] = field(default_factory=dict)

    def rng(self, key: str, purpose: str = "") -> random.Random:
        """The case's own generator: the same key always draws the same case."""
        return random.Random(f"{SEED}:{key}:{purpose}")  # noqa: S311 - demo data, not secrets

    def draft(
        self, key: str, serial: int, agency: str, act_on: datetime.date, *, probe: bool = False
    ) -> Draft:
        """A `Draft` for the case's story; a probe (to plan the dates) hands out no numbers."""
        rng = self.rng(key, "story")
        issued = set() if probe else self.issued
        return Draft(
            rng=rng,
            people=PartyMaker(rng, issued=issued, serial=serial),
            agency=agency,
            act_on=act_on,
        )

    def policy(self, agency: Agency) -> CasePolicy:
        if agency.pk not in self._policies:
            self._policies[agency.pk] = CasePolicy.for_agency(agency)
        return self._policies[agency.pk]

    def power(self, code: str) -> PowerItem:
        if code not in self._powers:
            self._powers[code] = PowerItem.objects.get(code=code)
        return self._powers[code]

    def tier(self, case: Case, order: int | None) -> DiscretionTier | None:
        """The tier of the case's discretion standard with this order (LAW-APL-34)."""
        if order is None:
            return None
        # Read the standard from the row: the filing set it on another instance of the case.
        return (
            DiscretionTier.objects.select_related("standard")
            .filter(standard__cases=case, order=order)
            .first()
        )

    def approve(
        self,
        case: Case,
        team: Team,
        step: str,
        *,
        submitted: datetime.date,
        final: datetime.date,
        stop_at: int | None = None,
    ) -> None:
        """Decide the levels of `step` waiting on `case`, level by level: 执法机构负责人 (2)
        on the day after submission at the latest, 机关负责人 (3) on `final`. With `stop_at`,
        the level `stop_at` and those above are left waiting (the approval is pending)."""
        levels = self.policy(team.agency).levels_for(step)
        top = max(levels) if levels else 0
        while True:
            row = (
                Approval.objects.filter(case=case, step=step, result=ApprovalResult.PENDING)
                .order_by("level")
                .first()
            )
            if row is None or (stop_at is not None and row.level >= stop_at):
                return
            user = team.head if row.level == ApprovalLevel.DEPARTMENT_HEAD else team.agency_head
            day = final if row.level == top else min(self.clock.after(submitted, 1), final)
            svc.approval_decide(
                approval=row,
                approve=True,
                opinion=OPINIONS[step].get(row.level, "同意。"),
                actor=user,
                on=day,
            )
