# Chinese templates and name pools read better unwrapped (CJK characters count double).
# ruff: noqa: E501
"""Deterministic generator of the labelled evaluation set (decision-style texts).

    python -m sanxiang.redaction.eval.generate            # writes test.jsonl and dev.jsonl

Three splits from three seeds and *disjoint* pools of given names, minority names and officers
(compound surname pools overlap only in 欧阳): `dev` was used for tuning the engine; `test` is
the split the pytest thresholds are asserted on (its misses were looked at during development,
so it is no longer strictly unseen); `holdout` was generated after the engine was frozen and
gives the unseen figures in docs/redaction.md. The pools here are written independently of the engine's lists (the engine has no
given-name list at all; its surname list is the 百家姓, while these surnames follow modern
frequency and include a few the engine's list lacks: 单 牟 佘 亓 禤), so the engine cannot
have memorised them.

Each line: {"id", "domain", "party", "text", "spans": [{"start","end","label","text"}],
"keep": [{"start","end","kind","text"}], "known": [names the case would pass]}. `spans` are the
gold PII; `keep` are things that must stay intact (officers, their certificate numbers,
organisations, agencies, laws, document numbers, credit codes, amounts, dates, decoys).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SPLITS = {"test": (20260511, 360), "dev": (777, 200), "holdout": (4242, 300)}

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程"
    "魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾"
    "龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文施洪辛柯庄葛"
)
RARE_SURNAMES = list("岳单牟佘亓禤")
GIVEN = {
    "dev": [
        "伟",
        "芳",
        "娜",
        "敏",
        "静",
        "丽",
        "强",
        "磊",
        "军",
        "洋",
        "勇",
        "艳",
        "杰",
        "涛",
        "明",
        "超",
        "秀兰",
        "霞",
        "平",
        "刚",
        "桂英",
        "建华",
        "志强",
        "晓东",
        "海燕",
        "玉兰",
        "建国",
        "文静",
        "子涵",
        "浩然",
        "欣怡",
        "宇轩",
        "梓萱",
        "俊杰",
        "雨桐",
        "嘉怡",
        "天佑",
        "思远",
        "雅琴",
        "红梅",
        "国庆",
        "卫东",
        "春生",
        "秋菊",
        "冬梅",
        "德明",
        "永红",
        "少华",
        "立新",
        "学军",
        "振华",
        "丽娟",
        "淑珍",
        "桂芝",
        "金凤",
        "玉梅",
        "小龙",
        "大伟",
        "二虎",
        "铁柱",
    ],
    "test": [
        "晓峰",
        "雪梅",
        "志刚",
        "丽萍",
        "建军",
        "海涛",
        "春燕",
        "国平",
        "翠花",
        "红霞",
        "振国",
        "秀英",
        "宏伟",
        "凤英",
        "玉珍",
        "建平",
        "永强",
        "德华",
        "桂兰",
        "长青",
        "建新",
        "晓红",
        "淑华",
        "丽华",
        "忠诚",
        "宝山",
        "福贵",
        "金花",
        "秀梅",
        "春华",
        "国华",
        "美玲",
        "晨曦",
        "一鸣",
        "思琪",
        "语嫣",
        "泽宇",
        "博文",
        "子墨",
        "梓涵",
        "诗涵",
        "若曦",
        "昊天",
        "明轩",
        "佳琪",
        "欣然",
        "铭",
        "鑫",
        "琳",
        "帆",
        "昊",
        "颖",
        "婷",
        "倩",
        "蕾",
        "飞",
        "宁",
        "健",
        "斌",
        "彬",
        "鹏",
        "辉",
        "浩",
        "凯",
        "波",
        "莉",
        "蓉",
        "萍",
        "燕",
        "红",
        "兵",
        "亮",
        "毅",
        "坤",
        "瑶",
        "璐",
        "卓",
        "睿",
        "琦",
        "悦",
        "旭",
        "阳",
        "晶",
        "雯",
        "洁",
        "慧",
        "博",
        "诚",
        "丹",
        "立军",
        "向东",
        "克勤",
        "守仁",
        "树林",
        "凤兰",
        "桂香",
        "喜梅",
        "来福",
        "满仓",
        "玉亭",
        "淑芬",
        "惠敏",
        "嘉欣",
        "梦瑶",
        "雨萱",
        "紫涵",
        "可馨",
    ],
    "holdout": [
        "海峰",
        "丽君",
        "振宇",
        "晓燕",
        "志明",
        "玉凤",
        "文博",
        "雅静",
        "俊峰",
        "秀云",
        "家豪",
        "婉婷",
        "子轩",
        "浩宇",
        "梦洁",
        "思雨",
        "建勋",
        "宏亮",
        "春梅",
        "晓光",
        "志勇",
        "金龙",
        "玉霞",
        "立华",
        "海英",
        "庆丰",
        "长江",
        "德胜",
        "凤霞",
        "月娥",
        "新民",
        "爱华",
        "建英",
        "宝华",
        "卫华",
        "振东",
        "景涛",
        "雨晨",
        "若楠",
        "欣妍",
        "俊熙",
        "沐阳",
        "一诺",
        "安琪",
        "锦程",
        "皓轩",
        "书瑶",
        "岚",
        "芸",
        "薇",
        "菲",
        "娟",
        "勤",
        "钢",
        "峰",
        "军",
        "辰",
        "航",
        "鸣",
        "楠",
    ],
}
# Full names that are also common words (the engine must find the person without masking the word).
WORD_NAMES = [
    "高明",
    "方正",
    "江山",
    "林立",
    "常青",
    "白云",
    "金星",
    "高峰",
    "向阳",
    "马力",
    "文明",
    "石磊",
]
COMPOUND = {
    "dev": ["欧阳", "司徒", "夏侯", "宇文", "西门"],
    "test": ["欧阳", "司马", "上官", "诸葛", "皇甫", "东方", "慕容", "令狐", "尉迟", "公孙"],
    "holdout": ["欧阳", "司空", "端木", "宗政", "申屠", "呼延", "百里"],
}
MINORITY = {
    "dev": ["迪丽娜尔·阿不都", "吐尔洪·热合曼", "扎西·顿珠", "玛依拉·哈力克", "依力哈木·沙比尔"],
    "test": [
        "阿依古丽·托合提",
        "买买提·艾力",
        "热依拉·吾斯曼",
        "努尔艾力·阿不都拉",
        "古丽娜尔·买买提",
        "艾尔肯·吐尔逊",
        "帕提古丽·依明",
        "阿卜杜热合曼·麦麦提",
        "次仁·旺堆",
        "巴图·孟和",
    ],
    "holdout": [
        "阿力木·买买提江",
        "古丽扎尔·吐尔洪",
        "艾克拜尔·米吉提",
        "索朗·次仁",
        "哈斯·巴根",
        "布合力其·艾则孜",
    ],
}
OFFICERS = {
    "dev": ["王建设", "刘丽", "张宏", "赵志远", "孙红", "陈立", "李卫国", "周洁"],
    "test": ["杨国栋", "郑晓云", "马骏", "何丽君", "胡建伟", "朱敏", "高翔", "林海"],
    "holdout": ["董建军", "吕晓梅", "袁志华", "邓丽", "谢国强", "冯雪", "曹文军", "彭洁"],
}
DISTRICTS = [
    "和平区",
    "河东区",
    "河西区",
    "南开区",
    "河北区",
    "红桥区",
    "东丽区",
    "西青区",
    "津南区",
    "北辰区",
    "武清区",
    "宝坻区",
    "滨海新区",
    "宁河区",
    "静海区",
    "蓟州区",
]
OTHER_PLACES = [
    ("河北省", "廊坊市", "三河市"),
    ("河北省", "石家庄市", "长安区"),
    ("四川省", "成都市", "武侯区"),
    ("山东省", "济南市", "历下区"),
    ("新疆维吾尔自治区", "乌鲁木齐市", "天山区"),
    ("河南省", "周口市", "鹿邑县"),
    ("江苏省", "南京市", "鼓楼区"),
    ("内蒙古自治区", "呼和浩特市", "赛罕区"),
    ("广东省", "广州市", "越秀区"),
    ("北京市", "", "东城区"),
]
STREETS = [
    "友谊路",
    "解放南路",
    "卫津路",
    "南京路",
    "黄河道",
    "红旗路",
    "光明道",
    "建设路",
    "人民南路",
    "幸福大街",
    "迎宾路",
    "复兴路",
    "中山路",
    "长江道",
    "津塘公路",
    "芦台镇光明村",
    "杨柳青镇柳口路",
    "大港街道胜利街",
    "燕郊镇迎宾路",
    "东风街道团结里",
]
AGENCY = {
    "market": "天津市{d}市场监督管理局",
    "police": "天津市公安局{d}分局",
    "environment": "天津市{d}生态环境局",
    "urban": "天津市{d}城市管理委员会",
    "transport": "天津市交通运输综合行政执法总队",
    "tax": "国家税务总局天津市{d}税务局",
}
DOC_PREFIX = {
    "market": "市监罚",
    "police": "公(治)行罚决字",
    "environment": "环罚",
    "urban": "城管罚",
    "transport": "交执罚",
    "tax": "税罚",
}
LAWS = {
    "market": [
        "《中华人民共和国食品安全法》第一百二十四条第一款第（二）项",
        "《中华人民共和国产品质量法》第四十九条",
        "《中华人民共和国价格法》第四十条",
        "《市场监督管理行政处罚程序规定》第五十八条",
    ],
    "police": [
        "《中华人民共和国治安管理处罚法》第四十三条第一款",
        "《中华人民共和国治安管理处罚法》第二十六条",
    ],
    "environment": [
        "《中华人民共和国大气污染防治法》第一百零八条",
        "《中华人民共和国水污染防治法》第八十三条",
    ],
    "urban": [
        "《天津市市容和环境卫生管理条例》第五十四条",
        "《城市市容和环境卫生管理条例》第三十六条",
    ],
    "transport": [
        "《中华人民共和国道路运输条例》第六十三条",
        "《天津市道路运输管理条例》第四十五条",
    ],
    "tax": [
        "《中华人民共和国税收征收管理法》第六十三条",
        "《中华人民共和国发票管理办法》第三十五条",
    ],
}
COMPANY_WORDS = [
    "华信",
    "鑫达",
    "恒通",
    "宏远",
    "金鑫",
    "方正",
    "高明",
    "东方",
    "文明",
    "江山",
    "海天",
    "瑞丰",
    "永盛",
    "博远",
    "嘉禾",
]
COMPANY_KINDS = [
    "商贸有限公司",
    "科技有限公司",
    "物流有限公司",
    "餐饮管理有限公司",
    "建材有限公司",
    "食品有限公司",
    "化工有限公司",
    "汽车服务有限公司",
]
SHOP_KINDS = ["烧烤店", "便利店", "水果店", "面馆", "五金店", "汽车修理部", "小吃部", "药店"]
ID_REGIONS = [
    "120101",
    "120103",
    "120104",
    "120105",
    "120221",
    "120223",
    "130104",
    "131082",
    "410185",
    "510107",
    "650102",
    "370102",
    "320106",
    "150105",
    "440104",
    "412702",
]
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
PROVINCE_CHARS = "津京冀鲁豫川苏粤新蒙"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
UPPER_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def id_number(rng: random.Random) -> str:
    body = (
        rng.choice(ID_REGIONS)
        + f"{rng.randint(1950, 2004)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        + f"{rng.randint(0, 999):03d}"
    )
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    for check in "0123456789":
        digits = body + check
        total = 0
        for i, c in enumerate(reversed(digits)):
            v = int(c) * (2 if i % 2 else 1)
            total += v - 9 if v > 9 else v
        if total % 10 == 0:
            return digits
    raise AssertionError("unreachable")


def uscc(rng: random.Random, kind: str = "91") -> str:
    body = kind + "120103" + "".join(rng.choice(USCC_ALPHABET[:10] + "MA") for _ in range(9))
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, USCC_WEIGHTS, strict=True))
    return body + USCC_ALPHABET[(31 - total % 31) % 31]


def mobile(rng: random.Random) -> str:
    digits = rng.choice(["13", "15", "17", "18", "19", "14", "16"]) + "".join(
        str(rng.randint(0, 9)) for _ in range(9)
    )
    style = rng.random()
    if style < 0.7:
        return digits
    if style < 0.8:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if style < 0.9:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    return "+86 " + digits


def landline(rng: random.Random) -> str:
    area = rng.choice(["022", "010", "0316", "028", "0311"])
    number = str(rng.randint(2, 8)) + "".join(
        str(rng.randint(0, 9)) for _ in range(7 if len(area) == 3 else 6)
    )
    return rng.choice([f"{area}-{number}", f"（{area}）{number}", f"({area}){number}"])


def plate(rng: random.Random) -> str:
    province = rng.choice(PROVINCE_CHARS)
    letter = rng.choice(PLATE_LETTERS[:8])
    style = rng.random()
    dot = "·" if rng.random() < 0.4 else ""
    if style < 0.2:
        return f"{province}{letter}{dot}{rng.choice('DF')}{rng.randint(10000, 99999)}"
    if style < 0.3:
        return f"{province}{letter}{dot}{rng.randint(10000, 99999)}{rng.choice('DF')}"
    body = list(f"{rng.randint(0, 99999):05d}")
    if rng.random() < 0.5:
        body[rng.randint(0, 4)] = rng.choice(PLATE_LETTERS)
    return f"{province}{letter}{dot}{''.join(body)}"


def email(rng: random.Random) -> str:
    user = rng.choice(["zhang", "liming", "wx", "tjshop", "lao.wang", "xf_2019", "hj88"])
    return f"{user}{rng.randint(1, 9999)}@{rng.choice(['qq.com', '163.com', 'sina.cn', 'outlook.com'])}"


def upper_amount(yuan: int) -> str:
    units = [(10000, "万"), (1000, "仟"), (100, "佰"), (10, "拾"), (1, "")]
    out = ""
    rest = yuan
    for value, unit in units:
        digit, rest = divmod(rest, value)
        if digit:
            out += UPPER_DIGITS[digit] + unit
    return out + "元整"


@dataclass
class Doc:
    """A text being written, with its gold spans and kept items."""

    parts: list[str] = field(default_factory=list)
    spans: list[dict[str, Any]] = field(default_factory=list)
    keep: list[dict[str, Any]] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, label: str | None = None, kind: str | None = None) -> None:
        if label:
            self.spans.append(
                {"start": self.length, "end": self.length + len(text), "label": label, "text": text}
            )
        if kind:
            self.keep.append(
                {"start": self.length, "end": self.length + len(text), "kind": kind, "text": text}
            )
        self.parts.append(text)
        self.length += len(text)

    def fmt(self, template: str, **slots: tuple[str, str | None, str | None]) -> None:
        """Add `template`, where each {slot} is (text, label, keep-kind)."""
        rest = template
        while "{" in rest:
            head, _sep, tail = rest.partition("{")
            key, _sep, rest = tail.partition("}")
            self.add(head)
            value, label, kind = slots[key]
            self.add(value, label, kind)
        self.add(rest)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class Generator:
    def __init__(self, split: str, seed: int) -> None:
        self.split = split
        self.rng = random.Random(seed)  # noqa: S311 (reproducible test data, not secrets)

    def person(self) -> str:
        r = self.rng.random()
        if r < 0.07:
            return self.rng.choice(WORD_NAMES)
        if r < 0.15:
            return self.rng.choice(COMPOUND[self.split]) + self.rng.choice(GIVEN[self.split])
        if r < 0.22:
            return self.rng.choice(MINORITY[self.split])
        surname = self.rng.choice(RARE_SURNAMES) if r < 0.25 else self.rng.choice(SURNAMES)
        return surname + self.rng.choice(GIVEN[self.split])

    def people(self, n: int) -> list[str]:
        chosen: list[str] = []
        while len(chosen) < n:
            name = self.person()
            if name not in chosen and name not in OFFICERS[self.split]:
                chosen.append(name)
        return chosen

    def address(self) -> tuple[str, str]:
        if self.rng.random() < 0.6:
            prefix = "天津市" + self.rng.choice(DISTRICTS)
        else:
            province, city, county = self.rng.choice(OTHER_PLACES)
            prefix = province + city + county
        street = self.rng.choice(STREETS)
        detail = street + f"{self.rng.randint(1, 300)}号"
        if self.rng.random() < 0.6:
            detail += f"{self.rng.randint(1, 20)}号楼{self.rng.randint(1, 6)}门{self.rng.randint(101, 2502)}室"
        return prefix, detail

    def date(self) -> str:
        return f"{self.rng.randint(2019, 2025)}年{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日"

    def build(self, index: int) -> dict[str, Any]:
        rng = self.rng
        domain = rng.choice(list(AGENCY))
        district = rng.choice(DISTRICTS)
        agency = AGENCY[domain].format(d=district)
        doc = Doc()
        doc.add(agency, kind="agency")
        doc.add("\n行政处罚决定书\n")
        docno = f"津{district[:1]}{DOC_PREFIX[domain]}〔{rng.randint(2017, 2025)}〕{rng.randint(1, 999)}号"
        doc.add(docno, kind="docno")
        doc.add("\n")
        party_type = rng.choices(["person", "org", "ind"], weights=[45, 35, 20])[0]
        names = self.people(6)
        party, witness, relative, other, rep, extra = names
        known = [party] if party_type == "person" else [rep]
        if party_type == "person":
            self.person_party(doc, party)
            ref = party
        elif party_type == "org":
            ref = self.org_party(doc, rep)
        else:
            ref = self.individual_party(doc, rep)
        officers = rng.sample(OFFICERS[self.split], 2)
        self.officer_line(doc, officers)
        self.facts(doc, domain, party_type, ref, witness, relative, other, extra)
        self.decision(doc, domain, party_type, ref, officers)
        record = {
            "id": f"{self.split}-{index:04d}",
            "domain": domain,
            "party": party_type,
            "text": doc.text,
            "spans": doc.spans,
            "keep": doc.keep,
            "known": known,
        }
        for span in doc.spans + doc.keep:
            if doc.text[span["start"] : span["end"]] != span["text"]:
                raise ValueError(f"misplaced span {span}")
        return record

    # -- blocks ---------------------------------------------------------------------------

    def id_clause(self, doc: Doc) -> None:
        rng = self.rng
        if rng.random() < 0.06:
            number = (
                rng.choice(ID_REGIONS)
                + f"{rng.randint(50, 89)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
            )
        else:
            number = id_number(rng)
        label = rng.choice(["身份证号码：", "公民身份号码", "居民身份证号码：", "身份证号："])
        doc.fmt(label + "{n}", n=(number, "ID_CARD", None))

    def person_party(self, doc: Doc, name: str) -> None:
        rng = self.rng
        prefix, detail = self.address()
        gender = rng.choice("男女")
        style = rng.random()
        if style < 0.6:
            doc.fmt(
                "当事人：{p}，"
                + gender
                + f"，{rng.randint(1955, 2003)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日出生，",
                p=(name, "PERSON", None),
            )
            self.id_clause(doc)
            cue = rng.choice(["，住址：", "，住", "，家庭住址：", "，户籍地：", "，住所："])
            doc.fmt(cue + "{a}{d}", a=(prefix, None, None), d=(detail, "ADDRESS_DETAIL", None))
            doc.fmt("，联系电话：{t}。\n", t=(mobile(rng), "PHONE", None))
        elif style < 0.85:
            doc.fmt("当事人{p}（", p=(name, "PERSON", None))
            self.id_clause(doc)
            doc.fmt(
                "），现住{a}{d}，手机{t}",
                a=(prefix, None, None),
                d=(detail, "ADDRESS_DETAIL", None),
                t=(mobile(rng), "PHONE", None),
            )
            if rng.random() < 0.4:
                doc.fmt("，电子邮箱{e}", e=(email(rng), "EMAIL", None))
            doc.add("。\n")
        else:
            doc.fmt(
                "被处罚人：{p}，" + gender + "，汉族，家住{a}{d}，",
                p=(name, "PERSON", None),
                a=(prefix, None, None),
                d=(detail, "ADDRESS_DETAIL", None),
            )
            self.id_clause(doc)
            doc.add("。\n")

    def org_party(self, doc: Doc, rep: str) -> str:
        rng = self.rng
        company = (
            "天津"
            + ("市" if rng.random() < 0.5 else "")
            + rng.choice(COMPANY_WORDS)
            + rng.choice(COMPANY_KINDS)
        )
        prefix, detail = self.address()
        doc.fmt(
            "当事人：{c}\n统一社会信用代码：{u}\n住所：{a}\n",
            c=(company, None, "company"),
            u=(uscc(rng), None, "credit_code"),
            a=(prefix + detail, None, "org_address"),
        )
        role = rng.choice(["法定代表人", "负责人", "主要负责人"])
        doc.fmt(role + "：{r}，", r=(rep, "PERSON", None))
        self.id_clause(doc)
        doc.fmt("，联系电话：{t}\n", t=(rng.choice([mobile(rng), landline(rng)]), "PHONE", None))
        return company

    def individual_party(self, doc: Doc, operator: str) -> str:
        """个体工商户: the registered name and its credit code are kept (SAMR-PUB-2/4); the
        operator is a natural person; a 个体工商户 without 字号 is named after the operator."""
        rng = self.rng
        prefix, detail = self.address()
        if rng.random() < 0.75:
            shop = (
                "天津市"
                + rng.choice(DISTRICTS)
                + rng.choice(["老", "小", "鑫", "福", "顺"])
                + rng.choice(["王", "李", "刘", "记", "家", "兴"])
                + rng.choice(SHOP_KINDS)
            )
            doc.fmt(
                "当事人：{s}（个体工商户）\n统一社会信用代码：{u}\n经营场所：{a}\n",
                s=(shop, None, "company"),
                u=(uscc(rng, "92"), None, "credit_code"),
                a=(prefix + detail, None, "org_address"),
            )
            ref = shop
        else:
            doc.fmt(
                "当事人：{s}（个体工商户，无字号）\n统一社会信用代码：{u}\n",
                s=(operator, "PERSON", None),
                u=(uscc(rng, "92"), None, "credit_code"),
            )
            ref = operator
        doc.fmt(rng.choice(["经营者", "经营者姓名"]) + "：{o}，", o=(operator, "PERSON", None))
        self.id_clause(doc)
        h_prefix, h_detail = self.address()
        doc.fmt(
            "，住址：{a}{d}，联系电话：{t}\n",
            a=(h_prefix, None, None),
            d=(h_detail, "ADDRESS_DETAIL", None),
            t=(mobile(rng), "PHONE", None),
        )
        return ref

    def officer_line(self, doc: Doc, officers: list[str]) -> None:
        rng = self.rng
        certs = [
            f"{rng.choice(['12', '13', '15', '18'])}0{rng.randint(100000000, 999999999)}"[:11]
            for _ in officers
        ]
        doc.add(self.date(), kind="date")
        doc.add("，本局执法人员")
        doc.fmt(
            "{a}（执法证号：{ca}）、{b}（执法证号：{cb}）",
            a=(officers[0], None, "officer"),
            ca=(certs[0], None, "officer_cert"),
            b=(officers[1], None, "officer"),
            cb=(certs[1], None, "officer_cert"),
        )
        doc.add(
            rng.choice(
                [
                    "依法对当事人的经营场所进行了现场检查。",
                    "出示执法证件后依法进行检查。",
                    "到现场进行调查。",
                ]
            )
        )
        doc.add("\n")

    def facts(
        self,
        doc: Doc,
        domain: str,
        party_type: str,
        ref: str,
        witness: str,
        relative: str,
        other: str,
        extra: str,
    ) -> None:
        rng = self.rng
        subject = "当事人" if party_type != "person" or rng.random() < 0.5 else ref
        subject_label = "PERSON" if subject != "当事人" and party_type == "person" else None
        p = (subject, subject_label, None)
        w = (witness, "PERSON", None)
        r = (relative, "PERSON", None)
        o = (other, "PERSON", None)
        x = (extra, "PERSON", None)
        amount = rng.randint(2, 900) * 100
        amt = (f"{amount}元", None, "amount")
        date = (self.date(), None, "date")
        pl = (plate(rng), "PLATE", None)
        card = luhn_complete(rng.choice(["62", "621", "622", "4", "5"]), rng.choice([16, 19]), rng)
        if rng.random() < 0.3:
            card = " ".join(card[i : i + 4] for i in range(0, len(card), 4))
        cd = (card, "BANK_CARD", None)
        ph = (mobile(rng), "PHONE", None)
        pick = {
            "market": [
                "经查，{p}于{date}从{o}处购进过期食品并对外销售，货值金额{amt}。",
                "{w}系当事人店员，其证实{p}自{date}起销售上述商品。",
                "当事人通过{x}的个人银行卡（卡号：{cd}）收取货款共计{amt}。",
                "举报人{o}（电话{ph}）反映其购买的商品存在质量问题。",
                "现场检查时{x}在场，并在检查笔录上签字确认。",
                "{p}的妻子{r}负责收银，{r}称不清楚商品来源。",
            ],
            "police": [
                "{date}，{p}因琐事与{o}发生争执，并殴打{o}，致其受伤。",
                "证人{w}证实，{p}用手推搡{o}。",
                "{o}的母亲{r}当场报警，民警随即赶到。",
                "被侵害人{o}陈述，{p}驾驶{pl}号小型轿车离开现场。",
                "另查明，{x}与{o}系同事关系，{x}称未看到打人过程。",
                "{o}通过其银行账户（卡号{cd}）向{p}转账{amt}。",
            ],
            "environment": [
                "经查，当事人于{date}在生产过程中未开启污染防治设施，车间主任{x}承认上述事实。",
                "现场由{w}陪同检查，{w}称设备已停用两天。",
                "当事人将危险废物交由{o}运输，{o}驾驶{pl}号货车运至外地。",
                "举报人{o}向本局反映，其联系电话为{ph}。",
                "监测人员采样时，当事人员工{r}拒绝签字。",
                "当事人向{x}支付处置费用{amt}，汇入其个人账户{cd}。",
            ],
            "urban": [
                "{date}，{p}在人行道上占道经营，执法人员当场责令改正。",
                "{p}的丈夫{r}阻碍执法，{r}系该摊位实际经营人。",
                "{w}作为见证人在现场检查笔录上签名。",
                "当事人未经批准搭建建筑物，房屋系向{o}租赁，{o}表示不知情。",
                "邻居{x}反映该处噪声扰民，留下手机号码{ph}。",
                "当事人称款项已转入{x}的银行卡{cd}。",
            ],
            "transport": [
                "{date}，{p}驾驶{pl}号客车从事道路旅客运输经营，未取得道路运输经营许可。",
                "乘客{w}证实，每人收取车费{amt}。",
                "车主{o}称车辆系借给{p}使用，{o}联系电话{ph}。",
                "驾驶员{x}驾驶{pl}号货车超限运输，被当场查获。",
                "{r}系{o}之女，其通过银行卡{cd}收取运费。",
                "经与{x}核实，车辆登记在{o}名下。",
            ],
            "tax": [
                "经查，当事人{date}通过财务人员{x}的个人账户{cd}收取经营收入{amt}，未按规定申报纳税。",
                "财务负责人{w}承认上述事实，其联系电话为{ph}。",
                "当事人向{o}虚开增值税普通发票，{o}系{p}的亲属。",
                "{r}作为委托代理人，持授权委托书到本局接受询问。",
                "经核实，{x}于{date}将款项转入{p}个人账户。",
                "证人{w}证明，上述发票由{x}开具。",
            ],
        }[domain]
        chosen = rng.sample(pick, rng.randint(3, 5))
        slots = {
            "p": p,
            "w": w,
            "r": r,
            "o": o,
            "x": x,
            "amt": amt,
            "date": date,
            "pl": pl,
            "cd": cd,
            "ph": ph,
        }
        for template in chosen:
            used = {k: v for k, v in slots.items() if "{" + k + "}" in template}
            # A fresh number for each use, so a number is never both PII and decoy.
            doc.fmt(template, **used)
        self.decoys(doc, domain)
        doc.add("\n")

    def decoys(self, doc: Doc, domain: str) -> None:
        rng = self.rng
        options = [
            (
                "案件编号：{n}。",
                f"{rng.randint(2019, 2025)}{rng.randint(10**11, 10**12 - 1)}",
                "case_number",
            ),
            ("食品经营许可证编号：{n}。", f"JY1{rng.randint(10**12, 10**13 - 1)}", "licence"),
            ("营业执照注册号：{n}。", f"1201{rng.randint(10**10, 10**11 - 1)}", "licence"),
            ("当事人提交了陈述、申辩意见。", None, None),
            ("本局坚持文明执法、规范执法。", None, None),
            ("当事人违法手段并不高明，但持续时间较长。", None, None),
            (
                "涉案商品批号为{n}，共计{m}件。",
                f"{rng.randint(2019, 2025)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}",
                "batch",
            ),
            ("当事人曾在北京市东城区王府井大街销售同类商品。", None, None),
            ("当事人购进的方正牌打印机及黄金饰品均已封存。", None, None),
            ("检查中未发现周边存在其他违法行为。", None, None),
        ]
        for template, number, kind in rng.sample(options, 3):
            if number is None:
                doc.add(template)
            elif "{m}" in template:
                doc.fmt(template, n=(number, None, kind), m=(str(rng.randint(2, 500)), None, None))
            else:
                doc.fmt(template, n=(number, None, kind))

    def decision(
        self, doc: Doc, domain: str, party_type: str, ref: str, officers: list[str]
    ) -> None:
        rng = self.rng
        law = rng.choice(LAWS[domain])
        yuan = rng.randint(1, 99) * 1000
        is_shop = any(k["text"] == ref and k["kind"] == "company" for k in doc.keep)
        name_slot = (ref, None, "company") if is_shop else (ref, "PERSON", None)
        doc.fmt(
            "上述事实有现场检查笔录、询问笔录等证据为证。{who}的行为违反了{law}的规定。",
            who=name_slot,
            law=(law, None, "law"),
        )
        doc.fmt(
            "依据{law}，本局决定对当事人处以罚款人民币{amt}（大写：{up}）。\n",
            law=(rng.choice(LAWS[domain]), None, "law"),
            amt=(f"{yuan}元", None, "amount"),
            up=(upper_amount(yuan), None, "amount"),
        )
        doc.add(
            "如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内依法提起行政诉讼。\n"
        )
        doc.add(AGENCY[domain].format(d=rng.choice(DISTRICTS)), kind="agency")
        doc.add("\n")
        doc.add(self.date(), kind="date")


def generate(split: str) -> list[dict[str, Any]]:
    seed, count = SPLITS[split]
    generator = Generator(split, seed)
    return [generator.build(i) for i in range(count)]


def write(split: str) -> Path:
    path = HERE / f"{split}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for record in generate(split):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    for split in SPLITS:
        print(write(split))


if __name__ == "__main__":
    main()
