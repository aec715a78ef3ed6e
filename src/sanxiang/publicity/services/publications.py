"""Publication of enforcement decisions: 采集 → 审核 → 发布, withdrawal, correction, removal.

Every service is atomic, locks the publication row and checks its state again under the lock.
Publishing and correcting append a `publicity.publication` ledger leaf, withdrawing a
`publicity.withdrawal` leaf, in the same transaction (docs/ledger.md).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.cases.choices import DecisionOutcome
from sanxiang.cases.models import Case
from sanxiang.core.errors import ApplicationError
from sanxiang.ledger.services import ledger_append
from sanxiang.publicity import deadlines, masking
from sanxiang.publicity.access import COLLECTORS, PUBLISHERS, REVIEWERS, require_role
from sanxiang.publicity.ledger_leaves import (
    PUBLICATION_KIND,
    WITHDRAWAL_KIND,
    publication_payload,
    withdrawal_payload,
)
from sanxiang.publicity.models import (
    Publication,
    PublicationChange,
    PublicationPolicy,
    PublicationStatus,
    WithdrawalGround,
)
from sanxiang.publicity.search import index_add, index_remove
from sanxiang.publicity.texts import SourceText, case_source_text
from sanxiang.registry.models import Agency, User

__all__ = [
    "policy_for",
    "proposed_masks",
    "publication_approve",
    "publication_correct",
    "publication_create_for_case",
    "publication_publish",
    "publication_return",
    "publication_submit",
    "publication_withdraw",
    "publication_withdrawal_require",
    "publications_collect",
    "publications_remove_expired",
]

S = PublicationStatus
SEPARATOR = "\n"


def policy_for(agency: Agency | int) -> PublicationPolicy:
    """The agency's publication policy, or an unsaved one holding the defaults."""
    agency_id = agency if isinstance(agency, int) else agency.pk
    policy = PublicationPolicy.objects.filter(agency_id=agency_id).first()
    return policy or PublicationPolicy(agency_id=agency_id)


def _document(title: str, text: str) -> str:
    # Masks cover title and text together: the title names the party too.
    return title + SEPARATOR + text


def _split(document: str) -> tuple[str, str]:
    title, _sep, text = document.partition(SEPARATOR)
    return title, text


def _lock(publication: Publication) -> Publication:
    return (
        Publication.objects.select_for_update()
        .select_related("agency", "case")
        .get(pk=publication.pk)
    )


def _refuse_state(publication: Publication, *allowed: str) -> None:
    if publication.status not in allowed:
        raise ApplicationError(
            _("The publication is %(status)s: this step is not possible now.")
            % {"status": publication.get_status_display()},
            code="publicity.wrong_state",
            extra={"status": publication.status},
        )


def _decided_on(case: Case) -> datetime.date | None:
    decision = getattr(case, "decision", None)
    if decision is not None:
        return decision.decided_on
    act_result = getattr(case, "act_result", None)
    return act_result.decided_on if act_result is not None else None


@transaction.atomic
def publication_create_for_case(*, case: Case) -> Publication | None:
    """Open the publication of a decided case, due in 7 or 20 working days (GUO-118-06a/b).

    Returns None when the case has nothing to publish (no decision yet, a transfer or a
    dismissal) or already has a publication.
    """
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if Publication.objects.filter(case=locked).exists():
        return None
    decided_on = _decided_on(locked)
    source = case_source_text(locked)
    if decided_on is None or source is None:
        return None
    policy = policy_for(locked.agency_id)
    due = deadlines.publication_due(
        act_type=locked.act_type,
        is_penalty=source.is_penalty,
        decided_on=decided_on,
        strict_days=policy.strict_days,
        general_days=policy.general_days,
    )
    short = deadlines.is_short_display(
        penalty_types=source.penalty_types,
        fine_fen=source.amount_fen,
        low_fine_fen=policy.low_fine_fen,
    )
    return Publication.objects.create(
        case=locked,
        agency_id=locked.agency_id,
        act_type=locked.act_type,
        category=source.category,
        decided_on=decided_on,
        due_on=due.on,
        due_rule=due.rule,
        amount_fen=source.amount_fen,
        short_display=short,
        source_title=source.title[:255],
        source_text=source.text,
    )


