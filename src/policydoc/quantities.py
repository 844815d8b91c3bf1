"""The quantity grammar: numbers, magnitudes, ranges, units and qualifiers, as tables.

``find_quantities(text)`` returns every quantity of a text, with the traps of
government text removed (ordinals, years and dates, document numbers, article
numbers, quoted programme and book titles, technology names, counts that describe
a list). What a quantity *is* (a target, a subsidy, a deadline …) is decided in
``kinds.py``. One pass over the text: the work per quantity does not grow with the
length of its sentence.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Iterator
from typing import NamedTuple

import regex

from .patterns import lazy

# Units after the magnitude is taken out; longest first so 个百分点 wins over 个.
UNITS = (
    "个百分点",
    "百分点",
    "%",
    "‰",
    "万亿元",
    "亿元",
    "万元",
    "元",
    "亿美元",
    "万美元",
    "美元",
    "千瓦时",
    "千瓦",
    "兆瓦",
    "吉瓦",
    "瓦",
    "平方公里",
    "平方米",
    "立方米",
    "公里",
    "千米",
    "延米",
    "米",
    "公顷",
    "亩",
    "万吨",
    "吨",
    "公斤",
    "千克",
    "斤",
    "人次",
    "人",
    "名",
    "户",
    "家",
    "所",
    "个月",
    "个",
    "项",
    "座",
    "处",
    "条",
    "台套",
    "套",
    "台",
    "张",
    "间",
    "床",
    "张床",
    "辆",
    "艘",
    "架",
    "种",
    "类",
    "批次",
    "场",
    "次",
    "倍",
    "个小时",
    "小时",
    "天",
    "个工作日",
    "周岁",
    "件",
)
# Counting classifiers: the indicator is the noun that follows (1个世界技能大赛综合训练中心).
CLASSIFIERS = frozenset("个 所 家 项 座 处 条 套 台套 台 张 间 辆 艘 架 种 类 名 户 场 件".split())
MAGNITUDES = {"万亿": 10**12, "千亿": 10**11, "亿": 10**8, "万": 10**4, "千": 10**3}
# Above this a "number" is a run of digits, not an amount (and a float would overflow to inf).
LARGEST = 1e18
MAX_DIGITS = 24  # characters of one printed number (0000…01 is no amount either)
AFTER = ("及以上", "及以下", "以上", "以下", "左右", "以内", "上下", "之内")
BEFORE = (
    "不得超过",
    "不得高于",
    "不得低于",
    "不得少于",
    "不少于",
    "不低于",
    "不超过",
    "不高于",
    "不大于",
    "不小于",
    "超过",
    "达到",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增长到",
    "降低到",
    "降至",
    "降低至",
    "下降到",
    "控制在",
    "稳定在",
    "保持在",
    "提高",
    "提升",
    "增加",
    "增长",
    "降低",
    "下降",
    "减少",
    "再降",
    "缩短",
    "突破",
    "力争",
    "达",
    "超",
    "约",
    "近",
    "至少",
    "高于",
    "低于",
    "新增",
    "最高",
    "最多",
    "最长",
)
# Qualifiers printed in more than one way mean the same bound: 不得超过35% is an upper bound.
QUALIFIER_ALIASES = {"不得超过": "不超过", "不得高于": "不高于", "不得低于": "不低于", "不得少于": "不少于"}
PERIODIC = ("每年", "每月", "每季度", "每半年", "年均", "每周")

_NUM = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零一二三四五六七八九]+)?)"
_MAG = r"(?:万亿|千亿|亿|万)?"
_UNIT = "|".join(regex.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_AFTER = "|".join(AFTER)
# Every quantity starts with one of these characters (an Arabic digit, a Chinese numeral or
# the 百 of 百分之): the first item of every alternative of QUANTITY below.
_START_CHARS = r"\d百零〇一二两三四五六七八九十千"
_STARTS = f"[{_START_CHARS}]"
QUANTITY = lazy(
    # The look-ahead lets the engine skip at once every position that cannot start a number.
    rf"(?={_STARTS})"
    rf"(?<![\d.A-Za-z·〔第+／/零〇一二两三四五六七八九十百千万亿])"
    rf"(?:百分之(?P<pct>{_NUM})(?:[-—–～~至到]百分之(?P<pct2>{_NUM}))?"
    rf"|(?P<frac_d>[一二三四五六七八九十]+)分之(?P<frac_n>[一二三四五六七八九十]+)"
    rf"|(?P<n1>{_NUM})(?P<m1>{_MAG})(?:(?P<u1>{_UNIT})?\s*(?P<sep>[-—–～~至到])\s*(?P<n2>{_NUM})(?P<m2>{_MAG}))?"
    # 项目, 处置, 11人制: the unit's character begins a word here
    rf"(?:(?P<unit>{_UNIT})(?!制|(?<=项)目|(?<=处)[置理])|(?P<cheng>成)(?![为立本果员效功]))"
    rf")(?P<after>{_AFTER})?"
    # A noun may follow a count at once (30个5G工厂); a decimal point or 1+X may not.
    rf"(?![.+·])"
)
# The standard ``re`` runs QUANTITY (which uses nothing ``regex`` alone has) about twice as
# fast. The two engines read the pattern alike except for what \d and \s match: regex's \d
# also takes digits of scripts newer than Python's Unicode tables (all outside the BMP) and
# re's \s also takes U+001C-U+001F. A text holding any of these is left to ``regex``
# (``tests/test_fast_paths.py`` checks the two classes over the whole BMP).
_ENGINES_DIFFER = re.compile("[\x1c-\x1f\U00010000-\U0010ffff]")
# A text without a character that can start a quantity holds none (most paragraphs): one
# scan for the character class is far cheaper than running QUANTITY over the text. By re,
# with every character outside the BMP let through (regex's \d is wider there).
_MAY_HOLD = re.compile(f"[{_START_CHARS}\U00010000-\U0010ffff]")


@functools.cache
def _quantity_re() -> re.Pattern[str]:
    return re.compile(QUANTITY.pattern)


def _matches(text: str, start: int = 0) -> Iterator[regex.Match[str] | re.Match[str]]:
    """QUANTITY.finditer(text, start), by the faster engine where both give the same matches.
    (Both engines let the look-behind see the text before ``start``.)"""
    if _ENGINES_DIFFER.search(text):
        return QUANTITY.finditer(text, start)
    return _quantity_re().finditer(text, start)


_SCALES = frozenset("十百千万亿")  # a Chinese numeral with one of these is an amount, not a word
_ARABIC = lazy(r"\d+(?:\.\d+)?")


class Amount(NamedTuple):
    """A quantity as printed: where it is, its value in base units and its trailing qualifier.
    (A named tuple: made once per number, at a third of the cost of a frozen dataclass.)"""

    start: int
    end: int
    raw: str
    low: float
    high: float
    unit: str
    after: str | None


MARK_SETS = {
    "sentence": "。；！？\n",
    "clause": "，。；：、！？\n",
    "phrase": "，。；：！？\n",
    "open_quote": "“",
    "close_quote": "”",
    "open_book": "《",
    "close_book": "》",
}


# Plain character classes: the standard ``re`` scans them about twice as fast as ``regex``.
@functools.cache  # compiled on first use: start-up time
def _mark_pattern(name: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(MARK_SETS[name])}]")


def _positions(text: str, name: str) -> list[int]:
    """Where the marks of kind ``name`` stand in ``text``, in order."""
    chars = MARK_SETS[name]
    if len(chars) > 1:
        return [m.start() for m in _mark_pattern(name).finditer(text)]
    found, at = [], text.find(chars)  # one character (a quote or a title mark): str.find is faster still
    while at >= 0:
        found.append(at)
        at = text.find(chars, at + 1)
    return found


class _Found(dict[str, list[int]]):
    """Positions of each kind of mark in a text, found the first time the kind is asked for
    (a hit is then one dictionary look-up: the questions below are asked many times a number)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def __missing__(self, name: str) -> list[int]:
        found = self[name] = _positions(self.text, name)
        return found


