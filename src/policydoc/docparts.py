"""The parts of a notice around its body, recognised line by line (GB/T 9704).

A table of line kinds: 发文字号, 主送机关, 成文日期, 发文机关标志, 附注, 版记 …
Used by the structure stage to keep the front part and the closing out of the
section tree, and by the metadata stage to read them.
"""

from __future__ import annotations

from functools import lru_cache

import regex

_CN_YEAR = "[〇○零一二三四五六七八九]{4}"
_CN_DAY = "[一二三四五六七八九十]{1,3}"
DATE = regex.compile(
    rf"^[（(]?\s*(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|{_CN_YEAR}年{_CN_DAY}月{_CN_DAY}日)"
    r"\s*(?:印发|发布|公布)?\s*[）)]?$"
)
DOC_NUMBER = regex.compile(
    r"^[（(]?\s*(?P<num>[\p{Han}A-Za-z]{1,20}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,5}\s*号)\s*[）)]?$"
    r"|^[（(]?(?P<order>[\p{Han}]{0,30}令\s*(?:第\s*)?[\d一二三四五六七八九十百零〇]+\s*号)[）)]?$"
)
# Looks like a 发文字号 but is not well formed (〔24〕, missing 号): still the number line.
DOC_NUMBER_LOOSE = regex.compile(
    r"^[（(]?[\p{Han}A-Za-z]{1,20}\s*[〔\[［【]\s*\d{1,4}\s*[〕\]］】]\s*\d{0,5}\s*号?[）)]?$"
)
ORDER_SERIAL = regex.compile(r"^第\s*[\d一二三四五六七八九十百零〇]+\s*号$")
ADDRESSEE = regex.compile(r"^[^。；]{2,200}[：:]$")
ISSUER_MARK = regex.compile(r"^[\p{Han}、 ]{2,60}文件$")
DOC_CODE = regex.compile(r"^[A-Z]{2,6}\d{0,3}[-－—]\d{4}[-－—]\d{3,5}$")
NOTE = regex.compile(
    r"^[（(](?:此件|本件|完|未完待续|本文有删减|注[:：]).{0,60}[）)]$"
    # a publication note: （2021年7月27日中华人民共和国国务院令第746号公布）
    r"|^[（(][^（）()]{0,80}(?:\d{4}|[〇○零一二三四五六七八九]{4})年[^（）()]{0,120}"
    r"(?:公布|发布|通过|施行|修订|修正|印发)[^（）()]{0,80}[）)]$"
)
CC = regex.compile(r"^抄送[:：]")
PRINTED = regex.compile(r"^(?P<by>.{2,60}?)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发$")
DISCLOSURE = regex.compile(r"^(?:公开方式|信息公开选项)[:：]")
CONTACT = regex.compile(r"^[（(]?(?:联系人|联系电话)[:：]")
ATTACHMENTS_HEAD = regex.compile(r"^附件[:：]\s*(?P<rest>.*)$")
ANNEX_LABEL = regex.compile(
    r"^附\s*件\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})?\s*(?:(?<=\d|[一二三四五六七八九十])[:：])?"
    r"\s*(?P<title>[^:：。]{0,80})$"
)
# Words that end the name of an issuing body: a signature line is one of these.
ISSUER_END = regex.compile(
    r"(?:部|委|厅|局|办|署|院|会|府|室|中央|政府|办公厅|委员会|办公室|人民政府|国务院|中心|银行|总局|小组|分行|集团)$"
)


@lru_cache(maxsize=8192)
def kind_of(text: str) -> str | None:
    """The GB/T 9704 element a whole line is, or None for ordinary text."""
    t = text.strip()
    if not t or len(t) > 160:  # every element below is a short line
        return None
    if DATE.match(t):
        return "date"
    if DOC_NUMBER.match(t) or DOC_NUMBER_LOOSE.match(t):
        return "doc_number"
    if DOC_CODE.match(t):
        return "doc_code"
    if ISSUER_MARK.match(t):
        return "issuer_mark"
    if NOTE.match(t):
        return "note"
    if CC.match(t):
        return "cc"
    if PRINTED.match(t):
        return "printed"
    if DISCLOSURE.match(t):
        return "disclosure"
    if CONTACT.match(t):
        return "contact"
    return None


def is_signature(text: str) -> bool:
    """A short line naming an issuing body, as in the 发文机关署名."""
    t = text.strip()
    return 2 <= len(t) <= 80 and "。" not in t and "，" not in t and bool(ISSUER_END.search(t))


def is_title_line(text: str, max_len: int = 80) -> bool:
    """A line that can be (part of) a title: short, no sentence punctuation."""
    t = text.strip()
    return 0 < len(t) <= max_len and not any(p in t for p in "。；！？") and not t.endswith(("：", ":"))


def annex_label(text: str) -> tuple[str, str] | None:
    """``附件`` / ``附件1`` / ``附件1 标题`` at the head of an annex: (label, title on the same line)."""
    t = text.strip()
    m = ANNEX_LABEL.match(t)
    if not m:
        return None
    label = "附件" + (m.group("n") or "")
    return label, m.group("title").strip()
