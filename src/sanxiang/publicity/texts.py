"""The source (internal, unredacted) text of a publication, built from the case.

GUO-118-06a: 执法机关、执法对象、执法类别、执法结论; SAMR-PUB-4: the summary of a penalty
decision — 决定书文号、当事人基本情况、违法行为类型、处罚内容、机关名称和日期. The text is
the legal document's own language (Chinese whatever the reader's interface language) and
names the party in full, with the facts the case file holds: the redaction step masks them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sanxiang.cases.choices import DecisionOutcome, PartyKind
from sanxiang.cases.models import Case
from sanxiang.core.chinese_dates import format_chinese_date
from sanxiang.core.money import format_yuan_cn
from sanxiang.publicity.masking import KnownParty
from sanxiang.registry.models import PenaltyType

__all__ = ["SourceText", "case_source_text"]


@dataclass(frozen=True)
class SourceText:
    title: str
    text: str
    category: str
    amount_fen: int
    penalty_types: list[str]
    is_penalty: bool
    parties: list[KnownParty]
    officer_names: list[str]


def _document_number(case: Case) -> str:
    from sanxiang.documents.models import Document

    number = (
        Document.objects.filter(case=case, kind__icontains="decision")
        .exclude(number="")
        .values_list("number", flat=True)
        .first()
    )
    return number or case.case_number


def case_source_text(case: Case) -> SourceText | None:
    """The text to publish for a decided case, or None when it has nothing to publish."""
    parties = list(case.parties.all())
    known: list[KnownParty] = []
    party_lines: list[str] = []
    for party in parties:
        is_person = party.kind != PartyKind.ORGANISATION
        known.append(
            KnownParty(
                name=party.name,
                is_person=is_person,
                id_number=party.id_number,
                phones=(party.phone,) if party.phone else (),
                address=party.address,
            )
        )
        if party.legal_representative:
            known.append(KnownParty(name=party.legal_representative, is_person=True))
        details = [party.name]
        if party.credit_code:
            details.append(f"统一社会信用代码：{party.credit_code}")
        if party.id_number:
            details.append(f"身份证号码：{party.id_number}")
        if party.legal_representative:
            details.append(f"法定代表人：{party.legal_representative}")
        if party.address:
            details.append(f"住所：{party.address}")
        if party.phone:
            details.append(f"联系电话：{party.phone}")
        party_lines.append("，".join(details))
    officer_names = [link.officer.name for link in case.case_officers.select_related("officer")]
    agency = case.agency.name
    decision = getattr(case, "decision", None)
    act_result = getattr(case, "act_result", None)
    number = _document_number(case)
    lines = [f"执法机关：{agency}"]
    if number:
        lines.append(f"文书号：{number}")
    lines.extend(f"当事人：{line}" for line in party_lines)
    if decision is not None and decision.decided_on is not None:
        if decision.outcome not in (DecisionOutcome.PENALTY, DecisionOutcome.NO_PENALTY):
            return None
        is_penalty = decision.outcome == DecisionOutcome.PENALTY
        category = case.get_act_type_display()
        violation = case.power_item.violation if case.power_item else ""
        lines.append(f"执法类别：{category}")
        if violation:
            lines.append(f"违法行为类型：{violation}")
        if case.facts:
            lines.append(f"违法事实：{case.facts}")
        if decision.reasons:
            lines.append(f"理由和依据：{decision.reasons}")
        if is_penalty:
            labels = dict(PenaltyType.choices)
            content = "、".join(str(labels.get(t, t)) for t in decision.penalty_types)
            if decision.fine_fen:
                content += f"，罚款{format_yuan_cn(decision.fine_fen)}"
            if decision.confiscation_fen:
                content += f"，没收违法所得{format_yuan_cn(decision.confiscation_fen)}"
            lines.append(f"处罚内容：{content}")
            title = "{party}行政处罚决定".format(party=parties[0].name if parties else "")
        else:
            lines.append(f"执法结论：不予行政处罚（{decision.get_no_penalty_reason_display()}）")
            title = "{party}不予行政处罚决定".format(party=parties[0].name if parties else "")
        if officer_names:
            lines.append("执法人员：{names}".format(names="、".join(officer_names)))
        lines.append(f"决定日期：{format_chinese_date(decision.decided_on)}")
        return SourceText(
            title=title,
            text="\n".join(lines),
            category=category,
            amount_fen=decision.fine_fen + decision.confiscation_fen,
            penalty_types=list(decision.penalty_types),
            is_penalty=is_penalty,
            parties=known,
            officer_names=officer_names,
        )
    if act_result is not None:
        category = case.get_act_type_display()
        lines.append(f"执法类别：{category}")
        lines.append(f"执法结论：{act_result.get_result_display()}")
        if act_result.text:
            lines.append(act_result.text)
        if act_result.amount_fen:
            lines.append(f"金额：{format_yuan_cn(act_result.amount_fen)}")
        if officer_names:
            lines.append("执法人员：{names}".format(names="、".join(officer_names)))
        lines.append(f"决定日期：{format_chinese_date(act_result.decided_on)}")
        title = f"{parties[0].name if parties else case.title}{category}结果"
        return SourceText(
            title=title,
            text="\n".join(lines),
            category=category,
            amount_fen=act_result.amount_fen or 0,
            penalty_types=[],
            is_penalty=False,
            parties=known,
            officer_names=officer_names,
        )
    return None
