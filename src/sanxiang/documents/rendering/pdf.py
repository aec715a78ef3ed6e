"""PDF from HTML with WeasyPrint (DESIGN decision 12), laid out per GB/T 9704-2012.

A4 (STD-9704-5.1); margins top 37 mm, left 28 mm, right 26 mm, bottom 35 mm so the text block
is 156 × 225 mm (STD-9704-5.2.1); body in 3号 (16 pt) 仿宋 (STD-9704-5.2.2), 22 lines a page
(STD-9704-5.2.3); title in 2号 (22 pt) 小标宋 (STD-9704-7.3.1); page numbers "— 1 —", odd
pages right and even pages left (STD-9704-7.5). Agency fonts (仿宋_GB2312, 方正小标宋简体) are
used when installed (fontconfig); otherwise Noto Serif CJK. WeasyPrint embeds the glyphs it
uses (font subsets), so the PDF prints the same anywhere.
"""

from __future__ import annotations

import base64
import datetime
import io
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from sanxiang.documents.kinds import DocumentContent
from sanxiang.documents.kinds.common import cn_date

__all__ = ["document_html", "html_to_pdf", "pdf_page_count"]


def _data_uri(png: bytes | None) -> str:
    if not png:
        return ""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def document_html(
    *,
    content: DocumentContent,
    agency_name: str,
    number: str,
    seal_png: bytes | None,
    for_screen: bool = False,
    extra: dict[str, Any] | None = None,
) -> str:
    """The HTML of one document: 版头 (agency name in red), 文号, title, body, seal and date."""
    dated: datetime.date | None = content.dated
    context = {
        "content": content,
        "agency_name": agency_name,
        "number": number,
        "date_text": cn_date(dated),
        "seal_uri": _data_uri(seal_png) if content.sealed else "",
        "for_screen": for_screen,
        **(extra or {}),
    }
    # Documents are legal texts in Chinese whatever the reader's interface language.
    with translation.override("zh-hans"):
        return render_to_string("documents/pdf/document.html", context)


def html_to_pdf(html: str) -> bytes:
    """Render HTML to PDF bytes (A4, fonts embedded)."""
    # Imported here: loading WeasyPrint costs ~0.3 s at start-up.
    from weasyprint import HTML  # type: ignore[import-untyped]  # no stubs

    pdf: bytes = HTML(string=html, base_url=None).write_pdf()
    return pdf


def pdf_page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)
