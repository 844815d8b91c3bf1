"""Word documents (.docx): paragraphs, tables and Word's own numbering.

A DOCX is a zip of XML parts; only ``word/document.xml`` holds the body, so headers,
footers, comments and footnotes (parts of their own) stay out. Each paragraph keeps
its style, alignment and outline level, and an auto-numbered paragraph gets back the
marker Word draws for it (``wordnum``): in an auto-numbered notice 一、 and （一） are
not in the text at all. Tracked changes read as accepted (insertions kept, deletions
dropped); fields and hyperlinks keep the text they display; a text box's paragraphs
follow the paragraph it is anchored in (the DrawingML copy only, not its VML fallback).
"""

from __future__ import annotations

import io
import itertools
import zipfile
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from ..blocks import Block, ReadResult
from ..docparts import annex_label, is_signature, kind_of
from ..errors import UnsupportedFormatError
from ..numbering import match_marker
from ..text import CELL_SEP
from .lines import SENTENCE_END, join_lines
from .wordnum import NS_W, Numbering, W
from .zips import zip_errors

DOCUMENT = "word/document.xml"
STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
MAX_PART_BYTES = 256 * 1024 * 1024  # an XML part larger than this unpacked is a zip bomb, not a notice

# Elements whose whole subtree Word does not show as body text (or shows elsewhere).
SKIP = frozenset(
    f"{NS_W}{name}"
    for name in (
        "pPr rPr tblPr trPr tcPr sectPr del moveFrom delText instrText delInstrText "
        "footnoteReference endnoteReference commentReference annotationRef drawing pict object rt"
    ).split()
)
# Runs' inline elements that stand for a character.
CHARS = {f"{NS_W}tab": "\t", f"{NS_W}ptab": "\t", f"{NS_W}br": "\n", f"{NS_W}cr": "\n", f"{NS_W}noBreakHyphen": "-"}
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
Align = Literal["left", "center", "right"]
ALIGN: dict[str, Align] = {
    "center": "center",
    "right": "right",
    "end": "right",
    "left": "left",
    "start": "left",
    "both": "left",
}
ZIP_ERRORS = zip_errors()
# What follows a marker; a space is dropped by normalization next to CJK punctuation
# (一、指导思想) and after a digit's full stop before Han (1.健全), as in typed text.
SUFFIX = {"tab": " ", "space": " ", "nothing": ""}


@dataclass(slots=True)
class Paragraph:
    """A body paragraph as Word lays it out."""

    index: int  # 0-based, every w:p of the body in document order (table cells included)
    text: str  # with Word's numbering marker in front when the paragraph is numbered
    marker: str | None = None  # the auto-numbering marker, when there is one
    style: str | None = None  # the paragraph style's name ("heading 1", "Normal")
    align: Align | None = None
    outline_level: int | None = None  # 0-based, from the paragraph or its style
    table: int | None = None  # which table (0-based) the paragraph sits in, if any
    row: int | None = None
    cell: int | None = None


def is_docx(data: bytes) -> bool:
    """A zip (``PK``) holding ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return DOCUMENT in z.namelist()
    except ZIP_ERRORS:
        return False


def read_docx(data: bytes, path: str | None = None, *, format: str = "docx") -> ReadResult:
    """The body of a DOCX as blocks: one per paragraph, one per row of a data table."""
    blocks: list[Block] = []
    # A table's paragraphs come together in document order (the walk finishes a table first).
    for table, group in itertools.groupby(read_paragraphs(data, path), key=lambda p: p.table):
        paragraphs = list(group)
        if table is not None and any(p.cell for p in paragraphs):
            blocks.extend(_row_blocks(paragraphs))
        else:  # body text, or a one-column table framing paragraphs (a template's layout)
            blocks.extend(Block(text=t, element=p.index, align=p.align) for p in paragraphs for t in lines_of(p.text))
    return ReadResult(blocks=blocks, format=format)


def _row_blocks(cells: list[Paragraph]) -> list[Block]:
    """One ``table`` block per row, its cells' text joined by ``CELL_SEP`` (normalize cleans each)."""
    rows: dict[int, dict[int, list[str]]] = {}
    first: dict[int, int] = {}
    for p in cells:
        rows.setdefault(p.row or 0, {}).setdefault(p.cell or 0, []).append(p.text)
        first.setdefault(p.row or 0, p.index)
    blocks = []
    for r, row in rows.items():
        texts = [" ".join(line for part in parts for line in lines_of(part)) for _, parts in sorted(row.items())]
        text = CELL_SEP.join(t for t in texts if t)
        if text:
            blocks.append(Block(text=text, kind="table", element=first[r]))
    return blocks