def publications_collect() -> int:
    """Open a publication for every decided case that has none yet (the periodic hook).

    Finds penalty decisions with the outcome penalty or no penalty and the recorded results of
    other acts; each is opened in its own transaction. Returns how many were opened.
    """
    decided = Q(
        decision__decided_on__isnull=False,
        decision__outcome__in=[DecisionOutcome.PENALTY, DecisionOutcome.NO_PENALTY],
    ) | Q(act_result__isnull=False)
    pending = Case.objects.filter(decided, publication__isnull=True).values_list("pk", flat=True)
    opened = 0
    for pk in list(pending):
        if publication_create_for_case(case=Case.objects.get(pk=pk)) is not None:
            opened += 1
    return opened


def proposed_masks(
    publication: Publication, source: SourceText | None, *, document: str | None = None
) -> list[masking.Mask]:
    """The masks the redaction engine proposes over `document` (by default the publication's
    title and source text), keeping the officers' names and, where the agency's policy says
    so, the party's name. Reads only: 采集 and corrections store the result."""
    policy = policy_for(publication.agency_id)
    keep = list(source.officer_names) if source else []
    parties = source.parties if source else []
    if policy.publish_party_name:
        # SAMR-PUB-4: the agency publishes the party's name (当事人基本情况).
        keep.extend(p.name for p in parties if p.name)
    if document is None:
        document = _document(publication.source_title, publication.source_text)
    return masking.propose_masks(document, parties=parties, keep=keep)


@transaction.atomic
def publication_submit(
    *, publication: Publication, actor: User, source_title: str = "", source_text: str = ""
) -> Publication:
    """采集: the collector checks (and may edit) the source text and sends it to review.

    The redaction engine proposes the masks now; the reviewer sees them highlighted.
    """
    require_role(actor, COLLECTORS, code="publicity.not_collector")
    row = _lock(publication)
    _refuse_state(row, S.COLLECTING)
    if source_title.strip():
        row.source_title = source_title.strip()[:255]
    if source_text.strip():
        row.source_text = source_text.strip()
    row.proposed_masks = proposed_masks(row, case_source_text(row.case))
    row.status = S.REVIEWING
    row.collected_by = actor
    row.collected_at = timezone.now()
    row.save(
        update_fields=[
            "source_title",
            "source_text",
            "proposed_masks",
            "status",
            "collected_by",
            "collected_at",
        ]
    )
    return row


def _final_masks(
    document: str,
    proposed: Sequence[masking.Mask],
    *,
    keep_indexes: Sequence[int],
    added_fragments: Sequence[str],
) -> list[masking.Mask]:
    chosen = [proposed[i] for i in sorted(set(keep_indexes)) if 0 <= i < len(proposed)]
    added = masking.masks_for_fragments(
        document, [("MANUAL", f) for f in added_fragments if f.strip()]
    )
    return masking.merge_masks([*chosen, *added])


@transaction.atomic
def publication_approve(
    *,
    publication: Publication,
    actor: User,
    keep_indexes: Sequence[int],
    added_fragments: Sequence[str] = (),
) -> Publication:
    """审核: a reviewer other than the collector approves the masks and the public text.

    `keep_indexes` are the proposed masks kept (the others are removed), `added_fragments`
    texts to mask in addition, wherever they occur. Records the final masks and the approver.
    """
    require_role(actor, REVIEWERS, code="publicity.not_reviewer")
    row = _lock(publication)
    _refuse_state(row, S.REVIEWING)
    if row.collected_by_id == actor.pk:
        raise ApplicationError(
            _("The collector of a publication may not also approve it."),
            code="publicity.same_person",
        )
    document = _document(row.source_title, row.source_text)
    row.final_masks = _final_masks(
        document, row.proposed_masks, keep_indexes=keep_indexes, added_fragments=added_fragments
    )
    row.public_title, row.public_text = _split(masking.apply_masks(document, row.final_masks))
    row.status = S.APPROVED
    row.reviewed_by = actor
    row.reviewed_at = timezone.now()
    row.save(
        update_fields=[
            "final_masks",
            "public_title",
            "public_text",
            "status",
            "reviewed_by",
            "reviewed_at",
        ]
    )
    return row


