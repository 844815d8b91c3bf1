"""A whole page on one line: crawlers that join the page's text nodes with spaces.

The spaces stand where the page had element boundaries (paragraphs, menu items, the
span around ``第一条``), so the line is split at them, except inside 《》 and （）
(a title broken across spans), between two Latin words (an English passage) and after
a bare numbering marker (``第一条 为了…`` is one paragraph). The pieces then go
through the official-text finder like the lines of any text dump.
"""

from __future__ import annotations

import re
import string
from itertools import islice

import regex

from ..blocks import Block, ReadResult
from ..numbering import match_marker
from ..patterns import lazy
from .lines import join_lines
from .text import official_lines

_SPACE = lazy(r"[ \t\u3000\u00a0]+")
_OPEN = "《（(〔【“"
_CLOSE = "》）)〕】”"
# Classes of literal characters: stdlib re finds them fastest.
_OPENS = re.compile(f"[{re.escape(_OPEN)}]")
_CLOSES = re.compile(f"[{re.escape(_CLOSE)}]")
_BRACKETS = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
# An English passage: a piece starting with one of _LATIN_FIRST after one ending with one of _LATIN_LAST.
_LATIN_FIRST = frozenset(string.ascii_letters + string.digits + "(['\"‘-")
_LATIN_LAST = frozenset(string.ascii_letters + string.digits + ",.;:'\"’)]-")
_LATIN_END = lazy(f"[{regex.escape(''.join(sorted(_LATIN_LAST)))}]$")  # what _latin_end tests
_HALF_MARKER = lazy(r"(?:^|\s)第[零〇一二三四五六七八九十百两\d]{1,5}$")
MIN_LINE = 1500  # characters: no paragraph of a notice is this long and holds the whole page


def looks_like_one_line(text: str, path: str | None = None) -> bool:
    """Most of the text on one line that is itself made of many space-separated pieces."""
    lines = text.splitlines()
    if not lines:
        return False
    longest = max(lines, key=len)
    if len(longest) < MIN_LINE or len(longest) < 0.6 * len(text.strip()):
        return False
    pieces = _SPACE.split(longest.strip())
    if len(pieces) < 20:
        return False
    sentences = (p for p in pieces if p.endswith("。") or match_marker(p) is not None)
    return next(islice(sentences, 2, None), None) is not None  # a third one: counting stops there


def split_line(line: str) -> list[str]:
    """The paragraphs of a page joined on one line."""
    pieces: list[str] = []
    last_ascii = 0  # ASCII characters in pieces[-1]: a long English passage is not re-counted per word
    depth = 0
    # Each test below is pure: the cheap ones (a character at the start of the piece) go first.
    for piece in _SPACE.split(line.strip()):
        if not piece:
            continue
        ascii_count = len(piece.encode("ascii", "ignore"))  # counted in C
        if pieces and piece[:1] in "条章节" and _HALF_MARKER.search(pieces[-1]):
            pieces[-1] += piece  # 第六 条: a marker split by a stray space
            last_ascii += ascii_count
            continue
        bare = bool(pieces) and _bare_marker(pieces[-1])
        glue = bool(pieces) and (
            depth > 0
            or (
                piece[:1] in _LATIN_FIRST
                and _latin_end(pieces[-1])
                and last_ascii >= 0.8 * len(pieces[-1])  # both pieces mostly ASCII
                and ascii_count >= 0.8 * len(piece)
            )
            or bare
        )
        if glue:
            prev = pieces[-1]
            pieces[-1] = join_lines([prev + " ", piece]) if bare else join_lines([prev, piece])
            last_ascii += len(pieces[-1]) - len(prev) - len(piece) + ascii_count  # the glue adds spaces only
        else:
            pieces.append(piece)
            last_ascii = ascii_count
        if _BRACKETS.search(piece):  # else the depth stays (0 to 3)
            depth = max(0, depth + len(_OPENS.findall(piece)) - len(_CLOSES.findall(piece)))
            if depth > 3:  # an unbalanced bracket must not swallow the page
                depth = 0
    return pieces


def _latin_end(piece: str) -> bool:
    """``_LATIN_END.search(piece)``: its ``$`` is the end or the place before a final newline."""
    last = piece[-1:]
    return last in _LATIN_LAST or (last == "\n" and piece[-2:-1] in _LATIN_LAST)


def _bare_marker(piece: str) -> bool:
    marker = match_marker(piece)
    return marker is not None and not marker.rest


def read_one_line(text: str) -> ReadResult:
    lines: list[tuple[int, str]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        lines += [(n, piece) for piece in (split_line(line) if len(line) >= MIN_LINE else [line])]
    kept, meta = official_lines(lines)
    return ReadResult(blocks=[Block(text=t, line=n) for n, t in kept], format="oneline", source_meta=meta)
