"""Text shapes: each is recognised, read into paragraphs, and stripped of page chrome.

Snippets are synthetic, written in the style of the real dumps (crawler exports,
Markdown conversions, one-line pages); the real ones are in ../shared/wild.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policydoc
from policydoc.api import detect_format
from policydoc.readers import READERS, sniff
from policydoc.readers.chrome import chrome_rule, find_official
from policydoc.readers.labels import read_labels
from policydoc.readers.lines import rejoin_fragments
from policydoc.readers.markdown import read_markdown
from policydoc.readers.oneline import read_one_line, split_line
from policydoc.readers.text import page_wrap, read_text, wrap_width
from policydoc.text import han_only

from .conftest import SHARED
from .conservation import missing

ARTICLES = "\n".join(
    f"第{n}条 本办法所称示范单位，是指在{n}个以上领域开展工作并取得成效的单位。" for n in "一二三四五六七八"
)
ONE_LINE_PAGE = (
    "关于印发《示范单位管理办法》的通知_某某省人民政府门户网站 设为首页 加入收藏 手机版 繁体 搜索 "
    "首 页 要闻动态 政务公开 当前位置： 首页 > 正文 首页 要闻动态 政务公开 "
    "关于印发《示范单位管理办法》的通知 2025年03月14日 17:00 来源： 省政府网 【打印】 【纠错】 "
    "关于印发《示范单位管理办法》的通知 省政发〔2025〕2号 各市人民政府，省政府各部门： "
    "《示范单位管理办法》已经省政府同意，现印发给你们，请认真贯彻执行。 某某省人民政府 2025年3月7日 "
    "示范单位管理办法 "
    + " ".join(f"第{n}条 {'示范单位应当' * 3}按照规定开展{n}项工作，并接受监督检查。" for n in "一二三四五六七八九十")
    + " 关闭 某某省人民政府办公厅 © 版权所有 联系我们 技术支持：某某科技有限公司 "
    "某ICP备12345678号 某公网安备00000000000号 返回顶部 " + "网站导航 " * 200
)


# --- which reader ---------------------------------------------------------------------------

SHAPES = [
    ("# 示范条例\n\n## 第一章 总则\n\n第一条 为了规范管理，制定本条例。\n", None, "markdown"),
    ("示范条例\n\n<!-- INFO END -->\n\n**第一条** 为了规范管理，制定本条例。\n", None, "markdown"),
    ("| 序号 | 名称 |\n|---|---|\n| 1 | 示范单位 |\n\n**说明**：见下表。\n", None, "markdown"),
    ("示范条例\n第一条 为了规范管理，制定本条例。\n", "notice.md", "text"),  # no Markdown in it
    ("示范条例\n**第一条** 为了规范管理，制定本条例。\n", "notice.md", "markdown"),
    ("Title: 示范通知\n\nURL Source: https://example.gov.cn/a.html\n\nMarkdown Content:\n正文。\n", None, "markdown"),
    ("<div><p>第一条 为了规范管理。</p><p>第二条 适用范围。</p></div>", None, "html"),
    (ONE_LINE_PAGE, None, "oneline"),
    ("示范办法\n" + ARTICLES + "\n", None, "text"),
    ("---\ntitle: 某某报道\n---\n<p>附全文：</p><p>第一条 为了规范管理。</p>\n", None, "sina"),
]


@pytest.mark.parametrize(("text", "path", "fmt"), SHAPES, ids=[s[2] + str(i) for i, s in enumerate(SHAPES)])
def test_shape_is_detected(text, path, fmt):
    assert sniff(text, path) == fmt
    assert detect_format(text.encode("utf-8"), path) == fmt


def test_reader_table_ends_with_a_reader_for_any_text():
    assert sniff("随便一行字", None) in {r.format for r in READERS}


def test_source_format_names_the_shape():
    markdown = "# 示范条例\n\n## 第一章 总则\n\n第一条 为了规范管理，制定本条例。\n"
    assert policydoc.parse(markdown).source.format == "markdown"
    assert policydoc.parse(ONE_LINE_PAGE).source.format == "oneline"
    assert policydoc.parse("示范办法\n" + ARTICLES).source.format == "text"


# --- Markdown -------------------------------------------------------------------------------

REGULATION_MD = """# 某某市示范管理条例

2020年6月1日 某某市第十五届人民代表大会常务委员会第二十次会议通过

<!-- INFO END -->

## 第一章 总则

**第一条** 为了加强示范管理，根据有关法律，制定本条例。

第二条 本条例适用于本市行政区域。

## 第二章 管理

### 第一节 一般规定

第三条 市人民政府负责示范管理工作。

| 序号 | 事项 | 金额 |
|---|---|---|
| 1 | 示范补助 | 10万元 |

