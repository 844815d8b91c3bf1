"""The quantity grammar: numbers, magnitudes, ranges, units and qualifiers, as tables.

``find_quantities(text)`` returns every quantity that can be a target, with the
traps of government text removed (ordinals, years and dates, document numbers,
article numbers, quoted programme names, technology names, baselines).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

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
    "小时",
    "天",
    "个工作日",
)
# Counting classifiers: the indicator is the noun that follows (1个世界技能大赛综合训练中心).
CLASSIFIERS = frozenset("个 所 家 项 座 处 条 套 台 张 间 辆 艘 架 种 类 名 户 场".split())
MAGNITUDES = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3}
AFTER = ("及以上", "及以下", "以上", "以下", "左右", "以内", "上下", "之内")
BEFORE = (
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
)
# A sentence opening like this reports the present, not a commitment.
BASELINE_OPENERS = ("截至", "截止", "目前", "据统计", "近年来", "去年")
PERIODIC = ("每年", "每月", "每季度", "每半年", "年均", "每周")

_NUM = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零一二三四五六七八九]+)?)"
_MAG = r"(?:万亿|亿|万)?"
_UNIT = "|".join(regex.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_AFTER = "|".join(AFTER)
QUANTITY = regex.compile(
    # The look-ahead lets the engine skip at once every position that cannot start a number.
    rf"(?=[\d百零〇一二两三四五六七八九十千])"
    rf"(?<![\d.A-Za-z·〔第+／/零〇一二两三四五六七八九十百千万亿])"
    rf"(?:百分之(?P<pct>{_NUM})(?:[-—–～~至到]百分之(?P<pct2>{_NUM}))?"
    rf"|(?P<frac_d>[一二三四五六七八九十]+)分之(?P<frac_n>[一二三四五六七八九十]+)"
    rf"|(?P<n1>{_NUM})(?P<m1>{_MAG})(?P<u1>{_UNIT})?(?:\s*(?P<sep>[-—–～~至到])\s*(?P<n2>{_NUM})(?P<m2>{_MAG}))?"
    rf"(?:(?P<unit>{_UNIT})(?!制)|(?P<cheng>成)(?![为立本果员效功]))"
    rf")(?P<after>{_AFTER})?"
    rf"(?![\d.A-Za-z+·])"
)
_HAS_SCALE = regex.compile(r"[十百千万亿]")
_ARABIC = regex.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    raw: str
    low: float
    high: float
    unit: str
    after: str | None


def _value(number: str, magnitude: str | None) -> float | None:
    if _ARABIC.fullmatch(number):
        value = float(number)
    else:
        import cn2an  # deferred: ~110 ms at start-up

        try:
            value = float(cn2an.cn2an(number.replace("〇", "零"), "smart"))
        except (ValueError, KeyError, IndexError):
            return None
    return value * MAGNITUDES.get(magnitude or "", 1)


def _split_unit(unit: str) -> tuple[int, str]:
    """亿元 → (10**8, 元): units that carry a magnitude."""
    for mag in ("万亿", "亿", "万"):
        if unit.startswith(mag) and len(unit) > len(mag):
            return MAGNITUDES[mag], unit[len(mag) :]
    return 1, unit


def _is_chinese(number: str | None) -> bool:
    return bool(number) and not number[0].isdigit()


def _inside_quotes(text: str, start: int) -> bool:
    """A programme name in quotation marks (“315”, “千项万亿”) is not a quantity."""
    return text.count("“", 0, start) > text.count("”", 0, start)


def _is_trap(text: str, m: regex.Match[str]) -> bool:
    start, end = m.span()
    if _inside_quotes(text, start):
        return True
    before = text[max(0, start - 2) : start]
    if before.endswith(("由", "从")):  # 由30万元提高至50万元: the first amount is the baseline
        return True
    if before.endswith("（") and text[end : end + 1] == "）":  # （7项）: a count in a heading
        return True
    if text[max(0, start - 1) : start] == "共" and text[max(0, start - 2) : start - 1] == "（":
        return True
    sentence_start = max(text.rfind(p, 0, start) for p in "。；\n") + 1
    if text.startswith(BASELINE_OPENERS, sentence_start):
        return True  # a baseline: 截至2020年底，…超过2亿人
    # Chinese numerals are words (一批, 两个专项规划, 五大行动) unless they carry a scale or a per-cent form.
    n1 = m.group("n1")
    if n1 and _is_chinese(n1) and not (_HAS_SCALE.search(n1) or m.group("m1") or m.group("cheng")):
        return True
    return False


def find_quantities(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in QUANTITY.finditer(text):
        if _is_trap(text, m):
            continue
        q = _quantity(m)
        if q is not None:
            out.append(q)
    return out


def _quantity(m: regex.Match[str]) -> Quantity | None:
    after = m.group("after")
    if m.group("pct"):
        low = _value(m.group("pct"), None)
        high = _value(m.group("pct2"), None) if m.group("pct2") else low
        unit, scale = "%", 1
    elif m.group("frac_d"):
        d, n = _value(m.group("frac_d"), None), _value(m.group("frac_n"), None)
        if not d or n is None:
            return None
        low = high = round(100 * n / d, 4)
        unit, scale = "%", 1
    else:
        if m.group("cheng"):
            scale, unit = 10, "%"  # 三成 = 30%
        else:
            scale, unit = _split_unit(m.group("unit"))
        # 2-3万人 is 2万 to 3万: a magnitude printed once applies to both ends.
        m1 = m.group("m1") or m.group("m2")
        m2 = m.group("m2") or m.group("m1")
        low = _value(m.group("n1"), m1)
        high = _value(m.group("n2"), m2) if m.group("n2") else low
        if m.group("u1") and m.group("u1") != m.group("unit"):
            return None
    if low is None or high is None:
        return None
    low, high = low * scale, high * scale
    if low > high:
        low, high = high, low
    return Quantity(m.start(), m.end(), m.group(0), _clean(low), _clean(high), unit, after)


def _clean(value: float) -> float:
    return float(round(value, 6))
