"""Enumerations of the case lifecycle (执法全过程记录), each naming its legal source.

Shared by the models, the workflow table and the pure rule and deadline functions, so this
module imports nothing from the app.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartyKind(models.TextChoices):
    """Who the party (当事人) is. A 个体工商户 is a natural person doing registered business
    (民法典第五十四条), so the natural-person thresholds apply to it unless configured otherwise."""

    NATURAL_PERSON = "natural_person", _("Natural person")  # 自然人 / 公民
    ORGANISATION = "organisation", _("Legal person or other organisation")  # 法人或者其他组织
    INDIVIDUAL_BUSINESS = "individual_business", _("Individual business")  # 个体工商户


class Procedure(models.TextChoices):
    GENERAL = "general", _("General procedure")  # 普通程序
    SIMPLE = "simple", _("Simple procedure")  # 简易程序 (当场处罚, LAW-APL-51)


class LeadSource(models.TextChoices):
    INSPECTION = "inspection", _("Found in inspection")  # 监督检查发现
    COMPLAINT = "complaint", _("Complaint or report")  # 投诉举报
    REFERRAL = "referral", _("Referred by another body")  # 其他机关移送
    SUPERIOR = "superior", _("Assigned by a superior body")  # 上级交办
    MONITORING = "monitoring", _("Monitoring or sampling")  # 监测 / 抽检
    OTHER = "other", _("Other source")


class LeadStatus(models.TextChoices):
    OPEN = "open", _("Awaiting verification")  # 待核查
    FILED = "filed", _("Filed as a case")  # 已立案
    DECLINED = "declined", _("Not filed")  # 不予立案


class DeclineReason(models.TextChoices):
    """Reasons not to file (SAMR-PROC-20, LAW-APL-33)."""

    MINOR_CORRECTED = "minor_corrected", _("Minor, corrected in time, no harm")  # 轻微并及时改正
    FIRST_OFFENCE = "first_offence", _("First offence with slight harm, corrected")  # 首违
    NO_FAULT = "no_fault", _("No subjective fault")  # 无主观过错
    NO_VIOLATION = "no_violation", _("No violation found")  # 无违法事实
    OUT_OF_TIME = "out_of_time", _("Limitation period has passed")  # LAW-APL-36
    NOT_COMPETENT = "not_competent", _("Outside the agency's competence")  # 不属于本机关管辖
    OTHER = "other", _("Other reason")


class NoPenaltyReason(models.TextChoices):
    """Reason codes for a decision not to penalise (LAW-APL-30, -31, -33, -57)."""

    MINOR_CORRECTED = "minor_corrected", _("Minor, corrected in time, no harm")  # 轻微
    FIRST_OFFENCE = "first_offence", _("First offence with slight harm, corrected")  # 首违不罚
    NO_FAULT = "no_fault", _("No subjective fault")  # 无过错
    UNDER_FOURTEEN = "under_fourteen", _("Party under fourteen")  # LAW-APL-30
    NO_CAPACITY = "no_capacity", _("Party could not recognise or control the conduct")  # -31
    FACTS_NOT_ESTABLISHED = "facts_not_established", _("Facts not established")  # 事实不成立


class DecisionOutcome(models.TextChoices):
    """What the agency head decides (LAW-APL-57, SAMR-PROC-60)."""

    PENALTY = "penalty", _("Penalty")  # 给予行政处罚
    NO_PENALTY = "no_penalty", _("No penalty")  # 不予行政处罚
    TRANSFER = "transfer", _("Transfer to judicial organs")  # 移送司法机关 (LAW-APL-27)
    DISMISSED = "dismissed", _("Dismissed")  # 撤销案件 / 终止调查


class DeliveryMethod(models.TextChoices):
    """Ways of delivering a document (SAMR-PROC-81/82/83, LAW-APL-61)."""

    ON_SPOT = "on_spot", _("Handed over on the spot")  # 当场交付
    DIRECT = "direct", _("Direct delivery")  # 直接送达
    LEFT_AT_RESIDENCE = "left", _("Left at the residence")  # 留置送达
    ELECTRONIC = "electronic", _("Electronic delivery")  # 电子送达 (needs signed consent)
    POST = "post", _("By post")  # 邮寄送达
    PUBLIC_NOTICE = "public_notice", _("Public notice")  # 公告送达 (30 days)


class ApprovalStep(models.TextChoices):
    """Steps that need the three-level approval (三级审批)."""

    FILING = "filing", _("Filing")  # 立案
    NOTICE = "notice", _("Notice of proposed penalty")  # 告知
    DECISION = "decision", _("Decision")  # 决定
    CLOSING = "closing", _("Closing")  # 结案
    EXTENSION = "extension", _("Extension of the time limit")  # 延期


class ApprovalLevel(models.IntegerChoices):
    HANDLER = 1, _("Case handler")  # 承办人
    DEPARTMENT_HEAD = 2, _("Department head")  # 执法机构负责人
    AGENCY_HEAD = 3, _("Agency head")  # 机关负责人


class CaseStatus(models.TextChoices):
    """States of a case (DESIGN §4); `cases.workflow` lists the moves between them."""

    LEAD = "lead", _("Lead")  # 线索登记
    DECLINED = "declined", _("Not filed")  # 不予立案
    FILED = "filed", _("Filed")  # 已立案
    INVESTIGATING = "investigating", _("Investigating")  # 调查取证
    CASE_REVIEW = "case_review", _("Investigation concluded")  # 调查终结 / 案件审核
    NOTIFIED = "notified", _("Party notified")  # 已告知
    HEARING = "hearing", _("Hearing")  # 听证
    LEGAL_REVIEW = "legal_review", _("Legal review")  # 法制审核
    DELIBERATION = "deliberation", _("Collective deliberation")  # 集体讨论
    DECIDED = "decided", _("Decided")  # 已决定
    DELIVERED = "delivered", _("Delivered")  # 已送达
    ENFORCING = "enforcing", _("Enforcing")  # 执行中
    CLOSED = "closed", _("Closed")  # 已结案
    ARCHIVED = "archived", _("Archived")  # 已归档
    ON_SPOT_DECIDED = "on_spot_decided", _("Decided on the spot")  # 当场处罚 (LAW-APL-51)
    REGISTERED = "registered", _("Registered")  # 登记 (other act types)
    IN_PROGRESS = "in_progress", _("In progress")  # 办理中 (other act types)


class DeadlineKind(models.TextChoices):
    """Deadlines the services open and close; each row also stores the rule id that sets it."""

    LEAD_FILING = "lead_filing", _("Decision whether to file")  # SAMR-PROC-18
    DECISION = "decision", _("Penalty decision")  # LAW-APL-60
    STATEMENT_WINDOW = "statement_window", _("Statement and defence window")  # SAMR-PROC-57
    HEARING_REQUEST = "hearing_request", _("Hearing request")  # LAW-APL-64(一)
    DELIVERY = "delivery", _("Delivery of the decision")  # LAW-APL-61
    PAYMENT = "payment", _("Payment of the fine")  # LAW-APL-67
    PRESERVATION = "preservation", _("Disposal of preserved evidence")  # LAW-APL-56
    SIMPLE_FILING = "simple_filing", _("Filing of the on-the-spot decision")  # SAMR-PROC-70
    CLOSING = "closing", _("Closing the case")  # SAMR-PROC-77
    SEIZURE = "seizure", _("End of the seizure")  # LAW-ACL-25


class DeadlineStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    MET = "met", _("Met")
    MISSED = "missed", _("Missed")
    ELAPSED = "elapsed", _("Elapsed")  # a party's window that ran out (not a failure)
    CANCELLED = "cancelled", _("Cancelled")


class DeadlineHolder(models.TextChoices):
    """Who must act by the deadline: the agency (missing it is a failure) or the party."""

    AGENCY = "agency", _("Agency")
    PARTY = "party", _("Party")


class RecordKind(models.TextChoices):
    """Investigation records (笔录, LAW-APL-55, SAMR-PROC-28/29)."""

    INQUIRY = "inquiry", _("Inquiry record")  # 询问笔录
    INSPECTION = "inspection", _("On-site inspection record")  # 现场笔录 / 现场检查笔录


class RecusalApplicant(models.TextChoices):
    PARTY = "party", _("Party")  # 当事人申请
    OFFICER = "officer", _("Officer himself or herself")  # 自行回避
    AGENCY = "agency", _("Ordered by the agency")  # 指令回避


class RecusalResult(models.TextChoices):
    PENDING = "pending", _("Pending")
    GRANTED = "granted", _("Recusal granted")  # 决定回避
    REFUSED = "refused", _("Recusal refused")  # 决定不予回避


class ApprovalResult(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")  # 同意
    REJECTED = "rejected", _("Rejected")  # 不同意 / 退回
    CANCELLED = "cancelled", _("Not reached")  # round ended by a rejection at another level


class PreservationStatus(models.TextChoices):
    """先行登记保存 (LAW-APL-56, SAMR-PROC-33/35)."""

    ACTIVE = "active", _("Preserved")
    DISPOSED = "disposed", _("Disposed of")  # 已作出处理决定
    LAPSED = "lapsed", _("Lapsed")  # 逾期自动解除 (SAMR-PROC-35)


class ExtensionKind(models.TextChoices):
    LEAD_FILING = "lead_filing", _("Time to decide on filing")  # SAMR-PROC-18
    DECISION = "decision", _("Time to decide the case")  # LAW-APL-60 / SAMR-PROC-64


class PauseReason(models.TextChoices):
    """Periods not counted in the decision time limit (SAMR-PROC-64)."""

    SUSPENSION = "suspension", _("Investigation suspended")  # 中止
    HEARING = "hearing", _("Hearing")  # 听证
    PUBLIC_NOTICE = "public_notice", _("Public notice")  # 公告
    TESTING = "testing", _("Testing, inspection, quarantine or appraisal")  # 检测检验检疫鉴定
    IDENTIFICATION = "identification", _("Identification by the right holder")  # 权利人辨认鉴别
    REFUND = "refund", _("Ordered refund of overcharges")  # 责令退还多收价款


class ReexaminationResult(models.TextChoices):
    """复核 of the party's statement (LAW-APL-45, SAMR-PROC-62 采纳情况)."""

    ADOPTED = "adopted", _("Adopted")  # 采纳
    PARTLY_ADOPTED = "partly_adopted", _("Partly adopted")  # 部分采纳
    NOT_ADOPTED = "not_adopted", _("Not adopted")  # 不予采纳


class HearingStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    DEEMED_WAIVED = "deemed_waived", _("Deemed waived")  # LAW-APL-64(六)
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DeliveredDocument(models.TextChoices):
    DECISION = "decision", _("Decision")  # 行政处罚决定书 / 不予处罚决定书
    TRANSFER = "transfer", _("Transfer letter")  # 涉嫌犯罪案件移送书 (LAW-APL-27)
    OTHER = "other", _("Other document")


class PaymentChannel(models.TextChoices):
    """How a fine was paid; the platform records confirmations and never receives money
    (LAW-APL-67)."""

    BANK = "bank", _("Designated bank")  # 指定银行
    E_PAYMENT = "e_payment", _("Electronic payment")  # 电子支付系统
    ON_SPOT = "on_spot", _("Collected on the spot")  # 当场收缴 (LAW-APL-68)


class PaymentPlanKind(models.TextChoices):
    DEFERRAL = "deferral", _("Deferred payment")  # 暂缓缴纳
    INSTALMENTS = "instalments", _("Payment in instalments")  # 分期缴纳


class RemedyKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", _("Administrative reconsideration")  # 行政复议
    LITIGATION = "litigation", _("Administrative litigation")  # 行政诉讼


class ExecutionKind(models.TextChoices):
    """Records of the 执行 stage (LAW-APL-47) other than payments."""

    PERFORMED = "performed", _("Penalty carried out")  # 处罚已履行 (non-monetary)
    EDUCATION = "education", _("Party educated")  # 不予处罚的教育 (LAW-APL-33)
    TRANSFER_HANDED_OVER = "transfer_handed_over", _("Case handed over")  # 移送完成 (LAW-APL-27)
    COURT_APPLICATION = "court_application", _("Court enforcement applied for")  # LAW-ACL-53
    COURT_CONCLUDED = "court_concluded", _("Court enforcement concluded")  # 法院执行完毕/终结
    TERMINATED = "terminated", _("Enforcement terminated")  # 终结执行


