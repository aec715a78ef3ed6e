"""Decision documents: 行政处罚决定书, 当场行政处罚决定书, 不予行政处罚决定书.

Built from the case's approved `Decision` (LAW-APL-57, SAMR-PROC-60), its parties, facts and
legal basis; the remedy clause from `documents.remedy` (LAW-ARL-20/23/24). Issued only when
`checks` finds nothing missing (LAW-APL-59 six elements and the seal; LAW-APL-52 on the spot).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models import Case, Decision
from sanxiang.core.money import format_yuan_cn, rmb_upper
from sanxiang.documents.kinds import checks
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
    NO_PENALTY_REASONS,
    basis_text,
    cn_date,
    officer_names,
    parties,
    party_lines,
    penalty_text,
)
from sanxiang.documents.remedy import default_reconsideration_body, remedy_clause
from sanxiang.registry.models import BasisKind

__all__ = ["DECISION", "NO_PENALTY", "ON_SPOT"]

# LAW-APL-67: "当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统
# 缴纳罚款".
PAYMENT_DAYS_TEXT = "十五日"

_DECISION_FIELDS = frozenset(
    {
        "party_name",
        "party_address",
        "party_block",
        "facts",
        "evidence",
        "statement_adoption",
        "penalty",
        "basis",
        "violated",
        "performance",
        "remedy",
        "reconsideration_body",
        "court",
        "reconsideration_first",
        "agency_name",
        "decided_on",
        "fine_fen",
        "fine_figures",
        "fine_words",
        "confiscation_fen",
        "place",
        "officers",
        "hearing",
        "reason",
    }
)

_EVIDENCE = EditableField(
    "evidence",
    _("Evidence relied on"),
    max_length=2000,
    multiline=True,
    help_text=_("The evidence as listed in the decision (LAW-APL-59 (二))."),
)
_PAYMENT = EditableField(
    "payment_instructions",
    _("Where to pay"),
    max_length=255,
    help_text=_("Designated bank or electronic payment (LAW-APL-67); default: the agency's."),
)


def _decision(case: Case) -> Decision | None:
    return Decision.objects.filter(case=case).first()


def _made(case: Case, *, outcome: str, simple: bool) -> list[Source]:
    decision = _decision(case)
    if decision is None or not decision.is_made or decision.outcome != outcome:
        return []
    if (case.procedure == "simple") != simple:
        return []
    return [Source("", "")]


def _evidence_default(case: Case) -> str:
    """The evidence the decision lists unless the officer words it: the records of the case
    and, once the evidence app lists them, the evidence items."""
    items: list[str] = []
    for record in case.records.all().order_by("started_at", "id"):
        label = "询问笔录" if record.kind == "inquiry" else "现场检查笔录"
        items.append(f"{label}（{cn_date(record.started_at.date())}，{record.subject_name}）")
    for preservation in case.preservations.all():
        items.append(f"先行登记保存物品清单（{cn_date(preservation.started_on)}）")
    try:
        from sanxiang.evidence.selectors import evidence_list_for_case_file
    except ImportError:  # the evidence app is optional for the decision's wording
        rows = []
    else:
        rows = evidence_list_for_case_file(case=case)
    items.extend(f"{row.kind_label}：{row.description or row.file_name}" for row in rows)
    return "；".join(f"{i}. {item}" for i, item in enumerate(items, start=1))


def _statement_adoption(case: Case) -> str:
    """SAMR-PROC-62: whether the party's statement and defence were adopted, and why."""
    notice = case.notices.filter(is_current=True).first()
    statements = list(case.statements.all())
    if statements:
        results = {"adopted": "予以采纳", "partly_adopted": "部分采纳", "not_adopted": "不予采纳"}
        lines = []
        for statement in statements:
            verdict = results.get(statement.reexamination_result, "经复核")
            reason = statement.reexamination_note or ""
            lines.append(
                f"当事人于{cn_date(statement.received_on)}提出陈述、申辩意见，本机关经复核"
                f"{verdict}。{reason}".rstrip()
            )
        return "".join(lines)
    if notice is not None and notice.waived_on is not None:
        return f"当事人于{cn_date(notice.waived_on)}明确表示放弃陈述、申辩权利。"
    if notice is not None and notice.served_on is not None:
        return (
            f"本机关于{cn_date(notice.served_on)}向当事人送达了行政处罚告知书，"
            "当事人在法定期限内未提出陈述、申辩意见。"
        )
    return ""


