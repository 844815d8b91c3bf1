"""Where the official text is in a text dump: page chrome as a table of patterns.

Crawlers and converters dump a whole page: the page title with the site's name,
breadcrumbs (``首页 > 工业和信息化部 > …``), the metadata grid as label/value lines,
print/share/font-size controls, citation codes and source links, related-link lists
and the site footer. The HTML reader drops these with the page's markup; text dumps
have only their wording, so each kind is a row below (what it matches, where in the
document it may be chrome). Nothing else is touched: a line the table does not name
stays, so the official text is conserved.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

import regex

from ..docparts import kind_of
from ..numbering import match_marker
from ..patterns import lazy
from .grid import COLONS, no_colon

Line = tuple[int, str]  # (1-based line in the file, text)
Zone = Literal["any", "head", "tail"]

# Words of the page controls: a line made of nothing else is chrome.
CONTROL_WORDS = (
    "打印本页 打印正文 打印 关闭窗口 关闭本页 关闭 返回顶部 返回 我要纠错 纠错 加入收藏 收藏 设为首页 分享到 分享 "
    "扫一扫在手机打开当前页 扫一扫 在手机打开当前页 手机版 繁体 简体 无障碍 搜索 字号 字体 默认 大 中 小 "
    "微信 微博 保存 下载 PC版 电脑版 听全文 TOP top A+ A- A"
).split()
_SEP = r"[\s【】\[\]()（）|｜:：/·•◆>＞*]*"
_CONTROLS = _SEP + "(?:(?:" + "|".join(map(regex.escape, CONTROL_WORDS)) + ")" + _SEP + ")+"


def _cased(text: str) -> str:
    """``text`` as a stdlib ``re`` pattern that takes its ASCII letters in either case (the only
    characters that ``regex.I`` matches with them, for the letters used here: tested)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isascii() and c.isalpha() else re.escape(c) for c in text)


# Stand-ins in probes: every Han character is beyond ASCII, every digit is 0-9 or beyond ASCII
# and outside the CJK ideographs and the CJK, general and full-width punctuation before ０
# (none of them a decimal digit: tested),
# so that a line of Chinese text does not pass the probes of the time and count rows.
# (Negated classes: the range up to U+10FFFF takes re milliseconds to compile.)
_NON_ASCII = r"[^\x00-\x7f]"
_NOT_DIGITS = "\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f"
_DIGIT = rf"(?:[0-9]|[^\x00-\x7f{_NOT_DIGITS}])"

# Labels a crawler writes above the text; the grid labels that carry metadata are in labels.py.
CRAWLER_LABELS = (
    "来源|信息来源|文章来源|稿件来源|发布时间|发布日期|发表时间|发稿时间|更新时间|时间|日期|发布人|作者|责任编辑|编辑|"
    "浏览次数|点击数|访问量|阅读次数|阅读量|版本|Title|Published Time|Markdown Content"
)
_LINK_LABELS = r"\p{Han}{0,4}链接|原文地址|原文网址|网址|URL Source|来源网址"
# A run of two or more such lines above the title is a metadata grid whatever its labels.
GENERIC_LABEL = lazy(rf"\p{{Han}}{{2,8}}\s*[{COLONS}]\s*[^\s{COLONS}].{{0,80}}")


@dataclass(frozen=True, slots=True)
class ChromeRule:
    name: str
    pattern: str  # matched whole-line, ignoring case, as part of its zone's alternation
    zone: Zone  # "head": above the official text only; "tail": below it only
    takes_next: bool = False  # a label whose value stands on the next line
    # A stdlib ``re`` pattern (no flags) that matches at the start of every line the row matches:
    # looser than the row, and cheap (``_by_zone``). Its letters are classes of both cases.
    probe: str | None = None


def _rule(name: str, pattern: str, zone: Zone, takes_next: bool = False, probe: str | None = None) -> ChromeRule:
    return ChromeRule(name, pattern, zone, takes_next, probe)


