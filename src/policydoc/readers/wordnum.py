"""Word's automatic numbering, rendered the way Word renders it.

In an auto-numbered DOCX the markers (一、 （一） 1.) are not in the text: a paragraph
names a list (``numId``) and a level (``ilvl``) and Word draws the marker from
``numbering.xml``: the level's ``lvlText`` template (``%1、``, ``（%2）``, ``第%1条``)
with each ``%N`` replaced by level N's counter printed in level N's ``numFmt``.

Counters belong to the abstract list: every ``w:num`` pointing to one ``abstractNum``
continues the same sequence (Word's "continue numbering"), and a ``w:num`` with a
``startOverride`` restarts its levels the first time it is used (Word's "restart
numbering at 1"). A level restarts after any use of a higher level unless its
``lvlRestart`` says otherwise (``0``: never; ``N``: only after level N or above) —
which is how 1.–20. run on across the （一）…（五） groups of a notice.

Number formats are a table (``FORMATS``): name → function of the counter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex
from lxml import etree

from ..patterns import lazy

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_W = f"{{{W}}}"

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_TW_LEGAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
_CN_UNITS = ("", "十", "百", "千")
_CN_LEGAL_UNITS = ("", "拾", "佰", "仟")
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "".join(chr(c) for c in range(0x2474, 0x2488))  # ⑴ … ⒇
_FULLSTOP = "".join(chr(c) for c in range(0x2488, 0x249C))  # ⒈ … ⒛
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def _decimal(n: int) -> str:
    return str(n)


def _digits_cn(n: int) -> str:
    """Digit by digit: 10 → 一〇, 2021 → 二〇二一."""
    return "".join(_CN_DIGITS[int(d)] for d in str(n))


def _positional(n: int, digits: str, units: tuple[str, ...], *, bare_ten: bool) -> str:
    """Below 10000 with units and a zero for each gap: 101 → 一百零一, 1010 → 一千零一十."""
    if n <= 0 or n >= 10000:
        return str(n)
    zero = "零"
    out, pending_zero = "", False
    text = str(n)
    for i, d in enumerate(text):
        place = len(text) - 1 - i
        value = int(d)
        if value == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += zero
            pending_zero = False
        out += digits[value] + units[place]
    if bare_ten and 10 <= n < 20:
        out = out[1:]  # 十一, not 一十一
    return out


def _chinese_counting(n: int) -> str:
    """一 … 十, 十一 … 九十九; from 100 Word spells the digits (一〇〇)."""
    if 0 < n < 100:
        return _positional(n, _CN_DIGITS, _CN_UNITS, bare_ten=True)
    return _digits_cn(n)


def _chinese_thousand(n: int) -> str:
    """Counting with 百 and 千: 一百零一, 一千."""
    return _positional(n, _CN_DIGITS, _CN_UNITS, bare_ten=True)


def _chinese_legal(n: int) -> str:
    """The financial capitals: 壹, 壹拾, 壹拾壹, 壹佰零壹."""
    return _positional(n, _CN_LEGAL_DIGITS, _CN_LEGAL_UNITS, bare_ten=False)


def _traditional_legal(n: int) -> str:
    return _positional(n, _TW_LEGAL_DIGITS, _CN_LEGAL_UNITS, bare_ten=False)


def _cycle(symbols: str) -> Callable[[int], str]:
    """A fixed series (甲乙丙…, ①…⑳); past its end Word prints the plain number."""

    def render(n: int) -> str:
        return symbols[n - 1] if 0 < n <= len(symbols) else str(n)

    return render


def _letters(alphabet: str) -> Callable[[int], str]:
    """A … Z, then AA … ZZ, AAA …: Word repeats the letter, it does not count in base 26."""

    def render(n: int) -> str:
        if n <= 0:
            return str(n)
        return alphabet[(n - 1) % 26] * ((n - 1) // 26 + 1)

    return render


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _fullwidth(n: int) -> str:
    return "".join(chr(ord(d) + 0xFEE0) for d in str(n))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": _decimal,
    "decimalHalfWidth": _decimal,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": _fullwidth,
    "decimalFullWidth2": _fullwidth,
    "decimalEnclosedCircle": _cycle(_CIRCLED),
    "decimalEnclosedCircleChinese": _cycle(_CIRCLED),
    "decimalEnclosedParen": _cycle(_PAREN),
    "decimalEnclosedFullstop": _cycle(_FULLSTOP),
    "decimalChineseCounting": _digits_cn,
    "ideographDigital": _digits_cn,
    "chineseCounting": _chinese_counting,
    "chineseCountingThousand": _chinese_thousand,
    "chineseLegalSimplified": _chinese_legal,
    # LibreOffice writes the counting formats of .doc/.wps files as their Taiwanese and
    # Japanese twins; below 10000 they print the same characters.
    "taiwaneseCounting": _chinese_counting,
    "taiwaneseCountingThousand": _chinese_thousand,
    "japaneseCounting": _chinese_thousand,
    "taiwaneseDigital": _digits_cn,
    "ideographLegalTraditional": _traditional_legal,
    "ideographEnclosedCircle": _cycle("".join(chr(c) for c in range(0x3220, 0x322A))),  # ㈠ … ㈩
    "ideographTraditional": _cycle(_TIANGAN),
    "ideographZodiac": _cycle(_DIZHI),
    "upperLetter": _letters("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerLetter": _letters("abcdefghijklmnopqrstuvwxyz"),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "ordinal": _ordinal,
    "none": lambda n: "",
    "bullet": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """``n`` printed in Word's number format ``fmt``; an unknown format prints as decimal."""
    if fmt.startswith("decimalZero") and fmt[11:].isdigit():  # a custom 001, 002 … format
        return str(n).zfill(int(fmt[11:]))
    return FORMATS.get(fmt, _decimal)(n)


