"""``policydoc.parse()``: read → normalize → number → structure → model."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import regex
from lxml import etree

from .blocks import Block, ReadResult
from .errors import EmptyDocumentError, PolicyDocError, TooLargeError, UnreadableFileError, UnsupportedFormatError
from .metadata import extract
from .model import News, PolicyDocument, Source
from .readers.encoding import decode, decode_text, wide_unicode
from .readers.html import NoArticleText, read_html
from .readers.pdf import MAX_PAGES, read_pdf
from .readers.sina import looks_like_sina, read_sina
from .readers.text import read_text
from .roles import assign
from .structure import build
from .targets import extract as extract_targets
from .text import normalize

SourceLike = str | bytes | os.PathLike[str]
MAX_BYTES = 32 * 1024 * 1024  # default input size limit; parse(..., max_bytes=N) raises it
# [^<>]: a tag never spans another "<", so thousands of unclosed "<p" are scanned once, not each to the end.
_TAG = regex.compile(r"<(?:p|div|span|br|table|td|tr|font|html|body|meta|head|a|strong|b|h[1-6])\b[^<>]*>", regex.I)
FORMATS = ("sina", "html", "pdf", "pdf-text", "text")


def parse(
    source: SourceLike,
    *,
    format: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
) -> PolicyDocument:
    """Parse a notice from a path, raw ``bytes`` or a ``str`` of its content.

    The format is detected from the content (``format`` forces one of ``FORMATS``).
    Every failure is a ``PolicyDocError`` naming the input.
    """
    data, path = _load(source, max_bytes)
    if format is not None and format not in FORMATS:
        raise UnsupportedFormatError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}", path)
    return _parse_bytes(data, path, format, max_pages=max_pages)


def parse_html(source: SourceLike) -> PolicyDocument:
    """Parse a government page, a page fragment or a Sina post."""
    data, path = _load(source, MAX_BYTES)
    return _parse_bytes(data, path, "sina" if looks_like_sina(decode(data, path)) else "html")


def parse_pdf(source: SourceLike, *, max_pages: int = MAX_PAGES) -> PolicyDocument:
    data, path = _load(source, MAX_BYTES)
    return _parse_bytes(data, path, "pdf", max_pages=max_pages)


def parse_text(source: SourceLike) -> PolicyDocument:
    """Parse plain text or text copied out of a PDF (hard-wrapped lines are rejoined)."""
    data, path = _load(source, MAX_BYTES)
    return _parse_bytes(data, path, "text")


def _load(source: SourceLike, max_bytes: int) -> tuple[bytes, str | None]:
    if isinstance(source, bytes):
        return _check_size(source, None, max_bytes), None
    if isinstance(source, str) and _is_content(source):
        return _check_size(source.encode("utf-8", errors="surrogatepass"), None, max_bytes), None
    try:
        path = Path(os.fspath(source))
    except TypeError as exc:
        raise UnreadableFileError(f"not a path, bytes or text ({exc})", repr(source)[:80]) from None
    name = str(path)
    try:
        if not path.exists():
            raise UnreadableFileError("no such file", name)
        if path.is_dir():
            raise UnreadableFileError("is a directory, not a file", name)
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLargeError(f"{size} bytes exceed the limit of {max_bytes} (raise max_bytes)", name)
        return path.read_bytes(), name
    except (OSError, ValueError) as exc:  # ValueError: a NUL inside a path-like object
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UnreadableFileError(f"cannot be read ({reason})", name) from None


# No file system takes a name component longer than this (bytes), nor paths longer than PATH_MAX.
NAME_MAX = 255
PATH_MAX = 4096
_NOT_IN_PATHS = ("\n", "\r", "<", "\x00")


def _is_content(text: str) -> bool:
    """A ``str`` is the document itself when it cannot be a path: a line break, markup, a NUL, or a
    name longer than any file system allows. Otherwise it names a file (and a missing one is an error)."""
    if any(c in text for c in _NOT_IN_PATHS):
        return True
    encoded = text.encode("utf-8", errors="surrogatepass")
    return len(encoded) > PATH_MAX or any(len(part) > NAME_MAX for part in encoded.split(os.sep.encode()))


def _check_size(data: bytes, path: str | None, max_bytes: int) -> bytes:
    if len(data) > max_bytes:
        raise TooLargeError(f"{len(data)} bytes exceed the limit of {max_bytes} (raise max_bytes)", path)
    return data


def detect_format(data: bytes, path: str | None = None) -> str:
    """``pdf``, ``sina``, ``html`` or ``text`` from the content; the extension only breaks ties."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if _looks_binary(data[:8192]):
        kind = "a PDF (no %PDF header)" if path and path.lower().endswith(".pdf") else "text or HTML"
        raise UnsupportedFormatError(f"binary data, not {kind}", path)
    text = decode(data, path)
    if looks_like_sina(text):
        return "sina"
    if len(_TAG.findall(text[:200_000])) >= 3:
        return "html"
    return "text"


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(sample: bytes) -> bool:
    """Control bytes that no text encoding uses: random bytes, images, archives.

    UTF-16 and UTF-32 text is full of 0x00 bytes and is text all the same."""
    if not sample:
        return False
    if b"\x00" not in sample and sum(sample.count(bytes([c])) for c in _CONTROL) <= 0.01 * len(sample):
        return False
    return not wide_unicode(sample)


