"""Demo data of publicity: what the portal of the Tianjin pilot shows, built by the services.

`load_demo()` runs after the registry, cases, review, documents and evidence demos (apps load
in INSTALLED_APPS order) and is idempotent (one transaction; a second load writes nothing):

* per agency, the publication policy (公示规则配置), the disclosure catalogue (执法公示清单:
  item, content, time limit, channel, display period, legal basis) laid out as the finance
  bureau's pilot catalogue was — 事前, 事中, 事后 rows, GUO-118-04/05/06 —, the random-inspection
  item list (随机抽查事项清单) and, for the district governments, a delegation to a sub-district
  office (LAW-APL-20);
* the real collection (`publications_collect`, the periodic task's work) opens a publication for
  every decided demo case; about four in five are taken 采集 → 审核 → 发布 by the agency's demo
  accounts through the services (the redaction engine proposes the masks, a reviewer other than
  the collector approves them, a head publishes), on a working day within the 7 or 20 working
  days (GUO-118-06a/b), a few late; decisions too recent stay in review or wait for publishing,
  and the rest wait in 采集 (some of them overdue: the workbench shows them);
* one published penalty decision is withdrawn after reconsideration revoked it, with the
  published reason (LAW-APL-48); one is corrected, its first version kept in the public change
  log; the display periods that ended before the demo's reference day are closed by the real
  removal (SAMR-PUB-13);
* the 2025 yearly statistics of each enforcement agency are generated from the data and
  published by a head on 20 January 2026 (GUO-118-06d).

Dates are the demo's (`cases.demo.dates`: nothing after 2026-11-30) and are passed to the
services (`on=`); what the services stamp with the clock (`collected_at`, `reviewed_at`, a
report's `generated_at`) is the moment of the load, as in the case demo.
"""

from __future__ import annotations

import datetime
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db import transaction
from django.db.models import Q

from sanxiang.cases.demo.dates import TODAY, Clock
from sanxiang.cases.demo.stories import AGENCY_NAMES
from sanxiang.publicity import services
from sanxiang.publicity.masking import Mask
from sanxiang.publicity.models import (
    Delegation,
    DisclosureItem,
    Publication,
    PublicationChange,
    PublicationPolicy,
    PublicationStatus,
    ReportStatus,
    SpotCheckItem,
    Stage,
    WithdrawalGround,
    YearlyReport,
)
from sanxiang.publicity.services.publications import proposed_masks
from sanxiang.publicity.texts import case_source_text
from sanxiang.registry.demo.upsert import DemoSummary, upsert
from sanxiang.registry.models import ActType, Agency, Role, User

__all__ = ["PublicityDemoSummary", "load_demo"]

S = PublicationStatus
DEMO_CASES = Q(case__external_ref__startswith="demo:")
REPORT_YEAR = 2025
REPORT_PUBLISHED_ON = datetime.date(2026, 1, 20)  # a Tuesday, before 31 January (GUO-118-06d)
SHARE = 80  # percent of the demo publications taken through 采集 → 审核 → 发布
LATE = 7  # percent of those published after their deadline
CHANNEL = "天津市行政执法监督平台、本机关门户网站"

# Per-agency settings (PublicationPolicy). 市场监管委 and 生态环境局 publish the punished
# party's name in the summary (SAMR-PUB-4); 公安局 masks it and keeps the 20 working days of
# GUO-118-06a for what is not a penalty or a licence; 财政局, the pilot, writes the defaults
# out; the district governments keep the defaults without a row.
_POLICIES: dict[str, dict[str, Any]] = {
    "sj": {"publish_party_name": True},
    "st": {"publish_party_name": True, "low_fine_fen": 2_000_000},
    "ga": {"publish_party_name": False},
    "cz": {"publish_party_name": False, "strict_days": 7, "general_days": 20},
}


class Writer(Protocol):
    def write(self, text: str, /) -> object: ...