class Marks:
    """Positions of punctuation in a text, found once per kind and only when asked (most
    paragraphs hold no quantity), so that every question about the sentence, clause or
    quotation around a position costs a binary search, not a rescan."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found = _Found(text)

    def count(self, name: str, before: int) -> int:
        return bisect.bisect_left(self._found[name], before)

    def last(self, name: str, before: int, floor: int = 0) -> int:
        """Index just after the last mark of ``name`` before ``before`` (``floor`` when none)."""
        marks = self._found[name]
        i = bisect.bisect_left(marks, before)
        return max(marks[i - 1] + 1, floor) if i else floor

    def next(self, name: str, after: int, ceiling: int | None = None) -> int:
        """Index of the first mark of ``name`` at or after ``after`` (``ceiling`` or the end when none)."""
        marks = self._found[name]
        i = bisect.bisect_left(marks, after)
        end = len(self.text) if ceiling is None else ceiling
        return min(marks[i], end) if i < len(marks) else end

    def quoted(self, at: int) -> bool:
        """Inside “…” or 《…》: a programme name (“315”, “千项万亿”) or a title (《…20条政策措施》)."""
        # No opening mark before ``at``: not inside, whatever the closing marks (most texts have none).
        found, before = self._found, bisect.bisect_left
        opened = before(found["open_quote"], at)
        if opened and opened > before(found["close_quote"], at):
            return True
        opened = before(found["open_book"], at)
        return bool(opened) and opened > before(found["close_book"], at)


@functools.lru_cache(maxsize=4096)  # a pure function of two short strings; cn2an is slow
def _value(number: str, magnitude: str | None) -> float | None:
    if len(number) > MAX_DIGITS:
        return None
    if _ARABIC.fullmatch(number):
        value = float(number)
    else:
        if number[0] in "百千":  # 百项, 千亿元: the leading 一 is not printed
            number = "一" + number
        import cn2an  # deferred: ~110 ms at start-up

        try:
            value = float(cn2an.cn2an(number.replace("〇", "零"), "smart"))
        except (ValueError, KeyError, IndexError):
            return None
    value *= MAGNITUDES.get(magnitude or "", 1)
    return value if math.isfinite(value) and value <= LARGEST else None


def _split_unit(unit: str) -> tuple[int, str]:
    """亿元 → (10**8, 元): units that carry a magnitude."""
    for mag in ("万亿", "亿", "万"):
        if unit.startswith(mag) and len(unit) > len(mag):
            return MAGNITUDES[mag], unit[len(mag) :]
    return 1, unit


def _is_chinese(number: str | None) -> bool:
    return bool(number) and not number[0].isdigit()


# What stands just before a number and makes it no quantity at all: (pattern on the text
# of its phrase before the number, example from a real document).
TRAPS_BEFORE = (
    (r"[由从]$", "个人申请额度由30万元提高至50万元"),  # the first amount is the old level
    (r"等$", "国家开发银行等9家全国性承贷银行"),  # counts the bodies just named
    (r"(?:以下|如下|下列|上述)$", "提出以下20条措施"),  # counts the list that follows
    (r"(?:\p{Han}{1,4}、){2,}\p{Han}{1,4}$", "吉林、安徽、山东10个省（区、市）"),  # counts the names just listed
    (r"（共$", "（共5项）"),
    (r"第\d+[、，和至]$", "按本办法第39、40条规定执行"),  # the second of two article numbers
    (r"每$", "按照每千人不少于10个托位"),  # a denominator (每千人, 每10万人口), not an amount
    (r"[=×÷＝]", "综合成绩=（文化总成绩/750）×300×30%"),  # a formula line
    # a standard's code (JR/T, T/PCAC, GB): the number that follows is its serial and year
    (r"(?<![A-Za-z])(?:[A-Z]{1,4}/[A-Z]{1,6}|GB|JR|YY|HJ|DB|GA|JT|WS)\s*$", "JR/T 0171—2020个人金融信息保护技术规范"),
)
_TRAPS_BEFORE = lazy("|".join(f"(?:{p})" for p, _ in TRAPS_BEFORE))


@functools.lru_cache(maxsize=4096)  # a pure function of a short string, and the phrases repeat (处, 罚款, 不超过)
def _trapped_by(phrase: str) -> bool:
    return _TRAPS_BEFORE.search(phrase) is not None


# Counts of kinds of goods printed after 的 describe a list (关税为零的2034种出口商品).
_DESCRIBED_LIST = lazy(r"的$")
_LIST_UNITS = frozenset("种 类".split())
_LOOKBACK = 24  # characters of the phrase before a number that the traps look at


class Parts(NamedTuple):
    """The named groups of QUANTITY, in the order of the pattern: one ``m.groups()`` call takes
    them all (a ``m.group(name)`` call per use cost as much as the rest of the work on a match).
    ``tests/test_fast_paths.py`` checks that the fields follow the pattern's groups."""

    pct: str | None
    pct2: str | None
    frac_d: str | None
    frac_n: str | None
    n1: str | None
    m1: str | None
    u1: str | None
    sep: str | None
    n2: str | None
    m2: str | None
    unit: str | None
    cheng: str | None
    after: str | None