class SeizureKind(models.TextChoices):
    """Coercive measures over property (LAW-ACL-25, SAMR-PROC-36)."""

    SEAL = "seal", _("Sealing")  # 查封
    SEIZE = "seize", _("Seizure")  # 扣押


class SeizureStatus(models.TextChoices):
    ACTIVE = "active", _("In force")
    RELEASED = "released", _("Released")  # 解除
    DISPOSED = "disposed", _("Disposed of by decision")  # 作出没收等处理决定


class ActResultKind(models.TextChoices):
    """The result of an inspection, licensing, levy or coercion (GUO-118-06a 执法结论)."""

    COMPLIANT = "compliant", _("No problem found")  # 未发现问题
    PROBLEMS_FOUND = "problems_found", _("Problems found")  # 发现问题 / 责令整改
    GRANTED = "granted", _("Granted")  # 准予许可
    REFUSED = "refused", _("Refused")  # 不予许可
    LEVIED = "levied", _("Levied")  # 征收
    MEASURE_TAKEN = "measure_taken", _("Coercive measure taken")  # 采取强制措施
    MEASURE_ENDED = "measure_ended", _("Coercive measure ended")  # 解除强制措施
    OTHER = "other", _("Other result")


class Track(models.TextChoices):
    """Which lifecycle a case follows (DESIGN §4): derived from act type and procedure."""

    GENERAL = "general", _("Penalty, general procedure")  # 普通程序
    SIMPLE = "simple", _("Penalty, simple procedure")  # 简易程序
    OTHER = "other", _("Other act type")  # 检查、许可、征收、强制等
