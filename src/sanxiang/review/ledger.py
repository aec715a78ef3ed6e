"""The ledger leaf of a review (`review.opinion`, docs/ledger.md).

Every change of a round (submitted, assigned, findings, approved, returned, escalated,
withdrawn) appends a leaf whose payload is the whole round as it then stands, built by
`review_payload` — the one builder, also registered as the leaf source so that
`sanxiang ledger verify` rebuilds the latest leaf of each review and names any field changed
behind the ledger's back.

Entries are public, and a round's texts name parties, facts and penalties (the opinion, the
findings' notes, the decision reviewed, the triggers' reasons). So, as for case events
(docs/ledger.md "Personal data: commitments, not values"), the payload keeps in clear only ids,
status, round, revision, dates and the reviewers' ids, and puts every text under `content` as
salted commitments (`commit_tree(review.ledger_salt, review_content(review), "content")`):
whoever holds the row and its salt recomputes them; the log alone reveals nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sanxiang.ledger.commitments import commit_tree
from sanxiang.ledger.services import ledger_append
from sanxiang.review.models import LegalReview

__all__ = [
    "CONTENT_PATH",
    "LEDGER_KIND",
    "review_content",
    "review_ledger_append",
    "review_payload",
    "review_rebuild",
    "review_refs",
]

LEDGER_KIND = "review.opinion"
# The path of the committed subtree, the root of every commitment's path.
CONTENT_PATH = "content"


def _day(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def review_content(review: LegalReview) -> dict[str, Any]:
    """The round's texts, as the database holds them, that the leaf commits to (never logs).

    Findings are keyed by checklist item so that a changed note is named by its item.
    """
    return {
        "materials": review.materials,
        "materials_note": review.materials_note,
        "proposal": review.proposal,
        "triggers": review.triggers,
        "findings": {
            item: {"finding": finding, "note": note}
            for item, finding, note in review.findings.order_by("item").values_list(
                "item", "finding", "note"
            )
        },
        "opinion": review.opinion,
        "escalation_reason": review.escalation_reason,
        "escalation_result": review.escalation_result,
        "escalation_opinion": review.escalation_opinion,
    }


def review_payload(review: LegalReview) -> dict[str, Any]:
    """The round as the database holds it: ids, status and dates in clear, texts committed."""
    return {
        "case_id": review.case_id,
        "agency_id": review.case.agency_id,
        "round": review.round,
        "stage": review.stage,
        "previous_id": review.previous_id,
        "case_revision": review.case_revision,
        "status": review.status,
        "submitted_by_id": review.submitted_by_id,
        "submitted_on": _day(review.submitted_on),
        "due_on": _day(review.due_on),
        "reviewer_ids": sorted(review.assignments.values_list("reviewer_id", flat=True)),
        "concluded_by_id": review.concluded_by_id,
        "concluded_on": _day(review.concluded_on),
        "escalated_by_id": review.escalated_by_id,
        "escalated_on": _day(review.escalated_on),
        "escalation_decided_by_id": review.escalation_decided_by_id,
        "escalation_decided_on": _day(review.escalation_decided_on),
        CONTENT_PATH: commit_tree(review.ledger_salt, review_content(review), CONTENT_PATH),
    }


def review_ledger_append(review: LegalReview) -> None:
    """Log the round as it stands now, in the caller's transaction."""
    ledger_append(kind=LEDGER_KIND, ref=str(review.pk), payload=review_payload(review))


def review_rebuild(ref: str) -> dict[str, Any] | None:
    if not ref.isdigit():
        return None
    review = LegalReview.objects.select_related("case").filter(pk=int(ref)).first()
    return None if review is None else review_payload(review)


def review_refs() -> Iterator[str]:
    for pk in LegalReview.objects.order_by("pk").values_list("pk", flat=True).iterator():
        yield str(pk)
