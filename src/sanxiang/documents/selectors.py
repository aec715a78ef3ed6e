"""Every read of the documents app, scoped by the user through the case access rules.

A document of a case the user may not see is answered like a missing one (`NotFoundError`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from sanxiang.cases.access import access_case, case_scope_q
from sanxiang.cases.models import Case
from sanxiang.core.access import get_or_not_found
from sanxiang.documents.kinds import KINDS, DocumentKind, Source
from sanxiang.documents.models import CaseFile, Document, DocumentStatus
from sanxiang.registry.access import AnyUser

__all__ = [
    "DocumentSlot",
    "case_documents",
    "document_get",
    "issued_in_file_order",
    "visible_documents",
]


@dataclass(frozen=True)
class DocumentSlot:
    """A document the case's stage offers: its kind, the record it is about, and the row
    (draft with edits, or issued) if there is one."""

    kind: DocumentKind
    source: Source
    document: Document | None

    @property
    def is_issued(self) -> bool:
        return self.document is not None and self.document.is_issued


def visible_documents(user: AnyUser) -> QuerySet[Document]:
    return Document.objects.filter(case_scope_q(user, prefix="case__"))


def document_get(*, user: AnyUser, document_id: object) -> Document:
    return get_or_not_found(
        visible_documents(user).select_related("case", "case__agency", "agency"), pk=document_id
    )


def case_documents(*, user: AnyUser, case_id: object) -> tuple[Case, list[DocumentSlot]]:
    """The case and every document its stage offers, in lifecycle order."""
    case = access_case(user, case_id)
    rows = {(d.kind, d.source): d for d in Document.objects.filter(case=case)}
    slots = [
        DocumentSlot(kind, source, rows.get((kind.code, source.ref)))
        for kind in KINDS.values()
        for source in kind.sources(case)
    ]
    return case, slots


def issued_in_file_order(case: Case) -> list[tuple[Document, DocumentKind]]:
    """The case's issued documents in the order of the case file (SAMR-PROC-78)."""
    issued = [
        (document, KINDS[document.kind])
        for document in Document.objects.filter(case=case, status=DocumentStatus.ISSUED).order_by(
            "issued_at", "id"
        )
        if document.kind in KINDS and KINDS[document.kind].in_case_file
    ]
    issued.sort(key=lambda pair: int(pair[1].section))
    return issued


def case_file_for(case: Case) -> CaseFile | None:
    return CaseFile.objects.filter(case=case).first()
