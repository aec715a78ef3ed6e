"""Demo data of the documents app: each demo agency gets its document settings (court,
payment, contact), a drawn seal and its signing key, and a few demo cases get their documents
issued and, when archived, their case file. Idempotent: what exists is left alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from sanxiang.cases.models import Case
from sanxiang.documents.models import Document, DocumentSettings, DocumentStatus
from sanxiang.registry.models import Agency, AgencyKind, Role, User

__all__ = ["DocumentsDemoSummary", "load_demo"]

# Demo values; an administrator sets the real ones (the court depends on the local rules of
# jurisdiction for administrative cases).
_PAYMENT = "到本机关指定的代收银行或者通过天津市非税收入电子缴款系统"
_ISSUED_CASES = 6


@dataclass
class DocumentsDemoSummary:
    agencies: int = 0
    documents: int = 0
    case_files: int = 0
    skipped: list[str] = field(default_factory=list)

    def describe(self) -> str:
        text = (
            f"documents: {self.agencies} agencies set up, {self.documents} documents issued, "
            f"{self.case_files} case files bound"
        )
        if self.skipped:
            text += f"; skipped {len(self.skipped)}: " + "; ".join(self.skipped[:3])
        return text


def _court(agency: Agency) -> str:
    from sanxiang.documents.remedy import region_full_name

    return f"{region_full_name(agency.region)}人民法院"


def _issue_for(case: Case, summary: DocumentsDemoSummary) -> None:
    from sanxiang.core.errors import ApplicationError
    from sanxiang.documents import services
    from sanxiang.documents.selectors import case_documents

    actor = (
        User.objects.filter(agency=case.agency, role=Role.OFFICER, is_active=True)
        .order_by("pk")
        .first()
    )
    if actor is None:
        return
    _case, slots = case_documents(user=actor, case_id=case.pk)
    for slot in slots:
        if slot.is_issued or not slot.kind.in_case_file:
            continue
        try:
            services.document_issue(
                case=case, kind_code=slot.kind.code, source=slot.source.ref, actor=actor
            )
            summary.documents += 1
        except ApplicationError as error:
            summary.skipped.append(f"{case.case_number} {slot.kind.title}: {error.message}")
    if case.status == "archived" and not hasattr(case, "case_file"):
        try:
            services.case_file_build(case=case, actor=actor)
            summary.case_files += 1
        except ApplicationError as error:
            summary.skipped.append(f"{case.case_number} 案卷: {error.message}")


def load_demo(*, stdout: Any = None) -> DocumentsDemoSummary:
    from sanxiang.documents import services
    from sanxiang.documents.signing import agency_key

    summary = DocumentsDemoSummary()
    agencies = Agency.objects.exclude(kind=AgencyKind.SUPERVISOR).filter(is_active=True)
    with transaction.atomic():
        for agency in agencies:
            row = DocumentSettings.objects.filter(agency=agency).first()
            if row is None or not row.lawsuit_court:
                services.document_settings_update(
                    agency=agency,
                    values={"lawsuit_court": _court(agency), "payment_instructions": _PAYMENT},
                    actor=None,
                )
            if row is None or not row.seal_image:
                services.seal_generate(agency=agency)
            agency_key(agency)
            summary.agencies += 1
    already = set(
        Document.objects.filter(status=DocumentStatus.ISSUED).values_list("case_id", flat=True)
    )
    candidates = (
        Case.objects.filter(status__in=("archived", "enforcing", "decided"))
        .exclude(pk__in=already)
        .order_by("pk")
    )
    for case in candidates[: max(0, _ISSUED_CASES - len(already))]:
        _issue_for(case, summary)
    if stdout is not None:
        stdout.write(summary.describe() + "\n")
    return summary
