"""The major-decision catalogue (重大执法决定法制审核目录清单, GUO-118-12).

The platform default (agency empty) follows LAW-APL-58 and TJ-SUP-14: the heavy penalty types,
a fine at or above the hearing threshold (empty amount = the threshold of LAW-APL-63, TJ-SUP-14),
decisions after a hearing, major public interest, complex cases, suspected crimes, and penalties
outside the discretion standard. Two agencies add their own rules: the environment bureau
reviews major cases already before filing (its pilot practice, GUO-14-04 "探索建立重大执法决定
目录清单制度"), and 滨海新区 reviews every general-procedure decision (GUO-14-04 "有条件的试点
单位可以对法定简易程序以外的所有执法决定进行法制审核"). Both agency rules illustrate the
options; the demo does not claim they are those bodies' published catalogues.
"""

from __future__ import annotations

from dataclasses import dataclass

from sanxiang.registry.models import MajorDecisionTrigger, PartyScope, PenaltyType

_T = MajorDecisionTrigger


@dataclass(frozen=True, slots=True)
class RuleSpec:
    agency: str | None  # agency key, None for the platform default
    name: str
    trigger: str
    legal_basis: str
    penalty_type: str = ""
    party_scope: str = PartyScope.ANY
    amount_fen: int | None = None


_APL58 = "《中华人民共和国行政处罚法》第五十八条"
_TJ14 = "《天津市行政执法监督规定》第十四条"
_GUO118 = "国办发〔2018〕118号"

RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        None,
        "责令停产停业",
        _T.PENALTY_TYPE,
        f"{_TJ14}；{_APL58}、第六十三条",
        penalty_type=PenaltyType.SUSPEND_BUSINESS,
    ),
    RuleSpec(
        None,
        "吊销许可证件、执照",
        _T.PENALTY_TYPE,
        f"{_TJ14}；{_APL58}、第六十三条",
        penalty_type=PenaltyType.REVOKE_LICENCE,
    ),
    RuleSpec(
        None,
        "责令关闭",
        _T.PENALTY_TYPE,
        f"{_APL58}、第六十三条；{_GUO118}",
        penalty_type=PenaltyType.ORDER_CLOSURE,
    ),
    RuleSpec(
        None,
        "限制从业",
        _T.PENALTY_TYPE,
        f"{_APL58}、第六十三条；{_GUO118}",
        penalty_type=PenaltyType.RESTRICT_PRACTICE,
    ),
    RuleSpec(
        None,
        "罚款或者没收财物达到听证数额",
        _T.AMOUNT,
        f"{_TJ14}（罚款达到可以要求听证的数额）；{_APL58}、第六十三条",
    ),
    RuleSpec(None, "经过听证程序作出的决定", _T.HEARING_HELD, f"{_APL58}第一款第二项"),
    RuleSpec(None, "涉及重大公共利益", _T.PUBLIC_INTEREST, f"{_APL58}第一款第一项；{_GUO118}"),
    RuleSpec(
        None, "案件情况疑难复杂、涉及多个法律关系", _T.COMPLEX, f"{_APL58}第一款第三项；{_TJ14}"
    ),
    RuleSpec(
        None,
        "涉嫌犯罪需要移送司法机关",
        _T.SUSPECTED_CRIME,
        f"《中华人民共和国行政处罚法》第二十七条；{_GUO118}",
    ),
    RuleSpec(
        None,
        "拟作出的处罚超出裁量基准",
        _T.DISCRETION_OUTSIDE,
        f"《中华人民共和国行政处罚法》第三十四条；{_GUO118}",
    ),
    RuleSpec(
        "st",
        "重大案件立案前法制审核（市生态环境局试点做法）",
        _T.BEFORE_FILING,
        "国办发〔2017〕14号（探索建立重大执法决定目录清单制度）",
    ),
    RuleSpec(
        "bh",
        "法定简易程序以外的所有执法决定",
        _T.ALL_GENERAL_PROCEDURE,
        "国办发〔2017〕14号（有条件的试点单位可以对法定简易程序以外的所有执法决定进行法制审核）",
    ),
)