def lines_of(text: str) -> list[str]:
    """A paragraph's text split where a manual line break (Shift+Enter) separates two lines
    that the text grammar tells apart — a sentence end, a numbered line, a date, 抄送 … —
    and joined where it only wraps a title or a sentence.
    """
    parts = [part.strip() for part in text.split("\n")]
    out: list[list[str]] = []
    for part in parts:
        if not part:
            continue
        if out and not _starts_line(out[-1][-1], part):
            out[-1].append(part)
        else:
            out.append([part])
    return [join_lines(group) for group in out]


def _starts_line(before: str, after: str) -> bool:
    return (
        before[-1] in SENTENCE_END
        or match_marker(after) is not None
        or kind_of(after) is not None
        or annex_label(after) is not None
        or is_signature(before)
    )


def read_paragraphs(data: bytes, path: str | None = None) -> list[Paragraph]:
    """Every body paragraph in order, numbered as Word numbers it."""
    label = path or "<input>"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if DOCUMENT not in names:
                raise UnsupportedFormatError("a zip without word/document.xml, not a Word document", label)
            document = _xml(z, DOCUMENT, label)
            styles = _xml(z, "word/styles.xml", label) if "word/styles.xml" in names else None
            numbering = _xml(z, "word/numbering.xml", label) if "word/numbering.xml" in names else None
    except ZIP_ERRORS as exc:
        raise UnsupportedFormatError(f"a damaged DOCX ({exc})", label) from None
    sheet = Styles(styles)
    reader = _BodyReader(sheet, Numbering(numbering, sheet.lists()))
    body = document.find(f"{NS_W}body")
    if body is None:
        raise UnsupportedFormatError("a DOCX without a document body", label)
    reader.walk(body)
    return reader.paragraphs


def _xml(z: zipfile.ZipFile, name: str, label: str) -> etree._Element:
    info = z.getinfo(name)
    if info.file_size > MAX_PART_BYTES:
        raise UnsupportedFormatError(f"{name} unpacks to {info.file_size} bytes, more than a document holds", label)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
    # Strict OOXML (ISO/IEC 29500 Strict, "Strict Open XML Document" in Word) names the
    # same elements in another namespace.
    data = z.read(name).replace(STRICT_W, W.encode())
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise UnsupportedFormatError(f"{name} is not well-formed XML ({exc})", label) from None


class Styles:
    """Paragraph styles with ``basedOn`` inheritance: name, numbering, alignment, outline level."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, etree._Element] = {}
        self.default: str | None = None
        if root is None:
            return
        for style in root.iter(f"{NS_W}style"):
            sid = style.get(f"{NS_W}styleId", "")
            self._styles[sid] = style
            if style.get(f"{NS_W}type") == "paragraph" and style.get(f"{NS_W}default") in ("1", "true", "on"):
                self.default = sid

    def name(self, sid: str | None) -> str | None:
        style = self._styles.get(sid or "")
        if style is None:
            return sid
        name = style.find(f"{NS_W}name")
        return name.get(f"{NS_W}val") if name is not None else sid

    def lookup(self, sid: str | None, prop: str) -> etree._Element | None:
        """``pPr/prop`` of the style or the nearest style it is based on."""
        seen: set[str] = set()
        while sid and sid not in seen:
            seen.add(sid)
            style = self._styles.get(sid)
            if style is None:
                return None
            found = style.find(f"{NS_W}pPr/{NS_W}{prop}")
            if found is not None:
                return found
            based = style.find(f"{NS_W}basedOn")
            sid = based.get(f"{NS_W}val") if based is not None else None
        return None

    def numbering(self, sid: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a style gives its paragraphs; each may come from a different ancestor."""
        num_id = ilvl = None
        seen: set[str] = set()
        while sid and sid not in seen and (num_id is None or ilvl is None):
            seen.add(sid)
            style = self._styles.get(sid)
            if style is None:
                break
            num_pr = style.find(f"{NS_W}pPr/{NS_W}numPr")
            if num_pr is not None:
                if num_id is None:
                    num_id = _child_val(num_pr, "numId")
                if ilvl is None:
                    ilvl = _int_or_none(_child_val(num_pr, "ilvl"))
            based = style.find(f"{NS_W}basedOn")
            sid = based.get(f"{NS_W}val") if based is not None else None
        return num_id, ilvl

    def lists(self) -> dict[str, str]:
        """Numbering styles (``w:type="numbering"``) and the numId each one stands for."""
        out = {}
        for sid, style in self._styles.items():
            num_id = style.find(f"{NS_W}pPr/{NS_W}numPr/{NS_W}numId")
            if style.get(f"{NS_W}type") == "numbering" and num_id is not None:
                out[sid] = num_id.get(f"{NS_W}val", "")
        return out


