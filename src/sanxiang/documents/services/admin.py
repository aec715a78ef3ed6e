"""Administration of documents: DOCX templates (versioned per agency and kind), the agency seal
image and the per-agency document settings. Administrators only (`require_administrator`)."""

from __future__ import annotations

import hashlib
import io
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from sanxiang.core.errors import ApplicationError
from sanxiang.documents.kinds import get_kind
from sanxiang.documents.models import DocumentSettings, DocumentTemplate
from sanxiang.documents.rendering.docx import template_problems
from sanxiang.documents.rendering.seal import draw_seal
from sanxiang.documents.services.common import save_private
from sanxiang.registry.access import require_administrator
from sanxiang.registry.models import Agency, User

__all__ = ["document_settings_update", "seal_generate", "seal_upload", "template_upload"]

MAX_TEMPLATE_BYTES = 10 * 1024 * 1024
MAX_SEAL_BYTES = 2 * 1024 * 1024
_SETTINGS_FIELDS = frozenset(
    {
        "number_prefix",
        "number_codes",
        "reconsideration_body",
        "lawsuit_court",
        "payment_instructions",
        "contact",
        "signing_key_path",
        "signing_cert_path",
    }
)


@transaction.atomic
def template_upload(
    *, agency: Agency, kind_code: str, data: bytes, actor: User, note: str = ""
) -> DocumentTemplate:
    """Store a DOCX template as the next version of the agency's kind, or refuse it with the
    reason (`documents.bad_template`): not a zip, not a Word file, a syntax error, or a
    placeholder the kind does not provide (checked with docxtpl's
    `get_undeclared_template_variables`)."""
    require_administrator(actor)
    kind = get_kind(kind_code)
    problems = (
        [_("The template is larger than 10 MB.")] if len(data) > MAX_TEMPLATE_BYTES else []
    ) or template_problems(data, kind)
    if problems:
        raise ApplicationError(
            problems[0],
            code="documents.bad_template",
            extra={"field": "file", "problems": problems},
        )
    from docxtpl import DocxTemplate  # type: ignore[import-untyped]  # no stubs
    from jinja2 import Environment

    used = sorted(
        DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables(
            jinja_env=Environment(autoescape=True)
        )
    )
    # Lock the agency's templates of the kind so two uploads do not take the same version.
    list(DocumentTemplate.objects.select_for_update().filter(agency=agency, kind=kind.code))
    latest = DocumentTemplate.objects.filter(agency=agency, kind=kind.code).aggregate(
        v=Max("version")
    )["v"]
    template = DocumentTemplate(
        agency=agency,
        kind=kind.code,
        version=(latest or 0) + 1,
        sha256=hashlib.sha256(data).hexdigest(),
        placeholders=used,
        note=note,
        uploaded_by=actor,
    )
    template.file = save_private(
        f"documents/templates/{agency.pk}-{kind.code}-v{template.version}.docx", data
    )
    template.save()
    return template


def _settings_row(agency: Agency) -> DocumentSettings:
    DocumentSettings.objects.bulk_create([DocumentSettings(agency=agency)], ignore_conflicts=True)
    return DocumentSettings.objects.select_for_update().get(agency=agency)


def _store_seal(row: DocumentSettings, png: bytes) -> DocumentSettings:
    row.seal_image = save_private(f"documents/seals/{row.agency_id}-seal.png", png)
    row.seal_sha256 = hashlib.sha256(png).hexdigest()
    row.save(update_fields=["seal_image", "seal_sha256", "updated_at"])
    return row


@transaction.atomic
def seal_upload(*, agency: Agency, data: bytes, actor: User) -> DocumentSettings:
    """Replace the agency's seal image (LAW-APL-59: decisions bear the agency seal). PNG or
    JPEG up to 2 MB; stored as PNG."""
    require_administrator(actor)
    if len(data) > MAX_SEAL_BYTES:
        raise ApplicationError(
            _("The seal image is larger than 2 MB."),
            code="documents.bad_seal",
            extra={"field": "seal"},
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in {"PNG", "JPEG"}:
                raise UnidentifiedImageError(image.format)
            out = io.BytesIO()
            image.convert("RGBA").save(out, format="PNG")
    except (UnidentifiedImageError, OSError):
        raise ApplicationError(
            _("The seal must be a PNG or JPEG image."),
            code="documents.bad_seal",
            extra={"field": "seal"},
        ) from None
    return _store_seal(_settings_row(agency), out.getvalue())


@transaction.atomic
def seal_generate(*, agency: Agency) -> DocumentSettings:
    """Draw a round red seal with the agency's name (demo and first set-up; `rendering.seal`)."""
    return _store_seal(_settings_row(agency), draw_seal(agency.name))


@transaction.atomic
def document_settings_update(
    *, agency: Agency, values: dict[str, Any], actor: User | None
) -> DocumentSettings:
    """Change the agency's document settings (`actor` None: the demo loader)."""
    if actor is not None:
        require_administrator(actor)
    unknown = set(values) - _SETTINGS_FIELDS
    if unknown:
        raise ApplicationError(
            _("Unknown settings: %(fields)s.") % {"fields": ", ".join(sorted(unknown))},
            code="documents.settings_unknown",
        )
    row = _settings_row(agency)
    for name, value in values.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    return row
