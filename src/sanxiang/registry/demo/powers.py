"""Power and responsibility list items (权责清单事项): the shape and the standard texts.

Each item names its legal basis by provision and role (设定/实施依据 `authority`, 违法依据
`violation`, 处罚依据 `penalty`). Codes follow the ``<region>-<agency>-<act>-<nnn>`` pattern,
e.g. ``120000-SJ-CF-001`` (CF 处罚, JC 检查, XK 许可, QZ 强制, ZS 征收).

The 责任事项 and 追责情形 texts follow the usual layout of Chinese 权责清单; the duties and the
grounds for accountability restate the procedure of the governing law (行政处罚法 articles
44–47, 55, 76–83; 行政强制法 articles 18–25; 行政许可法 articles 32–44), not a Tianjin list.
"""

from __future__ import annotations

from dataclasses import dataclass

from sanxiang.registry.models import ActType, BasisKind

ProvisionKey = tuple[str, int, int | None, int | None]


@dataclass(frozen=True, slots=True)
class BasisSpec:
    kind: str
    provision: ProvisionKey


@dataclass(frozen=True, slots=True)
class PowerSpec:
    agency: str  # agency key (agencies.py)
    code: str
    name: str
    act_type: str
    bases: tuple[BasisSpec, ...]
    violation: str = ""

    @property
    def responsibility(self) -> str:
        return RESPONSIBILITY[self.act_type]

    @property
    def accountability(self) -> str:
        return _ACCOUNTABILITY_LEAD + ACCOUNTABILITY[self.act_type]


def basis(
    kind: str, law: str, article: int, paragraph: int | None = None, item: int | None = None
) -> BasisSpec:
    return BasisSpec(kind, (law, article, paragraph, item))


def authority(
    law: str, article: int, paragraph: int | None = None, item: int | None = None
) -> BasisSpec:
    return basis(BasisKind.AUTHORITY, law, article, paragraph, item)


def violated(
    law: str, article: int, paragraph: int | None = None, item: int | None = None
) -> BasisSpec:
    return basis(BasisKind.VIOLATION, law, article, paragraph, item)


def penalised(
    law: str, article: int, paragraph: int | None = None, item: int | None = None
) -> BasisSpec:
    return basis(BasisKind.PENALTY, law, article, paragraph, item)


def _lines(*lines: str) -> str:
    return "\n".join(lines)


RESPONSIBILITY: dict[str, str] = {
    ActType.PENALTY: _lines(
        "1.立案责任：对监督检查中发现、投诉举报、上级交办、其他部门移送的违法案件线索，及时审查，"
        "决定是否立案。",
        "2.调查责任：对立案的案件，指定专人负责，及时组织调查取证；执法人员不得少于两人，调查时应当"
        "主动出示执法证件，询问或者检查应当制作笔录；与案件有直接利害关系的应当回避。",
        "3.审查责任：对案件违法事实、证据、调查取证程序、法律适用、处罚种类和幅度、当事人陈述和申辩"
        "理由等进行审查，提出处理意见；属于重大执法决定的，进行法制审核。",
        "4.告知责任：作出行政处罚决定前，告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知"
        "当事人依法享有的陈述、申辩、要求听证等权利。",
        "5.决定责任：制作行政处罚决定书，载明违法事实和证据、处罚种类和依据、履行方式和期限、申请"
        "行政复议或者提起行政诉讼的途径和期限等内容；情节复杂或者重大违法行为，集体讨论决定。",
        "6.送达责任：行政处罚决定书在宣告后当场交付当事人；当事人不在场的，在七日内依法送达。",
        "7.执行责任：监督当事人履行行政处罚决定；逾期不履行的，依法加处罚款或者申请人民法院强制执行。",
        "8.其他法律法规规章文件规定应履行的责任。",
    ),
    ActType.INSPECTION: _lines(
        "1.检查责任：按照“双随机、一公开”要求制定并实施检查计划；执法人员不得少于两人，检查时主动"
        "出示执法证件，制作检查笔录。",
        "2.处置责任：对检查中发现的违法行为，依法责令改正或者立案查处；涉嫌犯罪的，及时移送司法机关。",
        "3.公开责任：依法公开检查结果。",
        "4.其他法律法规规章文件规定应履行的责任。",
    ),
    ActType.COERCION: _lines(
        "1.审批责任：实施前向行政机关负责人报告并经批准；情况紧急需要当场实施的，在二十四小时内向"
        "行政机关负责人报告，并补办批准手续。",
        "2.实施责任：由两名以上行政执法人员实施，出示执法证件，通知当事人到场，当场告知采取行政强制"
        "措施的理由、依据以及当事人依法享有的权利、救济途径，听取陈述和申辩，制作现场笔录，全程音像记录。",
        "3.决定责任：制作并当场交付查封、扣押决定书和清单。",
        "4.期限责任：查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准可以延长，但延长"
        "期限不得超过三十日。",
        "5.处理责任：妥善保管查封、扣押的场所、设施或者财物，在法定期限内作出处理决定或者依法解除。",
        "6.其他法律法规规章文件规定应履行的责任。",
    ),
    ActType.LICENSING: _lines(
        "1.受理责任：公示依法应当提交的材料；申请材料不齐全或者不符合法定形式的，当场或者在五日内一次"
        "告知申请人需要补正的全部内容；依法受理或者不予受理并出具书面凭证。",
        "2.审查责任：对申请材料进行审查，必要时对申请人的生产经营场所进行现场核查。",
        "3.决定责任：在法定期限内作出准予许可或者不予许可的决定；不予许可的，书面说明理由，并告知申请人"
        "享有依法申请行政复议或者提起行政诉讼的权利。",
        "4.送达责任：准予许可的，在法定期限内颁发、送达许可证件，并依法公开。",
        "5.事后监管责任：对被许可人从事许可事项的活动实施监督检查。",
        "6.其他法律法规规章文件规定应履行的责任。",
    ),
    ActType.LEVY: _lines(
        "1.核定责任：依据批准的占用位置、面积、期限和核定的收费标准核定应缴费额，并书面告知缴费人。",
        "2.征收责任：开具财政部门统一制发的票据，征收的款项全额缴入国库。",
        "3.退还责任：依法决定缩小占用面积、缩短占用时间或者停止占用的，根据具体情况退还部分费用。",
        "4.其他法律法规规章文件规定应履行的责任。",
    ),
}

