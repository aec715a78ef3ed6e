"""The publication lifecycle: 采集 → 审核 → 发布, withdrawal, correction, removal, ledger."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.ledger.models import LedgerEntry
from sanxiang.ledger.sources import leaf_sources
from sanxiang.publicity import services
from sanxiang.publicity.ledger_leaves import PUBLICATION_KIND, WITHDRAWAL_KIND
from sanxiang.publicity.models import PublicationPolicy, PublicationStatus
from sanxiang.publicity.search import Filters, search_published
from sanxiang.publicity.tests.factories import (
    SECRET_ADDRESS,
    SECRET_ID,
    SECRET_NAME,
    SECRET_PHONE,
    decided_case,
    make_staff,
    open_publication,
    publish,
)

pytestmark = pytest.mark.django_db
D = datetime.date
S = PublicationStatus


def _search(q: str) -> list[int]:
    return [row.pk for row in search_published(query=q, filters=Filters()).items]


def test_collect_opens_publications_due_in_7_or_20_working_days_guo_118_06a_06b() -> None:
    staff = make_staff()
    penalty = decided_case(staff, decided_on=D(2025, 3, 3))
    lenient = decided_case(staff, decided_on=D(2025, 3, 3), outcome="no_penalty")
    licence = decided_case(staff, decided_on=D(2025, 3, 3), act_type="licensing")
    assert services.publications_collect() == 3
    assert services.publications_collect() == 0  # idempotent
    assert penalty.publication.due_on == D(2025, 3, 12)
    assert penalty.publication.due_rule == "GUO-118-06b"
    assert licence.publication.due_on == D(2025, 3, 12)
    assert lenient.publication.due_rule == "GUO-118-06a"
    assert lenient.publication.due_on == D(2025, 3, 31)


def test_full_flow_records_each_responsible_user_and_masks_personal_data() -> None:
    staff = make_staff()
    row = publish(staff, open_publication(staff))
    assert row.status == S.PUBLISHED
    assert (row.collected_by, row.reviewed_by, row.published_by) == (
        staff.officer,
        staff.reviewer,
        staff.head,
    )
    assert row.final_masks
    public = row.public_title + row.public_text
    for secret in (SECRET_NAME, SECRET_ID, SECRET_PHONE, SECRET_ADDRESS):
        assert secret not in public
    assert "欧阳某" in public or "欧某" in public
    assert row.ledger_index is not None
    assert not row.published_late


def test_reviewer_sees_proposals_and_may_remove_and_add_masks() -> None:
    staff = make_staff()
    row = services.publication_submit(publication=open_publication(staff), actor=staff.officer)
    labels = {m["label"] for m in row.proposed_masks}
    assert {"ID_CARD", "PHONE"} <= labels
    document = row.source_title + "\n" + row.source_text
    phone = next(i for i, m in enumerate(row.proposed_masks) if m["label"] == "PHONE")
    keep = [i for i in range(len(row.proposed_masks)) if i != phone]
    row = services.publication_approve(
        publication=row, actor=staff.reviewer, keep_indexes=keep, added_fragments=["保质期"]
    )
    assert SECRET_PHONE in row.public_text  # the reviewer removed that mask on purpose
    assert "保质期" not in row.public_text
    assert "保质期" in document
    assert any(m["label"] == "MANUAL" for m in row.final_masks)


def test_collector_may_not_approve_own_publication() -> None:
    staff = make_staff()
    row = services.publication_submit(publication=open_publication(staff), actor=staff.head)
    with pytest.raises(ApplicationError) as exc:
        services.publication_approve(publication=row, actor=staff.head, keep_indexes=[])
    assert exc.value.code == "publicity.same_person"


def test_an_officer_may_not_approve_or_publish() -> None:
    staff = make_staff()
    row = services.publication_submit(publication=open_publication(staff), actor=staff.officer)
    with pytest.raises(PermissionDeniedError):
        services.publication_approve(publication=row, actor=staff.officer, keep_indexes=[])
    row = services.publication_approve(publication=row, actor=staff.reviewer, keep_indexes=[0])
    with pytest.raises(PermissionDeniedError):
        services.publication_publish(publication=row, actor=staff.reviewer)


def test_publishing_after_the_deadline_is_marked_late_guo_118_06b() -> None:
    staff = make_staff()
    row = publish(staff, open_publication(staff, decided_on=D(2025, 3, 3)), on=D(2025, 3, 13))
    assert row.published_late
    assert not open_publication(staff).is_overdue(D(2025, 3, 12))
    assert open_publication(staff).is_overdue(D(2025, 3, 13))


def test_party_name_is_published_only_when_the_agency_says_so_samr_pub_4() -> None:
    staff = make_staff()
    PublicationPolicy.objects.create(agency=staff.agency, publish_party_name=True)
    row = publish(staff, open_publication(staff))
    assert SECRET_NAME in row.public_text
    assert SECRET_ID not in row.public_text


def test_removal_at_the_end_of_the_display_period_samr_pub_13() -> None:
    staff = make_staff()
    short = publish(staff, open_publication(staff, fine_fen=100_000), on=D(2025, 3, 5))
    long = publish(staff, open_publication(staff, fine_fen=5_000_000), on=D(2025, 3, 5))
    assert short.display_until == D(2025, 6, 5)
    assert long.display_until == D(2028, 3, 5)
    assert short.pk in _search("保质期的食品")
    assert services.publications_remove_expired(on=D(2025, 6, 5)) == 0
    assert services.publications_remove_expired(on=D(2025, 6, 6)) == 1
    short.refresh_from_db()
    assert short.status == S.REMOVED
    assert short.removed_on == D(2025, 6, 6)
    assert _search("保质期的食品") == [long.pk]


def test_withdrawal_within_3_working_days_with_published_reason_law_apl_48() -> None:
    staff = make_staff()
    row = publish(staff, open_publication(staff), on=D(2025, 3, 5))
    row = services.publication_withdrawal_require(
        publication=row,
        actor=staff.reviewer,
        ground="revoked",
        decision_changed_on=D(2025, 3, 7),
    )
    assert row.withdraw_due_on == D(2025, 3, 12)
    assert row.is_withdrawal_overdue(D(2025, 3, 13))
    with pytest.raises(ApplicationError) as exc:
        services.publication_withdraw(publication=row, actor=staff.head, reason=" ")
    assert exc.value.code == "publicity.withdrawal_reason"
    row = services.publication_withdraw(
        publication=row, actor=staff.head, reason="复议机关撤销原处罚决定", on=D(2025, 3, 13)
    )
    assert row.status == S.WITHDRAWN
    assert row.withdrawn_late
    assert row.withdrawal_ledger_index is not None
    assert _search("保质期的食品") == []


def test_correction_keeps_a_change_log_and_a_new_ledger_leaf() -> None:
    staff = make_staff()
    row = publish(staff, open_publication(staff), on=D(2025, 3, 5))
    first_text, first_index = row.public_text, row.ledger_index
    row = services.publication_correct(
        publication=row,
        actor=staff.head,
        reason="更正罚款金额",
        source_text=row.source_text.replace("伍仟元", "肆仟元") + "\n（已更正）",
    )
    assert row.version == 2
    assert row.ledger_index != first_index
    change = row.changes.get()
    assert (change.version, change.reason, change.previous_text) == (1, "更正罚款金额", first_text)
    assert "（已更正）" in row.public_text
    assert SECRET_ID not in row.public_text
    assert _search("已更正") == [row.pk]


def test_ledger_leaves_rebuild_to_the_logged_payloads() -> None:
    staff = make_staff()
    row = publish(staff, open_publication(staff), on=D(2025, 3, 5))
    services.publication_withdraw(
        publication=row, actor=staff.head, reason="决定被确认无效", ground="void"
    )
    sources = leaf_sources()
    for kind in (PUBLICATION_KIND, WITHDRAWAL_KIND):
        entry = LedgerEntry.objects.filter(kind=kind, ref=str(row.pk)).latest("index")
        rebuilt = sources[kind].rebuild(str(row.pk))
        assert rebuilt is not None
        assert f'"publication":{row.pk}'.encode() in bytes(entry.entry)
        assert list(sources[kind].list_refs()) == [str(row.pk)]  # type: ignore[misc]


def test_publishing_and_searching_work_with_debug_on(settings, client) -> None:
    """`make run` serves with DEBUG on: Django's debug cursor logs every statement, and the
    search must still answer (it once failed there on the SQLite index's own placeholders)."""
    settings.DEBUG = True
    staff = make_staff()
    row = publish(staff, open_publication(staff))
    assert _search("行政处罚") == [row.pk]
    response = client.get("/api/v1/public/decisions", {"q": "罚款", "page": 1})
    assert response.status_code == 200
    assert response.json()["total"] >= 0
