"""The public contract: pydantic v2 models. ``schemas/`` is generated from these.

Field names follow DESIGN.md's output contract; add fields freely, rename none
without bumping ``SCHEMA_VERSION``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


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
        yield self
        for child in self.children:
            yield from child.walk()


class Annex(_Model):
    label: str = Field(description="附件, 附件1, …")
    title: str | None = None
    preamble: str = ""
    sections: list[Section] = Field(default_factory=list)
    provenance: Provenance | None = None


class Source(_Model):
    path: str | None = Field(None, description="the input file, null for bytes or text given directly")
    format: str = Field(description="sina, html, pdf, pdf-text or text")
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
    published_at: str | None = Field(None, description="发布日期 stated by the page")


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
}


class ParseWarning(_Model):
    """A repair or a guess made while reading the input: the output is usable but not verbatim."""

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
    text: str = Field(description="the sentence it came from")
    section: str | None = Field(None, description="where it sits: markers and titles from the top")
    in_table: bool = Field(False, description="read from a table row (an annex's indicator or penalty table)")


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


_VIEWS = ("guiding_ideology", "objectives", "principles", "tasks", "safeguards")


class PolicyDocument(_Model):
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
    annexes: list[Annex] = Field(default_factory=list, description="附件 after the body, each with its own tree")
    targets: list[Target] = Field(default_factory=list, description="quantified targets of the official text")
    warnings: list[ParseWarning] = Field(
        default_factory=list, description="repairs and guesses made while reading: undecodable bytes, detected encoding"
    )

    def walk(self) -> Iterator[Section]:
        """Every section of the body, depth first (annexes not included)."""
        for section in self.sections:
            yield from section.walk()

    def to_json(self, indent: int | None = 2) -> str:
        """The document as JSON (UTF-8 text, Chinese unescaped), views included."""
        return self.model_dump_json(indent=indent)

    def to_markdown(self) -> str:
        from .export import to_markdown

        return to_markdown(self)

    def _repr_html_(self) -> str:
        from .export import to_html

        return to_html(self)

    @model_validator(mode="before")
    @classmethod
    def _drop_views(cls, data: Any) -> Any:
        # The computed views are in the JSON for readers; reading the JSON back ignores them.
        if isinstance(data, dict) and any(k in data for k in _VIEWS):
            data = {k: v for k, v in data.items() if k not in _VIEWS}
        return data

    @computed_field(description="text of the 指导思想 section(s)")
    @property
    def guiding_ideology(self) -> str | None:
        from . import views

        return views.guiding_ideology(self.sections)

    @computed_field(description="paragraphs of the objectives section(s): 目标任务, 主要目标 …")
    @property
    def objectives(self) -> list[str]:
        from . import views

        return views.objectives(self.sections)

    @computed_field(description="children (or ——dash items) of the principles section: 基本原则, 工作原则")
    @property
    def principles(self) -> list[Item]:
        from . import views

        return views.items(self.sections, "principles")

    @computed_field(description="numbered leaf items under the tasks section(s), with their group")
    @property
    def tasks(self) -> list[Task]:
        from . import views

        return views.tasks(self.sections)

    @computed_field(description="children (or ——dash items) of the safeguards section: 保障措施, 组织实施 …")
    @property
    def safeguards(self) -> list[Item]:
        from . import views

        return views.items(self.sections, "safeguards")
