"""Bytes to text for HTML and text inputs: declared charset, else UTF-8, else GB18030."""

from __future__ import annotations

import regex

from ..errors import DecodeError

_DECLARED = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", regex.I)


def decode(data: bytes, path: str | None = None) -> str:
    """Bytes to text: BOM, declared charset, else UTF-8, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    declared = _DECLARED.search(data[:4096])
    candidates = []
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        # GB2312 and GBK pages routinely contain characters only GB18030 has.
        candidates.append("gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk") else name)
    candidates += ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    # Last resort: bs4's detector knows Big5, Shift-JIS and the Windows code pages too.
    from bs4.dammit import EncodingDetector  # deferred: bs4 and soupsieve cost ~70 ms at start-up

    guess = EncodingDetector(data, known_definite_encodings=["gb18030"]).encodings
    for encoding in guess:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise DecodeError("cannot determine the text encoding (not UTF-8, GB18030 or a declared charset)", path)
