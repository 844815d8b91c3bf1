"""GB/T 9704 elements from the front part, the closing and what the source states.

The body of the notice wins over the container (a page's grid may belong to the
site that reposted it); the container fills what the body does not state.
Nothing is guessed from unrelated text: an absent field stays empty.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any, NamedTuple

import regex

from .docparts import (
    ATTACHMENTS_HEAD,
    ATTACHMENTS_LIST,
    CC,
    DATING_NOTE,
    DOC_CODE,
    DOC_NUMBER,
    DOC_NUMBER_LOOSE,
    NONE_VALUES,
    NOTE,
    ORDER_HEAD,
    ORDER_IN_TEXT,
    ORDER_ISSUERS,
    PRINTED,
    RECORD_BODY,
    RECORD_EVENT,
    RECORD_TERM,
    SEVERAL_BODIES,
    TITLE_CHROME,
    is_signature,
    kind_of,
    signers,
    split_signed_date,
    without_markdown,
)
from .front import Front
from .model import Metadata
from .numbering import match_marker, read_numeral
from .patterns import lazy

_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0", "O": "0"}
_CN_DIGITS = str.maketrans(_CN_DIGIT)  # the same map, one C call a year
_DATE_PARTS = lazy(
    r"(?P<y>[\d〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>[\d一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>[\d一二三四五六七八九十]{1,3})\s*日"
)
_BRACKETS = str.maketrans(
    {
        "[": "〔",
        "]": "〕",
        "﹝": "〔",
        "﹞": "〕",
        "［": "〔",
        "］": "〕",
        "【": "〔",
        "】": "〕",
        "(": "〔",
        ")": "〕",
        "（": "〔",
        "）": "〕",
    }
)
_SPACE = lazy(r"\s+")
_NUMBER_PARTS = lazy(r"^(.*?)[〔\[［【(（﹝](\d{4})[〕\]］】)）﹞](.*)$")
_LIST_SEP = lazy(r"[，；,;]")
_ISSUER_SEP = lazy(r"[\s、]+")
# The issuer of a title ends where its verb begins: XX关于, XX印发, XX转发/批转 another body's text.
_TITLE_ISSUERS = lazy(r"^(?P<who>.+?)(?:关于|印发|转发|批转)")
_DECISION = lazy(r"^《(?P<title>[^》]+)》")
_DASHES = lazy(r"[—–－―-]+")
_NOT_IN_NAME = lazy(r"[《》“”\"：:]")
_ISO_DATE = lazy(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})")
# A news agency's dateline glued to the title it reports: 新华社北京7月11日电
DATELINE = lazy(r"^(?:新华社|人民网|中新社|央视网)\p{Han}{0,6}\d{1,2}月\d{1,2}日电\s*")


def parse_date(text: str | None) -> dt.date | None:
    """``2021年6月30日`` or ``二〇二一年六月三十日`` as a date; None if it is not a real date."""
    if not text:
        return None
    m = _DATE_PARTS.search(text) or _ISO_DATE.search(text)
    return _date_of(m) if m else None


def _date_of(m: regex.Match[str]) -> dt.date | None:
    """The date a match of _DATE_PARTS or _ISO_DATE names; None if it is not a real date."""
    year = m.group("y").translate(_CN_DIGITS)
    month, day = read_numeral(m.group("m")), read_numeral(m.group("d"))
    try:
        return dt.date(int(year), month or 0, day or 0)
    except ValueError:
        return None


_TIME = lazy(r"(?:\s*|T)(?P<h>\d{1,2})[:：](?P<min>\d{2})(?:[:：](?P<s>\d{2}))?")


def published_iso(text: str | None) -> str | None:
    """A page's 发布日期 as ISO 8601 (2025-08-25, or 2025-08-25T16:54:40 with its time), whatever
    the page wrote (2025年07月01日, 2025-08-25 16:54:40浏览次数：…); as stated if it names no date."""
    if not text:
        return None
    m = _DATE_PARTS.search(text) or _ISO_DATE.search(text)
    day = _date_of(m) if m else None
    if m is None or day is None:
        return text.strip() or None
    t = _TIME.match(text, m.end())
    if t is None:
        return day.isoformat()
    try:
        moment = dt.time(int(t.group("h")), int(t.group("min")), int(t.group("s") or 0))
    except ValueError:
        return day.isoformat()
    return dt.datetime.combine(day, moment).isoformat(timespec="seconds" if t.group("s") else "minutes")


def normalize_doc_number(text: str) -> str:
    """``人社部发〔2021〕48 号`` → ``人社部发〔2021〕48号``; brackets to 〔〕, outer parentheses off."""
    t = _SPACE.sub("", text)
    m = DOC_NUMBER.match(t)
    if m and m.group("num"):
        head, year, tail = _NUMBER_PARTS.match(m.group("num")).groups()
        return f"{head}〔{year}〕{tail}"
    if m and m.group("order"):
        return m.group("order").translate(_BRACKETS)
    if m and m.group("notice"):
        return m.group("notice")
    return t.strip("（）()").translate(_BRACKETS)


def split_list(text: str) -> list[str]:
    """Addressees and cc lists split at ，and ； (never at 、), trailing colon or full stop off."""
    text = text.strip().rstrip("：:。")
    return [part.strip() for part in _LIST_SEP.split(text) if part.strip()]


def _issuers_from(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        out += [p for p in _ISSUER_SEP.split(line) if p]
    return out


def _looks_like_number(text: str) -> bool:
    t = _SPACE.sub("", text)
    return bool(DOC_NUMBER.match(t) or DOC_NUMBER_LOOSE.match(t))


def _looks_like_issuer(text: str) -> bool:
    if _NOT_IN_NAME.search(text):
        return False
    return all(is_signature(part) for part in _ISSUER_SEP.split(text.strip()) if part) and not TITLE_CHROME.search(text)


def _clean_title(text: str) -> str | None:
    text = without_markdown(text.strip()).strip()
    return text if text and len(text) <= 200 and not TITLE_CHROME.search(text) else None


# What a stated value (a page grid, a label line) must look like to fill a field; anything
# else is page furniture or a placeholder (文号：无) and leaves the field empty.
_STATED_CHECKS = {
    "title": lambda v: _clean_title(v) is not None,
    "doc_number": _looks_like_number,
    "issuer": _looks_like_issuer,
    "date": lambda v: parse_date(v) is not None,
}


def stated_fields(labels: dict[str, str | None], source_meta: dict[str, Any]) -> dict[str, Any]:
    """What the text's own label lines and then the container state, placeholders and chrome out."""
    out: dict[str, Any] = {}
    for key in {*labels, *source_meta}:
        value = labels[key] if key in labels else source_meta.get(key)
        if not isinstance(value, str):  # every field it can fill is text; Metadata validates them
            continue
        value = value.strip()
        if value in NONE_VALUES or not _STATED_CHECKS.get(key, bool)(value):
            value = None
        if value:
            out[key] = _clean_title(value) if key == "title" else value
    return out


