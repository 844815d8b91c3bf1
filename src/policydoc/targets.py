"""Quantified targets: every quantity of the official text with what it measures and when.

The grammar of quantities is in ``quantities.py``; this module places each one:
the indicator it measures, its qualifier, its period, the sentence and the section.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .model import Annex, Period, Section, Target
from .quantities import BEFORE, CLASSIFIERS, PERIODIC, Quantity, find_quantities

FIVE_YEAR_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
PERIODS = regex.compile(
    r"(?P<plan>[“\"]?(?P<name>十[一二三四五]五)[”\"]?(?:期间|时期|末|规划期)?)"
    r"|(?P<range>(?P<y1>(?:19|20)\d{2})\s*[-—–～至到]\s*(?P<y2>(?:19|20)\d{2})\s*年)"
    r"|(?P<by>(?:到|至|力争到|力争|于|在)(?P<y3>(?:19|20)\d{2})\s*年(?:底|末|前|年底)?)"
    r"|(?P<year>(?<![比较自截至])(?P<y4>(?:19|20)\d{2})\s*年(?:底|末|前)?)"
    rf"|(?P<every>{'|'.join(PERIODIC)})"
)
# Words between the indicator and the number that are not part of what is measured.
FILLERS = ("在现有基础上", "在原有基础上", "累计", "分别", "均", "总计", "合计", "力争", "要", "将", "达到")
_BEFORE_LONGEST_FIRST = tuple(sorted(BEFORE, key=len, reverse=True))
_PEELABLE = tuple(sorted((*BEFORE, *FILLERS), key=len, reverse=True))
_LEADING_PERIOD = regex.compile(
    r"^(?:力争|争取|预计)?(?:到|至|在|于)?(?:(?:19|20)\d{2}\s*年(?:底|末|前|年底)?|[“\"]?十[一二三四五]五[”\"]?(?:期间|时期|末))"
    r"[，、\s]*"
)
_TRAILING_PERIOD = regex.compile(r"[\s，]*(?:到|至|在|于)?(?:19|20)\d{2}\s*年(?:底|末|前|年底)?$|[\s，]*每年$")
_LEADING_FILLER = regex.compile(r"^(?:力争|争取|预计|要|将)")
_BASELINE_TAIL = regex.compile(r"(?:由|从)[^，。；]*\d[^，。；]*$")
_CLAUSE_END = "，。；：、！？\n"
_NOUN_END = regex.compile(r"[，。；：、！？（）\n]|和|及|与|等")


def extract(
    sections: list[Section], preamble: str, annexes: list[Annex], table_rows: frozenset[str] = frozenset()
) -> list[Target]:
    """Targets of the body and annexes; ``table_rows`` are the paragraphs that were table rows."""
    out: list[Target] = []
    for text, where in _texts(sections, preamble, annexes):
        previous: Target | None = None
        for q in find_quantities(text):
            target = _target(text, q, where, previous)
            target.in_table = text in table_rows
            out.append(target)
            previous = target
    return out


def _texts(sections: list[Section], preamble: str, annexes: list[Annex]) -> Iterator[tuple[str, str | None]]:
    for para in preamble.split("\n"):
        if para:
            yield para, None
    yield from _section_texts(sections, [])
    for annex in annexes:
        label = annex.label + (f" {annex.title}" if annex.title else "")
        for para in annex.preamble.split("\n"):
            if para:
                yield para, label
        yield from _section_texts(annex.sections, [label])


def _section_texts(sections: list[Section], path: list[str]) -> Iterator[tuple[str, str]]:
    for s in sections:
        here = [*path, f"{s.marker}{s.title}"]
        where = " > ".join(here)
        if s.title:
            yield s.title, where
        for para in s.text.split("\n"):
            if para:
                yield para, where
        yield from _section_texts(s.children, here)
        for para in s.tail.split("\n"):
            if para:
                yield para, where


def _sentence(text: str, q: Quantity) -> tuple[int, int]:
    start = max(text.rfind(p, 0, q.start) for p in "。；！？\n") + 1
    ends = [i for i in (text.find(p, q.end) for p in "。；！？\n") if i != -1]
    return start, (min(ends) + 1 if ends else len(text))


def _target(text: str, q: Quantity, where: str | None, previous: Target | None) -> Target:
    s_start, s_end = _sentence(text, q)
    before = text[s_start : q.start]
    qualifier = q.after or next((w for w in _BEFORE_LONGEST_FIRST if before.endswith(w)), None)
    indicator = _indicator(text, q, s_start)
    if (
        not indicator
        and previous is not None
        and previous.text == text[s_start:s_end]
        and previous.indicator != previous.raw
    ):
        # 家庭医生数不低于4人，到2025年不低于4.66人: the second clause names only a year
        indicator = previous.indicator
    return Target(
        indicator=indicator or q.raw,
        low=q.low,
        high=q.high,
        unit=q.unit,
        qualifier=qualifier,
        raw=q.raw,
        period=_period(before) or _period(text[s_start:s_end]),
        text=text[s_start:s_end],
        section=where,
    )


def _indicator(text: str, q: Quantity, s_start: int) -> str:
    unit_is_classifier = q.unit in CLASSIFIERS
    following = text[q.end :]
    if unit_is_classifier and following[:1] and following[:1] not in _CLAUSE_END:
        m = _NOUN_END.search(following)
        noun = following[: m.start()] if m else following
        if noun:
            return noun.strip()
    clause_start = max([text.rfind(p, s_start, q.start) for p in _CLAUSE_END] + [s_start - 1]) + 1
    words = text[clause_start : q.start]
    changed = True
    while changed:  # peel qualifiers, fillers and periods off the end: 比例在现有基础上提高 → 比例
        changed = False
        for w in _PEELABLE:
            if words.endswith(w) and len(words) > len(w):
                words, changed = words[: -len(w)], True
                break
        peeled = _TRAILING_PERIOD.sub("", words)
        if peeled != words and peeled.strip():
            words, changed = peeled, True
    # 额度由30万元提高至50万元: the baseline is not part of what is measured.
    words = _BASELINE_TAIL.sub("", words).strip() or words.strip()
    # A clause that opens with its period (到2025年…) measures what follows the period.
    words = _LEADING_FILLER.sub("", _LEADING_PERIOD.sub("", words)).strip()
    if words:
        return words
    if clause_start > s_start:
        return ""  # only a period before the number: the caller reuses the sentence's indicator
    m = _NOUN_END.search(following)
    return (following[: m.start()] if m else following).strip()


def _period(text: str) -> Period | None:
    """The last period expression in ``text`` (nearest to the number when ``text`` precedes it)."""
    found = None
    for m in PERIODS.finditer(text):
        found = m
    if found is None:
        return None
    if found.group("plan"):
        start = FIVE_YEAR_PLANS[found.group("name")]
        return Period(text=found.group(0), start=start, end=start + 4)
    if found.group("range"):
        return Period(text=found.group(0), start=int(found.group("y1")), end=int(found.group("y2")))
    if found.group("by"):
        return Period(text=found.group(0), start=None, end=int(found.group("y3")))
    if found.group("year"):
        year = int(found.group("y4"))
        return Period(text=found.group(0), start=year, end=year)
    return Period(text=found.group(0))