1. 第一项事务
2. 第二项事务
"""


def test_markdown_headings_are_plain_paragraphs_and_markup_is_gone():
    texts = [b.text for b in read_markdown(REGULATION_MD).blocks]
    assert texts[0] == "某某市示范管理条例"
    assert "第一章 总则" in texts and "第一节 一般规定" in texts
    assert "第一条 为了加强示范管理，根据有关法律，制定本条例。" in texts
    assert "1.第一项事务" in texts  # markdown-it takes the number off; it comes back
    assert not any(mark in t for t in texts for mark in ("#", "**", "<!--", "|"))


def test_bold_that_commonmark_cannot_close_after_chinese_punctuation_loses_its_marks():
    """Regression: **——坚持分类施策。**对于… kept its ** (the closer, after 。 and before 对, is
    not right-flanking under CommonMark), and the preamble showed them."""
    source = "# 示范\n\n**——坚持分类施策。**对于不同情况分类处理。\n\n一是**强化监督。**各部门要落实。\n\n"
    source += "2 ** 3 = 8\n\n拟推荐人员：张**、李**。\n"
    texts = [b.text for b in read_markdown(source).blocks]
    # A product's stars and names masked by stars are text.
    assert texts[1:] == [
        "——坚持分类施策。对于不同情况分类处理。",
        "一是强化监督。各部门要落实。",
        "2 ** 3 = 8",
        "拟推荐人员：张**、李**。",
    ]


def test_markdown_table_rows_are_table_blocks():
    tables = [b.text for b in read_markdown(REGULATION_MD).blocks if b.kind == "table"]
    assert tables == ["序号\t事项\t金额", "1\t示范补助\t10万元"]  # cells apart by a tab


def test_markdown_regulation_gets_its_chapters_and_a_clean_title():
    doc = policydoc.parse(REGULATION_MD)
    assert [s.marker for s in doc.sections] == ["第一章", "第二章"]
    assert [c.marker for c in doc.sections[0].children] == ["第一条", "第二条"]
    assert doc.metadata.title and doc.metadata.title.startswith("某某市示范管理条例")
    assert "#" not in doc.metadata.title


def test_markdown_front_matter_gives_the_title_and_stays_out_of_the_text():
    read = read_markdown("---\ntitle: 示范办法\n---\n\n# 示范办法\n\n第一条 为了规范管理，制定本办法。\n")
    assert read.source_meta["title"] == "示范办法"
    assert [b.text for b in read.blocks] == ["示范办法", "第一条 为了规范管理，制定本办法。"]


def test_markdown_converter_labels_are_chrome():
    md = (
        "# 示范办法\n\n**版本**: 现行有效\n\n**来源**: /tmp/示范办法.docx\n\n---\n\n"
        "示范办法\n第一条 为了规范管理，制定本办法。\n"
    )
    assert [b.text for b in read_markdown(md).blocks] == ["示范办法", "第一条 为了规范管理，制定本办法。"]


# --- a page on one line ---------------------------------------------------------------------


def test_one_line_page_splits_into_paragraphs_and_keeps_the_official_text():
    read = read_one_line(ONE_LINE_PAGE)
    texts = [b.text for b in read.blocks]
    assert texts[0] == "关于印发《示范单位管理办法》的通知"
    assert texts[1] == "省政发〔2025〕2号"
    assert "第一条 示范单位应当示范单位应当示范单位应当按照规定开展一项工作，并接受监督检查。" in texts
    assert texts[-1].startswith("第十条")
    assert not any(w in t for t in texts for w in ("设为首页", "当前位置", "【打印】", "版权所有", "ICP备", "网站导航"))


def test_one_line_page_has_a_tree_and_a_title():
    doc = policydoc.parse(ONE_LINE_PAGE)
    assert doc.metadata.title == "关于印发《示范单位管理办法》的通知"
    assert doc.metadata.doc_number == "省政发〔2025〕2号"
    assert sum(1 for s in doc.sections for _ in s.walk()) == 10


SPLITS = [
    ("标题一 第一条 为了规范。 第二条 适用。", ["标题一", "第一条 为了规范。", "第二条 适用。"]),
    ("关于印发《示范单位 管理办法》的通知 正文", ["关于印发《示范单位管理办法》的通知", "正文"]),
    ("倡议 Global Data Flow Initiative 结束", ["倡议", "Global Data Flow Initiative", "结束"]),
    ("第五条 适用。 第六 条 鼓励报告。", ["第五条 适用。", "第六条 鼓励报告。"]),
]


@pytest.mark.parametrize(("line", "pieces"), SPLITS)
def test_split_line(line, pieces):
    assert split_line(line) == pieces


# --- label/value exports --------------------------------------------------------------------

LABELLED = """某某部关于印发示范单位管理办法的通知
首页
>
某某部
>
文件发布
发文机关：
某某部
标　　题：
某某部关于印发示范单位管理办法的通知
发文字号：
某部发〔2025〕12号
成文日期：
2025-12-05
文号：无
主题分类：
示范管理
某某部关于印发示范单位管理办法的通知
发布时间：2025-12-10 14:32
来源：某某司
各省、自治区、直辖市主管部门：
现将《示范单位管理办法》印发给你们，请认真贯彻执行。
某某部
2025年12月5日
【返回顶部】
【关闭窗口】
【打印本页】
"""


def test_label_values_go_to_source_meta_under_the_grid_keys():
    lines = [(n, t) for n, t in enumerate(LABELLED.splitlines(), 1)]
    _, meta = read_labels(lines)
    assert meta == {
        "issuer": "某某部",
        "title": "某某部关于印发示范单位管理办法的通知",
        "doc_number": "某部发〔2025〕12号",
        "date": "2025-12-05",
        "subject": "示范管理",
        "published_at": "2025-12-10 14:32",
    }


def test_label_value_dump_reads_as_the_document_alone():
    read = read_text(LABELLED)
    assert [b.text for b in read.blocks] == [
        "某某部关于印发示范单位管理办法的通知",
        "各省、自治区、直辖市主管部门：",
        "现将《示范单位管理办法》印发给你们，请认真贯彻执行。",
        "某某部",
        "2025年12月5日",
    ]
    doc = policydoc.parse(LABELLED)
    assert doc.metadata.title == "某某部关于印发示范单位管理办法的通知"
    assert doc.metadata.doc_number == "某部发〔2025〕12号"


def test_none_value_is_no_value():
    _, meta = read_labels([(1, "文号：无"), (2, "发文机关：某某局"), (3, "正文。")])
    assert meta == {"issuer": "某某局"}


# --- lines broken mid-token -----------------------------------------------------------------

REJOIN = [
    (["某部函", "〔", "2025", "〕", "349", "号"], ["某部函〔2025〕349号"]),
    (["某部函〔2025〕", "161号"], ["某部函〔2025〕161号"]),
    (["请于", "2025", "年", "10", "月", "15", "日前报送。"], ["请于2025年10月15日前报送。"]),
    (["某某部办公厅", "2025", "年", "8", "月", "26", "日"], ["某某部办公厅", "2025年8月26日"]),
    (["材料（", "1", "份）报送。"], ["材料（1份）报送。"]),
    (["（", "1", "）示范项目"], ["（1）示范项目"]),
    (["1", "．示范项目"], ["1．示范项目"]),
    (["补助资金", "10", "万元。"], ["补助资金10万元。"]),
    (["1.", "申报书", ".docx", "2.", "汇总表"], ["1.申报书.docx", "2.汇总表"]),
    (["5", ".元宇宙典型案例"], ["5.元宇宙典型案例"]),
    (["（咨询电话：", "010－62309514/5979", "）"], ["（咨询电话：010－62309514/5979）"]),  # a label and its value
    # Inside an open bracket a number alone is no list item broken from its text.
    (["填报申报书（申报书见附件", "1", "、附件", "2", "）。"], ["填报申报书（申报书见附件1、附件2）。"]),
    (["第二条", "中国人民银行负责管理。"], ["第二条 中国人民银行负责管理。"]),
    (["工作完成。", "二、保障措施"], ["工作完成。", "二、保障措施"]),
]


@pytest.mark.parametrize(("lines", "joined"), REJOIN)
def test_broken_tokens_rejoin(lines, joined):
    assert [t for _, t in rejoin_fragments(list(enumerate(lines, 1)))] == joined


def test_date_broken_across_lines_is_read_as_the_date():
    doc = policydoc.parse("关于示范工作的通知\n各单位：\n现将有关事项通知如下。\n某某局\n2021\n年\n2\n月\n2\n日\n")
    assert str(doc.metadata.date) == "2021-02-02"


# --- PDF text and one article per line ------------------------------------------------------


def test_articles_one_per_line_stay_articles():
    """Regression: lines `第三条 中华…` lost their space and read as the cross-reference 第三条中."""
    text = "\n".join(
        [
            "第一条 为了加强对示范资金的管理，维护示范资金的信誉，稳定示范秩序，根据有关法律，制定本条例。",
            "第二条 本条例所称示范资金，是指依法设立的专项资金，包括补助和奖励。",
            "第三条 中华人民共和国的示范资金由财政部门统一管理，任何单位和个人不得挪用。",
            "第四条 示范资金的单位为元，辅助单位为角、分。1元等于10角，1角等于10分。",
        ]
    )
    doc = policydoc.parse(text)
    assert [s.marker for s in doc.sections] == ["第一条", "第二条", "第三条", "第四条"]


# --- the chrome table -----------------------------------------------------------------------

CHROME = [
    ("===PAGE 12===", "any", "page-marker"),
    ("【打印】 【关闭】", "any", "controls"),
    ("字号：大 中 小", "any", "controls"),
    ("字体：[ 大 中 小 ]", "any", "controls"),
    ("扫一扫在手机打开当前页", "any", "controls"),
    ("【返回顶部】", "any", "controls"),
    ("当前位置：首页 > 政务公开 > 文件", "head", "breadcrumb"),
    ("首页>某某部>机关司局>科技司>文件发布", "head", "breadcrumb"),
    (">", "any", "breadcrumb-separator"),
    ("【法宝引证码】 CLI.11.1234567", "head", "citation-code"),
    ("原文链接：https://www.example.com/lar/abc.html", "any", "source-link"),
    ("详情页链接：http://www.example.gov.cn/a.html", "any", "source-link"),
    ("URL Source: https://www.example.gov.cn/a.html", "any", "source-link"),
    ("来源：某某司", "head", "crawler-label"),
    ("发布时间：2025-12-10 14:32", "head", "crawler-label"),
    ("正文", "head", "crawler-label"),
    ("2025年03月14日 17:00", "head", "publish-time"),
    ("浏览次数：1024", "any", "views"),
    ("某某省人民政府 © 版权所有", "tail", "footer"),
    ("京ICP备12345678号", "tail", "footer"),
    ("网站地图 | 联系我们", "tail", "footer"),
    ("相关解读：", "tail", "related-list"),
    ("26/03/2024, 11:46 示范条例 _ 工商 _ 某某网", "any", "print-header"),
    ("https://www.example.gov.cn/content_1.htm 2/13", "any", "print-footer"),
    # official text is never chrome
    ("第一条 为了规范管理，制定本办法。", "head", None),
    ("各省、自治区、直辖市人民政府：", "head", None),
    ("来源：某某司", "tail", None),  # a label only counts above the text
    ("中央网络安全和信息化委员会办公室", "tail", None),
    ("（此件公开发布）", "any", None),
    ("中", "head", "controls"),
    ("中华人民共和国", "head", None),
]


@pytest.mark.parametrize(("line", "zone", "name"), CHROME)
def test_chrome_table(line, zone, name):
    rule = chrome_rule(line, zone)
    assert (rule.name if rule else None) == name


def test_footer_and_related_links_leave_the_end():
    lines = list(
        enumerate(
            [
                "某某局关于示范工作的通知",
                "各单位：",
                "现将有关事项通知如下，请遵照执行。",
                "某某局",
                "2020年2月28日",
                "相关解读：",
                "解读《某某局关于示范工作的通知》",
            ],
            1,
        )
    )
    assert [t for _, t in find_official(lines)][-1] == "2020年2月28日"


def test_page_title_repeated_where_the_document_starts():
    lines = list(
        enumerate(["示范通知_某某省人民政府门户网站", "首页", "要闻", "示范通知", "各单位：", "正文内容。"], 1)
    )
    assert [t for _, t in find_official(lines)] == ["示范通知", "各单位：", "正文内容。"]


def test_official_text_survives_the_finder():
    """Everything the document says is still there once the chrome is out."""
    read = read_text(LABELLED)
    official = (
        "某某部关于印发示范单位管理办法的通知各省、自治区、直辖市主管部门："
        "现将《示范单位管理办法》印发给你们，请认真贯彻执行。某某部2025年12月5日"
    )
    assert han_only("".join(b.text for b in read.blocks)) == han_only(official)


# --- the wild set ---------------------------------------------------------------------------

WILD = SHARED / "wild"
WILD_TEXT = sorted(p for p in WILD.rglob("*") if p.suffix in (".md", ".txt")) if WILD.is_dir() else []


# Markdown syntax and the page chrome of wild-check's TITLE-CHROME signal (its ">" aside:
# nested book-title marks are sometimes typed <…>).
TITLE_LEAKS = (
    "#",
    "**",
    "<!--",
    "http",
    "首页",
    "当前位置",
    "标题：",
    "索引号",
    "【法宝",
    "===PAGE",
    "扫一扫",
    "字体",
    "浏览",
)


@pytest.mark.skipif(not WILD_TEXT, reason="../shared/wild is not beside the repository")
def test_no_markdown_syntax_or_chrome_reaches_a_title():
    leaks = []
    for path in WILD_TEXT:
        try:
            doc = policydoc.parse(path)
        except policydoc.PolicyDocError:
            continue
        for title in (doc.metadata.title, doc.title):
            if title and any(mark in title for mark in TITLE_LEAKS):
                leaks.append(f"{path.name}: {title[:60]}")
    assert leaks == []


@pytest.mark.skipif(not WILD_TEXT, reason="../shared/wild is not beside the repository")
@pytest.mark.parametrize("path", WILD_TEXT[::5], ids=lambda p: p.name[:40])
def test_wild_text_shapes_conserve_what_the_reader_found(path):
    """The reader is where chrome is defined (as for HTML); nothing it kept may be lost after it."""
    from policydoc.readers import read
    from policydoc.readers.encoding import decode

    data = path.read_bytes()
    fmt = detect_format(data, str(path))
    try:
        doc = policydoc.parse(path)
    except policydoc.PolicyDocError:
        pytest.skip("no document in this file")
    reference = [b.text for b in read(decode(data), fmt, str(path)).blocks]
    lost, _ = missing(reference, doc)
    assert not lost, f"characters lost: {dict(lost)}"


def test_plain_notice_is_never_trimmed():
    """Regression: a notice that merely repeats a line, or has a line 中 or 时间：…, is no page dump."""
    lines = list(enumerate(["附件一一", "附件一一", "中", "时间：", "三月", "正文内容。"], 1))
    assert find_official(lines) == lines


def test_head_parts_between_page_title_and_its_repeat_are_kept():
    """Regression: a converter's title heading above 文件 / 发文字号 / the title again."""
    md = (
        "# 某某银行关于示范工作的通知\n\n**某银发〔2014〕106号**\n\n---\n\n## 某某银行文件\n\n"
        "**某某银行关于示范工作的通知**\n\n各分行：\n\n现就有关问题通知如下。\n"
    )
    texts = [b.text for b in read_markdown(md).blocks]
    assert texts[:3] == ["某银发〔2014〕106号", "某某银行文件", "某某银行关于示范工作的通知"]