def _remedy_fields(
    build: BuildInput, decided_on: object, *, on_the_spot: bool
) -> dict[str, object]:
    body = build.settings.reconsideration_body or default_reconsideration_body(build.agency)
    court = build.settings.lawsuit_court
    clause = remedy_clause(
        body=body or "【复议机关】",
        court=court or "【人民法院】",
        decided_on=decided_on or build.on,  # type: ignore[arg-type]  # a date
        on_the_spot=on_the_spot,
    )
    return {
        "remedy": clause.text,
        "reconsideration_body": body,
        "court": court,
        "reconsideration_first": clause.reconsideration_first,
    }


def _performance(build: BuildInput, decision: Decision) -> str:
    """LAW-APL-59(四): how and by when; LAW-APL-67 (15 days), LAW-APL-72 (3% a day)."""
    if decision.amount_due_fen <= 0:
        return "本决定自送达之日起生效，当事人应当依照本决定履行。"
    where = build.edit("payment_instructions", build.settings.payment_instructions)
    if not where:
        return ""
    return (
        f"当事人应当自收到本决定书之日起{PAYMENT_DAYS_TEXT}内，{where}缴纳罚没款"
        f"{format_yuan_cn(decision.amount_due_fen)}。到期不缴纳罚款的，本机关可以每日按罚款数额的"
        "百分之三加处罚款，加处罚款的数额不超出罚款的数额，并可以依法申请人民法院强制执行。"
    )


def _common(build: BuildInput, decision: Decision) -> dict[str, object]:
    case = build.case
    people = parties(case)
    first = people[0] if people else None
    hearing = ""
    if decision.hearing is not None and decision.hearing.held_on is not None:
        hearing = f"本机关于{cn_date(decision.hearing.held_on)}依法举行了听证。"
    return {
        "party_name": "、".join(p.name for p in people),
        "party_address": first.address if first is not None else "",
        "party_block": "\n".join("\n".join(party_lines(p)) for p in people),
        "facts": case.facts,
        "evidence": build.edit("evidence", _evidence_default(case)),
        "statement_adoption": _statement_adoption(case),
        "basis": basis_text(case) or decision.reasons,
        "violated": basis_text(case, kinds=(BasisKind.VIOLATION,)),
        "agency_name": build.agency.name,
        "decided_on": cn_date(decision.decided_on),
        "fine_fen": decision.fine_fen,
        "fine_figures": format_yuan_cn(decision.fine_fen),
        "fine_words": rmb_upper(decision.fine_fen),
        "confiscation_fen": decision.confiscation_fen,
        "place": case.place,
        "officers": officer_names(case),
        "hearing": hearing,
        "penalty": penalty_text(
            penalty_types=list(decision.penalty_types),
            fine_fen=decision.fine_fen,
            confiscation_fen=decision.confiscation_fen,
            detention_days=decision.detention_days,
            other=decision.other_penalty,
        ),
        "reason": "",
        "performance": _performance(build, decision),
    }


def _found(facts: str) -> str:
    """The facts as the decision states them: 经查，…"""
    return facts if facts.startswith("经查") else f"经查，{facts}"


def _party_section(fields: dict[str, object]) -> Section:
    return Section("", str(fields["party_block"]).split("\n"))


def build_decision(build: BuildInput) -> DocumentContent:
    decision = _decision(build.case)
    if decision is None:  # `sources` offers the kind only with a decision
        raise LookupError("the case has no decision")
    fields = _common(build, decision)
    fields.update(_remedy_fields(build, decision.decided_on, on_the_spot=False))
    body = [
        _party_section(fields),
        Section(
            "",
            [
                f"{build.case.title}一案，本机关于{cn_date(build.case.filed_on)}立案调查。"
                f"{fields['hearing']}现已调查终结。"
            ],
        ),
        Section("", [_found(str(fields["facts"])), decision.reasons]),
        Section("上述事实，有以下证据证明", [str(fields["evidence"])]),
        Section("当事人陈述、申辩的采纳情况及理由", [str(fields["statement_adoption"])]),
        Section(
            "",
            [
                f"本机关认为，当事人的上述行为违反了{fields['violated'] or fields['basis']}的规定。"
                f"依据{fields['basis']}的规定，本机关决定对当事人作出如下行政处罚：",
                str(fields["penalty"]),
            ],
        ),
        Section("履行方式和期限", [str(fields["performance"])]),
        Section("救济途径和期限", [str(fields["remedy"])]),
    ]
    return DocumentContent(
        title="行政处罚决定书",
        fields=fields,
        sections=body,
        dated=decision.decided_on,
    )


