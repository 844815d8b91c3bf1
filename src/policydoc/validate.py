"""Checks for editors: what is wrong with a notice, or with a JSON file.

Every problem is a ``Diagnostic`` with a stable code (table ``CODES``), a severity,
a location (section path and page) and a message.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, NamedTuple

import regex

from .docparts import DOC_NUMBER, ORDER_SERIAL
from .drafting import check_drafting, is_an_annex
from .model import Annex, PolicyDocument, Provenance, Section
from .numbering import match_marker


class Code(NamedTuple):
    severity: str
    meaning: str
    example: str  # a one-line instance, for docs/reference.md


CODES: dict[str, Code] = {
    "PD101": Code("warning", "no document number (发文字号)", "a notice with no 某发〔2024〕1号 line"),
    "PD102": Code("error", "malformed document number", "某发〔2024〕1 (no 号)"),
    "PD103": Code("warning", "no title", "a notice whose head has no 关于…的通知 line"),
    "PD104": Code("warning", "the year of the document number is not in 〔〕", "某发[2021]1号, 某发（2021）1号"),
    "PD105": Code("warning", "the serial of the document number carries 第", "某发〔2021〕第48号"),
    "PD106": Code("error", "the year of the document number is not written in full", "某发〔21〕48号"),
    "PD107": Code("warning", "the serial of the document number has a leading zero", "某发〔2021〕048号"),
    "PD111": Code("warning", "the 主送机关 does not end with a full-width colon", "各省人民政府: or 各省人民政府"),
    "PD121": Code("warning", "成文日期 in Chinese numerals (Arabic since GB/T 9704-2012)", "二〇二四年五月六日"),
    "PD131": Code("warning", "the 附件说明 is not in the form 附件：1.…", "附件:1、某清单 / 附件：某清单。"),
    "PD141": Code("warning", "an annex label does not match the 附件说明", "附件1 holding what 附件说明 lists as 2."),
    "PD142": Code("warning", "an annex title differs from the 附件说明", "附件：1.某清单 but 附件1 is titled 某名单"),
    "PD151": Code("warning", "the title does not end with the document type", "某部关于某事 (no 通知/意见/办法…)"),
    "PD201": Code("error", "numbering skips", "一、 二、 四、"),
    "PD202": Code("error", "numbering repeats", "（一） （二） （二）"),
    "PD203": Code("warning", "a heading level is skipped", "一、 then （1） with no （一） between"),
    "PD301": Code(
        "error",
        "an annex announced in 附件说明 is absent (a warning for web pages, which link annexes)",
        "附件：1.某清单 2.某名单 with only 附件1 after the signature",
    ),
    "PD302": Code("warning", "an annex is present but not announced", "附件2 after a 附件说明 that lists one"),
    "PD401": Code("error", "the date cannot be read", "2024年2月30日"),
    "PD402": Code("error", "the date lies in the future", "2031年5月6日 in a notice read in 2025"),
    "PD501": Code("warning", "empty section", "第一章 总则 followed at once by 第二章"),
    "PD502": Code("warning", "no numbered sections", "a notice of plain paragraphs"),
    "W001": Code("warning", "reading: undecodable bytes were replaced", "a GBK page with one stray byte"),
    "W002": Code("warning", "reading: the text encoding was detected, not declared", "a Big5 file, no charset"),
    "W003": Code("info", "reading: front matter of an unexpected shape was read leniently", "title: [a list]"),
    "W004": Code("info", "reading: the PDF was read by the second engine (pdfplumber)", "a PDF PDFium cannot open"),
    "W005": Code("warning", "reading: nothing follows the head, no body text", "a page showing its text as an image"),
    "SCHEMA": Code("error", "does not match the JSON Schema", "$.metadata.date: '2024-13-01' is not a 'date'"),
    "JSON": Code("error", "not valid JSON", "Expecting value: line 1 column 1"),
    "READ": Code("error", "the file cannot be read or parsed", "a PDF without a text layer"),
}
# Drafting defects of the 发文字号 that make the generic PD102 redundant at the same place.
NUMBER_FORM_CODES = frozenset({"PD104", "PD105", "PD106", "PD107"})
# Formats of web pages and text dumps: they link annexes instead of including them.
WEB_FORMATS = frozenset({"html", "sina", "markdown", "text", "oneline"})
# GB/T 9704 heading order; a child more than one step below its parent skips a level.
GB_ORDER = ("cn", "paren-cn", "arabic", "paren-arabic")
WELL_FORMED_NUMBER = regex.compile(
    r"^[\p{Han}A-Za-z]{1,20}〔(?:19|20)\d{2}〕[1-9]\d{0,4}号$"
    r"|^[\p{Han}]{0,30}令(?:〔(?:19|20)\d{2}〕|(?:19|20)\d{2}年)?第[\d一二三四五六七八九十百零〇]+号$"
    # a 公告 or 通告 numbered by year, or by its serial alone: 2024年第28号, 第5号
    r"|^(?:[\p{Han}]{1,30}(?:公告|通告))?(?:(?:19|20)\d{2}年)?第[1-9]\d{0,3}号$"
)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: str
    location: str
    message: str
    page: int | None = None
    line: int | None = None  # in the page for a PDF, in the file for text
    element: int | None = None  # the HTML block element

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _well_formed(number: str, title: str | None) -> bool:
    """A 发文字号 as GB/T 9704 prints it; a serial alone (第5号) only for a 公告 or 通告, which are
    numbered so (elsewhere it has lost its 机关代字 and year)."""
    if not WELL_FORMED_NUMBER.match(number):
        return False
    if DOC_NUMBER.match(number):
        return True
    return ORDER_SERIAL.match(number) is not None and (title or "").endswith(("公告", "通告"))


def _diag(
    code: str, location: str, detail: str = "", where: Provenance | None = None, *, severity: str | None = None
) -> Diagnostic:
    nominal, summary = CODES[code].severity, CODES[code].meaning
    message = f"{summary}: {detail}" if detail else summary
    if where is None:
        return Diagnostic(code, severity or nominal, location, message)
    return Diagnostic(code, severity or nominal, location, message, where.page, where.line, where.element)


def _path(stack: list[Section]) -> str:
    return " > ".join(s.marker for s in stack) or "document"


def check_document(doc: PolicyDocument, *, today: dt.date | None = None) -> list[Diagnostic]:
    """Problems of a parsed notice (works the same on a document read back from JSON)."""
    # What the reader repaired or guessed, with the severity CODES gives it (text may be lost: a warning).
    out: list[Diagnostic] = [
        Diagnostic(w.code, CODES[w.code].severity if w.code in CODES else "warning", "source", w.message)
        for w in doc.warnings
    ]
    out += [_diag(f.code, f.location, f.detail, f.where) for f in check_drafting(doc)]
    drafted = {d.code for d in out}
    meta = doc.metadata
    if not meta.title:
        out.append(_diag("PD103", "metadata.title"))
    # A number printed in a form the parser does not take (某发〔2021〕第48号) is reported by its own code.
    if not meta.doc_number and not drafted & NUMBER_FORM_CODES:
        out.append(_diag("PD101", "metadata.doc_number"))
    elif meta.doc_number and not drafted & NUMBER_FORM_CODES and not _well_formed(meta.doc_number, meta.title):
        out.append(_diag("PD102", "metadata.doc_number", meta.doc_number))
    if meta.date_text and meta.date is None:
        out.append(_diag("PD401", "metadata.date", meta.date_text))
    if meta.date and meta.date > (today or dt.date.today()):
        out.append(_diag("PD402", "metadata.date", meta.date.isoformat()))
    if not doc.sections:
        out.append(_diag("PD502", "sections"))
    out += _check_tree(doc.sections, [])
    out += _check_sequence(doc.sections)
    for annex in doc.annexes:
        out += _check_tree(annex.sections, [], prefix=annex.label)
        out += _check_sequence(annex.sections, prefix=annex.label)
    if not is_an_annex(doc):
        web = doc.source.format in WEB_FORMATS
        mislabelled = {d.location for d in out if d.code == "PD141"}
        for d in _check_annexes(meta.attachments, doc.annexes, web=web):
            # A label that does not match the 附件说明 (附件2 where one is announced) is one problem,
            # reported by PD141, not also an absent 附件1 and an unannounced 附件2.
            relabelled = mislabelled and len(doc.annexes) == len(meta.attachments)
            if not (d.code == "PD302" and d.location in mislabelled) and not (d.code == "PD301" and relabelled):
                out.append(d)
    return _once([_located(doc, d) for d in out])


# Where in the head or the closing each metadata field is printed: a line that says so.
_FIELD_LINES: dict[str, Callable[[str], bool]] = {
    "metadata.doc_number": lambda line: "号" in line and bool(regex.search(r"\d", line)),
    "metadata.addressees": lambda line: line.rstrip().endswith(("：", ":")),
    "metadata.attachments": lambda line: line.lstrip().startswith("附件"),
    "metadata.date": lambda line: "年" in line and "日" in line,
}


def _located(doc: PolicyDocument, d: Diagnostic) -> Diagnostic:
    """A diagnostic on the head or the closing (metadata, a missing element) gets the page and line,
    or element, of the line it is about; of the first head line when that element is absent."""
    if d.page is not None or d.line is not None or d.element is not None or d.location == "source":
        return d
    if not (d.location.startswith("metadata.") or d.location == "sections"):
        return d
    # strict=False: JSON written before these lists existed reads back with them empty.
    lines = [
        *zip(doc.front, doc.front_provenance, strict=False),
        *zip(doc.closing, doc.closing_provenance, strict=False),
    ]
    detail = d.message.partition(": ")[2].split(" (")[0].strip()
    fits = _FIELD_LINES.get(d.location, lambda line: False)
    where = next((p for line, p in lines if p and detail and (detail in line or line.strip() in detail)), None)
    where = where or next((p for line, p in lines if p and fits(line)), None)
    if where is None:  # the element is absent: it belongs at the head of the document
        where = next((p for p in doc.front_provenance if p), None)
    if where is None:
        where = next((s.provenance for s in doc.walk() if s.provenance), None)
    if where is None:
        return d
    return Diagnostic(d.code, d.severity, d.location, d.message, where.page, where.line, where.element)


def _once(found: list[Diagnostic]) -> list[Diagnostic]:
    """One diagnostic per problem and place: the tree walk and the sequence check may both see one."""
    seen: set[tuple] = set()
    out = []
    for d in found:
        key = (d.code, d.location, d.message, d.page, d.line, d.element)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def _check_tree(sections: list[Section], stack: list[Section], prefix: str = "") -> Iterator[Diagnostic]:
    for s in sections:
        here = [*stack, s]
        where = (prefix + " > " if prefix else "") + _path(here)
        prov = s.provenance
        if not (s.text or s.children) and (s.style in ("chapter", "part") or s.level == 1):
            yield _diag("PD501", where, where=prov)
        parent = stack[-1] if stack else None
        first_child = parent is not None and parent.children[0] is s
        if first_child and parent.style in GB_ORDER and s.style in GB_ORDER:
            gap = GB_ORDER.index(s.style) - GB_ORDER.index(parent.style)
            # 一、 then 1. is common usage; skipping two levels (一、 then （1）) is not.
            if gap > 1 and (parent.style, s.style) != ("cn", "arabic"):
                yield _diag("PD203", where, f"{parent.marker} goes straight to {s.marker}", prov)
        # The ordinal each open level has reached in this text: a rejected 四、 counts, so that the
        # 五、 after it is not reported again (one wrong ordinal, one diagnostic).
        reached = {x.style: x.ordinal for x in here}
        for para in s.text.split("\n") if s.text else []:
            yield from _rejected_heading(para, here, reached, where, prov)
        yield from _check_tree(s.children, here, prefix)


def _check_sequence(sections: list[Section], prefix: str = "") -> Iterator[Diagnostic]:
    """Gaps the decoder tolerated between headings: 一、 then 三、, 第五条 then 第七条.

    Headings of a style are compared in reading order, so a numbering may restart at 1
    under each parent or run on across parents ((三) under 二、 after (二) under 一、).
    """
    last: dict[str, Section] = {}

    def walk(items: list[Section], stack: list[Section]) -> Iterator[Diagnostic]:
        for s in items:
            here = [*stack, s]
            prev = last.get(s.style)
            if s.ordinal > 1 and (prev is None or s.ordinal > prev.ordinal + 1) and s.style != "shi":
                where = (prefix + " > " if prefix else "") + _path(here)
                after = f"follows {prev.marker}" if prev else "opens the numbering"
                yield _diag("PD201", where, f"{s.marker} {after}", s.provenance)
            last[s.style] = s
            yield from walk(s.children, here)

    yield from walk(sections, [])


def _rejected_heading(
    para: str, here: list[Section], reached: dict[str, int], where: str, prov: Provenance | None
) -> Iterator[Diagnostic]:
    """A paragraph numbered like an open heading level but out of sequence (一、二、四、 / （三）（三）)."""
    m = match_marker(para)
    if m is None or m.style in ("shi",) or m.style not in reached:
        return
    owner = next(s for s in reversed(here) if s.style == m.style)
    last = reached[m.style]
    if m.ordinal == last:
        yield _diag("PD202", where, f"{m.marker} again after {owner.marker}", prov)
    elif m.ordinal > last + 1:
        yield _diag("PD201", where, f"{m.marker} follows {owner.marker}", prov)
    reached[m.style] = m.ordinal


def _check_annexes(attachments: list[str], annexes: list[Annex], *, web: bool = False) -> Iterator[Diagnostic]:
    present = {}
    for i, annex in enumerate(annexes):
        number = int(regex.sub(r"\D", "", annex.label) or 0) or i + 1
        present[number] = annex
    announced = {i + 1: text for i, text in enumerate(attachments)}
    for number, title in announced.items():
        if number not in present and not any(title and a.title and title in a.title for a in annexes):
            yield _diag("PD301", f"附件{number}", title, severity="warning" if web else None)
    # Without a 附件说明 the annexes belong to the enclosed document: nothing to compare.
    for number, annex in present.items() if announced else ():
        if number not in announced:
            yield _diag("PD302", annex.label, annex.title or "", annex.provenance)


def check_json(path: Path) -> list[Diagnostic]:
    """Validate a JSON file written by ``convert`` against the published schema."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return [_diag("JSON", str(path), str(exc))]
    except OSError as exc:
        return [_diag("READ", str(path), exc.strerror or str(exc))]
    return check_data(data)


def check_data(data: Any) -> list[Diagnostic]:
    """Validate a document already loaded from JSON (a file, or the ``doc`` of a JSON Lines record)."""
    from jsonschema import Draft202012Validator

    from .schema import json_schema

    validator = Draft202012Validator(json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [
        _diag("SCHEMA", error.json_path, error.message)
        for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    ]


def unreadable(location: str, message: str) -> Diagnostic:
    """A notice that could not be parsed, reported like any other problem of that file."""
    return _diag("READ", location, message)
