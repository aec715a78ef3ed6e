"""Discretion standards of 天津市公安局, 天津市生态环境局 and 天津市财政局."""

from __future__ import annotations

import datetime

from sanxiang.registry.demo.discretion import (
    AGGRAVATING,
    CLOSE,
    CRITICISM,
    DETENTION,
    FINE,
    GAINS,
    MITIGATING,
    ORGANISATION,
    PERSON,
    SUSPEND,
    WARNING,
    StandardSpec,
    TierSpec,
    times,
)
from sanxiang.registry.models import FineBasis

# The public-security standards apply the 2025 治安管理处罚法, in force from 2026-01-01.
_POLICE_FROM = datetime.date(2026, 1, 1)
_ENVIRONMENT_FROM = datetime.date(2023, 7, 1)
# The finance standards apply the 会计法 as amended in 2024, in force from 2024-07-01.
_FINANCE_FROM = datetime.date(2024, 7, 1)

_INVESTMENT = FineBasis.INVESTMENT
_ENV_AGGRAVATING = (
    *AGGRAVATING,
    "在重污染天气预警期间或者饮用水水源保护区等环境敏感区实施违法行为的",
    "被责令改正后拒不改正的",
)

PUBLIC_SECURITY: tuple[StandardSpec, ...] = (
    StandardSpec(
        "120000-GA-CL-001",
        "ga",
        "120000-GA-CF-001",
        "殴打他人、故意伤害他人身体",
        _POLICE_FROM,
        (
            # 治安管理处罚法第五十一条: 行政拘留 applies to natural persons only.
            TierSpec(
                "轻微",
                "情节较轻：因民间纠纷引起，未造成轻微伤，取得被侵害人谅解",
                0,
                1_000,
                (FINE, DETENTION),
                "拘留或者罚款，择一处罚",
                detention_days=(None, 5),
                party_scope=PERSON,
            ),
            TierSpec(
                "一般",
                "殴打他人或者故意伤害他人身体",
                500,
                1_000,
                (DETENTION, FINE),
                "拘留并处罚款",
                detention_days=(5, 10),
                party_scope=PERSON,
            ),
            TierSpec(
                "严重",
                "结伙殴打、伤害他人；殴打、伤害残疾人、孕妇、不满十四周岁的人或者七十周岁"
                "以上的人；多次殴打、伤害他人或者一次殴打、伤害多人",
                1_000,
                2_000,
                (DETENTION, FINE),
                "拘留并处罚款",
                detention_days=(10, 15),
                party_scope=PERSON,
            ),
        ),
        (
            "情节轻微的",
            "主动消除或者减轻违法后果的",
            "取得被侵害人谅解的",
            "出于他人胁迫或者诱骗的",
            "主动投案，向公安机关如实陈述自己的违法行为的",
            "有立功表现的",
        ),
        (
            "有较严重后果的",
            "教唆、胁迫、诱骗他人违反治安管理的",
            "对报案人、控告人、举报人、证人打击报复的",
            "一年以内曾受过治安管理处罚的",
        ),
    ),
    StandardSpec(
        "120000-GA-CL-002",
        "ga",
        "120000-GA-CF-002",
        "扰乱机关、团体、企业、事业单位秩序",
        _POLICE_FROM,
        (
            # 治安管理处罚法第二十六条 punishes the persons, not the unit disturbed.
            TierSpec(
                "一般",
                "扰乱单位秩序，致使工作不能正常进行，时间较短，经劝阻后停止",
                0,
                500,
                (WARNING, FINE),
                "警告或者罚款，择一处罚",
                party_scope=PERSON,
            ),
            TierSpec(
                "较重",
                "扰乱时间较长、经劝阻拒不停止，或者造成较大影响",
                0,
                1_000,
                (DETENTION, FINE),
                "拘留，可以并处罚款",
                detention_days=(5, 10),
                party_scope=PERSON,
            ),
            TierSpec(
                "严重",
                "聚众实施，对首要分子",
                0,
                2_000,
                (DETENTION, FINE),
                "拘留，可以并处罚款",
                detention_days=(10, 15),
                party_scope=PERSON,
            ),
        ),
        (
            "情节轻微的",
            "主动消除或者减轻违法后果的",
            "出于他人胁迫或者诱骗的",
            "主动投案，向公安机关如实陈述自己的违法行为的",
        ),
        ("有较严重后果的", "教唆、胁迫、诱骗他人违反治安管理的", "一年以内曾受过治安管理处罚的"),
    ),
    StandardSpec(
        "120000-GA-CL-003",
        "ga",
        "120000-GA-CF-003",
        "机动车违反规定停放、临时停车",
        _POLICE_FROM,
        (
            TierSpec(
                "轻微",
                "机动车驾驶人在现场，经指出后立即驶离",
                other_penalties="指出违法行为，予以口头警告，令其立即驶离",
            ),
            TierSpec(
                "一般",
                "机动车驾驶人不在现场或者拒绝立即驶离，妨碍其他车辆、行人通行",
                20,
                100,
                (FINE,),
                "可以将机动车拖移至不妨碍交通的地点或者指定地点停放",
            ),
            TierSpec(
                "较重",
                "在人行道、交叉路口、公交车站等处停放，严重妨碍通行",
                100,
                200,
                (FINE,),
                "可以将机动车拖移至不妨碍交通的地点或者指定地点停放",
            ),
        ),
        MITIGATING,
        (*AGGRAVATING, "停放在消防车通道、盲道或者无障碍通道上的"),
    ),
)

