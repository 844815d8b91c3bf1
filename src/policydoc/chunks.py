"""Chunks for retrieval (RAG) that respect the document's structure.

Each section's own text is chunked on its own: a chunk never holds the text of two
sections (an article or item is never split between two chunks with another's text,
never merged with a sibling). A section longer than ``max_chars`` is cut at sentence
ends, a sentence longer than that at ``max_chars``. Every chunk carries the path of
headings above it, the document's title and number, and where it came from. Together
the chunks hold the whole text in order: cover, preamble, sections (each opening with
its marker and title), annexes.
"""

from __future__ import annotations

from collections.abc import Iterator

from .model import Chunk, PolicyDocument, Provenance, Section, provide
from .patterns import lazy

SENTENCE = lazy(r"[^。！？；\n]*(?:[。！？；]+[”’」）)]*|\n|$)")
DEFAULT_MAX_CHARS = 800


def chunks(doc: PolicyDocument, max_chars: int = DEFAULT_MAX_CHARS) -> list[Chunk]:
    """The document as chunks of at most ``max_chars`` characters, in reading order."""
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    title = doc.title or doc.metadata.title
    out: list[Chunk] = []

    def emit(text: str, path: list[str], provenance: Provenance | None) -> None:
        for piece in split_text(text, max_chars):
            out.append(
                Chunk(
                    text=piece,
                    heading_path=list(path),
                    title=title,
                    doc_number=doc.metadata.doc_number,
                    provenance=provenance,
                )
            )

    for text in (doc.cover, doc.preamble):
        if text:
            emit(text, [], None)
    for section, path in _sections(doc.sections, []):
        emit(_own_text(section), path, section.provenance)
    for annex in doc.annexes:
        head = annex.label + (f" {annex.title}" if annex.title else "")
        emit(annex.preamble, [head], annex.provenance)
        for section, path in _sections(annex.sections, [head]):
            emit(_own_text(section), path, section.provenance)
    return out


def _sections(sections: list[Section], path: list[str]) -> Iterator[tuple[Section, list[str]]]:
    for section in sections:
        here = [*path, f"{section.marker}{section.title}"]
        yield section, here
        yield from _sections(section.children, here)


def _own_text(section: Section) -> str:
    """A section's heading and its own text (its children are chunked apart).

    The 款 after an article's items (``tail``) stays with the article, after a line break.
    """
    head = f"{section.marker}{section.title}"
    sep = "" if not section.title or section.title.endswith(("。", "：", ":")) else "。"
    body = "\n".join(p for p in (section.text, section.tail) if p)
    if not body:
        return head if not section.children else ""
    return f"{head}{sep}{body}" if section.title else f"{head}{body}"


def split_text(text: str, max_chars: int) -> list[str]:
    """``text`` cut into pieces of at most ``max_chars``: at paragraph and sentence ends, else hard."""
    text = text.strip()
    if not text:
        return []
    if len(text) <= max_chars:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in (m.group() for m in SENTENCE.finditer(text) if m.group()):
        while len(sentence) > max_chars:  # one sentence longer than a chunk
            if current:
                pieces.append(current)
                current = ""
            pieces.append(sentence[:max_chars])
            sentence = sentence[max_chars:]
        if len(current) + len(sentence) > max_chars:
            pieces.append(current)
            current = ""
        current += sentence
    if current:
        pieces.append(current)
    return [p.strip("\n") for p in pieces if p.strip()]


provide("chunks", chunks)  # PolicyDocument.chunks() (the model cannot import this module)
