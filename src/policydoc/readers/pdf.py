"""Real PDFs through pdfplumber, using the position of every character.

Lines are rebuilt from character geometry rather than ``extract_text()``: digits
set in another font sit a little lower than their line (the sichuan PDF) and must
be put back where they stand on the page. Paragraphs come from the layout: a
first-line indent starts one, a line that stops short of the right margin ends
one, and a paragraph carries on across a page break. Page numbers and running
headers/footers are dropped.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import Any

import regex

from ..blocks import Block, ReadResult
from ..docparts import kind_of
from ..errors import EncryptedPDFError, NoTextLayerError, PolicyDocError, TooLargeError, UnsupportedFormatError
from ..text import is_han, normalize
from .lines import SENTENCE_END, join_lines

# Unlike copied text, a PDF line that is only a number is page furniture: table cells come as table rows.
PAGE_NUMBER = regex.compile(r"^[-—–－―\s]*\d{1,4}[-—–－―\s]*$|^第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?$")
MAX_PAGES = 1000  # default limit; parse(..., max_pages=N) raises it
# Share of characters that must be real text (Chinese, Latin letters, digits, punctuation)
# for a text layer to be trusted; below it the layer is garbage and the PDF needs OCR.
MIN_TEXT_SHARE = 0.5
TABLE_GAPS = 2  # a line with this many wide gaps is a row of table cells


@dataclass(slots=True)
class Line:
    chars: list[dict[str, Any]]
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


def read_pdf(data: bytes, path: str | None = None, *, max_pages: int = MAX_PAGES) -> ReadResult:
    import pdfplumber  # deferred: importing pdfminer costs ~0.2 s that HTML users never need
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise EncryptedPDFError("the PDF is encrypted and needs a password", path) from None
        hint = " — the file ends early: truncated?" if type(cause).__name__ == "PSEOF" else ""
        raise UnsupportedFormatError(f"not a readable PDF ({type(cause).__name__}{hint})", path) from None
    except Exception as exc:  # pdfminer raises bare KeyError, TypeError, AssertionError … on damaged files
        raise UnsupportedFormatError(f"not a readable PDF ({type(exc).__name__})", path) from None
    with pdf:
        try:
            pages, sizes, info = _read_pages(pdf, path, max_pages)
        except PolicyDocError:
            raise
        except Exception as exc:  # same: a damaged page tree or content stream
            raise UnsupportedFormatError(f"a page cannot be read ({type(exc).__name__}: {exc})", path) from None
    n_pages = len(pages)
    if not any(pages):
        raise NoTextLayerError(
            f"no text layer on any of its {n_pages} pages: it is probably scanned and needs OCR first", path
        )
    share = _text_share(pages)
    if share < MIN_TEXT_SHARE:
        raise NoTextLayerError(
            f"the text layer is garbage (only {share:.0%} of its characters are text): it needs OCR first", path
        )
    _drop_furniture(pages, sizes)
    blocks = _paragraphs([line for page in pages for line in page])
    return ReadResult(blocks=blocks, format="pdf", pages=n_pages, source_meta=info)


def _read_pages(pdf: Any, path: str | None, max_pages: int) -> tuple[list[list[Line]], list[tuple[float, float]], dict]:
    n_pages = len(pdf.pages)
    if n_pages > max_pages:
        raise TooLargeError(f"{n_pages} pages exceed the limit of {max_pages} (raise max_pages)", path)
    pages: list[list[Line]] = []
    sizes: list[tuple[float, float]] = []
    for number, page in enumerate(pdf.pages, start=1):
        pages.append(_lines(page.chars, number))
        sizes.append((float(page.width), float(page.height)))
        page.close()  # drop pdfplumber's per-page caches: memory stays flat over long files
    return pages, sizes, _info(pdf.metadata)


_TEXTLIKE = regex.compile(r"[\p{Han}A-Za-z0-9，。、；：？！“”‘’《》（）〔〕【】,.;:?!()%\-—·]")


def _text_share(pages: list[list[Line]]) -> float:
    total = real = 0
    for page in pages:
        for line in page:
            total += len(line.text)
            real += len(_TEXTLIKE.findall(line.text)) - 5 * line.text.count("(cid:")
    return max(real, 0) / total if total else 0.0


def _info(meta: dict[str, Any]) -> dict[str, Any]:
    # Producers leave placeholders (标题, 作者) in the info dictionary: keep real values only.
    out = {}
    for key, field_name in (("Title", "pdf_title"), ("Author", "pdf_author")):
        value = meta.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "ignore")
        if isinstance(value, str) and value.strip() and value.strip() not in ("标题", "作者", "Title", "Author"):
            out[field_name] = value.strip()
    return out


def _is_anchor(ch: str) -> bool:
    return is_han(ch)


def _lines(chars: list[dict[str, Any]], page: int) -> list[Line]:
    """Group a page's characters into lines, Chinese characters first.

    Chinese characters define the lines; digits and punctuation in other fonts are
    then attached to the line whose middle is nearest, so a number drawn a few
    points low still lands in its sentence.
    """
    upright = [c for c in chars if c.get("upright", True) and c["text"].strip()]
    if not upright:
        return []
    upright.sort(key=lambda c: (round(c["top"], 1), c["x0"]))
    lines: list[Line] = []
    rest: list[dict[str, Any]] = []
    for c in upright:
        if not _is_anchor(c["text"]):
            rest.append(c)
            continue
        tol = 0.3 * (c["bottom"] - c["top"])
        line = lines[-1] if lines else None
        if line is not None and abs(c["top"] - line.top) <= tol:
            line.chars.append(c)
            line.bottom = max(line.bottom, c["bottom"])
        else:
            lines.append(Line(chars=[c], top=c["top"], bottom=c["bottom"], page=page))
    orphans: list[Line] = []
    for c in rest:
        middle = (c["top"] + c["bottom"]) / 2
        height = c["bottom"] - c["top"]
        best = min(lines, key=lambda ln: abs(ln.middle - middle), default=None)
        if best is not None and abs(best.middle - middle) <= 0.85 * max(height, best.bottom - best.top):
            best.chars.append(c)
            continue
        near = next((ln for ln in orphans if abs(ln.middle - middle) <= 0.5 * height), None)
        if near is not None:
            near.chars.append(c)
        else:
            orphans.append(Line(chars=[c], top=c["top"], bottom=c["bottom"], page=page))
    lines.extend(orphans)
    lines.sort(key=lambda ln: ln.top)
    for number, line in enumerate(lines, start=1):
        line.number = number
        _finish(line)
        line.chars = []  # pdfplumber's char dicts are large: keep only what the layout needs
    return lines


def _finish(line: Line) -> None:
    chars = sorted(line.chars, key=lambda c: c["x0"])
    sizes = [c["size"] for c in chars if _is_anchor(c["text"])] or [c["size"] for c in chars]
    line.size = median(sizes)
    line.x0 = chars[0]["x0"]
    line.x1 = chars[-1]["x1"]
    out: list[str] = []
    prev = None
    for c in chars:
        t = c["text"]
        if prev is not None and c["x0"] - prev["x1"] > 2 * line.size:
            line.gaps += 1
        if prev is not None and c["x0"] - prev["x1"] > 0.3 * line.size:
            # Keep word gaps between Latin letters and digits; Chinese needs none.
            if prev["text"][-1:].isascii() and t[:1].isascii() and prev["text"].isalnum() and t.isalnum():
                out.append(" ")
        out.append(t)
        prev = c
    line.text = "".join(out)


def _drop_furniture(pages: list[list[Line]], sizes: list[tuple[float, float]]) -> None:
    """Remove page numbers and running headers and footers, in place."""
    repeated: Counter[str] = Counter()
    for page, (_, height) in zip(pages, sizes, strict=True):
        seen = set()
        for line in page:
            if _in_margin(line, height):
                key = _furniture_key(line)
                if key not in seen:
                    repeated[key] += 1
                    seen.add(key)
    running = {key for key, n in repeated.items() if n >= 3 and n >= 0.3 * len(pages)}
    for i, (page, (_, height)) in enumerate(zip(pages, sizes, strict=True)):
        pages[i] = [
            line
            for line in page
            if not (
                PAGE_NUMBER.match(normalize(line.text))
                or (_in_margin(line, height) and _furniture_key(line) in running)
            )
        ]


_DIGITS = regex.compile(r"\d+")


def _furniture_key(line: Line) -> str:
    """A header or footer with its page number masked: 学生手册 12 and 学生手册 13 match."""
    return _DIGITS.sub("#", line.text.replace(" ", ""))


def _in_margin(line: Line, height: float) -> bool:
    return line.bottom < 0.1 * height or line.top > 0.88 * height


def _paragraphs(lines: list[Line]) -> list[Block]:
    if not lines:
        return []
    size = median(line.size for line in lines)
    left = Counter(round(line.x0) for line in lines if abs(line.size - size) < 0.15 * size).most_common(1)[0][0]
    right = _right_margin(lines, size)
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


def _right_margin(lines: list[Line], size: float) -> float:
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
    return prev.x1 < right - 1.2 * prev.size


def _block(lines: list[Line], left: float, right: float, size: float) -> Block:
    first = lines[0]
    text = join_lines([line.text for line in lines])
    align = "center" if _centered(first, left, right, size) else None
    if align is None and first.x0 > left + 0.4 * (right - left) and len(lines) == 1:
        align = "right"
    return Block(text=text, page=first.page, line=first.number, align=align)