ENVIRONMENT: tuple[StandardSpec, ...] = (
    StandardSpec(
        "120000-ST-CL-001",
        "st",
        "120000-ST-CF-001",
        "超过大气污染物排放标准排放大气污染物",
        _ENVIRONMENT_FROM,
        (
            TierSpec(
                "一般",
                "超标倍数在0.5倍以下，持续时间较短并及时改正",
                100_000,
                300_000,
                (FINE,),
                "责令改正或者限制生产、停产整治",
            ),
            TierSpec(
                "较重",
                "超标倍数在0.5倍以上2倍以下，或者超标持续时间较长",
                300_000,
                600_000,
                (FINE,),
                "责令改正或者限制生产、停产整治",
            ),
            TierSpec(
                "严重",
                "超标倍数在2倍以上，或者造成较大环境影响、拒不改正",
                600_000,
                1_000_000,
                (FINE, SUSPEND, CLOSE),
                "情节严重的，报经有批准权的人民政府批准，责令停业、关闭",
            ),
        ),
        MITIGATING,
        _ENV_AGGRAVATING,
    ),
    StandardSpec(
        "120000-ST-CL-002",
        "st",
        "120000-ST-CF-003",
        "未依法报批环境影响评价文件擅自开工建设（未批先建）",
        _ENVIRONMENT_FROM,
        (
            # 环境影响评价法第三十一条: 总投资额百分之一以上百分之五以下.
            TierSpec(
                "一般",
                "主体工程尚未开工建设，或者已及时停止建设，未造成环境污染",
                penalty_types=(FINE,),
                other_penalties="责令停止建设",
                multiple=times(_INVESTMENT, "0.01", "0.02"),
            ),
            TierSpec(
                "较重",
                "主体工程已开工建设，或者建设项目位于环境敏感区",
                penalty_types=(FINE,),
                other_penalties="责令停止建设",
                multiple=times(_INVESTMENT, "0.02", "0.035"),
            ),
            TierSpec(
                "严重",
                "已建成投入生产或者使用、造成环境污染，或者拒不停止建设",
                penalty_types=(FINE,),
                other_penalties="责令停止建设，并可以责令恢复原状",
                multiple=times(_INVESTMENT, "0.035", "0.05"),
            ),
        ),
        MITIGATING,
        _ENV_AGGRAVATING,
    ),
    StandardSpec(
        "120000-ST-CL-003",
        "st",
        "120000-ST-CF-002",
        "超过水污染物排放标准排放水污染物",
        _ENVIRONMENT_FROM,
        (
            TierSpec(
                "一般",
                "超标倍数在0.5倍以下，持续时间较短并及时改正",
                100_000,
                300_000,
                (FINE,),
                "责令改正或者责令限制生产、停产整治",
            ),
            TierSpec(
                "较重",
                "超标倍数在0.5倍以上2倍以下，或者排放有毒有害水污染物",
                300_000,
                600_000,
                (FINE,),
                "责令改正或者责令限制生产、停产整治",
            ),
            TierSpec(
                "严重",
                "超标倍数在2倍以上，或者造成水体污染、拒不改正",
                600_000,
                1_000_000,
                (FINE, SUSPEND, CLOSE),
                "情节严重的，报经有批准权的人民政府批准，责令停业、关闭",
            ),
        ),
        MITIGATING,
        _ENV_AGGRAVATING,
    ),
)