def _title_issuers(title: str | None) -> list[str]:
    """The bodies before 关于/印发 in a title, when they are named (not 等七部门, not 关于 alone)."""
    m = _TITLE_ISSUERS.match(title or "")
    if not m or SEVERAL_BODIES.search(m.group("who")) or not _looks_like_issuer(m.group("who")):
        return []
    return _issuers_from([m.group("who")])


def _order_issuer(number: str | None) -> list[str]:
    """国务院 from 中华人民共和国国务院令第364号, the two bodies of 中国人民银行 国家市场监督管理总局令〔2024〕第3号."""
    m = ORDER_HEAD.match((number or "").strip().strip("（）()"))
    if not m:
        return []
    names = (part.removeprefix("中华人民共和国") for part in _ISSUER_SEP.split(m.group("who")) if part)
    bodies = [ORDER_ISSUERS.get(name, name) for name in names]
    return bodies if bodies and all(is_signature(b) for b in bodies) else []


class _Record(NamedTuple):
    date: dt.date
    issuer: list[str]
    order: str | None


def _latest_record(records: list[str]) -> _Record | None:
    """Date of the latest adoption, promulgation or amendment in a law database's record, with
    the body that made it (or the latest one that names its body) and the latest 令."""
    events: list[_Record] = []
    text = "".join(_SPACE.sub("", r) for r in records)
    starts = list(_DATE_PARTS.finditer(text))
    for m, nxt in zip(starts, [*starts[1:], None], strict=False):
        span = text[m.end() : nxt.start() if nxt else len(text)]
        # parse_date(m.group(0)) would find this very match again at its start: its groups are these.
        day = _date_of(m)
        event = RECORD_EVENT.search(span) if day is not None else None
        # …会议批准的《某市…决定》修正: the amendment is the city's, dated where it was made; the
        # province's approval dates nothing.
        if event is None or "批准的" in span[: event.start()]:
            continue
        order = ORDER_IN_TEXT.search(span)
        body = _order_issuer(order.group(0)) if order else []
        if not body and (who := RECORD_BODY.match(span)):
            name = RECORD_TERM.sub("", who.group("who"))
            body = [ORDER_ISSUERS.get(name, name)] if is_signature(ORDER_ISSUERS.get(name, name)) else []
        if not body and (decision := _DECISION.match(span)):  # 《国务院关于修改…的决定》修订
            body = _title_issuers(decision.group("title"))
        events.append(_Record(day, body, order.group(0) if order else None))
    if not events:
        return None
    events.sort(key=lambda e: e.date)
    return _Record(
        events[-1].date,
        next((e.issuer for e in reversed(events) if e.issuer), []),
        next((e.order for e in reversed(events) if e.order), None),
    )


