"""The notice's front part: the lines above its first numbered heading (GB/T 9704 order).

份号/发文机关标志/发文字号/标题/主送机关, the cover text, the signature and date, the
附注, then the title and preamble of an enclosed document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .docparts import (
    ADDRESSEE,
    ADDRESSEE_ENDS,
    ANNEX_LABEL,
    BOOK_HEADING,
    BREADCRUMB_SEP,
    CHROME_LINE,
    DOC_NUMBER,
    FIELD_LABELS,
    GLUED_LABEL,
    NONE_VALUES,
    ORDER_SERIAL,
    PROMULGATION,
    RECORD,
    RECORD_START,
    SENTENCE_OPENERS,
    TITLE_CHROME,
    TITLE_WITH_NUMBER,
    is_signature,
    is_title_line,
    kind_of,
    label_line,
    names_a_kind,
    signers,
    split_signed_date,
    without_markdown,
    wraps_signer,
)
from .numbering import match_marker
from .patterns import lazy
from .readers.lines import join_lines

_SPACE = lazy(r"\s+")
# A piece of a 发文字号 after its agency code: 〔, 2025, 〕, 349, 号 (a page's inline runs, one a line).
_NUMBER_RUN = lazy(r"^[〔〕\[\]［］【】()（）﹝﹞\d\s号]+$")
# Joint notices are signed by up to a few dozen bodies, one a line (市场监管总局等十四部门).
_MAX_SIGNERS = 40
_MAX_BRACKET_LINES = 8  # a wrapped note, number or title closes its bracket within this many lines
_YEAR_SERIAL = lazy(r"^\d{4}年第\d+号$")
_MAX_RECORD_LINES = 30  # a law amended many times (刑法 and its 修正案) wraps its record over more
# Characters: a 成文日期 or a signature line is no longer (a record's wrapped line may start
# with a date or end with 委, as in …全国人民代表大会常务委 / 员会…).
_ELEMENT_LINE_MAX = 25
# A line ending like this introduces the body rather than naming addressees.
_NOT_ADDRESSEE_END = ("如下：", "以下：", "意见：", "通知：", "决定：", "措施：", "如下:", "要求：")


@dataclass
class Front:
    """The notice's front part, line by line (GB/T 9704 order)."""

    head: list[str] = field(default_factory=list)  # every line above, as printed and in order
    title_lines: list[str] = field(default_factory=list)
    issuer_lines: list[str] = field(default_factory=list)  # bodies named above a joint 令
    doc_number: str | None = None
    doc_code: str | None = None
    issuer_mark: str | None = None
    addressee: str | None = None
    attachments: list[str] = field(default_factory=list)
    cover: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    date: str | None = None
    # A date under the 发文字号, above the addressees (a gazette's layout): the notice's own unless
    # its closing is dated, then the page's publish date.
    head_date: str | None = None
    notes: list[str] = field(default_factory=list)
    enclosed_title: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    # label/value lines a crawler kept above the text (发文字号：…); None where the value says 无
    labels: dict[str, str | None] = field(default_factory=dict)
    records: list[str] = field(default_factory=list)  # a law database's 通过/公布/修正 lines


def read_front(lines: list[str], table_rows: frozenset[str] = frozenset(), *, body_follows: bool = True) -> Front:
    """Classify the lines before the first heading, in GB/T 9704 order; ``table_rows``: the
    lines that are rows of a table (never a title line); ``body_follows``: numbered sections or
    annexes come after these lines."""
    front = Front()
    # Markdown a converter left on a line (# heading, - item, **bold**) hides the element it holds:
    # lines are classified without it, and the text keeps it as printed.
    # (GLUED_LABEL needs a ** in the line: most lines are kept whole without running it)
    printed = [part for line in lines for part in (GLUED_LABEL.split(line) if "**" in line else (line,)) if part]
    lines = [without_markdown(line) for line in printed]
    printed, lines = _bracketed(printed, lines)
    i = _read_head(front, lines, table_rows)
    if i < len(lines) and _is_addressee(lines[i]):
        front.addressee = lines[i]
        i += 1
    front.head = printed[:i]
    _read_rest(front, lines[i:], printed[i:], body_follows)
    return front


