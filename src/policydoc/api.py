"""``policydoc.parse()``: read → normalize → number → structure → model."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from .blocks import Block, ReadResult
from .collection import split as split_documents
from .errors import EmptyDocumentError, PolicyDocError, TooLargeError, UnreadableFileError, UnsupportedFormatError
from .metadata import extract
from .model import Collection, News, ParseWarning, Part, PolicyDocument, Provenance, Source, TocEntry
from .readers import BY_FORMAT, read, sniff
from .readers.encoding import decode, decode_text, wide_unicode
from .readers.pdf import MAX_PAGES, read_pdf
from .readers.signatures import ZIP, office_format
from .readers.sina import looks_like_sina
from .references import extract as extract_references
from .roles import assign
from .structure import Structure, build
from .targets import extract as extract_quantities
from .targets import targets as targets_of
from .text import normalize
from .views import of as views_of
from .views import paragraphs

SourceLike = str | bytes | os.PathLike[str]
MAX_BYTES = 32 * 1024 * 1024  # default input size limit; parse(..., max_bytes=N) raises it
# Formats told from the bytes, then the text readers of the reader table, in order.
FORMATS = ("pdf", "ofd", "docx", "doc", "rtf", *BY_FORMAT)


def parse(
    source: SourceLike,
    *,
    format: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
    engine: str | None = None,
) -> PolicyDocument:
    """Parse a notice from a path, raw ``bytes`` or a ``str`` of its content.

    The format is detected from the content (``format`` forces one of ``FORMATS``).
    ``engine`` picks the PDF engine (``pdfium``, the default, or ``pdfplumber``).
    Every failure is a ``PolicyDocError`` naming the input.
    """
    data, path = _load(source, max_bytes)
    _check_format(format, path)
    return _parse_bytes(data, path, format, max_pages=max_pages, engine=engine)


def parse_many(sources: Iterable[SourceLike], **options: Any) -> Iterator[PolicyDocument | PolicyDocError]:
    """Parse many inputs one by one, yielding each document, or the error that input raised.

    A bad file never stops the loop: its ``PolicyDocError`` (which names the file in
    ``.path``) is yielded in its place. ``options`` are those of ``parse()``.
    """
    for source in sources:
        try:
            yield parse(source, **options)
        except PolicyDocError as exc:
            yield exc


def parse_bytes(
    data: bytes,
    name: str | None = None,
    *,
    format: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
    engine: str | None = None,
) -> PolicyDocument:
    """Parse the bytes of a file read elsewhere (stdin, object storage, a Dask or Ray task).

    A pure function of ``data``: ``name`` (the file name or URL) only labels errors and
    ``source.path``, and its ``.pdf.txt`` ending marks text copied out of a PDF, as with a path.
    """
    _check_format(format, name)
    return _parse_bytes(_check_size(data, name, max_bytes), name, format, max_pages=max_pages, engine=engine)


def parse_html(source: SourceLike) -> PolicyDocument:
    """Parse a government page, a page fragment or a Sina post."""
    data, path = _load(source, MAX_BYTES)
    return _parse_bytes(data, path, "sina" if looks_like_sina(decode(data, path)) else "html")


def parse_pdf(source: SourceLike, *, max_pages: int = MAX_PAGES, engine: str | None = None) -> PolicyDocument:
    data, path = _load(source, MAX_BYTES)
    return _parse_bytes(data, path, "pdf", max_pages=max_pages, engine=engine)


def parse_text(source: SourceLike) -> PolicyDocument:
    """Parse a text shape: plain text, text copied out of a PDF (hard-wrapped lines are rejoined),
    Markdown or a page dumped on one line; HTML markup in it is read as text."""
    data, path = _load(source, MAX_BYTES)
    shape = detect_format(data, path)
    return _parse_bytes(data, path, shape if shape in ("markdown", "oneline") else "text")


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


def _check_format(format: str | None, path: str | None) -> None:
    if format is not None and format not in FORMATS:
        raise UnsupportedFormatError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}", path)


def _check_size(data: bytes, path: str | None, max_bytes: int) -> bytes:
    if len(data) > max_bytes:
        raise TooLargeError(f"{len(data)} bytes exceed the limit of {max_bytes} (raise max_bytes)", path)
    return data


def detect_format(data: bytes, path: str | None = None) -> str:
    """``pdf``, ``ofd``, ``docx``, ``doc``, ``rtf`` from the bytes, else the first text reader
    that accepts the content (``readers.READERS``). The extension only breaks ties."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(ZIP):  # the zip-based formats; their readers load only for them (start-up time)
        from .readers.docx import is_docx
        from .readers.ofd import looks_like_ofd

        if is_docx(data):
            return "docx"
        if looks_like_ofd(data):
            return "ofd"
    if office := office_format(data):  # .doc/.wps (OLE2) and RTF: through LibreOffice
        return office
    if _looks_binary(data[:8192]):
        kind = "a PDF (no %PDF header)" if path and path.lower().endswith(".pdf") else "text or HTML"
        raise UnsupportedFormatError(f"binary data, not {kind}", path)
    return sniff(decode(data, path), path)


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(sample: bytes) -> bool:
    """Control bytes that no text encoding uses: random bytes, images, archives.

    UTF-16 and UTF-32 text is full of 0x00 bytes and is text all the same."""
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL))  # one C pass, not one per byte value
    if b"\x00" not in sample and controls <= 0.01 * len(sample):
        return False
    return not wide_unicode(sample)


