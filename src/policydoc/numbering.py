"""Chinese ordinal markers as data.

Each rule names a style, the pattern that recognises the marker at the start of a
paragraph, how to read the ordinal, and how the marker is printed once normalized.
The structure stage decides whether a recognised marker really opens a heading.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

CN_DIGITS = "零〇一二三四五六七八九十百两"
_CN = f"[{CN_DIGITS}]{{1,5}}"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# After 第X条 these characters mean a cross-reference (第十三条第四款, 第六条规定), not a heading.
_NOT_AFTER_ARTICLE = "第款项规的之所、，和或及至中"


@dataclass(frozen=True, slots=True)
class MarkerRule:
    style: str
    pattern: regex.Pattern[str]
    numeral: str  # "cn", "arabic" or "circled": how group "n" reads
    printed: str  # normalized marker, "{n}" is the numeral as printed
    title_mode: str = "inline"  # "inline": heading before the first 。; "caption": 【…】 only; "line"


def _rule(style: str, pattern: str, numeral: str, printed: str, title_mode: str = "inline") -> MarkerRule:
    return MarkerRule(style, regex.compile(pattern), numeral, printed, title_mode)


# Order matters only where patterns overlap: the first rule that matches wins.
RULES: tuple[MarkerRule, ...] = (
    _rule("chapter", rf"^第\s*(?P<n>{_CN}|\d{{1,3}})\s*章(?!程)", "cn", "第{n}章", "line"),
    _rule("part", rf"^第\s*(?P<n>{_CN}|\d{{1,3}})\s*节", "cn", "第{n}节", "line"),
    _rule(
        "article",
        rf"^第\s*(?P<n>{_CN}|\d{{1,3}})\s*条(?![{_NOT_AFTER_ARTICLE}])",
        "cn",
        "第{n}条",
        "caption",
    ),
    _rule("cn", rf"^(?P<n>{_CN})\s*[、．](?!\d)", "cn", "{n}、"),
    _rule("paren-cn", rf"^[（(]\s*(?P<n>{_CN})\s*[）)]", "cn", "（{n}）"),
    _rule("arabic", r"^(?P<n>\d{1,3})\s*(?:[.．](?![\d.．])|、)", "arabic", "{n}."),
    _rule("paren-arabic", r"^[（(]\s*(?P<n>\d{1,3})\s*[）)]", "arabic", "（{n}）"),
    _rule("circled", rf"^(?P<n>[{CIRCLED}])", "circled", "{n}"),
    _rule("shi", rf"^(?P<n>{_CN})是(?=[\p{{Han}}，：“])", "cn", "{n}是", "none"),
)

STYLES = tuple(rule.style for rule in RULES)


@dataclass(frozen=True, slots=True)
class Marker:
    style: str
    ordinal: int
    marker: str  # normalized: 一、 （一） 1. （1） ① 第一章 第一条 一是
    rest: str  # the paragraph without its marker
    title_mode: str


@lru_cache(maxsize=4096)
def read_numeral(text: str, numeral: str = "cn") -> int | None:
    """The value of an ordinal as printed: 十二 -> 12, 12 -> 12, ③ -> 3."""
    if numeral == "circled":
        return CIRCLED.index(text) + 1 if text in CIRCLED else None
    if text.isascii() and text.isdigit():
        return int(text)
    import cn2an  # deferred: ~110 ms at start-up, needed only for Chinese numerals

    try:
        value = cn2an.cn2an(text.replace("〇", "零"), "strict")
    except (ValueError, KeyError, IndexError):
        return None
    return int(value) if value == int(value) and value > 0 else None


@lru_cache(maxsize=8192)
def match_marker(text: str) -> Marker | None:
    """The numbering marker that opens ``text``, if any (no continuity check here)."""
    if not text:
        return None
    first = text[0]
    # Cheap pre-filter: every marker starts with one of these.
    if not (first in "第（(①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" or first.isdigit() or first in CN_DIGITS):
        return None
    for rule in RULES:
        m = rule.pattern.match(text)
        if not m:
            continue
        printed = m.group("n")
        ordinal = read_numeral(printed, "arabic" if printed.isascii() and printed.isdigit() else rule.numeral)
        if ordinal is None:
            continue
        return Marker(
            style=rule.style,
            ordinal=ordinal,
            marker=rule.printed.format(n=printed),
            rest=text[m.end() :].strip(),
            title_mode=rule.title_mode,
        )
    return None