def _read_head(front: Front, lines: list[str], table_rows: frozenset[str]) -> int:
    """份号, 发文机关标志, 发文字号 and the title, in whatever order the source kept them;
    the index of the first line after them."""
    i = 0
    page_title: list[str] = []  # a page's title above its publish date and the 令 it carries
    while i < len(lines):
        line = lines[i]
        if CHROME_LINE.match(line) or kind_of(line) == "disclosure" or _in_breadcrumb(lines, i):
            i += 1
            continue
        if label := label_line(line):
            i = _read_label(front, label, lines, i)
            continue
        if serial := ORDER_SERIAL.match(line):  # 第5号 without a 某某令 line above it: never the title
            # (2024年第10号 under no 公告 or 通告 title is a gazette's issue: no number of its own)
            if _number_fits(line, front.title_lines):
                front.doc_number = front.doc_number or _SPACE.sub("", serial.group("serial"))
            i += 1
            continue
        if not front.title_lines and len(line.strip()) == 1:  # ■, 文, 各 (an addressee cut short)
            i += 1
            continue
        if front.title_lines and not page_title and kind_of(line) == "date" and _order_below(lines, i + 1):
            # title / 2025年02月14日 / 某某令 / 第18号: the date is the page's; the 令's head follows.
            front.labels.setdefault("published_at", line)
            page_title, front.title_lines = front.title_lines, []
            i += 1
            continue
        if front.title_lines and i + 1 < len(lines) and kind_of(line) == "date" and _is_addressee(lines[i + 1]):
            # title / 2025年08月01日 / 各省、自治区…： a page's publish date between a title and the
            # addressees; under a 发文字号 (国发〔2025〕3号 / 2025年3月1日, as a gazette prints it)
            # the notice's own date.
            if front.doc_number is None:
                front.labels.setdefault("published_at", line)
            else:
                front.head_date = front.head_date or line
            i += 1
            continue
        if (span := _number_in_runs(lines, i)) > 1:  # 工信厅科函 / 〔 / 2025 / 〕 / 349 / 号, one run a line
            line = "".join(lines[i : i + span])
            i += span - 1
        elif line.endswith("令") and i + 1 < len(lines) and (serial := ORDER_SERIAL.match(lines[i + 1])):
            number = _SPACE.sub("", serial.group("serial"))
            if line == "令" and front.title_lines:
                # A joint order: the bodies stand above a bare 令 / 第15号.
                front.issuer_lines, front.title_lines = front.title_lines, []
                line = _joint_order(front.issuer_lines, number)
            else:  # 江西省人民政府令 / 第223号 (or （第16号）) set on two lines
                line = lines[i] + number
            i += 1
        kind = kind_of(line)  # (a bare 2024年第10号 was taken above, as a serial)
        if kind is None and "年" in line and RECORD.match(line):  # every record holds 年 after its year
            front.records.append(line)
        elif kind == "doc_number":
            # The better form wins (第5号 above the 某府发〔2024〕5号 line).
            if front.doc_number is None or _number_rank(line) > _number_rank(front.doc_number):
                front.doc_number = line
        elif kind == "doc_code" and front.doc_code is None:
            front.doc_code = line
        elif kind == "issuer_mark" and front.issuer_mark is None and not front.title_lines:
            front.issuer_mark = line
        elif kind == "note":
            front.notes.append(line)
            if RECORD.match(line):  # （2021年7月27日…令第746号公布）: also a record of the text's history
                front.records.append(line)
        elif kind is None and _may_be_title(line, front.title_lines, table_rows):
            if numbered := TITLE_WITH_NUMBER.match(line):  # …的通知（银发〔2026〕42号）
                line = numbered.group("title")
                front.doc_number = front.doc_number or numbered.group("num")
            front.title_lines.append(line)
        else:
            break
        i += 1
    front.title_lines = front.title_lines or page_title
    return i


# A chapter's name standing alone (a converter dropped its 第一章): no title line.
CHAPTER_NAMES = frozenset({"总则", "附则"})


def _may_be_title(line: str, title_lines: list[str], table_rows: frozenset[str]) -> bool:
    """A line the head may add to the title lines so far (its kind of element already none)."""
    return (
        is_title_line(line, 200)
        and not _is_addressee(line)
        and not _opens_body(line)
        and not (line.startswith("《") and PROMULGATION.match(line) and not names_a_kind(line))
        and not _after_whole_title(title_lines, line)
        # A table row: a title only first, and only naming a kind (not a masthead or menu).
        and not (line in table_rows and (title_lines or not names_a_kind(line)))
        and not RECORD_START.match(line)  # （1999年4月29日…通过: a record, however long
        and not line.startswith(SENTENCE_OPENERS)  # 根据《…》、《…》等法律规定，… wrapped
        and line not in CHAPTER_NAMES  # 总则 above 第一条, its chapter's marker lost
        and len(title_lines) < 12
    )


