"""What both line-based readers (PDF geometry and PDF-extracted text) share."""

from __future__ import annotations

# Where a line ends a sentence, a following numbered line really starts a new paragraph.
SENTENCE_END = "。：；！？”）】"


def join_lines(parts: list[str]) -> str:
    """Lines of one paragraph as one text: Latin words broken at a line end keep a space; Chinese never had one."""
    out = parts[0]
    for part in parts[1:]:
        latin = out[-1:].isascii() and out[-1:].isalpha() and part[:1].isascii() and part[:1].isalpha()
        out += (" " if latin else "") + part
    return out