# Each pattern must match the whole line (spaces of every width already folded to one).
RULES: tuple[ChromeRule, ...] = (
    _rule("page-marker", r"=+\s*PAGE\s*\d+\s*=+", "any", probe="="),
    # The separators (same class in re: every regex \s is a str.isspace), then a word.
    _rule("controls", _CONTROLS, "any", probe=_SEP + "(?:" + "|".join(map(_cased, CONTROL_WORDS)) + ")"),
    _rule(
        "breadcrumb",
        r"(?:您(?:现在)?的位置|当前位置|所在位置|当前页面)\s*[:：].*",
        "head",
        takes_next=True,
        probe="您|当前|所在",
    ),
    _rule("breadcrumb", r"首\s*页\s*(?:[>›»＞/].*)?", "head", probe="首"),
    _rule("breadcrumb-separator", r"[>›»＞/]+", "any", probe=r"[>›»＞/]"),
    _rule("citation-code", r"【法宝引证码】.*", "head", probe="【法宝引证码】"),
    _rule(
        "source-link",
        "(?:" + _LINK_LABELS + r")\s*[:：]\s*(?:https?://\S*)?",
        "any",
        probe=f"{_NON_ASCII}{{0,4}}链接|原文地址|原文网址|网址|[uU]|来源网址",  # _LINK_LABELS
    ),
    _rule("url", r"https?://\S+", "head", probe="[hH]"),
    _rule(
        "crawler-label",
        "(?:" + CRAWLER_LABELS + r")\s*[:：].{0,160}",
        "head",
        takes_next=True,
        probe="|".join(_cased(label[0]) if label.isascii() else label for label in CRAWLER_LABELS.split("|")),
    ),
    _rule("crawler-label", r"正\s*文", "head", probe="正"),
    _rule(
        "publish-time",
        r"\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?",
        "head",
        probe=_DIGIT,
    ),
    _rule("publish-time", r"\d{1,2}:\d{2}(?::\d{2})?", "head", probe=_DIGIT),
    # 听全文 2025-01-01 -次: a page's read-aloud button, ISO date and view count
    _rule(
        "publish-time",
        r"(?:听全文)?\s*\d{4}-\d{1,2}-\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:[-\d]+次)?",
        "head",
        probe=rf"(?:听全文)?\s*{_DIGIT}",
    ),
    _rule("views", r"[-\d]+\s*次", "head", probe=f"-|{_DIGIT}"),
    # A browser's print header and footer: 26/03/2024, 11:46 标题 _ 栏目 _ 网站 / https://… 2/13
    _rule(
        "print-header",
        r"\d{1,2}/\d{1,2}/\d{4},?\s*\d{1,2}:\d{2}\s.{0,120}",
        "any",
        probe=f"{_DIGIT}{{1,2}}/",
    ),
    _rule("print-footer", r"https?://\S+\s+\d{1,3}/\d{1,3}", "any", probe="[hH]"),
    _rule("views", r"(?:浏览|阅读|点击)(?:次数|量)?\s*[:：]?\s*\d*\s*次?", "any", probe="浏览|阅读|点击"),
    _rule(
        "footer",
        r".{0,60}(?:版权所有|ICP备|ICP证|公网安备|网站地图|Copyright|©|网站标识码|Produced\s*By|publishdate\s*:).{0,60}",
        "tail",
        # ICP: any three characters; Copyright, Produced, publishdate: the first letter.
        probe=".{0,60}(?:版权所有|.{3}[备证]|公网安备|网站地图|[cC]|©|网站标识码|[pP])",
    ),
    # A site's credits, which a notice's own contact lines may also hold (平台技术支持：某某 电话,
    # 承办单位：某某): a footer only below the notice's date (_drop_tail).
    _rule(
        "footer-credit",
        r".{0,60}(?:技术支持\s*[:：]|主办单位\s*[:：]|承办(?:单位)?\s*[:：]|联系我们).{0,60}",
        "tail",
        probe=".{0,60}(?:技术支持|主办单位|承办|联系我们)",
    ),
    _rule(
        "related-list",
        r"(?:相关(?:链接|解读|文件|阅读|新闻|稿件|政策|附件|文章)|延伸阅读|(?:政策|图文|音频|视频)解读|一图读懂|图解)"
        r"\s*(?:[:：].{0,80}|https?://\S*)?",  # the label alone, or with a link or a linked title
        "tail",
        probe="相关|延|政策|图|音频|视频|一图",
    ),
)