def _read_rest(front: Front, rest: list[str], rest_printed: list[str], body_follows: bool = True) -> None:
    """Below the head: the cover text, the signature and date, the notes under them, then the
    title (and its record) and preamble of an enclosed document. A text that encloses nothing
    (nothing below its date but notes, no body after it: a 复函, a short notice) is the notice's
    own text, its signature and date are its closing."""
    date_at = next((k for k, line in enumerate(rest) if kind_of(line) == "date"), None)
    if date_at is None or not (body_follows or any(not _under_date(line) for line in rest[date_at + 1 :])):
        front.preamble = rest_printed
        return
    sig = date_at
    while sig > 0 and is_signature(rest[sig - 1]) and date_at - sig < _MAX_SIGNERS:
        sig -= 1
    if 0 < sig < date_at and wraps_signer(rest[sig - 1], rest[sig]):
        sig -= 1  # 中央网络安全和信息化 / 委员会办公室: one signer on two lines
    front.cover = rest_printed[:sig]
    signed, front.date = split_signed_date(rest[date_at])
    front.signature = signers(rest[sig:date_at]) + ([signed] if signed else [])
    k = date_at + 1
    while k < len(rest) and _under_date(rest[k]):  # (a page's 扫一扫 / 打印本页 under the date: head)
        if kind_of(rest[k]) in _CLOSING_NOTES or RECORD.match(rest[k]):
            front.notes.append(rest[k])
        k += 1
    while (
        k < len(rest)
        and is_title_line(rest[k])
        and kind_of(rest[k]) is None
        and not ANNEX_LABEL.match(rest[k])  # 附件.zip, a download link under the date
        and not TITLE_CHROME.search(rest[k])  # 扫一扫在手机打开当前页 under a page's date
        and not CHROME_LINE.match(rest[k])  # 目录 above an enclosed plan's contents
        and not RECORD_START.match(rest[k])  # its record: （2004年6月16日…通过）
        and (front.enclosed_title or len(rest[k].strip()) > 1)  # 前 / 言: a heading spaced out
        and len(front.enclosed_title) < 4
    ):
        line = rest[k]
        if numbered := TITLE_WITH_NUMBER.match(line):  # 某某办法（人民银行〔2020〕5号令）
            line = numbered.group("title")
            front.doc_number = front.doc_number or numbered.group("num")
        front.enclosed_title.append(line)
        k += 1
    # The record under the enclosed title: （2006年…通过 2024年…修订）
    while front.enclosed_title and k < len(rest) and kind_of(rest[k]) == "note":
        front.notes.append(rest[k])
        if RECORD.match(rest[k]):
            front.records.append(rest[k])
        k += 1
    front.preamble = rest_printed[k:]
    front.head += rest_printed[sig:k]
    # A text that lost its title line (第232号 / 《…》已经…通过，现予公布): the sentence, among
    # the cover's first lines, names the document it carries; a title cited in it
    # (〈某某办法〉) is written 《》 on its own.
    sentence = next((m for line in rest[: min(sig, 2)] if (m := PROMULGATION.match(line))), None)
    if sentence and not front.title_lines and not front.enclosed_title:
        front.enclosed_title = [sentence.group("title").replace("〈", "《").replace("〉", "》")]


_CLOSING_NOTES = ("note", "disclosure", "contact")


def _under_date(line: str) -> bool:
    """A line that may stand under a notice's date and closes it: a note, a disclosure, contacts,
    a database's record (1995年5月1日 施行), chrome."""
    return kind_of(line) in _CLOSING_NOTES or CHROME_LINE.match(line) is not None or RECORD.match(line) is not None


def _number_in_runs(lines: list[str], i: int) -> int:
    """How many short lines from ``i`` make one 发文字号 a page split into its inline runs (0: none)."""
    # Every span tested below holds a short line ``i`` and a run at ``i + 1``: most lines fail here.
    if len(lines[i]) > 12 or i + 1 >= len(lines) or not _NUMBER_RUN.match(lines[i + 1]):
        return 0
    for n in range(6, 1, -1):
        runs = lines[i : i + n]
        if (
            len(runs) == n
            and len(runs[0]) <= 12
            and all(_NUMBER_RUN.match(r) for r in runs[1:])
            and kind_of("".join(runs)) == "doc_number"
        ):
            return n
    return 0


def _opens_body(line: str) -> bool:
    """第一编 / 第一章 / 第一节 / 第一条 never begin a title line, even where the decoder did not take them."""
    if line.startswith("第") and BOOK_HEADING.match(line):  # 第一编 总则: a code's part, above its chapters
        return True
    marker = match_marker(line)
    return marker is not None and marker.style in ("chapter", "section", "article")


def _bracketed(printed: list[str], lines: list[str]) -> tuple[list[str], list[str]]:
    """Lines inside one bracket joined: a record, a note, a number or a title that a PDF's text
    wrapped (（2006年10月31日…会议通 / 过2024年11月8日…修订）) is one element of the front
    part. Only a bracket that closes within _MAX_BRACKET_LINES lines that may wrap joins them."""
    out_printed: list[str] = []
    out_lines: list[str] = []
    i = 0
    while i < len(lines):
        end = i + 1
        if (depth := _depth(lines[i])) > 0 and _may_wrap(lines[i]):
            record = RECORD_START.match(lines[i]) is not None  # its dates are no 成文日期 lines
            window = _MAX_RECORD_LINES if record else _MAX_BRACKET_LINES
            for k in range(i + 1, min(i + 1 + window, len(lines))):
                if "。" in lines[k] or not (record or _may_wrap(lines[k])):
                    break
                depth += _depth(lines[k])
                if depth <= 0:
                    end = k + 1 if depth == 0 else end
                    break
        out_printed.append(join_lines(printed[i:end]))
        out_lines.append(join_lines(lines[i:end]))
        i = end
    return out_printed, out_lines