FINANCE: tuple[StandardSpec, ...] = (
    StandardSpec(
        "120000-CZ-CL-001",
        "cz",
        "120000-CZ-CF-001",
        "不依法设置会计账簿",
        _FINANCE_FROM,
        (
            # 会计法第四十条 fines the unit; its responsible persons are fined individually
            # (其他处罚), so the fine ranges below apply to 单位.
            TierSpec(
                "轻微",
                "初次违法，在责令的期限内改正，未造成会计资料失真",
                penalty_types=(WARNING, CRITICISM),
                other_penalties="责令限期改正，给予警告、通报批评",
                party_scope=ORGANISATION,
            ),
            TierSpec(
                "一般",
                "未设置部分会计账簿，在责令的期限内改正",
                0,
                100_000,
                (WARNING, CRITICISM, FINE),
                "责令限期改正；对直接负责的主管人员和其他直接责任人员可以处五万元以下罚款",
                party_scope=ORGANISATION,
            ),
            TierSpec(
                "较重",
                "未设置会计账簿，或者逾期改正",
                100_000,
                200_000,
                (WARNING, CRITICISM, FINE),
                "责令限期改正；对直接负责的主管人员和其他直接责任人员可以处五万元以下罚款",
                party_scope=ORGANISATION,
            ),
            TierSpec(
                "严重",
                "情节严重：长期不设置会计账簿、拒不改正或者造成重大损失",
                200_000,
                1_000_000,
                (WARNING, CRITICISM, FINE),
                "对直接负责的主管人员和其他直接责任人员可以处五万元以上五十万元以下罚款",
                party_scope=ORGANISATION,
            ),
        ),
        MITIGATING,
        (*AGGRAVATING, "涉及财政资金或者国有资产的"),
    ),
    StandardSpec(
        "120000-CZ-CL-002",
        "cz",
        "120000-CZ-CF-002",
        "伪造、变造会计凭证、会计账簿，编制虚假财务会计报告",
        _FINANCE_FROM,
        (
            # 会计法第四十一条: from 二十万元 of illegal gains, the unit's fine is their multiple.
            TierSpec(
                "一般",
                "没有违法所得或者违法所得不足二十万元，涉及金额较小",
                200_000,
                800_000,
                (WARNING, CRITICISM, GAINS, FINE),
                "责令限期改正，没收违法所得",
                party_scope=ORGANISATION,
            ),
            TierSpec(
                "较重",
                "没有违法所得或者违法所得不足二十万元，涉及金额较大",
                800_000,
                1_400_000,
                (WARNING, CRITICISM, GAINS, FINE),
                "责令限期改正，没收违法所得",
                party_scope=ORGANISATION,
            ),
            TierSpec(
                "严重",
                "没有违法所得或者违法所得不足二十万元，造成严重后果",
                1_400_000,
                2_000_000,
                (WARNING, CRITICISM, GAINS, FINE),
                "责令限期改正，没收违法所得；其中的会计人员五年内不得从事会计工作",
                party_scope=ORGANISATION,
            ),
            TierSpec(
                "严重",
                "违法所得二十万元以上",
                penalty_types=(WARNING, CRITICISM, GAINS, FINE),
                other_penalties="责令限期改正，没收违法所得；其中的会计人员五年内不得从事会计工作",
                multiple=times(FineBasis.ILLEGAL_GAINS, "1", "10"),
                party_scope=ORGANISATION,
            ),
        ),
        MITIGATING,
        (*AGGRAVATING, "涉及财政资金或者国有资产的"),
    ),
)

MUNICIPAL_STANDARDS: tuple[StandardSpec, ...] = (
    *PUBLIC_SECURITY,
    *ENVIRONMENT,
    *FINANCE,
)
