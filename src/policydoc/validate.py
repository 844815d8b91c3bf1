"""Checks for editors: what is wrong with a notice, or with a JSON file.

Every problem is a ``Diagnostic`` with a stable code (table ``CODES``), a severity,
a location (section path and page) and a message.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import regex

from .docparts import DOC_NUMBER
from .model import Annex, PolicyDocument, Section
from .numbering import match_marker

CODES: dict[str, tuple[str, str]] = {
    "PD101": ("warning", "no document number (发文字号)"),
    "PD102": ("error", "malformed document number"),
    "PD103": ("warning", "no title"),
    "PD201": ("error", "numbering skips"),
    "PD202": ("error", "numbering repeats"),
    "PD203": ("warning", "a heading level is skipped"),
    "PD301": ("error", "an annex announced in 附件说明 is absent"),
    "PD302": ("warning", "an annex is present but not announced"),
    "PD401": ("error", "the date cannot be read"),
    "PD402": ("error", "the date lies in the future"),
    "PD501": ("warning", "empty section"),
    "PD502": ("warning", "no numbered sections"),
    "W001": ("warning", "reading: undecodable bytes were replaced"),
    "W002": ("warning", "reading: the text encoding was detected, not declared"),
    "W003": ("info", "reading: front matter of an unexpected shape was read leniently"),
    "W004": ("info", "reading: the PDF was read by the second engine (pdfplumber)"),
    "SCHEMA": ("error", "does not match the JSON Schema"),
    "JSON": ("error", "not valid JSON"),
    "READ": ("error", "the file cannot be read or parsed"),
}
# GB/T 9704 heading order; a child more than one step below its parent skips a level.
GB_ORDER = ("cn", "paren-cn", "arabic", "paren-arabic")
WELL_FORMED_NUMBER = regex.compile(
    r"^[\p{Han}A-Za-z]{1,20}〔(?:19|20)\d{2}〕[1-9]\d{0,4}号$|^[\p{Han}]{0,30}令第[\d一二三四五六七八九十百零〇]+号$"
)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: str
    location: str
    message: str
    page: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _diag(code: str, location: str, detail: str = "", page: int | None = None) -> Diagnostic:
    severity, summary = CODES[code]
    return Diagnostic(code, severity, location, f"{summary}: {detail}" if detail else summary, page)


def _path(stack: list[Section]) -> str:
    return " > ".join(s.marker for s in stack) or "document"


def check_document(doc: PolicyDocument, *, today: dt.date | None = None) -> list[Diagnostic]:
    """Problems of a parsed notice (works the same on a document read back from JSON)."""
    # What the reader repaired or guessed, with the severity CODES gives it (text may be lost: a warning).
    out: list[Diagnostic] = [
        Diagnostic(w.code, CODES.get(w.code, ("warning", ""))[0], "source", w.message) for w in doc.warnings
    ]
    meta = doc.metadata
    if not meta.title:
        out.append(_diag("PD103", "metadata.title"))
    if not meta.doc_number:
        out.append(_diag("PD101", "metadata.doc_number"))
    elif not WELL_FORMED_NUMBER.match(meta.doc_number) or not DOC_NUMBER.match(meta.doc_number):
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
    out += _check_annexes(meta.attachments, doc.annexes)
    return out


def _check_tree(sections: list[Section], stack: list[Section], prefix: str = "") -> Iterator[Diagnostic]:
    for s in sections:
        here = [*stack, s]
        where = (prefix + " > " if prefix else "") + _path(here)
        page = s.provenance.page if s.provenance else None
        if not (s.text or s.children) and (s.style in ("chapter", "part") or s.level == 1):
            yield _diag("PD501", where, page=page)
        parent = stack[-1] if stack else None
        first_child = parent is not None and parent.children[0] is s
        if first_child and parent.style in GB_ORDER and s.style in GB_ORDER:
            gap = GB_ORDER.index(s.style) - GB_ORDER.index(parent.style)
            # 一、 then 1. is common usage; skipping two levels (一、 then （1）) is not.
            if gap > 1 and (parent.style, s.style) != ("cn", "arabic"):
                yield _diag("PD203", where, f"{parent.marker} goes straight to {s.marker}", page)
        for para in s.text.split("\n") if s.text else []:
            yield from _rejected_heading(para, here, where, page)
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
                page = s.provenance.page if s.provenance else None
                after = f"follows {prev.marker}" if prev else "opens the numbering"
                yield _diag("PD201", where, f"{s.marker} {after}", page)
            last[s.style] = s
            yield from walk(s.children, here)

    yield from walk(sections, [])


def _rejected_heading(para: str, here: list[Section], where: str, page: int | None) -> Iterator[Diagnostic]:
    """A paragraph numbered like an open heading level but out of sequence (一、二、四、 / （三）（三）)."""
    m = match_marker(para)
    if m is None or m.style in ("shi",):
        return
    owner = next((s for s in reversed(here) if s.style == m.style), None)
    if owner is None:
        return
    if m.ordinal == owner.ordinal:
        yield _diag("PD202", where, f"{m.marker} again after {owner.marker}", page)
    elif m.ordinal > owner.ordinal + 1:
        yield _diag("PD201", where, f"{m.marker} follows {owner.marker}", page)


def _check_annexes(attachments: list[str], annexes: list[Annex]) -> Iterator[Diagnostic]:
    present = {}
    for i, annex in enumerate(annexes):
        number = int(regex.sub(r"\D", "", annex.label) or 0) or i + 1
        present[number] = annex
    announced = {i + 1: text for i, text in enumerate(attachments)}
    for number, title in announced.items():
        if number not in present and not any(title and a.title and title in a.title for a in annexes):
            yield _diag("PD301", f"附件{number}", title)
    # Without a 附件说明 the annexes belong to the enclosed document: nothing to compare.
    for number, annex in present.items() if announced else ():
        if number not in announced:
            yield _diag("PD302", annex.label, annex.title or "")


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
