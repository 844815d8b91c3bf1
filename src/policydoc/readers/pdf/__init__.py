"""Real PDFs: characters with their positions, through a PDF engine, then the shared layout.

Two engines read the characters: PDFium (``pdfium``, the default, about ten times as
fast) and pdfminer through pdfplumber (``pdfplumber``). When PDFium cannot open or
read a file the reader retries with pdfplumber and says so with a
``PDFEngineWarning``. Lines, paragraphs, page furniture and the text-layer checks are
engine-independent (``policydoc.layout``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from typing import Any

from ...blocks import ReadResult
from ...errors import NoTextLayerError, PolicyDocError, TooLargeError, UnsupportedFormatError
from ...layout import Line, lay_out, page_lines, text_share
from ...model import ParseWarning
from .engine import EngineError, PdfSource

MAX_PAGES = 1000  # default limit; parse(..., max_pages=N) raises it
# Reading stops with a clear error once a document has taken this long: damaged streams
# can send pdfminer into a byte-by-byte fallback, and a batch must not stall on one file.
MAX_SECONDS = 60.0
# One page through pdfminer (the second engine): a damaged font or stream can send it into a
# loop of minutes (a bit flip in a ToUnicode range: 15 s on one page). PDFium never needs this.
MAX_PAGE_SECONDS = 3.0
# Share of characters that must be real text (Chinese, Latin letters, digits, punctuation)
# for a text layer to be trusted; below it the layer is garbage and the PDF needs OCR.
MIN_TEXT_SHARE = 0.5
ENGINES = ("pdfium", "pdfplumber")
DEFAULT_ENGINE = "pdfium"
ENGINE_VARIABLE = "POLICYDOC_PDF_ENGINE"  # how `--engine` reaches batch worker processes
_PLACEHOLDERS = frozenset(("标题", "作者", "Title", "Author"))
# PDFium is not thread-safe: one document at a time per process (batch workers are processes).
_PDFIUM = threading.Lock()


class PDFEngineWarning(UserWarning):
    """The default engine could not read a PDF and the fallback engine was used."""


def read_pdf(
    data: bytes,
    path: str | None = None,
    *,
    max_pages: int = MAX_PAGES,
    engine: str | None = None,
    max_seconds: float = MAX_SECONDS,
) -> ReadResult:
    """Read a PDF's text layer into paragraphs.

    ``engine`` is ``pdfium`` or ``pdfplumber``; without it, ``$POLICYDOC_PDF_ENGINE`` or
    ``pdfium``, falling back to pdfplumber when PDFium fails. A chosen engine has no fallback.
    """
    engine = engine or os.environ.get(ENGINE_VARIABLE) or None
    if engine is not None and engine not in ENGINES:
        raise UnsupportedFormatError(f"unknown PDF engine {engine!r}; choose one of {', '.join(ENGINES)}", path)
    name = engine or DEFAULT_ENGINE
    try:
        return _read(name, data, path, max_pages, max_seconds)
    except EngineError as exc:
        if engine is not None or name == "pdfplumber":
            raise UnsupportedFormatError(str(exc), path) from None
        first = exc
    try:
        result = _read("pdfplumber", data, path, max_pages, max_seconds)
    except EngineError as exc:
        raise UnsupportedFormatError(str(exc), path) from None
    warnings.warn(f"{path}: {first}; read with pdfplumber instead", PDFEngineWarning, stacklevel=2)
    result.warnings.append(ParseWarning(code="W004", message=f"{first}; read with pdfplumber instead"))
    return result


def _opener(name: str) -> Callable[[bytes, str | None], PdfSource]:
    if name == "pdfium":
        from .pdfium import open_pdf
    else:
        from .plumber import open_pdf
    return open_pdf


def _read(engine: str, data: bytes, path: str | None, max_pages: int, max_seconds: float) -> ReadResult:
    with _PDFIUM if engine == "pdfium" else contextlib.nullcontext():
        pages, heights, n_pages, info = _read_lines(engine, data, path, max_pages, max_seconds)
    if not any(pages):
        raise NoTextLayerError(
            f"no text layer on any of its {n_pages} pages: it is probably scanned and needs OCR first", path
        )
    share = text_share(pages)
    if share < MIN_TEXT_SHARE:
        raise NoTextLayerError(
            f"the text layer is garbage (only {share:.0%} of its characters are text): it needs OCR first", path
        )
    return ReadResult(blocks=lay_out(pages, heights), format="pdf", pages=n_pages, source_meta=info)


def _read_lines(
    engine: str, data: bytes, path: str | None, max_pages: int, max_seconds: float
) -> tuple[list[list[Line]], list[float], int, dict[str, Any]]:
    """Every page's lines and height, the page count and the info fields; the file is closed after."""
    start = time.monotonic()
    source = _opener(engine)(data, path)
    try:
        n_pages = source.page_count
        if n_pages > max_pages:
            raise TooLargeError(f"{n_pages} pages exceed the limit of {max_pages} (raise max_pages)", path)
        pages: list[list[Line]] = []
        heights: list[float] = []
        try:
            pages_of = iter(source.pages())
            for number in range(1, n_pages + 1):
                with _page_deadline(MAX_PAGE_SECONDS if engine == "pdfplumber" else 0, number, path):
                    page = next(pages_of, None)
                    if page is None:
                        break
                    pages.append(page_lines(page.chars, number))
                heights.append(page.height)
                if time.monotonic() - start > max_seconds:
                    raise TooLargeError(
                        f"reading stopped after {max_seconds:g} s at page {number} of {n_pages}: "
                        "damaged content streams? (raise max_seconds)",
                        path,
                    )
            info = _info(source.info())
        except (PolicyDocError, EngineError):
            raise
        except Exception as exc:  # a damaged page tree or content stream
            raise EngineError(f"a page cannot be read ({type(exc).__name__}: {exc})") from None
    finally:
        try:
            source.close()
        except Exception:  # closing must never replace the real outcome
            pass
    return pages, heights, n_pages, info


class _PageTimeout(BaseException):
    """Not an Exception: pdfplumber wraps every Exception from pdfminer as its own."""


@contextlib.contextmanager
def _page_deadline(seconds: float, number: int, path: str | None) -> Iterator[None]:
    """Stop a page that runs past ``seconds`` with a TooLargeError (SIGALRM: main thread only).

    A caller's own pending alarm is kept: if it is due first, no deadline is set; else it is
    re-armed with the time left when the page is done.
    """
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    pending, _ = signal.getitimer(signal.ITIMER_REAL)
    if pending and pending <= seconds:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _PageTimeout

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _PageTimeout:
        raise TooLargeError(
            f"page {number} took more than {seconds:g} s to read (a damaged font or content stream)", path
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if pending:
            signal.setitimer(signal.ITIMER_REAL, max(pending - (time.monotonic() - started), 0.001))


def _info(meta: dict[str, Any]) -> dict[str, Any]:
    # Producers leave placeholders (标题, 作者) in the info dictionary: keep real values only.
    out = {}
    for key, field_name in (("Title", "pdf_title"), ("Author", "pdf_author")):
        value = meta.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "ignore")
        if isinstance(value, str) and value.strip() and value.strip() not in _PLACEHOLDERS:
            out[field_name] = value.strip()
    return out
