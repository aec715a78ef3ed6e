"""Enumerations of the legal review, each naming its legal source."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    """Where one round of review stands (STYLE 5: one open review per case)."""

    SUBMITTED = "submitted", _("Submitted")  # 已提交，待分配
    ASSIGNED = "assigned", _("Under review")  # 审核中
    APPROVED = "approved", _("Approved")  # 同意
    RETURNED = "returned", _("Returned")  # 存在问题，退回
    ESCALATED = "escalated", _("Escalated to the agency head")  # 分歧提请机关负责人
    WITHDRAWN = "withdrawn", _("Withdrawn")  # 撤回


class ReviewStage(models.TextChoices):
    """What a round reviews: the decision (LAW-APL-58), or, where the agency reviews major
    cases before filing (GUO-14-04, the pilot practice), the proposal to file."""

    DECISION = "decision", _("Before the decision")  # 决定前审核
    FILING = "filing", _("Before filing")  # 立案前审核


OPEN_STATUSES = frozenset({ReviewStatus.SUBMITTED, ReviewStatus.ASSIGNED, ReviewStatus.ESCALATED})
DECIDED_STATUSES = frozenset({ReviewStatus.APPROVED, ReviewStatus.RETURNED})


class ReviewItem(models.TextChoices):
    """The seven points of review of GUO-118-13, in the order of the guideline."""

    SUBJECT = "subject", _("Enforcement body lawful and officers qualified")  # 执法主体、执法资格
    PROCEDURE = "procedure", _("Procedure lawful")  # 程序是否合法
    FACTS = "facts", _("Facts clear, evidence lawful and sufficient")  # 事实、证据
    LAW = "law", _("Law applied correctly, discretion appropriate")  # 适用法律、裁量基准
    AUTHORITY = "authority", _("Within the statutory authority")  # 是否超越法定权限
    DOCUMENTS = "documents", _("Documents complete and in order")  # 文书是否完备、规范
    CRIME = "crime", _("Suspected crime to transfer to the judicial organs")  # 是否涉嫌犯罪


class Finding(models.TextChoices):
    OK = "ok", _("No problem")  # 无问题
    PROBLEM = "problem", _("Problem found")  # 存在问题
    NOT_APPLICABLE = "not_applicable", _("Not applicable")  # 不适用


class ReviewMaterial(models.TextChoices):
    """What the handling unit submits (SAMR-PROC-52, GUO-118-14: it answers for them)."""

    PROPOSED_DECISION = "proposed_decision", _("Proposed decision")  # 拟作出的决定
    INVESTIGATION_REPORT = "investigation_report", _("Investigation report")  # 调查终结报告
    EVIDENCE = "evidence", _("Evidence")  # 证据材料
    LEGAL_BASIS = "legal_basis", _("Legal basis and discretion applied")  # 法律依据、裁量说明
    NOTICE = "notice", _("Notice and proof of service")  # 告知书及送达回证
    STATEMENT = "statement", _("Statement, defence or hearing record")  # 陈述申辩、听证笔录
    OTHER = "other", _("Other material")  # 其他材料


# SAMR-PROC-52: always required; the hearing record as well when a hearing was held.
REQUIRED_MATERIALS = (
    ReviewMaterial.PROPOSED_DECISION,
    ReviewMaterial.INVESTIGATION_REPORT,
    ReviewMaterial.EVIDENCE,
    ReviewMaterial.LEGAL_BASIS,
)

# GUO-14-04 (review before filing): what the lead rests on and the basis of the filing.
REQUIRED_FILING_MATERIALS = (ReviewMaterial.EVIDENCE, ReviewMaterial.LEGAL_BASIS)
# GUO-118-12/13 for the other act types (licensing, inspection, levy, coercion): the decision
# proposed, the evidence and the legal basis (no penalty investigation report).
REQUIRED_ACT_MATERIALS = (
    ReviewMaterial.PROPOSED_DECISION,
    ReviewMaterial.EVIDENCE,
    ReviewMaterial.LEGAL_BASIS,
)


class CounselKind(models.TextChoices):
    """Who may be brought in from outside (GUO-118-11: 法律顾问、公职律师)."""

    LAWYER = "lawyer", _("Lawyer (legal adviser)")  # 法律顾问（律师）
    EXPERT = "expert", _("Legal expert")  # 法律专家
    PUBLIC_LAWYER = "public_lawyer", _("Public-sector lawyer")  # 公职律师


class EscalationResult(models.TextChoices):
    """The agency head's word on a disagreement (GUO-118-14: 第一责任人)."""

    UPHELD = "upheld", _("Return upheld")  # 维持审核意见
    OVERRULED = "overruled", _("Return overruled, decision approved")  # 不采纳，同意作出决定
