from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "sanxiang.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from sanxiang.cases.events import register_event_labels
        from sanxiang.documents import records
        from sanxiang.ledger.sources import register_file_check, register_leaf_source

        register_event_labels(
            {
                "documents.edited": _("Document fields edited"),
                "documents.issued": _("Document issued"),
                "documents.downloaded": _("Document downloaded"),
                "documents.case_file_built": _("Case file bound"),
            }
        )
        # Issued documents and case files are ledger leaves; their files are re-hashed by
        # `sanxiang ledger verify`, so a signed PDF altered on storage is found and named.
        register_leaf_source(
            records.DOCUMENT_KIND, records.document_rebuild, list_refs=records.document_refs
        )
        register_file_check(records.DOCUMENT_KIND, records.document_file_problem)
        register_leaf_source(
            records.CASE_FILE_KIND, records.case_file_rebuild, list_refs=records.case_file_refs
        )
        register_file_check(records.CASE_FILE_KIND, records.case_file_problem)

        # One case, one file (一案一卷, SAMR-PROC-78): archiving a case binds its case file in
        # the same transaction, whichever page or API archives it.
        from sanxiang.cases.workflow.engine import register_follow_up
        from sanxiang.documents.services.casefile import bind_on_archive

        register_follow_up("archive", bind_on_archive)