def _child_val(el: etree._Element, name: str) -> str | None:
    child = el.find(f"{NS_W}{name}")
    return child.get(f"{NS_W}val") if child is not None else None


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class _BodyReader:
    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.paragraphs: list[Paragraph] = []
        self._tables = 0
        self._cell: tuple[int, int, int] | None = None  # (table, row, cell) in the outermost table

    def walk(self, el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{NS_W}p":
                self.paragraph(child)
            elif tag == f"{NS_W}tbl":
                self.table(child)
            elif tag in SKIP or not isinstance(tag, str) or tag == MC_FALLBACK:
                continue
            else:  # sdt, sdtContent, customXml, ins, moveTo, AlternateContent ... : look inside
                self.walk(child)

    def table(self, tbl: etree._Element) -> None:
        if self._cell is not None:  # a table inside a cell: its text belongs to that cell
            for tc in _own(tbl, "tc", "tbl"):
                self.walk(tc)
            return
        number = self._tables
        self._tables += 1
        # A row deleted with tracked changes on is gone once the changes are accepted.
        rows = [tr for tr in _own(tbl, "tr", "tbl") if tr.find(f"{NS_W}trPr/{NS_W}del") is None]
        for r, tr in enumerate(rows):
            for c, tc in enumerate(_own(tr, "tc", "tr")):
                self._cell = (number, r, c)
                try:
                    self.walk(tc)
                finally:
                    self._cell = None

    def paragraph(self, p: etree._Element) -> None:
        ppr = p.find(f"{NS_W}pPr")
        sid = _child_val(ppr, "pStyle") if ppr is not None else None
        sid = sid or self.styles.default
        marker = None
        text = _text(p)
        num = self._numbering(ppr, sid)
        if num is not None:
            rendered = self.numbering.marker(*num)
            if rendered is not None and rendered[0]:
                marker, suffix = rendered
                text = marker + SUFFIX.get(suffix, " ") + text
        jc = ppr.find(f"{NS_W}jc") if ppr is not None else None
        jc = jc if jc is not None else self.styles.lookup(sid, "jc")
        outline = ppr.find(f"{NS_W}outlineLvl") if ppr is not None else None
        outline = outline if outline is not None else self.styles.lookup(sid, "outlineLvl")
        level = _int_or_none(outline.get(f"{NS_W}val")) if outline is not None else None
        where = self._cell or (None, None, None)
        self.paragraphs.append(
            Paragraph(
                index=len(self.paragraphs),
                text=text,
                marker=marker,
                style=self.styles.name(sid),
                align=ALIGN.get(jc.get(f"{NS_W}val", "")) if jc is not None else None,
                outline_level=level if level is not None and level < 9 else None,
                table=where[0],
                row=where[1],
                cell=where[2],
            )
        )
        # A text box anchored in the paragraph (Word draws it near there): its paragraphs follow.
        for box in p.iter(f"{NS_W}txbxContent"):
            if _anchor(box) is p and not any(a.tag == MC_FALLBACK for a in box.iterancestors()):
                self.walk(box)

    def _numbering(self, ppr: etree._Element | None, sid: str | None) -> tuple[str, int] | None:
        """numPr on the paragraph wins, field by field, over the style's."""
        num_id, ilvl = self.styles.numbering(sid)
        num_pr = ppr.find(f"{NS_W}numPr") if ppr is not None else None
        if num_pr is not None:
            num_id = _child_val(num_pr, "numId") or num_id
            own = _int_or_none(_child_val(num_pr, "ilvl"))
            ilvl = own if own is not None else ilvl
        if num_id is None or num_id == "0":
            return None
        return num_id, ilvl or 0


def _anchor(box: etree._Element) -> etree._Element | None:
    """The paragraph a text box is anchored in (text boxes nest)."""
    return next(box.iterancestors(f"{NS_W}p"), None)


def _own(container: etree._Element, tag: str, owner: str) -> list[etree._Element]:
    """``tag`` elements of this row or table, not of a table nested in it (content controls may wrap them)."""
    return [el for el in container.iter(f"{NS_W}{tag}") if next(el.iterancestors(f"{NS_W}{owner}"), None) is container]


def _text(p: etree._Element) -> str:
    """What Word displays for a paragraph: deletions, field codes and fallbacks left out."""
    parts: list[str] = []

    def visit(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIP or tag == MC_FALLBACK:
                continue
            if tag == f"{NS_W}t":
                parts.append(child.text or "")
            elif tag in CHARS:
                if tag == f"{NS_W}br" and child.get(f"{NS_W}type") in ("page", "column"):
                    continue
                parts.append(CHARS[tag])
            elif tag == f"{NS_W}r" and _hidden(child):
                continue
            else:
                visit(child)

    visit(p)
    return "".join(parts)


def _hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{NS_W}rPr/{NS_W}vanish")
    return vanish is not None and vanish.get(f"{NS_W}val", "true") not in ("false", "0", "off")
