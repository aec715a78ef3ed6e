"""DOCX templates per agency, versioned; bad templates refused on upload with a clear message."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document as new_docx

from sanxiang.core.errors import ApplicationError, PermissionDeniedError
from sanxiang.documents import services
from sanxiang.documents.rendering.docx import default_template
from sanxiang.documents.tests.helpers import (
    admin,
    configure_agency,
    decided_case,
    docx_text,
    stored,
)

pytestmark = pytest.mark.django_db


def _docx(*lines: str) -> bytes:
    document = new_docx()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _upload(world, data: bytes, kind: str = "decision"):
    return services.template_upload(agency=world.agency, kind_code=kind, data=data, actor=admin())


def test_unknown_placeholder_is_refused_and_named(world) -> None:
    with pytest.raises(ApplicationError) as refusal:
        _upload(world, _docx("{{ agency_name }}", "{{ party_nmae }}"))
    assert refusal.value.code == "documents.bad_template"
    assert "party_nmae" in refusal.value.message


def test_not_a_zip_broken_docx_and_syntax_error_are_refused(world) -> None:
    with pytest.raises(ApplicationError) as not_zip:
        _upload(world, b"%PDF-1.7 this is not a Word file")
    assert "zip" in not_zip.value.message
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ApplicationError) as not_word:
        _upload(world, out.getvalue())
    assert "word/document.xml" in not_word.value.message
    truncated = default_template()[:-200]
    with pytest.raises(ApplicationError) as broken:
        _upload(world, truncated)
    assert broken.value.code == "documents.bad_template"
    with pytest.raises(ApplicationError) as syntax:
        _upload(world, _docx("{{ agency_name }", "{% for x in %}"))
    assert "语法" in syntax.value.message


def test_a_placeholder_of_another_kind_is_refused(world) -> None:
    with pytest.raises(ApplicationError) as refusal:
        _upload(world, _docx("{{ storage_place }}"), kind="decision")
    assert "storage_place" in refusal.value.message
    assert _upload(world, _docx("{{ storage_place }}"), kind="preservation_notice").version == 1


def test_only_administrators_upload_templates(world) -> None:
    with pytest.raises(PermissionDeniedError):
        services.template_upload(
            agency=world.agency, kind_code="decision", data=default_template(), actor=world.handler
        )


def test_uploaded_versions_are_used_and_recorded_on_the_document(world, clock) -> None:
    configure_agency(world.agency)
    first = _upload(world, default_template())
    second = _upload(
        world, _docx("本机关专用模板 {{ number }}", "{{ party_name }} {{ fine_words }}")
    )
    assert (first.version, second.version) == (1, 2)
    assert set(second.placeholders) == {"number", "party_name", "fine_words"}
    case = decided_case(world, clock)
    document = services.document_issue(
        case=case, kind_code="decision", source="", actor=world.handler
    )
    assert document.template_version == 2 and document.template == second
    assert (
        docx_text(stored(document.docx_path)) == f"本机关专用模板 {document.number}\n张三 叁仟元整"
    )


def test_values_are_escaped_in_docx(world, clock) -> None:
    """A value with XML characters must not break the Word file."""
    configure_agency(world.agency)
    case = decided_case(world, clock)
    services.document_edit(
        case=case,
        kind_code="decision",
        source="",
        values={"evidence": "A<B & C>D"},
        actor=world.handler,
    )
    document = services.document_issue(
        case=case, kind_code="decision", source="", actor=world.handler
    )
    assert "A<B & C>D" in docx_text(stored(document.docx_path))
