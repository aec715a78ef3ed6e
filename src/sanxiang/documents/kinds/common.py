"""Wording shared by the document kinds, built from a case's own data.

Documents are printed in Chinese whatever the interface language (they are legal texts), so
the terms here are fixed Chinese strings, not translations: the names of the penalty types of
LAW-APL-9, the delivery methods of SAMR-PROC-81/82/83, the reasons not to penalise
(LAW-APL-30/31/33, LAW-APL-57).
"""

from __future__ import annotations

import datetime

from sanxiang.cases.models import Case, CaseOfficer, Party
from sanxiang.core.chinese_dates import format_chinese_date
from sanxiang.core.money import format_yuan_cn, rmb_upper
from sanxiang.registry.models import BasisKind, Certificate

__all__ = [
    "DELIVERY_METHODS",
    "NO_PENALTY_REASONS",
    "PENALTY_TYPES",
    "amount_text",
    "basis_text",
    "cn_date",
    "cn_datetime",
    "officer_names",
    "parties",
    "party_address",
    "party_lines",
    "penalty_text",
]

# LAW-APL-9: the penalty types as the law names them.
PENALTY_TYPES = {
    "warning": "警告",
    "public_criticism": "通报批评",
    "fine": "罚款",
    "confiscate_gains": "没收违法所得",
    "confiscate_property": "没收非法财物",
    "suspend_licence": "暂扣许可证件",
    "lower_qualification": "降低资质等级",
    "revoke_licence": "吊销许可证件",
    "restrict_operations": "限制开展生产经营活动",
    "suspend_business": "责令停产停业",
    "order_closure": "责令关闭",
    "restrict_practice": "限制从业",
    "detention": "行政拘留",
    "other": "其他行政处罚",
}

# SAMR-PROC-81/82/83 and LAW-APL-61.
DELIVERY_METHODS = {
    "on_spot": "当场交付",
    "direct": "直接送达",
    "left": "留置送达",
    "electronic": "电子送达",
    "post": "邮寄送达",
    "public_notice": "公告送达",
}

# Why no penalty is given, with the provision of the Administrative Penalty Law.
_APL = "《中华人民共和国行政处罚法》"
NO_PENALTY_REASONS = {
    "minor_corrected": "违法行为轻微并及时改正，没有造成危害后果，依据" + _APL + "第三十三条第一款",
    "first_offence": "初次违法且危害后果轻微并及时改正，依据" + _APL + "第三十三条第一款",
    "no_fault": "当事人有证据足以证明没有主观过错，依据" + _APL + "第三十三条第二款",
    "under_fourteen": "当事人违法时不满十四周岁，依据" + _APL + "第三十条",
    "no_capacity": "当事人在不能辨认或者不能控制自己行为时有违法行为，依据" + _APL + "第三十一条",
    "facts_not_established": "违法事实不能成立，依据" + _APL + "第五十七条第一款第（三）项",
}

_PARTY_KINDS = {
    "natural_person": "自然人",
    "organisation": "法人或者其他组织",
    "individual_business": "个体工商户",
}


def cn_date(day: datetime.date | None) -> str:
    """成文日期 style (STD-9704-7.3.5.4): 2025年3月3日; empty for no date."""
    return format_chinese_date(day) if day is not None else ""


def cn_datetime(moment: datetime.datetime | None) -> str:
    """2025年3月3日10时05分 in Asia/Shanghai (times of records)."""
    if moment is None:
        return ""
    from django.utils import timezone

    local = timezone.localtime(moment)
    return f"{format_chinese_date(local.date())}{local.hour}时{local.minute:02d}分"


def amount_text(fen: int) -> str:
    """An amount in figures and in words: 3000元（大写：人民币叁仟元整）."""
    return f"{format_yuan_cn(fen)}（大写：人民币{rmb_upper(fen)}）"


def parties(case: Case) -> list[Party]:
    return list(case.parties.all())


def party_address(party: Party) -> str:
    return party.address


def party_lines(party: Party) -> list[str]:
    """The party block of a decision (LAW-APL-59(一): 姓名或者名称、地址)."""
    if party.kind == "organisation" or party.kind == "individual_business":
        lines = [f"当事人：{party.name}", f"统一社会信用代码：{party.credit_code}"]
        if party.legal_representative:
            role = "法定代表人" if party.kind == "organisation" else "经营者"
            lines.append(f"{role}：{party.legal_representative}")
        lines.append(f"住所：{party.address}")
    else:
        identity = party.id_number or party.other_id_document
        lines = [f"当事人：{party.name}", f"身份证件号码：{identity}", f"住址：{party.address}"]
    return lines


def party_kind(party: Party) -> str:
    return _PARTY_KINDS.get(party.kind, party.kind)


def officer_names(case: Case, *, with_certificates: bool = True) -> str:
    """The case officers with the certificate they hold (LAW-APL-55: 出示执法证件)."""
    names = []
    for row in CaseOfficer.objects.filter(case=case, removed_on__isnull=True).select_related(
        "officer"
    ):
        if not with_certificates:
            names.append(row.officer.name)
            continue
        certificate = (
            Certificate.objects.filter(officer=row.officer).order_by("-expires_on").first()
        )
        number = f"（执法证号：{certificate.number}）" if certificate else ""
        names.append(f"{row.officer.name}{number}")
    return "、".join(names)


def penalty_text(
    *,
    penalty_types: list[str],
    fine_fen: int,
    confiscation_fen: int,
    detention_days: int = 0,
    other: str = "",
) -> str:
    """The penalty in words, each amount in figures and words (LAW-APL-59(三))."""
    parts = []
    for code in penalty_types:
        if code == "fine":
            parts.append(f"罚款{amount_text(fine_fen)}")
        elif code == "confiscate_gains":
            parts.append(f"没收违法所得{amount_text(confiscation_fen)}")
        elif code == "detention":
            parts.append(f"行政拘留{detention_days}日")
        elif code == "other":
            parts.append(other or PENALTY_TYPES["other"])
        else:
            parts.append(PENALTY_TYPES.get(code, code))
    return "；".join(parts)


def basis_text(case: Case, *, kinds: tuple[str, ...] = (BasisKind.PENALTY,)) -> str:
    """The provisions of the case's power item of the given kinds, as cited in documents."""
    provisions = [str(link.provision) for link in case.legal_basis() if link.kind in kinds]
    return "、".join(dict.fromkeys(provisions))
