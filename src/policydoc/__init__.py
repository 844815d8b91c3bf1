"""policydoc: Chinese government policy notices as clean, validated, structured data.

>>> import policydoc
>>> doc = policydoc.parse("notice.pdf")
>>> [s.title for s in doc.sections]
"""

from __future__ import annotations

from . import chunks as _chunks  # noqa: F401  (fills PolicyDocument.chunks)
from .api import FORMATS, detect_format, parse, parse_all, parse_bytes, parse_html, parse_many, parse_pdf, parse_text
from .errors import (
    DecodeError,
    EmptyDocumentError,
    EncryptedPDFError,
    NoTextLayerError,
    PolicyDocError,
    TooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from .export import documents_frame, quantities_frame, targets_frame, tasks_frame
from .model import (
    SCHEMA_VERSION,
    Annex,
    Chunk,
    Collection,
    Item,
    Metadata,
    News,
    ParseWarning,
    Part,
    Period,
    PolicyDocument,
    Provenance,
    Quantity,
    Reference,
    Section,
    Source,
    Target,
    Task,
    TocEntry,
)

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "Annex",
    "Chunk",
    "Collection",
    "DecodeError",
    "EmptyDocumentError",
    "EncryptedPDFError",
    "Item",
    "Metadata",
    "News",
    "NoTextLayerError",
    "ParseWarning",
    "Part",
    "Period",
    "PolicyDocError",
    "PolicyDocument",
    "Provenance",
    "Quantity",
    "Reference",
    "Section",
    "Source",
    "Target",
    "Task",
    "TocEntry",
    "TooLargeError",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "detect_format",
    "documents_frame",
    "parse",
    "parse_all",
    "parse_bytes",
    "parse_html",
    "parse_many",
    "parse_pdf",
    "parse_text",
    "quantities_frame",
    "targets_frame",
    "tasks_frame",
]
