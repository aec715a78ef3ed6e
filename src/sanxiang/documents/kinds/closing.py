"""Documents of the decision and closing stages and of the case file: 法制审核意见书,
集体讨论记录, 送达回证, 结案审批表, the case-file cover (案卷封面) and table of contents (卷内目录).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models import Case, Deliberation, Delivery
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
    DELIVERY_METHODS,
    cn_date,
    officer_names,
    parties,
    penalty_text,
)
from sanxiang.documents.kinds.procedure import approval_lines

__all__ = ["CLOSING", "COVER", "DELIBERATION", "DELIVERY", "REVIEW", "TOC"]

_DELIVERED = {"decision": "行政处罚决定书", "transfer": "涉嫌犯罪案件移送书", "other": "其他文书"}


def _party_names(case: Case) -> str:
    return "、".join(p.name for p in parties(case))


# 法制审核意见书 (LAW-APL-58, SAMR-PROC-50/53/54) ----------------------------------------------


def _review_sources(case: Case) -> list[Source]:
    try:
        from sanxiang.review.selectors import review_opinion_data
    except ImportError:  # the review app does not provide opinions (yet): nothing to produce
        return []
    return [Source("", "")] if review_opinion_data(case=case) is not None else []


def build_review(build: BuildInput) -> DocumentContent:
    from sanxiang.review.selectors import review_opinion_data

    data = review_opinion_data(case=build.case)
    if data is None:
        raise LookupError("no legal review opinion for this case")
    fields: dict[str, Any] = {
        "round": data.round,
        "submitted_on": cn_date(data.submitted_on),
        "reviewed_on": cn_date(data.reviewed_on),
        "reviewers": "、".join(data.reviewers),
        "triggers": "；".join(data.triggers),
        "conclusion": data.conclusion_label,
        "opinion": data.opinion,
        "checklist": [
            {"label": label, "finding": finding, "note": note}
            for label, finding, note in data.checklist
        ],
    }
    table = [
        ("案件名称", data.case_title),
        ("案号", data.case_number),
        ("审核轮次", str(data.round)),
        ("送审日期", str(fields["submitted_on"])),
        ("法制审核情形", str(fields["triggers"])),
        *[
            (label, f"{finding}{('：' + note) if note else ''}")
            for label, finding, note in data.checklist
        ],
        ("审核结论", data.conclusion_label),
        ("审核人员", str(fields["reviewers"])),
        ("审核日期", str(fields["reviewed_on"])),
    ]
    return DocumentContent(
        title="法制审核意见书",
        fields=fields,
        table=table,
        sections=[Section("审核意见", [data.opinion])],
        sealed=False,
        dated=data.reviewed_on,
    )


REVIEW = DocumentKind(
    code="legal_review_opinion",
    title="法制审核意见书",
    label=_("Legal review opinion"),
    section=FileSection.REVIEW,
    sources=_review_sources,
    build=build_review,
    field_names=frozenset(
        {
            "round",
            "submitted_on",
            "reviewed_on",
            "reviewers",
            "triggers",
            "conclusion",
            "opinion",
            "checklist",
        }
    ),
    rule="LAW-APL-58",
)


# 集体讨论记录 (LAW-APL-57, SAMR-PROC-60) -----------------------------------------------------


def _deliberations(case: Case) -> list[Source]:
    return [
        Source(f"deliberation:{d.pk}", cn_date(d.held_on))
        for d in case.deliberations.order_by("held_on", "id")
    ]


def build_deliberation(build: BuildInput) -> DocumentContent:
    row: Deliberation = build.case.deliberations.select_related("chaired_by").get(
        pk=int(build.source.removeprefix("deliberation:"))
    )
    fields = {
        "held_on": cn_date(row.held_on),
        "chair": row.chaired_by.display_name,
        "participants": "、".join(str(p) for p in row.participants),
        "minutes": row.minutes,
        "conclusion": row.conclusion,
        "recorder": build.edit("recorder"),
    }
    table = [
        ("案件名称", build.case.title),
        ("讨论时间", str(fields["held_on"])),
        ("主持人", str(fields["chair"])),
        ("参加人员", str(fields["participants"])),
        ("记录人", str(fields["recorder"])),
    ]
    return DocumentContent(
        title="集体讨论记录",
        fields=fields,
        table=table,
        sections=[
            Section("讨论记录", [line for line in row.minutes.splitlines() if line.strip()]),
            Section("讨论决定", [row.conclusion]),
        ],
        signatures=["参加人员签名：", "记录人签名："],
        sealed=False,
        dated=row.held_on,
    )


DELIBERATION = DocumentKind(
    code="deliberation_record",
    title="集体讨论记录",
    label=_("Collective deliberation record"),
    section=FileSection.MAIN_OTHER,
    sources=_deliberations,
    build=build_deliberation,
    field_names=frozenset(
        {"held_on", "chair", "participants", "minutes", "conclusion", "recorder"}
    ),
    editable=(EditableField("recorder", _("Recorded by"), max_length=64),),
    rule="SAMR-PROC-60",
)


# 送达回证 (LAW-APL-61, SAMR-PROC-81/82/83) ---------------------------------------------------


def _deliveries(case: Case) -> list[Source]:
    return [
        Source(f"delivery:{d.pk}", f"{cn_date(d.delivered_on)} {d.recipient}")
        for d in case.deliveries.order_by("delivered_on", "id")
    ]


def _delivered_number(case: Case, document: str) -> str:
    from sanxiang.documents.models import Document, DocumentStatus

    if document != "decision":
        return ""
    issued = (
        Document.objects.filter(
            case=case,
            kind__in=("decision", "no_penalty_decision", "on_spot_decision"),
            status=DocumentStatus.ISSUED,
        )
        .exclude(number="")
        .first()
    )
    return issued.number if issued else ""


def build_delivery(build: BuildInput) -> DocumentContent:
    row: Delivery = build.case.deliveries.get(pk=int(build.source.removeprefix("delivery:")))
    number = _delivered_number(build.case, row.document)
    fields = {
        "document_name": _DELIVERED.get(row.document, row.document),
        "document_number": number,
        "recipient": row.recipient,
        "address": row.address,
        "method": DELIVERY_METHODS.get(row.method, row.method),
        "delivered_on": cn_date(row.delivered_on),
        "posted_on": cn_date(row.posted_on),
        "proof": row.proof,
        "officers": officer_names(build.case, with_certificates=False),
        "remarks": build.edit("remarks"),
    }
    table = [
        ("送达文书名称及文号", f"{fields['document_name']} {number}".strip()),
        ("受送达人", row.recipient),
        ("送达地点", row.address),
        ("送达方式", str(fields["method"])),
        ("送达日期", str(fields["delivered_on"])),
        ("送达人", str(fields["officers"])),
        ("送达凭证", row.proof),
        ("备注", str(fields["remarks"])),
    ]
    if row.posted_on:
        # SAMR-PROC-83: public notice counts as delivered 30 days after posting.
        table.insert(5, ("公告发布日期", str(fields["posted_on"])))
    return DocumentContent(
        title="送达回证",
        fields=fields,
        table=table,
        signatures=["受送达人签名：", "送达人签名："],
        dated=row.delivered_on,
    )


DELIVERY = DocumentKind(
    code="delivery_receipt",
    title="送达回证",
    label=_("Delivery receipt"),
    section=FileSection.DECISION,
    sources=_deliveries,
    build=build_delivery,
    field_names=frozenset(
        {
            "document_name",
            "document_number",
            "recipient",
            "address",
            "method",
            "delivered_on",
            "posted_on",
            "proof",
            "officers",
            "remarks",
        }
    ),
    editable=(EditableField("remarks", _("Remarks"), max_length=255),),
    rule="SAMR-PROC-81",
)


# 结案审批表 (SAMR-PROC-77) -------------------------------------------------------------------


def _closed(case: Case) -> list[Source]:
    return [Source("", "")] if case.closed_on is not None else []


def _result_text(case: Case) -> str:
    decision = getattr(case, "decision", None)
    if decision is None:
        return ""
    if decision.outcome == "penalty":
        return penalty_text(
            penalty_types=list(decision.penalty_types),
            fine_fen=decision.fine_fen,
            confiscation_fen=decision.confiscation_fen,
            detention_days=decision.detention_days,
            other=decision.other_penalty,
        )
    return {"no_penalty": "不予行政处罚", "transfer": "移送司法机关", "dismissed": "撤销案件"}.get(
        decision.outcome, decision.outcome
    )


def _execution_text(case: Case) -> str:
    lines = [
        f"{cn_date(p.paid_on)}缴纳{p.amount_fen // 100}元（{p.reference}）"
        for p in case.payments.all()
    ]
    lines += [f"{cn_date(e.executed_on)}：{e.description}" for e in case.executions.all()]
    return "；".join(lines)


def build_closing(build: BuildInput) -> DocumentContent:
    case = build.case
    fields = {
        "party_name": _party_names(case),
        "filed_on": cn_date(case.filed_on),
        "result": _result_text(case),
        "execution": _execution_text(case),
        "summary": case.closing_summary,
        "closed_on": cn_date(case.closed_on),
        "officers": officer_names(case, with_certificates=False),
    }
    table = [
        ("案件名称", case.title),
        ("案号", case.case_number),
        ("当事人", str(fields["party_name"])),
        ("立案日期", str(fields["filed_on"])),
        ("处理结果", str(fields["result"])),
        ("执行情况", str(fields["execution"])),
        ("结案理由", case.closing_summary),
        ("办案人员", str(fields["officers"])),
        *approval_lines(case, "closing"),
        ("结案日期", str(fields["closed_on"])),
    ]
    return DocumentContent(
        title="结案审批表", fields=fields, table=table, sealed=False, dated=case.closed_on
    )


CLOSING = DocumentKind(
    code="closing_approval",
    title="结案审批表",
    label=_("Closing approval form"),
    section=FileSection.CLOSING,
    sources=_closed,
    build=build_closing,
    field_names=frozenset(
        {"party_name", "filed_on", "result", "execution", "summary", "closed_on", "officers"}
    ),
    rule="SAMR-PROC-77",
)


# 案卷封面 / 卷内目录 (SAMR-PROC-78) ----------------------------------------------------------


def build_cover(build: BuildInput) -> DocumentContent:
    case = build.case
    fields = {
        "party_name": _party_names(case),
        "result": _result_text(case),
        "filed_on": cn_date(case.filed_on),
        "closed_on": cn_date(case.closed_on),
        "archived_on": cn_date(case.archived_on or build.on),
        "officers": officer_names(case, with_certificates=False),
        "pages": str(build.extra.get("pages", "")),
        "retention": build.edit("retention", "长期"),
    }
    table = [
        ("案号", case.case_number),
        ("案件名称", case.title),
        ("当事人", str(fields["party_name"])),
        ("处理结果", str(fields["result"])),
        ("立案日期", str(fields["filed_on"])),
        ("结案日期", str(fields["closed_on"])),
        ("归档日期", str(fields["archived_on"])),
        ("办案人员", str(fields["officers"])),
        ("本卷页数", str(fields["pages"])),
        ("保管期限", str(fields["retention"])),
    ]
    return DocumentContent(
        title="行政处罚案卷", fields=fields, table=table, sealed=False, dated=case.archived_on
    )


def build_toc(build: BuildInput) -> DocumentContent:
    """卷内目录 in the SAMR-PROC-78 order; page numbers when the case-file builder gives them."""
    entries: list[dict[str, Any]] = list(build.extra.get("entries", []))
    if not entries:
        from sanxiang.documents.selectors import issued_in_file_order

        entries = [
            {
                "volume": doc_kind.section.volume,
                "section": doc_kind.section.heading,
                "title": document.title,
                "number": document.number,
                "date": cn_date(document.issued_on),
                "first_page": "",
                "pages": document.pdf_pages,
            }
            for document, doc_kind in issued_in_file_order(build.case)
        ]
    rows = [
        (
            f"{i}. {e['volume']}·{e['section']}",
            f"{e['title']} {e['number']}  {e['date']}  第{e['first_page']}页"
            if e["first_page"]
            else f"{e['title']} {e['number']}  {e['date']}",
        )
        for i, e in enumerate(entries, start=1)
    ]
    return DocumentContent(
        title="卷内目录",
        fields={"entries": entries},
        table=rows,
        sealed=False,
        dated=None,
    )


COVER = DocumentKind(
    code="case_file_cover",
    title="案卷封面",
    label=_("Case file cover"),
    section=FileSection.FRONT,
    sources=_closed,
    build=build_cover,
    field_names=frozenset(
        {
            "party_name",
            "result",
            "filed_on",
            "closed_on",
            "archived_on",
            "officers",
            "pages",
            "retention",
        }
    ),
    editable=(EditableField("retention", _("Retention period"), max_length=16),),
    rule="SAMR-PROC-78",
    in_case_file=False,
)

TOC = DocumentKind(
    code="case_file_toc",
    title="卷内目录",
    label=_("Case file table of contents"),
    section=FileSection.FRONT,
    sources=_closed,
    build=build_toc,
    field_names=frozenset({"entries"}),
    rule="SAMR-PROC-78",
    in_case_file=False,
)