@transaction.atomic
def publication_return(*, publication: Publication, actor: User) -> Publication:
    """审核 refused: the text goes back to the collector."""
    require_role(actor, REVIEWERS, code="publicity.not_reviewer")
    row = _lock(publication)
    _refuse_state(row, S.REVIEWING, S.APPROVED)
    row.status = S.COLLECTING
    row.proposed_masks = []
    row.save(update_fields=["status", "proposed_masks"])
    return row


def _display_until(row: Publication, published_on: datetime.date) -> datetime.date:
    policy = policy_for(row.agency_id)
    months = deadlines.display_months(
        act_type=row.act_type,
        short=row.short_display,
        short_months=policy.short_display_months,
        long_months=policy.long_display_months,
        other_months=policy.other_display_months,
    )
    return deadlines.add_months(published_on, months)


@transaction.atomic
def publication_publish(
    *, publication: Publication, actor: User, on: datetime.date | None = None
) -> Publication:
    """发布: make the approved public text visible on the portal, feeds and open data.

    Records the publisher, whether the 7/20-working-day deadline was missed (GUO-118-06a/b),
    the end of the display period (SAMR-PUB-13), and logs the publication in the ledger.
    """
    require_role(actor, PUBLISHERS, code="publicity.not_publisher")
    row = _lock(publication)
    _refuse_state(row, S.APPROVED)
    on = on or timezone.localdate()
    row.status = S.PUBLISHED
    row.published_by = actor
    row.published_on = on
    row.published_late = on > row.due_on
    row.display_until = _display_until(row, on)
    row.version = 1
    entry = ledger_append(kind=PUBLICATION_KIND, ref=str(row.pk), payload=publication_payload(row))
    row.ledger_index = entry.index
    row.save(
        update_fields=[
            "status",
            "published_by",
            "published_on",
            "published_late",
            "display_until",
            "version",
            "ledger_index",
        ]
    )
    index_add(row)
    return row


@transaction.atomic
def publication_withdrawal_require(
    *,
    publication: Publication,
    actor: User,
    ground: WithdrawalGround | str,
    decision_changed_on: datetime.date,
) -> Publication:
    """Start the 3-working-day withdrawal clock (LAW-APL-48, SAMR-PUB-11, GUO-118-06c).

    Staff call this when the published decision is changed, revoked, confirmed illegal or void
    (by the agency itself, reconsideration or a court): the case app records no such state.
    """
    require_role(actor, COLLECTORS | REVIEWERS, code="publicity.not_staff")
    row = _lock(publication)
    _refuse_state(row, S.PUBLISHED)
    if ground not in WithdrawalGround.values:
        raise ApplicationError(
            _("Choose why the decision is withdrawn."),
            code="publicity.withdrawal_ground",
            extra={"fields": {"ground": [_("Unknown ground.")]}},
        )
    policy = policy_for(row.agency_id)
    row.withdraw_ground = str(ground)
    row.withdraw_started_on = decision_changed_on
    row.withdraw_due_on = deadlines.withdrawal_due(
        started_on=decision_changed_on, days=policy.withdraw_days
    ).on
    row.save(update_fields=["withdraw_ground", "withdraw_started_on", "withdraw_due_on"])
    return row