MAX_CHROME = 200
_HEAD_PARTS = frozenset({"doc_number", "doc_code", "issuer_mark"})
# Wording that only a page has, never a notice: a short line holding one of these says the
# text is a page dump, and only then are the weaker rows (单字 controls such as 大/中/小,
# labels such as 时间：, a line repeated as the page title) applied. Every alternative
# opens with a literal character and the case is as converters write it, which lets
# stdlib re skip ahead fast (no IGNORECASE: it costs 4× here).
DUMP_EVIDENCE = re.compile(
    r"扫一扫|返回顶部|打印本页|关闭窗口|设为首页|加入收藏|我要纠错|【打印】|【关闭】|\[打印\]|当前位置|您(?:现在)?的位置"
    r"|===\s*PAGE|【法宝引证码】|原文链接|ICP备|公网安备|版权所有|网站地图|技术支持\s*[:：]"
    r"|URL Source:|Markdown Content:|相关(?:解读|链接|阅读|新闻|稿件)\s*[:：]?\s*$"
    r"|字号\s*[:：]|字体\s*[:：]|浏览次数|首\s*页\s*[>›»＞]"
    r"|/(?:19|20)\d\d,\s*\d{1,2}:\d{2}",  # a browser's print header: 26/03/2024, 11:46
    re.M,
)
EVIDENCE_LINES = frozenset({">", "›", "»", "＞"})  # a breadcrumb separator alone on its line
# A first line 标题_某某网站: a page's <title>.
SITE_TITLE = re.compile(r".{4,}_[^_]{2,30}(?:网|网站|政府|办公室)")
MAX_EVIDENCE = 80


def looks_dumped(lines: list[Line]) -> bool:
    """Whether these lines come from a page (crawler or converter) rather than the notice alone."""
    if not lines:
        return False
    short = [text.strip() for _, text in lines if len(text) <= MAX_EVIDENCE]
    if SITE_TITLE.fullmatch(lines[0][1].strip()):
        return True
    if any(t in EVIDENCE_LINES or (t.startswith(("http://", "https://")) and " " not in t) for t in short):
        return True
    return DUMP_EVIDENCE.search("\n".join(short)) is not None


# Tail rules that open the footer: from such a line on, short lines are all chrome.
_FOOTER_OPENERS = frozenset({"controls", "footer", "footer-credit", "related-list"})
_NOTICE_MAY_HOLD = frozenset({"footer-credit", "related-list"})  # rows whose words a notice may print
# A page title written as "标题_网站名" / "标题 | 网站名".
PAGE_TITLE_SUFFIX = lazy(r"^(?P<title>.{4,}?)\s*(?:[_|｜]|-(?=\s))\s*(?P<site>[^_|｜]{2,40})$")


@functools.cache
def _by_zone(zone: str) -> tuple[re.Pattern[str] | None, regex.Pattern[str]]:
    """The rows of a zone as one alternation (one match per line, not one per row); first row wins.
    Before it, their probes as one stdlib alternation when every row has one: a line that none
    of them matches at its start matches no row (a fifth of the cost, for most lines).

    Compiled on first use: the table costs ~30 ms to compile, which only text dumps need.
    """
    rules = [(i, rule) for i, rule in enumerate(RULES) if rule.zone in ("any", zone)]
    rows = regex.compile("|".join(f"(?P<r{i}>{rule.pattern})" for i, rule in rules), regex.I)
    probes = [rule.probe for _, rule in rules]
    if None in probes:
        return None, rows
    return re.compile("|".join(f"(?:{p})" for p in probes)), rows


_FOLD_SPACES = lazy(r"[\s\u3000\u00a0]+")
_SPACES = lazy(r"\s+")
_SEPARATORS = (">", "›", "»", "＞", "/")
_PUNCT = lazy(r"[，。；：]")
_SENTENCE = lazy(r"[，。；]")


def fold(text: str) -> str:
    if "  " not in text and text.isprintable():
        # The only white space a printable text can hold is the ASCII space: single ones stay.
        return text.strip()
    return _FOLD_SPACES.sub(" ", text).strip()


