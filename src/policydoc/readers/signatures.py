"""Signatures of the binary formats, checked on the bytes before any reader is imported
(their readers load lxml and zipfile, which text inputs never need)."""

from __future__ import annotations

ZIP = b"PK\x03\x04"  # DOCX and OFD are zip packages
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 .doc, WPS
RTF = b"{\\rtf"


def office_format(data: bytes) -> str | None:
    """``doc`` for an OLE2 compound file (Word 97–2003, WPS), ``rtf`` for RTF, else None."""
    if data.startswith(OLE2):
        return "doc"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == RTF:
        return "rtf"
    return None
