"""Writes of the evidence app (STYLE 2): every one keyword-only, atomic, and audited."""

from sanxiang.evidence.services.items import (
    RequestInfo,
    av_reason_record,
    custody_record,
    evidence_attach,
    evidence_create_from_upload,
    evidence_mark_basis,
    evidence_transfer,
    evidence_verify,
)
from sanxiang.evidence.services.uploads import (
    AppendResult,
    UploadRefused,
    upload_append,
    upload_discard,
    upload_get,
    upload_offset,
    upload_session_create,
    uploads_expire,
)

__all__ = [
    "AppendResult",
    "RequestInfo",
    "UploadRefused",
    "av_reason_record",
    "custody_record",
    "evidence_attach",
    "evidence_create_from_upload",
    "evidence_mark_basis",
    "evidence_transfer",
    "evidence_verify",
    "upload_append",
    "upload_discard",
    "upload_get",
    "upload_offset",
    "upload_session_create",
    "uploads_expire",
]
