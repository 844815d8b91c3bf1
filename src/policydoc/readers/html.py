"""Government web pages and page fragments.

Finds the article body (not navigation, related links or share buttons), turns it
into paragraphs with inline runs joined back (``〔|2019|〕|6|号``), tables into one
block per row, and reads the metadata grid that gov.cn-style pages put above the
article (索引号, 发文机关, 成文日期, 发文字号 …).
"""

from __future__ import annotations

from html import unescape
from itertools import islice
from typing import Any

import regex
from lxml import etree

from ..blocks import Block, ReadResult
from ..patterns import lazy
from ..text import CELL_SEP
from .chrome import container_chrome_out
from .grid import CHROME, GRID_LABELS, grid_from_text, label_key

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote section article header footer "
    "pre center tr td th tbody thead table br hr address figure figcaption main aside nav".split()
)
SKIP_TAGS = frozenset(
    "script style noscript iframe form button select input textarea svg object embed template head title".split()
)
WRAPPER_TAGS = frozenset("div section article main td tr tbody thead table center form body html".split())
ALIGN = lazy(r"text-align\s*:\s*(center|right|left)", regex.I)
HIDDEN = lazy(r"display\s*:\s*none", regex.I)
HAN = lazy(r"\p{Han}")
_HAN_RUNS = lazy(r"\p{Han}+")


def han_count(text: str) -> int:
    """How many Chinese characters ``text`` holds (by runs: a list per character costs 10× more).
    Most texts of a page are white space between tags: ASCII, no Chinese to look for."""
    return 0 if text.isascii() else sum(map(len, _HAN_RUNS.findall(text)))



# id or class of the article body in the CMSes Chinese government sites run on.
CONTAINER_HINT = lazy(
    r"^(?:UCAP-CONTENT|zoom|zoomcon|TRS_Editor|TRS_UEDITOR|trs_editor_view|article-content|article_content"
    r"|zcwjk-xlcon|BodyLabel|info_cont|content_article|pages_content|xxgk_content|bbnr|artile_zw|Zoom)$",
    regex.I,
)

# <meta name=…> of Chinese government CMSes.
META_NAMES = {
    "articletitle": "title",
    "pubdate": "published_at",
    "contentsource": "publisher",
}


def parse_tree(text: str) -> etree._Element:
    """The page as lxml.html's ``document_fromstring`` parses it, in plain lxml elements: the
    readers use no method of lxml.html's classes, whose Python class lookup ran for every
    element the walks touch."""
    if not text.strip():
        raise NoArticleText("empty HTML")
    # No network, no entities from outside: pages are data, never instructions.
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
    root = etree.fromstring(text, parser)
    if root is None:
        raise etree.ParserError("Document is empty")  # as document_fromstring
    return root


def han_totals(root: etree._Element) -> dict[etree._Element, int]:
    """Chinese characters below each element outside links, bottom-up in one pass.

    Link text is left out: navigation, related articles and footers are links.
    """
    totals: dict[etree._Element, int] = {}
    for el in reversed(list(root.iter())):
        tag = el.tag  # (lxml builds the tag, text and tail strings at each access: each read once)
        if not isinstance(tag, str) or tag in SKIP_TAGS or tag == "a":
            totals[el] = 0
            continue
        text = el.text
        n = han_count(text) if text else 0
        for child in el:
            n += totals.get(child, 0)
            if tail := child.tail:
                n += han_count(tail)
        totals[el] = n
    return totals


def find_container(root: etree._Element, totals: dict[etree._Element, int]) -> etree._Element:
    """The article body: a known CMS container, else the smallest element holding most text."""
    body = root.find("body")
    node = body if body is not None else root
    page_total = totals.get(node, 0)
    for el in node.iter():
        if not isinstance(el.tag, str):
            continue
        names = [el.get("id") or "", *(el.get("class") or "").split()]
        if any(CONTAINER_HINT.match(n) for n in names) and totals.get(el, 0) >= max(50, 0.25 * page_total):
            return el
    while True:
        total = totals.get(node, 0)
        # Only into wrappers: a paragraph that holds most of a short page is not the body.
        wrappers = [c for c in node if isinstance(c.tag, str) and c.tag in WRAPPER_TAGS]
        best = max(wrappers, key=lambda c: totals.get(c, 0), default=None)
        if best is None or total == 0 or totals.get(best, 0) < 0.5 * total:
            return node
        node = best


