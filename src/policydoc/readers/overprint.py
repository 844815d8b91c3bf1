"""Bold faked by printing it twice, in text copied out of a PDF: each bold run comes twice.

A browser printing a gov.cn page to PDF draws bold text twice over itself. Tools that copy
the text out of such a PDF (pdftotext, PDF-to-Markdown converters) keep both copies:
``第一条第一条　根据…``, ``第一章　总　　则 第一章　总　　则``, ``中华人民共和国国务院令
中华人民共和国国务院令``. (The PDF reader proper drops the second copy by its position:
``layout/lines.py``.) A regulation's bold article and chapter markers, doubled on several
lines, are the evidence; where they are, a line printed twice whole and a doubled marker
at a line's start are read once. The copies of a marker touch: ``第四条　第四条所称…`` is an
article that names itself.
"""

from __future__ import annotations

import re
from itertools import islice

from ..patterns import lazy
from .chrome import Line

_SPACES = " \t\u3000"
_MARKER = r"第[〇零一二三四五六七八九十百两\d]{1,6}[条章节编]"
DOUBLED_MARKER = lazy(rf"^[ \t\u3000]*(?P<marker>{_MARKER})(?P=marker)")
# The evidence, searched in the whole text: stdlib re finds its literal start fastest.
DOUBLED = re.compile(rf"({_MARKER})\1")
EVIDENCE = 2  # doubled markers: one could be a typing slip
MIN_RUN = 2  # characters of a run printed twice (哈哈 is a word, not overprint)


def read_once(text: str, lines: list[Line]) -> list[Line]:
    """``lines`` (of ``text``) with each bold run read once, if ``text`` shows overprint."""
    if next(islice(DOUBLED.finditer(text), EVIDENCE - 1, None), None) is None:
        return lines
    return [(n, _once(line)) for n, line in lines]


def _once(line: str) -> str:
    half = _half(line.strip(_SPACES))
    if half is not None:
        return half
    m = DOUBLED_MARKER.match(line)
    if m is None:
        return line
    return line[: m.start("marker")] + line[m.end("marker") :].lstrip(_SPACES)


def _half(text: str) -> str | None:
    """The run that ``text`` is twice over (with at most two spaces between), if it is."""
    n = len(text)
    h = n // 2
    if h < MIN_RUN:
        return None
    if n % 2:
        return text[:h] if text[h] in _SPACES and text[:h] == text[h + 1 :] else None
    if text[:h] == text[h:]:
        return text[:h]
    if text[h - 1] in _SPACES and text[h] in _SPACES and text[: h - 1] == text[h + 1 :]:
        return text[: h - 1].rstrip(_SPACES)
    return None
