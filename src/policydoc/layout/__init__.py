"""Engine-independent page layout: positioned characters → lines → paragraphs.

A PDF engine (PDFium, pdfminer through pdfplumber) or another fixed-layout reader
(OFD) hands over, page by page, the page size and every character with its box;
everything after that — lines, page furniture, paragraphs, the text-layer checks —
lives here and knows nothing about the engine.
"""

from __future__ import annotations

from .chars import Char, PageChars
from .furniture import drop_furniture
from .lines import Line, page_lines, text_share
from .paragraphs import paragraphs

__all__ = ["Char", "Line", "PageChars", "drop_furniture", "page_lines", "paragraphs", "text_share"]
