"""Unicode clean-up that never changes meaning.

Rules are tables: code-point repairs, width folding, and space removal patterns.
Rejoining broken lines is not done here; the readers that know line geometry do it.
"""

from __future__ import annotations

import functools
import re

import regex

from .patterns import lazy

HAN = r"\p{Han}"
# Full-width / CJK punctuation next to which a space is never meaningful.
CJK_PUNCT = "，。、；：？！“”‘’《》（）〔〕【】「」『』—…·"

# Glyphs some Chinese government PDFs map to the wrong code points (seen in the
# sichuan PDF: Yi syllables for comma and full stop, guillemets for book-title marks,
# a private-use code point for the decimal point).
CODEPOINT_REPAIRS = {
    "ꎬ": "，",
    "ꎮ": "。",
    "ꎻ": "；",
    "ꎯ": "？",
    "ꎰ": "！",
    "ꎱ": "：",
    "«": "《",
    "»": "》",
    "\U001001b0": ".",
    "∶": "：",
}

# Full-width ASCII letters and digits and the per-cent sign to ASCII: they are the
# same characters set wider; full-width punctuation is kept (it is Chinese text).
_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_WIDTH |= {chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)}
_WIDTH |= {chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)}
_WIDTH |= {"％": "%", "＋": "+"}
# Small form variants of the punctuation (a Word font's 1﹒ item marker) to the common forms.
_WIDTH |= {"﹐": "，", "﹑": "、", "﹒": "．", "﹔": "；", "﹕": "：", "﹖": "？", "﹗": "！", "﹙": "（", "﹚": "）"}

# Spaces of every width become one ASCII space; zero-width ones vanish.
_SPACES = {c: " " for c in "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u3000\t\r\n\f\v"}
_SPACES |= {c: "" for c in "\u200b\u200c\u200d\ufeff\u00ad"}

_REPLACE = CODEPOINT_REPAIRS | _WIDTH | _SPACES
# One regex pass over the few characters that change: str.translate walks every
# character through a dict, which costs more on long Chinese paragraphs.
# (stdlib re: for plain character classes it is several times faster than regex)
_TO_REPLACE = re.compile("[" + "".join(re.escape(c) for c in _REPLACE) + "]")

# (pattern, replacement) applied in order.
SPACE_RULES: list[tuple[regex.Pattern[str], str]] = [
    # 4000 万人 -> 4000万人, 〔2021〕48 号 -> 48号, 第 46 届 -> 第46届
    (lazy(rf"(?<=[\d.%])\s+(?={HAN})|(?<={HAN})\s+(?=\d)"), ""),
    (lazy(r"(?<=\d)\s+(?=%)"), ""),
    # No space next to CJK punctuation: "单位 ：" / "。 创业"
    (lazy(rf"\s+(?=[{CJK_PUNCT}])|(?<=[{CJK_PUNCT}])\s+"), ""),
]
# Every rule drops a whole run of spaces, chosen by the characters around it, and those
# characters are never spaces: applying the rules in turn or as one alternation in one
# pass drops the same runs.
assert all(repl == "" for _, repl in SPACE_RULES)
_SPACES_DROPPED = lazy("|".join(f"(?:{pattern.pattern})" for pattern, _ in SPACE_RULES))
# "总 则", "国 务 院 工 作 规 则", "加 大 创 业": single characters spaced out for
# justification or display. Runs of two or more multi-character words
# ("中共中央 国务院") are issuer lists and keep their space.
_MULTISPACE = lazy(r" {2,}")
_SPACED_OUT = lazy(rf"(?<!{HAN})(?:{HAN} ){{1,}}{HAN}(?!{HAN})")


def _join_spaced(m: regex.Match[str]) -> str:
    return m.group(0).replace(" ", "")


CELL_SEP = "\t"  # between the cells of a table row, as the readers join them


def normalize(text: str, *, cells: bool = False) -> str:
    """Clean one paragraph: spaces, code points, widths. Never reorders or drops text.

    ``cells``: a table row, its cells joined by CELL_SEP: each cell is cleaned by itself and the
    cells are set apart by a space that stays (征求意见时间 2025年5月12日起: two cells, not a PDF's
    space around a number)."""
    if cells and CELL_SEP in text:
        return " ".join(c for c in (normalize(cell) for cell in text.split(CELL_SEP)) if c)
    text = _TO_REPLACE.sub(lambda m: _REPLACE[m.group()], text).strip()
    if " " not in text:  # most paragraphs: nothing more to do
        return text
    text = _SPACED_OUT.sub(_join_spaced, _MULTISPACE.sub(" ", text))
    return _SPACES_DROPPED.sub("", text).strip()


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch == "〇"


def han_only(text: str) -> str:
    """The Chinese characters of a text, in order (used by conservation checks)."""
    return "".join(ch for ch in text if is_han(ch))


# Characters below the CJK blocks are set half width, except these punctuation marks.
@functools.cache
def _narrow() -> re.Pattern[str]:
    # Compiled on first use: a class this wide takes re 4 ms, and only the text reader measures widths.
    return re.compile("[^\u2e80-\U0010ffff“”‘’—…·]")


def display_width(text: str) -> float:
    """Width in Chinese-character units: ASCII and half-width forms count one half."""
    # One C-level pass counts the narrow characters (halves add up exactly in a float).
    return len(text) - 0.5 * len(_narrow().findall(text))


_OPEN, _CLOSE = "“《（(【〔「‘", "”》）)】〕」’"
_MARKS = re.compile("[" + re.escape(_OPEN + _CLOSE) + "。]")  # all that changes the answer


def first_full_stop(text: str) -> int | None:
    """Index of the first 。 outside quotes and brackets."""
    if "。" not in text:
        return None
    depth = 0
    # Visit only brackets, quotes and stops: a paragraph is mostly none of these.
    for m in _MARKS.finditer(text):
        ch = m.group()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            return m.start()
    return None
