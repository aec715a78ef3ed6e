"""The Chinese labels agencies write in their sheets: act types, penalty types, fine bases, the
parties a tier applies to, agency kinds and certificate statuses.

These are part of the file format (like the column headers), so they are fixed Chinese
constants, not translations. Penalty types follow the wording of LAW-APL-9.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.utils.translation import gettext as _

from sanxiang.registry.models import (
    ActType,
    AgencyKind,
    CertificateStatus,
    FineBasis,
    PartyScope,
    PenaltyType,
)
from sanxiang.registry.spreadsheets.cells import parse_text, split_list
from sanxiang.registry.spreadsheets.engine import CellError

ChoiceT = TypeVar("ChoiceT", FineBasis, PartyScope, AgencyKind, CertificateStatus)

# The first label of each entry is the one written on export.
ACT_TYPE_LABELS: dict[ActType, tuple[str, ...]] = {
    ActType.PENALTY: ("行政处罚", "处罚"),
    ActType.LICENSING: ("行政许可", "许可"),
    ActType.INSPECTION: ("行政检查", "检查"),
    ActType.LEVY: ("行政征收征用", "行政征收", "行政征用", "征收征用"),
    ActType.COERCION: ("行政强制", "强制"),
    ActType.CHARGE: ("行政收费", "收费"),
    ActType.OTHER: ("其他行政权力", "其他"),
}

# LAW-APL-9: 警告、通报批评；罚款、没收违法所得、没收非法财物；暂扣许可证件、降低资质等级、
# 吊销许可证件；限制开展生产经营活动、责令停产停业、责令关闭、限制从业；行政拘留；其他.
PENALTY_TYPE_LABELS: dict[PenaltyType, tuple[str, ...]] = {
    PenaltyType.WARNING: ("警告",),
    PenaltyType.PUBLIC_CRITICISM: ("通报批评",),
    PenaltyType.FINE: ("罚款",),
    PenaltyType.CONFISCATE_GAINS: ("没收违法所得",),
    PenaltyType.CONFISCATE_PROPERTY: ("没收非法财物",),
    PenaltyType.SUSPEND_LICENCE: ("暂扣许可证件", "暂扣许可证", "暂扣执照"),
    PenaltyType.LOWER_QUALIFICATION: ("降低资质等级",),
    PenaltyType.REVOKE_LICENCE: ("吊销许可证件", "吊销许可证", "吊销执照", "吊销营业执照"),
    PenaltyType.RESTRICT_OPERATIONS: ("限制开展生产经营活动",),
    PenaltyType.SUSPEND_BUSINESS: ("责令停产停业",),
    PenaltyType.ORDER_CLOSURE: ("责令关闭",),
    PenaltyType.RESTRICT_PRACTICE: ("限制从业",),
    PenaltyType.DETENTION: ("行政拘留",),
    PenaltyType.OTHER: ("其他",),
}

# An empty cell means the first entry (固定金额, 不限).
FINE_BASIS_LABELS: dict[FineBasis, tuple[str, ...]] = {
    FineBasis.FIXED: ("固定金额",),
    FineBasis.GOODS_VALUE: ("货值金额",),
    FineBasis.ILLEGAL_GAINS: ("违法所得",),
    FineBasis.ADVERTISING_FEE: ("广告费用",),
    FineBasis.INVESTMENT: ("建设项目总投资额", "总投资额"),
    FineBasis.TAX_DUE: ("应纳税额", "未缴税款", "应纳税额/未缴税款", "不缴或者少缴的税款"),
    FineBasis.OTHER: ("其他计算基数", "其他"),
}

PARTY_SCOPE_LABELS: dict[PartyScope, tuple[str, ...]] = {
    PartyScope.ANY: ("不限",),
    PartyScope.NATURAL_PERSON: ("自然人", "个人", "公民"),
    PartyScope.ORGANISATION: ("单位", "法人或者其他组织", "法人和其他组织"),
}

AGENCY_KIND_LABELS: dict[AgencyKind, tuple[str, ...]] = {
    AgencyKind.GOVERNMENT: ("人民政府",),
    AgencyKind.DEPARTMENT: ("政府工作部门", "政府部门"),
    AgencyKind.AUTHORISED: ("法律法规授权组织", "授权组织"),
    AgencyKind.ENTRUSTED: ("受委托组织", "委托组织"),
    AgencyKind.SUPERVISOR: (
        "行政执法监督机关",
        "行政执法监督机关(司法行政部门)",
        "行政执法监督机关（司法行政部门）",
        "司法行政部门",
    ),
}

# An empty cell means 有效. 过期 may be imported as data (an agency's record of the past).
CERTIFICATE_STATUS_LABELS: dict[CertificateStatus, tuple[str, ...]] = {
    CertificateStatus.VALID: ("有效",),
    CertificateStatus.EXPIRED: ("过期", "已过期"),
    CertificateStatus.SUSPENDED: ("暂扣", "已暂扣"),
    CertificateStatus.REVOKED: ("吊销", "已吊销", "收回"),
}

_ACT_TYPE_BY_LABEL = {label: act for act, labels in ACT_TYPE_LABELS.items() for label in labels}
_PENALTY_BY_LABEL = {
    label: penalty for penalty, labels in PENALTY_TYPE_LABELS.items() for label in labels
}


_FINE_BASIS_BY_LABEL = {
    label: basis for basis, labels in FINE_BASIS_LABELS.items() for label in labels
}
_PARTY_SCOPE_BY_LABEL = {
    label: scope for scope, labels in PARTY_SCOPE_LABELS.items() for label in labels
}
_AGENCY_KIND_BY_LABEL = {
    label: kind for kind, labels in AGENCY_KIND_LABELS.items() for label in labels
}
_CERTIFICATE_STATUS_BY_LABEL = {
    label: status for status, labels in CERTIFICATE_STATUS_LABELS.items() for label in labels
}


def act_type_label(act_type: str) -> str:
    return ACT_TYPE_LABELS[ActType(act_type)][0]


def penalty_type_label(penalty_type: str) -> str:
    return PENALTY_TYPE_LABELS[PenaltyType(penalty_type)][0]


def parse_act_type(value: Any) -> ActType:
    label = parse_text(value)
    try:
        return _ACT_TYPE_BY_LABEL[label]
    except KeyError:
        known = "、".join(labels[0] for labels in ACT_TYPE_LABELS.values())
        raise CellError(
            _("Unknown act type %(label)s; use one of %(known)s.")
            % {"label": label, "known": known}
        ) from None


def parse_penalty_types(value: Any) -> list[str]:
    """Penalty type labels of LAW-APL-9 separated by 、 or ；, as distinct codes in order."""
    codes: list[str] = []
    unknown: list[str] = []
    for label in split_list(value):
        penalty = _PENALTY_BY_LABEL.get(label)
        if penalty is None:
            unknown.append(label)
        elif penalty.value not in codes:
            codes.append(penalty.value)
    if unknown:
        raise CellError(
            _("Unknown penalty types %(labels)s (LAW-APL-9 lists the allowed types).")
            % {"labels": "、".join(unknown)}
        )
    return codes


def fine_basis_label(fine_basis: str) -> str:
    return FINE_BASIS_LABELS[FineBasis(fine_basis)][0]


def party_scope_label(party_scope: str) -> str:
    return PARTY_SCOPE_LABELS[PartyScope(party_scope)][0]


def parse_fine_basis(value: Any) -> FineBasis:
    """罚款计算基数: one of FINE_BASIS_LABELS; empty means 固定金额."""
    return _parse_label(value, _FINE_BASIS_BY_LABEL, FINE_BASIS_LABELS, FineBasis.FIXED)


def parse_party_scope(value: Any) -> PartyScope:
    """适用对象: 不限, 自然人 (个人) or 单位; empty means 不限."""
    return _parse_label(value, _PARTY_SCOPE_BY_LABEL, PARTY_SCOPE_LABELS, PartyScope.ANY)


def agency_kind_label(kind: str) -> str:
    return AGENCY_KIND_LABELS[AgencyKind(kind)][0]


def certificate_status_label(status: str) -> str:
    return CERTIFICATE_STATUS_LABELS[CertificateStatus(status)][0]


def parse_agency_kind(value: Any) -> AgencyKind:
    """主体类型: 人民政府, 政府工作部门, 法律法规授权组织, 受委托组织 or 行政执法监督机关."""
    return _parse_label(value, _AGENCY_KIND_BY_LABEL, AGENCY_KIND_LABELS, None)


def parse_certificate_status(value: Any) -> CertificateStatus:
    """证件状态: 有效, 过期, 暂扣 or 吊销; empty means 有效."""
    return _parse_label(
        value, _CERTIFICATE_STATUS_BY_LABEL, CERTIFICATE_STATUS_LABELS, CertificateStatus.VALID
    )


def _parse_label(
    value: Any,
    by_label: dict[str, ChoiceT],
    labels: dict[ChoiceT, tuple[str, ...]],
    empty: ChoiceT | None,
) -> ChoiceT:
    """The choice `value` names; an empty cell is `empty`, or unknown when that is None."""
    label = parse_text(value)
    if not label and empty is not None:
        return empty
    try:
        return by_label[label]
    except KeyError:
        known = "、".join(names[0] for names in labels.values())
        raise CellError(
            _("Unknown value %(label)s; use one of %(known)s.") % {"label": label, "known": known}
        ) from None
