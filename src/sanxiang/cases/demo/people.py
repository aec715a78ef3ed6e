"""Synthetic parties (当事人) of the demo cases: people, companies and 个体工商户.

Every number is synthetic but valid, so the services accept it as they would a real one:

* resident ID numbers (GB 11643, STD-11643-1..4): the address code of a Tianjin district or of
  another province (many vendors and drivers come from elsewhere), the birth date, a sequence
  code whose parity gives the sex (STD-11643-3) and the computed check digit;
* credit codes (GB 32100, STD-32100-1..4): 9 (工商) + 1 (企业) or 2 (个体工商户), the district
  code, a made-up organisation code "MA…" with its GB 11714 check character (STD-11714), and the
  computed check character.

The names are invented from common surnames and given-name characters; a generator never hands
out the same number twice, so one party's history (首违, LAW-APL-33) is never mixed up with
another's.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from sanxiang.cases.choices import PartyKind
from sanxiang.cases.services import PartyData
from sanxiang.core.creditcode import credit_code_check_char, organisation_code_check_char
from sanxiang.core.identity import resident_id_check_digit

__all__ = ["DISTRICTS", "District", "Party", "PartyMaker"]


@dataclass(frozen=True, slots=True)
class District:
    code: str  # GB/T 2260 (STD-2260-TJ)
    name: str
    streets: tuple[str, ...]


DISTRICTS: dict[str, District] = {
    d.code: d
    for d in (
        District("120101", "和平区", ("南京路", "滨江道", "和平路", "成都道", "西康路", "营口道")),
        District("120102", "河东区", ("十一经路", "津塘路", "卫国道", "程林街", "六纬路")),
        District("120103", "河西区", ("友谊路", "解放南路", "大沽南路", "黑牛城道", "紫金山路")),
        District("120104", "南开区", ("鞍山西道", "南马路", "红旗路", "长江道", "复康路")),
        District(
            "120105",
            "河北区",
            ("中山路", "金钟河大街", "狮子林大街", "律纬路", "昆纬路", "王串场一号路"),
        ),
        District("120106", "红桥区", ("西站前街", "丁字沽一号路", "西青道", "芥园道")),
        District("120110", "东丽区", ("津塘公路", "先锋路", "东丽大道", "跃进路")),
        District("120111", "西青区", ("中北大道", "杨柳青镇新华道", "大寺镇王村路", "津静公路")),
        District(
            "120112",
            "津南区",
            (
                "咸水沽镇津沽路",
                "双港镇丽港园路",
                "八里台镇八里台大街",
                "小站镇红旗路",
                "葛沽镇东大街",
            ),
        ),
        District("120113", "北辰区", ("北辰道", "京津路", "双街镇龙洲道", "宜兴埠镇")),
        District(
            "120116",
            "滨海新区",
            (
                "塘沽解放路",
                "塘沽洞庭路",
                "大港世纪大道",
                "汉沽新开中路",
                "新港二号路",
                "中新生态城和畅路",
                "经济技术开发区第三大街",
            ),
        ),
    )
}
# Where people not registered in Tianjin come from (address codes of their home counties).
_ELSEWHERE = ("130102", "130431", "131082", "370102", "371402", "410102", "230103", "340104")

_SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢"
    "蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟"
)
_MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆志国建新海东亮林峰晨"
_FEMALE = "芳娜敏静丽艳娟霞秀玲桂英红梅琳燕萍雪婷慧颖倩洁佳欣蕾雯璐"
# 字号 (trade names), two characters each.
_TRADE_CHARS = (
    "鑫隆恒达泰和顺发华联金穗瑞丰永盛德润宏远海川津港福润嘉禾益民汇通安康新宇百佳众诚"
    "天宝聚源盛世荣昌万家旭日博雅康泰兴业利民润泽佳和宝丰正源同创晟达凯瑞锦华朗润宏泰"
    "和信美林运通中诚启航信达丰泽昊天"
)
_TRADE_NAMES = tuple(_TRADE_CHARS[i : i + 2] for i in range(0, len(_TRADE_CHARS), 2))
_PHONE_PREFIXES = ("139", "138", "136", "135", "137", "159", "186", "158", "131", "177")


@dataclass(frozen=True, slots=True)
class Party:
    """A party as the demo story sees it; `data` is what the services receive."""

    data: PartyData
    district: District
    is_minor: bool = False

    @property
    def name(self) -> str:
        return self.data.name

    @property
    def kind(self) -> str:
        return str(self.data.kind)


class PartyMaker:
    """Makes the parties of one case from its seeded random generator.

    `issued` is shared by the whole load, so a resident ID number is never handed out twice
    (a clash moves to the next sequence code, without drawing again); credit codes carry the
    case's `serial`, so they are unique by construction.
    """

    def __init__(self, rng: random.Random, *, issued: set[str], serial: int) -> None:
        self._rng = rng
        self._ids = issued
        self._serial = serial
        self._organisations = 0

    # People -------------------------------------------------------------------------------

    def person_name(self, *, male: bool | None = None) -> tuple[str, bool]:
        rng = self._rng
        male = rng.random() < 0.6 if male is None else male
        chars = _MALE if male else _FEMALE
        given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
        return rng.choice(_SURNAMES) + given, male

    def phone(self) -> str:
        return f"{self._rng.choice(_PHONE_PREFIXES)}{self._rng.randrange(10**8):08d}"

    def address(self, district: District) -> str:
        rng = self._rng
        street = rng.choice(district.streets)
        return f"天津市{district.name}{street}{rng.randint(1, 420)}号"

    def resident_id(self, *, birth: datetime.date, male: bool, region: str) -> str:
        # STD-11643-3: odd sequence codes for men, even for women.
        start = self._rng.randrange(50, 499)
        for step in range(450):
            sequence = (start + step) % 450 * 2 + 100 + (1 if male else 0)
            first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
            number = first17 + resident_id_check_digit(first17)
            if number not in self._ids:
                self._ids.add(number)
                return number
        raise RuntimeError("no free resident ID number")  # 450 codes a day and place

    def person(
        self,
        district: District,
        *,
        born: tuple[int, int] = (1958, 2003),
        local: float = 0.7,
        male: bool | None = None,
    ) -> Party:
        """An adult (or anyone born in the `born` years) living in `district`."""
        rng = self._rng
        name, male = self.person_name(male=male)
        birth = datetime.date(rng.randint(*born), rng.randint(1, 12), rng.randint(1, 28))
        region = district.code if rng.random() < local else rng.choice(_ELSEWHERE)
        data = PartyData(
            kind=PartyKind.NATURAL_PERSON,
            name=name,
            id_number=self.resident_id(birth=birth, male=male, region=region),
            address=self.address(district),
            phone=self.phone(),
        )
        return Party(data=data, district=district)

    def minor(self, district: District, *, act_on: datetime.date, age: int) -> Party:
        """A person who is `age` years old (周岁) on `act_on` (LAW-APL-30)."""
        rng = self._rng
        name, male = self.person_name()
        # Born between `age + 1` years and `age` years before the act, birthday not on it.
        latest = act_on.replace(year=act_on.year - age) - datetime.timedelta(days=10)
        birth = latest - datetime.timedelta(days=rng.randint(0, 330))
        data = PartyData(
            kind=PartyKind.NATURAL_PERSON,
            name=name,
            id_number=self.resident_id(birth=birth, male=male, region=district.code),
            address=self.address(district),
            phone=self.phone(),
        )
        return Party(data=data, district=district, is_minor=True)

    # Organisations ------------------------------------------------------------------------

    def credit_code(self, *, category: str, region: str) -> str:
        """GB 32100: 9 (工商) + `category` (1 企业, 2 个体工商户) + region + organisation code."""
        self._organisations += 1
        body8 = f"MA{self._serial:04d}{self._organisations:02d}"
        organisation_code = body8 + organisation_code_check_char(body8)
        first17 = f"9{category}{region}{organisation_code}"
        return first17 + credit_code_check_char(first17)

    def trade_name(self) -> str:
        return self._rng.choice(_TRADE_NAMES)

    def company(self, district: District, industry: str, *, trade_name: str = "") -> Party:
        """A company (有限公司) registered in `district`; `industry` ends its name, e.g.
        "商贸有限公司"."""
        trade = trade_name or self.trade_name()
        place = "天津市" if self._rng.random() < 0.5 else f"天津{district.name}"
        representative, _male = self.person_name()
        data = PartyData(
            kind=PartyKind.ORGANISATION,
            name=f"{place}{trade}{industry}",
            credit_code=self.credit_code(category="1", region=district.code),
            legal_representative=representative,
            address=self.address(district),
            phone=f"022-{self._rng.randrange(2000_0000, 8999_9999)}",
        )
        return Party(data=data, district=district)

    def shop(self, district: District, kind: str) -> Party:
        """A 个体工商户 run by a person from the district; `kind` ends its name, e.g. "便利店"."""
        rng = self._rng
        owner = self.person(district, born=(1962, 1998))
        style = rng.random()
        if style < 0.4:
            label = owner.name[0] + "记"
        elif style < 0.7:
            label = self.trade_name()
        else:
            label = rng.choice(("惠民", "好邻居", "老街坊", "百姓", "利群", "家乐"))
        data = PartyData(
            kind=PartyKind.INDIVIDUAL_BUSINESS,
            name=f"天津市{district.name}{label}{kind}",
            credit_code=self.credit_code(category="2", region=district.code),
            legal_representative=owner.name,  # 经营者
            id_number=owner.data.id_number,
            address=self.address(district),
            phone=owner.data.phone,
        )
        return Party(data=data, district=district)
