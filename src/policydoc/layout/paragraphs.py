"""Lines → paragraphs (blocks), from the layout of the whole document.

A first-line indent starts a paragraph, a line that stops short of the right margin
ends one, and a paragraph carries on across a page break. Documents set without a
first-line indent still start a paragraph at a numbering marker after a sentence end.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from statistics import median

from ..blocks import Block
from ..docparts import kind_of
from ..numbering import match_marker
from ..readers.lines import SENTENCE_END, join_lines
from ..text import normalize
from .lines import Line

TABLE_GAPS = 2  # a line with this many wide gaps is a row of table cells
# After these, a line that opens with a numbering marker is a new paragraph even if the
# line before it ran to the right margin (PDFs set without first-line indent).
CLAUSE_END = "。；！？"


def paragraphs(lines: list[Line]) -> list[Block]:
    lines = [line for line in lines if line.size > 0]
    if not lines:
        return []
    size = median(line.size for line in lines)
    body = [round(line.x0) for line in lines if abs(line.size - size) <= 0.15 * size]
    left = Counter(body).most_common(1)[0][0] if body else min(round(line.x0) for line in lines)
    right = _right_margin(lines)
    pitch = _line_pitch(lines, size)
    blocks: list[Block] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            blocks.append(_block(current, left, right, size))
            current.clear()

    for line in lines:
        if line.gaps >= TABLE_GAPS:
            # A table row: its own block, never joined to prose or to the next row.
            flush()
            blocks.append(Block(text=line.text, kind="table", page=line.page, line=line.number))
            continue
        if current and _starts_paragraph(current[-1], line, left, right, size, pitch):
            flush()
        current.append(line)
    flush()
    return blocks


def _right_margin(lines: list[Line]) -> float:
    ends = sorted(line.x1 for line in lines)
    # The right edge of full lines: a high percentile, robust to a few wide tables.
    return ends[int(0.9 * (len(ends) - 1))]


def _line_pitch(lines: list[Line], size: float) -> float:
    gaps = [b.top - a.top for a, b in pairwise(lines) if a.page == b.page and 0 < b.top - a.top < 4 * size]
    return median(gaps) if gaps else 1.8 * size


def _centered(line: Line, left: float, right: float, size: float) -> bool:
    gap_left, gap_right = line.x0 - left, right - line.x1
    return gap_left > 1.5 * size and gap_right > 1.5 * size and abs(gap_left - gap_right) < 2 * size


def _starts_paragraph(prev: Line, line: Line, left: float, right: float, size: float, pitch: float) -> bool:
    if abs(line.size - prev.size) > 0.12 * size:
        return True
    if line.page == prev.page and line.top - prev.top > 1.9 * pitch:
        return True
    if _centered(prev, left, right, size) and _centered(line, left, right, size):
        # A title set over several centred lines is one paragraph, but the centred
        # 发文字号 or date under it is a line of its own.
        return prev.text[-1:] in SENTENCE_END or kind_of(normalize(line.text)) is not None
    if line.x0 > left + 1.2 * line.size:
        return True
    if prev.text[-1:] in CLAUSE_END and match_marker(normalize(line.text)) is not None:
        return True
    return prev.x1 < right - 1.2 * prev.size


def _block(lines: list[Line], left: float, right: float, size: float) -> Block:
    first = lines[0]
    text = join_lines([line.text for line in lines])
    align = "center" if _centered(first, left, right, size) else None
    if align is None and first.x0 > left + 0.4 * (right - left) and len(lines) == 1:
        align = "right"
    return Block(text=text, page=first.page, line=first.number, align=align)