@pytest.mark.parametrize(
    ("glued", "line"),
    [
        ("-2-第二条 本条例适用于全市。", "第二条 本条例适用于全市。"),
        ("— 5 —（一）客户身份识别措施；", "（一）客户身份识别措施；"),  # before an item in brackets
        ("4第二条 本条例适用于全市。", "第二条 本条例适用于全市。"),  # a bare page number before an article
        ("2025年起施行。", "2025年起施行。"),
    ],
)
def test_page_number_glued_to_a_line_is_furniture(glued, line):
    read = read_text(f"示范条例\n第一条 为了规范管理，制定本条例。\n{glued}\n")
    assert [b.text for b in read.blocks][-1] == line


@pytest.mark.parametrize(
    ("pages", "furniture"),
    [
        (["- 3 -"], True),
        (["第3页 共21页"], True),
        (["--- 第32页 ---"], True),  # a converter's page separator
        (["3 / 21", "4 / 21"], True),  # page n of m, on every page
        (["3 -", "4 -"], True),  # - 3 - with its first dash lost
        (["26/03/2024, 11:46 某某条例 _ 某某网"] * 2, True),  # a browser's print header
        (["26/03/2024, 11:46 某某条例 _ 某某网", "https://www.example.gov.cn/content_1.htm 1/13"], True),  # and footer
        (["3 / 21"], False),  # once: it may be a table cell, or text
        (["2023 / 2024", "10 / 20"], False),  # no common page count
        (["9 ——"], False),  # a table cell meaning "none"
        (["3"], False),  # a bare number may be a table cell
        (["1/2"], False),
        (["2024-"], False),
        (["3-5年"], False),
        (["https://www.example.gov.cn/"], False),
    ],
)
def test_page_furniture_lines_are_left_out_of_text_dumps(pages: list[str], furniture: bool) -> None:
    articles = ["第一条 为了规范管理，制定本条例。", "第二条 本条例适用于全市。", "第三条 本条例自公布之日起施行。"]
    lines = ["示范条例", articles[0]]
    for line, article in zip(pages, articles[1:], strict=False):
        lines += [line, article]
    texts = [b.text for b in read_text("\n".join(lines) + "\n").blocks]
    assert all((line in texts) is not furniture for line in pages)