# Bullets set in the Symbol and Wingdings fonts sit in the private use area.
BULLETS = {"\uf0b7": "•", "\uf06c": "●", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf06e": "■", "\uf075": "◆"}

_PLACEHOLDER = lazy(r"%([1-9])")


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None: the level prints nothing
    restart: int | None = None  # lvlRestart (1-based level; 0 never); None: after any higher level
    legal: bool = False  # isLgl: every %N of this level printed in decimal
    suffix: str = "tab"  # what follows the marker: tab, space or nothing


@dataclass(slots=True)
class Num:
    abstract: str
    levels: dict[int, Level] = field(default_factory=dict)  # lvlOverride/lvl replacements
    starts: dict[int, int] = field(default_factory=dict)  # lvlOverride/startOverride


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    return el.get(f"{NS_W}val", default) if el is not None else default


def _int(value: str | None, default: int | None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _on(el: etree._Element | None) -> bool:
    """A w:ST_OnOff toggle: present means on unless its val says otherwise."""
    return el is not None and _val(el, "true") not in ("false", "0", "off")


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Word 2010's custom formats (numFmt val="custom" format="001, 002, 003, ...") by their sample.
_CUSTOM = {"一, 二, 三, ...": "chineseCounting", "壹, 贰, 叁, ...": "chineseLegalSimplified"}


def _number_format(lvl: etree._Element) -> str:
    """numFmt, or inside mc:AlternateContent the custom format we know, else the fallback."""
    direct = lvl.find(f"{NS_W}numFmt")
    if direct is not None:
        return _val(direct, "decimal") or "decimal"
    for choice in lvl.iterfind(f"{_MC}AlternateContent/{_MC}Choice/{NS_W}numFmt"):
        sample = choice.get(f"{NS_W}format", "")
        if sample in _CUSTOM:
            return _CUSTOM[sample]
        if regex.fullmatch(r"0+1, 0+2, 0+3, \.\.\.", sample):
            return f"decimalZero{sample.index(',')}"
    fallback = lvl.find(f"{_MC}AlternateContent/{_MC}Fallback/{NS_W}numFmt")
    return _val(fallback, "decimal") or "decimal"


def _level(lvl: etree._Element) -> Level:
    text_el = lvl.find(f"{NS_W}lvlText")
    return Level(
        start=_int(_val(lvl.find(f"{NS_W}start")), 1) or 0,
        fmt=_number_format(lvl),
        text=_val(text_el) if text_el is not None else None,
        restart=_int(_val(lvl.find(f"{NS_W}lvlRestart")), None),
        legal=_on(lvl.find(f"{NS_W}isLgl")),
        suffix=_val(lvl.find(f"{NS_W}suff"), "tab") or "tab",
    )


def _ilvl(el: etree._Element) -> int | None:
    return _int(el.get(f"{NS_W}ilvl"), None)


class Numbering:
    """The lists of one document and their counters, fed paragraph by paragraph in order."""

    def __init__(self, numbering_xml: etree._Element | None, style_lists: dict[str, str] | None = None) -> None:
        """``style_lists`` maps a numbering style's id to its numId (for ``numStyleLink``)."""
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, Num] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        self._list: dict[str, str] = {}  # abstractNum → the abstractNum whose counters it shares
        if numbering_xml is None:
            return
        links: dict[str, str] = {}  # abstractNum → the numbering style whose levels it borrows
        for abstract in numbering_xml.iter(f"{NS_W}abstractNum"):
            aid = abstract.get(f"{NS_W}abstractNumId", "")
            levels = {_ilvl(lvl) or 0: _level(lvl) for lvl in abstract.iter(f"{NS_W}lvl")}
            self.abstracts[aid] = levels
            link = _val(abstract.find(f"{NS_W}numStyleLink"))
            if link:
                links[aid] = link
        for num in numbering_xml.iter(f"{NS_W}num"):
            entry = Num(abstract=_val(num.find(f"{NS_W}abstractNumId"), "") or "")
            for override in num.iter(f"{NS_W}lvlOverride"):
                ilvl = _ilvl(override) or 0
                start = _int(_val(override.find(f"{NS_W}startOverride")), None)
                if start is not None:
                    entry.starts[ilvl] = start
                lvl = override.find(f"{NS_W}lvl")
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self.nums[num.get(f"{NS_W}numId", "")] = entry
        for aid, style in links.items():
            target = self.nums.get((style_lists or {}).get(style, ""))
            if target is not None and target.abstract != aid and target.abstract in self.abstracts:
                self.abstracts[aid] = self.abstracts[target.abstract]
                self._list[aid] = target.abstract  # one list: the style's paragraphs and the linked ones count together

    def level(self, num_id: str, ilvl: int) -> Level | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        return num.levels.get(ilvl) or self.abstracts.get(num.abstract, {}).get(ilvl)

    def marker(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the list for one numbered paragraph; (marker as Word prints it, suffix).

        ``numId`` 0 (numbering switched off) and unknown lists give None.
        """
        num = self.nums.get(num_id)
        level = self.level(num_id, ilvl)
        if num is None or level is None or num_id == "0":
            return None
        counters = self._counters.setdefault(self._list.get(num.abstract, num.abstract), {})
        if num_id not in self._started and num.starts:
            self._started.add(num_id)
            for k in num.starts:
                counters.pop(k, None)
        self._started.add(num_id)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else self._start(num, ilvl)
        for deeper in [k for k in counters if k > ilvl]:
            restart = self._restart(num_id, deeper)
            if restart is None or (restart != 0 and ilvl + 1 <= restart):
                del counters[deeper]
        if level.text is None:
            return "", level.suffix
        if level.fmt == "bullet":
            return "".join(BULLETS.get(c, c) for c in level.text), level.suffix

        def fill(m: regex.Match[str]) -> str:
            k = int(m.group(1)) - 1
            shown = self.level(num_id, k)
            value = counters.get(k, self._start(num, k))
            fmt = "decimal" if level.legal and shown is not None and shown.fmt != "none" else None
            return format_number(value, fmt or (shown.fmt if shown else "decimal"))

        return _PLACEHOLDER.sub(fill, level.text), level.suffix

    def _start(self, num: Num, ilvl: int) -> int:
        if ilvl in num.starts:
            return num.starts[ilvl]
        level = num.levels.get(ilvl) or self.abstracts.get(num.abstract, {}).get(ilvl)
        return level.start if level else 1

    def _restart(self, num_id: str, ilvl: int) -> int | None:
        level = self.level(num_id, ilvl)
        if level is None or level.restart is None or level.restart > ilvl:
            return None  # a "restart after" naming this level or a lower one is ignored
        return level.restart
