"""Quantities of the official text with what they measure, when, and what kind they are.

The grammar of quantities is in ``quantities.py`` and the kinds in ``kinds.py``; this
module places each quantity: the indicator it measures, its qualifier, its period, a
bounded piece of its sentence, the section, and its kind. ``targets`` are the quantities
of kind ``target``.

Everything read per quantity is cut to a window of its sentence, so the work and the
memory stay linear in the text however many quantities one sentence holds.
"""

from __future__ import annotations

import functools
import re

from .kinds import Context, classify, document_default
from .model import Annex, Period, Quantity, Section, Target
from .patterns import lazy
from .quantities import (
    BEFORE,
    CLASSIFIERS,
    PERIODIC,
    QUALIFIER_ALIASES,
    Amount,
    Marks,
    first_start,
    quantities_of,
)
from .roles import is_regulation
from .views import paragraphs

FIVE_YEAR_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
PERIODS = lazy(
    r"(?P<plan>[“\"]?(?P<name>十[一二三四五]五)[”\"]?(?:期间|时期|末|规划期)?)"
    r"|(?P<range>(?P<y1>(?:19|20)\d{2})\s*[-—–～至到]\s*(?P<y2>(?:19|20)\d{2})\s*年)"
    r"|(?P<by>(?:到|至|力争到|力争|于|在)(?P<y3>(?:19|20)\d{2})\s*年(?:底|末|前|年底)?)"
    r"|(?P<year>(?<![比较自截至])(?P<y4>(?:19|20)\d{2})\s*年(?:底|末|前)?)"
    rf"|(?P<every>{'|'.join(PERIODIC)})"
)
# Words between the indicator and the number that are not part of what is measured.
FILLERS = ("在现有基础上", "在原有基础上", "累计", "分别", "均", "总计", "合计", "力争", "要", "将", "达到")


class Suffixes:
    """A set of words asked for the longest one a text ends with. Two different words of one
    length cannot both end a text, so the longest word that ends it is the first match of a
    scan of the words longest first; looking up the text's last k characters for each length
    k costs a few set look-ups instead of an ``endswith`` per word."""

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = frozenset(words)
        self.lengths = sorted({len(w) for w in self.words}, reverse=True)
        self.last_chars = frozenset(w[-1] for w in self.words)  # a text ending in none of these ends no word

    def longest(self, text: str, *, shorter: bool = False) -> str | None:
        """The longest word that ``text`` ends with (``shorter``: only words shorter than ``text``)."""
        if text[-1:] not in self.last_chars:
            return None
        n = len(text) - 1 if shorter else len(text)
        for k in self.lengths:
            if k <= n and text[-k:] in self.words:
                return text[-k:]
        return None


_BEFORE = Suffixes(BEFORE)
_PEELABLE = Suffixes((*BEFORE, *FILLERS))
_LEADING_PERIOD = lazy(
    r"^(?:力争|争取|预计)?(?:到|至|在|于)?(?:(?:19|20)\d{2}\s*年(?:底|末|前|年底)?|[“\"]?十[一二三四五]五[”\"]?(?:期间|时期|末))"
    r"[，、\s]*"
)
_TRAILING_PERIOD = lazy(r"[\s，]*(?:到|至|在|于)?(?:19|20)\d{2}\s*年(?:底|末|前|年底)?$|[\s，]*每年$")
# Every match of _TRAILING_PERIOD ends the text with one of these (``$`` also matches before a final newline).
_TRAILING_PERIOD_ENDS = ("年", "底", "末", "前", "年\n", "底\n", "末\n", "前\n")
LEADING_FILLERS = ("力争", "争取", "预计", "要", "将")
_LEADING_FILLER = lazy(rf"^(?:{'|'.join(LEADING_FILLERS)})")
_BASELINE_TAIL = lazy(r"(?:由|从)[^，。；]*\d[^，。；]*$")
_BASELINE_WORDS = ("由", "从")  # one of them is in every match of _BASELINE_TAIL
# ``any(w in words for w in _BASELINE_WORDS)`` as one search (the generator cost more than the test).
_HAS_BASELINE_WORD = re.compile("|".join(map(re.escape, _BASELINE_WORDS)))
# One of these is in every match of PERIODS: 五 of a plan, 年 of a year, or a PERIODIC word's first.
_PERIOD_CHARS = tuple({"五", "年", *(w[0] for w in PERIODIC)})
_HAS_PERIOD_CHAR = re.compile("|".join(map(re.escape, sorted(_PERIOD_CHARS))))  # any(c in text …) as one search
_LIST_JOINERS = frozenset(("、", "和", "或", "及", "、或", "或者"))
_CLAUSE_END = "，。；：、！？\n"
_NOUN_END = lazy(r"[，。；：、！？（）\n]|和|及|与|等")


