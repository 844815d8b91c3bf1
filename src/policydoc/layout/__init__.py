"""Engine-independent page layout: positioned characters → lines → paragraphs.

A PDF engine (PDFium, pdfminer through pdfplumber) or another fixed-layout reader
(OFD) hands over, page by page, the page size and every character with its box;
everything after that — lines, page furniture, paragraphs, the text-layer checks —
lives here and knows nothing about the engine.
"""

from __future__ import annotations

from ..blocks import Block
from .chars import Char, PageChars
from .furniture import drop_furniture
from .lines import Line, page_lines, text_share
from .paragraphs import paragraphs

__all__ = ["Char", "Line", "PageChars", "drop_furniture", "lay_out", "page_lines", "paragraphs", "text_share"]


def lay_out(pages: list[list[Line]], heights: list[float]) -> list[Block]:
    """The lines of every page (``page_lines``) as paragraphs, page furniture removed."""
    drop_furniture(pages, heights)
    return paragraphs([line for page in pages for line in page])
