"""The shape of a document kind and of the content it builds from a case.

A kind is declared once (`DocumentKind`): its printed title, the number code of its 文号 (or
none), where it goes in the case file (SAMR-PROC-78), which records of a case it is about
(`sources`), the function that builds its content from the case's own data (`build`), the
fields the officer may edit (only what the law leaves to them), and the checks that must pass
before it is issued (`checks`, e.g. the six elements of LAW-APL-59 on a decision).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from sanxiang.cases.models import Case
    from sanxiang.documents.models import DocumentSettings
    from sanxiang.registry.models import Agency

__all__ = [
    "COMMON_KEYS",
    "BuildInput",
    "DocumentContent",
    "DocumentKind",
    "EditableField",
    "FileSection",
    "Missing",
    "Section",
    "Source",
]


class FileSection(IntEnum):
    """Where a document goes in the case file, in the order of SAMR-PROC-78.

    正卷: 立案审批表；行政处罚决定书及送达回证；其他法律文书及送达回证；证据材料；听证笔录；
    财物处理单据；其他. 副卷: 案源材料；调查终结报告；审核意见；听证报告；结案审批表；其他.
    The cover and the table of contents come first.
    """

    FRONT = 0  # 封面、卷内目录
    FILING = 10  # 立案审批表
    DECISION = 20  # 行政处罚决定书及送达回证
    OTHER_DOCUMENTS = 30  # 其他法律文书及送达回证
    EVIDENCE = 40  # 证据材料
    HEARING_RECORD = 50  # 听证笔录
    PROPERTY = 60  # 财物处理单据
    MAIN_OTHER = 70  # 其他 (正卷)
    SOURCE = 110  # 案源材料 (副卷)
    INVESTIGATION_REPORT = 120  # 调查终结报告
    REVIEW = 130  # 审核意见
    HEARING_REPORT = 140  # 听证报告
    CLOSING = 150  # 结案审批表
    SUB_OTHER = 160  # 其他 (副卷)

    @property
    def heading(self) -> str:
        """The section's name as printed in the table of contents (SAMR-PROC-78)."""
        return _SECTION_HEADINGS[self]

    @property
    def volume(self) -> str:
        return "副卷" if self >= FileSection.SOURCE else "正卷"


_SECTION_HEADINGS = {
    FileSection.FRONT: "封面及卷内目录",
    FileSection.FILING: "立案审批表",
    FileSection.DECISION: "行政处罚决定书及送达回证",
    FileSection.OTHER_DOCUMENTS: "其他法律文书及送达回证",
    FileSection.EVIDENCE: "证据材料",
    FileSection.HEARING_RECORD: "听证笔录",
    FileSection.PROPERTY: "财物处理单据",
    FileSection.MAIN_OTHER: "其他",
    FileSection.SOURCE: "案源材料",
    FileSection.INVESTIGATION_REPORT: "调查终结报告",
    FileSection.REVIEW: "审核意见",
    FileSection.HEARING_REPORT: "听证报告",
    FileSection.CLOSING: "结案审批表",
    FileSection.SUB_OTHER: "其他",
}


@dataclass(frozen=True)
class EditableField:
    """A field the officer may fill or change before issuing (each change is a case event)."""

    name: str
    label: StrOrPromise
    max_length: int = 500
    multiline: bool = False
    help_text: StrOrPromise = ""


@dataclass(frozen=True)
class Source:
    """A record of the case a document is about ("record:12"), or the case itself ("")."""

    ref: str
    label: str


@dataclass
class Section:
    """A block of the body: an optional heading and its paragraphs."""

    heading: str
    paragraphs: list[str]


@dataclass
class Missing:
    """An element the document lacks, with the rule that requires it."""

    element: str
    rule: str
    message: str


@dataclass
class BuildInput:
    """What a kind's `build` receives: the case, the record, the officer's edits, settings."""

    case: Case
    agency: Agency
    settings: DocumentSettings
    source: str
    edits: Mapping[str, str]
    on: datetime.date
    # What the case-file builder passes to the cover and the table of contents (page numbers).
    extra: Mapping[str, Any] = field(default_factory=dict)

    def edit(self, name: str, default: str = "") -> str:
        value = self.edits.get(name, "")
        return value if value else default


@dataclass
class DocumentContent:
    """The content of one document, rendered to PDF (HTML), DOCX and the print view.

    `fields` holds the named values of the kind (`DocumentKind.field_names`, the same keys for
    every case) for DOCX placeholders and the issue checks; `sections` the body in order;
    `table` the rows of a form (审批表, 送达回证); `signatures` the signature lines printed at
    the end; `sealed` whether the agency seal goes over the agency name and date.
    """

    title: str
    fields: dict[str, Any]
    sections: list[Section] = field(default_factory=list)
    table: list[tuple[str, str]] = field(default_factory=list)
    recipient: str = ""
    signatures: list[str] = field(default_factory=list)
    sealed: bool = True
    dated: datetime.date | None = None


# Keys every DOCX context has besides the kind's own fields (`DocumentKind.context_keys`).
COMMON_KEYS = frozenset(
    {
        "agency_name",
        "number",
        "title",
        "date",
        "case_number",
        "case_title",
        "recipient",
        "sections",
        "table",
        "signatures",
        "seal",
    }
)


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document (module docstring)."""

    code: str
    title: str  # printed title, e.g. 行政处罚决定书
    label: StrOrPromise
    section: FileSection
    sources: Callable[[Case], list[Source]]
    build: Callable[[BuildInput], DocumentContent]
    field_names: frozenset[str]
    number_code: str = ""  # e.g. 罚 → 津市监罚〔2025〕1号; empty: not numbered
    editable: tuple[EditableField, ...] = ()
    checks: tuple[Callable[[BuildInput, DocumentContent], list[Missing]], ...] = ()
    rule: str = ""
    is_decision: bool = False
    in_case_file: bool = True

    @property
    def context_keys(self) -> frozenset[str]:
        """Every placeholder a DOCX template of this kind may use."""
        return COMMON_KEYS | self.field_names

    @property
    def editable_names(self) -> frozenset[str]:
        return frozenset(f.name for f in self.editable)
