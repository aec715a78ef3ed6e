"""Every write of the documents app (STYLE 2): documents, case files, templates and seals."""

from sanxiang.documents.services.admin import (
    document_settings_update,
    seal_generate,
    seal_upload,
    template_upload,
)
from sanxiang.documents.services.casefile import (
    case_file_archive,
    case_file_build,
    case_file_download,
)
from sanxiang.documents.services.documents import (
    active_template,
    document_download,
    document_edit,
    document_issue,
    document_preview_html,
    document_render,
)

__all__ = [
    "active_template",
    "case_file_archive",
    "case_file_build",
    "case_file_download",
    "document_download",
    "document_edit",
    "document_issue",
    "document_preview_html",
    "document_render",
    "document_settings_update",
    "seal_generate",
    "seal_upload",
    "template_upload",
]
