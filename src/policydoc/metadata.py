"""GB/T 9704 elements from the front part, the closing and what the source states.

The body of the notice wins over the container (a page's grid may belong to the
site that reposted it); the container fills what the body does not state.
Nothing is guessed from unrelated text: an absent field stays empty.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import regex

from .docparts import ATTACHMENTS_HEAD, CC, DATE, DOC_CODE, DOC_NUMBER, NOTE, PRINTED, is_signature, kind_of
from .front import Front
from .model import Metadata
from .numbering import match_marker, read_numeral

_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0", "O": "0"}
_DATE_PARTS = regex.compile(
    r"(?P<y>[\d〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>[\d一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>[\d一二三四五六七八九十]{1,3})\s*日"
)
_BRACKETS = str.maketrans(
    {"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕", "(": "〔", ")": "〕", "（": "〔", "）": "〕"}
)
_SPACE = regex.compile(r"\s+")
_NUMBER_PARTS = regex.compile(r"^(.*?)[〔\[［【(（](\d{4})[〕\]］】)）](.*)$")
_LIST_SEP = regex.compile(r"[，；,;]")
_ISSUER_SEP = regex.compile(r"[\s、]+")
_TITLE_ISSUERS = regex.compile(r"^(?P<who>.+?)关于")
_ORDER_NUMBER = regex.compile(
    r"(?:中华人民共和国)?(?:国务院|\p{Han}{1,10}?(?:人民政府|政府|委员会|部|局|署|办公室))令第[\d一二三四五六七八九十百零〇]+号"
)
_ISO_DATE = regex.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})")
# A news agency's dateline glued to the title it reports: 新华社北京7月11日电
DATELINE = regex.compile(r"^(?:新华社|人民网|中新社|央视网)\p{Han}{0,6}\d{1,2}月\d{1,2}日电\s*")


def parse_date(text: str | None) -> dt.date | None:
    """``2021年6月30日`` or ``二〇二一年六月三十日`` as a date; None if it is not a real date."""
    if not text:
        return None
    m = _DATE_PARTS.search(text) or _ISO_DATE.search(text)
    if not m:
        return None
    year = "".join(_CN_DIGIT.get(c, c) for c in m.group("y"))
    month, day = (read_numeral(m.group(k)) for k in ("m", "d"))
    try:
        return dt.date(int(year), month or 0, day or 0)
    except ValueError:
        return None


def normalize_doc_number(text: str) -> str:
    """``人社部发〔2021〕48 号`` → ``人社部发〔2021〕48号``; brackets to 〔〕, outer parentheses off."""
    t = _SPACE.sub("", text)
    m = DOC_NUMBER.match(t)
    if m and m.group("num"):
        head, year, tail = _NUMBER_PARTS.match(m.group("num")).groups()
        return f"{head}〔{year}〕{tail}"
    if m and m.group("order"):
        return m.group("order")
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


def extract(front: Front, closing: list[str], source_meta: dict[str, Any]) -> Metadata:
    meta = Metadata()
    meta.title = _title(front.title_lines) or source_meta.get("title") or None
    notes = [*front.notes, *closing]
    in_closing = next((line for line in closing if kind_of(line) == "doc_number"), None)
    in_note = next((m.group(0) for line in notes if (m := _ORDER_NUMBER.search(line))), None)
    number = front.doc_number or in_closing or in_note or source_meta.get("doc_number")
    meta.doc_number = normalize_doc_number(number) if number else None
    date_line = front.date or next((line for line in closing if DATE.match(line)), None)
    meta.date_text = date_line or source_meta.get("date")
    meta.date = parse_date(date_line) or parse_date(source_meta.get("date"))
    if meta.date is None:  # only a publication note states it: （2021年7月27日…令第746号公布）
        meta.date = next((d for line in front.notes if (d := parse_date(line))), None)

    signature = front.signature or [line for line in closing if is_signature(line)]
    if front.issuer_lines:
        meta.issuer = _issuers_from(front.issuer_lines)
    elif front.issuer_mark:
        meta.issuer = _issuers_from([front.issuer_mark.removesuffix("文件")])
    elif signature:
        meta.issuer = _issuers_from(signature)
    elif meta.title and (m := _TITLE_ISSUERS.match(meta.title)):
        meta.issuer = _issuers_from([m.group("who")])
    elif source_meta.get("issuer"):
        meta.issuer = _issuers_from([source_meta["issuer"]])

    if front.addressee:
        meta.addressees = split_list(front.addressee)
    meta.attachments = _attachments(front.attachments)
    for line in closing:
        if CC.match(line):
            meta.cc = split_list(line.split("：", 1)[-1].split(":", 1)[-1])
        elif m := PRINTED.match(line):
            meta.printed_by = m.group("by").strip()
            meta.printed_date = parse_date(m.group("date"))
    meta.notes = [line for line in notes if NOTE.match(line)]
    meta.doc_code = front.doc_code or next((x for x in closing if DOC_CODE.match(x)), None)
    meta.index_number = source_meta.get("index_number")
    meta.subject = source_meta.get("subject")
    meta.published_at = source_meta.get("published_at")
    return meta


def _title(lines: list[str]) -> str:
    """Title lines joined; a dateline glued on is dropped, and a line repeated after it too."""
    out: list[str] = []
    for line in lines:
        line = DATELINE.sub("", line)
        if line and (not out or _SPACE.sub("", line) != _SPACE.sub("", out[-1])):
            out.append(line)
    return "".join(out)


def _attachments(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        head = ATTACHMENTS_HEAD.match(line)
        text = head.group("rest") if head else line
        marker = match_marker(text)
        out.append(marker.rest if marker else text)
    return [x for x in out if x]