# A sentence longer than this is stored as the window of WINDOW characters either side of
# the number (cut at clause punctuation): a target keeps its context, not a copy of a page.
MAX_TEXT = 300
WINDOW = 80


def extract(
    sections: list[Section],
    preamble: str,
    annexes: list[Annex],
    table_rows: frozenset[str] = frozenset(),
    title: str | None = None,
    *,
    paras: list[tuple[str, str | None]] | None = None,
) -> list[Quantity]:
    """Quantities of the body and annexes with their kinds; ``table_rows``: paragraphs that were table rows.

    ``paras``: ``views.paragraphs(sections, preamble, annexes)`` when the caller has it already.
    """
    default: str | None = None  # found at the first quantity: a document without one needs no walk of its tree
    out: list[Quantity] = []
    seen: dict[tuple[str, str], int] = {}  # the first cue on each sentence and section (see kinds.classify)
    for text, where in paras if paras is not None else paragraphs(sections, preamble, annexes):
        start = first_start(text)
        if start < 0:  # most paragraphs: no Marks to make
            continue
        marks = Marks(text)
        previous: tuple[int, int, Quantity] | None = None
        in_table = text in table_rows
        for q in quantities_of(text, marks, start):
            if default is None:
                default = document_default(title, lambda: is_regulation(sections))
            s_start, quantity = _quantity(text, marks, q, where, previous, in_table, default, seen)
            out.append(quantity)
            previous = (s_start, q.end, quantity)
    return out


def targets(quantities: list[Quantity]) -> list[Target]:
    """The goals among ``quantities``: those of kind ``target``, as ``Target``."""
    out: list[Target] = []
    for q in quantities:
        if q.kind == "target":
            # A Quantity's fields are a Target's and kind, already validated: its values as they
            # are and the period as a dict of its fields (a Target of its own, as model_dump gave).
            fields = q.__dict__.copy()
            del fields["kind"]
            if q.period is not None:
                fields["period"] = q.period.__dict__.copy()
            out.append(Target.model_validate(fields))  # Target(**fields), see _quantity
    return out


def _window(marks: Marks, q: Amount) -> tuple[int, int, int]:
    """The sentence start, and the stored window of the sentence around ``q`` (start, end)."""
    s_start = marks.last("sentence", q.start)
    s_end = marks.next("sentence", q.end)
    s_end = min(s_end + 1, len(marks.text))  # keep the sentence's closing punctuation
    if s_end - s_start <= MAX_TEXT:
        return s_start, s_start, s_end
    w_start, w_end = s_start, s_end
    if q.start - s_start > WINDOW:  # start after the first clause mark of the window
        cut = marks.next("phrase", q.start - WINDOW, q.start)
        w_start = cut + 1 if cut < q.start else q.start - WINDOW
    if s_end - q.end > WINDOW:  # end with the last clause mark of the window
        cut = marks.last("phrase", q.end + WINDOW, q.end)
        w_end = cut if cut > q.end else q.end + WINDOW
    return s_start, w_start, w_end


def _quantity(
    text: str,
    marks: Marks,
    q: Amount,
    where: str | None,
    previous: tuple[int, int, Quantity] | None,
    # (sentence start, end, quantity) of the quantity before this one in the same paragraph
    in_table: bool,
    default: str,
    seen: dict[tuple[str, str], int] | None = None,
) -> tuple[int, Quantity]:
    """The start of the quantity's sentence, and the Quantity."""
    s_start, w_start, w_end = _window(marks, q)
    before = text[w_start : q.start]
    qualifier = q.after or _BEFORE.longest(before)
    qualifier = QUALIFIER_ALIASES.get(qualifier or "", qualifier)
    indicator = _indicator(text, marks, q, w_start, w_end)
    same_sentence = previous is not None and previous[0] == s_start
    if not indicator and same_sentence and previous[2].indicator != previous[2].raw:
        # 家庭医生数不低于4人，到2025年不低于4.66人: the second clause names only a year
        indicator = previous[2].indicator
    window = text[w_start:w_end]
    # The words that belong to this number: its phrase, from the previous number on
    # (培育具备10个以上应用场景数工厂不少于10个: 具备 qualifies the first number only).
    own_start = max(marks.last("phrase", q.start, w_start), previous[1] if same_sentence else 0)
    own = text[own_start : q.start]
    context = Context(
        before=own,
        after_qualifier=q.after or "",
        listed_after=previous[2].kind if same_sentence and own in _LIST_JOINERS else None,
        after=text[q.end : marks.next("phrase", q.end, w_end)],
        sentence=window,
        unit=q.unit,
        qualifier=qualifier,
        section=where or "",
        in_table=in_table,
    )
    # model_validate of a dict: the validation of Quantity(**…), without packing keywords (a
    # sixth less for a model of this many fields)
    return s_start, Quantity.model_validate(
        {
            "indicator": indicator or q.raw,
            "low": q.low,
            "high": q.high,
            "unit": q.unit,
            "qualifier": qualifier,
            "raw": q.raw,
            "period": _period(before) or _period(window) or _governing_period(text, s_start, window, in_table),
            "text": window,
            "section": where,
            "in_table": in_table,
            "kind": classify(context, default, seen),
        }
    )