def test_browser_print_footer_glued_to_an_article_leaves_the_article_a_heading() -> None:
    """Regression: a page printed to PDF then converted to Markdown put the footer (address and
    page n/m) in front of the next page's first article, which was lost from the tree."""
    md = (
        "# 示范条例\n\n第一条 为了规范管理，制定本条例。\n\n26/03/2024, 11:46 示范条例 _ 某某网\n"
        "https://www.example.gov.cn/content_1.htm 2/13第二条 本条例适用于全市。\n第三条 本条例自公布之日起施行。\n"
    )
    doc = policydoc.parse(md, format="markdown")
    assert [s.marker for s in doc.sections] == ["第一条", "第二条", "第三条"]
    assert doc.sections[1].text == "本条例适用于全市。"


# A PDF's justified text: lines are not one width but anywhere in a band under the page width
# (punctuation squeezed, digits half width), each paragraph's last line shorter.
_CLAUSE = "各级机关应当依照本条例规定履行职责加强监督管理，做好相关工作"


def _justified(paragraphs: list[str], width: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for paragraph in paragraphs:
        rest = paragraph
        while len(rest) > width // 2:
            cut = min(len(rest), rng.randint(width - 3, width))
            lines.append(rest[:cut])
            rest = rest[cut:]
        lines.append(rest)
    return lines


def _article(n: str, clauses: int) -> str:
    return f"第{n}条　" + "，".join([_CLAUSE] * clauses) + "。"


LAW_ARTICLES = [_article(n, k) for n, k in zip("一二三四五六七八九", [2, 3, 1, 4, 2, 3, 2, 1, 3], strict=True)]


def test_justified_text_is_found_hard_wrapped_and_one_paragraph_per_line_is_not() -> None:
    wrapped = list(enumerate(_justified(LAW_ARTICLES, 30), start=1))
    wrap = page_wrap(wrapped)
    assert wrap is not None and 28 <= wrap.width <= 30 and wrap.slack >= 2
    assert page_wrap(list(enumerate(LAW_ARTICLES, start=1))) is None  # one paragraph a line
    # Widths spread over the whole band, and a few lines far above it (two lines the extraction
    # joined): wrap_width finds no width, the band is still found under the joined lines.
    lines = [_CLAUSE[: 26 + k % 5] for k in range(40)] + [_CLAUSE + _CLAUSE[:20]] * 6 + ["条例。"] * 20
    assert wrap_width(list(enumerate(lines, start=1))) is None
    wrap = page_wrap(list(enumerate(lines, start=1)))
    assert wrap is not None and 29 <= wrap.width <= 30 and wrap.slack >= 3
    # Headings: lines without a stop, as wide as their words.
    headings = [f"{n}、示范工作的{'总体' * k}要求" for k, n in enumerate("一二三四五六七八九十", start=1)]
    assert page_wrap(list(enumerate(headings, start=1))) is None


def test_hard_wrapped_pdf_text_in_markdown_is_rejoined_below_its_front_part() -> None:
    """Regression: a PDF's text converted to Markdown kept every wrapped line as a paragraph
    (``以下简\n称``), and a page number stood in the middle of an article."""
    lines = _justified(LAW_ARTICLES, 30)
    page_break = len(lines) // 2
    assert not lines[page_break - 1].endswith("。")  # the break falls inside a paragraph
    pages = ["\n".join(lines[:page_break]), "\n".join(lines[page_break:-2]), "\n".join(lines[-2:])]
    body = "\n\n3 / 21\n\n".join(pages[:2]) + "\n4 / 21\n" + pages[2]  # page n of m, on each page
    md = (
        "# 示范条例\n\n**版本**: 现行有效\n\n---\n\n（2024年1月1日示范机关令第1号公布，"
        "自2024年3月1日起施行）\n第一章　总则\n" + body + "\n"
    )
    doc = policydoc.parse(md, format="markdown")
    chapter = doc.sections[0]
    assert (chapter.marker, chapter.title) == ("第一章", "总则")
    assert [s.text for s in chapter.children] == [a.split("　", 1)[1] for a in LAW_ARTICLES]
    assert doc.metadata.title == "示范条例"
    assert not missing([line for line in md.splitlines() if "版本" not in line and " / 21" not in line], doc)[0]


def test_a_markdown_block_opening_with_a_marker_is_not_joined_to_a_full_line_before_it() -> None:
    lines = _justified(LAW_ARTICLES[:2], 30)
    cut = lines[-1]  # the page ends mid-sentence, the converter sets the next article apart
    full = cut + _CLAUSE[: 30 - len(cut)]
    md = "# 示范条例\n\n" + "\n".join([*lines[:-1], full]) + "\n\n**第三条** 本条例自公布之日起施行。\n"
    doc = policydoc.parse(md, format="markdown")
    assert [s.marker for s in doc.sections] == ["第一条", "第二条", "第三条"]


def test_an_article_printed_without_a_space_after_a_full_line_starts_a_paragraph() -> None:
    """Regression: 第四十五条中国人民银行… (no space: a weak marker) after a full line ending with
    。 was joined to it, and the article was lost."""
    paragraphs = [*LAW_ARTICLES[:3], "第四条中国" + LAW_ARTICLES[3].split("　", 1)[1]]  # 中 after 条: a weak marker
    lines = _justified(paragraphs, 30)
    end = next(i for i, line in enumerate(lines) if line.startswith("第四条"))
    lines[end - 1] = lines[end - 1][:-1] + _CLAUSE[: 29 - len(lines[end - 1])] + "。"  # a full line
    doc = policydoc.parse("\n".join(["示范条例", *lines]) + "\n", format="text")
    assert [s.marker for s in doc.sections] == ["第一条", "第二条", "第三条", "第四条"]


def test_a_markdown_hard_break_and_a_paragraph_left_on_one_line_end_paragraphs() -> None:
    """Regression: rejoining the wrapped lines of a PDF in Markdown ignored the hard breaks ("  ")
    the converter put at paragraph ends, and glued a page number after a paragraph the
    extraction left on one line."""
    kuan = [_article("七", 3), "本条所称示范单位，" + _CLAUSE + "。"]
    one_line = "第八条　" + _CLAUSE * 3 + "。"  # a whole paragraph on one line, half again the page width
    body = [
        *_justified(LAW_ARTICLES[:6], 30),
        "\n".join(_justified(kuan[:1], 30)) + "  ",  # a hard break ends the first 款
        *_justified(kuan[1:], 30),
        one_line,
        "4",
        *_justified(LAW_ARTICLES[8:], 30),
    ]
    doc = policydoc.parse("# 示范条例\n\n" + "\n".join(body) + "\n", format="markdown")
    sections = {s.marker: s.text for s in doc.sections}
    assert sections["第七条"].split("\n") == [kuan[0].split("　", 1)[1], kuan[1]]
    assert sections["第八条"].split("\n") == [one_line.split("　", 1)[1], "4"]


def test_hard_breaks_after_every_line_say_nothing_and_a_line_ending_a_bracket_goes_on() -> None:
    """Second review: a converter that puts a hard break after every line made every line a
    paragraph; and a glued line wider than the page ending with ）, before 的要求，…, ended its
    paragraph as if it ended a sentence."""
    lines = _justified(LAW_ARTICLES, 30)
    md = "# 示范条例\n\n" + "\n".join(line + "  " for line in lines) + "\n"
    doc = policydoc.parse(md, format="markdown")
    assert [s.text for s in doc.sections] == [a.split("　", 1)[1] for a in LAW_ARTICLES]
    glued = _CLAUSE + "，根据《某某规定》（某发〔2024〕1号）"  # wider than the page, ends with ）
    text = "\n".join(["示范条例", *_justified(LAW_ARTICLES[:5], 30), "第六条　" + glued, "的要求，做好工作。"])
    sections = {s.marker: s.text for s in policydoc.parse(text + "\n", format="text").sections}
    assert sections["第六条"] == glued + "的要求，做好工作。"


def test_a_paragraph_left_on_one_line_ending_with_a_quoted_stop_ends_it() -> None:
    """Third review: 修改为：“…。” left on one line, wider than the page, ends with a quote after
    its stop; the paragraph after it was glued on."""
    amended = "第六条　将第五条修改为：“" + _CLAUSE * 3 + "。”"
    text = "\n".join(["示范决定", *_justified(LAW_ARTICLES[:5], 30), amended, "本决定自公布之日起施行。"])
    sections = {s.marker: s.text for s in policydoc.parse(text + "\n", format="text").sections}
    assert sections["第六条"].split("\n") == [amended.split("　", 1)[1], "本决定自公布之日起施行。"]


def test_a_list_of_names_one_a_line_is_not_justified_text() -> None:
    """Regression: names of like widths, one a line and without stops, made a dense band and
    were read as a justified text and glued together."""
    # 20 to 25 characters: a dense band, as a justified text's wrapped lines make
    cities = enumerate("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳")
    names = [f"某某省{city}市{(k % 3) * '新区'}智能制造科技发展有限责任公司" for k, city in cities]
    head = ["某某厅关于公布企业名单的通知", "各设区市：", "现将有关事项通知如下：", "一、入选企业名单"]
    text = "\n".join([*head, *names])
    doc = policydoc.parse(text + "\n二、请各地加强跟踪服务。\n")
    assert doc.source.format == "text"
    assert doc.sections[0].text.split("\n") == names


def test_format_can_be_forced_and_parse_text_reads_every_text_shape():
    md = "# 示范条例\n\n## 第一章 总则\n\n第一条 为了规范管理，制定本条例。\n"
    assert {"markdown", "oneline", "text", "pdf-text"} <= set(policydoc.FORMATS)
    assert policydoc.parse(md, format="text").source.format == "text"
    assert policydoc.parse_text(md).source.format == "markdown"
    assert policydoc.parse_text(ONE_LINE_PAGE).source.format == "oneline"


def test_document_title_may_add_its_issuers_to_the_page_title():
    lines = list(
        enumerate(
            [
                "关于印发《示范规则》的通知_某某省人民政府门户网站",
                "2025年12月20日",
                "某某委、某某局关于印发《示范规则》的通知",
                "各单位：",
                "正文。",
            ],
            1,
        )
    )
    assert find_official(lines)[0][1] == "某某委、某某局关于印发《示范规则》的通知"


LINE_PIECES = st.sampled_from(
    "2025 年 8 月 26 日 （ ） 〔 〕 1 ． 号 万元 。 第一条 一、 （一） 1. 某某部办公厅 请于 日前报送。 申报书 .docx "
    "https://example.gov.cn/a 工作完成。 各单位：".split()
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(LINE_PIECES, min_size=1, max_size=3).map("".join), min_size=1, max_size=25))
def test_rejoin_keeps_every_character_in_order(lines):
    out = rejoin_fragments(list(enumerate(lines, 1)))
    assert "".join("".join(t.split()) for _, t in out) == "".join("".join(t.split()) for t in lines)


