"""Who handles the demo cases: the accounts and officers of each agency and department.

The registry demo gives every enforcement department an officer account (the handler, 承办人)
and its head's account (执法机构负责人), and every agency its head's account (机关负责人);
`registry.demo.accounts` lists them. The other officers of the agency are the handler's
partners: a case gets the handler and enough partners so that two officers hold certificates
valid on every day they act (LAW-APL-42). Department heads never investigate the cases they
approve (SAMR-PROC-49), and the legal office's officers are kept out of investigations so that
one of them can preside over a hearing (LAW-APL-64(四)).
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sanxiang.registry.models import Agency, Department, Officer, User

__all__ = ["HEAD_ACCOUNTS", "TEAM_ACCOUNTS", "Staff", "Team"]

# (agency key, department) → (handler usernames, department head username).
TEAM_ACCOUNTS: dict[tuple[str, str], tuple[tuple[str, ...], str]] = {
    ("sj", "食品安全执法处"): (("officer", "officer2"), "dept_head"),
    ("sj", "产品质量执法处"): (("sj_quality",), "sj_quality_head"),
    ("sj", "广告监管处"): (("sj_ads",), "sj_ads_head"),
    ("ga", "治安管理总队"): (("ga_order",), "ga_order_head"),
    ("ga", "交通管理局"): (("ga_traffic",), "ga_traffic_head"),
    ("st", "生态环境保护综合执法总队"): (("st_officer",), "st_team_head"),
    ("cz", "会计监督处"): (("cz_officer",), "cz_audit_head"),
    ("bh", "城市管理综合执法局"): (("bh_city",), "bh_city_head"),
    ("bh", "市场监管局"): (("bh_market",), "bh_market_head"),
    ("hb", "城市管理综合执法局"): (("hb_city",), "hb_city_head"),
    ("hb", "市场监管局"): (("hb_market",), "hb_market_head"),
    ("jn", "城市管理综合执法局"): (("jn_city",), "jn_city_head"),
    ("jn", "市场监管局"): (("officer_jinnan",), "jn_market_head"),
}
HEAD_ACCOUNTS: dict[str, str] = {
    "sj": "agency_head",
    "ga": "ga_head",
    "st": "st_head",
    "cz": "cz_head",
    "bh": "bh_head",
    "hb": "hb_head",
    "jn": "jn_head",
}


@dataclass
class Team:
    """One enforcement department: its handlers, its head, the agency head and the officers
    who may join a case (same department first)."""

    agency: Agency
    department: Department
    handlers: list[User]
    head: User
    agency_head: User
    partners: list[Officer]  # not heads, not the legal office; same department first
    presiders: list[Officer]  # the legal office's officers (hearings)
    _turn: int = field(default=0, repr=False)

    def handler(self, rng: random.Random) -> User:
        return rng.choice(self.handlers)

    def crew(
        self, handler: User, days: Iterable[datetime.date], rng: random.Random, *, size: int = 2
    ) -> list[Officer]:
        """The handler's officer and partners: at least `size` officers, two of whom hold a
        certificate valid on each of `days` (LAW-APL-42)."""
        days = list(days)
        lead = _officer_of(handler)
        crew = [lead]
        pool = [o for o in self.partners if o.pk != lead.pk]
        # Same-department partners in a varying order, then the others (joint enforcement).
        same = [o for o in pool if o.department_id == self.department.pk]
        other = [o for o in pool if o.department_id != self.department.pk]
        rng.shuffle(same)
        for officer in [*same, *other]:
            if _certified_count(crew, days) >= 2 and len(crew) >= size:
                break
            if all(_valid(officer, day) for day in days):
                crew.append(officer)
        if _certified_count(crew, days) < 2:
            raise RuntimeError(
                f"{self.department} has no two officers certified on {days[0]}…{days[-1]}"
            )
        return crew

    def presider(self, investigators: Sequence[Officer], day: datetime.date) -> Officer:
        """An officer of the agency who did not investigate (LAW-APL-64(四))."""
        busy = {o.pk for o in investigators}
        for officer in self.presiders:
            if officer.pk not in busy and _valid(officer, day):
                return officer
        raise RuntimeError(f"{self.agency} has no officer to preside over a hearing")


def _officer_of(user: User) -> Officer:
    return Officer.objects.prefetch_related("certificates").get(user=user)


def _valid(officer: Officer, day: datetime.date) -> bool:
    return officer.is_active and any(c.is_valid_on(day) for c in officer.certificates.all())


def _certified_count(officers: Sequence[Officer], days: Sequence[datetime.date]) -> int:
    return sum(1 for o in officers if all(_valid(o, day) for day in days))


class Staff:
    """Loads the teams once per load, by (agency key, department name)."""

    def __init__(self, agency_names: dict[str, str]) -> None:
        usernames = {
            name for handlers, head in TEAM_ACCOUNTS.values() for name in (*handlers, head)
        }
        usernames |= set(HEAD_ACCOUNTS.values())
        users = {u.username: u for u in User.objects.filter(username__in=usernames)}
        missing = usernames - set(users)
        if missing:
            raise RuntimeError(f"Load the registry demo first; missing accounts: {sorted(missing)}")
        heads = {users[name].pk for handlers, name in TEAM_ACCOUNTS.values()}
        heads |= {users[name].pk for name in HEAD_ACCOUNTS.values()}
        self.agencies = {key: Agency.objects.get(name=name) for key, name in agency_names.items()}
        officers = list(
            Officer.objects.filter(agency__in=self.agencies.values(), is_active=True)
            .select_related("department", "user")
            .prefetch_related("certificates")
            .order_by("id_number")
        )
        self.teams: dict[tuple[str, str], Team] = {}
        for (key, name), (handlers, head) in TEAM_ACCOUNTS.items():
            agency = self.agencies[key]
            department = Department.objects.get(agency=agency, name=name)
            mine = [o for o in officers if o.agency_id == agency.pk]
            self.teams[key, name] = Team(
                agency=agency,
                department=department,
                handlers=[users[h] for h in handlers],
                head=users[head],
                agency_head=users[HEAD_ACCOUNTS[key]],
                partners=[
                    o
                    for o in mine
                    if o.user_id not in heads
                    and o.department is not None
                    and not o.department.is_legal_office
                ],
                presiders=[
                    o for o in mine if o.department is not None and o.department.is_legal_office
                ],
            )

    def team(self, agency: str, department: str) -> Team:
        return self.teams[agency, department]
