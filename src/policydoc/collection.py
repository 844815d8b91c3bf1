"""One file, many documents: where each document of a compilation, gazette issue or
decision-with-revised-text begins.

Evidence, strongest first:
1. a table of contents (``目录`` then ``title……page`` entries, dot leaders or a bare page
   number, entries wrapped over two lines): each entry is matched, in order, against a
   heading of the body with the same text; the documents start where entries matched;
2. without one, a title line of the GB/T 9704 shape (ending in a document type) followed
   within a few blocks by a restart of the articles (``第一章`` / ``第一条``) after the
   first document already had a body. A title that the previous document announces as
   enclosed (``印发《X》``, ``现将《X》…公布``) stays inside it, as a notice's plan does;
   a title that a ``关于修改《X》的决定`` names is the regulation's revised text, a document
   of its own linked to the decision.

Works on normalized blocks, so every format splits the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .blocks import Block
from .docparts import is_title_line
from .numbering import match_marker
from .patterns import lazy

# ``目录`` on its own, or at the end of a short block that joined it to the cover's lines.
TOC_HEAD = lazy(r"^(?P<cover>.{0,40}?)\s*目\s*录$")
# ``title……12`` / ``title.....04`` / ``title …… 39``; several entries may share one block.
TOC_ENTRY = lazy(r"(?P<title>.+?)\s*(?:[.．·・…]{3,}|…+|-{4,})[\s.．·・…]*(?P<page>\d{1,4})(?!\d)")
DOC_TYPES = "通知|意见|方案|办法|规定|条例|细则|决定|规则|准则|规划|计划|措施|通告|公告|指引|批复|决议|章程|标准"
TITLE_SHAPE = lazy(rf"(?:{DOC_TYPES})(?:[（(][^（）()]{{1,12}}[）)])?$")
# Announcements that make the next title part of the same document (a notice enclosing a plan).
ENCLOSES = lazy(r"印发|转发|发布|公布|颁布")
AMENDS = lazy(r"(?:修改|修正|修订)《(?P<title>[^》]{2,60})》的决定")
BOOK_TITLE = lazy(r"《(?P<title>[^》]{2,60})》")
RESTART = {"chapter", "article"}
LOOKAHEAD = 4  # blocks between a title and the first chapter/article of its body
MAX_TOC_WRAP = 2  # blocks an entry may span


@dataclass
class TocEntry:
    title: str  # as printed, marker included
    page: int | None
    marker: str | None = None  # normalized (一、), when the entry is numbered
    bare: str = ""  # the title without its marker


@dataclass
class Split:
    """Where the documents of one file start, and what links them."""

    starts: list[int]  # block index of each document's first block, ascending
    toc: list[TocEntry] = field(default_factory=list)
    toc_span: tuple[int, int] | None = None  # blocks [start, end) of the 目录
    toc_entry: dict[int, int] = field(default_factory=dict)  # document index → TOC entry index
    # document index → (blocks its heading spans, the heading without its list marker): a
    # compilation numbers its items 一、二、 like sections, but each is a document's title.
    headings: dict[int, tuple[int, str]] = field(default_factory=dict)
    amends: dict[int, int] = field(default_factory=dict)  # document index → index of the document it amends
    title: str | None = None  # the file's own title (cover before the 目录)


def split(blocks: list[Block]) -> Split:
    """The documents ``blocks`` hold; one start at 0 when the file is a single document."""
    found = _by_toc(blocks)
    if found is None:
        return _by_titles(blocks)
    # A TOC entry may not match its heading word for word (the TOC was edited, the title
    # was not): the title evidence still splits such a document from the one before it.
    ends = [*found.starts[1:], len(blocks)]
    starts: list[tuple[int, int | None, tuple[int, str] | None]] = []
    for n, (start, end) in enumerate(zip(found.starts, ends, strict=True)):
        starts.append((start, found.toc_entry.get(n), found.headings.get(n)))
        inner = _by_titles(blocks[start:end])
        starts += [(start + s, None, None) for s in inner.starts[1:]]
    found.starts = [s for s, _, _ in starts]
    found.toc_entry = {i: e for i, (_, e, _) in enumerate(starts) if e is not None}
    found.headings = {i: h for i, (_, _, h) in enumerate(starts) if h is not None}
    return found


def _key(text: str) -> str:
    """Text for comparing a TOC entry with a heading: letters and digits only."""
    return regex.sub(r"[^\p{Han}\p{L}\p{N}]+", "", text)


def _entry(title: str, page: int | None) -> TocEntry:
    title = title.strip()
    m = match_marker(title)
    return TocEntry(title=title, page=page, marker=m.marker if m else None, bare=m.rest if m else title)


def _toc(blocks: list[Block]) -> tuple[int, int, list[TocEntry]] | None:
    """The 目录: (first block, end block, entries), or None."""
    head = next((i for i, b in enumerate(blocks[:400]) if TOC_HEAD.match(b.text.strip())), None)
    if head is None:
        return None  # (a title ending in 目录 is no TOC: no entries follow it)
    entries: list[TocEntry] = []
    pending, pending_blocks = "", 0
    i = head + 1
    while i < len(blocks):
        text = blocks[i].text.strip()
        if entries and _key(text) and _key(text) == _key(entries[0].title):
            break  # the body starts with the first entry's heading
        joined = pending + text
        matches = list(TOC_ENTRY.finditer(joined))
        if matches:
            entries += [_entry(m["title"], int(m["page"])) for m in matches]
            pending, pending_blocks = joined[matches[-1].end() :], 0
        elif entries and match_marker(text) and not pending:
            pending, pending_blocks = text, 1  # an entry without a page number, or wrapped onto the next block
        else:
            pending, pending_blocks = joined, pending_blocks + 1
            if pending_blocks > MAX_TOC_WRAP:
                i -= pending_blocks - 1  # those blocks were already the body
                pending = ""
                break
        i += 1
    if pending.strip() and match_marker(pending.strip()):
        entries.append(_entry(pending, None))  # the last entry, printed without a page number
    return (head, i, entries) if len(entries) >= 2 else None


def _by_toc(blocks: list[Block]) -> Split | None:
    found = _toc(blocks)
    if found is None:
        return None
    head, end, entries = found
    starts: list[int] = []
    toc_entry: dict[int, int] = {}
    headings: dict[int, tuple[int, str]] = {}
    pos = end
    for n, entry in enumerate(entries):
        found = _find_heading(blocks, entry, pos)
        if found is None:
            continue
        at, span = found
        toc_entry[len(starts)] = n
        if entry.marker or span > 1:
            text = "".join(b.text.strip() for b in blocks[at : at + span])
            m = match_marker(text) if entry.marker else None
            headings[len(starts)] = (span, m.rest.strip() if m else text)
        starts.append(at)
        pos = at + 1
    if len(starts) < 2:
        return None
    return Split(
        starts=starts,
        toc=entries,
        toc_span=(head, end),
        toc_entry=toc_entry,
        headings=headings,
        title=_cover_title([*blocks[:head], Block(text=TOC_HEAD.match(blocks[head].text.strip())["cover"])]),
    )


def _find_heading(blocks: list[Block], entry: TocEntry, start: int) -> tuple[int, int] | None:
    """(block, blocks spanned) of the first heading from ``start`` printing the entry's title."""
    want, bare = _key(entry.title), _key(entry.bare)
    if len(bare) < 2:
        return None
    for i in range(start, len(blocks)):
        got = _key(blocks[i].text)
        if not got:
            continue
        if got in (want, bare):
            return i, 1
        if (want.startswith(got) or bare.startswith(got)) and i + 1 < len(blocks):
            two = got + _key(blocks[i + 1].text)
            if two in (want, bare):
                return i, 2
    return None


