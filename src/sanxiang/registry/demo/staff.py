"""Who works where: the 80 demo officers, one line each.

Format: ``name sex department position [Q]``; department ``-`` means the agency's leadership,
``Q`` marks a holder of the 法律职业资格 (LAW-APL-58). Names are invented; they include compound
surnames (欧阳, 司马, 上官) and a Uyghur name written with the middle dot (阿依古丽·买买提).

GUO-118-11 wants legal reviewers to be at least 5% of an agency's enforcement staff: every
agency has a qualified officer in its legal office except 天津市河北区人民政府, which is
deliberately short so the staffing KPI has something to report.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StaffSpec:
    key: str  # e.g. "sj-05"
    agency: str  # agency key (agencies.py)
    name: str
    male: bool
    department: str | None
    position: str
    qualified: bool


_TABLES: dict[str, str] = {
    "sj": """
        刘建国 男 - 副主任
        陈思远 男 法制处 处长 Q
        欧阳婧 女 法制处 一级主任科员 Q
        孙晓燕 女 法制处 四级主任科员 Q
        王建军 男 食品安全执法处 处长
        张伟 男 食品安全执法处 一级主任科员
        李娜 女 食品安全执法处 四级主任科员
        赵磊 男 食品安全执法处 一级科员
        阿依古丽·买买提 女 食品安全执法处 四级主任科员
        周静 女 食品安全执法处 一级科员
        杨帆 男 产品质量执法处 处长
        吴昊 男 产品质量执法处 二级主任科员
        郑丽华 女 产品质量执法处 四级主任科员
        马俊杰 男 产品质量执法处 一级科员
        司马云飞 男 产品质量执法处 一级科员
        黄蕾 女 广告监管处 处长
        徐志强 男 广告监管处 三级主任科员
        何雪 女 广告监管处 一级科员
        高振宇 男 广告监管处 四级主任科员
        林晓东 男 食品安全执法处 二级主任科员
        罗敏 女 产品质量执法处 一级科员
        梁宏伟 男 广告监管处 一级科员
    """,
    "ga": """
        韩志刚 男 - 副局长
        宋立新 男 法制总队 总队长 Q
        唐雅琴 女 法制总队 副总队长 Q
        冯涛 男 法制总队 一级警长
        许建华 男 治安管理总队 支队长
        邓凯 男 治安管理总队 一级警长
        曹阳 男 治安管理总队 二级警长
        彭丽 女 治安管理总队 三级警长
        曾庆丰 男 治安管理总队 四级警长
        谢宇航 男 交通管理局 大队长
        董海涛 男 交通管理局 一级警长
        袁媛 女 交通管理局 二级警长
        于洋 男 交通管理局 三级警长
        潘宏 男 交通管理局 一级警员
        上官明月 女 交通管理局 二级警员
        蒋国庆 男 治安管理总队 一级警员
    """,
    "st": """
        田卫东 男 - 副局长
        范文婷 女 法规处 处长 Q
        石磊 男 法规处 一级主任科员
        姚建新 男 生态环境保护综合执法总队 总队长
        廖晨 男 生态环境保护综合执法总队 支队长
        金秀兰 女 生态环境保护综合执法总队 一级主任科员
        夏天 男 生态环境保护综合执法总队 四级主任科员
        方敏 女 生态环境保护综合执法总队 一级科员
        崔海波 男 生态环境保护综合执法总队 二级主任科员
        白云鹏 男 生态环境保护综合执法总队 一级科员
    """,
    "cz": """
        钱永红 女 - 副局长
        孔德明 男 法规处 处长 Q
        沈佳怡 女 法规处 四级主任科员
        陆文斌 男 会计监督处 处长
        薛梅 女 会计监督处 一级主任科员
        侯建平 男 会计监督处 四级主任科员
    """,
    "bh": """
        贾明辉 男 司法局 副局长 Q
        邵春燕 女 司法局 科长
        万立军 男 城市管理综合执法局 大队长
        顾晓峰 男 城市管理综合执法局 中队长
        孟凡星 男 城市管理综合执法局 执法队员
        秦丽 女 城市管理综合执法局 执法队员
        龚振华 男 城市管理综合执法局 执法队员
        史玉洁 女 市场监管局 科长
        段鹏飞 男 市场监管局 一级科员
        雷雨 男 市场监管局 一级科员
    """,
    # No qualified reviewer in the legal office: the GUO-118-11 shortfall of the demo.
    "hb": """
        汤国华 男 司法局 副局长
        尹红 女 司法局 一级科员
        黎志远 男 城市管理综合执法局 中队长
        易建平 男 城市管理综合执法局 执法队员
        常晓丽 女 城市管理综合执法局 执法队员
        武斌 男 市场监管局 科长
        乔娟 女 市场监管局 一级科员
        赖文杰 男 市场监管局 一级科员
    """,
    "jn": """
        龙海燕 女 司法局 副局长 Q
        叶志勇 男 城市管理综合执法局 中队长
        程子涵 女 城市管理综合执法局 执法队员
        蔡立伟 男 城市管理综合执法局 执法队员
        邱明 男 市场监管局 科长
        熊晓梅 女 市场监管局 一级科员
        鲁强 男 市场监管局 一级科员
        毛建军 男 城市管理综合执法局 执法队员
    """,
}


def _parse(agency: str, table: str) -> list[StaffSpec]:
    specs = []
    for number, line in enumerate((ln.split() for ln in table.strip().splitlines()), start=1):
        name, sex, department, position, *flags = line
        specs.append(
            StaffSpec(
                key=f"{agency}-{number:02d}",
                agency=agency,
                name=name,
                male=sex == "男",
                department=None if department == "-" else department,
                position=position,
                qualified=flags == ["Q"],
            )
        )
    return specs


STAFF: tuple[StaffSpec, ...] = tuple(
    spec for agency, table in _TABLES.items() for spec in _parse(agency, table)
)
STAFF_BY_KEY: dict[str, StaffSpec] = {spec.key: spec for spec in STAFF}
