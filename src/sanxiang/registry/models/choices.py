"""Enumerations of the enforcement registry, each naming its legal source."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Who uses the platform (DESIGN.md §1)."""

    OFFICER = "officer", _("Officer")  # 执法人员 / 承办人
    DEPARTMENT_HEAD = "department_head", _("Department head")  # 执法机构负责人
    AGENCY_HEAD = "agency_head", _("Agency head")  # 机关负责人
    LEGAL_REVIEWER = "legal_reviewer", _("Legal reviewer")  # 法制审核人员
    COUNSEL = "counsel", _("Counsel")  # 法律顾问 / 公职律师
    SUPERVISOR = "supervisor", _("Supervisor")  # 监督人员
    ADMINISTRATOR = "administrator", _("Administrator")  # 系统管理员


class ActType(models.TextChoices):
    """Enforcement act categories (GUO-118-01, GUO-14-01)."""

    PENALTY = "penalty", _("Administrative penalty")  # 行政处罚
    LICENSING = "licensing", _("Administrative licensing")  # 行政许可
    INSPECTION = "inspection", _("Administrative inspection")  # 行政检查
    LEVY = "levy", _("Administrative levy")  # 行政征收征用
    COERCION = "coercion", _("Administrative coercion")  # 行政强制
    CHARGE = "charge", _("Administrative charge")  # 行政收费
    OTHER = "other", _("Other act")  # 其他行政权力


class PenaltyType(models.TextChoices):
    """The penalty types of LAW-APL-9 (13 named types plus "other")."""

    WARNING = "warning", _("Warning")  # 警告
    PUBLIC_CRITICISM = "public_criticism", _("Public criticism")  # 通报批评
    FINE = "fine", _("Fine")  # 罚款
    CONFISCATE_GAINS = "confiscate_gains", _("Confiscation of illegal gains")  # 没收违法所得
    CONFISCATE_PROPERTY = "confiscate_property", _("Confiscation of illegal property")
    SUSPEND_LICENCE = "suspend_licence", _("Temporary suspension of licence")  # 暂扣许可证件
    LOWER_QUALIFICATION = "lower_qualification", _("Lowering of qualification grade")
    REVOKE_LICENCE = "revoke_licence", _("Revocation of licence")  # 吊销许可证件
    RESTRICT_OPERATIONS = "restrict_operations", _("Restriction of production or business")
    SUSPEND_BUSINESS = "suspend_business", _("Order to suspend production or business")
    ORDER_CLOSURE = "order_closure", _("Order of closure")  # 责令关闭
    RESTRICT_PRACTICE = "restrict_practice", _("Restriction of practice")  # 限制从业
    DETENTION = "detention", _("Administrative detention")  # 行政拘留
    OTHER = "other", _("Other penalty")  # 其他


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")  # 有效
    EXPIRED = "expired", _("Expired")  # 过期
    SUSPENDED = "suspended", _("Suspended")  # 暂扣
    REVOKED = "revoked", _("Revoked")  # 吊销 / 收回


class LawLevel(models.TextChoices):
    """Rank of a legal source (立法法)."""

    LAW = "law", _("Law")  # 法律
    ADMINISTRATIVE_REGULATION = "administrative_regulation", _("Administrative regulation")
    LOCAL_REGULATION = "local_regulation", _("Local regulation")  # 地方性法规
    DEPARTMENT_RULE = "department_rule", _("Department rule")  # 部门规章
    LOCAL_RULE = "local_rule", _("Local government rule")  # 地方政府规章
    NORMATIVE_DOCUMENT = "normative_document", _("Normative document")  # 规范性文件


class PartyScope(models.TextChoices):
    """Which parties a rule or tier applies to: laws often fine 单位 and 个人 differently."""

    ANY = "any", _("Any party")  # 不限
    NATURAL_PERSON = "natural_person", _("Natural person")  # 自然人 / 个人
    ORGANISATION = "organisation", _("Legal person or other organisation")  # 单位


class FineBasis(models.TextChoices):
    """What a fine is computed from (罚款计算基数).

    Many penalty provisions set the fine as multiples of an amount that only the case
    establishes: 货值金额 (食品安全法第一百二十四条), 广告费用 (广告法第五十五条), 违法所得
    (会计法第四十一条), 建设项目总投资额 (环境影响评价法第三十一条), 未缴税款 (税收征收管理法
    第六十三条). `FIXED` is a range in fen set by the provision itself.
    """

    FIXED = "fixed", _("Fixed amount")  # 固定金额
    GOODS_VALUE = "goods_value", _("Value of the goods")  # 货值金额
    ILLEGAL_GAINS = "illegal_gains", _("Illegal gains")  # 违法所得
    ADVERTISING_FEE = "advertising_fee", _("Advertising fee")  # 广告费用
    INVESTMENT = "investment", _("Total investment of the construction project")  # 建设项目总投资额
    TAX_DUE = "tax_due", _("Tax due or unpaid")  # 应纳税额 / 未缴税款
    OTHER = "other", _("Other basis")  # 其他计算基数
