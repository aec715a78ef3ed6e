"""Reads of the evidence app, every one scoped by the user through `cases.access`.

`evidence_list_for_case_file` is the exception: the documents app calls it for a case it has
already opened for the user (一案一卷) and gets plain rows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from sanxiang.cases.access import access_case, case_scope_q
from sanxiang.cases.models import Case
from sanxiang.core.access import get_or_not_found
from sanxiang.evidence.models import CustodyLog, EvidenceItem
from sanxiang.registry.access import AnyUser
from sanxiang.registry.models import Officer

__all__ = [
    "EvidenceListRow",
    "custody_for_item",
    "evidence_get",
    "evidence_list",
    "evidence_list_for_case_file",
    "visible_evidence",
]


@dataclass(frozen=True)
class EvidenceListRow:
    """One line of the evidence list of a case file (证据清单, 一案一卷)."""

    number: int
    kind_label: str
    description: str
    captured_at: datetime.datetime
    captured_by: str
    file_name: str
    size: int
    sha256: str
    ledger_index: int | None


def _with_officers(queryset: QuerySet[EvidenceItem]) -> QuerySet[EvidenceItem]:
    return queryset.prefetch_related(
        Prefetch("officers", queryset=Officer.objects.order_by("name", "id"))
    )


def evidence_list_for_case_file(*, case: Case) -> list[EvidenceListRow]:
    """The evidence of `case` numbered 1… in order of capture (then upload), for the case file.

    The caller has checked that its user may see the case. `captured_by` joins the capturing
    officers' names with "、"; `ledger_index` is the leaf that logged the file's hash.
    """
    items = _with_officers(EvidenceItem.objects.filter(case=case).order_by("captured_at", "id"))
    return [
        EvidenceListRow(
            number=number,
            kind_label=str(item.get_kind_display()),
            description=item.description,
            captured_at=item.captured_at,
            captured_by="、".join(officer.name for officer in item.officers.all()),
            file_name=item.file_name,
            size=item.size,
            sha256=item.sha256,
            ledger_index=item.ledger_index,
        )
        for number, item in enumerate(items, start=1)
    ]


def visible_evidence(user: AnyUser) -> QuerySet[EvidenceItem]:
    """Every evidence item of a case `user` may see."""
    return EvidenceItem.objects.filter(case_scope_q(user, prefix="case__"))


def evidence_list(*, user: AnyUser, case_id: object) -> list[EvidenceItem]:
    """The evidence of a case the user may see (else `NotFoundError`), in order of capture."""
    case = access_case(user, case_id)
    return list(
        _with_officers(
            EvidenceItem.objects.filter(case=case)
            .select_related("device", "case")
            .order_by("captured_at", "id")
        )
    )


def evidence_get(*, user: AnyUser, item_id: object) -> EvidenceItem:
    """One evidence item of a case the user may see; another's or a missing one: 404."""
    return get_or_not_found(
        _with_officers(visible_evidence(user).select_related("case", "case__agency", "device")),
        pk=item_id,
    )


def custody_for_item(*, user: AnyUser, item_id: object) -> list[CustodyLog]:
    """The custody chain of one visible item, oldest first."""
    item = evidence_get(user=user, item_id=item_id)
    return list(CustodyLog.objects.filter(item=item).select_related("actor").order_by("at", "id"))