@dataclass
class PublicityDemoSummary:
    """What one load did, and the state of every demo publication after it."""

    settings: DemoSummary = field(default_factory=DemoSummary)
    opened: int = 0
    advanced: int = 0
    removed: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    corrections: int = 0
    reports_published: int = 0

    def describe(self) -> str:
        states = ", ".join(f"{n} {status}" for status, n in sorted(self.statuses.items()))
        return (
            f"Demo publicity: {self.settings.total('created')} catalogue and policy rows "
            f"created; {self.opened} publications opened, {self.advanced} taken further, "
            f"{self.removed} taken down at the end of their display period "
            f"({sum(self.statuses.values())} in all: {states}); {self.corrections} corrections; "
            f"{self.reports_published} yearly reports of {REPORT_YEAR} published."
        )


# --- the disclosure catalogue, random inspections and delegations --------------------------


def _catalogue(agency: str) -> list[dict[str, Any]]:
    """The rows of the pilot's disclosure catalogue (执法公示清单) for `agency`."""
    rows: list[tuple[str, str, str, str, str, str]] = [
        (
            Stage.BEFORE,
            "执法主体",
            f"{agency}的名称、职责、内设执法机构、办公地址、联系电话",
            "信息形成或变更之日起20个工作日内",
            "长期",
            "国办发〔2018〕118号 第二条第（一）项",
        ),
        (
            Stage.BEFORE,
            "执法人员",
            "执法人员姓名、执法证件号码、执法领域、证件有效期",
            "信息形成或变更之日起20个工作日内",
            "长期",
            "国办发〔2018〕118号 第二条第（一）项",
        ),
        (
            Stage.BEFORE,
            "执法职责与权限（权责清单）",
            "行政处罚、行政检查、行政许可等权责事项及其设定依据、责任事项",
            "清单调整之日起20个工作日内",
            "长期",
            "《中华人民共和国行政处罚法》第三十九条",
        ),
        (
            Stage.BEFORE,
            "行政处罚裁量基准",
            "违法行为、裁量阶次、适用情形及处罚幅度",
            "制定或修订之日起20个工作日内",
            "长期",
            "《中华人民共和国行政处罚法》第三十四条",
        ),
        (
            Stage.BEFORE,
            "执法程序与流程图",
            "普通程序、简易程序及其他执法行为的办理流程和时限",
            "流程调整之日起20个工作日内",
            "长期",
            "国办发〔2018〕118号 第二条第（一）项",
        ),
        (
            Stage.BEFORE,
            "随机抽查事项清单",
            "抽查事项、抽查对象、抽查方式、抽查比例和频次、抽查依据",
            "清单调整之日起20个工作日内",
            "长期",
            "国办发〔2018〕118号 第二条第（一）项",
        ),
        (
            Stage.BEFORE,
            "救济渠道",
            "行政复议机关、行政诉讼管辖法院、申请期限，投诉举报电话",
            "信息变更之日起20个工作日内",
            "长期",
            "国办发〔2018〕118号 第二条第（一）项",
        ),
        (
            Stage.DURING,
            "出示执法证件",
            "执法人员在监督检查、调查取证、送达文书时主动出示执法证件，公众可扫码核验",
            "执法过程中",
            "执法全过程",
            "国办发〔2018〕118号 第二条第（二）项",
        ),
        (
            Stage.DURING,
            "告知执法事由、依据和权利义务",
            "出具执法文书，告知当事人执法事由、执法依据、陈述申辩等权利和义务",
            "执法过程中",
            "执法全过程",
            "国办发〔2018〕118号 第二条第（二）项",
        ),
        (
            Stage.AFTER,
            "行政处罚决定",
            "执法机关、执法对象、执法类别、违法行为类型、处罚内容、决定日期（依法处理个人信息）",
            "作出决定之日起7个工作日内",
            "通报批评或较低数额罚款3个月，其他3年",
            "国办发〔2018〕118号 第二条第（三）项；《中华人民共和国行政处罚法》第四十八条",
        ),
        (
            Stage.AFTER,
            "其他执法决定和检查结果",
            "执法机关、执法对象、执法类别、执法结论",
            "作出决定之日起20个工作日内",
            "3年",
            "国办发〔2018〕118号 第二条第（三）项",
        ),
        (
            Stage.AFTER,
            "撤回已公开的执法决定",
            "决定被变更、撤销、确认违法或确认无效的，撤下原决定信息并公布撤回原因",
            "决定变更或撤销之日起3个工作日内",
            "撤回说明长期公开",
            "《中华人民共和国行政处罚法》第四十八条",
        ),
        (
            Stage.AFTER,
            "行政执法统计年报",
            f"{agency}上年度行政执法总体情况数据",
            "每年1月31日前",
            "长期",
            "国办发〔2018〕118号 第二条第（三）项",
        ),
    ]
    return [
        {
            "stage": stage,
            "order": order,
            "item": item,
            "content": content,
            "time_limit": time_limit,
            "channel": CHANNEL,
            "display_period": period,
            "legal_basis": basis,
        }
        for order, (stage, item, content, time_limit, period, basis) in enumerate(rows, start=1)
    ]


