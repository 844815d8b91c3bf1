"""What both line-based readers (PDF geometry and PDF-extracted text) share."""

from __future__ import annotations

import regex

from ..numbering import match_marker
from ..patterns import lazy

# Where a line ends a sentence, a following numbered line really starts a new paragraph.
SENTENCE_END = "。：；！？”）】"


def join_lines(parts: list[str]) -> str:
    """Lines of one paragraph as one text: Latin words broken at a line end keep a space; Chinese never had one."""
    out = parts[0]
    for part in parts[1:]:
        latin = out[-1:].isascii() and out[-1:].isalpha() and part[:1].isascii() and part[:1].isalpha()
        out += (" " if latin else "") + part
    return out


# Text dumps of web pages put each inline run on a line of its own: 工信厅科函 / 〔 / 2025 / 〕 /
# 349 / 号, 于 / 2025 / 年 / 10 / 月. A fragment is a line that cannot be a paragraph by itself.
# A fragment is at most _LATIN_MAX characters of ASCII or at most _MARK_MAX / _UNIT_MAX others:
# only such a line is tried against the pattern.
_LATIN_MAX = 80
_MARK_MAX = 3
_UNIT_MAX = 2
FRAGMENT = lazy(
    rf"[\x21-\x7e]{{1,{_LATIN_MAX}}}"  # a Latin run: digits, a URL, a file extension
    rf"|[（(〔［\[【《“‘）)〕］\]】》”’．.、，,；：:%％。！？]{{1,{_MARK_MAX}}}"  # brackets and punctuation alone
    rf"|[年月日号份个万亿元岁次家项人天]{{1,{_UNIT_MAX}}}"  # a date or unit character alone
)
# A line starting with one of these continues the line before a fragment.
CONTINUES = lazy(r"^[。！？）)〕］\]】》”’．.、，,；：:%％年月日号份个万亿元岁次家项人天时分秒至前后起内]")
SERIAL = lazy(r"^\d{1,5}\s*号")  # 〔2025〕 / 161号: the serial of a document number
_OPEN_CHARS = "（(〔［[【《“‘"
OPENS = lazy(f"[{regex.escape(_OPEN_CHARS)}]$")
FULL_DATE = lazy(r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年\d{1,2}月\d{1,2}日$")
LIST_MARKER = lazy(r"^\d{1,2}$")
_ENDS_SENTENCE = "。！？；"
_MARKER_ONLY_MAX = 12  # characters: a marker standing alone on its line is never longer
_BLANK = " \t\u3000\u00a0\u200b\u200c\u200d\ufeff"


def rejoin_fragments(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Glue lines broken mid-token back: (line, text) pairs in, fewer pairs out."""
    out: list[tuple[int, str]] = []
    open_ = False  # the last output line ends in a fragment that the next line may continue
    prev_was_marker = False  # the last output line is a numbering marker alone
    bare_run = 0  # markers alone in a row: 2. / 3. is an empty list (附件：1. / 2. / 3.), not a broken heading
    i = 0
    while i < len(lines):
        n, raw = lines[i]
        text = raw.strip(_BLANK)
        if (
            len(text) > _MARKER_ONLY_MAX
            and not open_
            and not (len(text) <= _LATIN_MAX and text.isascii())
            and (not out or out[-1][1][-1:] not in _GLUE_TAILS)
        ):
            # A line of running text after one that leaves nothing open: no fragment (too long,
            # not a Latin run), no marker alone (too long), nothing before it to continue: the
            # glue below is false, and the line is kept as the loop would keep it.
            out.append((n, text))
            prev_was_marker = False
            bare_run = 0
            i += 1
            continue
        fragment = _may_be_fragment(text) and FRAGMENT.fullmatch(text) is not None
        if fragment and LIST_MARKER.match(text) and not (out and _in_brackets(out[-1][1])):
            nxt = lines[i + 1][1].strip(_BLANK) if i + 1 < len(lines) else ""
            if nxt[:1] in (".", "．", "、") and nxt[1:2] not in "0123456789":
                out.append((n, text + nxt))  # 5 / .元宇宙典型案例: a list marker broken from its item
                open_ = prev_was_marker = False
                i += 2
                continue
        if fragment and _starts_full_date(lines, i):
            date, used = _assemble(lines, i)
            out.append((n, date))  # 2025 / 年 / 8 / 月 / 26 / 日 under a signature
            open_ = prev_was_marker = False
            i += used
            continue
        marker = match_marker(text) if len(text) <= _MARKER_ONLY_MAX else None
        marker_only = marker is not None and not marker.rest
        prev = out[-1][1] if out else ""
        prev_marker_only = bool(out) and prev_was_marker
        glue = (
            bool(out)
            and not marker_only
            and (
                (fragment and prev[-1:] not in _ENDS_SENTENCE and not FULL_DATE.match(prev))
                or (open_ and (CONTINUES.match(text) is not None or (prev_marker_only and bare_run < 2)))
                or _ends_open(prev)
                or (prev.endswith(("〕", "］", "]")) and SERIAL.match(text) is not None)
                # （咨询电话： / 010－62309514）: a bracketed label broken before its value
                or (prev.endswith(("：", ":")) and len(prev) <= _LABEL_MAX and _in_brackets(prev))
            )
        )
        if glue and not fragment and len(text) > _MARKER_ONLY_MAX:
            marker = match_marker(text)  # a numbered line never continues the one before
        if glue and (marker is None or fragment):
            # 第二条 / 中国人民银行…: the marker keeps its space (第二条中 would read as a cross-reference)
            spaced = prev_marker_only and "\u4e00" <= prev[-1:] <= "\u9fff"
            out[-1] = (out[-1][0], prev + " " + text if spaced else join_lines([prev, text]))
            open_ = fragment
            prev_was_marker = False
        else:
            out.append((n, text))
            open_ = fragment or marker_only
            prev_was_marker = marker_only
        bare_run = bare_run + 1 if marker_only else 0
        i += 1
    return out


_SHORT_MAX = max(_MARK_MAX, _UNIT_MAX)
# The last characters of a line that the next line may continue (_ends_open, a serial after
# 〔2025〕); "\n" sends _ends_open to its pattern. ("" is in every string: no line before.)
_GLUE_TAILS = _OPEN_CHARS + "〕］]：:\n"
_LABEL_MAX = 20  # characters of a bracketed label whose value the next line holds
# Brackets a list item cannot start inside: 申报书见附件 / 1 / 、附件 / 2 / ） is 附件1、附件2, no item.
_PAIRS = (("（", "）"), ("(", ")"), ("《", "》"), ("〔", "〕"))
_BRACKET_REACH = 200  # characters back a bracket is looked for: a paragraph can grow without end


def _in_brackets(text: str) -> bool:
    """The end of the text leaves a bracket open."""
    tail = text[-_BRACKET_REACH:]
    return any(tail.count(opening) > tail.count(closing) for opening, closing in _PAIRS)


def _may_be_fragment(text: str) -> bool:
    return len(text) <= _SHORT_MAX or (len(text) <= _LATIN_MAX and text.isascii())


def _ends_open(text: str) -> bool:
    """``OPENS.search(text)`` without scanning a whole paragraph: its ``$`` is the end of the
    text or the place before a final newline, so only the last two characters can match."""
    last = text[-1:]
    if last == "\n":
        return OPENS.search(text, max(0, len(text) - 2)) is not None
    return last != "" and last in _OPEN_CHARS


def _assemble(lines: list[tuple[int, str]], i: int) -> tuple[str, int]:
    text = ""
    for k in range(i, min(i + 6, len(lines))):
        text += lines[k][1].strip(_BLANK)
        if FULL_DATE.match(text):
            return text, k - i + 1
    return text, 1


def _starts_full_date(lines: list[tuple[int, str]], i: int) -> bool:
    """2025 / 年 / 8 / 月 / 26 / 日 standing alone (a signature date), not 于2025年10月15日前."""
    text, used = _assemble(lines, i)
    if not FULL_DATE.match(text) or used < 2:
        return False
    after = lines[i + used][1].strip(_BLANK) if i + used < len(lines) else ""
    return not CONTINUES.match(after)
