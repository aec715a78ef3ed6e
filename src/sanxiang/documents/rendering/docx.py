"""DOCX output with docxtpl (DESIGN decision 12): agencies edit templates in Word.

The built-in template of every kind (version 0) is generated here with python-docx and uses
only the common placeholders (`kinds.base.COMMON_KEYS`); an agency's uploaded template may use
any key of its kind (`DocumentKind.context_keys`). `template_problems` is the upload check: a
file that is not a zip, not a Word document, has a template syntax error or uses a placeholder
the kind does not provide is refused with a message that says which.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from typing import Any

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor
from docxtpl import DocxTemplate, InlineImage  # type: ignore[import-untyped]  # no stubs
from jinja2 import Environment, TemplateSyntaxError

from sanxiang.documents.kinds import DocumentContent, DocumentKind
from sanxiang.documents.kinds.common import cn_date

__all__ = ["default_template", "docx_context", "render_docx", "template_problems"]


@cache
def default_template() -> bytes:
    """The built-in DOCX template (A4, GB/T 9704 margins), shared by every kind."""
    document = new_docx()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)  # STD-9704-5.1
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)  # STD-9704-5.2.1
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    style = document.styles["Normal"]
    style.font.name = "仿宋_GB2312"
    style.font.size = Pt(16)  # STD-9704-5.2.2: 3号

    def line(text: str, *, align: Any = None, size: int | None = None, red: bool = False) -> None:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        if align is not None:
            paragraph.alignment = align
        if size:
            run.font.size = Pt(size)
            run.bold = True
        if red:
            run.font.color.rgb = RGBColor(0xD0, 0, 0)

    line("{{ agency_name }}", align=WD_ALIGN_PARAGRAPH.CENTER, size=26, red=True)
    line("{{ title }}", align=WD_ALIGN_PARAGRAPH.CENTER, size=22)
    line("{{ number }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    line("{{ recipient }}")
    line("{%p for row in table %}")
    line("{{ row.label }}：{{ row.value }}")
    line("{%p endfor %}")
    line("{%p for s in sections %}")
    line("{{ s.heading }}")
    line("{%p for text in s.paragraphs %}")
    line("{{ text }}")
    line("{%p endfor %}")
    line("{%p endfor %}")
    line("{%p for text in signatures %}")
    line("{{ text }}")
    line("{%p endfor %}")
    line("{{ seal }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    line("{{ date }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_context(
    *, content: DocumentContent, agency_name: str, number: str, case_number: str, case_title: str
) -> dict[str, Any]:
    """The placeholders' values: the common keys and the kind's own fields."""
    return {
        **content.fields,
        "agency_name": agency_name,
        "number": number,
        "title": content.title,
        "date": cn_date(content.dated),
        "case_number": case_number,
        "case_title": case_title,
        "recipient": content.recipient,
        "sections": [
            {"heading": s.heading, "paragraphs": [p for p in s.paragraphs if p]}
            for s in content.sections
        ],
        "table": [{"label": label, "value": value} for label, value in content.table],
        "signatures": list(content.signatures),
        "seal": "",
    }


def _env() -> Environment:
    return Environment(autoescape=True)


def template_problems(data: bytes, kind: DocumentKind) -> list[str]:
    """Why `data` cannot serve as a DOCX template of `kind` (empty list: it can)."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return ["文件不是 DOCX（Word 2007 及以上）文件：它不是 zip 格式。"]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            bad = archive.testzip()
    except zipfile.BadZipFile as error:
        return [f"DOCX 文件已损坏：{error}"]
    if bad is not None:
        return [f"DOCX 文件已损坏：{bad} 校验失败。"]
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        return ["文件不是 Word 文档：缺少 word/document.xml。"]
    try:
        used = DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables(jinja_env=_env())
    except TemplateSyntaxError as error:
        return [f"模板语法错误（第{error.lineno}行）：{error.message}"]
    except Exception as error:  # noqa: BLE001 - python-docx raises many types on a broken file
        return [f"无法读取 DOCX 文件：{error}"]
    unknown = sorted(set(used) - kind.context_keys)
    if unknown:
        return [
            "模板使用了本文书种类没有的占位符："
            + "、".join(unknown)
            + "。可用的占位符："
            + "、".join(sorted(kind.context_keys))
        ]
    return []


def render_docx(*, template: bytes, context: dict[str, Any], seal_png: bytes | None) -> bytes:
    """Fill `template` with `context`; the seal goes in as an image where `{{ seal }}` is."""
    document = DocxTemplate(io.BytesIO(template))
    values = dict(context)
    if seal_png:
        values["seal"] = InlineImage(document, io.BytesIO(seal_png), width=Mm(42))
    document.render(values, jinja_env=_env(), autoescape=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