_SPOT_CHECKS: dict[str, list[tuple[str, str, str, str, str, str]]] = {
    "cz": [
        (
            "CZ-SJ-01",
            "会计信息质量检查",
            "国家机关、企业、事业单位和其他组织",
            "双随机抽取，书面检查和实地检查",
            "每年抽查比例不低于3%",
            "《中华人民共和国会计法》第三十三条",
        ),
        (
            "CZ-SJ-02",
            "会计师事务所执业质量检查",
            "本市会计师事务所",
            "双随机抽取，调阅审计工作底稿",
            "每年抽查比例不低于5%",
            "《中华人民共和国注册会计师法》第三十四条",
        ),
        (
            "CZ-SJ-03",
            "政府采购代理机构监督检查",
            "在本市执业的政府采购代理机构",
            "双随机抽取，书面审查和现场检查",
            "每年抽查比例不低于10%",
            "《中华人民共和国政府采购法》第五十九条",
        ),
    ],
    "sj": [
        (
            "SJ-SJ-01",
            "食品销售者监督检查",
            "食品销售经营者",
            "双随机抽取，现场检查",
            "每年抽查比例不低于5%",
            "《中华人民共和国食品安全法》第一百一十条",
        ),
        (
            "SJ-SJ-02",
            "产品质量监督抽查",
            "生产、销售企业",
            "双随机抽取，抽样检验",
            "按年度抽查计划",
            "《中华人民共和国产品质量法》第十五条",
        ),
        (
            "SJ-SJ-03",
            "广告发布行为检查",
            "广告主、广告经营者、广告发布者",
            "双随机抽取，网络监测和现场检查",
            "每年抽查比例不低于3%",
            "《中华人民共和国广告法》第四十九条",
        ),
    ],
    "st": [
        (
            "ST-SJ-01",
            "排污许可证执行情况检查",
            "排污单位",
            "双随机抽取，现场检查和监测",
            "重点排污单位每年不低于20%",
            "《排污许可管理条例》第二十六条",
        ),
        (
            "ST-SJ-02",
            "建设项目环境影响评价制度执行情况检查",
            "建设单位",
            "双随机抽取，现场检查",
            "每年抽查比例不低于5%",
            "《中华人民共和国环境影响评价法》第二十八条",
        ),
    ],
    "ga": [
        (
            "GA-SJ-01",
            "旅馆业治安管理检查",
            "旅馆经营单位",
            "双随机抽取，现场检查",
            "每年抽查比例不低于10%",
            "《旅馆业治安管理办法》第十二条",
        ),
        (
            "GA-SJ-02",
            "易制毒化学品购销单位检查",
            "易制毒化学品购买、销售单位",
            "双随机抽取，现场检查和台账核查",
            "每年抽查比例不低于10%",
            "《易制毒化学品管理条例》第三十二条",
        ),
    ],
}
_DISTRICT_SPOT_CHECKS = [
    (
        "QX-SJ-01",
        "市容环境卫生责任落实情况检查",
        "临街商户、建设工地",
        "双随机抽取，现场检查",
        "每季度抽查比例不低于5%",
        "《天津市市容和环境卫生管理条例》第十条",
    ),
    (
        "QX-SJ-02",
        "食品经营者监督检查",
        "辖区食品经营者",
        "双随机抽取，现场检查",
        "每年抽查比例不低于5%",
        "《中华人民共和国食品安全法》第一百一十条",
    ),
]
# LAW-APL-20: the district governments delegate street-level penalties to a sub-district office.
_DELEGATIONS: dict[str, tuple[str, str, str]] = {
    "bh": ("天津市滨海新区新港街道办事处", "新港街道", "滨政委〔2024〕3号"),
    "hb": ("天津市河北区望海楼街道办事处", "望海楼街道", "北政委〔2024〕5号"),
    "jn": ("天津市津南区双港镇人民政府", "双港镇", "津南政委〔2024〕2号"),
}


