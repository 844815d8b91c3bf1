"""policydoc: Chinese government policy notices as clean, validated, structured data.

>>> import policydoc
>>> doc = policydoc.parse("notice.pdf")
>>> [s.title for s in doc.sections]
"""

from __future__ import annotations

from .api import FORMATS, detect_format, parse, parse_html, parse_pdf, parse_text
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
from .export import targets_frame
from .model import (
    SCHEMA_VERSION,
    Annex,
    Item,
    Metadata,
    News,
    ParseWarning,
    Period,
    PolicyDocument,
    Provenance,
    Section,
    Source,
    Target,
    Task,
)

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "Annex",
    "DecodeError",
    "EmptyDocumentError",
    "EncryptedPDFError",
    "Item",
    "Metadata",
    "News",
    "NoTextLayerError",
    "ParseWarning",
    "Period",
    "PolicyDocError",
    "PolicyDocument",
    "Provenance",
    "Section",
    "Source",
    "Target",
    "Task",
    "TooLargeError",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "detect_format",
    "parse",
    "parse_html",
    "parse_pdf",
    "parse_text",
    "targets_frame",
]
