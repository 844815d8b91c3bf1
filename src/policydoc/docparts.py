"""The parts of a notice around its body, recognised line by line (GB/T 9704).

A table of line kinds: 发文字号, 主送机关, 成文日期, 发文机关标志, 附注, 版记 …
Used by the structure stage to keep the front part and the closing out of the
section tree, and by the metadata stage to read them.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from .patterns import lazy

_CN_YEAR = "[〇○零一二三四五六七八九]{4}"
_CN_DAY = "[一二三四五六七八九十]{1,3}"
DATE = lazy(
    rf"^[（(]?\s*(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|{_CN_YEAR}年{_CN_DAY}月{_CN_DAY}日)"
    r"\s*(?:印发|发布|公布)?\s*[）)]?$"
)
# Brackets printed around the year of a 发文字号: 〔〕 as GB/T 9704 asks, and what sites use instead.
NUMBER_OPEN, NUMBER_CLOSE = r"〔\[［【(（﹝", r"〕\]］】)）﹞"
_OPEN, _CLOSE = NUMBER_OPEN, NUMBER_CLOSE
DOC_NUMBER = lazy(
    rf"^[（(]?\s*(?P<num>[\p{{Han}}A-Za-z]{{1,20}}\s*[{_OPEN}]\s*\d{{4}}\s*[{_CLOSE}]\s*\d{{1,5}}\s*号)\s*[）)]?$"
    # 令: 国务院令第706号, 中国人民银行令〔2016〕第3号, 中国人民银行 国家市场监督管理总局令〔2024〕第3号
    rf"|^[（(]?(?P<order>[\p{{Han}}][\p{{Han}}\s]{{0,40}}令\s*(?:[{_OPEN}]\s*\d{{4}}\s*[{_CLOSE}]\s*|\d{{4}}\s*年\s*)?"
    r"(?:第\s*)?[\d一二三四五六七八九十百零〇]+\s*号)[）)]?$"
    # …and the order written number first: 人民银行〔2020〕5号令
    rf"|^[（(]?(?P<order>[\p{{Han}}][\p{{Han}}\s]{{0,40}}[{_OPEN}]\s*\d{{4}}\s*[{_CLOSE}]\s*(?:第\s*)?\d{{1,5}}\s*号令)[）)]?$"
    # 公告 and 通告 number by year: （2024年第28号）, 工业和信息化部公告2024年第28号
    r"|^[（(]?\s*(?P<notice>(?:[\p{Han}]{1,30}(?:公告|通告)\s*)?\d{4}\s*年\s*第\s*\d{1,4}\s*号)\s*[）)]?$"
)
# The 署名 and the 成文日期 on one line, as a page flattened into one line leaves them.
SIGNED_DATE = lazy(
    r"^(?P<who>[\p{Han}（）()、]{2,60}(?:\s+[\p{Han}（）()、]{2,60}){0,40}?)\s*"
    rf"(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日|{_CN_YEAR}年{_CN_DAY}月{_CN_DAY}日)$"
)
# Looks like a 发文字号 but is not well formed (〔24〕, missing 号): still the number line.
_LOOSE_OPEN = "〔[［【﹝"  # every match holds one of these opening brackets
DOC_NUMBER_LOOSE = lazy(
    rf"^[（(]?[\p{{Han}}A-Za-z]{{1,20}}\s*[{re.escape(_LOOSE_OPEN)}]\s*\d{{1,4}}\s*[〕\]］】﹞]\s*\d{{0,5}}\s*号?[）)]?$"
)
# One C scan for those brackets, far cheaper than the pattern's failing match on most lines.
_HAS_LOOSE_OPEN = re.compile(f"[{re.escape(_LOOSE_OPEN)}]")
# The opening of a 令's promulgation sentence: 《某某条例》已经…通过，现予公布 — the cover's
# text, never a title line (a title's wrapped line reads 《某某方案》的通知).
PROMULGATION = lazy(r"^《(?P<title>[^》]{1,100})》\s*(?:已经|已由|已于|业经)")
# The serial of a 令 set on its own line, bare or in brackets: 第16号, （第16号）, （2020年第6号）, （〔2007〕第1号）
ORDER_SERIAL = lazy(
    rf"^[（(]?\s*(?P<serial>(?:\d{{4}}\s*年\s*|[{_OPEN}]\s*\d{{4}}\s*[{_CLOSE}]\s*)?第\s*[\d一二三四五六七八九十百零〇]+\s*号)\s*[）)]?$"
)
# A code's 编 (刑法, 民法典: 第一编 总则), above its chapters; the numbering has no rule for it.
BOOK_HEADING = lazy(r"^第\s*[一二三四五六七八九十\d]{1,3}\s*编(?:\s|$)")
# The first words of a law's record under its title: （1999年4月29日…通过 …
RECORD_START = lazy(
    r"^[（(]\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日"
)
# Words that open a sentence of the body, never a title: a PDF's text wraps such a sentence
# before its stop (根据《…》、《…》等法律规定， / …), and its first line has no punctuation.
SENTENCE_OPENERS = (
    "根据", "依据", "按照", "为了", "为进一步", "为深入", "为贯彻", "为加快", "为做好", "现将", "经研究",
    "近期，", "近日，", "日前，",  # a report's or a news item's first sentence
)  # fmt: skip
ADDRESSEE_COLONS = "：:"  # an addressee line ends with one (before a final newline at most, as $ allows)
# (groups of addressees are set apart by ；: 各分行…；各国有商业银行…；中国银联…：)
ADDRESSEE = lazy(rf"^[^。]{{2,200}}[{ADDRESSEE_COLONS}]$")
ADDRESSEE_ENDS = tuple(c + end for c in ADDRESSEE_COLONS for end in ("", "\n"))
# 发文机关标志 (XX人民政府文件); a title line ending in 规范性文件 names no body (…关于…文件).
ISSUER_MARK = lazy(r"^(?!.*关于)[\p{Han}、 ]{2,60}文件$")
DOC_CODE = lazy(r"^[A-Z]{2,6}\d{0,3}[-－—]\d{4}[-－—]\d{3,5}$")
# A rule's dating note under its title, ``who`` the body it names: （2025年9月11日 国家互联网信息办公室）
_DATING_NOTE = (
    r"^[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*"
    r"(?P<who>\p{Han}{2,40}?(?:部|委|厅|局|办|署|院|会|府|室|政府|委员会|办公室|人民政府|国务院|中心|银行|总局))\s*[）)]$"
)
NOTE = lazy(
    r"^[（(](?:此件|本件|完|未完待续|本文有删减|注[:：]).{0,60}[）)]$"
    # a publication note: （2021年7月27日中华人民共和国国务院令第746号公布）
    r"|^[（(][^（）()]{0,80}(?:\d{4}|[〇○零一二三四五六七八九]{4})年[^（）()]{0,120}"
    r"(?:公布|发布|通过|施行|修订|修正|印发)[^（）()]{0,80}[）)]$"
    "|" + _DATING_NOTE
)
DATING_NOTE = lazy(_DATING_NOTE)
CC = lazy(r"^抄送[:：]")
PRINTED = lazy(r"^(?P<by>.{2,60}?)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发$")
# Notes on how the text was published, after the date: 公开方式, or the link a crawler kept.
DISCLOSURE_LABELS = ("公开方式", "信息公开选项", "原文链接", "原文地址", "详情页链接")
DISCLOSURE = lazy(rf"^(?:{'|'.join(DISCLOSURE_LABELS)})[:：]")
CONTACT = lazy(r"^[（(]?(?:联系人|联系电话|联系科室|联系单位|联系部门|联系方式|咨询电话|咨询方式)[:：]")
ATTACHMENTS_HEAD = lazy(r"^附件[:：]\s*(?P<rest>.*)$")
# The 附件说明 written without its colon: 附件 1. / 某某指引 / 2. / … (an annex label has no dot).
ATTACHMENTS_LIST = lazy(r"^附\s*件\s*(?P<rest>\d{1,2}\s*[.．、].*)$")
ANNEX_LABEL = lazy(
    r"^附\s*件\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})?\s*(?:(?<=\d|[一二三四五六七八九十])[:：])?"
    r"\s*(?P<title>[^:：。]{0,80})$"
)
# Labels of label/value metadata (a page's grid, a crawler's text dump), by the field they
# fill; written without spaces (标　　题 is 标题). Page-level labels fill page-level fields.
FIELD_LABELS = {
    "发文机关": "issuer",
    "发布机关": "issuer",
    "制定机关": "issuer",
    "标题": "title",
    "政策标题": "title",
    "名称": "title",
    "政策名": "title",
    "Title": "title",
    "文件名称": "title",
    "发文字号": "doc_number",
    "文号": "doc_number",
    "政策文号": "doc_number",
    "统一编号": "doc_code",
    "成文日期": "date",
    "发文日期": "date",
    "索引号": "index_number",
    "主题分类": "subject",
    "分类": "subject",
    "产业类型": "subject",
    "发布日期": "published_at",
    "发布时间": "published_at",
    "发布机构": "publisher",
    "部门": "publisher",
    "政策状态": "validity",
    "生效时间": "effective_date",
    "到期时间": "expiry_date",
    "来源": "publisher",
    "信息来源": "publisher",
    "文章来源": "publisher",
    "牵头单位": "publisher",
    "实施日期": "effective_date",
    "生效日期": "effective_date",
    "文件状态": "validity",
    "失效时间": "expiry_date",
    "URLSource": "url",
    "有效性": "validity",
    "时效性": "validity",
    "失效日期": "expiry_date",
}
LABEL_COLONS = ":："  # a label ends with one of these
LABEL_LINE = lazy(
    "^(?P<label>" + "|".join(r"\s*".join(label) for label in sorted(FIELD_LABELS, key=len, reverse=True)) + ")"
    rf"\s*[{LABEL_COLONS}]\s*(?P<value>.*)$"
)
_HAS_LABEL_COLON = re.compile(f"[{LABEL_COLONS}]")


def label_line(line: str) -> regex.Match[str] | None:
    """``LABEL_LINE.match(line)``; a line without a colon (most lines) is not tried against the labels."""
    return LABEL_LINE.match(line) if _HAS_LABEL_COLON.search(line) else None


# A value that says the field is absent: 文号：无.
NONE_VALUES = frozenset(["无", "空", "暂无", "无文号", "/", "-", "—", "--", "——", "null", "None"])
# Whole lines of page furniture a crawler kept above or below the text.
CHROME_LINE = lazy(
    r"^(?:首\s*页|目\s*录|[>›»/]|\*\*[^*]{1,12}\*\*\s*[:：].*|当前位置[:：].*|您的位置[:：].*|【法宝引证码】.*|正文|<!--.*-->|-{3,}|\*{3,}"
    r"|(?:【?(?:返回顶部|关闭窗口|打印本页|打印|关闭|纠错|收藏|听全文)】?\s*)+|扫一扫.*|分享到.*|字号[:：].*|浏览次数.*"
    r"|\p{Han}{0,6}(?:链接|网址|地址)\s*[:：]\s*(?:https?://|www\.).*"
    # a page's related-document links under the title: 相关文件：某某关于…的通知
    r"|(?:相关(?:链接|解读|文件|阅读|新闻|稿件|政策)|延伸阅读)\s*[:：].*"
    # page markers of a PDF dump: --- 第1页 ---, ===PAGE 3===
    r"|[-=]{2,}\s*(?:第\s*\d+\s*页|PAGE\s*\d+)\s*[-=]{2,}|[-—–]\s*\d{1,4}\s*[-—–]|\d{1,4}\s*/\s*\d{1,4})$"
)
BREADCRUMB_SEP = lazy(r"^[>›»]$")
# Markdown a converter left on a whole line: # heading, - item, **bold**, *italic*.
_MARKDOWN_PREFIX = lazy(r"^(?:#{1,6}|[-+])\s+")
_MARKDOWN_BOLD = lazy(r"\*{1,2}(?P<body>[^*].*[^*])\*{1,2}")


def without_markdown(line: str) -> str:
    """A line without the Markdown a converter left on it: ``# ``, ``- `` or ``**…**`` around it all.

    Checked by the first character, then matched once: a lookbehind tried at every position
    made a long line (a page on one line) quadratic.
    """
    if line.startswith(("#", "-", "+")):
        return _MARKDOWN_PREFIX.sub("", line, count=1)
    if line.startswith("*"):
        m = _MARKDOWN_BOLD.fullmatch(line)
        return m["body"] if m else line
    return line
# A Markdown label line (**版本**: 现行有效) glued to the end of the line before it.
GLUED_LABEL = lazy(r"(?<=\S)(?=\*\*[^*]{1,12}\*\*\s*[:：])")
# Text that never belongs in a title: markup, links, breadcrumbs, labels.
TITLE_CHROME = lazy(
    r"#|<!--|https?://|首页|当前位置|标题[:：]|索引号|发布时间|【法宝|===PAGE|扫一扫|字体|>|原文链接|打印本页|\*\*"
    r"|版权所有|ICP备|公网安备|点击查看"
)
# A line of a law database's publication record: 2002年10月1日 中华人民共和国国务院令第364号公布,
# or the whole record in brackets under a law's title: （1996年3月17日…通过 根据…修正）
RECORD = lazy(
    r"^[（(]?\s*(?:根据)?\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年.{0,600}?(?:通过|公布|施行|批准|修正|修订|发布)(?:[）)。，,\s]|根据)*$"
)
# A 令 cited in running text (a publication note, a record); a joint one names its bodies with 、:
# 国务院、中央军事委员会令第788号
ORDER_BODY = r"(?:中华人民共和国)?(?:国务院|\p{Han}{1,10}?(?:人民政府|政府|委员会|部|局|署|办公室|银行))"
ORDER_IN_TEXT = lazy(
    rf"(?:{ORDER_BODY}、)*{ORDER_BODY}令"
    r"(?:[〔\[［【(（﹝]\d{4}[〕\]］】)）﹞])?第[\d一二三四五六七八九十百零〇]+号"
    rf"|{ORDER_BODY}第[\d一二三四五六七八九十百零〇]+号令"  # 海关总署第61号令, the serial before 令
)
# The body (or bodies) a 令 names before 令: 中国人民银行 国家市场监督管理总局令〔2024〕第3号
ORDER_HEAD = lazy(r"^(?P<who>[^令\d]+?)\s*令\s*(?:[〔\[［【(（﹝]\s*\d{4}\s*[〕\]］】)）﹞]|\d{4}\s*年)?\s*第")
# A title naming its issuers only as a count: 工业和信息化部等七部门 (the signers are the issuers)
SEVERAL_BODIES = lazy(r"等[\d一二三四五六七八九十]*(?:个)?(?:部门|单位|部委)")
# In a record line: the event that dates a text (not 批准 by another body, not 施行), the body
# before its session or 令, and the session terms left out of the body's name.
RECORD_EVENT = lazy(r"(?:通过|公布|修正|修订|发布)")
RECORD_BODY = lazy(
    r"^(?P<who>\p{Han}{2,40}?)(?:第[一二三四五六七八九十百\d]+次(?:常务|全体)?会议|常务会议|公告|令|第\d+号令|发布$|公布$)"
)
RECORD_TERM = lazy(r"第[一二三四五六七八九十百\d]+届|^中华人民共和国(?=国务院)")
# Short forms of an issuer in a 令 number or record, by the body's name.
ORDER_ISSUERS = {"国": "国务院", "国务院": "国务院", "中华人民共和国国务院": "国务院"}
# A title that carries its 发文字号 in brackets: …的通知（银发〔2026〕42号）
TITLE_WITH_NUMBER = lazy(
    r"^(?P<title>.+?)\s*[（(]\s*(?P<num>[\p{Han}A-Za-z\s]{1,40}\s*[〔\[［【﹝]\s*\d{4}\s*[〕\]］】﹞]"
    r"\s*(?:第\s*)?\d{1,5}\s*号令?)\s*[）)]$"
    # …公告（2021年第33号）: a 公告 or 通告 numbered by year
    r"|^(?P<title>.+?(?:公告|通告))\s*[（(]\s*(?P<num>\d{4}\s*年\s*第\s*\d{1,4}\s*号)\s*[）)]$"
)
# Words that end the name of an issuing body: a signature line is one of these (a ministry's
# 司 issues 函 in its own name: 工业和信息化部科技司), but none of the NOT_ISSUER_ENDS (a company).
ISSUER_ENDS = (
    "部|委|厅|局|办|署|院|会|府|室|司|中央|政府|办公厅|委员会|办公室|人民政府|国务院|中心|银行|总局|小组|分行|集团"
    "|党组|党委|工委|支行|总队|海关"
).split("|")
NOT_ISSUER_ENDS = ("公司",)
ISSUER_END = lazy(f"(?:{'|'.join(ISSUER_ENDS)})$(?<!{'|'.join(NOT_ISSUER_ENDS)})")
_ISSUER_ENDS = tuple(ISSUER_ENDS)  # for str.endswith


@lru_cache(maxsize=8192)
def kind_of(text: str) -> str | None:
    """The GB/T 9704 element a whole line is, or None for ordinary text."""
    t = text.strip()
    if not t or len(t) > 160:  # every element below is a short line
        return None
    # A character test before a pattern where every match must pass it (``t`` is stripped: no
    # final newline for ``$`` to stand before): most lines are none of these elements.
    # both forms of DATE hold 日; split_signed_date matches only a line that ends with 日 (``t`` is stripped)
    if ("日" in t and DATE.match(t)) or (t.endswith("日") and split_signed_date(t)[0]):
        return "date"
    if ("号" in t and DOC_NUMBER.match(t)) or (  # every DOC_NUMBER form ends in 号
        _HAS_LOOSE_OPEN.search(t) and DOC_NUMBER_LOOSE.match(t)
    ):
        return "doc_number"
    if t[0].isascii() and DOC_CODE.match(t):  # opens with A-Z
        return "doc_code"
    if t.endswith("文件") and ISSUER_MARK.match(t):
        return "issuer_mark"
    if t.startswith(("（", "(")) and NOTE.match(t):  # both forms open with a bracket
        return "note"
    if t.startswith("抄送") and CC.match(t):
        return "cc"
    if t.endswith("印发") and PRINTED.match(t):
        return "printed"
    if t.startswith(DISCLOSURE_LABELS) and DISCLOSURE.match(t):  # the pattern opens with one of them
        return "disclosure"
    if ("联系" in t or "咨询" in t) and CONTACT.match(t):  # each CONTACT label holds one of them
        return "contact"
    return None


def is_signature(text: str) -> bool:
    """A short line naming an issuing body, as in the 发文机关署名."""
    t = text.strip()
    # ISSUER_END.search(t): ``t`` is stripped (no final newline for ``$`` to stand before), so the
    # pattern matches just where ``t`` ends with one of its words; endswith needs no scan of the line.
    return (
        2 <= len(t) <= 80
        and "。" not in t
        and "，" not in t
        and t.endswith(_ISSUER_ENDS)
        and not t.endswith(NOT_ISSUER_ENDS)
    )


# A 令's signer: an office and its holder's name (总理 李强, 中国人民银行行长潘功胜, 行长：周小川).
OFFICIAL_SIGNER = lazy(
    r"^\p{Han}{0,30}?(?:总理|主席|委员长|行长|局长|部长|署长|主任|省长|市长|县长|区长|院长|检察长|会长)"
    r"\s*[:：]?\s*\p{Han}{2,4}\s*$"
)
_WRAPPED_SIGNER_MIN = 6  # characters of a signer's first half: 特此通知 / 某某局 is no signer wrapped
# The first half of a body's name: Chinese only (no contact, no file name) and naming a body or a
# place (中央网络安全和信息化, 某某省市场监管局新型冠状病毒感染的), not a document (某某申报表).
SIGNER_HALF = lazy(
    r"\p{Han}*(?:中央|中共|国务院|中华人民共和国|中国|国家|全国|[省市县区部委局厅办院会司]|政府|中心)\p{Han}*"
)


# A name complete by itself (a co-signer above another: 国家电网有限公司 / 国家能源局) or a document's
# (某某项目补充清单 above its signer): never the first half of a wrapped one.
_WHOLE_NAME_ENDS = ("公司", "海关", "大学", "学院", "集团", "清单", "名单", "目录", "表", "指南")
# The second half of a wrapped name continues it; a national body's name starts afresh (国家能源局,
# 中国人民银行). (A place may continue one: 某某市高新技术产业 / 开发区管理委员会.)
NAME_START = lazy(r"^(?:国家|中国|中华人民共和国|中共|国务院)")


def wraps_signer(first: str, second: str) -> bool:
    """``first`` is the first half of the signer that ``second`` ends: 中央网络安全和信息化 /
    委员会办公室, a long name wrapped in a signature block."""
    first, second = first.strip(), second.strip()
    return (
        len(first) >= _WRAPPED_SIGNER_MIN
        and not is_signature(first)
        and not first.endswith(_WHOLE_NAME_ENDS)
        and SIGNER_HALF.fullmatch(first) is not None
        and NAME_START.match(second) is None
        and is_signature(first + second)
    )


def signers(lines: list[str]) -> list[str]:
    """Signature lines with each wrapped signer joined (``wraps_signer``)."""
    out: list[str] = []
    for line in lines:
        if out and not is_signature(out[-1]) and wraps_signer(out[-1], line):
            out[-1] = out[-1].strip() + line.strip()
        else:
            out.append(line)
    return out


def split_signed_date(text: str) -> tuple[str | None, str]:
    """``某某部 某某委 2025年3月7日`` (署名 and 成文日期 on one line) as (signers, date); else (None, text)."""
    t = text.strip()
    m = SIGNED_DATE.match(t) if t.endswith("日") else None  # the date ends the line
    if m and all(is_signature(part) for part in m.group("who").split()):
        return m.group("who"), m.group("date")
    return None, text


_TITLE_STOPS = "。；！？"  # sentence punctuation: a line holding one is no title line
_HAS_TITLE_STOP = re.compile(f"[{_TITLE_STOPS}]")  # one C scan, not a generator of ``in`` tests


def is_title_line(text: str, max_len: int = 80) -> bool:
    """A line that can be (part of) a title: short, no sentence punctuation."""
    t = text.strip()
    return 0 < len(t) <= max_len and _HAS_TITLE_STOP.search(t) is None and not t.endswith(("：", ":"))


DOWNLOAD = lazy(r"\.(?:docx?|xlsx?|pdf|zip|rar|7z|wps|ofd|et|txt)$", regex.I)


def annex_label(text: str) -> tuple[str, str] | None:
    """``附件`` / ``附件1`` / ``附件1 标题`` at the head of an annex: (label, title on the same line)."""
    t = text.strip()
    if not t.startswith("附"):  # ANNEX_LABEL opens with 附: the test for the many lines that do not
        return None
    m = ANNEX_LABEL.match(t)
    if not m:
        return None
    title = m.group("title").strip()
    if DOWNLOAD.search(title):  # 附件1.docx: a page's download link, no annex
        return None
    return "附件" + (m.group("n") or ""), title


# 公文种类 (党政机关公文处理工作条例 art. 8) and the kinds of rule and plan a notice issues.
DOC_TYPES = (
    # the fifteen 公文种类
    "决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
    "议案", "函", "纪要",
    # rules, plans and programmes issued by or with a notice
    "条例", "规定", "办法", "细则", "规则", "规程", "规范", "准则", "标准", "指引", "指南", "守则", "章程",
    "方案", "规划", "计划", "纲要", "要点", "措施", "举措", "清单", "目录", "名录", "名单", "公约",
    "制度", "机制", "答复", "复函", "说明", "解读", "导则", "大纲", "体系", "路线图", "工作安排", "倡议",
    # laws and the decisions that amend them
    "法",
)  # fmt: skip
# A title may end with a qualifier after its type: （试行）, （2024年修订）, （征求意见稿）.
TITLE_QUALIFIER = lazy(r"\s*(?:[（(][^（）()]{1,30}[）)]|〔[^〔〕]{1,30}〕)\s*$")
TITLE_TYPE = lazy("(?:" + "|".join(sorted(DOC_TYPES, key=len, reverse=True)) + r")[”\"》」]?$")


def names_a_kind(title: str) -> bool:
    """Whether the title ends with a kind of document, after its qualifiers: …的通知, …办法（试行）."""
    bare = title.strip()
    while (shorter := TITLE_QUALIFIER.sub("", bare)) != bare and shorter:
        bare = shorter
    return TITLE_TYPE.search(bare) is not None
