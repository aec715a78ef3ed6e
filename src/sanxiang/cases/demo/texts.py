"""The standard wording of the demo's documents: opinions, notes, the notice of the proposed
penalty (告知书, LAW-APL-44), the decision (决定书, LAW-APL-59 / SAMR-PROC-62) and the records
of execution and closing. Scenario-specific facts come from the stories."""

from __future__ import annotations

import datetime

from sanxiang.cases.choices import DeclineReason, NoPenaltyReason
from sanxiang.cases.demo.stories import AGENCY_NAMES, Penalty, Story, cn_date
from sanxiang.registry.models import DiscretionTier, PenaltyType

__all__ = [
    "DECLINE_NOTES",
    "decision_reasons",
    "execution_text",
    "notice_content",
]

FILING_OPINION = "经初步核查，当事人涉嫌违法，符合立案条件，建议立案调查。"
LEAD_EXTENSION = (
    "涉案物品需送检，检验结果出具前无法判断是否符合立案条件，申请延长核查期限十五个工作日。"
)
EXTENSION_REASON = "案情复杂，需补充调查取证并等待鉴定意见，申请延长办案期限三十日。"
TESTING_NOTE = "委托检验机构对涉案物品进行检验，检验期间不计入办案期限。"
PRESERVATION_DISPOSAL = "经检验，依法对先行登记保存的物品作出处理决定，予以封存待没收。"
RECUSAL_REASON = "当事人提出，执法人员{name}与其存在经济纠纷，可能影响公正处理，申请其回避。"
RECUSAL_DECISION = "经核实，作出回避决定。"
WAIVER_NOTE = "当事人在告知书送达回证上签署“放弃陈述、申辩和听证权利”。"
STATEMENT = "当事人提交书面陈述申辩意见，称其系初次违法，已积极整改，请求从轻处罚。"
REEXAMINATION = "经复核，当事人提出的事实已在拟处罚意见中考虑，理由不能成立，不予采纳。"
HEARING_RECORD = (
    "听证主持人宣布听证纪律，调查人员陈述案件事实、证据和拟处罚意见，当事人及其委托代理人进行"
    "申辩和质证，双方进行辩论，当事人作最后陈述。听证笔录经当事人核对无误后签字。"
)
DELIBERATION_MINUTES = (
    "办案人员汇报案件事实、证据、法律适用及拟处罚意见，法制机构汇报审核意见，与会人员逐一发表意见。"
)
DECLINE_NOTES: dict[DeclineReason, str] = {
    DeclineReason.MINOR_CORRECTED: "经核查，当事人违法行为轻微，已当场改正，未造成危害后果。",
    DeclineReason.FIRST_OFFENCE: "经核查，当事人系初次违法，危害后果轻微并已及时改正。",
    DeclineReason.NO_FAULT: "经核查，当事人提供了合法进货凭证，有证据足以证明没有主观过错。",
    DeclineReason.NO_VIOLATION: "经现场核查，举报反映的问题不属实，未发现违法行为。",
    DeclineReason.OUT_OF_TIME: (
        "经核查，违法行为发生于二年以前且已终了，已超过给予行政处罚的期限。"
    ),
    DeclineReason.NOT_COMPETENT: (
        "经核查，反映事项不属于本机关管辖，已告知举报人向有管辖权的机关反映。"
    ),
    DeclineReason.OTHER: "举报人无法提供具体地址和线索，经多次核查无法核实。",
}
EDUCATION: dict[str, str] = {
    NoPenaltyReason.UNDER_FOURTEEN: "已责令当事人的监护人严加管教，并对监护人进行了法治教育。",
}
DEFAULT_EDUCATION = "执法人员对当事人进行了法律法规宣传教育，当事人签署了守法经营承诺书。"
_APL = "《中华人民共和国行政处罚法》"
NO_PENALTY: dict[str, str] = {
    NoPenaltyReason.FIRST_OFFENCE: (
        f"当事人初次违法且危害后果轻微并及时改正，依照{_APL}第三十三条第一款的规定，不予行政处罚。"
    ),
    NoPenaltyReason.MINOR_CORRECTED: (
        f"当事人违法行为轻微并及时改正，没有造成危害后果，依照{_APL}第三十三条第一款的规定，"
        "不予行政处罚。"
    ),
    NoPenaltyReason.NO_FAULT: (
        f"当事人有证据足以证明没有主观过错，依照{_APL}第三十三条第二款的规定，不予行政处罚。"
    ),
    NoPenaltyReason.FACTS_NOT_ESTABLISHED: (
        f"违法事实不能成立，依照{_APL}第五十七条第一款第（三）项的规定，不予行政处罚。"
    ),
}
DISMISSAL = "当事人已依法注销登记，无承受行政处罚的主体，经机关负责人批准终止调查，撤销案件。"
REMEDY_CLAUSE = (
    "如不服本决定，可以在收到本决定书之日起六十日内向天津市人民政府申请行政复议，也可以在六个月"
    "内依法向人民法院提起行政诉讼。"
)
PAYMENT_CLAUSE = (
    "当事人应当自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚没款。到期不"
    "缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。"
)