@transaction.atomic
def publication_withdraw(
    *,
    publication: Publication,
    actor: User,
    reason: str,
    ground: WithdrawalGround | str | None = None,
    decision_changed_on: datetime.date | None = None,
    on: datetime.date | None = None,
) -> Publication:
    """Withdraw a published decision and publish the reason (LAW-APL-48, SAMR-PUB-11).

    The text leaves the portal, the search, the feeds and the open data; a notice with the
    public title, the ground and `reason` stays. Marked late when done after the 3-working-day
    deadline. Logs a `publicity.withdrawal` leaf.
    """
    require_role(actor, PUBLISHERS, code="publicity.not_publisher")
    on = on or timezone.localdate()
    if not reason.strip():
        raise ApplicationError(
            _("A withdrawal needs a reason, which is published (LAW-APL-48)."),
            code="publicity.withdrawal_reason",
            extra={"fields": {"reason": [_("Give the reason.")]}},
        )
    row = _lock(publication)
    _refuse_state(row, S.PUBLISHED)
    if row.withdraw_due_on is None:
        if not ground or ground not in WithdrawalGround.values:
            raise ApplicationError(
                _("Choose why the decision is withdrawn."),
                code="publicity.withdrawal_ground",
                extra={"fields": {"ground": [_("Unknown ground.")]}},
            )
        row.withdraw_ground = str(ground)
        row.withdraw_started_on = decision_changed_on or on
        row.withdraw_due_on = deadlines.withdrawal_due(
            started_on=row.withdraw_started_on, days=policy_for(row.agency_id).withdraw_days
        ).on
    index_remove(row, title=row.public_title, text=row.public_text)
    row.status = S.WITHDRAWN
    row.withdrawn_on = on
    row.withdrawn_by = actor
    row.withdrawn_late = on > row.withdraw_due_on
    row.withdraw_reason = reason.strip()
    entry = ledger_append(kind=WITHDRAWAL_KIND, ref=str(row.pk), payload=withdrawal_payload(row))
    row.withdrawal_ledger_index = entry.index
    row.save(
        update_fields=[
            "status",
            "withdrawn_on",
            "withdrawn_by",
            "withdrawn_late",
            "withdraw_reason",
            "withdraw_ground",
            "withdraw_started_on",
            "withdraw_due_on",
            "withdrawal_ledger_index",
        ]
    )
    return row


@transaction.atomic
def publication_correct(
    *,
    publication: Publication,
    actor: User,
    reason: str,
    source_text: str,
    source_title: str = "",
    removed_indexes: Sequence[int] = (),
    added_fragments: Sequence[str] = (),
    on: datetime.date | None = None,
) -> Publication:
    """Correct a published text; the previous public version stays in the public change log.

    The engine proposes masks on the corrected text; the correcting reviewer removes or adds
    masks as in 审核 and is recorded as approver. A new ledger leaf logs the new version.
    """
    require_role(actor, PUBLISHERS, code="publicity.not_publisher")
    if not reason.strip():
        raise ApplicationError(
            _("A correction needs a reason, which is published."),
            code="publicity.correction_reason",
            extra={"fields": {"reason": [_("Give the reason.")]}},
        )
    row = _lock(publication)
    _refuse_state(row, S.PUBLISHED)
    on = on or timezone.localdate()
    PublicationChange.objects.create(
        publication=row,
        version=row.version,
        changed_on=on,
        reason=reason.strip(),
        previous_title=row.public_title,
        previous_text=row.public_text,
        changed_by=actor,
    )
    index_remove(row, title=row.public_title, text=row.public_text)
    row.source_title = (source_title.strip() or row.source_title)[:255]
    row.source_text = source_text.strip() or row.source_text
    row.proposed_masks = proposed_masks(row, case_source_text(row.case))
    keep = [i for i in range(len(row.proposed_masks)) if i not in set(removed_indexes)]
    document = _document(row.source_title, row.source_text)
    row.final_masks = _final_masks(
        document, row.proposed_masks, keep_indexes=keep, added_fragments=added_fragments
    )
    row.public_title, row.public_text = _split(masking.apply_masks(document, row.final_masks))
    row.reviewed_by = actor
    row.reviewed_at = timezone.now()
    row.version += 1
    entry = ledger_append(kind=PUBLICATION_KIND, ref=str(row.pk), payload=publication_payload(row))
    row.ledger_index = entry.index
    row.save()
    index_add(row)
    return row


def publications_remove_expired(*, on: datetime.date) -> int:
    """Take down every publication whose display period ended before `on` (SAMR-PUB-13).

    Each row is locked and checked again; returns how many were removed.
    """
    expired = Publication.objects.filter(status=S.PUBLISHED, display_until__lt=on)
    removed = 0
    for pk in list(expired.values_list("pk", flat=True)):
        with transaction.atomic():
            row = Publication.objects.select_for_update().get(pk=pk)
            if row.status != S.PUBLISHED or row.display_until is None or row.display_until >= on:
                continue
            index_remove(row, title=row.public_title, text=row.public_text)
            row.status = S.REMOVED
            row.removed_on = on
            row.save(update_fields=["status", "removed_on"])
            removed += 1
    return removed
