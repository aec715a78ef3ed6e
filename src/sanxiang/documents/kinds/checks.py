"""Checks a document must pass before it is issued, each citing the rule that requires it."""

from __future__ import annotations

from sanxiang.core.money import rmb_upper
from sanxiang.documents.kinds.base import BuildInput, DocumentContent, Missing

__all__ = ["no_penalty_elements", "on_spot_elements", "remedy_and_seal", "six_elements"]


def _need(missing: list[Missing], ok: bool, element: str, rule: str, message: str) -> None:
    if not ok:
        missing.append(Missing(element=element, rule=rule, message=message))


def _amounts_in_words(fields: dict[str, object], missing: list[Missing]) -> None:
    """Amounts in figures and in words (会计基础工作规范 第五十二条 via core.money.rmb_upper)."""
    for key in ("fine_fen", "confiscation_fen"):
        fen = int(fields.get(key) or 0)  # type: ignore[call-overload]  # JSON-like values
        if fen > 0:
            _need(
                missing,
                rmb_upper(fen) in str(fields.get("penalty", "")),
                "amount_in_words",
                "LAW-APL-59",
                "罚没金额须同时以阿拉伯数字和中文大写表述",
            )


def remedy_and_seal(build: BuildInput, content: DocumentContent) -> list[Missing]:
    """LAW-APL-59(五) / LAW-ARL-20: the remedy clause names the body, the court and the
    periods; LAW-APL-59: "必须盖有作出行政处罚决定的行政机关的印章"."""
    missing: list[Missing] = []
    fields = content.fields
    _need(
        missing,
        bool(fields.get("reconsideration_body")),
        "reconsideration_body",
        "LAW-ARL-24",
        "未确定行政复议机关（请在文书设置中填写）",
    )
    _need(
        missing,
        bool(fields.get("court")),
        "court",
        "LAW-APL-59",
        "未确定提起行政诉讼的人民法院（请在文书设置中填写）",
    )
    remedy = str(fields.get("remedy", ""))
    _need(
        missing,
        "六十日" in remedy,
        "remedy_period",
        "LAW-ARL-20",
        "救济条款须载明申请行政复议的六十日期限",
    )
    _need(
        missing,
        bool(build.settings.seal_image) and bool(build.settings.seal_sha256),
        "seal",
        "LAW-APL-59",
        "本机关尚未上传电子印章，决定书不得签发",
    )
    return missing


def six_elements(build: BuildInput, content: DocumentContent) -> list[Missing]:
    """LAW-APL-59: the six elements of a penalty decision, plus SAMR-PROC-62's adoption of the
    party's statement; each absent element is named."""
    f = content.fields
    missing: list[Missing] = []
    _need(
        missing,
        bool(f.get("party_name")) and bool(f.get("party_address")),
        "party",
        "LAW-APL-59",
        "（一）当事人的姓名或者名称、地址",
    )
    _need(
        missing,
        bool(f.get("facts")) and bool(f.get("evidence")),
        "facts_and_evidence",
        "LAW-APL-59",
        "（二）违反法律、法规、规章的事实和证据",
    )
    _need(
        missing,
        bool(f.get("penalty")) and bool(f.get("basis")),
        "penalty_and_basis",
        "LAW-APL-59",
        "（三）行政处罚的种类和依据",
    )
    _need(
        missing,
        bool(f.get("performance")),
        "performance",
        "LAW-APL-59",
        "（四）行政处罚的履行方式和期限（请在文书设置中填写缴款方式）",
    )
    _need(
        missing,
        bool(f.get("remedy")) and "六个月" in str(f.get("remedy")),
        "remedy",
        "LAW-APL-59",
        "（五）申请行政复议、提起行政诉讼的途径和期限",
    )
    _need(
        missing,
        bool(f.get("agency_name")) and bool(f.get("decided_on")),
        "agency_and_date",
        "LAW-APL-59",
        "（六）作出决定的行政机关名称和作出决定的日期",
    )
    _need(
        missing,
        bool(f.get("statement_adoption")),
        "statement_adoption",
        "SAMR-PROC-62",
        "当事人陈述、申辩的采纳情况及理由",
    )
    _amounts_in_words(f, missing)
    return missing + remedy_and_seal(build, content)


def on_spot_elements(build: BuildInput, content: DocumentContent) -> list[Missing]:
    """LAW-APL-52: the on-the-spot decision lists 违法行为、种类和依据、罚款数额、时间、地点、
    救济途径和期限、行政机关名称 and the officers; LAW-ARL-23: reconsideration first."""
    f = content.fields
    missing: list[Missing] = []
    _need(missing, bool(f.get("party_name")), "party", "LAW-APL-52", "当事人")
    _need(missing, bool(f.get("facts")), "facts", "LAW-APL-52", "违法行为")
    _need(
        missing,
        bool(f.get("penalty")) and bool(f.get("basis")),
        "penalty_and_basis",
        "LAW-APL-52",
        "行政处罚的种类和依据",
    )
    _need(missing, bool(f.get("place")), "place", "LAW-APL-52", "作出处罚的地点")
    _need(missing, bool(f.get("decided_on")), "date", "LAW-APL-52", "作出处罚的时间")
    _need(missing, bool(f.get("officers")), "officers", "LAW-APL-52", "执法人员姓名及执法证号")
    _need(
        missing,
        bool(f.get("performance")),
        "performance",
        "LAW-APL-52",
        "缴款途径和期限（SAMR-PROC-66/68）",
    )
    if f.get("reconsideration_first"):
        _need(
            missing,
            "先向" in str(f.get("remedy")) and "也可以" not in str(f.get("remedy")),
            "reconsideration_first",
            "LAW-ARL-23",
            "当场处罚决定须告知先申请行政复议，不得直接告知提起行政诉讼",
        )
    _amounts_in_words(f, missing)
    return missing + remedy_and_seal(build, content)


def no_penalty_elements(build: BuildInput, content: DocumentContent) -> list[Missing]:
    """LAW-APL-57 / LAW-APL-59 applied to a decision not to penalise: party, facts, the reason
    and its basis, remedy, agency and date, seal."""
    f = content.fields
    missing: list[Missing] = []
    _need(
        missing,
        bool(f.get("party_name")) and bool(f.get("party_address")),
        "party",
        "LAW-APL-59",
        "（一）当事人的姓名或者名称、地址",
    )
    _need(missing, bool(f.get("facts")), "facts", "LAW-APL-59", "（二）认定的事实")
    _need(missing, bool(f.get("reason")), "reason", "LAW-APL-57", "不予行政处罚的理由和依据")
    _need(
        missing,
        bool(f.get("agency_name")) and bool(f.get("decided_on")),
        "agency_and_date",
        "LAW-APL-59",
        "（六）作出决定的行政机关名称和作出决定的日期",
    )
    return missing + remedy_and_seal(build, content)