def may_hold_quantity(text: str) -> bool:
    """False when ``text`` has no character a quantity can start with: then it holds none."""
    return _MAY_HOLD.search(text) is not None


def first_start(text: str) -> int:
    """Where the first character that can start a quantity stands in ``text``; -1 when none (then
    it holds no quantity, and else none starts before this position)."""
    found = _MAY_HOLD.search(text)
    return -1 if found is None else found.start()


def find_quantities(text: str, marks: Marks | None = None) -> list[Amount]:
    """Every quantity of ``text`` in order, traps removed (linear in the length of the text)."""
    start = first_start(text)
    if start < 0:
        return []
    return quantities_of(text, marks or Marks(text), start)


def quantities_of(text: str, marks: Marks, start: int = 0) -> list[Amount]:
    """``find_quantities`` for a text whose ``first_start`` is ``start`` (or that has none before it),
    with its ``Marks``: the scan starts there (every quantity starts at such a character)."""
    out: list[Amount] = []
    for m in _matches(text, start):
        g = Parts._make(m.groups())
        start, end = m.span()
        if _is_trap(text, start, end, g, marks):
            continue
        q = _quantity(start, end, text[start:end], g)
        if q is not None:
            out.append(q)
    return out


def _is_trap(text: str, start: int, end: int, g: Parts, marks: Marks) -> bool:
    # Chinese numerals are words (一批, 两个专项规划, 五大行动) unless they carry a scale or a per-cent form.
    # (Tested first: it needs no look at the text around the number.)
    n1 = g.n1
    if n1 and _is_chinese(n1) and _SCALES.isdisjoint(n1) and not (g.m1 or g.cheng):
        return True
    if marks.quoted(start):
        return True
    phrase = text[marks.last("phrase", start, max(0, start - _LOOKBACK)) : start]
    if _trapped_by(phrase):
        return True
    if phrase.endswith("（") and text[end : end + 1] == "）":  # （7项）: a count in a heading
        return True
    if g.unit in _LIST_UNITS and _DESCRIBED_LIST.search(phrase):
        return True
    return False


def _quantity(start: int, end: int, raw: str, g: Parts) -> Amount | None:
    if g.pct:
        low = _value(g.pct, None)
        high = _value(g.pct2, None) if g.pct2 else low
        unit, scale = "%", 1
    elif g.frac_d:
        d, n = _value(g.frac_d, None), _value(g.frac_n, None)
        if not d or n is None:
            return None
        low = high = round(100 * n / d, 4)
        unit, scale = "%", 1
    else:
        if g.cheng:
            scale, unit = 10, "%"  # 三成 = 30%
        else:
            scale, unit = _split_unit(g.unit)
        # 2-3万人 is 2万 to 3万: a magnitude printed once applies to both ends.
        m1 = g.m1 or g.m2
        m2 = g.m2 or g.m1
        low = _value(g.n1, m1)
        high = _value(g.n2, m2) if g.n2 else low
        if g.u1 and g.u1 != g.unit:
            return None
    if low is None or high is None:
        return None
    low, high = low * scale, high * scale
    if low > high:
        low, high = high, low
    return Amount(start, end, raw, _clean(low), _clean(high), unit, g.after)


def _clean(value: float) -> float:
    return float(round(value, 6))