def _cover_title(blocks: list[Block]) -> str | None:
    """The compilation's own title: the short lines of its cover, joined (``政``/``策`` set one a line)."""
    parts = [b.text.strip() for b in blocks if 0 < len(b.text.strip()) <= 30 and is_title_line(b.text)]
    title = "".join(p for p in parts if p not in ("前言", "说明"))
    return title[:80] or None


def _is_doc_title(text: str) -> bool:
    t = text.strip()
    return 4 <= len(t) <= 60 and is_title_line(t) and bool(TITLE_SHAPE.search(t)) and not match_marker(t)


def _body_restarts(blocks: list[Block], i: int) -> bool:
    """A chapter or article numbered 1 begins within a few blocks after ``i``."""
    for b in blocks[i + 1 : i + 1 + LOOKAHEAD]:
        m = match_marker(b.text)
        if m and m.style in RESTART:
            return m.ordinal == 1
    return False


def _by_titles(blocks: list[Block]) -> Split:
    starts = [0]
    amends: dict[int, int] = {}
    seen_body = False
    head_text = ""  # the current document's opening lines, to read what it announces
    for i, block in enumerate(blocks):
        if match_marker(block.text):
            seen_body = True  # numbered text: the current document has its body
        if i - starts[-1] < LOOKAHEAD * 3:
            head_text += block.text
        if not seen_body or i == starts[-1] or not _is_doc_title(block.text) or not _body_restarts(blocks, i):
            continue
        title = _key(block.text)
        announced = [_key(t) for t in BOOK_TITLE.findall(head_text)]
        amended = [_key(t) for t in AMENDS.findall(head_text)]
        if title in amended:
            amends[len(starts) - 1] = len(starts)
        elif title in announced and ENCLOSES.search(head_text):
            continue  # the enclosed regulation or plan of a 令 or 印发 notice
        starts.append(i)
        seen_body, head_text = False, ""
    return Split(starts=starts, amends=amends)