def _align(el: etree._Element, style: str | None) -> str | None:
    """The alignment of a block element with this style attribute."""
    m = ALIGN.search(style) if style else None
    value = (m.group(1) if m else el.get("align") or "").lower()
    return value if value in ("center", "right") else None


def flat_text(el: etree._Element) -> str:
    """An element's text with block boundaries as spaces."""
    parts: list[str] = []
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        if not isinstance(node.tag, str):
            if event == "end" and node.tail and node is not el:
                parts.append(node.tail)
            continue
        if event == "start":
            if node.tag in SKIP_TAGS:
                walker.skip_subtree()
                continue
            if node.tag in BLOCK_TAGS:
                parts.append(" ")
            if node.text:
                parts.append(node.text)
        else:
            if node.tag in BLOCK_TAGS:
                parts.append(" ")
            if node.tail and node is not el:
                parts.append(node.tail)
    return "".join(parts)


def cell_text(cell: etree._Element) -> str:
    """``flat_text(cell).strip()`` of a table cell; a cell without children is its text."""
    if len(cell) == 0:
        return (cell.text or "").strip()  # flat_text: the cell's block spaces around its text
    return flat_text(cell).strip()


def _is_data_table(table: etree._Element) -> bool:
    """Two rows of its own with two cells that hold text (counting stops there)."""
    multi = 0
    for tr in table.iter("tr"):
        if _nearest_table(tr) is table:
            filled = (1 for td in tr if td.tag in ("td", "th") and cell_text(td))
            if next(islice(filled, 1, None), None) is not None:  # a second cell with text
                multi += 1
                if multi >= 2:
                    return True
    return False