def _number_fits(line: str, title_lines: list[str]) -> bool:
    """A 发文字号 line, unless it is a year and serial alone (2024年第28号) that follows no 公告 or
    通告 title: a 公告 is numbered so, a gazette's issue too."""
    bare = _SPACE.sub("", line).strip("（）()")
    if not _YEAR_SERIAL.match(bare):
        return True
    return bool(title_lines) and title_lines[-1].endswith(("公告", "通告"))


def _number_rank(number: str) -> int:
    """How fully a 发文字号 line states the number: 机关代字〔年〕序号, then a 令's, then a 公告's
    year and serial, then a serial alone."""
    m = DOC_NUMBER.match(_SPACE.sub("", number))
    if m is None:
        return 0
    return 3 if m.group("num") else 2 if m.group("order") else 1


def _may_wrap(line: str) -> bool:
    """A line that may be part of a wrapped record, note, number or title: no sentence in it,
    no date or signature of its own (a cover line whose （ was never closed joins nothing)."""
    if "。" in line or len(line) > _ELEMENT_LINE_MAX or line.startswith(("（", "(")):
        return "。" not in line  # a 成文日期 or a signature never opens with a bracket
    return kind_of(line) != "date" and not is_signature(line)


def _depth(line: str) -> int:
    """Brackets a line leaves open (negative: closes more than it opens)."""
    return line.count("（") + line.count("(") - line.count("）") - line.count(")")


def _order_below(lines: list[str], j: int) -> bool:
    """A 令's head from line ``j``: 某某令 / 第18号, the bodies of a joint one above a bare 令."""
    for k in range(j, min(j + _MAX_SIGNERS, len(lines) - 1)):
        if lines[k].endswith("令") and ORDER_SERIAL.match(lines[k + 1]):
            return True
        if not is_signature(lines[k]):
            return False
    return False


def _after_whole_title(title_lines: list[str], line: str) -> bool:
    """A line holding a comma after title lines that end with a kind of document: the first
    line of the body or of the addressees, wrapped in a PDF's text before its stop or colon
    (…的通知 / 中国人民银行上海总部，各分行、…). A title holds no comma."""
    return (
        bool(title_lines)
        and ("，" in line or "," in line)
        and not line.startswith(("（", "("))  # a qualifier: （征求意见稿，2024年5月）
        and not line.startswith(("，", ","))  # the title goes on: …产业体系 / ，加快推进…的实施意见
        and names_a_kind(title_lines[-1])
    )


def _in_breadcrumb(lines: list[str], i: int) -> bool:
    """An item of a breadcrumb set one per line: 首页 / > / 工业和信息化部 / > / 文件发布."""
    # BREADCRUMB_SEP is one character, with a final newline at most: a longer line is none.
    return any(0 <= k < len(lines) and len(lines[k]) <= 2 and BREADCRUMB_SEP.match(lines[k]) for k in (i - 1, i + 1))


def _read_label(front: Front, label: regex.Match[str], lines: list[str], i: int) -> int:
    """A label/value line (the value may stand on the next line); the index after it."""
    field_name = FIELD_LABELS[_SPACE.sub("", label.group("label"))]
    value = label.group("value").strip()
    if not value and i + 1 < len(lines) and not label_line(lines[i + 1]) and not CHROME_LINE.match(lines[i + 1]):
        value = lines[i + 1].strip()
        i += 1
    if value:
        front.labels.setdefault(field_name, None if value in NONE_VALUES else value)
    return i + 1


def _joint_order(issuers: list[str], serial: str) -> str:
    """The citation form of a joint order: 国家互联网信息办公室等七部门令第15号."""
    if len(issuers) == 1:
        return f"{issuers[0]}令{serial}"
    import cn2an  # deferred: ~110 ms at start-up

    return f"{issuers[0]}等{cn2an.an2cn(len(issuers))}部门令{serial}"


def _is_addressee(line: str) -> bool:
    # The cheap tests first (all are pure): a line that ends with no colon cannot match ADDRESSEE.
    return (
        len(line) <= 150
        and line.endswith(ADDRESSEE_ENDS)
        and not line.endswith(_NOT_ADDRESSEE_END)
        and bool(ADDRESSEE.match(line))
    )
