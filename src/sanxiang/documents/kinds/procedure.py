"""Documents of the investigation and notice stages: 立案审批表, 询问笔录, 现场检查笔录,
先行登记保存证据通知书, 行政处罚告知书, 听证通知书, 听证笔录.

Each is offered once its record exists in the case (the filing, the record, the preservation,
the current notice, the scheduled or held hearing): that is the stage where it may be produced.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models import Approval, Case, Hearing, InvestigationRecord, Preservation
from sanxiang.documents.kinds.base import (
    BuildInput,
    DocumentContent,
    DocumentKind,
    EditableField,
    FileSection,
    Section,
    Source,
)
from sanxiang.documents.kinds.common import (
    basis_text,
    cn_date,
    cn_datetime,
    officer_names,
    parties,
    penalty_text,
)
from sanxiang.registry.models import BasisKind

__all__ = [
    "FILING",
    "HEARING_NOTICE",
    "HEARING_RECORD",
    "INQUIRY",
    "INSPECTION",
    "NOTICE",
    "PRESERVATION",
    "approval_lines",
]

_LEVELS = {1: "承办人意见", 2: "执法机构负责人意见", 3: "机关负责人意见"}
_SOURCES = {
    "inspection": "监督检查发现",
    "complaint": "投诉举报",
    "referral": "其他机关移送",
    "superior": "上级交办",
    "monitoring": "监测、抽检",
    "other": "其他",
}
_CONTACT = EditableField(
    "contact", _("Contact person and phone"), max_length=128, help_text=_("Default: the agency's.")
)


def approval_lines(case: Case, step: str) -> list[tuple[str, str]]:
    """The approvals of `step` (三级审批) as form rows: level, opinion, approver and date."""
    rows = []
    for approval in (
        Approval.objects.filter(case=case, step=step, result="approved")
        .select_related("approver")
        .order_by("round", "level")
    ):
        who = approval.approver.display_name if approval.approver else ""
        when = cn_date(approval.decided_at.date()) if approval.decided_at else ""
        rows.append(
            (_LEVELS.get(approval.level, str(approval.level)), f"{approval.opinion}  {who}  {when}")
        )
    return rows


def _found(facts: str) -> str:
    return facts if facts.startswith("经查") else f"经查，{facts}"


def _party_names(case: Case) -> str:
    return "、".join(p.name for p in parties(case))


# 立案审批表 (SAMR-PROC-19) ------------------------------------------------------------------


def _filed(case: Case) -> list[Source]:
    return [Source("", "")] if case.filed_on is not None else []


def build_filing(build: BuildInput) -> DocumentContent:
    case = build.case
    fields = {
        "case_source": _SOURCES.get(case.lead_source, case.lead_source),
        "received_on": cn_date(case.received_on),
        "party_name": _party_names(case),
        "facts": case.facts or case.lead_summary,
        "basis": basis_text(case, kinds=(BasisKind.VIOLATION, BasisKind.PENALTY)),
        "officers": officer_names(case),
        "filed_on": cn_date(case.filed_on),
    }
    table = [
        ("案件名称", case.title),
        ("案件来源", str(fields["case_source"])),
        ("受理（发现）日期", str(fields["received_on"])),
        ("当事人", str(fields["party_name"]) or "（尚待调查确定）"),
        ("简要案情", str(fields["facts"])),
        ("涉嫌违反的依据", str(fields["basis"])),
        ("办案人员", str(fields["officers"])),
        *approval_lines(case, "filing"),
        ("立案日期", str(fields["filed_on"])),
    ]
    return DocumentContent(
        title="立案审批表", fields=fields, table=table, sealed=False, dated=case.filed_on
    )


FILING = DocumentKind(
    code="filing_approval",
    title="立案审批表",
    label=_("Filing approval form"),
    section=FileSection.FILING,
    sources=_filed,
    build=build_filing,
    field_names=frozenset(
        {"case_source", "received_on", "party_name", "facts", "basis", "officers", "filed_on"}
    ),
    rule="SAMR-PROC-19",
)


# 询问笔录 / 现场检查笔录 (SAMR-PROC-28/29, LAW-APL-55) ----------------------------------------


def _records(kind: str):  # type: ignore[no-untyped-def]  # returns a Source lister
    def sources(case: Case) -> list[Source]:
        return [
            Source(f"record:{r.pk}", f"{cn_datetime(r.started_at)} {r.subject_name}")
            for r in case.records.filter(kind=kind).order_by("started_at", "id")
        ]

    return sources


def _record(build: BuildInput) -> InvestigationRecord:
    pk = build.source.removeprefix("record:")
    return build.case.records.get(pk=int(pk))


def build_record(build: BuildInput) -> DocumentContent:
    record = _record(build)
    officers = "、".join(
        f"{row.officer.name}（执法证号：{row.certificate_number}）"
        for row in record.record_officers.select_related("officer")
    )
    fields = {
        "started_at": cn_datetime(record.started_at),
        "ended_at": cn_datetime(record.ended_at),
        "place": record.place,
        "subject_name": record.subject_name,
        "subject_role": record.subject_role,
        "officers": officers,
        "content": record.content,
    }
    inquiry = record.kind == "inquiry"
    table = [
        ("时间", f"{fields['started_at']}至{fields['ended_at'] or '    '}"),
        ("地点", record.place),
        ("被询问人" if inquiry else "当事人（在场人）", record.subject_name),
        ("身份", record.subject_role),
        ("执法人员", officers),
    ]
    lines = [line for line in record.content.splitlines() if line.strip()]
    opening = (
        "我们是本机关执法人员，已向你出示执法证件。依法向你询问有关情况，你应当如实回答。"
        "你有申请执法人员回避和陈述、申辩的权利。"
        if inquiry
        else "执法人员已出示执法证件，告知当事人有申请回避和陈述、申辩的权利，现场检查情况如下："
    )
    return DocumentContent(
        title="询问笔录" if inquiry else "现场检查笔录",
        fields=fields,
        table=table,
        sections=[Section("", [opening, *lines])],
        signatures=[
            "以上笔录已经本人核对（已向本人宣读），与所述一致。"
            if inquiry
            else "以上笔录经当事人核对无误。",
            ("被询问人签名：" if inquiry else "当事人（在场人）签名：") + "          逐页签名",
            "执法人员签名：",
        ],
        sealed=False,
        dated=record.started_at.date(),
    )


_RECORD_FIELDS = frozenset(
    {"started_at", "ended_at", "place", "subject_name", "subject_role", "officers", "content"}
)

INQUIRY = DocumentKind(
    code="inquiry_record",
    title="询问笔录",
    label=_("Inquiry record"),
    section=FileSection.EVIDENCE,
    sources=_records("inquiry"),
    build=build_record,
    field_names=_RECORD_FIELDS,
    rule="SAMR-PROC-29",
)

INSPECTION = DocumentKind(
    code="inspection_record",
    title="现场检查笔录",
    label=_("On-site inspection record"),
    section=FileSection.EVIDENCE,
    sources=_records("inspection"),
    build=build_record,
    field_names=_RECORD_FIELDS,
    rule="SAMR-PROC-28",
)


# 先行登记保存证据通知书 (LAW-APL-56, SAMR-PROC-33/35) ----------------------------------------


def _preservations(case: Case) -> list[Source]:
    return [
        Source(f"preservation:{p.pk}", cn_date(p.started_on))
        for p in case.preservations.order_by("started_on", "id")
    ]


def build_preservation(build: BuildInput) -> DocumentContent:
    preservation: Preservation = build.case.preservations.get(
        pk=int(build.source.removeprefix("preservation:"))
    )
    fields = {
        "party_name": _party_names(build.case),
        "items": preservation.items,
        "started_on": cn_date(preservation.started_on),
        "disposal_due": cn_date(preservation.disposal_due),
        "storage_place": build.edit("storage_place", "就地保存"),
        "contact": build.edit("contact", build.settings.contact),
    }
    sections = [
        Section(
            "",
            [
                f"你（单位）涉嫌{build.case.title}，在证据可能灭失或者以后难以取得的情况下，经本机关"
                "负责人批准，依据《中华人民共和国行政处罚法》第五十六条的规定，本机关决定对你（单位）"
                f"的下列物品予以先行登记保存，保存期间不得损毁、销毁或者转移：",
                preservation.items,
                f"保存地点：{fields['storage_place']}。",
                f"本机关将在七个工作日内（{fields['disposal_due']}前）作出处理决定；逾期未作出处理决定的，"
                "先行登记保存措施自动解除。",
                f"联系人及电话：{fields['contact']}",
            ],
        )
    ]
    return DocumentContent(
        title="先行登记保存证据通知书",
        fields=fields,
        sections=sections,
        recipient=f"{fields['party_name']}：",
        signatures=["当事人签名："],
        dated=preservation.started_on,
    )


PRESERVATION = DocumentKind(
    code="preservation_notice",
    title="先行登记保存证据通知书",
    label=_("Notice of evidence preservation"),
    section=FileSection.OTHER_DOCUMENTS,
    sources=_preservations,
    build=build_preservation,
    field_names=frozenset(
        {"party_name", "items", "started_on", "disposal_due", "storage_place", "contact"}
    ),
    number_code="先保",
    editable=(
        EditableField("storage_place", _("Where the items are kept"), max_length=255),
        _CONTACT,
    ),
    rule="LAW-APL-56",
)


# 行政处罚告知书 (LAW-APL-44, LAW-APL-63/64, SAMR-PROC-57) -------------------------------------


def _current_notice(case: Case) -> list[Source]:
    return [Source("", "")] if case.notices.filter(is_current=True).exists() else []


def build_notice(build: BuildInput) -> DocumentContent:
    notice = build.case.notices.get(is_current=True)
    penalty = penalty_text(
        penalty_types=list(notice.penalty_types),
        fine_fen=notice.fine_fen,
        confiscation_fen=notice.confiscation_fen,
        detention_days=notice.detention_days,
        other=notice.other_penalty,
    )
    fields = {
        "party_name": _party_names(build.case),
        "facts": build.case.facts,
        "content": notice.content,
        "basis": basis_text(build.case),
        "penalty": penalty,
        "fine_fen": notice.fine_fen,
        "confiscation_fen": notice.confiscation_fen,
        "hearing_right": notice.hearing_right,
        "contact": build.edit("contact", build.settings.contact),
    }
    rights = [
        "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的"
        "权利。请在收到本告知书之日起五个工作日内向本机关提出陈述、申辩意见；逾期未提出的，视为放弃"
        "此权利（SAMR-PROC-57）。",
    ]
    if notice.hearing_right:
        # LAW-APL-63/64: the hearing right and its 5-day window.
        rights.append(
            "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有要求举行听证的"
            "权利。如要求听证，应当在收到本告知书之日起五个工作日内向本机关提出；逾期未提出的，视为"
            "放弃此权利。"
        )
    sections = [
        Section("", [_found(build.case.facts), notice.content]),
        Section(
            "",
            [f"依据{fields['basis']}的规定，本机关拟对你（单位）作出如下行政处罚：{penalty}。"],
        ),
        Section("", rights),
        Section("", [f"联系人及电话：{fields['contact']}"]),
    ]
    return DocumentContent(
        title="行政处罚告知书",
        fields=fields,
        sections=sections,
        recipient=f"{fields['party_name']}：",
        dated=build.on,
    )


NOTICE = DocumentKind(
    code="penalty_notice",
    title="行政处罚告知书",
    label=_("Notice of the proposed penalty"),
    section=FileSection.OTHER_DOCUMENTS,
    sources=_current_notice,
    build=build_notice,
    field_names=frozenset(
        {
            "party_name",
            "facts",
            "content",
            "basis",
            "penalty",
            "fine_fen",
            "confiscation_fen",
            "hearing_right",
            "contact",
        }
    ),
    number_code="罚告",
    editable=(_CONTACT,),
    rule="LAW-APL-44",
)


# 听证通知书 / 听证笔录 (LAW-APL-64, SAMR-HEAR) ------------------------------------------------


def _hearings(*, held: bool):  # type: ignore[no-untyped-def]  # returns a Source lister
    def sources(case: Case) -> list[Source]:
        rows = case.hearings.all()
        rows = (
            rows.filter(held_on__isnull=False) if held else rows.filter(scheduled_on__isnull=False)
        )
        return [Source(f"hearing:{h.pk}", cn_date(h.held_on or h.scheduled_on)) for h in rows]

    return sources


def _hearing(build: BuildInput) -> Hearing:
    return build.case.hearings.select_related("presiding_officer").get(
        pk=int(build.source.removeprefix("hearing:"))
    )


def _hearing_fields(build: BuildInput, hearing: Hearing) -> dict[str, object]:
    return {
        "party_name": _party_names(build.case),
        "scheduled_on": cn_date(hearing.scheduled_on),
        "held_on": cn_date(hearing.held_on),
        "place": hearing.place,
        "presiding": hearing.presiding_officer.name if hearing.presiding_officer else "",
        "is_public": "公开" if hearing.is_public else "不公开",
        "record": hearing.record,
        "officers": officer_names(build.case, with_certificates=False),
        "party_attended": "是" if hearing.party_attended else "否",
        "contact": build.edit("contact", build.settings.contact),
    }


def build_hearing_notice(build: BuildInput) -> DocumentContent:
    hearing = _hearing(build)
    fields = _hearing_fields(build, hearing)
    sections = [
        Section(
            "",
            [
                f"根据你（单位）的申请，本机关决定于{fields['scheduled_on']}在{fields['place']}"
                f"{fields['is_public']}举行听证。主持人：{fields['presiding']}。",
                "你（单位）可以亲自参加听证，也可以委托一至二人代理；认为主持人与本案有直接利害关系"
                "的，有权申请回避（《中华人民共和国行政处罚法》第六十四条）。无正当理由拒不出席听证"
                "或者未经许可中途退出听证的，视为放弃听证权利。",
                f"联系人及电话：{fields['contact']}",
            ],
        )
    ]
    return DocumentContent(
        title="听证通知书",
        fields=fields,
        sections=sections,
        recipient=f"{fields['party_name']}：",
        dated=hearing.hearing_notice_served_on or build.on,
    )


def build_hearing_record(build: BuildInput) -> DocumentContent:
    hearing = _hearing(build)
    fields = _hearing_fields(build, hearing)
    table = [
        ("案由", build.case.title),
        ("听证时间", str(fields["held_on"])),
        ("听证地点", str(fields["place"])),
        ("听证方式", str(fields["is_public"])),
        ("听证主持人", str(fields["presiding"])),
        ("当事人", str(fields["party_name"])),
        ("当事人是否到场", str(fields["party_attended"])),
        ("案件调查人员", str(fields["officers"])),
    ]
    lines = [line for line in hearing.record.splitlines() if line.strip()]
    return DocumentContent(
        title="听证笔录",
        fields=fields,
        table=table,
        sections=[Section("听证记录", lines)],
        signatures=["当事人签名：", "听证主持人签名：", "记录人签名："],
        sealed=False,
        dated=hearing.held_on,
    )


_HEARING_FIELDS = frozenset(
    {
        "party_name",
        "scheduled_on",
        "held_on",
        "place",
        "presiding",
        "is_public",
        "record",
        "officers",
        "party_attended",
        "contact",
    }
)

HEARING_NOTICE = DocumentKind(
    code="hearing_notice",
    title="听证通知书",
    label=_("Hearing notice"),
    section=FileSection.OTHER_DOCUMENTS,
    sources=_hearings(held=False),
    build=build_hearing_notice,
    field_names=_HEARING_FIELDS,
    number_code="听通",
    editable=(_CONTACT,),
    rule="LAW-APL-64",
)

HEARING_RECORD = DocumentKind(
    code="hearing_record",
    title="听证笔录",
    label=_("Hearing record"),
    section=FileSection.HEARING_RECORD,
    sources=_hearings(held=True),
    build=build_hearing_record,
    field_names=_HEARING_FIELDS,
    rule="LAW-APL-64",
)
