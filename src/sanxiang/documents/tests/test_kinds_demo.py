"""Every document kind rendered from the demo cases (the registry demo and a sample of the demo
cases, loaded once for this module in a transaction that is rolled back at the end)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings
from docx import Document as read_docx
from pypdf import PdfReader

from sanxiang.cases.models import Case
from sanxiang.documents import services
from sanxiang.documents.kinds import KINDS
from sanxiang.documents.rendering.docx import default_template, docx_context, render_docx
from sanxiang.documents.rendering.pdf import html_to_pdf
from sanxiang.registry import demo as registry_demo

pytestmark = pytest.mark.django_db

# The smallest share of the demo plan that still holds a recorded collective deliberation.
SAMPLE = 0.2


@pytest.fixture(scope="module")
def demo_cases(django_db_setup: None, django_db_blocker: Any) -> Iterator[list[Case]]:
    from sanxiang.cases.demo import load_demo

    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        transaction.atomic(),
    ):
        registry_demo.load_demo()
        load_demo(scale=SAMPLE)  # with every installed app's guards: the demo must satisfy them
        yield list(Case.objects.select_related("agency").order_by("pk"))
        transaction.set_rollback(True)


def _first_offering(cases: list[Case], code: str) -> tuple[Case, str] | None:
    for case in cases:
        sources = KINDS[code].sources(case)
        if sources:
            return case, sources[0].ref
    return None


@pytest.mark.parametrize("code", sorted(KINDS))
def test_every_kind_renders_from_a_demo_case(demo_cases: list[Case], code: str) -> None:
    found = _first_offering(demo_cases, code)
    assert found is not None, f"no demo case offers {code}"
    case, source = found
    kind = KINDS[code]
    content, html = services.document_render(case=case, kind=kind, source=source, number="")
    assert set(content.fields) == set(kind.field_names)  # the DOCX placeholders of the kind
    pdf = html_to_pdf(html)
    reader = PdfReader(io.BytesIO(pdf))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4 (STD-9704-5.1)
    text = reader.pages[0].extract_text()
    assert case.agency.name in text.replace("\n", "") and kind.title[:2] in text
    docx = render_docx(
        template=default_template(),
        context=docx_context(
            content=content,
            agency_name=case.agency.name,
            number="",
            case_number=case.case_number,
            case_title=case.title,
        ),
        seal_png=None,
    )
    paragraphs = [p.text for p in read_docx(io.BytesIO(docx)).paragraphs]
    assert content.title in paragraphs
