"""The reader table: which reader reads a decoded input, in order, as data.

PDF is recognised from its bytes before decoding (``api.detect_format``); every other
input is text, and the first row whose sniff test accepts it reads it. The text shapes
(Markdown, a page on one line, text dumps and PDF-extracted text) are rows of their own;
``read_text`` takes what no other row claims and tells hard-wrapped PDF text
(``pdf-text``) from one paragraph per line (``text``) itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

import regex

from ..blocks import ReadResult
from ..patterns import lazy
from .markdown import looks_like_markdown, read_markdown
from .oneline import looks_like_one_line, read_one_line
from .sina import looks_like_sina, read_sina
from .text import read_text

# [^<>]: a tag never spans another "<", so thousands of unclosed "<p" are scanned once, not each to the end.
_TAG = lazy(r"<(?:p|div|span|br|table|td|tr|font|html|body|meta|head|a|strong|b|h[1-6])\b[^<>]*>", regex.I)


def looks_like_html(text: str, path: str | None = None) -> bool:
    return next(islice(_TAG.finditer(text[:200_000]), 2, None), None) is not None  # a third tag: stop there


def _read_html(text: str, path: str | None = None) -> ReadResult:
    from .html import read_html  # deferred with lxml: only pages need it (start-up time)

    return read_html(text)


@dataclass(frozen=True, slots=True)
class Reader:
    format: str
    sniff: Callable[[str, str | None], bool]
    read: Callable[[str, str | None], ReadResult]


def _pdf_name(path: str | None) -> bool:
    return bool(path and path.lower().endswith(".pdf.txt"))


def _always(text: str, path: str | None = None) -> bool:
    return True


READERS: tuple[Reader, ...] = (
    Reader("sina", lambda text, path: looks_like_sina(text), lambda text, path: read_sina(text)),
    Reader("markdown", looks_like_markdown, lambda text, path: read_markdown(text)),
    Reader("html", looks_like_html, _read_html),
    Reader("oneline", looks_like_one_line, lambda text, path: read_one_line(text)),
    Reader("text", _always, lambda text, path: read_text(text, hint_pdf=_pdf_name(path))),
    # Only when asked for: text known to come out of a PDF.
    Reader("pdf-text", lambda text, path: False, lambda text, path: read_text(text, hint_pdf=True)),
)
BY_FORMAT = {reader.format: reader for reader in READERS}


def sniff(text: str, path: str | None = None) -> str:
    """The format of the first reader that accepts this text."""
    return next(reader.format for reader in READERS if reader.sniff(text, path))


def read(text: str, fmt: str, path: str | None = None) -> ReadResult:
    return BY_FORMAT[fmt].read(text, path)