def test_text_whose_commonest_width_is_rare_among_lines_near_it_is_still_read():
    # The commonest long-line width (10, once) is rarer than a fifth of the lines within 1.5 of
    # it (ten lines of 9): the widest "common" width was looked for among none, and the
    # file was refused as unreadable text.
    lines = ["一" * 10] + ["二" * w for w in range(20, 27)] + ["三" * 9] * 10
    doc = policydoc.parse("\n".join(lines).encode(), format="text")
    assert han_only(doc.model_dump_json()).count("三") >= 90


# --- bold printed twice (overprint), copied out of a PDF ---------------------------------------

OVERPRINTED_LINES = [
    ("第一条第一条　根据本法，制定本条例。", "第一条　根据本法，制定本条例。"),
    ("第一章　总　　则 第一章　总　　则", "第一章　总　　则"),
    ("某某部令 某某部令 ", "某某部令"),
    ("示范条例示范条例", "示范条例"),
    ("第二章　监督管理  第二章　监督管理", "第二章　监督管理"),
    # Not overprint: nothing twice, a run too short, a cross-reference after a marker.
    ("第三条　依照本条例第十三条处理。", "第三条　依照本条例第十三条处理。"),
    ("哈哈", "哈哈"),
    ("第四条　第四条所称单位是指机关。", "第四条　第四条所称单位是指机关。"),
]