_ACCOUNTABILITY_LEAD = (
    "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应责任：\n"
)

ACCOUNTABILITY: dict[str, str] = {
    ActType.PENALTY: _lines(
        "1.对应当予以制止和处罚的违法行为不予制止、处罚，致使公民、法人或者其他组织的合法权益、公共利益"
        "和社会秩序遭受损害的；",
        "2.没有法定的行政处罚依据的；",
        "3.擅自改变行政处罚种类、幅度的；",
        "4.违反法定的行政处罚程序的；",
        "5.对符合立案标准的案件不及时立案的；",
        "6.执法人员未取得执法证件实施行政处罚的；",
        "7.对应当依法移交司法机关追究刑事责任的案件不移交，以行政处罚代替刑事处罚的；",
        "8.在行政处罚过程中滥用职权、玩忽职守、徇私舞弊的；",
        "9.其他违反法律法规规章文件规定的行为。",
    ),
    ActType.INSPECTION: _lines(
        "1.不按规定实施检查，或者对检查中发现的违法行为不依法处理的；",
        "2.违法实施检查措施，给公民人身或者财产造成损害、给法人或者其他组织造成损失的；",
        "3.泄露检查中知悉的国家秘密、商业秘密或者个人隐私的；",
        "4.在检查过程中滥用职权、玩忽职守、徇私舞弊的；",
        "5.其他违反法律法规规章文件规定的行为。",
    ),
    ActType.COERCION: _lines(
        "1.没有法律、法规依据实施行政强制措施的；",
        "2.改变行政强制对象、条件、方式的；",
        "3.违反法定程序实施行政强制措施的；",
        "4.扩大查封、扣押范围的；",
        "5.使用或者损毁查封、扣押场所、设施或者财物的；",
        "6.在查封、扣押法定期间不作出处理决定或者未依法及时解除查封、扣押的；",
        "7.其他违反法律法规规章文件规定的行为。",
    ),
    ActType.LICENSING: _lines(
        "1.对符合法定条件的行政许可申请不予受理、不予行政许可或者不在法定期限内作出准予行政许可决定的；",
        "2.对不符合法定条件的申请人准予行政许可或者超越法定职权作出准予行政许可决定的；",
        "3.不依法说明不受理行政许可申请或者不予行政许可的理由的；",
        "4.在受理、审查、决定行政许可过程中，未向申请人、利害关系人履行法定告知义务的；",
        "5.索取或者收受他人财物或者谋取其他利益的；",
        "6.其他违反法律法规规章文件规定的行为。",
    ),
    ActType.LEVY: _lines(
        "1.无依据或者超标准征收的；",
        "2.不开具法定票据或者截留、挪用、私分征收款项的；",
        "3.应当退还而不予退还的；",
        "4.其他违反法律法规规章文件规定的行为。",
    ),
}
