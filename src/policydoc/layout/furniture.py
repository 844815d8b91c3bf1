"""Page furniture: page numbers and running headers and footers."""

from __future__ import annotations

from collections import Counter

from ..patterns import lazy
from ..text import normalize
from .lines import Line

# Unlike copied text, a PDF line that is only a number is page furniture: table cells come as table rows.
PAGE_NUMBER = lazy(r"^[-—–－―\s]*\d{1,4}[-—–－―\s]*$|^第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?$")
TOP_MARGIN = 0.1  # share of the page height where running headers stand
BOTTOM_MARGIN = 0.88  # … and where footers start
_DIGITS = lazy(r"\d+")


def drop_furniture(pages: list[list[Line]], heights: list[float]) -> None:
    """Remove page numbers and lines repeated in the margins of many pages, in place."""
    repeated: Counter[str] = Counter()
    for page, height in zip(pages, heights, strict=True):
        seen = set()
        for line in page:
            if _in_margin(line, height):
                key = _furniture_key(line)
                if key not in seen:
                    repeated[key] += 1
                    seen.add(key)
    running = {key for key, n in repeated.items() if n >= 3 and n >= 0.3 * len(pages)}
    for i, (page, height) in enumerate(zip(pages, heights, strict=True)):
        pages[i] = [
            line
            for line in page
            if not (
                PAGE_NUMBER.match(normalize(line.text))
                or (_in_margin(line, height) and _furniture_key(line) in running)
            )
        ]


def _furniture_key(line: Line) -> str:
    """A header or footer with its page number masked: 学生手册 12 and 学生手册 13 match."""
    return _DIGITS.sub("#", line.text.replace(" ", ""))


def _in_margin(line: Line, height: float) -> bool:
    return line.bottom < TOP_MARGIN * height or line.top > BOTTOM_MARGIN * height