def parse_all(
    source: SourceLike,
    *,
    format: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
    engine: str | None = None,
) -> Collection:
    """The documents one file holds (a compilation, a gazette issue, a decision and its revised text).

    A file holding one document gives a collection of one, the same document ``parse()``
    returns; ``parse()`` always reads the whole file as one document.
    """
    data, path = _load(source, max_bytes)
    return parse_all_bytes(data, path, format=format, max_bytes=max_bytes, max_pages=max_pages, engine=engine)


def parse_all_bytes(
    data: bytes,
    name: str | None = None,
    *,
    format: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
    engine: str | None = None,
) -> Collection:
    """``parse_all`` of bytes read elsewhere (stdin, a worker process, a Dask task), as ``parse_bytes``."""
    path = name
    _check_format(format, path)
    _check_size(data, path, max_bytes)
    read, blocks = _read_blocks(data, path, format, max_pages, engine)
    found = split_documents(blocks)
    if len(found.starts) == 1:
        return Collection(source=_source(read, data, path), documents=[assemble(read, blocks, data, path)])
    documents = []
    ends = [*found.starts[1:], len(blocks)]
    for index, (start, end) in enumerate(zip(found.starts, ends, strict=True)):
        # What the container states (page grid, PDF info) describes the file, not each document.
        part_read = ReadResult(blocks=[], format=read.format, pages=read.pages)
        part = blocks[start:end]
        if index in found.headings:  # the item's heading, as one title line without its list marker
            span, title = found.headings[index]
            part = [replace(part[0], text=title), *part[span:]]
        doc = assemble(part_read, part, data, path)
        part_of = next((i for i, j in found.amends.items() if j == index), None)
        doc.part = Part(
            index=index,
            first=_provenance(blocks[start]),
            last=_provenance(blocks[end - 1]),
            toc_entry=found.toc_entry.get(index),
            part_of=part_of,
            amends=found.amends.get(index),
        )
        documents.append(doc)
    toc = [TocEntry(title=e.title, page=e.page, marker=e.marker) for e in found.toc]
    return Collection(source=_source(read, data, path), title=found.title, toc=toc, documents=documents)


def _printed_at(lines: list[str], blocks: list[Block], *, from_end: bool = False) -> list[Provenance | None]:
    """Where each line was printed: the block holding its opening characters, searched in order
    from the start (the head) or from the end (the closing), so that diagnostics on the head and
    the closing carry a page and line or an element like those on sections."""
    if not lines:
        return []
    order = blocks[::-1] if from_end else blocks
    found: list[Provenance | None] = []
    cursor = 0
    for line in reversed(lines) if from_end else lines:
        probe = line.strip()[:12]
        at = next((i for i in range(cursor, len(order)) if probe and probe in order[i].text), None)
        if at is None:
            found.append(None)
            continue
        found.append(_provenance(order[at]))
        cursor = at
    return list(reversed(found)) if from_end else found


def _provenance(block: Block) -> Provenance:
    return Provenance(page=block.page, line=block.line, element=block.element)


def _source(read: ReadResult, data: bytes, path: str | None) -> Source:
    return Source(path=path, format=read.format, sha256=hashlib.sha256(data).hexdigest(), pages=read.pages)


def _parse_bytes(
    data: bytes, path: str | None, format: str | None, *, max_pages: int = MAX_PAGES, engine: str | None = None
) -> PolicyDocument:
    read, blocks = _read_blocks(data, path, format, max_pages, engine)
    return assemble(read, blocks, data, path)


