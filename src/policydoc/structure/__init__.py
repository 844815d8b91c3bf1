"""Blocks to a document: front part, body sections, closing, annexes.

Which numbered paragraphs are headings is decided for a whole tree at once by the
sequence decoder (``decoder.py``): runs of +1 per style, restarts at 1 under a new
parent, runs that continue across parents ((五) under 二、), one missing or bad marker
tolerated. Levels come from the order in which numbering styles open. Anything else
that merely starts with a number is body text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..blocks import Block
from ..docparts import (
    ATTACHMENTS_HEAD,
    ATTACHMENTS_LIST,
    DATE,
    annex_label,
    is_signature,
    is_title_line,
    kind_of,
    wraps_signer,
)
from ..front import Front, read_front
from ..model import Annex, Provenance, Section
from ..numbering import Marker, match_candidate, match_marker
from ..text import first_full_stop
from .decoder import Candidate, decode
from .split import split_run_together

CLOSING_KINDS = {"date", "note", "cc", "printed", "disclosure", "contact", "doc_number"}


@dataclass
class Structure:
    front: Front
    sections: list[Section]
    closing: list[str]
    annexes: list[Annex]


def build(blocks: list[Block]) -> Structure:
    blocks = split_run_together(blocks)
    attachment_items = _attachment_list(blocks)
    annex_starts = _annex_starts(blocks, attachment_items)
    main = blocks[: annex_starts[0]] if annex_starts else blocks
    items = [b for i, b in enumerate(main) if i not in attachment_items]
    _, sections, leading = _tree(items, _contents(items))
    tables = frozenset(b.text for b in leading if b.kind == "table")
    front = read_front([b.text for b in leading], tables, body_follows=bool(sections or annex_starts))
    front.attachments = [blocks[i].text for i in sorted(attachment_items)]
    # The closing sits after the last section, or after the front text when nothing is numbered.
    closing = _take_closing(sections) if sections else _closing_from_paragraphs(front)
    ends = [*annex_starts[1:], len(blocks)]
    annexes = [_annex(blocks[start:end]) for start, end in zip(annex_starts, ends, strict=False)]
    return Structure(front=front, sections=sections, closing=closing, annexes=annexes)


_CONTENTS_ENTRIES = 200  # a table of contents longer than this is no table of contents
_PAGED = regex.compile(r"(?:[.．…·]{2,}|\s)\s*\d{1,4}\s*$")  # 一、某某补贴……01: an entry's page number


def _contents(blocks: list[Block]) -> range:
    """The lines of a table of contents (目录, then its entries), where the first entry comes back
    as the body's first heading: 目录 / 第一章 总则 / 第二章 … / 第一章 总则 (the body).

    A contents printed with page numbers (一、某某补贴……01) is a compilation's or a book's: its
    entries are the outline of the file (``collection.py`` splits the file there), left to the decoder.
    """
    at = next((i for i, b in enumerate(blocks[:_CONTENTS_ENTRIES]) if _is_contents_head(b.text)), None)
    if at is None or at + 1 >= len(blocks) or _PAGED.search(blocks[at + 1].text):
        return range(0)
    first = "".join(blocks[at + 1].text.split())
    for j in range(at + 2, min(len(blocks), at + 2 + _CONTENTS_ENTRIES)):
        if "".join(blocks[j].text.split()) == first:
            return range(at, j) if j - at > 2 else range(0)
    return range(0)


def _is_contents_head(text: str) -> bool:
    return "录" in text and "".join(text.split()) == "目录"  # (the test in C first: most lines fail it)


def _attachment_list(blocks: list[Block]) -> set[int]:
    """Indexes of the lines of the 附件说明 (``附件：1.…`` then ``2.…``): never headings.

    ``附件：某清单`` announces one attachment; ``附件：`` or ``附件：1.…`` a numbered list
    whose items follow at ordinals 1, 2, 3 …
    """
    items: set[int] = set()
    for i, block in enumerate(blocks):
        m = ATTACHMENTS_HEAD.match(block.text)
        if not m and block.text.startswith("附"):
            # Without its colon the list is told from an annex by the notice's date below it, and
            # from a sentence (附件1、2所列企业须于…) by its item: a title, not a sentence.
            m = ATTACHMENTS_LIST.match(block.text)
            if m and not (
                is_title_line(m.group("rest"))
                and "，" not in m.group("rest")
                and any(DATE.match(b.text) for b in blocks[i + 1 : i + 1 + _LIST_TO_DATE])
            ):
                m = None
        if not m:
            continue
        items.add(i)
        rest = m.group("rest").strip()
        first = match_marker(rest) if rest else None
        if rest and first is None:
            continue
        expected = first.ordinal + 1 if first else 1
        # Some pages put each item's title on the line after its number (2. / 某某清单):
        # decided once, on the first item, so that the signature after ``3.`` stays put.
        split_titles = first is not None and _title_follows(blocks, i, first)
        if split_titles:
            items.add(i + 1)
        j = i + 1 + split_titles
        while j < len(blocks) and is_title_line(blocks[j].text):
            item = match_marker(blocks[j].text)
            if item is None or item.ordinal != expected:
                break
            items.add(j)
            if first is None and expected == 1:
                split_titles = _title_follows(blocks, j, item)
            if split_titles and _title_follows(blocks, j, item):
                items.add(j + 1)
                j += 1
            expected += 1
            j += 1
    return items


_LIST_TO_DATE = 16  # lines from a 附件说明 to the notice's date: its items, then the signers


def _title_follows(blocks: list[Block], j: int, item: Marker) -> bool:
    """Whether the line after item ``j`` is its title (the item is only a number)."""
    if item.rest or j + 1 >= len(blocks):
        return False
    text = blocks[j + 1].text
    return is_title_line(text) and match_candidate(text) is None and not ATTACHMENTS_HEAD.match(text)


def _annex_starts(blocks: list[Block], attachment_items: set[int]) -> list[int]:
    starts = []
    seen_body = False
    for i, block in enumerate(blocks):
        # Pages that set the whole annex as a table put 附件1 and its title in one cell (or two:
        # a row keeps a space between its cells).
        one_cell = block.kind == "para" or block.text.count(" ") <= 1
        if one_cell and i not in attachment_items and annex_label(block.text) and i + 1 < len(blocks):
            # An annex follows the body or the signature; a notice never opens with one
            # unless the whole file is the annex.
            if seen_body or i == 0:
                starts.append(i)
        if not seen_body and (DATE.match(block.text) or match_marker(block.text)):
            seen_body = True
    return starts


@dataclass(slots=True)
class _Heading:
    """A heading while the tree is built; its Section is made once its text is known."""

    marker: Marker
    level: int
    title: str
    block: Block
    text: list[str]  # paragraphs of its body, before its children
    closed: bool  # an item whose paragraph ends a clause: （一）…；
    tail: list[str] = field(default_factory=list)  # after its enumerated items: an article's next 款
    children: list[_Heading] = field(default_factory=list)

    def fields(self) -> dict[str, object]:
        """The Section's fields, its children's as nested dicts: the tree is validated in one call,
        a third faster than one model_validate per section."""
        m, b = self.marker, self.block
        return {
            "marker": m.marker,
            "style": m.style,
            "ordinal": m.ordinal,
            "level": self.level,
            "title": self.title,
            "text": "\n".join(self.text),
            "tail": "\n".join(self.tail),
            "children": [child.fields() for child in self.children],
            "provenance": {"page": b.page, "line": b.line, "element": b.element},
        }


def _tree(blocks: list[Block], contents: range = range(0)) -> tuple[int | None, list[Section], list[Block]]:
    """Sections built from ``blocks``; also the index of the first heading and what precedes it.
    ``contents``: the lines of a table of contents, never headings."""
    markers = {
        i: m for i, b in enumerate(blocks) if b.kind == "para" and i not in contents and (m := match_candidate(b.text))
    }
    levels = decode([Candidate(i, m, _may_start_appended(m, blocks, i)) for i, m in markers.items()])
    roots: list[_Heading] = []
    path: list[_Heading] = []
    first: int | None = None
    skip_next = False
    for i, block in enumerate(blocks):
        if skip_next:
            skip_next = False
            continue
        level = levels.get(i)
        if level is None:
            if path:
                owner = _article_after_items(path)
                (owner.tail if owner is not None else path[-1].text).append(block.text)
            continue
        marker = markers[i]
        if first is None:
            first = i
        title, text = _split_heading(marker)
        if marker.title_mode == "line" and not title and i + 1 < len(blocks) and i + 1 not in markers:
            nxt = blocks[i + 1].text
            if is_title_line(nxt) and len(nxt) <= 30:
                title, skip_next = nxt, True
        heading = _Heading(marker, level, title, block, [text] if text else [], marker.rest.endswith(("；", "。", ";")))
        del path[level - 1 :]
        if path and path[-1].tail:
            # A second enumeration after the 款 in between: that 款 stays in reading order,
            # with the item it follows.
            parent = path[-1]
            parent.children[-1].text += parent.tail
            parent.tail = []
        (path[-1].children if path else roots).append(heading)
        path.append(heading)
    sections = [Section.model_validate(root.fields()) for root in roots]
    return first, sections, blocks[: first if first is not None else len(blocks)]


def _may_start_appended(m: Marker, blocks: list[Block], i: int) -> bool:
    """第一条/第一章 right after an unnumbered title line (notes aside).

    Where a decision that amends a regulation republishes it in full after its own items
    (“…重新公布。” / 江西省流动人口服务和管理办法 / （…公布…修正） / 第一条 …), the
    decoder may start the numbering afresh there.
    """
    if m.ordinal != 1 or m.style not in ("chapter", "article"):
        return False
    lines = [b.text for b in blocks[max(0, i - 2) : i] if kind_of(b.text) != "note"]
    return bool(lines) and is_title_line(lines[-1]) and match_candidate(lines[-1]) is None


def _article_after_items(path: list[_Heading]) -> _Heading | None:
    """The article an unnumbered paragraph continues after its enumeration, if any.

    Items of an article (第五条 …：（一）…；（二）…。) are an enumeration; a paragraph
    after the last item is the article's next 款: it goes to the article's ``tail``.
    """
    item = path[-1]
    if len(path) >= 2 and path[-2].marker.style == "article" and item.closed and not item.text:
        return path[-2]
    return None


def _split_heading(m: Marker) -> tuple[str, str]:
    rest = m.rest
    if m.title_mode == "none":
        return "", rest
    if m.title_mode == "caption":
        if rest.startswith("【") and "】" in rest:
            caption, _, text = rest[1:].partition("】")
            return caption.strip(), text.strip()
        return "", rest
    if m.title_mode == "line":
        return rest, ""
    cut = first_full_stop(rest)
    if cut is None:
        return rest, ""
    return rest[:cut].strip(), rest[cut + 1 :].strip()


def _take_closing(sections: list[Section]) -> list[str]:
    """Move the signature, date and 版记 lines off the end of the last section."""
    last = sections[-1]
    while last.children:
        last = last.children[-1]
    lines = last.text.split("\n") if last.text else []
    cut = _closing_start(lines)
    if cut is None:
        return []
    closing = lines[cut:]
    last.text = "\n".join(lines[:cut])
    return closing


def _closing_start(lines: list[str]) -> int | None:
    """Where a trailing run of closing lines (signature, date, notes, 版记) begins."""
    cut = len(lines)
    anchored = False
    while cut > 0:
        line = lines[cut - 1]
        kind = kind_of(line)
        if kind in CLOSING_KINDS:
            anchored = True
        elif not is_signature(line):
            break
        cut -= 1
    if anchored and 0 < cut < len(lines) and is_signature(lines[cut]) and wraps_signer(lines[cut - 1], lines[cut]):
        cut -= 1  # 省市场监管局新型冠状病毒感染的 / 肺炎疫情防控工作领导小组: one signer on two lines
    return cut if anchored and cut < len(lines) else None


def _closing_from_paragraphs(front: Front) -> list[str]:
    cut = _closing_start(front.preamble)
    if cut is None:
        return []
    closing = front.preamble[cut:]
    del front.preamble[cut:]
    return closing


def _annex(blocks: list[Block]) -> Annex:
    label, same_line_title = annex_label(blocks[0].text) or ("附件", "")
    title_parts = [same_line_title] if same_line_title else []
    k = 1
    if not same_line_title:
        # A title set over several lines: every short unnumbered line before the text, and no
        # label with its value (组　长：王清宪 省长, the first line of a name list).
        while (
            k < len(blocks)
            and len(title_parts) < 4
            and blocks[k].kind == "para"
            and is_title_line(blocks[k].text)
            and match_marker(blocks[k].text) is None
            and "：" not in blocks[k].text
            and ":" not in blocks[k].text
        ):
            title_parts.append(blocks[k].text)
            k += 1
    _, sections, leading = _tree(blocks[k:])
    first = blocks[0]
    return Annex(
        label=label,
        title="".join(title_parts) or None,
        preamble="\n".join(b.text for b in leading),
        sections=sections,
        provenance=Provenance(page=first.page, line=first.line, element=first.element),
    )