def chrome_rule(text: str, zone: Zone) -> ChromeRule | None:
    """The row of the table that names this line as chrome in this zone, if any."""
    if len(text) > MAX_CHROME:  # running text: no row matches a line this long
        return None
    line = fold(text)
    if not line:
        return None
    probe, rows = _by_zone(zone)
    if probe is not None and probe.match(line) is None:
        return None
    m = rows.fullmatch(line)
    return RULES[int(m.lastgroup[1:])] if m and m.lastgroup else None


def _without_chrome(lines: list[Line], zone: Zone) -> list[Line]:
    """``[(n, t) for n, t in lines if chrome_rule(t, zone) is None]``: the zone's rows looked up
    once, and a line that fails the probe (most running text) kept without a call per line."""
    probe, _ = _by_zone(zone)
    if probe is None:
        return [(n, t) for n, t in lines if chrome_rule(t, zone) is None]
    out = []
    for n, t in lines:
        if len(t) > MAX_CHROME:
            out.append((n, t))
            continue
        line = fold(t)
        if not line or probe.match(line) is None or chrome_rule(line, zone) is None:
            out.append((n, t))  # chrome_rule(line) folds the folded line to itself
    return out


def head_end(lines: list[Line]) -> int:
    """Index of the first line of running text: a sentence or a numbered heading."""
    for i, (_, text) in enumerate(lines):
        line = fold(text)
        if "。" in line or (match_marker(line) is not None and chrome_rule(line, "head") is None):
            return i
    return len(lines)


def find_official(lines: list[Line], page_title: str | None = None, *, dumped: bool = False) -> list[Line]:
    """The official text of a text dump: chrome lines out above, around and below it.

    ``page_title`` is the page's own title when the dump states it (``Title: …``);
    ``dumped`` says the caller already found page furniture (a label/value grid).
    """
    if not (dumped or page_title is not None or looks_dumped(lines)):
        return lines  # the notice alone: nothing to take out
    kept = _drop_head(lines)
    kept = _drop_tail(kept)
    kept = _without_chrome(kept, "any")
    return _anchor_title(kept, page_title)


# The rows for any zone that name a page's own furniture (a link line, 网址：https://…, may be the
# notice's own: a service's address).
_CONTAINER_ROWS = frozenset(
    {"controls", "page-marker", "print-header", "print-footer", "views", "breadcrumb-separator"}
)


def container_chrome_out(lines: list[Line]) -> list[Line]:
    """The lines of a web page's article container without the page's controls (扫一扫在手机打开
    当前页, 打印本页 关闭窗口) and without its tail from a footer on: a container often holds both."""
    probe, _ = _by_zone("any")
    out = []
    for n, t in _drop_tail(lines):
        # As in _without_chrome, a line too long for any row or failing the rows' probe (most of
        # an article) is kept without a lookup.
        line = fold(t) if len(t) <= MAX_CHROME else ""
        if line and (probe is None or probe.match(line)):
            rule = chrome_rule(line, "any")
            if rule is not None and rule.name in _CONTAINER_ROWS:
                continue
        out.append((n, t))
    return out


def _drop_head(lines: list[Line]) -> list[Line]:
    end = head_end(lines)
    folded = [fold(text) for _, text in lines[:end]]
    grid = _label_runs(folded)
    out: list[Line] = []
    skip_next = after_separator = False
    for i, (n, text) in enumerate(lines):
        if i >= end:
            out.extend(lines[i:])
            break
        line = folded[i]
        rule = chrome_rule(line, "head")
        if skip_next and rule is None and len(line) <= 40:
            skip_next = False
            continue
        # Breadcrumb segments stand between separator lines: 首页 / > / 工业和信息化部 / > / …
        if after_separator and rule is None and len(line) <= 15 and not _PUNCT.search(line):
            after_separator = False
            continue
        skip_next = bool(rule and rule.takes_next and line.endswith((":", "：")))
        after_separator = bool(rule and rule.name.startswith("breadcrumb") and line.endswith(_SEPARATORS))
        if rule is None and i not in grid:
            out.append((n, text))
    return out


def _label_runs(lines: list[str]) -> set[int]:
    labelled = [not no_colon(line) and GENERIC_LABEL.fullmatch(line) is not None for line in lines]
    out: set[int] = set()
    for i, is_label in enumerate(labelled):
        if is_label and ((i > 0 and labelled[i - 1]) or (i + 1 < len(labelled) and labelled[i + 1])):
            out.add(i)
    return out


