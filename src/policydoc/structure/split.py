"""Articles run together in one paragraph, split apart before decoding.

Whatever the source format, a chapter heading may carry its first article on the same
line (``第一章　总则　　第一条　为了…``) and a paragraph may hold several articles
(``第一条 …。第二条 …。``), and a reader may have joined an article to the end of the one
before (``…影印件。第十五条 …``). Left alone, the chapter title swallows the articles.
Only markers the rule table reads as strong are split off, and after a sentence end only
the next article in sequence, so a cross-reference (``…。第十三条规定的…``) stays text.
"""

from __future__ import annotations

from dataclasses import replace

from ..blocks import Block
from ..numbering import CN_DIGITS, match_candidate, match_marker, read_numeral
from ..patterns import lazy

# Where a heading may start inside a paragraph: 第N条 / 第N节, then the rule table decides.
_INNER = lazy(rf"第\s*(?:[{CN_DIGITS}]{{1,5}}|\d{{1,3}})\s*[条节]")
_AFTER_STOP = lazy(rf"。\s*(?P<marker>第\s*(?P<n>[{CN_DIGITS}]{{1,5}}|\d{{1,3}})\s*条)")
_TITLE_MAX = 30  # a chapter title is short; a longer run before 第N条 is not a title
# What may open inside a paragraph that starts with each style.
_INSIDE = {"chapter": ("part", "article"), "part": ("article",)}


def split_run_together(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    article = 0  # the last article seen: inside a paragraph only the next one is split off
    for block in blocks:
        pieces = _pieces(block.text, article) if block.kind == "para" and "第" in block.text else [block.text]
        for text in pieces:
            out.append(replace(block, text=text) if len(pieces) > 1 else block)
            m = match_candidate(text) if text.startswith("第") else None
            if m is not None and m.style == "article":
                article = m.ordinal
    return out


def _pieces(text: str, article: int) -> list[str]:
    pieces: list[str] = []
    m = match_candidate(text) if text.startswith("第") else None
    if m is not None and m.style == "article":
        article = m.ordinal
    while True:
        cut = _cut(text, article)
        if cut is None:
            pieces.append(text)
            return pieces
        pieces.append(text[:cut].rstrip())
        text = text[cut:]
        m = match_marker(text)
        if m is not None and m.style == "article":
            article = m.ordinal


def _cut(text: str, article: int) -> int | None:
    """Where the next heading starts inside ``text``, if anywhere.

    In a paragraph opened by 第N章/第N节: its first part or article after a short title.
    In any other paragraph: the next article (after ``article``) right after a sentence end.
    """
    head = match_marker(text) if text[0] == "第" else None
    if head is not None and head.style in _INSIDE:
        start = len(text) - len(head.rest)
        m = _INNER.search(text, start)
        if m is None:
            return None
        inner = match_marker(text[m.start() :])
        before = text[start : m.start()].strip()
        if inner is not None and inner.style in _INSIDE[head.style] and len(before) <= _TITLE_MAX:
            return m.start() if "。" not in before else None
        return None
    if "。" not in text:
        return None
    for m in _AFTER_STOP.finditer(text):
        if read_numeral(m.group("n")) == article + 1:
            inner = match_marker(text[m.start("marker") :])
            if inner is not None and inner.style == "article":
                return m.start("marker")
    return None