def _load_catalogue(summary: PublicityDemoSummary, agency: Agency, key: str) -> None:
    for row in _catalogue(agency.name):
        upsert(
            summary.settings,
            DisclosureItem,
            {"agency": agency, "stage": row["stage"], "item": row["item"]},
            {k: v for k, v in row.items() if k not in ("stage", "item")},
        )
    checks = _SPOT_CHECKS.get(key, _DISTRICT_SPOT_CHECKS if key in _DELEGATIONS else [])
    for code, name, subjects, method, ratio, basis in checks:
        upsert(
            summary.settings,
            SpotCheckItem,
            {"agency": agency, "code": code},
            {
                "name": name,
                "subjects": subjects,
                "method": method,
                "ratio": ratio,
                "legal_basis": basis,
            },
        )
    if key in _DELEGATIONS:
        delegate, area, number = _DELEGATIONS[key]
        upsert(
            summary.settings,
            Delegation,
            {"agency": agency, "delegate": delegate},
            {
                "matters": f"{area}辖区内违反市容环境卫生管理规定的行政处罚（占道经营、"
                "乱堆乱放、乱贴乱画）",
                "authority": "以委托机关名义实施简易程序和普通程序行政处罚，不得再委托",
                "valid_from": datetime.date(2024, 3, 1),
                "valid_to": datetime.date(2027, 2, 28),
                "instrument_number": number,
            },
        )
    if key in _POLICIES:
        upsert(summary.settings, PublicationPolicy, {"agency": agency}, _POLICIES[key])


# --- the publications of the demo cases -----------------------------------------------------


class _Accounts:
    """The agency's demo accounts who collect, review and publish (publicity.access)."""

    def __init__(self) -> None:
        self._users = list(
            User.objects.filter(is_active=True, agency__isnull=False).order_by("username")
        )

    def _first(self, agency_id: int, roles: tuple[str, ...], **match: Any) -> User | None:
        for role in roles:
            for user in self._users:
                if (
                    user.agency_id == agency_id
                    and user.role == role
                    and all(getattr(user, name) == value for name, value in match.items())
                ):
                    return user
        return None

    def collector(self, publication: Publication) -> User | None:
        department = publication.case.department_id
        return self._first(
            publication.agency_id, (Role.OFFICER,), department_id=department
        ) or self._first(publication.agency_id, (Role.OFFICER, Role.DEPARTMENT_HEAD))

    def reviewer(self, publication: Publication, collector: User) -> User | None:
        for user in (
            self._first(publication.agency_id, (Role.LEGAL_REVIEWER,)),
            self._first(
                publication.agency_id,
                (Role.DEPARTMENT_HEAD,),
                department_id=publication.case.department_id,
            ),
            self._first(publication.agency_id, (Role.AGENCY_HEAD, Role.DEPARTMENT_HEAD)),
        ):
            if user is not None and user.pk != collector.pk:
                return user
        return None

    def publisher(self, agency_id: int) -> User | None:
        return self._first(agency_id, (Role.AGENCY_HEAD, Role.DEPARTMENT_HEAD))


def _draw(publication: Publication, salt: str) -> int:
    return zlib.crc32(f"{publication.case.external_ref}:{salt}".encode()) % 100


