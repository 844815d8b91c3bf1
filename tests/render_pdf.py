"""Render paragraphs as a GB/T 9704-style PDF page by page (test fixture maker).

A4, 版心 156 mm × 225 mm, 16 pt 仿宋-sized text: 28 characters a line, 22 lines a page,
first lines indented two characters, titles centred, page numbers ``— N —`` at the
foot. Uses reportlab's built-in CID font STSong-Light, so no font file is needed.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
SIZE = 15.75  # 三号
CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
LEFT = 28 * mm
TOP = 37 * mm
WIDTH = CHARS_PER_LINE * SIZE
PITCH = 225 * mm / LINES_PER_PAGE
PAGE_W, PAGE_H = 210 * mm, 297 * mm


def _wrap(text: str, width: float, first_indent: float) -> list[str]:
    lines, line, used = [], "", first_indent
    for ch in text:
        w = pdfmetrics.stringWidth(ch, FONT, SIZE)
        if used + w > width + 0.01:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    if line:
        lines.append(line)
    return lines


def render(paragraphs: list[tuple[str, str]], path: Path) -> int:
    """Write ``paragraphs`` ((kind, text), kind "title", "para" or "break") to ``path``; returns pages."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    # invariant: no creation date or random id, so the same text gives the same bytes
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    page, row = 1, 0

    def new_page() -> None:
        nonlocal page, row
        label = f"— {page} —"
        c.setFont(FONT, 14)
        c.drawCentredString(PAGE_W / 2, 15 * mm, label)
        c.showPage()
        page, row = page + 1, 0

    for kind, text in paragraphs:
        if kind == "break":  # the next paragraph starts a new page
            if row:
                new_page()
            continue
        if kind == "title":
            lines = _wrap(text, WIDTH - 4 * SIZE, 0)
        else:
            lines = _wrap(text, WIDTH, 2 * SIZE)
        for i, line in enumerate(lines):
            if row == LINES_PER_PAGE:
                new_page()
            y = PAGE_H - TOP - (row + 1) * PITCH + (PITCH - SIZE) / 2
            c.setFont(FONT, SIZE)
            if kind == "title":
                c.drawCentredString(LEFT + WIDTH / 2, y, line)
            else:
                c.drawString(LEFT + (2 * SIZE if i == 0 else 0), y, line)
            row += 1
    new_page()
    c.save()
    return page - 1
