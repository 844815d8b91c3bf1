"""The public contract: pydantic v2 models. ``schemas/`` is generated from these.

Field names follow DESIGN.md's output contract; add fields freely, rename none
without bumping ``SCHEMA_VERSION``.

This is the bottom layer: it imports nothing from policydoc but ``errors``, so that
every stage (readers, structure, views, exporters) can build on it without cycles
(``tests/test_layers.py`` guards this). Two consequences:

- The views users ask for (``guiding_ideology``, ``objectives``, ``principles``,
  ``tasks``, ``safeguards``) are stored fields, filled by ``api.assemble`` from
  ``views.py``, not properties computing them here. They are data like any other
  field: in the JSON, and read back by ``model_validate`` (a dumped document
  round-trips). A document built by hand carries the views it is given;
  ``views.of(sections)`` computes them from a section tree.
- The conveniences that live in upper layers (``to_markdown``, ``_repr_html_``,
  ``chunks``) are reached through a registry the upper layer fills when it is
  imported (dependency inversion): ``export`` and ``chunks`` call ``provide()``,
  and ``import policydoc`` imports both. Moving them to plain functions only would
  have broken ``doc.to_markdown()`` and the notebook display that users rely on;
  importing them lazily here is what made the cycles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

# name → implementation, filled by the upper layers at import (see the module docstring).
_PROVIDED: dict[str, Callable[..., Any]] = {}
_PROVIDERS = {
    "to_markdown": "policydoc.export",
    "to_html": "policydoc.export",
    "section_html": "policydoc.export",
    "chunks": "policydoc.chunks",
}


def provide(name: str, implementation: Callable[..., Any]) -> None:
    """Register the implementation of a model method that lives in an upper layer."""
    if name not in _PROVIDERS:
        raise ValueError(f"unknown model hook {name!r}; expected one of {', '.join(_PROVIDERS)}")
    _PROVIDED[name] = implementation


def _provided(name: str) -> Callable[..., Any]:
    try:
        return _PROVIDED[name]
    except KeyError:
        # Only reachable when policydoc.model is loaded without the package (import policydoc fills all).
        raise RuntimeError(f"{name} is provided by {_PROVIDERS[name]}; import it (or policydoc) first") from None


class _Model(BaseModel):
    # defer_build: the validators are built on first use, not at `import policydoc`.
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Provenance(_Model):
    """Where a piece of output came from in the source."""

    page: int | None = Field(None, description="1-based PDF page")
    line: int | None = Field(None, description="1-based line: in the page for PDFs, in the file for text")
    element: int | None = Field(None, description="index of the HTML block element, in document order")


class Section(_Model):
    marker: str = Field(description="numbering marker as printed, normalized: 一、 （一） 1. （1） ① 第一章 第一条")
    style: str = Field(description="numbering style: chapter, part, article, cn, paren-cn, arabic, …")
    ordinal: int
    level: int = Field(description="1 = top level of its tree")
    title: str = ""
    text: str = Field("", description="body text of this section without its children; paragraphs split by \\n")
    role: str | None = None
    children: list[Section] = Field(default_factory=list)
    tail: str = Field("", description="text after the children: an article's next 款 after its enumerated items")
    provenance: Provenance | None = None

    def walk(self) -> Iterator[Section]:
        """This section and all below it, depth first."""
        # A stack, not nested generators: each level of nesting would cost every node below it.
        todo = [self]
        while todo:
            section = todo.pop()
            yield section
            todo += reversed(section.children)

    def _repr_html_(self) -> str:
        return str(_provided("section_html")(self))


class Annex(_Model):
    label: str = Field(description="附件, 附件1, …")
    title: str | None = None
    preamble: str = ""
    sections: list[Section] = Field(default_factory=list)
    provenance: Provenance | None = None


class Source(_Model):
    path: str | None = Field(None, description="the input file, null for bytes or text given directly")
    format: str = Field(description="sina, html, pdf, ofd, pdf-text, markdown, text, docx, doc (also .wps) or rtf")
    sha256: str = Field(description="SHA-256 of the input bytes")
    pages: int | None = Field(None, description="page count of a PDF")


class Metadata(_Model):
    title: str | None = Field(None, description="标题 of the notice, lines joined")
    issuer: list[str] = Field(default_factory=list, description="发文机关: several for joint notices")
    doc_number: str | None = Field(None, description="发文字号, e.g. 人社部发〔2021〕48号 or 国令第706号")
    date: dt.date | None = Field(None, description="成文日期")
    date_text: str | None = Field(None, description="成文日期 as printed")
    addressees: list[str] = Field(default_factory=list, description="主送机关, split at ， and ；")
    attachments: list[str] = Field(default_factory=list, description="the 附件说明 list")
    cc: list[str] = Field(default_factory=list, description="抄送")
    printed_by: str | None = Field(None, description="印发机关")
    printed_date: dt.date | None = Field(None, description="印发日期")
    doc_code: str | None = Field(None, description="规范性文件 registration code, e.g. ZJAC01-2025-0005")
    notes: list[str] = Field(default_factory=list, description="附注 such as （此件公开发布）")
    index_number: str | None = Field(None, description="索引号 of a government page")
    subject: str | None = Field(None, description="主题分类 of a government page")
    published_at: str | None = Field(
        None, description="发布日期 stated by the page, as ISO 8601 (a date, or a date and time); as stated if no date"
    )


class News(_Model):
    site: str | None = None
    title: str | None = None
    published_at: str | None = None
    original_title: str | None = None
    source: str | None = None
    editor: str | None = None
    author: str | None = None
    categories: list[str] = Field(default_factory=list)
    summary: list[str] = Field(default_factory=list, description="the reporter's paragraphs before the full text")


# Codes of ``PolicyDocument.warnings``: stable, documented in docs/reference.md.
WARNING_CODES: dict[str, str] = {
    "W001": "undecodable bytes were replaced by U+FFFD (the message gives their count and byte offsets)",
    "W002": "the text encoding was detected, not declared (no BOM, no charset, not UTF-8 or GB18030)",
    "W003": "front matter of an unexpected shape was read leniently (a list where a value belongs)",
    "W004": "the PDF was read by the second engine (pdfplumber): PDFium could not open it or left text out",
    "W005": "nothing follows the head: no body text (a page that shows its text as images, or a file cut short)",
}


class ParseWarning(_Model):
    """A repair or a guess made while reading the input, or a gap in it: the output is usable but
    not verbatim, or not whole."""

    code: str = Field(description="stable code (W001, W002, …) listed in the reference")
    message: str = Field(description="what was done, and where")


class Period(_Model):
    text: str = Field(description="as printed")
    start: int | None = Field(None, description="first year, when known")
    end: int | None = Field(None, description="last year, when known")


class Target(_Model):
    indicator: str = Field(description="what is measured")
    low: float | None = Field(description="lower bound in base units (4000万人 → 40000000)")
    high: float | None = Field(description="upper bound; equals low for a point value")
    unit: str = Field(description="unit after the magnitude is taken out: 人, %, 个百分点, 元 …")
    qualifier: str | None = Field(None, description="以上, 左右, 不少于, 达到, 提高 …")
    raw: str = Field(description="the quantity as printed, e.g. 4000万人以上")
    period: Period | None = Field(None, description="when: “十四五”期间, 到2025年, 每年 …")
    text: str = Field(description="the sentence it came from, cut to a window around the number when long")
    section: str | None = Field(None, description="where it sits: markers and titles from the top")
    in_table: bool = Field(False, description="read from a table row (an annex's indicator or penalty table)")


class Reference(_Model):
    """A document the notice cites: 《…》（国发〔2019〕4号）, a bare 国发〔2019〕4号, or a 《…》 title."""

    doc_number: str | None = Field(None, description="the cited 发文字号 or order number, normalized")
    title: str | None = Field(None, description="the cited title, without 《》")
    text: str = Field(description="the words around the citation")
    section: str | None = Field(None, description="where it is cited: markers and titles from the top")


class Chunk(_Model):
    """A piece of one section's text for retrieval, with the headings above it."""

    text: str
    heading_path: list[str] = Field(default_factory=list, description="headings from the top, e.g. 四、主要任务")
    title: str | None = Field(None, description="the document's title")
    doc_number: str | None = Field(None, description="the document's 发文字号")
    provenance: Provenance | None = None


