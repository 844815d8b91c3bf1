"""The documents a notice cites: the first step toward a citation graph.

Three printed forms, as a table (``CITATIONS``), tried at each position in this order:
- ``《title》（国发〔2019〕4号）``: a title with its 发文字号 in brackets;
- a bare 发文字号 ``国发〔2019〕4号`` or an order ``国务院令第746号``;
- ``《title》`` of a notice, regulation, plan or law (a title that names a document type).
A citation of the document's own number or title (the plan a notice encloses) is not a
reference.
"""

from __future__ import annotations

from collections.abc import Iterator

from .model import Annex, Reference, Section
from .patterns import lazy
from .views import paragraphs

_NUMBER = (
    r"(?P<num>[\p{Han}A-Za-z]{1,20}?\s*[〔\[［](?:19|20)\d{2}[〕\]］]\s*\d{1,5}\s*号"
    r"|[\p{Han}]{1,20}?令\s*第\s*[\d一二三四五六七八九十百零〇]+\s*号)"
)
# A cited title names a kind of document; 《人民日报》 or 《条例》-less book titles are not cited documents.
DOCUMENT_KINDS = (
    "通知|意见|方案|办法|规定|条例|细则|决定|规则|准则|规划|计划|纲要|措施|通告|公告|指引|指南|批复|决议|章程|"
    "标准|目录|清单|法|制度|要点|建议|报告|政策"
)
_TITLE = rf"《(?P<title>[^《》]{{2,120}}?(?:{DOCUMENT_KINDS})(?:[（(][^（）()《》]{{1,20}}[）)])?)》"
CITATIONS = (
    rf"{_TITLE}\s*[（(]\s*{_NUMBER}\s*[）)]",  # 《title》（number）
    rf"(?<![\p{{Han}}A-Za-z]){_NUMBER}",  # a bare number (and not the tail of a longer word)
    _TITLE,  # 《title》
)
# One pass over the text: at a position the first form that matches wins (regex allows
# the same group name in several alternatives).
CITATION = lazy("|".join(f"(?:{form})" for form in CITATIONS))
# Every number (``_NUMBER``) holds 号 and a bracketed year or 令…第. A text without them can
# match only the forms without a number, and where it can, CITATION matches just as these do
# (at a 《 the forms are tried in the same order and the others fail): the number form, tried
# at every position, is most of the cost of CITATION.
_MAY_HOLD_NUMBER = lazy(r"[〔\[［]|令\s*第")
_TITLES_ONLY = lazy("|".join(f"(?:{form})" for form in CITATIONS if _NUMBER not in form))
CONTEXT = 60  # characters of context kept around a citation
# Words a bare number is glued to in running text (按照国发〔2019〕4号, …7月27日国务院令第746号):
# not part of the 机关代字.
LEADING_WORDS = lazy(
    r"^(?:按照|根据|依据|依照|参照|执行|落实|贯彻|印发|转发|详见|对照|见|和|及|与|原|经|按|以|即|年|月|日)+"
)


_SPACES = lazy(r"\s+")  # compiled once: regex.sub(pattern, …) looks its cache up on every call


def _compact(number: str) -> str:
    number = LEADING_WORDS.sub("", _SPACES.sub("", number))
    return number.replace("[", "〔").replace("]", "〕").replace("［", "〔").replace("］", "〕")


def find(text: str, where: str | None, own: frozenset[str] = frozenset()) -> Iterator[Reference]:
    """The citations in one paragraph, left to right; ``own`` holds the document's own numbers and titles."""
    may_number = "号" in text and _MAY_HOLD_NUMBER.search(text) is not None
    if not may_number and "《" not in text:  # every form has a number or a 《; most paragraphs neither
        return
    for m in (CITATION if may_number else _TITLES_ONLY).finditer(text):
        num = m["num"] if may_number else None
        number = _compact(num) if num else None
        if number in own or (number is None and m["title"] in own):
            continue
        start = max(0, m.start() - CONTEXT)
        yield Reference(
            doc_number=number,
            title=m["title"],
            text=text[start : m.end() + CONTEXT],
            section=where,
        )


def extract(
    sections: list[Section],
    preamble: str,
    annexes: list[Annex],
    cover: str = "",
    own: tuple[str | None, ...] = (),
    *,
    paras: list[tuple[str, str | None]] | None = None,
) -> list[Reference]:
    """Every citation of the official text, in reading order; ``own``: its own number and titles.

    ``paras``: ``views.paragraphs(sections, preamble, annexes, cover)`` when the caller has it already.
    """
    mine = frozenset(_compact(x) if "号" in x else x for x in own if x)
    if paras is None:
        paras = list(paragraphs(sections, preamble, annexes, cover))
    return [
        ref
        for text, where in paras
        if "号" in text or "《" in text  # find's own first test: most paragraphs need no generator made
        for ref in find(text, where, mine)
    ]
