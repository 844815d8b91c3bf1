"""Flat records made in the worker, so that only small rows travel back: chunks and references."""

from __future__ import annotations

from typing import Any

from ..model import PolicyDocument

# ``policydoc refs``: the citing document first, then what it cites and where.
REFERENCE_COLUMNS = (
    "source",
    "part",
    "citing_number",
    "citing_title",
    "doc_number",
    "title",
    "section",
    "text",
)


def _part(doc: PolicyDocument) -> int | None:
    return doc.part.index if doc.part is not None else None


def chunk_records(docs: list[PolicyDocument], source: str, sha256: str | None, max_chars: int) -> list[dict[str, Any]]:
    """One JSON Lines record per chunk of every document of one input (``convert --chunks``).

    ``chunk``/``chunks`` number the chunks of the whole input, so that resume can tell a
    complete group; ``part`` is the document's position in a file holding several.
    """
    rows: list[dict[str, Any]] = []
    for doc in docs:
        for chunk in doc.chunks(max_chars):
            provenance = chunk.provenance.model_dump(mode="json", exclude_none=True) if chunk.provenance else None
            rows.append(
                {
                    "source": source,
                    "sha256": sha256,
                    "part": _part(doc),
                    "chunk": 0,  # numbered below, once the input's count is known
                    "chunks": 0,
                    "title": chunk.title,
                    "doc_number": chunk.doc_number,
                    "heading_path": chunk.heading_path,
                    "provenance": provenance or None,
                    "text": chunk.text,
                }
            )
    for i, row in enumerate(rows):
        row["chunk"], row["chunks"] = i, len(rows)
    return rows


def reference_rows(docs: list[PolicyDocument], source: str) -> list[dict[str, Any]]:
    """One row per reference of every document of one input (``policydoc refs``)."""
    return [
        {
            "source": source,
            "part": _part(doc),
            "citing_number": doc.metadata.doc_number,
            "citing_title": doc.title or doc.metadata.title,
            "doc_number": ref.doc_number,
            "title": ref.title,
            "section": ref.section,
            "text": ref.text,
        }
        for doc in docs
        for ref in doc.references
    ]