def build_on_spot(build: BuildInput) -> DocumentContent:
    decision = _decision(build.case)
    if decision is None:
        raise LookupError("the case has no decision")
    fields = _common(build, decision)
    fields.update(_remedy_fields(build, decision.decided_on, on_the_spot=True))
    form = f"（预定格式编号：{decision.form_number}）" if decision.form_number else ""
    body = [
        _party_section(fields),
        Section(
            "",
            [
                f"当事人于{fields['place']}实施了以下违法行为：{fields['facts']}",
                f"以上事实有执法人员现场查证{form}。当事人的行为违反了"
                f"{fields['violated'] or fields['basis']}的规定，依据{fields['basis']}的规定，"
                f"适用简易程序，当场作出如下行政处罚：{fields['penalty']}。",
            ],
        ),
        Section("履行方式和期限", [str(fields["performance"])]),
        Section("救济途径和期限", [str(fields["remedy"])]),
        Section(
            "",
            [
                f"执法人员：{fields['officers']}",
                f"处罚时间：{fields['decided_on']}，地点：{fields['place']}",
            ],
        ),
    ]
    return DocumentContent(
        title="当场行政处罚决定书",
        fields=fields,
        sections=body,
        signatures=["执法人员签名：", "当事人签名："],
        dated=decision.decided_on,
    )


def build_no_penalty(build: BuildInput) -> DocumentContent:
    decision = _decision(build.case)
    if decision is None:
        raise LookupError("the case has no decision")
    fields = _common(build, decision)
    fields.update(_remedy_fields(build, decision.decided_on, on_the_spot=False))
    fields["reason"] = NO_PENALTY_REASONS.get(decision.no_penalty_reason, "")
    fields["penalty"] = ""
    fields["performance"] = ""
    body = [
        _party_section(fields),
        Section(
            "",
            [
                f"{build.case.title}一案，本机关于{cn_date(build.case.filed_on)}立案调查，现已调查终结。"
            ],
        ),
        Section("", [_found(str(fields["facts"])), decision.reasons]),
        Section("上述事实，有以下证据证明", [str(fields["evidence"])]),
        Section(
            "",
            [f"本机关认为，当事人{fields['reason']}，决定不予行政处罚。"],
        ),
        Section("救济途径和期限", [str(fields["remedy"])]),
    ]
    return DocumentContent(
        title="不予行政处罚决定书", fields=fields, sections=body, dated=decision.decided_on
    )


DECISION = DocumentKind(
    code="decision",
    title="行政处罚决定书",
    label=_("Penalty decision"),
    section=FileSection.DECISION,
    sources=lambda case: _made(case, outcome="penalty", simple=False),
    build=build_decision,
    field_names=_DECISION_FIELDS,
    number_code="罚",
    editable=(_EVIDENCE, _PAYMENT),
    checks=(checks.six_elements,),
    rule="LAW-APL-59",
    is_decision=True,
)

ON_SPOT = DocumentKind(
    code="on_spot_decision",
    title="当场行政处罚决定书",
    label=_("On-the-spot penalty decision"),
    section=FileSection.DECISION,
    sources=lambda case: _made(case, outcome="penalty", simple=True),
    build=build_on_spot,
    field_names=_DECISION_FIELDS,
    number_code="当罚",
    editable=(_PAYMENT,),
    checks=(checks.on_spot_elements,),
    rule="LAW-APL-52",
    is_decision=True,
)

NO_PENALTY = DocumentKind(
    code="no_penalty_decision",
    title="不予行政处罚决定书",
    label=_("Decision not to penalise"),
    section=FileSection.DECISION,
    sources=lambda case: _made(case, outcome="no_penalty", simple=False),
    build=build_no_penalty,
    field_names=_DECISION_FIELDS,
    number_code="不罚",
    editable=(_EVIDENCE,),
    checks=(checks.no_penalty_elements,),
    rule="LAW-APL-57",
    is_decision=True,
)