def _discretion(tier: DiscretionTier | None) -> str:
    if tier is None:
        return ""
    return f"参照《{tier.standard.title}》裁量基准“{tier.level}”情形（{tier.circumstance}），"


def notice_content(story: Story, tier: DiscretionTier | None, hearing_right: bool) -> str:
    """告知书: facts, reasons and basis, the proposed penalty, and the party's rights."""
    rights = "陈述、申辩和要求听证" if hearing_right else "陈述、申辩"
    articles = (
        "第四十四条、第四十五条、第六十三条、第六十四条"
        if hearing_right
        else "第四十四条、第四十五条"
    )
    return (
        f"{story.facts}\n上述事实有{story.evidence}等证据证实。当事人的上述行为违反了"
        f"{story.violated}的规定。依据{story.basis}的规定，{_discretion(tier)}本机关拟对当事人作出"
        f"如下行政处罚：{story.penalty.text()}\n根据《中华人民共和国行政处罚法》{articles}的规定，"
        f"当事人享有{rights}的权利，可在收到本告知书之日起五个工作日内向本机关提出，逾期视为放弃。"
    )


def heard(
    *,
    hearing: str,
    requested: datetime.date | None,
    ended: datetime.date | None,
    waived: bool,
    statement: bool,
) -> str:
    """How the party was heard (SAMR-PROC-62 (三): 陈述、申辩的采纳情况及理由)."""
    if hearing == "held" and requested and ended:
        return (
            f"当事人于{cn_date(requested)}提出听证要求，本机关于{cn_date(ended)}依法举行听证，"
            "经复核，当事人在听证中提出的意见不能成立，不予采纳。"
        )
    if hearing == "absent" and ended:
        return (
            f"当事人提出听证要求后，无正当理由未出席{cn_date(ended)}举行的听证，视为放弃听证权利。"
        )
    if hearing == "withdrawn" and ended:
        return f"当事人提出听证要求后，于{cn_date(ended)}书面撤回听证申请。"
    if waived:
        return "当事人签署声明，明确放弃陈述、申辩和要求听证的权利。"
    if statement:
        return "当事人在规定期限内提出陈述、申辩，经复核，其理由不能成立，不予采纳。"
    return "当事人在规定期限内未提出陈述、申辩。"


def decision_reasons(story: Story, tier: DiscretionTier | None, *, adopted: str) -> str:
    """决定书 (SAMR-PROC-62): facts and evidence, how the party was heard, basis, penalty."""
    penalty = story.penalty
    mitigation = f"{penalty.mitigation}" if penalty.mitigation else ""
    outside = f"{penalty.outside_reason}" if penalty.outside_reason else ""
    correction = f"{story.correction}，并" if story.correction else ""
    money = PAYMENT_CLAUSE if penalty.fine_fen or penalty.confiscation_fen else ""
    return (
        f"{story.facts}\n上述事实有{story.evidence}等证据证实。\n本机关认为，当事人的上述行为违反了"
        f"{story.violated}的规定。{adopted}依据{story.basis}的规定，{_discretion(tier)}{mitigation}"
        f"{outside}{correction}决定给予如下行政处罚：{penalty.text()}\n{money}{REMEDY_CLAUSE}"
    )


def no_penalty_reasons(story: Story, reason: str) -> str:
    why = story.not_penalised or NO_PENALTY.get(reason, "")
    if reason in NO_PENALTY and story.not_penalised:
        why = f"{story.not_penalised}{NO_PENALTY[reason]}"
    return f"{story.facts}\n本机关认为：{why}\n{REMEDY_CLAUSE}"


def transfer_details(story: Story, organ: str, crime: str) -> str:
    return (
        f"{story.facts}\n当事人的行为{crime}，依照《中华人民共和国行政处罚法》第二十七条和《行政执法"
        f"机关移送涉嫌犯罪案件的规定》，将案件移送{organ}，并抄送同级人民检察院。"
    )


def execution_text(penalty: Penalty, day: datetime.date) -> str:
    """The 执行 record of what a payment does not carry out (LAW-APL-47)."""
    parts = []
    if PenaltyType.CONFISCATE_PROPERTY in penalty.types and penalty.confiscated_items:
        parts.append(f"没收的{penalty.confiscated_items}已于{cn_date(day)}依法监督销毁")
    if PenaltyType.DETENTION in penalty.types:
        parts.append(
            f"当事人已送天津市公安局拘留所执行行政拘留{penalty.detention_days}日，期满解除"
        )
    if PenaltyType.SUSPEND_BUSINESS in penalty.types:
        parts.append("当事人已停产整治，经现场核查整改到位后恢复生产")
    if PenaltyType.PUBLIC_CRITICISM in penalty.types:
        parts.append("通报批评已在本机关门户网站公布")
    return "；".join(parts) + "。"


def agency_name(key: str) -> str:
    return AGENCY_NAMES[key]