def _indicator(text: str, marks: Marks, q: Amount, s_start: int, s_end: int) -> str:
    unit_is_classifier = q.unit in CLASSIFIERS
    following = text[q.end : s_end]
    if unit_is_classifier and following[:1] and following[:1] not in _CLAUSE_END:
        m = _NOUN_END.search(following)
        noun = following[: m.start()] if m else following
        if noun:
            return noun.strip()
    clause_start = marks.last("clause", q.start, s_start)
    words = text[clause_start : q.start]
    changed = True
    while changed:  # peel qualifiers, fillers and periods off the end: 比例在现有基础上提高 → 比例
        changed = False
        peel = _PEELABLE.longest(words, shorter=True)
        if peel:
            words, changed = words[: -len(peel)], True
        if words.endswith(_TRAILING_PERIOD_ENDS):  # else _TRAILING_PERIOD cannot match
            peeled = _TRAILING_PERIOD.sub("", words)
            if peeled != words and peeled.strip():
                words, changed = peeled, True
    # 额度由30万元提高至50万元: the baseline is not part of what is measured.
    if _HAS_BASELINE_WORD.search(words):
        words = _BASELINE_TAIL.sub("", words).strip() or words.strip()
    else:
        words = words.strip()
    # A clause that opens with its period (到2025年…) measures what follows the period.
    # (Each pattern only on words it can match: a period holds 年 or 五, a filler opens them.)
    if _HAS_PERIOD_CHAR.search(words):
        words = _LEADING_PERIOD.sub("", words)
    if words.startswith(LEADING_FILLERS):
        words = _LEADING_FILLER.sub("", words)
    words = words.strip()
    if words:
        return words
    if clause_start > s_start:
        return ""  # only a period before the number: the caller reuses the sentence's indicator
    m = _NOUN_END.search(following)
    return (following[: m.start()] if m else following).strip()


LEAD_IN = 600  # characters before a sentence searched for the period that opens its paragraph
_OPENS_SENTENCE = "。；：\n"


# A sentence stating where things stand (目前，全市已建成…; 截至去年底，已培育…) is dated by no
# deadline before it; 在现有基础上下降15%, 累计建成 and 同比增长 are a target's words.
NOW = lazy(r"^\s*(?:目前|当前|现阶段|截至|截止)|已(?:建成|完成|培育|实现|形成)")


def _governing_period(text: str, s_start: int, sentence: str, in_table: bool) -> Period | None:
    """The period that opens an earlier sentence of the paragraph and governs the ones after it
    (到2025年，…提升。建设一批…，突破百项…): a deadline, a span or a plan, never a year alone (a
    past year's figure), and never into a sentence about the present or the past, nor into a
    table row (a row is its own sentence)."""
    if in_table:
        return None
    lead = text[max(text.rfind("\n", 0, s_start) + 1, s_start - LEAD_IN) : s_start]
    if not lead or not _HAS_PERIOD_CHAR.search(lead) or NOW.search(sentence):
        return None
    opening = _opening_period(lead)
    return _period(opening) if opening else None  # a Period of its own for each quantity


@functools.lru_cache(maxsize=256)
def _opening_period(lead: str) -> str | None:
    """``_governing_period``'s search of the lead-in (once for the quantities of one sentence):
    the text of the last period expression that opens a sentence and may govern others."""
    found = None
    for m in PERIODS.finditer(lead):
        opens = m.start() == 0 or lead[m.start() - 1] in _OPENS_SENTENCE
        if opens and (m.group("range") or m.group("plan") or (m.group("by") and lead[m.start()] in "到至力")):
            found = m
    return found.group(0) if found else None


def _period(text: str) -> Period | None:
    """The last period expression in ``text`` (nearest to the number when ``text`` precedes it)."""
    if not _HAS_PERIOD_CHAR.search(text):
        return None
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