@pytest.mark.parametrize(("line", "once"), OVERPRINTED_LINES)
def test_overprinted_bold_is_read_once(line, once):
    from policydoc.readers.overprint import read_once

    evidence = ["第一条第一条　总则。", "第二条第二条　适用范围。"]
    rows = list(enumerate([*evidence, line], start=1))
    text = "\n".join(t for _, t in rows)
    assert read_once(text, rows)[-1] == (3, once)


def test_one_doubled_line_is_no_evidence_of_overprint():
    from policydoc.readers.overprint import read_once

    rows = [(1, "第一条第一条　总则。"), (2, "示范条例示范条例")]
    assert read_once("\n".join(t for _, t in rows), rows) == rows


def test_regulation_copied_from_an_overprinted_pdf_has_single_headings_and_titles():
    text = "\n".join(
        [
            "示范条例 示范条例",
            "第一章　总　　则 第一章　总　　则",
            "第一条第一条　为了规范示范工作，制定本条例。",
            "第二条第二条　本条例适用于示范单位。",
            "第二章　附　　则 第二章　附　　则",
            "第三条第三条　本条例自公布之日起施行。",
        ]
    )
    markdown = "# 示范\n\n" + text.replace("\n", "\n\n")
    for doc in (policydoc.parse_text(text), policydoc.parse(markdown.encode(), format="markdown")):
        assert [s.title for s in doc.sections] == ["总则", "附则"]
        articles = [a for s in doc.sections for a in s.children]
        assert [a.marker for a in articles] == ["第一条", "第二条", "第三条"]
        assert articles[0].text == "为了规范示范工作，制定本条例。"


