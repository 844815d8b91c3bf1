"""Plain text and text copied out of PDFs.

Every text shape (this one, Markdown, a page on one line) goes through
``official_lines``: the metadata grid dumped as label/value lines goes to
``source_meta``, page chrome leaves (``chrome.py``), lines broken mid-token are glued
back (``lines.rejoin_fragments``).

PDF-extracted text (seed 001) wraps every line at the page width, often with a
blank line after each line and extra blank lines at page breaks, and puts spaces
around Latin digits. Some extractions instead keep one paragraph per line but leave
a space where each line broke ("提炼典 型经验"). Both are rejoined here, where the
line widths are known.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Any, NamedTuple

import regex

from ..blocks import Block, ReadResult
from ..docparts import DATE, OFFICIAL_SIGNER, RECORD_START, is_signature, names_a_kind
from ..numbering import match_candidate, match_marker
from ..patterns import lazy
from ..text import display_width
from .chrome import Line, find_official, page_title_text
from .labels import read_labels
from .lines import CONTINUES, SENTENCE_END, join_lines, rejoin_fragments
from .overprint import read_once

_DASHES = "-—–－―"  # "-" first: literal in a character class
# A browser's footer when it prints a page to PDF: the page's address and page n/m.
_PRINT_FOOTER = r"(?:https?|file)://\S+\s+[0-9]{1,4}/[0-9]{1,4}"
# Page furniture on a line of its own, one alternative a kind: never anything else. (A
# browser's print header and footer are rows of the chrome table too, but only for a text
# that reads as a page dump, and in their commonest forms.)
PAGE_NUMBER = lazy(
    rf"""^\s*(?:
    [{_DASHES}]+\s*\d{{1,4}}\s*[{_DASHES}]+           # - 3 -
    | [{_DASHES}]*\s*第\s*\d{{1,4}}\s*页(?:\s*共\s*\d+\s*页)?\s*[{_DASHES}]*  # 第3页 共21页, --- 第3页 ---
    | [0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}},\s*[0-9]{{1,2}}:[0-9]{{2}}(?:\s*[AaPp][Mm])?(?:\s.*)?  # print header
    | {_PRINT_FOOTER}                                   # print footer: https://… 2/13
    )\s*$""",
    regex.X,
)
# Page numbers that a table cell or a line of text could also read (3 / 21, 3 -): they are
# page furniture only where they come back page after page, REPEATED times or more with the
# same key (the page count).
PAGE_RUNNING = lazy(
    rf"""^\s*(?:
    [0-9]{{1,4}}\s+/\s+(?P<of>[0-9]{{1,4}})              # 3 / 21
    | (?P<dash>[0-9]{{1,3}}\s*[{_DASHES}]+)               # 3 - (its first dash lost; no year)
    )\s*$""",
    regex.X,
)
REPEATED = 2
# A bare page number (``3``) may be a table cell or a serial: it is page furniture only in a run
# of PAGE_SEQUENCE or more that counts up by one, each a page of text below the last: PAGE_CHARS
# to PAGE_CHARS_MAX characters (a table's serials stand a row of cells apart).
BARE_NUMBER = re.compile(r"\s*[0-9]{1,3}\s*")
PAGE_SEQUENCE = 3
PAGE_CHARS = 200
PAGE_CHARS_MAX = 6000
# Page furniture glued to the first line of the page's text: -2-第四条…, — 5 —（一）…, https://… 2/13第四条…,
# and a bare page number before an article (4第八条…: no number is written so in a sentence).
PAGE_PREFIX = lazy(
    rf"^\s*(?:[{_DASHES[:4]}]\s*\d{{1,4}}\s*[{_DASHES[:4]}]|{_PRINT_FOOTER})(?=\s*[\p{{Han}}（(《“【〔])"
    r"|^\s*[0-9]{1,3}(?=第\s*[一二三四五六七八九十百零〇]+\s*条)"
)
# What PAGE_NUMBER, PAGE_PREFIX and PAGE_RUNNING can start with after the spaces: a line
# starting otherwise is not tried. (Every character ``\s`` matches is one that ``str.lstrip``
# takes off.)
_PAGE_NUMBER_START = _DASHES + "第0123456789hf"
_RUNNING_START = "0123456789"
_RUNNING_MAX = 24  # characters: a PAGE_RUNNING line is a few digits, a slash or dashes, spaces
_DIGITS = "0123456789"
_PAGE_PREFIX_START = _DASHES[:4] + "hf" + _DIGITS
# A space inside Chinese text where the source broke a line.
BROKEN_LINE_SPACE = lazy(r"(?<=[\p{Han}，、“”《》（）])\s(?=[\p{Han}，。、；：“”《》（）])")


def official_lines(lines: list[Line], *, converted: bool = False) -> tuple[list[Line], dict[str, Any]]:
    """Non-empty lines of a text dump → the official text's lines and the grid's metadata.

    ``converted``: the lines come from a converter (Markdown), which is evidence of a page.
    """
    return _official_lines(content_lines(lines), converted=converted)


def content_lines(lines: list[Line]) -> list[Line]:
    """The lines with text, page numbers and running page furniture left out."""
    out = []
    running = []  # indexes in ``out`` of lines that PAGE_RUNNING matches
    bare = []  # (index in ``out``, characters of text before it, value) of bare numbers
    chars = 0
    for pair in lines:
        line = pair[1]
        start = line[:1]  # _first(line), inline: this loop sees every line of every text shape
        if start.isspace():
            start = line.lstrip()[:1]
        if not start:
            continue
        if start in _PAGE_NUMBER_START and PAGE_NUMBER.match(line):
            continue
        if start in _RUNNING_START and len(line.strip()) <= _RUNNING_MAX:
            if BARE_NUMBER.fullmatch(line):
                bare.append((len(out), chars, int(line)))
            elif m := PAGE_RUNNING.match(line):
                running.append((len(out), _running_key(m)))
        out.append(pair)
        chars += len(line)
    if not running and len(bare) < PAGE_SEQUENCE:
        return out
    keys = Counter(key for _, key in running)
    # A page count of 1 (1 / 1) needs no second page to be told.
    dropped = {i for i, key in running if keys[key] >= REPEATED or key == ("of", "1")}
    # A number the next line continues (1 / ．示范项目, 10 / 月) is no page number.
    pages = [b for b in bare if b[0] + 1 == len(out) or not CONTINUES.match(out[b[0] + 1][1].lstrip())]
    dropped.update(_page_sequence(pages))
    return [pair for i, pair in enumerate(out) if i not in dropped]


def _page_sequence(bare: list[tuple[int, int, int]]) -> set[int]:
    """The indexes of the bare numbers (index, characters before it, value) that count pages: runs
    of PAGE_SEQUENCE or more, each number one more than the last and a page of text below it."""
    runs: list[list[tuple[int, int, int]]] = []
    ending: dict[int, list[list[tuple[int, int, int]]]] = {}  # the runs by their last value, oldest first
    for number in bare:
        _, at, value = number
        waiting = ending.get(value - 1, [])
        # The nearest run a page above (a stray cell 2 on page 1 is no page before page 3); newest
        # first, the runs within PAGE_CHARS passed over, and those beyond PAGE_CHARS_MAX end it.
        k = None
        for j in range(len(waiting) - 1, -1, -1):
            gap = at - waiting[j][-1][1]
            if gap > PAGE_CHARS_MAX:
                break
            if gap >= PAGE_CHARS:
                k = j
                break
        if k is None:
            run = [number]
            runs.append(run)
        else:
            run = waiting.pop(k)
            run.append(number)
        ending.setdefault(value, []).append(run)
    return {i for run in runs if len(run) >= PAGE_SEQUENCE for i, _, _ in run}


def _running_key(m: regex.Match[str]) -> tuple[str, str]:
    """What repeats from page to page in a match of PAGE_RUNNING: the page count of ``3 / 21``;
    each ``3 -`` differs, its kind alone."""
    return (m.lastgroup or "", m.group("of") or "")


def _first(line: str) -> str:
    """``line.lstrip()[:1]`` without copying a line that does not start with a space."""
    start = line[:1]
    return line.lstrip()[:1] if start.isspace() else start


def _official_lines(lines: list[Line], *, converted: bool) -> tuple[list[Line], dict[str, Any]]:
    lines, meta = read_labels(_without_page_prefix(lines))
    lines = find_official(lines, meta.get("page_title"), dumped=converted or bool(meta))
    if meta.get("page_title") and any(_same(text, page_title_text(meta["page_title"])) for _, text in lines[:40]):
        # The converter's page title names the document when the text repeats it.
        meta.setdefault("title", page_title_text(meta["page_title"]))
    return rejoin_fragments(lines), meta


def _without_page_prefix(lines: list[Line]) -> list[Line]:
    """The lines with a page number glued to their start taken off (``PAGE_PREFIX``)."""
    out = []
    for pair in lines:
        line = pair[1]
        start = line[:1]  # _first(line), inline as in content_lines
        if start.isspace():
            start = line.lstrip()[:1]
        # (a bare page number is taken off only before 第: most lines opening with a digit go on)
        glued = start in _PAGE_PREFIX_START and (start not in _DIGITS or "第" in line[:8])
        out.append((pair[0], PAGE_PREFIX.sub("", line)) if glued else pair)
    return out


def read_text(text: str, *, hint_pdf: bool = False) -> ReadResult:
    content = content_lines(read_once(text, [(n, line.rstrip()) for n, line in enumerate(text.splitlines(), start=1)]))
    # Hard-wrapped text has its widths measured before anything is taken out.
    wrap = page_wrap(content)
    lines, meta = _official_lines(content, converted=False)
    if wrap is not None:
        return ReadResult(blocks=unwrap(lines, wrap), format="pdf-text", source_meta=meta)
    broken = _has_broken_line_spaces(lines)
    blocks = []
    for n, line in lines:
        if broken:
            line = _drop_broken_spaces(line.strip())
        blocks.append(Block(text=line, line=n))
    return ReadResult(blocks=blocks, format="pdf-text" if broken or hint_pdf else "text", source_meta=meta)


def _drop_broken_spaces(line: str) -> str:
    # The space after a numbering marker (第三条 中华人民共和国…) is not a line break.
    marker = match_marker(line)
    if marker is not None and marker.rest and line.endswith(marker.rest):
        head = line[: len(line) - len(marker.rest)]
        return head + BROKEN_LINE_SPACE.sub("", marker.rest)
    return BROKEN_LINE_SPACE.sub("", line)


# Hard-wrapped text: lines at least this wide are measured for the page width, which is at
# most MAX_WIDTH and has NEAR_SHARE of all lines within NEAR of it.
ONE_PER_LINE = 0.8  # of the lines ending a sentence: one paragraph per line, never hard-wrapped
MIN_LONG = 10
MIN_LONG_LINES = 8
MAX_WIDTH = 60
NEAR = 1.5
NEAR_SHARE = 0.4


# Justified text (a PDF that squeezes punctuation and sets digits half width) is not wrapped at
# one width but within a band below the page width. There the lines ending mid-sentence, at
# least MIN_LONG wide, are wrapped lines (elsewhere: headings, titles): at least MID_SHARE of
# all lines, BAND_SHARE of them in the band under the page width, itself at least MIN_PAGE_WIDTH.
MID_SHARE = 0.25
BAND_BELOW = 4.0
BAND_ABOVE = 1.0
BAND_SHARE = 0.7
MIN_PAGE_WIDTH = 20
PARAGRAPH_STOPS = "。；：！？"
STOPS_PER_BAND = 3  # at least one paragraph end for this many wrapped lines (real texts: 1 to 2)
FULL_SLACK = 1.5  # a line this close to wrap_width's page width fills it
OVER_WIDTH = 1.5  # a line this many times as wide as the page was not wrapped by it
INDENT = 2.0  # a paragraph's first line is indented by two characters the extraction dropped


class Wrap(NamedTuple):
    """How a hard-wrapped text was wrapped."""

    width: float  # the page width, in display columns
    slack: float  # how far below it a line still fills the page


def page_wrap(lines: list[tuple[int, str]]) -> Wrap | None:
    """How the text (its lines with text) is hard-wrapped, if it is: the page width that
    ``wrap_width`` finds, or that of a justified text; the slack from the band of its lines."""
    # Both readings need a fifth of the lines to end mid-sentence (wrap_width's own test; a
    # justified text needs MID_SHARE): a text with fewer is neither, told by one cheap pass (a
    # line ending with a space is counted: it may end mid-sentence once stripped).
    if sum(1 for _, line in lines if line[-1:] not in SENTENCE_END) < (1 - ONE_PER_LINE) * len(lines):
        return None
    widths = _ending_mid_sentence(lines)
    width = wrap_width(lines)
    if width is None:
        if not widths:
            return None
        # The band holding most of these lines (a few joined or stray ones lie above it); widths
        # come in half columns, so there are few tops to try.
        top = max(set(widths), key=lambda w: (_band_size(widths, w), w))
        band = _band(widths, top)
        width = band[int(0.9 * (len(band) - 1))]
        if not MIN_PAGE_WIDTH <= width <= MAX_WIDTH or len(band) < BAND_SHARE * len(widths):
            return None
        # A justified text has paragraphs, each ending with a stop; a list of names or items one
        # a line (of like widths, no stop) has none.
        stops = sum(1 for _, line in lines if line.rstrip()[-1:] in PARAGRAPH_STOPS)
        if stops * STOPS_PER_BAND < len(band):
            return None
    band = _band(widths, width)
    slack = width - band[len(band) // 10] + 0.5 if band else FULL_SLACK
    return Wrap(width, max(FULL_SLACK, slack))


def _ending_mid_sentence(lines: list[tuple[int, str]]) -> list[float]:
    """The sorted widths of the lines at least MIN_LONG wide that end mid-sentence; none where
    they are too few to tell a justified text."""
    # display_width is at most the length: lines shorter than MIN_LONG are not measured.
    # (A line ending with a stop as it is needs no stripping: most lines of most texts.)
    ending_mid = [
        s
        for _, line in lines
        if line[-1:] not in SENTENCE_END and len(s := line.strip()) >= MIN_LONG and s[-1] not in SENTENCE_END
    ]
    least = max(MIN_LONG_LINES, MID_SHARE * len(lines))
    if len(ending_mid) < least:
        return []
    widths = sorted(w for s in ending_mid if (w := display_width(s)) >= MIN_LONG)
    return widths if len(widths) >= least else []


def _band_size(widths: list[float], width: float) -> int:
    """``len(_band(widths, width))`` without the slice."""
    return bisect_right(widths, width + BAND_ABOVE) - bisect_left(widths, width - BAND_BELOW)


def _band(widths: list[float], width: float) -> list[float]:
    """The sorted ``widths`` from BAND_BELOW under ``width`` to BAND_ABOVE over it."""
    return widths[bisect_left(widths, width - BAND_BELOW) : bisect_right(widths, width + BAND_ABOVE)]


def wrap_width(lines: list[tuple[int, str]]) -> float | None:
    """The page width in characters if the text is hard-wrapped, else None."""
    # The tests that need no widths go first. A width is between half the length and the length.
    lengths = sorted(len(line.strip()) for _, line in lines)
    if len(lengths) - bisect_left(lengths, MIN_LONG) < MIN_LONG_LINES:
        return None
    # One paragraph per line: nearly every line ends a sentence, which wrapped lines rarely do.
    ends = sum(1 for _, line in lines if line.rstrip()[-1:] in SENTENCE_END)
    if ends >= ONE_PER_LINE * len(lines):
        return None
    # A line within NEAR of a width w is between w - NEAR and 2 (w + NEAR) long, and w is a
    # rounded width from MIN_LONG to MAX_WIDTH: too few such lines for any w, no page width.
    if max(_length_between(lengths, w - NEAR, 2 * (w + NEAR)) for w in range(MIN_LONG, MAX_WIDTH + 1)) < (
        NEAR_SHARE * len(lines)
    ):
        return None
    widths = [display_width(line.strip()) for _, line in lines]
    long_lines = [round(w) for w in widths if w >= MIN_LONG]
    if len(long_lines) < MIN_LONG_LINES:
        return None
    width, _ = Counter(long_lines).most_common(1)[0]
    near = sum(1 for w in widths if abs(w - width) <= NEAR)
    if width > MAX_WIDTH or near < NEAR_SHARE * len(widths):
        return None
    # The mode can be a first-line width (indent 2); the true width is the widest common one.
    common = [w for w, c in Counter(long_lines).items() if c >= 0.2 * near and w <= width + 2]
    return float(max(common, default=width))  # the mode itself may be rarer than 0.2 × near


def _length_between(lengths: list[int], low: float, high: float) -> int:
    """How many of the sorted ``lengths`` are from ``low`` to ``high``."""
    return bisect_right(lengths, high) - bisect_left(lengths, low)


def unwrap(lines: list[tuple[int, str]], wrap: Wrap, breaks: frozenset[int] = frozenset()) -> list[Block]:
    """The lines rejoined into paragraphs; ``breaks``: numbers of lines that end a paragraph
    whatever their width (a Markdown hard break)."""
    blocks: list[Block] = []
    parts: list[str] = []
    first_line = 0
    for i, (n, raw) in enumerate(lines):
        line = raw.strip()
        if not parts:
            first_line = n
        parts.append(line)
        nxt = lines[i + 1][1].strip() if i + 1 < len(lines) else None
        if nxt is None or n in breaks or _ends_paragraph(line, nxt, wrap, is_first=len(parts) == 1):
            blocks.append(Block(text=join_lines(parts), line=first_line))
            parts = []
    return blocks


def _ends_paragraph(line: str, nxt: str, wrap: Wrap, *, is_first: bool) -> bool:
    heading = match_marker(line) if is_first else None
    if heading is not None and heading.title_mode == "line":
        return True  # 第二章 总则: a chapter's or a section's heading is a line of its own
    # A line ending mid-sentence fills the page anywhere in the band of a justified text; one
    # ending a sentence may end its paragraph there, it must be as wide as the page.
    ends_sentence = line[-1] in SENTENCE_END
    if (ends_sentence or (nxt[:1] == "第" and names_a_kind(line))) and _stands_alone(nxt):
        return True  # …起施行。 / 总理 李强, …管理办法 / 第一章 总则: the page's next element
    slack = FULL_SLACK if ends_sentence else wrap.slack
    width = display_width(line)
    if width < wrap.width - slack - (INDENT if is_first else 0):
        return True
    if ends_paragraph_stop(line) and width > OVER_WIDTH * wrap.width:
        return True  # a paragraph the extraction left on one line: the page did not wrap it
    # A full line ending a sentence before a marker, weak ones too (第四十五条中国人民银行…, as
    # printed without a space): the decoder decides whether it opens a heading.
    return ends_sentence and match_candidate(nxt) is not None


_SIGNER_MAX = 25  # characters of a signer's line
_ALONE_MAX = 40  # characters of a date, a 令's signer, 目录


def _stands_alone(line: str) -> bool:
    """A line that starts an element of its own after a sentence or a title, however full the
    line before: a chapter's or a section's heading, a signer, a date, a record (（2006年…通过）), 目录."""
    # The cheap tests first: this runs after every line of a hard-wrapped text that ends a sentence.
    if line.startswith("第"):
        heading = match_marker(line)
        return heading is not None and heading.title_mode == "line"
    if line.startswith(("（", "(")):
        return RECORD_START.match(line) is not None
    if len(line) > _ALONE_MAX:
        return False  # a wrapped line of text: each element below is a short line
    if ("日" in line and DATE.match(line)) or ("录" in line and "".join(line.split()) == "目录"):
        return True
    # (a long wrapped line may end in 局)
    return len(line) <= _SIGNER_MAX and (is_signature(line) or OFFICIAL_SIGNER.match(line) is not None)


def ends_paragraph_stop(line: str) -> bool:
    """The line ends with a stop, before any closing quote or bracket (修改为：“…。”)."""
    return line.rstrip().rstrip(_CLOSERS)[-1:] in PARAGRAPH_STOPS


_CLOSERS = "”’」』）)】"


def _has_broken_line_spaces(lines: list[tuple[int, str]]) -> bool:
    long_lines = [line for _, line in lines if len(line) >= 40]
    if len(long_lines) < 3:
        return False
    hits = sum(1 for line in long_lines if _has_space(line) and BROKEN_LINE_SPACE.search(_after_marker(line.strip())))
    return hits >= 0.3 * len(long_lines)


def _has_space(line: str) -> bool:
    """Whether the line holds white space (``\\s``): a printable text only the ASCII space."""
    return " " in line or not line.isprintable()


def _after_marker(line: str) -> str:
    marker = match_marker(line)
    return marker.rest if marker is not None else line


def _same(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())
