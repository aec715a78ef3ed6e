"""The demo data set (`registry/demo`) and the `sanxiang demo` console command.

The data set is loaded once per module inside a transaction that is rolled back at the end, so
the rest of the suite never sees it; each test runs in its own savepoint on top.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.hashers import check_password
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from sanxiang.core.creditcode import parse_credit_code
from sanxiang.core.identity import parse_resident_id
from sanxiang.registry.demo import ACCOUNTS, DEMO_PASSWORD, DemoSummary, load_demo
from sanxiang.registry.models import (
    ActType,
    Agency,
    AgencyKind,
    BasisKind,
    Certificate,
    CertificateStatus,
    DeviceType,
    DiscretionStandard,
    DiscretionTier,
    FineBasis,
    Law,
    MajorDecisionRule,
    MajorDecisionTrigger,
    Officer,
    PartyScope,
    PenaltyType,
    PowerItem,
    RecordingDevice,
    Region,
    Role,
    TrainingRecord,
    User,
)

pytestmark = pytest.mark.django_db

REFERENCE_DAY = datetime.date(2026, 11, 30)
SUPERVISOR = "天津市司法局"
AGENCIES = {
    "天津市滨海新区人民政府",
    "天津市河北区人民政府",
    "天津市津南区人民政府",
    "天津市市场监督管理委员会",
    "天津市公安局",
    "天津市财政局",
    "天津市生态环境局",
}


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[DemoSummary]:
    """The demo data set, loaded once for this module and rolled back afterwards."""
    # A fast hasher: the loader hashes and checks the demo password.
    fast_hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=fast_hashers),
        transaction.atomic(),
    ):
        yield load_demo()
        transaction.set_rollback(True)


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of every registry model, in primary-key order."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_app_config("registry").get_models()
    }


def certified_officers(agency: Agency) -> int:
    return sum(
        1
        for certificate in Certificate.objects.filter(officer__agency=agency)
        if certificate.is_valid_on(REFERENCE_DAY)
    )


def test_counts_meet_the_issue(demo: DemoSummary) -> None:
    assert set(Agency.objects.values_list("name", flat=True)) == AGENCIES | {SUPERVISOR}
    assert Agency.objects.get(kind=AgencyKind.SUPERVISOR).name == SUPERVISOR
    for agency in Agency.objects.exclude(name=SUPERVISOR):
        assert agency.supervising_body is not None
        assert agency.supervising_body.name == SUPERVISOR  # TJ-SUP-6
        assert 2 <= agency.departments.count() <= 4
        assert agency.departments.filter(is_legal_office=True).count() == 1
    assert Officer.objects.count() >= 80
    assert PowerItem.objects.count() >= 30
    assert DiscretionStandard.objects.count() >= 15
    for standard in DiscretionStandard.objects.all():
        assert 2 <= standard.tiers.count() <= 4, standard
    assert demo.rows(Officer) == Officer.objects.count()


def test_regions_follow_gb_t_2260(demo: DemoSummary) -> None:
    """STD-2260-TJ: 16 current districts under 市辖区, the three former counties kept."""
    assert Region.objects.get(code="120116").name == "滨海新区"
    assert Region.objects.filter(parent_id="120100", is_current=True).count() == 16
    historic = Region.objects.filter(is_current=False)
    assert set(historic.values_list("code", flat=True)) == {"120221", "120223", "120225"}


def test_resident_ids_and_credit_codes_validate(demo: DemoSummary) -> None:
    """STD-11643-1..4 and STD-32100-1..4: synthetic but valid numbers."""
    address_codes = set()
    for officer in Officer.objects.all():
        parsed = parse_resident_id(officer.id_number)  # raises when invalid
        assert 1965 <= parsed.birth_date.year <= 1998
        assert parsed.region_code.startswith("12")
        address_codes.add(parsed.region_code)
    assert address_codes & {"120221", "120223", "120225"}  # historic codes still valid
    names = set(Officer.objects.values_list("name", flat=True))
    assert "阿依古丽·买买提" in names
    assert any(name.startswith(("欧阳", "司马", "上官")) for name in names)
    for agency in Agency.objects.all():
        code = parse_credit_code(agency.credit_code)
        assert code.warnings == ()
        assert (code.department_code, code.category_code) == ("1", "1")  # 机构编制 · 机关
        assert code.region_code == agency.region_id


def test_certificates_include_expired_suspended_and_revoked(demo: DemoSummary) -> None:
    certificates = list(Certificate.objects.all())
    statuses = [certificate.status_on(REFERENCE_DAY) for certificate in certificates]
    assert statuses.count(CertificateStatus.EXPIRED) >= 3
    assert statuses.count(CertificateStatus.SUSPENDED) == 2
    assert statuses.count(CertificateStatus.REVOKED) == 1
    for certificate in certificates:
        assert certificate.number.startswith("12")
        assert certificate.issuing_authority == "天津市人民政府"
        if certificate.status == CertificateStatus.EXPIRED:
            assert certificate.expires_on < REFERENCE_DAY  # and stays expired
    # The officers behind demo accounts can act (LAW-APL-42).
    for officer in Officer.objects.filter(user__isnull=False):
        assert any(c.is_valid_on(REFERENCE_DAY) for c in officer.certificates.all()), officer


def test_legal_reviewers_meet_five_percent_except_one_agency(demo: DemoSummary) -> None:
    """GUO-118-11: reviewers ≥ ceil(5% of certified officers); 河北区 is short on purpose."""
    short = set()
    for agency in Agency.objects.exclude(name=SUPERVISOR):
        reviewers = Officer.objects.filter(
            agency=agency, department__is_legal_office=True, has_legal_qualification=True
        ).count()
        if reviewers < math.ceil(0.05 * certified_officers(agency)):
            short.add(agency.name)
    assert short == {"天津市河北区人民政府"}


def test_training_hours_for_two_years_some_below_forty(demo: DemoSummary) -> None:
    """TJ-SUP-10: at least 40 hours a year; a few officers fall short."""
    assert TrainingRecord.objects.count() == 2 * Officer.objects.count()
    assert set(TrainingRecord.objects.values_list("year", flat=True)) == {2025, 2026}
    short = TrainingRecord.objects.filter(year=2026, hours__lt=40).count()
    assert 1 <= short < Officer.objects.count() // 10


def test_device_ratio_and_monitoring_review(demo: DemoSummary) -> None:
    below = set()
    for agency in Agency.objects.exclude(name=SUPERVISOR):
        portable = agency.devices.exclude(device_type=DeviceType.FIXED_MONITORING).count()
        if portable * 4 < agency.officers.count():
            below.add(agency.name)
    assert below == {"天津市津南区人民政府"}
    fixed = RecordingDevice.objects.filter(device_type=DeviceType.FIXED_MONITORING)
    assert set(fixed.values_list("agency__name", flat=True)) == {"天津市公安局"}
    # LAW-APL-41: one device lacks the technical review, so it cannot serve as evidence.
    assert [device.review_passed for device in fixed].count(False) == 1


def test_laws_are_versioned(demo: DemoSummary) -> None:
    """LAW-APL-37 / LAW-APL-86: the 2017 penalty law ends the day before the 2021 one starts."""
    old, new = Law.objects.filter(lineage="中华人民共和国行政处罚法").order_by("effective_from")
    assert old.effective_to == datetime.date(2021, 7, 14)
    assert new.effective_from == datetime.date(2021, 7, 15) and new.effective_to is None
    assert old.provisions.get(article=33).text.startswith("违法事实确凿并有法定依据")
    security = Law.objects.filter(lineage="中华人民共和国治安管理处罚法")
    assert [law.is_in_force_on(REFERENCE_DAY) for law in security.order_by("effective_from")] == [
        False,
        True,
    ]


def test_every_power_item_has_a_current_legal_basis(demo: DemoSummary) -> None:
    items = PowerItem.objects.prefetch_related("basis_links__provision__law")
    assert {item.act_type for item in items} >= {
        ActType.PENALTY,
        ActType.INSPECTION,
        ActType.LICENSING,
        ActType.COERCION,
        ActType.LEVY,
    }
    for item in items:
        links = list(item.basis_links.all())
        assert links, item
        assert item.responsibility and item.accountability
        for link in links:
            assert link.provision.law.is_in_force_on(REFERENCE_DAY), (item, link)
        if item.act_type == ActType.PENALTY:
            assert any(link.kind == BasisKind.PENALTY for link in links), item


def test_discretion_tiers_stay_inside_the_law(demo: DemoSummary) -> None:
    for standard in DiscretionStandard.objects.prefetch_related("tiers"):
        assert standard.power_item.act_type == ActType.PENALTY
        assert standard.mitigating_factors and standard.aggravating_factors
        for tier in standard.tiers.all():
            tier.full_clean()  # ordered range, known penalty types
            if tier.fine_min_fen is not None:
                assert PenaltyType.FINE in tier.penalty_types


def test_fines_by_multiple_detention_and_party_use_their_fields(demo: DemoSummary) -> None:
    """Multiples are no longer hidden in 其他处罚; one tier, one basis; 行政拘留 in days."""
    tiers = DiscretionTier.objects.select_related("standard")
    for tier in tiers:
        assert "倍以上" not in tier.other_penalties and "日以上" not in tier.other_penalties, tier
        if tier.fine_basis != FineBasis.FIXED:
            assert tier.fine_min_fen is None and tier.fine_max_fen is None, tier
            assert PenaltyType.FINE in tier.penalty_types, tier
        if tier.detention_days_max is not None:
            assert PenaltyType.DETENTION in tier.penalty_types, tier
            assert tier.party_scope == PartyScope.NATURAL_PERSON, tier
    # 食品安全法第一百二十四条: under 一万元 a fixed range, from 一万元 10 to 20 times the value.
    food = tiers.filter(standard__code="120000-SJ-CL-001").order_by("order")
    assert [(t.fine_basis, t.fine_min_multiple, t.fine_max_multiple) for t in food][2:] == [
        (FineBasis.FIXED, None, None),
        (FineBasis.GOODS_VALUE, 10, 20),
    ]
    assert {t.fine_basis for t in tiers} >= {
        FineBasis.GOODS_VALUE,
        FineBasis.ADVERTISING_FEE,
        FineBasis.ILLEGAL_GAINS,
        FineBasis.INVESTMENT,
    }
    # 固体废物污染环境防治法第一百一十一条第二款 fines 个人 and 单位 differently.
    waste = tiers.filter(standard__code="120116-BH-CL-002").order_by("order")
    assert [t.party_scope for t in waste] == [
        PartyScope.NATURAL_PERSON,
        PartyScope.ORGANISATION,
        PartyScope.ORGANISATION,
    ]
    assert tiers.filter(detention_days_max=15).count() == 2  # 治安管理处罚法 十五日以下


def test_default_major_decision_catalogue(demo: DemoSummary) -> None:
    """LAW-APL-58, GUO-118-12, TJ-SUP-14, GUO-14-04."""
    default = MajorDecisionRule.objects.filter(agency__isnull=True)
    assert set(default.exclude(penalty_type="").values_list("penalty_type", flat=True)) == {
        PenaltyType.SUSPEND_BUSINESS,
        PenaltyType.REVOKE_LICENCE,
        PenaltyType.ORDER_CLOSURE,
        PenaltyType.RESTRICT_PRACTICE,
    }
    amount = default.get(trigger=MajorDecisionTrigger.AMOUNT)
    assert amount.amount_fen is None  # the hearing threshold (TJ-SUP-14)
    assert set(default.values_list("trigger", flat=True)) >= {
        MajorDecisionTrigger.HEARING_HELD,
        MajorDecisionTrigger.PUBLIC_INTEREST,
        MajorDecisionTrigger.COMPLEX,
        MajorDecisionTrigger.SUSPECTED_CRIME,
        MajorDecisionTrigger.DISCRETION_OUTSIDE,
    }
    before_filing = MajorDecisionRule.objects.get(trigger=MajorDecisionTrigger.BEFORE_FILING)
    assert before_filing.agency is not None and before_filing.agency.name == "天津市生态环境局"
    assert MajorDecisionRule.objects.filter(
        trigger=MajorDecisionTrigger.ALL_GENERAL_PROCEDURE, agency__isnull=False
    ).exists()


def test_every_role_has_an_account(demo: DemoSummary) -> None:
    users = User.objects.filter(username__in=[spec.username for spec in ACCOUNTS])
    assert set(users.values_list("role", flat=True)) == set(Role.values)
    for user in users:
        assert check_password(DEMO_PASSWORD, user.password)
        assert user.is_superuser == user.is_staff == (user.role == Role.ADMINISTRATOR)
    officer = Officer.objects.get(user__username="officer")
    assert officer.agency.name == "天津市市场监督管理委员会"
    assert Officer.objects.get(user__username="reviewer").has_legal_qualification
    assert (
        Officer.objects.get(user__username="officer_jinnan").agency.name == "天津市津南区人民政府"
    )
    supervisor = User.objects.get(username="supervisor")
    assert supervisor.agency is not None and supervisor.agency.name == SUPERVISOR


def test_loading_twice_changes_nothing(demo: DemoSummary) -> None:
    before = snapshot()
    again = load_demo()
    assert not again.changed, again.describe()
    assert again.total("unchanged") == demo.total("created") + demo.total("unchanged")
    assert snapshot() == before


def test_reload_resets_a_changed_demo_password(demo: DemoSummary) -> None:
    user = User.objects.get(username="officer")
    user.set_password("changed-by-the-user")
    user.save(update_fields=["password"])
    summary = load_demo()
    assert summary.total("updated") == 1
    user.refresh_from_db()
    assert check_password(DEMO_PASSWORD, user.password)


def test_command_accounts_prints_the_table_and_changes_nothing(demo: DemoSummary) -> None:
    before = snapshot()
    out = StringIO()
    call_command("demo", "--accounts", stdout=out)
    output = out.getvalue()
    assert "Demo data" not in output
    for spec in ACCOUNTS:
        assert spec.username in output
    assert output.count(DEMO_PASSWORD) == len(ACCOUNTS)
    assert snapshot() == before


def test_command_loads_then_prints_the_table(demo: DemoSummary) -> None:
    out = StringIO()
    call_command("demo", "--app", "registry", stdout=out)
    output = out.getvalue()
    assert "0 created, 0 updated" in output
    assert "天津市市场监督管理委员会" in output and DEMO_PASSWORD in output