def test_bare_page_numbers_counting_pages_are_furniture_and_serials_are_not():
    """Regression: PDF text converted to Markdown kept a bare page number (1, 2, 3 … at each page
    top); the first was glued to the title, the others to the last sentence of a page."""
    page = [f"第{n}条 本条例规定示范事项，内容较长需要多行。" for n in range(1, 21)]  # a page of text
    lines = ["示范条例"]
    for number in ("1", "2", "3"):
        lines += [number, *page]
    texts = [b.text for b in read_text("\n".join(lines)).blocks]
    assert not {"1", "2", "3"} & set(texts)
    # Serials of a table (rows of a dozen cells, one a line), or a number its next line
    # continues, stay.
    cells = [f"某某单位第{k}项" for k in range(11)]
    table = ["序号", "名称", "1", *cells, "2", *cells, "3", *cells]
    kept = "\n".join(b.text for b in read_text("\n".join(["示范名单", *table])).blocks)
    assert all(re.search(rf"(?<!\d){n}(?!\d)", kept) for n in ("1", "2", "3"))  # not taken as pages
    # A stray cell 2 on page 1 joins no run: the pages 1, 2, 3 below it are found.
    stray = ["示范条例", "2", *page[:3], "1", *page, "2", *page, "3", *page]
    texts = [b.text for b in read_text("\n".join(stray)).blocks]
    assert texts.count("2") + sum(t.endswith("2") for t in texts) == 1
    items = ["示范方案"]
    for number in ("1", "2", "3"):
        items += [number, "．示范项目", *page]
    assert "1．示范项目" in [b.text for b in read_text("\n".join(items)).blocks]