def extract(front: Front, closing: list[str], source_meta: dict[str, Any]) -> Metadata:
    # The fields are gathered first and the model is built once: a pydantic assignment per field
    # costs more than the whole of a small document's reading. Fields that were only assigned when
    # found (addressees, cc, printed_*) are only passed when found, so the model's set fields stay.
    stated = stated_fields(front.labels, source_meta)
    record = _latest_record(front.records) if front.records else None
    title = _title(front.title_lines) if front.title_lines else None
    title = title or stated.get("title")
    notes = [*front.notes, *closing]
    # (Each search of ``closing`` or ``notes`` below is skipped when it is empty: most small notices.)
    in_closing = next((line for line in closing if kind_of(line) == "doc_number"), None) if closing else None
    # The date before a 令 in a note is no part of it: （2022年4月14日中国人民银行令〔2022〕第2号公布）
    in_note = (
        next((m.group(0) for line in notes if (m := ORDER_IN_TEXT.search(_DATE_PARTS.sub(" ", line)))), None)
        if notes
        else None
    )
    number = front.doc_number or in_closing or in_note or stated.get("doc_number")
    from_record = number is None and record is not None and record.order is not None
    number = number or (record.order if record else None)
    closing_date = next((line for line in closing if kind_of(line) == "date"), None) if closing else None
    closing_signers, closing_date = split_signed_date(closing_date) if closing_date else (None, None)
    date_line = front.date or closing_date or front.head_date
    date = parse_date(date_line) or parse_date(stated.get("date"))
    if date is None and record:  # only a record states it: （2021年7月27日…令第746号公布）
        date = record.date
    if date is None and front.notes:
        date = next((d for line in front.notes if (d := parse_date(line))), None)

    signature = front.signature or [
        *(line for line in signers(closing) if is_signature(line)),
        *([closing_signers] if closing_signers else []),
    ]
    # The first source that names the issuers wins; none is a guess from unrelated text.
    candidates = (
        lambda: _issuers_from(front.issuer_lines),
        lambda: _issuers_from([front.issuer_mark.removesuffix("文件")]) if front.issuer_mark else [],
        lambda: _issuers_from(signature),
        lambda: [] if from_record else _order_issuer(number),  # a record names the body of its latest event
        lambda: _title_issuers(title),
        lambda: next((_issuers_from([m.group("who")]) for line in front.notes if (m := DATING_NOTE.match(line))), []),
        lambda: _issuers_from([stated["issuer"]]) if stated.get("issuer") else [],
        lambda: record.issuer if record else [],
    )
    fields: dict[str, Any] = {
        "title": title,
        "doc_number": normalize_doc_number(number) if number else None,
        "date_text": date_line or stated.get("date"),
        "date": date,
        "issuer": next((found for get in candidates if (found := get())), []),
    }
    if front.addressee:
        fields["addressees"] = split_list(front.addressee)
    fields["attachments"] = _attachments(front.attachments)
    for line in closing:
        if CC.match(line):
            fields["cc"] = split_list(line.split("：", 1)[-1].split(":", 1)[-1])
        elif m := PRINTED.match(line):
            fields["printed_by"] = m.group("by").strip()
            fields["printed_date"] = parse_date(m.group("date"))
    fields["notes"] = [line for line in notes if NOTE.match(line)]
    fields["doc_code"] = front.doc_code or (next((x for x in closing if DOC_CODE.match(x)), None) if closing else None)
    fields["index_number"] = stated.get("index_number")
    fields["subject"] = stated.get("subject")
    published = stated.get("published_at") or (front.head_date if front.head_date != date_line else None)
    fields["published_at"] = published_iso(published)
    return Metadata(**fields)


def _title(lines: list[str]) -> str | None:
    """Title lines joined; markup, a dateline and a line repeated after it are dropped.

    A line that is page furniture (a link, a breadcrumb) is left out, never joined in.
    """
    out: list[str] = []
    keys: list[str] = []  # _comparable of each line of ``out``, made once a line (not once a pair)
    for raw in lines:
        line = _clean_title(DATELINE.sub("", raw))
        if not line:
            continue
        key = _comparable(line)
        if out and key == keys[-1]:
            out[-1] = line  # the text's own form after a database's copy of it (the same key)
        elif key not in keys:  # repeated below a page's labels
            out.append(line)
            keys.append(key)
    # A page's one-line copy of the title above the text's own lines: keep the text's.
    # NFKC(a + b) == NFKC(NFKC(a) + NFKC(b)) (both have the compatibility decomposition of a + b), and
    # normalize returns a string that passes its quick check as it is: each line is normalized once,
    # not once for every split of the lines.
    forms = [unicodedata.normalize("NFKC", line) for line in out] if len(out) > 1 else out
    for k in range(1, len(out)):
        if _comparable("".join(forms[:k])) == _comparable("".join(forms[k:])):
            return "".join(out[k:])
    return "".join(out) or None


def _comparable(text: str) -> str:
    """A title line's form for comparison: the same whatever its width of brackets, spaces and dashes."""
    return _DASHES.sub("-", _SPACE.sub("", unicodedata.normalize("NFKC", text)))


def _attachments(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        head = ATTACHMENTS_HEAD.match(line) or ATTACHMENTS_LIST.match(line)
        text = head.group("rest") if head else line
        marker = match_marker(text)
        out.append(marker.rest if marker else text)
    return [x for x in out if x]
