"""GB/T 9704-2012 drafting checks on the printed head of a notice.

The parser normalises what it reads (``某发[2021]1号`` becomes ``某发〔2021〕1号``) so that
the data is usable; an editor wants to hear that the draft deviates from the standard.
These checks read the forms as printed — ``doc.front`` (the head lines), the 成文日期 as
printed, the 附件说明 and the annex labels — through tables of patterns, one code each.

The model keeps no line or page for the head lines, so these diagnostics are located
by field (``metadata.doc_number``) and carry the printed line in their message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .docparts import NUMBER_CLOSE, NUMBER_OPEN, names_a_kind
from .model import Annex, PolicyDocument, Provenance

# A 发文字号 as printed, whatever the brackets, with or without 第, with a year of 2 to 4
# digits; narrower forms (〔2021〕48号) are what GB/T 9704 asks for.
_OPEN, _CLOSE = NUMBER_OPEN, NUMBER_CLOSE
PRINTED_NUMBER = regex.compile(
    rf"^[（(]?\s*(?P<org>[\p{{Han}}A-Za-z]{{1,20}}?)\s*[{_OPEN}]\s*\d{{2,4}}\s*[{_CLOSE}]"
    r"\s*(?:第\s*)?\d{1,5}\s*号\s*[）)]?$"
)


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    pattern: str  # searched in the printed line it applies to
    why: str  # the GB/T 9704-2012 wording it enforces, for the message


# 7.2.4: 年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位。
NUMBER_RULES: tuple[Rule, ...] = (
    Rule("PD104", rf"[\[［【(（﹝]\s*\d{{2,4}}\s*[{_CLOSE}]|[{_OPEN}]\s*\d{{2,4}}\s*[\]］】)）﹞]", "年份用〔〕括入"),
    Rule("PD105", rf"[{_CLOSE}]\s*第", "发文顺序号不加“第”字"),
    Rule("PD106", rf"[{_OPEN}]\s*\d{{2,3}}\s*[{_CLOSE}]", "年份应标全称"),
    Rule("PD107", rf"[{_CLOSE}]\s*(?:第\s*)?0\d*\s*号", "发文顺序号不编虚位"),
)

# 7.3.6 附件说明: “附件”后标全角冒号；多个附件用阿拉伯数字标注顺序号（附件：1. XXXXX）；附件名称后不加标点符号。
ATTACHMENTS_HEAD = regex.compile(r"^附\s*件\s*(?P<colon>[:：])\s*(?P<rest>.*)$")
ENDS_WITH_PUNCTUATION = regex.compile(r"[。；;，,、]$")
BARE_MARKER = regex.compile(r"^[（(]?\d{1,2}[）)]?[.．、]?$")
# The item marker GB/T 9704 shows for several attachments: 1. (a full-width point passes too).
GOOD_ITEM = regex.compile(r"^\d{1,2}[.．]\s*\S")
ITEM_MARKER = regex.compile(r"^\s*(?:[（(]\s*\d{1,2}\s*[）)]|\d{1,2}\s*[.．、:：,，]?)")

# 7.3.5.1: 成文日期 in Arabic numerals since the 2012 edition (the 1999 edition wrote 二〇〇四年).
CHINESE_DATE = regex.compile(r"[〇○零一二三四五六七八九]{4}\s*年")
ARABIC_DATES_FROM = dt.date(2012, 7, 1)

# 主送机关 (7.3.3): 最后一个机关名称后标全角冒号. Without a colon the parser does not take the
# line for the 主送机关; a head line that starts with 各… and lists bodies is one.
ADDRESSEE_NO_COLON = regex.compile(r"^各[^。；：:]{1,200}$")
ADDRESSEE_HALF_COLON = regex.compile(r"^[^。；]{2,200}:$")


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    location: str
    detail: str
    where: Provenance | None = None  # known for annexes; the head lines have none in the model


def check_drafting(doc: PolicyDocument) -> Iterator[Finding]:
    """GB/T 9704 deviations of the printed head: 发文字号, 主送机关, 成文日期, 附件说明, annexes, title."""
    yield from _number(doc)
    yield from _addressee(doc)
    yield from _date(doc)
    if not is_an_annex(doc):
        yield from _attachment_note(doc)
        yield from _annex_labels(doc.metadata.attachments, doc.annexes)
    yield from _title(doc)


def is_an_annex(doc: PolicyDocument) -> bool:
    """An input that is itself an annex: it opens with its 附件 label, there is no notice around it."""
    first = doc.annexes[0].provenance if doc.annexes else None
    if first is None:
        return False
    return first.element == 0 or (first.line == 1 and first.page in (None, 1))


def printed_number(doc: PolicyDocument) -> str | None:
    """The 发文字号 line as printed in the head (not an order number: 令〔2016〕第3号 is right)."""
    for line in doc.front:
        m = PRINTED_NUMBER.match(line.strip())
        if m and not m["org"].endswith("令"):
            return line.strip()
    return None


def _number(doc: PolicyDocument) -> Iterator[Finding]:
    line = printed_number(doc)
    if line is None:
        return
    for rule in NUMBER_RULES:
        if regex.search(rule.pattern, line):
            yield Finding(rule.code, "metadata.doc_number", f"{line} ({rule.why})")


def _addressee(doc: PolicyDocument) -> Iterator[Finding]:
    for line in doc.front:
        text = line.strip()
        if ADDRESSEE_HALF_COLON.match(text) and not text.startswith("附件"):
            yield Finding("PD111", "metadata.addressees", f"{text} (half-width colon)")
            return
        if not doc.metadata.addressees and ADDRESSEE_NO_COLON.match(text):
            yield Finding("PD111", "metadata.addressees", f"{text} (no colon)")
            return


def _date(doc: PolicyDocument) -> Iterator[Finding]:
    meta = doc.metadata
    if meta.date_text and CHINESE_DATE.search(meta.date_text) and meta.date and meta.date >= ARABIC_DATES_FROM:
        yield Finding("PD121", "metadata.date", meta.date_text)


def attachment_lines(doc: PolicyDocument) -> list[str]:
    """The 附件说明 as printed: its head line and the lines after it (it closes the head)."""
    for i, line in enumerate(doc.front):
        if ATTACHMENTS_HEAD.match(line.strip()):
            return [x.strip() for x in doc.front[i : i + len(doc.metadata.attachments) + 2] if x.strip()]
    return []


def _items(lines: list[str]) -> list[str]:
    """One entry per attachment: a marker printed alone (附件：1. / 2.) joins the name on the next line."""
    head = ATTACHMENTS_HEAD.match(lines[0])
    parts = [head["rest"] if head else lines[0], *lines[1:]]
    items: list[str] = []
    for part in parts:
        if items and BARE_MARKER.match(items[-1]):
            items[-1] += part
        elif part:
            items.append(part)
    return items


def _attachment_note(doc: PolicyDocument) -> Iterator[Finding]:
    lines = attachment_lines(doc)
    if not lines:
        return
    items = _items(lines)
    if regex.match(r"^附\s*件\s*:", lines[0]):
        yield Finding("PD131", "metadata.attachments", f"{lines[0]} (“附件”后标全角冒号)")
    if any(ENDS_WITH_PUNCTUATION.search(x) for x in items):
        bad = next(x for x in items if ENDS_WITH_PUNCTUATION.search(x))
        yield Finding("PD131", "metadata.attachments", f"{bad} (附件名称后不加标点符号)")
    several = len(doc.metadata.attachments) > 1
    if several and not all(GOOD_ITEM.match(x) for x in items):
        bad = next(x for x in items if not GOOD_ITEM.match(x))
        yield Finding("PD131", "metadata.attachments", f"{bad} (多个附件标注为“1.”“2.”)")
    elif not several and items and ITEM_MARKER.match(items[0]) and GOOD_ITEM.match(items[0]):
        # A single attachment carries no number (附件：XXXXX).
        yield Finding("PD131", "metadata.attachments", f"{lines[0]} (只有一个附件不编顺序号)")


def _label_number(annex: Annex) -> int | None:
    digits = regex.sub(r"\D", "", annex.label)
    if digits:
        return int(digits)
    cn = regex.sub(r"[^一二三四五六七八九十]", "", annex.label)
    return _CN_DIGITS.get(cn) if cn else None


_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def _same(a: str, b: str) -> bool:
    a, b = _bare(a), _bare(b)
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def _bare(text: str) -> str:
    return regex.sub(r"[\s\p{P}]|\.(?:docx?|xlsx?|pdf|wps)$", "", text)


def _annex_labels(announced: list[str], annexes: list[Annex]) -> Iterator[Finding]:
    """Labels against the 附件说明: 附件N carries the N-th name. An annex more than announced
    is PD302's, an announced one that is absent PD301's; here only a label that is wrong."""
    if not announced:
        return
    for annex in annexes:
        number = _label_number(annex)
        if number is None and len(announced) == 1 == len(annexes):
            number = 1  # a single attachment is labelled 附件 alone
        matches = [i for i, title in enumerate(announced, 1) if annex.title and _same(title, annex.title)]
        if number is None and len(announced) > 1:
            yield Finding("PD141", annex.label, f"{len(announced)} attachments announced, no number", annex.provenance)
        elif number is not None and len(announced) == 1 == len(annexes) and number != 1:
            yield Finding("PD141", annex.label, "one attachment announced", annex.provenance)
        elif number is not None and matches and number not in matches:
            yield Finding("PD141", annex.label, f"{annex.title} is announced as 附件{matches[0]}", annex.provenance)
        elif number is not None and number <= len(announced) and annex.title and not matches:
            yield Finding("PD142", annex.label, f"{annex.title} ≠ {announced[number - 1]}", annex.provenance)


def _title(doc: PolicyDocument) -> Iterator[Finding]:
    title = doc.metadata.title
    # Only a 公文 has a title of 发文机关 + 关于 + 事由 + 文种; a news page or a Q&A is free to differ.
    if not title or not ("关于" in title or doc.metadata.addressees or printed_number(doc)):
        return
    bare = title.strip()
    # A head line the parser did not recognise (某发〔2021〕第48号, 各省人民政府) is glued to the title.
    for line in doc.front:
        line = line.strip()
        if line and bare.endswith(line) and (PRINTED_NUMBER.match(line) or ADDRESSEE_NO_COLON.match(line)):
            bare = bare[: -len(line)]
    if not names_a_kind(bare):
        yield Finding("PD151", "metadata.title", title)