QuantityKind = Literal["target", "support", "standard", "condition", "deadline", "statistic", "penalty"]


class Quantity(Target):
    """Any quantified provision; ``targets`` are the quantities of kind ``target``."""

    kind: QuantityKind = Field(
        description="target (a level committed to), support (subsidies, rewards, rates and their caps), "
        "standard (a level set by rule), condition (an eligibility threshold), deadline (a procedural time "
        "limit), statistic (a figure reported as fact) or penalty (fines, fee schedules)"
    )


class Item(_Model):
    """A principle or safeguard: a numbered child or a ——dash item of its section."""

    marker: str
    title: str
    text: str = ""


class Task(_Model):
    marker: str
    title: str
    text: str = ""
    group: str | None = Field(None, description="title of the task group it belongs to, e.g. 实施“技能提升”行动")


class Part(_Model):
    """Where a document sits in a file that holds several (a compilation, a gazette issue)."""

    index: int = Field(description="0-based position of the document in its file")
    first: Provenance | None = Field(None, description="where the document starts")
    last: Provenance | None = Field(None, description="its last block")
    toc_entry: int | None = Field(None, description="index of its entry in the file's table of contents")
    part_of: int | None = Field(None, description="the document it is published with (a decision's revised text)")
    amends: int | None = Field(None, description="the document whose revised text this decision publishes")


