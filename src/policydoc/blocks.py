"""What readers produce: paragraphs of text with their provenance.

Readers are the only code that knows about formats; everything after them sees
``Block``s (markdown-it's tokens with a source map, in spirit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .model import ParseWarning

BlockKind = Literal["para", "table"]


@dataclass(slots=True)
class Block:
    text: str
    kind: BlockKind = "para"
    page: int | None = None  # 1-based PDF page of the first line
    line: int | None = None  # 1-based line: in the page for PDFs, in the file for text
    element: int | None = None  # index of the HTML element in document order
    align: Literal["left", "center", "right"] | None = None


@dataclass(slots=True)
class ReadResult:
    """A reader's output: the official text as blocks plus what the source itself says."""

    blocks: list[Block]
    format: str
    pages: int | None = None
    # Metadata the container states (gov page grid, <meta>, PDF info), by our field names.
    source_meta: dict[str, Any] = field(default_factory=dict)
    # News-site wrapper (Sina): site, title, published_at, original_title, source, editor, summary.
    news: dict[str, Any] | None = None
    # Repairs and guesses the reader made (bad bytes replaced, a front-matter list taken as a scalar).
    warnings: list[ParseWarning] = field(default_factory=list)