def _parse_bytes(data: bytes, path: str | None, format: str | None, *, max_pages: int = MAX_PAGES) -> PolicyDocument:
    label = path or "<input>"
    if not data.strip():
        raise EmptyDocumentError("the input is empty", label)
    fmt = format or detect_format(data, label)
    try:
        read = _read(data, label, fmt, max_pages)
    except PolicyDocError:
        raise
    except NoArticleText as exc:
        raise EmptyDocumentError(str(exc), label) from None
    except (ValueError, RecursionError, MemoryError, UnicodeError, etree.LxmlError) as exc:
        raise UnsupportedFormatError(f"cannot be read as {fmt} ({type(exc).__name__}: {exc})", label) from None
    blocks = [b for b in (_normalized(b) for b in read.blocks) if b.text]
    if not blocks:
        raise EmptyDocumentError(f"no text found in this {fmt} input", label)
    return assemble(read, blocks, data, path)


def _read(data: bytes, path: str, fmt: str, max_pages: int) -> ReadResult:
    if fmt == "pdf":
        return read_pdf(data, path, max_pages=max_pages)
    decoded = decode_text(data, path, last_use=True)
    text = decoded.text
    if fmt == "sina":
        read = read_sina(text)
    elif fmt == "html":
        read = read_html(text)
    else:
        read = read_text(text, hint_pdf=path.lower().endswith(".pdf.txt") or fmt == "pdf-text")
    read.warnings[:0] = decoded.warnings
    return read


def _normalized(block: Block) -> Block:
    block.text = normalize(block.text)
    return block


def assemble(read: ReadResult, blocks: list[Block], data: bytes, path: str | None) -> PolicyDocument:
    structure = build(blocks)
    assign(structure.sections)
    for annex in structure.annexes:
        assign(annex.sections)
    front = structure.front
    metadata = extract(front, structure.closing, read.source_meta)
    enclosed = "".join(front.enclosed_title) or None
    preamble = "\n".join(front.preamble)
    return PolicyDocument(
        source=Source(path=path, format=read.format, sha256=hashlib.sha256(data).hexdigest(), pages=read.pages),
        metadata=metadata,
        news=News(**read.news) if read.news is not None else None,
        title=enclosed or metadata.title,
        front=[*front.head, *front.attachments],
        cover="\n".join(front.cover),
        preamble=preamble,
        sections=structure.sections,
        closing=structure.closing,
        annexes=structure.annexes,
        targets=extract_targets(
            structure.sections, preamble, structure.annexes, frozenset(b.text for b in blocks if b.kind == "table")
        ),
        warnings=read.warnings,
    )
