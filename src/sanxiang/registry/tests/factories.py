"""factory_boy factories for the registry: valid IDs and credit codes by construction."""

from __future__ import annotations

import datetime

import factory

from sanxiang.core.creditcode import credit_code_check_char
from sanxiang.core.identity import resident_id_check_digit
from sanxiang.registry import models as m


def make_resident_id(n: int, *, region: str = "120101", birth: str = "19850312") -> str:
    body = f"{region}{birth}{n % 1000:03d}"
    return body + resident_id_check_digit(body)


def make_credit_code(n: int, *, prefix: str = "11", region: str = "120000") -> str:
    body = f"{prefix}{region}{n:09d}"
    return body + credit_code_check_char(body)


class RegionFactory(factory.django.DjangoModelFactory[m.Region]):
    class Meta:
        model = m.Region
        django_get_or_create = ("code",)

    code = "120000"
    name = "天津市"


class AgencyFactory(factory.django.DjangoModelFactory[m.Agency]):
    class Meta:
        model = m.Agency

    name = factory.Sequence(lambda n: f"测试执法局{n}")
    short_name = factory.Sequence(lambda n: f"津测{n}")
    credit_code = factory.Sequence(lambda n: make_credit_code(n + 1000))
    kind = m.AgencyKind.DEPARTMENT
    region = factory.SubFactory(RegionFactory)


class DepartmentFactory(factory.django.DjangoModelFactory[m.Department]):
    class Meta:
        model = m.Department

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"执法科{n}")


class UserFactory(factory.django.DjangoModelFactory[m.User]):
    class Meta:
        model = m.User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"测试用户{n}")
    role = m.Role.OFFICER
    agency = factory.SubFactory(AgencyFactory)
    department = None
    password = factory.django.Password("demo-pass-2026")


class OfficerFactory(factory.django.DjangoModelFactory[m.Officer]):
    class Meta:
        model = m.Officer

    agency = factory.SubFactory(AgencyFactory)
    department = None
    name = factory.Sequence(lambda n: f"执法员{n}")
    id_number = factory.Sequence(lambda n: make_resident_id(n))
    phone = factory.Sequence(lambda n: f"139{n:08d}")
    position = "科员"


class CertificateFactory(factory.django.DjangoModelFactory[m.Certificate]):
    class Meta:
        model = m.Certificate

    officer = factory.SubFactory(OfficerFactory)
    number = factory.Sequence(lambda n: f"12010{n:06d}")
    field = "市场监管"
    issuing_authority = "天津市人民政府"
    issued_on = datetime.date(2024, 1, 1)
    expires_on = datetime.date(2029, 12, 31)
    status = m.CertificateStatus.VALID


class LawFactory(factory.django.DjangoModelFactory[m.Law]):
    class Meta:
        model = m.Law

    lineage = factory.Sequence(lambda n: f"测试法{n}")
    title = factory.LazyAttribute(lambda o: o.lineage)
    level = m.LawLevel.LAW
    issuer = "全国人民代表大会常务委员会"
    effective_from = datetime.date(2021, 7, 15)


class ProvisionFactory(factory.django.DjangoModelFactory[m.Provision]):
    class Meta:
        model = m.Provision

    law = factory.SubFactory(LawFactory)
    article = factory.Sequence(lambda n: n + 1)
    label = factory.LazyAttribute(lambda o: f"第{o.article}条")
    text = "条文内容。"


class PowerItemFactory(factory.django.DjangoModelFactory[m.PowerItem]):
    class Meta:
        model = m.PowerItem

    agency = factory.SubFactory(AgencyFactory)
    code = factory.Sequence(lambda n: f"CF-{n:04d}")
    name = factory.Sequence(lambda n: f"对违法行为{n}的处罚")
    act_type = m.ActType.PENALTY


class DiscretionStandardFactory(factory.django.DjangoModelFactory[m.DiscretionStandard]):
    class Meta:
        model = m.DiscretionStandard

    power_item = factory.SubFactory(PowerItemFactory)
    code = factory.Sequence(lambda n: f"CL-{n:04d}")
    title = factory.Sequence(lambda n: f"裁量基准{n}")
    effective_from = datetime.date(2022, 1, 1)


class DiscretionTierFactory(factory.django.DjangoModelFactory[m.DiscretionTier]):
    class Meta:
        model = m.DiscretionTier

    standard = factory.SubFactory(DiscretionStandardFactory)
    order = factory.Sequence(lambda n: n + 1)
    level = "一般"
    circumstance = "一般情节"
    fine_min_fen = 100_000
    fine_max_fen = 500_000
    penalty_types = factory.LazyFunction(lambda: [m.PenaltyType.FINE.value])


class RecordingDeviceFactory(factory.django.DjangoModelFactory[m.RecordingDevice]):
    class Meta:
        model = m.RecordingDevice

    agency = factory.SubFactory(AgencyFactory)
    device_type = m.DeviceType.BODY_CAMERA
    serial_number = factory.Sequence(lambda n: f"DSJ-{n:06d}")


class PowerItemBasisFactory(factory.django.DjangoModelFactory[m.PowerItemBasis]):
    class Meta:
        model = m.PowerItemBasis

    power_item = factory.SubFactory(PowerItemFactory)
    provision = factory.SubFactory(ProvisionFactory)
    kind = m.BasisKind.PENALTY


class TrainingRecordFactory(factory.django.DjangoModelFactory[m.TrainingRecord]):
    class Meta:
        model = m.TrainingRecord

    officer = factory.SubFactory(OfficerFactory)
    year = 2026
    hours = 40


class MajorDecisionRuleFactory(factory.django.DjangoModelFactory[m.MajorDecisionRule]):
    class Meta:
        model = m.MajorDecisionRule

    name = factory.Sequence(lambda n: f"重大执法决定{n}")
    trigger = m.MajorDecisionTrigger.HEARING_HELD
    legal_basis = "《中华人民共和国行政处罚法》第五十八条"


def make_supervised_agencies() -> tuple[m.Agency, m.Agency, m.Agency, m.Agency]:
    """A city legal-affairs office over a district office over a bureau, plus an outsider.

    Returns (city office, district office, district bureau, unsupervised agency).
    """
    city = AgencyFactory.create(name="天津市司法局", kind=m.AgencyKind.SUPERVISOR)
    district = AgencyFactory.create(
        name="和平区司法局", kind=m.AgencyKind.SUPERVISOR, supervising_body=city
    )
    bureau = AgencyFactory.create(name="和平区市场监管局", supervising_body=district)
    outsider = AgencyFactory.create(name="河东区市场监管局")
    return city, district, bureau, outsider
