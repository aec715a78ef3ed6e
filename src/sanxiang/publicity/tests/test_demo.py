"""The publicity demo (`publicity.demo`): catalogue, publications through the real services,
a withdrawal, a correction, removals and the 2025 yearly statistics — and what the public sees.

As in `cases/tests/test_demo_cases.py`, the registry demo and a sample of the demo cases are
loaded once for the module, with the publicity demo on top, inside a transaction rolled back at
the end, so the rest of the suite never sees them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings

from sanxiang.cases.demo import load_demo as load_cases_demo
from sanxiang.cases.demo.dates import TODAY
from sanxiang.cases.demo.stories import AGENCY_NAMES
from sanxiang.cases.models import Party
from sanxiang.publicity.access import COLLECTORS, PUBLISHERS, REVIEWERS
from sanxiang.publicity.demo import REPORT_YEAR, PublicityDemoSummary, load_demo
from sanxiang.publicity.models import (
    Delegation,
    DisclosureItem,
    Publication,
    PublicationChange,
    PublicationPolicy,
    PublicationStatus,
    ReportStatus,
    SpotCheckItem,
    Stage,
    YearlyReport,
)
from sanxiang.registry import demo as registry_demo
from sanxiang.registry.models import Agency

pytestmark = pytest.mark.django_db

SAMPLE = 0.35
S = PublicationStatus


@pytest.fixture(scope="module")
def demo(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: Any
) -> Iterator[tuple[PublicityDemoSummary, PublicityDemoSummary]]:
    """Registry demo, a sample of the demo cases and the publicity demo loaded twice (the
    second load must write nothing), once for the module, rolled back at the end."""
    fast_hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    storages = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path_factory.mktemp("private"), "base_url": None},
        },
    }
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=fast_hashers, STORAGES=storages),
        transaction.atomic(),
    ):
        registry_demo.load_demo()
        load_cases_demo(scale=SAMPLE)
        first = load_demo()
        second = load_demo()
        yield first, second
        transaction.set_rollback(True)


def demo_publications() -> Any:
    return Publication.objects.filter(case__external_ref__startswith="demo:")


def test_every_agency_has_a_catalogue_of_all_three_stages_guo_118_04(demo) -> None:
    for name in AGENCY_NAMES.values():
        agency = Agency.objects.get(name=name)
        items = DisclosureItem.objects.filter(agency=agency)
        assert set(items.values_list("stage", flat=True)) == set(Stage.values)
        assert all(i.time_limit and i.channel and i.display_period and i.legal_basis for i in items)
    finance = Agency.objects.get(name="天津市财政局")
    penalty = DisclosureItem.objects.get(agency=finance, item="行政处罚决定")
    assert penalty.time_limit == "作出决定之日起7个工作日内"  # GUO-118-06b
    assert "第四十八条" in penalty.legal_basis
    assert SpotCheckItem.objects.filter(agency=finance, name="会计信息质量检查").exists()
    assert PublicationPolicy.objects.get(agency=finance).strict_days == 7
    # LAW-APL-20: the district governments' delegations, valid on the reference day.
    delegations = Delegation.objects.filter(agency__name="天津市滨海新区人民政府")
    assert delegations.count() == 1
    assert delegations.get().valid_from <= TODAY <= delegations.get().valid_to


def test_demo_publications_went_through_each_step_with_its_responsible_user(demo) -> None:
    first, _second = demo
    rows = demo_publications()
    statuses = set(rows.values_list("status", flat=True))
    assert {S.COLLECTING, S.REVIEWING, S.PUBLISHED, S.WITHDRAWN, S.REMOVED} <= statuses
    published = rows.exclude(published_on__isnull=True).select_related(
        "collected_by", "reviewed_by", "published_by"
    )
    assert published.count() >= rows.count() // 2  # a good share reaches the portal
    for row in published:
        assert row.collected_by.role in COLLECTORS
        assert row.reviewed_by.role in REVIEWERS and row.reviewed_by != row.collected_by
        assert row.published_by.role in PUBLISHERS
        assert row.collected_by.agency_id == row.agency_id == row.published_by.agency_id
        assert row.decided_on < row.published_on <= TODAY
        assert row.published_late == (row.published_on > row.due_on)
        assert row.ledger_index is not None
    assert published.filter(published_late=True).exists()  # the workbench marks lateness
    assert published.filter(published_late=False).count() > published.count() // 2
    assert first.opened == rows.count()


def test_no_published_demo_text_shows_a_persons_id_number_or_phone(demo) -> None:
    texts = "\n".join(
        row.public_title + "\n" + row.public_text
        for row in demo_publications().filter(status=S.PUBLISHED)
    )
    people = Party.objects.filter(case__publication__status=S.PUBLISHED).exclude(id_number="")
    assert people.exists()
    for party in people:
        assert party.id_number not in texts
        if party.phone:
            assert party.phone not in texts
    # 审核: the reviewer unticked the engine's wrong proposals (an article taken for a name).
    assert "第五某" not in texts


def test_one_decision_is_withdrawn_with_its_published_reason_law_apl_48(
    demo, client: Client
) -> None:
    row = demo_publications().get(status=S.WITHDRAWN)
    assert row.withdraw_ground == "revoked" and "行政复议决定" in row.withdraw_reason
    assert row.withdrawn_on is not None and not row.withdrawn_late
    assert row.withdrawn_on <= row.withdraw_due_on
    listing = client.get("/public/withdrawals/").content.decode()
    assert row.withdraw_reason in listing
    page = client.get(f"/public/decisions/{row.pk}/").content.decode()
    assert row.withdraw_reason in page and row.public_text.splitlines()[-1] not in page
    api = client.get("/api/v1/public/decisions", {"q": row.public_title}).json()
    assert row.pk not in [item["id"] for item in api["items"]]


def test_one_correction_keeps_the_first_version_in_the_public_change_log(
    demo, client: Client
) -> None:
    change = PublicationChange.objects.get(publication__in=demo_publications())
    row = change.publication
    assert row.status == S.PUBLISHED and row.version == 2 and change.version == 1
    assert "理由和依据：" in row.public_text and "理由和依据：" not in change.previous_text
    page = client.get(f"/public/decisions/{row.pk}/").content.decode()
    assert change.reason in page and "第五某" not in row.public_text


def test_display_periods_that_ended_are_taken_down_samr_pub_13(demo, client: Client) -> None:
    removed = demo_publications().filter(status=S.REMOVED)
    assert removed.exists()
    for row in removed:
        assert row.short_display and row.display_until < TODAY and row.removed_on == TODAY
        assert client.get(f"/public/decisions/{row.pk}/").status_code == 404
    assert not demo_publications().filter(status=S.PUBLISHED, display_until__lt=TODAY).exists()


def test_the_portal_search_and_open_data_show_the_demo_decisions(demo, client: Client) -> None:
    published = demo_publications().filter(status=S.PUBLISHED)
    api = client.get("/api/v1/public/decisions", {"q": "行政处罚"}).json()
    assert api["total"] >= 1
    assert {item["id"] for item in api["items"]} <= set(published.values_list("pk", flat=True))
    sample = published.order_by("pk").first()
    assert sample is not None
    page = client.get(f"/public/decisions/{sample.pk}/").content.decode()
    assert sample.public_title in page
    data = client.get("/public/open-data/decisions.json")
    body = b"".join(data.streaming_content).decode()  # type: ignore[attr-defined]
    assert sample.public_title in body


def test_the_2025_statistics_are_published_by_31_january_guo_118_06d(demo, client: Client) -> None:
    reports = YearlyReport.objects.filter(year=REPORT_YEAR)
    assert reports.count() == len(AGENCY_NAMES)
    for report in reports:
        assert report.status == ReportStatus.PUBLISHED
        assert report.published_on is not None and report.published_on <= report.due_on
        assert report.reviewed_by is not None and report.reviewed_by.role in PUBLISHERS
    market = reports.get(agency__name="天津市市场监督管理委员会")
    assert market.data["cases_by_act_type"] and market.data["publications"] > 0
    listing = client.get("/public/reports/").content.decode()
    assert "天津市市场监督管理委员会" in listing


def test_a_second_load_changes_nothing(demo) -> None:
    first, second = demo
    assert first.settings.total("created") > 0 and first.advanced > 0
    assert second.settings.changed is False
    assert (second.opened, second.advanced, second.removed) == (0, 0, 0)
    assert second.statuses == first.statuses and second.corrections == first.corrections == 1
    assert "Demo publicity" in second.describe()
