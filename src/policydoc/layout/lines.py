"""Characters → lines, Chinese characters first.

Digits set in another font sit a little lower than their line (the sichuan PDF) and
must be put back where they stand on the page, so lines are defined by the Chinese
characters and every other character joins the line whose middle is nearest.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from ..patterns import lazy
from ..text import is_han
from .chars import Char

# Characters below this size (a 0 Tf, hidden text) have no height to build lines with.
MIN_SIZE = 0.5
# A character drawn again within this share of the size from itself is overprint (fake bold), not text.
OVERPRINT = 0.2


@dataclass(slots=True)
class Line:
    chars: list[Char]
    top: float
    bottom: float
    page: int
    number: int = 0
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    size: float = 0.0
    gaps: int = 0  # gaps wider than two characters: table cells side by side

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def page_lines(chars: list[Char], page: int) -> list[Line]:
    """Group a page's characters into lines, top to bottom, each with its text and extent."""
    upright = [c for c in chars if c.upright and c.size >= MIN_SIZE and c.text.strip()]
    if not upright:
        return []
    upright.sort(key=lambda c: (round(c.top, 1), c.x0))
    lines: list[Line] = []
    rest: list[Char] = []
    for c in upright:
        if not is_han(c.text):
            rest.append(c)
            continue
        tol = 0.3 * (c.bottom - c.top)
        line = lines[-1] if lines else None
        if line is not None and abs(c.top - line.top) <= tol:
            line.chars.append(c)
            line.bottom = max(line.bottom, c.bottom)
        else:
            lines.append(Line(chars=[c], top=c.top, bottom=c.bottom, page=page))
    orphans: list[Line] = []
    for c in rest:
        middle = (c.top + c.bottom) / 2
        height = c.bottom - c.top
        best = min(lines, key=lambda ln: abs(ln.middle - middle), default=None)
        if best is not None and abs(best.middle - middle) <= 0.85 * max(height, best.bottom - best.top):
            best.chars.append(c)
            continue
        near = next((ln for ln in orphans if abs(ln.middle - middle) <= 0.5 * height), None)
        if near is not None:
            near.chars.append(c)
        else:
            orphans.append(Line(chars=[c], top=c.top, bottom=c.bottom, page=page))
    lines.extend(orphans)
    lines.sort(key=lambda ln: ln.top)
    for number, line in enumerate(lines, start=1):
        line.number = number
        _finish(line)
        line.chars = []  # only the line's text and extent are needed from here on: memory stays flat
    return lines


def _finish(line: Line) -> None:
    chars = sorted(line.chars, key=lambda c: c.x0)
    sizes = [c.size for c in chars if is_han(c.text)] or [c.size for c in chars]
    line.size = median(sizes)
    line.x0 = chars[0].x0
    line.x1 = chars[-1].x1
    out: list[str] = []
    prev = None
    for c in chars:
        t = c.text
        if prev is not None and t == prev.text and abs(c.x0 - prev.x0) < OVERPRINT * line.size:
            continue  # the same character drawn again a hair to the side: fake bold
        if prev is not None and c.x0 - prev.x1 > 2 * line.size:
            line.gaps += 1
        if prev is not None and c.x0 - prev.x1 > 0.3 * line.size:
            # Keep word gaps between Latin letters and digits; Chinese needs none.
            if prev.text[-1:].isascii() and t[:1].isascii() and prev.text.isalnum() and t.isalnum():
                out.append(" ")
        out.append(t)
        prev = c
    line.text = "".join(out)


_TEXTLIKE = lazy(r"[\p{Han}A-Za-z0-9，。、；：？！“”‘’《》（）〔〕【】,.;:?!()%\-—·]")


def text_share(pages: list[list[Line]]) -> float:
    """Share of the characters that are real text (Chinese, Latin, digits, punctuation)."""
    total = real = 0
    for page in pages:
        for line in page:
            total += len(line.text)
            real += len(_TEXTLIKE.findall(line.text)) - 5 * line.text.count("(cid:")
    return max(real, 0) / total if total else 0.0
