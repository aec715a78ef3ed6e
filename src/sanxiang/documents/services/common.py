"""What the document services share: settings lookup, building content, storing files."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.cases.models import Case
from sanxiang.core.errors import ApplicationError
from sanxiang.documents.kinds import BuildInput, DocumentContent, DocumentKind
from sanxiang.documents.models import DocumentSettings
from sanxiang.registry.models import Agency

__all__ = [
    "build_content",
    "delete_private",
    "require_source",
    "save_private",
    "seal_png",
    "settings_for",
]


def settings_for(agency: Agency) -> DocumentSettings:
    """The agency's document settings, or unsaved defaults (reading never writes)."""
    found = DocumentSettings.objects.filter(agency=agency).first()
    return found if found is not None else DocumentSettings(agency=agency)


def seal_png(settings: DocumentSettings) -> bytes | None:
    if not settings.seal_image:
        return None
    with storages["private"].open(settings.seal_image, "rb") as handle:
        data: bytes = handle.read()
    return data


def require_source(case: Case, kind: DocumentKind, source: str) -> None:
    """Refuse a kind the case's stage does not offer (its record does not exist yet)."""
    if source not in {s.ref for s in kind.sources(case)}:
        raise ApplicationError(
            _(
                "A %(kind)s cannot be produced at this stage of the case: the record it is "
                "about does not exist yet."
            )
            % {"kind": kind.title},
            code="documents.not_available",
            extra={"field": "kind", "kind": kind.code, "source": source},
        )


def build_content(
    *,
    case: Case,
    kind: DocumentKind,
    source: str,
    edits: Mapping[str, str],
    on: datetime.date | None = None,
    extra: Mapping[str, object] | None = None,
) -> tuple[BuildInput, DocumentContent]:
    build = BuildInput(
        case=case,
        agency=case.agency,
        settings=settings_for(case.agency),
        source=source,
        edits=edits,
        on=on or timezone.localdate(),
        extra=dict(extra or {}),
    )
    return build, kind.build(build)


def save_private(path: str, data: bytes) -> str:
    """Store `data` in private storage under `path` (never overwriting); the name used."""
    return storages["private"].save(path, ContentFile(data))


def delete_private(*paths: str) -> None:
    storage = storages["private"]
    for path in paths:
        if path and storage.exists(path):
            storage.delete(path)