def _read_blocks(
    data: bytes, path: str | None, format: str | None, max_pages: int, engine: str | None = None
) -> tuple[ReadResult, list[Block]]:
    """Read and normalize: the blocks of official text, or a PolicyDocError naming the input."""
    label = path or "<input>"
    if not data.strip():
        raise EmptyDocumentError("the input is empty", label)
    fmt = format or detect_format(data, label)
    try:
        read = _read(data, label, fmt, max_pages, engine)
    except PolicyDocError:
        raise
    except _read_errors() as exc:
        if _is_no_article(exc):
            raise EmptyDocumentError(str(exc), label) from None
        raise UnsupportedFormatError(f"cannot be read as {fmt} ({type(exc).__name__}: {exc})", label) from None
    blocks = [b for b in (_normalized(b) for b in read.blocks) if b.text]
    if not blocks:
        raise EmptyDocumentError(f"no text found in this {fmt} input", label)
    return read, blocks


def _read(data: bytes, path: str, fmt: str, max_pages: int, engine: str | None = None) -> ReadResult:
    if fmt == "pdf":
        return read_pdf(data, path, max_pages=max_pages, engine=engine)
    if fmt == "ofd":
        from .readers.ofd import read_ofd

        return read_ofd(data, path, max_pages=max_pages)
    if fmt == "docx":
        from .readers.docx import read_docx

        return read_docx(data, path)
    if fmt in ("doc", "rtf"):
        from .readers.office import read_office

        return read_office(data, path, fmt)
    decoded = decode_text(data, path, last_use=True)
    result = read(decoded.text, fmt, path)
    result.warnings[:0] = decoded.warnings
    return result


def _read_errors() -> tuple[type[BaseException], ...]:
    """What a reader raises on input it cannot read; lxml's errors only once lxml is loaded."""
    errors: tuple[type[BaseException], ...] = (ValueError, RecursionError, MemoryError, UnicodeError)
    etree = sys.modules.get("lxml.etree")
    return (*errors, etree.LxmlError) if etree is not None else errors


def _is_no_article(exc: BaseException) -> bool:
    html = sys.modules.get("policydoc.readers.html")
    return html is not None and isinstance(exc, html.NoArticleText)


def _normalized(block: Block) -> Block:
    block.text = normalize(block.text, cells=block.kind == "table")
    return block


def _only_annex_title(structure: Structure) -> str | None:
    """The title of a file that holds one annex and nothing else (附件 / its title / its body):
    the annex is the document the file gives."""
    front = structure.front
    if structure.sections or front.head or front.preamble or front.cover or len(structure.annexes) != 1:
        return None
    return structure.annexes[0].title


def _gaps(structure: Structure, preamble: str, cover: str, read: ReadResult) -> list[ParseWarning]:
    """W005 for a document that has a head and nothing after it: never a silent empty result."""
    if structure.sections or structure.annexes or structure.closing or preamble or cover or read.news:
        return []
    message = "no body text after the head: the text may be in images or in an attached file"
    return [ParseWarning(code="W005", message=message)]


def assemble(read: ReadResult, blocks: list[Block], data: bytes, path: str | None) -> PolicyDocument:
    structure = build(blocks)
    assign(structure.sections)
    for annex in structure.annexes:
        assign(annex.sections)
    front = structure.front
    metadata = extract(front, structure.closing, read.source_meta)
    enclosed = "".join(front.enclosed_title) or None
    title = enclosed or metadata.title or _only_annex_title(structure)
    preamble = "\n".join(front.preamble)
    cover = "\n".join(front.cover)
    # The official text's paragraphs, walked once for quantities and references.
    body = list(paragraphs(structure.sections, preamble, structure.annexes))
    quantities = extract_quantities(
        structure.sections,
        preamble,
        structure.annexes,
        frozenset(b.text for b in blocks if b.kind == "table"),
        title=title,
        paras=body,
    )
    return PolicyDocument(
        source=_source(read, data, path),
        metadata=metadata,
        news=News(**read.news) if read.news is not None else None,
        title=title,
        front=(head := [*front.head, *front.attachments]),
        front_provenance=_printed_at(head, blocks),
        closing_provenance=_printed_at(structure.closing, blocks, from_end=True),
        cover=cover,
        preamble=preamble,
        sections=structure.sections,
        closing=structure.closing,
        annexes=structure.annexes,
        targets=targets_of(quantities),
        quantities=quantities,
        references=extract_references(
            structure.sections,
            preamble,
            structure.annexes,
            cover,
            (metadata.doc_number, metadata.title, enclosed),
            paras=[*paragraphs([], "", [], cover), *body],
        ),
        warnings=[*read.warnings, *_gaps(structure, preamble, cover, read)],
        **views_of(structure.sections),
    )
