"""Chinese ordinal markers as data.

Each rule names a style, the pattern that recognises the marker at the start of a
paragraph, how to read the ordinal, how the marker is printed once normalized, and how
much a match is worth as a heading. The structure stage's decoder decides which
recognised markers really open headings (see docs/numbering.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

CN_DIGITS = "零〇一二三四五六七八九十百两"
_CN = f"[{CN_DIGITS}]{{1,5}}"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# After 第X条 these characters usually mean a cross-reference (第十三条第四款, 第六条规定):
# such a paragraph start is only a *weak* candidate, a heading only where it continues the
# article run (text whose spaces were removed reads 第三条中华人民共和国…, an article).
_NOT_AFTER_ARTICLE = "第款项规的之所、，和或及至中"
# After 1.2 these mean a quantity (1.5万亩, 3.5人, 2.1亿元), not a decimal heading.
_QUANTITY_AFTER = r"\d.．%万亿千百倍个人元年月日天次家项亩吨米公克度岁"
# 1．1—苯基—2—丙酮 is item 1 naming a chemical (a locant, then a dash), not the decimal 1.1.
_LOCANT_AFTER = r"(?=\d{1,2}(?:[,，]\d{1,2})*[—–\-]\p{Han}+[—–\-]\d)"
# 3.2024年度… is item 3 followed by a year, not the number 3.2024 (一、2025年… likewise).
_YEAR_AFTER = r"(?=(?:19|20)\d\d\s*年)"


@dataclass(frozen=True, slots=True)
class MarkerRule:
    style: str
    pattern: regex.Pattern[str]
    numeral: str  # "cn", "arabic" or "circled": how group "n" reads
    printed: str  # normalized marker: "{n}" is the numeral as printed, "{p}" the decimal prefix
    title_mode: str = "inline"  # "inline": heading before the first 。; "caption": 【…】 only; "line"
    weight: float = 3.0  # what accepting a match as a heading is worth to the decoder
    gap: float = 2.5  # what each ordinal missing before it costs (see docs/numbering.md)
    weak_after: regex.Pattern[str] | None = None  # right after the marker: only a weak candidate
    starts: str = ""  # every character a match can begin with (the pattern's first token)
    prefixed: bool = False  # the pattern has a decimal prefix group "p"


def _rule(
    style: str,
    pattern: str,
    numeral: str,
    printed: str,
    title_mode: str = "inline",
    weight: float = 3.0,
    weak_after: str | None = None,
) -> MarkerRule:
    weak = regex.compile(weak_after) if weak_after else None
    # 第N章/第N节/第N条 at a paragraph start are almost never anything else: worth more,
    # and a run of them resynchronises cheaply after missing ones (a regulation in extracts).
    gap = 1.5 if weight >= 4 else 2.5
    prefixed = "(?P<p>" in pattern
    return MarkerRule(
        style, regex.compile(pattern), numeral, printed, title_mode, weight, gap, weak, _starts(pattern), prefixed
    )


# What the first token of a rule's pattern can match: ``_starts`` reads it off the
# pattern so that match_candidate tries only the rules a paragraph's first character
# allows (most paragraphs: none), in table order.
_FIRST_TOKENS = {
    "^第": "第",
    "^[（(]": "（(",
    f"^(?P<n>{_CN})": CN_DIGITS,
    "^(?P<p>\\d": "0123456789",
    "^(?P<n>\\d": "0123456789",
    f"^(?P<n>[{CIRCLED}])": CIRCLED,
}


def _starts(pattern: str) -> str:
    for token, chars in _FIRST_TOKENS.items():
        if pattern.startswith(token):
            return chars
    raise ValueError(f"numbering rule with an unlisted first token: {pattern}")


# Order matters only where patterns overlap: the first rule that matches wins.
# Weights: 第N章/第N条 at a paragraph start are almost never anything else, so they are
# worth more than a bare 1. or 一、 (4 against 3); docs/numbering.md has the cost model.
RULES: tuple[MarkerRule, ...] = (
    _rule("chapter", rf"^第\s*(?P<n>{_CN}|\d{{1,3}})\s*章(?!程)", "cn", "第{n}章", "line", 4.0),
    _rule("part", rf"^第\s*(?P<n>{_CN}|\d{{1,3}})\s*节", "cn", "第{n}节", "line", 4.0),
    _rule(
        "article",
        rf"^第\s*(?P<n>{_CN}|\d{{1,3}})\s*条",
        "cn",
        "第{n}条",
        "caption",
        4.0,
        weak_after=rf"[{_NOT_AFTER_ARTICLE}]",
    ),
    _rule("cn", rf"^(?P<n>{_CN})\s*[、．](?:(?!\d)|{_YEAR_AFTER})", "cn", "{n}、"),
    _rule("paren-cn", rf"^[（(]\s*(?P<n>{_CN})\s*[）)]", "cn", "（{n}）"),
    # Decimal sub-levels: 1.1.1 before 1.1 before 1. (each its own, deeper style).
    _rule(
        "decimal3",
        rf"^(?P<p>\d{{1,2}}[.．]\d{{1,2}})[.．](?P<n>\d{{1,2}})(?![{_QUANTITY_AFTER}])",
        "arabic",
        "{p}.{n}",
    ),
    _rule(
        "decimal2",
        rf"^(?P<p>\d{{1,2}})[.．](?!{_LOCANT_AFTER})(?P<n>\d{{1,2}})(?![{_QUANTITY_AFTER}])",
        "arabic",
        "{p}.{n}",
    ),
    _rule(
        "arabic",
        rf"^(?P<n>\d{{1,3}})\s*(?:[.．](?:(?![\d.．])|{_YEAR_AFTER}|{_LOCANT_AFTER})|、)",
        "arabic",
        "{n}.",
    ),
    _rule("paren-arabic", r"^[（(]\s*(?P<n>\d{1,3})\s*[）)]", "arabic", "（{n}）"),
    _rule("circled", rf"^(?P<n>[{CIRCLED}])", "circled", "{n}"),
    _rule("shi", rf"^(?P<n>{_CN})是(?=[\p{{Han}}，：“])", "cn", "{n}是", "none"),
)

STYLES = tuple(rule.style for rule in RULES)
# The rules to try per first character. A paragraph opening with a digit outside the
# table (٣, ३ also match \d) tries every rule: nothing a rule can match is skipped.
_BY_FIRST: dict[str, tuple[MarkerRule, ...]] = {
    ch: tuple(rule for rule in RULES if ch in rule.starts) for rule in RULES for ch in rule.starts
}
WEIGHTS = {rule.style: rule.weight for rule in RULES}
GAPS = {rule.style: rule.gap for rule in RULES}


class Marker(NamedTuple):
    """A recognised marker. Immutable: match_candidate's cache hands the same one to every caller.
    (A NamedTuple is built three times as fast as a frozen dataclass, once per numbered paragraph.)"""

    style: str
    ordinal: int
    marker: str  # normalized: 一、 （一） 1. 1.2 （1） ① 第一章 第一条 一是
    rest: str  # the paragraph without its marker
    title_mode: str
    weak: bool = False  # looks like a cross-reference: a heading only where it continues a run
    prefix: tuple[int, ...] = ()  # a decimal marker's leading numbers: 2.3.1 -> (2, 3)


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
def match_candidate(text: str) -> Marker | None:
    """The numbering marker that opens ``text``, weak ones included (no continuity check here)."""
    if not text:
        return None
    rules = _BY_FIRST.get(text[0])
    if rules is None:
        if not text[0].isdigit():  # no marker starts with it
            return None
        rules = RULES
    for rule in rules:
        m = rule.pattern.match(text)
        if not m:
            continue
        printed = m.group("n")
        ordinal = read_numeral(printed, "arabic" if printed.isascii() and printed.isdigit() else rule.numeral)
        if ordinal is None:
            continue
        end = m.end()
        prefix = m.group("p") if rule.prefixed else None
        weak = rule.weak_after is not None and rule.weak_after.match(text, end) is not None
        return Marker(
            style=rule.style,
            ordinal=ordinal,
            marker=rule.printed.format(n=printed, p=prefix.replace("．", ".") if prefix else ""),
            rest=text[end:].strip(),
            title_mode=rule.title_mode,
            weak=weak and not _doubled(text, end),
            prefix=tuple(int(x) for x in regex.split(r"[.．]", prefix)) if prefix else (),
        )
    return None


def _doubled(text: str, end: int) -> bool:
    """第一条第一条　… : a page converter printed the marker twice; it is no cross-reference."""
    return text.startswith(text[:end], end)


def match_marker(text: str) -> Marker | None:
    """The marker that opens ``text`` if it reads as a heading marker on its own (weak ones excluded)."""
    m = match_candidate(text)
    return m if m is not None and not m.weak else None
