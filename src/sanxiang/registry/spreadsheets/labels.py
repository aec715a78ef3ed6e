"""The Chinese labels agencies write in their sheets for act types and penalty types.

These are part of the file format (like the column headers), so they are fixed Chinese
constants, not translations. Penalty types follow the wording of LAW-APL-9.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from sanxiang.registry.models import ActType, PenaltyType
from sanxiang.registry.spreadsheets.cells import parse_text, split_list
from sanxiang.registry.spreadsheets.engine import CellError

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

_ACT_TYPE_BY_LABEL = {label: act for act, labels in ACT_TYPE_LABELS.items() for label in labels}
_PENALTY_BY_LABEL = {
    label: penalty for penalty, labels in PENALTY_TYPE_LABELS.items() for label in labels
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
