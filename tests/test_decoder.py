"""The numbering decoder: which numbered paragraphs are headings, over the whole document.

Each case is a synthetic notice (one paragraph per line) and the outline it must give,
as (level, marker) pairs. One bad marker may cost that one heading, never the ones after it.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policydoc
from policydoc.numbering import match_candidate, read_numeral
from policydoc.structure.decoder import Candidate, beam_search, decode
from policydoc.validate import check_document

from .conftest import SHARED


def parse(text: str) -> policydoc.PolicyDocument:
    return policydoc.parse(text.strip() + "\n", format="text")


def outline(doc: policydoc.PolicyDocument) -> list[tuple[int, str]]:
    return [(s.level, s.marker) for s in doc.walk()]


ARTICLES_1_TO_5 = [(1, f"第{n}条") for n in "一二三四五"]

CASES = [
    (
        "one missing article",
        "第一条 为了规范管理。\n第二条 本办法适用于全市。\n第四条 各部门负责实施。\n第五条 自公布之日起施行。",
        [(1, "第一条"), (1, "第二条"), (1, "第四条"), (1, "第五条")],
    ),
    (
        "two missing articles, then the run goes on",
        "第一条 甲。\n第二条 乙。\n第五条 戊。\n第六条 己。\n第七条 庚。",
        [(1, "第一条"), (1, "第二条"), (1, "第五条"), (1, "第六条"), (1, "第七条")],
    ),
    (
        "a duplicated article is text, the next one a heading",
        "第一条 甲。\n第二条 乙。\n第二条 乙又。\n第三条 丙。\n第四条 丁。",
        [(1, "第一条"), (1, "第二条"), (1, "第三条"), (1, "第四条")],
    ),
    (
        "a malformed marker costs that heading only",
        "一、总体要求\n做好工作。\n二、主要任务\n抓好落实。\n三)保障措施\n加强领导。\n四、组织实施\n五、附则",
        [(1, "一、"), (1, "二、"), (1, "四、"), (1, "五、")],
    ),
    (
        "a stray out-of-sequence number in the text stays text",
        "一、甲\n四、结转下年度继续办理\n二、乙\n二、乙又\n三、丙",
        [(1, "一、"), (1, "二、"), (1, "三、")],
    ),
    (
        "restarts at 1 under a new parent",
        "一、甲\n（一）子一。\n（二）子二。\n二、乙\n（一）子一。\n（二）子二。",
        [(1, "一、"), (2, "（一）"), (2, "（二）"), (1, "二、"), (2, "（一）"), (2, "（二）")],
    ),
    (
        "a run continues across parents",
        "一、甲\n（一）子。\n1.项一。\n2.项二。\n（二）子。\n3.项三。\n4.项四。\n二、乙\n（三）子。",
        [
            (1, "一、"),
            (2, "（一）"),
            (3, "1."),
            (3, "2."),
            (2, "（二）"),
            (3, "3."),
            (3, "4."),
            (1, "二、"),
            (2, "（三）"),
        ],
    ),
    (
        "articles run on across chapters, one missing at a chapter break",
        "第一章 总则\n第一条 甲。\n第二条 乙。\n第二章 管理\n第四条 丁。\n第五条 戊。",
        [(1, "第一章"), (2, "第一条"), (2, "第二条"), (1, "第二章"), (2, "第四条"), (2, "第五条")],
    ),
    (
        "an item followed by a year is the item, not a decimal",
        "一、申报条件\n1.项目面向全省申报。\n2.每个申请人限报1项。\n3.2024年度已立项的不得申报。\n4.在研项目达到3项的不得申报。",
        [(1, "一、"), (2, "1."), (2, "2."), (2, "3."), (2, "4.")],
    ),
    (
        "decimal sub-levels are their own, deeper styles",
        "1.总则\n1.1编制目的\n1.2适用范围\n2.组织机构\n2.1指挥部\n2.1.1指挥部职责\n2.1.2指挥部组成\n2.2工作机构",
        [
            (1, "1."),
            (2, "1.1"),
            (2, "1.2"),
            (1, "2."),
            (2, "2.1"),
            (3, "2.1.1"),
            (3, "2.1.2"),
            (2, "2.2"),
        ],
    ),
    (
        "a chapter with its first article on the same line",
        "第一章　总则　　第一条　为规范管理。\n第二条　本办法适用于全州。\n第二章　管理\n第三条　各部门管理。",
        [(1, "第一章"), (2, "第一条"), (2, "第二条"), (1, "第二章"), (2, "第三条")],
    ),
    (
        "a chapter with its first article, spaces removed",
        "第一章总则第一条为规范管理，制定本办法。\n第二条本办法适用于全州。",
        [(1, "第一章"), (2, "第一条"), (2, "第二条")],
    ),
    (
        "articles run together in one paragraph",
        "第一条 为规范管理，制定本办法。第二条 本办法适用于全州。第三条 本办法自公布之日起施行。",
        [(1, "第一条"), (1, "第二条"), (1, "第三条")],
    ),
    (
        "an article joined to the end of the one before",
        "第一条 甲。\n第二条 各单位应当登记，\n并留存复印件。第三条 预付卡机构应当登记。\n第四条 丁。",
        [(1, "第一条"), (1, "第二条"), (1, "第三条"), (1, "第四条")],
    ),
    (
        "articles in every spacing",
        "第一条 ASCII空格。\n第二条　全角空格。\n第三条本条没有空格。\n第 四 条 字间有空格。\n第五条 　混合空格。",
        ARTICLES_1_TO_5,
    ),
    (
        "an article whose text looks like a cross-reference continues the run",
        "第一条 甲。\n第二条 乙。\n第三条中华人民共和国的法定货币是人民币。\n第四条 丁。\n第五条 戊。",
        ARTICLES_1_TO_5,
    ),
    (
        "a cross-reference at a paragraph start is text",
        "第一条 甲。\n第二条 乙：\n第十三条第四款规定的情形除外。\n第三条 丙。",
        [(1, "第一条"), (1, "第二条"), (1, "第三条")],
    ),
    (
        "a cross-reference that would continue the run loses to the real article",
        "第一条 甲。\n第二条 乙：\n第三条规定的期限届满的，依照本办法处理。\n第三条 丙。\n第四条 丁。",
        [(1, "第一条"), (1, "第二条"), (1, "第三条"), (1, "第四条")],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decoder_outline(name, text, expected):
    assert outline(parse(text)) == expected


def test_the_chapter_title_is_only_the_title_when_its_first_article_shares_the_line():
    doc = parse("第一章　总则　　第一条　为规范管理，制定本办法。\n第二条　本办法适用于全州。")
    chapter = doc.sections[0]
    assert chapter.title == "总则" and chapter.text == ""
    assert chapter.children[0].text == "为规范管理，制定本办法。"


def test_a_cross_reference_inside_a_sentence_is_never_split_off():
    doc = parse("第一条 甲。\n第二条 依照本条例第十三条处理。第十三条规定的除外。\n第三条 丙。")
    assert outline(doc) == [(1, "第一条"), (1, "第二条"), (1, "第三条")]
    assert doc.sections[1].text == "依照本条例第十三条处理。第十三条规定的除外。"


def test_a_skipped_heading_is_text_of_the_heading_before():
    doc = parse("一、甲\n做好工作。\n二、乙\n三)丙\n四、丁")
    assert doc.sections[1].text == "三)丙"


def test_the_decoder_keeps_every_heading_of_a_long_regulation_quickly():
    texts = []
    for n in range(1, 1000):
        texts += [f"第{n}条 正文：", "（一）甲；", "（二）乙；", "（三）丙。"]
    candidates = [Candidate(i, m, False) for i, t in enumerate(texts) if (m := match_candidate(t))]
    start = time.perf_counter()
    levels = beam_search(candidates)  # not decode(): a clean run takes its one-pass shortcut
    assert time.perf_counter() - start < 5  # about 0.1 s: linear in the number of markers
    assert len(levels) == len(texts)
    assert {levels[i] for i in range(0, len(texts), 4)} == {1}
    assert decode(candidates) == levels


# Paragraph starts from every style, in any order: where decode() takes its shortcut
# (every marker joins at no cost), the beam must give the same levels.
_MARKERS = (
    "第一章 第二章 第一节 第一条 第二条 第三条 第五条 第二条规定 "
    "一、 二、 三、 （一） （二） 1. 2. 1.1 1.2 （1） ① ② 一是"
).split()


@given(st.lists(st.sampled_from(_MARKERS), max_size=25), st.lists(st.booleans(), max_size=25))
def test_the_shortcut_for_clean_numbering_agrees_with_the_beam(starts, after_title):
    candidates = [
        Candidate(i, m, i < len(after_title) and after_title[i])
        for i, t in enumerate(starts)
        if (m := match_candidate(t + "内容。"))
    ]
    assert decode(candidates) == beam_search(candidates)


def validate(text: str) -> list[tuple[str, str]]:
    doc = parse(text)
    return [(d.code, d.message) for d in check_document(doc, today=dt.date(2025, 1, 1)) if d.code.startswith("PD2")]


def test_validate_reports_a_tolerated_skip_with_its_place():
    found = validate("第一条 甲。\n第二条 乙。\n第四条 丁。\n第五条 戊。")
    assert found == [("PD201", "numbering skips: 第四条 follows 第二条")]
    doc = parse("第一条 甲。\n第二条 乙。\n第四条 丁。\n第五条 戊。")
    [diag] = [d for d in check_document(doc) if d.code == "PD201"]
    assert diag.location == "第四条"


def test_validate_reports_a_tolerated_duplicate():
    found = validate("第一条 甲。\n第二条 乙。\n第二条 乙又。\n第三条 丙。")
    assert found == [("PD202", "numbering repeats: 第二条 again after 第二条")]


def test_validate_accepts_restarts_and_runs_across_parents():
    assert validate("一、甲\n（一）子。\n（二）子。\n二、乙\n（三）子。\n三、丙\n（一）子。") == []


REGULATIONS = ["行政法规__人民币管理条例(2018-03-19).md", "行政法规__保守国家秘密法实施条例(2024-07-10).md"]


@pytest.mark.parametrize("name", REGULATIONS)
def test_a_regulation_keeps_its_articles_after_a_bad_one(name):
    path: Path = SHARED / "wild" / "lawrefbook" / name
    if not path.exists():
        pytest.skip(f"{path} is not there")
    raw = path.read_text(encoding="utf-8")
    expected = {read_numeral(n) for n in re.findall(r"(?m)^[\s　#*]*第([零〇一二三四五六七八九十百]+)条", raw)}
    doc = policydoc.parse(path)
    found = {s.ordinal for s in doc.walk() if s.style == "article"}
    assert len(expected) > 40
    assert len(found & expected) >= 0.95 * len(expected)