VIEWS = ("guiding_ideology", "objectives", "principles", "tasks", "safeguards")


def _views_required(schema: dict[str, Any]) -> None:
    # Every document policydoc writes carries its views, so the published schema (of the
    # output) keeps them required, as it did when they were computed fields.
    schema["required"] = [*schema.get("required", []), *VIEWS]


class PolicyDocument(_Model):
    model_config = ConfigDict(extra="forbid", defer_build=True, json_schema_extra=_views_required)

    schema_version: str = Field(SCHEMA_VERSION, description="version of this output contract")
    source: Source = Field(description="where the document came from")
    metadata: Metadata = Field(default_factory=Metadata, description="GB/T 9704 elements of the notice")
    news: News | None = Field(None, description="the news-site wrapper (Sina), else null")
    title: str | None = Field(None, description="the document's own title (the plan a notice encloses)")
    front: list[str] = Field(
        default_factory=list,
        description="the head of the notice as printed, in order: 份号/发文机关标志/发文字号/标题/主送机关, "
        "signature and date above an enclosed document, and the 附件说明 lines",
    )
    cover: str = Field("", description="the notice's own text when it encloses a document")
    preamble: str = Field("", description="text before the first numbered section")
    sections: list[Section] = Field(default_factory=list, description="the body's section tree")
    closing: list[str] = Field(default_factory=list, description="signature, date and 版记 lines after the body")
    front_provenance: list[Provenance | None] = Field(
        default_factory=list, description="where each line of ``front`` is printed (same order), when found"
    )
    closing_provenance: list[Provenance | None] = Field(
        default_factory=list, description="where each line of ``closing`` is printed (same order), when found"
    )
    annexes: list[Annex] = Field(default_factory=list, description="附件 after the body, each with its own tree")
    targets: list[Target] = Field(default_factory=list, description="quantified targets of the official text")
    quantities: list[Quantity] = Field(
        default_factory=list, description="every quantified provision of the official text, with its kind"
    )
    references: list[Reference] = Field(default_factory=list, description="documents the official text cites")
    part: Part | None = Field(None, description="its place in a file of several documents (parse_all), else null")
    warnings: list[ParseWarning] = Field(
        default_factory=list, description="repairs and guesses made while reading: undecodable bytes, detected encoding"
    )
    # The views: read off the section tree at assembly (views.py), stored so the JSON round-trips.
    guiding_ideology: str | None = Field(None, description="view: text of the 指导思想 section(s)")
    objectives: list[str] = Field(
        default_factory=list, description="view: paragraphs of the objectives section(s): 目标任务, 主要目标 …"
    )
    principles: list[Item] = Field(
        default_factory=list,
        description="view: children, ——dash items or named paragraphs of the principles section (基本原则, "
        "工作原则); else the 坚持… paragraphs of 总体要求",
    )
    tasks: list[Task] = Field(
        default_factory=list,
        description="view: the numbered sections that carry the measures (leaves outside ideology, objectives, "
        "principles, safeguards, 总体要求 and 附则), with the heading above as group; empty for a regulation",
    )
    safeguards: list[Item] = Field(
        default_factory=list,
        description="view: children (or ——dash items) of the safeguards section: 保障措施, 组织实施 …",
    )

    def walk(self) -> Iterator[Section]:
        """Every section of the body, depth first (annexes not included)."""
        for section in self.sections:
            yield from section.walk()

    def to_json(self, indent: int | None = 2) -> str:
        """The document as JSON (UTF-8 text, Chinese unescaped), views included."""
        return self.model_dump_json(indent=indent)

    def chunks(self, max_chars: int = 800) -> list[Chunk]:
        """The text as retrieval chunks that never cross a section (see ``policydoc.chunks``)."""
        return list(_provided("chunks")(self, max_chars))

    def to_markdown(self) -> str:
        return str(_provided("to_markdown")(self))

    def _repr_html_(self) -> str:
        return str(_provided("to_html")(self))


class TocEntry(_Model):
    title: str = Field(description="the entry as printed, numbering marker included")
    page: int | None = Field(None, description="the page number it gives, when it gives one")
    marker: str | None = Field(None, description="normalized numbering marker of the entry (一、), if numbered")


class Collection(_Model):
    """The documents one file holds: a compilation, a gazette issue, a decision with its revised text."""

    schema_version: str = Field(SCHEMA_VERSION, description="version of this output contract")
    source: Source = Field(description="the file")
    title: str | None = Field(None, description="the file's own title (its cover), when it has one")
    toc: list[TocEntry] = Field(default_factory=list, description="the file's table of contents (目录)")
    documents: list[PolicyDocument] = Field(default_factory=list, description="each document, in file order")

    def __len__(self) -> int:
        return len(self.documents)

    def __getitem__(self, index: int) -> PolicyDocument:
        return self.documents[index]