def _drop_tail(lines: list[Line]) -> list[Line]:
    """From the first footer line after which nothing but short lines follow, all is chrome.
    A site's credit or a related-files list above a date line (相关附件： over the attachments
    and the signature, 平台技术支持：某某 among the contacts) is the notice's own; a page's own
    footer (版权所有, ICP备) and controls cut whatever follows them."""
    cut = len(lines)
    dated = False  # a date line below: the rows a notice may print are its own above it
    for i in range(len(lines) - 1, head_end(lines), -1):
        line = fold(lines[i][1])
        rule = chrome_rule(line, "tail")
        if rule is not None and rule.name in _FOOTER_OPENERS:
            if dated and rule.name in _NOTICE_MAY_HOLD:
                break
            cut = i
        elif len(line) > 60 or "。" in line:
            break
        dated = dated or kind_of(line) == "date"
    return lines[:cut]


def _anchor_title(lines: list[Line], page_title: str | None = None) -> list[Line]:
    """A page title repeated where the document starts: what precedes the repeat is the page's.

    Crawled pages begin with the page ``<title>`` (often ``标题_网站名``), then navigation,
    then the document, which opens with the same title.
    """
    if not lines:
        return lines
    n0, first = lines[0]
    m = PAGE_TITLE_SUFFIX.match(fold(page_title or first))
    title = m.group("title") if m and not _SENTENCE.search(m.group("site")) else fold(page_title or first)
    key = _key(title)
    end = head_end(lines)
    last = 0 if page_title else 1
    # The repeat may be set on up to three lines (a title broken where the page broke it).
    line_keys: dict[int, str] = {}

    def line_key(j: int) -> str:
        if j not in line_keys:
            line_keys[j] = _key(lines[j][1])
        return line_keys[j]

    def joined_key(i: int, k: int) -> str:
        """``_key`` of lines i … i+k-1 joined, from the keys of the lines where that is the same."""
        if k == 1:
            return line_key(i)
        texts = [t for _, t in lines[i : i + k]]
        if not all(_joins_keys(t) for t in texts[1:]):
            return _key("".join(texts))
        return "".join(line_key(j) for j in range(i, i + len(texts)))

    repeat = next(
        (
            i
            for i in range(min(end, 120) - 1, last - 1, -1)
            if any(_repeats(joined_key(i, k), key) for k in (1, 2, 3))
        ),
        None,
    )
    if repeat is not None and len(key) >= 4:
        # Between the two titles: navigation and page labels, but the notice's own head
        # parts (发文机关标志, 发文字号) may stand above its title.
        head = [line for line in lines[1:repeat] if kind_of(fold(line[1])) in _HEAD_PARTS]
        return head + lines[repeat:]
    if m is not None and not page_title and title != fold(first):
        return [(n0, title), *lines[1:]]
    return lines


def _repeats(line: str, title: str) -> bool:
    """The document's title line repeats the page title, which may leave out the issuers."""
    return line == title or (len(title) >= 8 and line.endswith(title) and len(line) - len(title) <= 40)


def _joins_keys(text: str) -> bool:
    """``_key(a + text) == _key(a) + _key(text)`` for every ``a``: spaces go one by one, and NFKC
    joins the two normalized halves unchanged when ``text`` starts with a character that has no
    decomposition, combining class 0 and is the second of no composition (ASCII, CJK ideographs)."""
    first = text[:1]
    return not first or first.isascii() or "\u4e00" <= first <= "\u9fff"


def _key(text: str) -> str:
    """A title compared across its copies: widths folded ((RCEP) = （RCEP）), spaces out."""
    folded = unicodedata.normalize("NFKC", text)
    if " " not in folded and folded.isprintable():
        return folded  # the only white space a printable text can hold is the ASCII space
    return _SPACES.sub("", folded)


def page_title_text(page_title: str) -> str:
    """The document's title inside a page title: ``标题_网站名`` → ``标题``."""
    m = PAGE_TITLE_SUFFIX.match(fold(page_title))
    return m.group("title") if m and not _SENTENCE.search(m.group("site")) else fold(page_title)
