"""The engine interface: what the PDF reader needs from a PDF library.

An engine opens the bytes and then yields, page by page, the page size and every
character with its box (``layout.PageChars``); the info dictionary gives title and
author. The layout code never sees the library.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from ...layout import PageChars


class EngineError(Exception):
    """The engine cannot open or read this file (internal: the reader falls back or raises a PolicyDocError)."""


class PdfSource(Protocol):
    page_count: int

    def info(self) -> dict[str, object]:
        """The info dictionary (``Title``, ``Author`` …) as the file states it."""
        ...

    def pages(self) -> Iterator[PageChars]:
        """Each page in order; only one page's characters are held at a time."""
        ...

    def close(self) -> None: ...