def _publish_day(publication: Publication, clock: Clock) -> datetime.date:
    """A working day within the deadline (GUO-118-06a/b), or after it for a few."""
    strict = publication.due_rule == "GUO-118-06b"
    limit = 7 if strict else 20
    draw = _draw(publication, "day")
    if draw < LATE:
        return clock.after(publication.due_on, 1 + draw % 4)
    return clock.after(publication.decided_on, 1 + draw % (limit - 1))


# An article of a law (第五十条) that the engine took for a name with the surname 第五.
_ARTICLE = re.compile(r"第[〇零一二三四五六七八九十百千]+[条款项]")


def _reviewed(document: str, masks: Sequence[Mask]) -> list[int]:
    """审核 as the demo reviewer does it: every proposed mask kept, except the names that are
    in fact articles of a law (the reviewer unticks them)."""
    keep: list[int] = []
    for index, mask in enumerate(masks):
        fragment = document[int(mask["start"]) : int(mask["end"])]
        if mask["label"] == "PERSON" and _ARTICLE.fullmatch(fragment):
            continue
        keep.append(index)
    return keep


def _without_reasons(text: str) -> str:
    """The source text as a hurried collector sent it: without the legal basis line."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("理由和依据："))


@dataclass
class _Special:
    """The publications the demo corrects and withdraws after publishing them."""

    correct: Publication | None = None
    correct_day: datetime.date | None = None
    withdraw: Publication | None = None
    withdraw_day: datetime.date | None = None


def _pick_specials(plan: list[tuple[Publication, datetime.date]], clock: Clock) -> _Special:
    special = _Special()
    demo = Publication.objects.filter(DEMO_CASES)
    want_correction = not PublicationChange.objects.filter(
        publication__in=demo.values("pk")
    ).exists()
    want_withdrawal = not demo.filter(status=S.WITHDRAWN).exists()
    for publication, day in plan:
        penalty = (
            publication.act_type == ActType.PENALTY
            and publication.due_rule == "GUO-118-06b"
            and not publication.short_display
        )
        if not penalty or day > TODAY - datetime.timedelta(days=60):
            continue
        if (
            want_correction
            and special.correct is None
            and "理由和依据：" in publication.source_text
        ):
            special.correct, special.correct_day = publication, clock.after(day, 4)
            continue
        if want_withdrawal and special.withdraw is None:
            special.withdraw, special.withdraw_day = publication, clock.after(day, 12)
    return special


def _advance(
    publication: Publication,
    day: datetime.date,
    accounts: _Accounts,
    clock: Clock,
    *,
    source_text: str = "",
) -> bool:
    """采集 → 审核 → 发布 on `day`; a decision too recent to be published by the demo's
    reference day stops in review (or approved, waiting for the head)."""
    collector = accounts.collector(publication)
    if collector is None:
        return False
    reviewer = accounts.reviewer(publication, collector)
    publisher = accounts.publisher(publication.agency_id)
    if reviewer is None or publisher is None:
        return False
    row = services.publication_submit(
        publication=publication, actor=collector, source_text=source_text
    )
    if day > TODAY and clock.after(publication.decided_on, 2) > TODAY:
        return True  # collected these days: the reviewer has not looked at it yet
    document = row.source_title + "\n" + row.source_text
    row = services.publication_approve(
        publication=row, actor=reviewer, keep_indexes=_reviewed(document, row.proposed_masks)
    )
    if day <= TODAY:
        services.publication_publish(publication=row, actor=publisher, on=day)
    return True


def _correct(publication: Publication, original: str, day: datetime.date, user: User) -> None:
    """The head restores the legal basis the collector left out; the corrected text is
    re-redacted, and the head unticks the same kind of wrong proposal as in 审核."""
    row = Publication.objects.select_related("case").get(pk=publication.pk)
    document = row.source_title + "\n" + original
    proposals = proposed_masks(row, case_source_text(row.case), document=document)
    kept = set(_reviewed(document, proposals))
    services.publication_correct(
        publication=row,
        actor=user,
        reason="原公示内容遗漏了处罚的理由和依据，现予补正。",
        source_text=original,
        removed_indexes=[i for i in range(len(proposals)) if i not in kept],
        on=day,
    )


def _withdraw(publication: Publication, day: datetime.date, clock: Clock, user: User) -> None:
    """LAW-APL-48: reconsideration revoked the decision on `day`; withdrawn 2 working days on."""
    row = services.publication_withdrawal_require(
        publication=Publication.objects.get(pk=publication.pk),
        actor=user,
        ground=WithdrawalGround.REVOKED,
        decision_changed_on=day,
    )
    services.publication_withdraw(
        publication=row,
        actor=user,
        reason=(
            f"{day.year}年{day.month}月{day.day}日，天津市人民政府作出行政复议决定，以认定事实"
            "的证据不足为由撤销本机关原行政处罚决定，原公示信息予以撤下。"
        ),
        on=clock.after(day, 2),
    )


def _load_publications(summary: PublicityDemoSummary, clock: Clock) -> None:
    summary.opened = services.publications_collect()
    accounts = _Accounts()
    waiting = (
        Publication.objects.filter(DEMO_CASES, status=S.COLLECTING)
        .select_related("case")
        .order_by("case__external_ref")
    )
    plan = [
        (publication, _publish_day(publication, clock))
        for publication in waiting
        if _draw(publication, "share") < SHARE
    ]
    special = _pick_specials(plan, clock)
    originals: dict[int, str] = {}
    for publication, day in plan:
        edited = ""
        if special.correct is not None and publication.pk == special.correct.pk:
            originals[publication.pk] = publication.source_text
            edited = _without_reasons(publication.source_text)
        if _advance(publication, day, accounts, clock, source_text=edited):
            summary.advanced += 1
    if special.correct is not None and special.correct_day is not None:
        publisher = accounts.publisher(special.correct.agency_id)
        if publisher is not None:
            _correct(special.correct, originals[special.correct.pk], special.correct_day, publisher)
    if special.withdraw is not None and special.withdraw_day is not None:
        publisher = accounts.publisher(special.withdraw.agency_id)
        if publisher is not None:
            _withdraw(special.withdraw, special.withdraw_day, clock, publisher)
    # SAMR-PUB-13: the periodic task's work, on the demo's reference day.
    summary.removed = services.publications_remove_expired(on=TODAY)


def _load_reports(summary: PublicityDemoSummary, agencies: list[Agency]) -> None:
    """GUO-118-06d: last year's statistics of each agency, published by a head."""
    accounts = _Accounts()
    for agency in agencies:
        report = YearlyReport.objects.filter(agency=agency, year=REPORT_YEAR).first()
        if report is not None and report.status == ReportStatus.PUBLISHED:
            continue
        head = accounts.publisher(agency.pk)
        if head is None:
            continue
        report = services.yearly_report_generate(agency=agency, year=REPORT_YEAR)
        services.yearly_report_publish(report=report, actor=head, on=REPORT_PUBLISHED_ON)


def load_demo(*, stdout: Writer | None = None) -> PublicityDemoSummary:
    """Load (or complete) the publicity demo data; see the module docstring. Idempotent."""
    summary = PublicityDemoSummary()
    clock = Clock()
    with transaction.atomic():
        agencies: list[Agency] = []
        for key, name in AGENCY_NAMES.items():
            agency = Agency.objects.filter(name=name).first()
            if agency is None:
                continue
            agencies.append(agency)
            _load_catalogue(summary, agency, key)
        _load_publications(summary, clock)
        _load_reports(summary, agencies)
        demo = Publication.objects.filter(DEMO_CASES)
        for status in demo.values_list("status", flat=True):
            summary.statuses[status] += 1
        summary.corrections = PublicationChange.objects.filter(
            publication__in=demo.values("pk")
        ).count()
        summary.reports_published = YearlyReport.objects.filter(
            year=REPORT_YEAR, status=ReportStatus.PUBLISHED
        ).count()
    if stdout is not None:
        stdout.write(summary.describe() + "\n")
    return summary