def _nearest_table(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def extract_blocks(container: etree._Element) -> list[Block]:
    """Paragraphs of the article in document order; a data table gives one block per row."""
    blocks: list[Block] = []
    buf: list[str] = []
    element = 0  # block elements so far
    align: str | None = None

    def flush() -> None:
        text = "".join(buf).strip()
        buf.clear()
        if text:
            blocks.append(Block(text=text, element=element, align=align))

    walker = etree.iterwalk(container, events=("start", "end"))
    for event, el in walker:
        tag = el.tag  # (lxml builds the string at each access)
        if not isinstance(tag, str):
            tag = None
        if event == "start":
            if tag is None:
                continue
            style = el.get("style")
            if tag in SKIP_TAGS or (style and HIDDEN.search(style)):
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                if buf:  # (flush makes no block of nothing)
                    flush()
                element += 1
                align = _align(el, style)
            if tag == "table" and _is_data_table(el):
                for tr in el.iter("tr"):
                    if _nearest_table(tr) is el:
                        cells = [cell_text(td) for td in tr if td.tag in ("td", "th")]
                        row = CELL_SEP.join(c for c in cells if c)
                        if row:
                            blocks.append(Block(text=row, kind="table", element=element))
                walker.skip_subtree()
                continue
            if text := el.text:
                buf.append(text)
        else:
            if tag in BLOCK_TAGS and buf:
                flush()
            if el is not container and (tail := el.tail):
                buf.append(tail)
    flush()
    return blocks


def read_grid(root: etree._Element, container: etree._Element) -> dict[str, Any]:
    """Label/value pairs of the metadata grid outside the article body."""
    tokens: list[str] = []
    inside = set(container.iter())
    for el in root.iter():
        if el in inside or not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        for piece in (el.text, el.tail):
            if piece and piece.strip():
                tokens.append(piece.strip())
    grid: dict[str, Any] = {}
    for i, token in enumerate(tokens):
        head, sep, tail = token.partition("：") if "：" in token else token.partition(":")
        field = GRID_LABELS.get(label_key(head))
        if field is None or field in grid:
            continue
        value = tail.strip() if sep and tail.strip() else None
        if value is None and i + 1 < len(tokens) and label_key(tokens[i + 1].partition("：")[0]) not in GRID_LABELS:
            value = tokens[i + 1]
        if value and value not in CHROME:
            grid[field] = value
    return grid


def read_meta(root: etree._Element) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for el in root.iter("meta"):
        field = META_NAMES.get((el.get("name") or "").lower())
        if field and el.get("content", "").strip():
            meta.setdefault(field, el.get("content").strip())
    title = root.find(".//title")
    if title is not None and title.text and title.text.strip():
        meta.setdefault("page_title", " ".join(title.text.split()))
    return meta


_HIDDEN = lazy(r"<(script|style|noscript|template|head)\b|<!--", regex.I)
# [^<>]: a tag never spans another "<", so a page of unclosed "<p" is scanned once, not once per "<p".
_BREAK = lazy(r"</?(?:p|div|br|tr|li|h[1-6]|table|section|article|dd|dt|blockquote|center)\b[^<>]*>", regex.I)
_ANY_TAG = lazy(r"<[^<>]*>")
MIN_ARTICLE_HAN = 10


class NoArticleText(ValueError):
    """A page with no article body (the API turns it into EmptyDocumentError)."""


def flat_blocks(text: str) -> list[Block]:
    """Paragraphs by tag boundaries alone, for markup no tree parser keeps whole.

    libxml2 stops at 256 (or 2048) levels of nesting and drops what lies deeper.
    """
    flat = _ANY_TAG.sub("", _BREAK.sub("\n", _drop_hidden(text)))
    lines = (unescape(line).strip() for line in flat.split("\n"))
    return [Block(text=line, element=i) for i, line in enumerate(lines) if line]


def _drop_hidden(text: str) -> str:
    """Scripts, styles, the head and comments, each replaced by a space.

    One pass: an opener whose closer never comes is kept as text, and a closer known to be
    absent is not searched for again (a regex ``.*?`` rescans to the end for every opener).
    """
    lower = text.lower()
    out: list[str] = []
    absent: set[str] = set()
    pos = 0
    while m := _HIDDEN.search(text, pos):
        closer = "-->" if m.group(1) is None else "</" + m.group(1).lower()
        at = -1 if closer in absent else lower.find(closer, m.end())
        if at < 0:
            absent.add(closer)
            out.append(text[pos : m.end()])
            pos = m.end()
            continue
        end = at + len(closer) if closer == "-->" else lower.find(">", at) + 1
        out.append(text[pos : m.start()] + " ")
        pos = end if end > 0 else len(text)
    out.append(text[pos:])
    return "".join(out)


def _has_article_text(blocks: list[Block]) -> bool:
    """At least MIN_ARTICLE_HAN Chinese characters (counting stops there: pages are long)."""
    seen = 0
    for b in blocks:
        seen += han_count(b.text)
        if seen >= MIN_ARTICLE_HAN:
            return True
    return False


def read_html(text: str) -> ReadResult:
    result = _read_tree(text)
    if not _has_article_text(result.blocks):
        flat = flat_blocks(text)
        if _has_article_text(flat):
            result.blocks = flat
    if not _has_article_text(result.blocks):
        raise NoArticleText("no article text: the page holds only navigation, links or scripts")
    return result


def _read_tree(text: str) -> ReadResult:
    root = parse_tree(text)
    totals = han_totals(root)
    container = find_container(root, totals)
    source_meta = read_meta(root) | read_grid(root, container)
    blocks = []
    for block in extract_blocks(container):
        inner_grid = grid_from_text(block.text)
        if inner_grid:  # the metadata grid inside the article container is not article text
            for key, value in inner_grid.items():
                source_meta.setdefault(key, value)
        elif block.text.strip() not in CHROME:
            blocks.append(block)
    kept = container_chrome_out([(i, b.text) for i, b in enumerate(blocks) if b.kind != "table"])
    if len(kept) + sum(b.kind == "table" for b in blocks) < len(blocks):
        keep = {i for i, _ in kept}
        blocks = [b for i, b in enumerate(blocks) if i in keep or b.kind == "table"]
    return ReadResult(blocks=blocks, format="html", source_meta=source_meta)