def test_a_notices_technical_support_contact_is_no_site_footer():
    """Regression: 平台技术支持：某某 电话 in a crawled notice's contacts was read as a site's footer
    credit, and everything below it (attachments, signature, date) was dropped as chrome."""
    dump = [
        "示范通知_某某部网站",
        "发文机关：",
        "某某部办公厅",
        "标　　题：",
        "某某部办公厅关于开展示范工作的通知",
        "某某部办公厅关于开展示范工作的通知",
        "各有关单位：",
        "一、工作要求。请按要求报送材料。",
        "二、联系方式",
        "联系人及电话：张某 010-12345678",
        "平台技术支持：李某 13512345678",
        "附件：1.示范申报书",
        "2.示范汇总表",
        "某某部办公厅",
        "2025年11月10日",
    ]
    doc = policydoc.parse_text("\n".join(dump))
    assert doc.closing == ["某某部办公厅", "2025年11月10日"]
    assert doc.metadata.attachments == ["示范申报书", "示范汇总表"]
    # Below the notice's date the same credit is the site's footer.
    doc = policydoc.parse_text("\n".join([*dump, "主办单位：某某部", "技术支持：某某科技有限公司"]))
    assert doc.closing == ["某某部办公厅", "2025年11月10日"]


def _wrapped(paragraph: str, width: int = 30) -> list[str]:
    return [paragraph[k : k + width] for k in range(0, len(paragraph), width)]


def test_hard_wrapped_front_of_a_markdown_notice_is_rejoined_and_its_signers_stay_apart() -> None:
    """Regression: a PDF's text in Markdown kept the front part line by line: an addressee wrapped
    over four lines was no addressee, the cover sentence stayed broken; once rejoined, a signer
    (总理 李强) after a full line ending with 。 must not run on into it."""
    addressee = (
        "某某银行上海总部，各分行、营业管理部，各省会（首府）城市中心支行，各副省级城市中心支行；"
        "各国有商业银行；各非银行支付机构；某某清算有限公司："
    )
    opening = "为加强支付受理终端及相关业务管理，维护支付市场秩序，保护消费者合法权益，现就有关事项通知如下："
    items = [article.replace("条　", "、", 1).replace("第", "", 1) for article in LAW_ARTICLES[:4]]
    text = [*_wrapped(addressee), *_wrapped(opening), *(line for item in items for line in _wrapped(item))]
    md = "# 某某银行关于加强终端管理的通知\n\n---\n\n" + "\n".join(text) + "\n"
    doc = policydoc.parse(md, format="markdown")
    assert doc.metadata.addressees[0] == "某某银行上海总部" and doc.metadata.addressees[-1] == "某某清算有限公司"
    assert doc.preamble == opening

    cover = "《某某条例》已经国务院常务会议审议通过，现予公布，自公布之日起施行。"
    cover_lines = _wrapped(cover, 20)
    cover_lines[-1] += _CLAUSE[: 20 - len(cover_lines[-1]) - 1] + "。"  # a full last line
    order = ["# 某某条例", "", "某某国务院令", "第778号", *cover_lines, "总理　李强", "2024年3月15日", "某某条例"]
    articles = [line for article in LAW_ARTICLES[:3] for line in _wrapped(article, 20)]
    doc = policydoc.parse("\n".join([*order, *articles]) + "\n", format="markdown")
    sentence, signer = doc.cover.split("\n")  # the sentence rejoined, the signer on its own line
    assert sentence.startswith("《某某条例》已经国务院") and sentence.endswith("。") and signer == "总理 李强"
