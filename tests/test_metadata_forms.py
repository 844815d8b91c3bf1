"""Metadata from the forms notices take in the wild, one short synthetic notice per form.

Each case is a notice written in the real style (not copied): the lines as a crawler or
converter leaves them, and the fields the notice states. A field it does not state stays
empty; page furniture never becomes a field.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policydoc
from policydoc.docparts import NONE_VALUES, TITLE_CHROME
from policydoc.front import read_front
from policydoc.metadata import stated_fields
from policydoc.validate import check_document

from .conftest import SHARED

BODY = ["一、总体要求", "做好有关工作。", "二、保障措施", "加强组织领导。"]


def parse_lines(lines: list[str]) -> policydoc.PolicyDocument:
    return policydoc.parse("\n".join(lines))  # the format as detected, as a user gets it


FORMS = [
    pytest.param(
        [
            "某某省人民政府办公厅关于全面推行行政规范性文件",
            "备案审查机制的指导意见",
            "某政办发〔2024〕9号",
            "各市人民政府，省政府各部门：",
            "现提出如下意见。",
            *BODY,
            "某某省人民政府办公厅",
            "2024年5月6日",
        ],
        {
            "title": "某某省人民政府办公厅关于全面推行行政规范性文件备案审查机制的指导意见",
            "issuer": ["某某省人民政府办公厅"],
            "doc_number": "某政办发〔2024〕9号",
            "date": "2024-05-06",
        },
        id="two-line-title-ending-in-wenjian-is-not-an-issuer-mark",
    ),
    pytest.param(
        ["某某省人民政府办公厅印发关于支持小微企业若干措施的通知", "各市人民政府，省政府各部门：", *BODY],
        {"title": "某某省人民政府办公厅印发关于支持小微企业若干措施的通知", "issuer": ["某某省人民政府办公厅"]},
        id="yinfa-is-not-part-of-the-issuer",
    ),
    pytest.param(
        [
            "某某部等三部门关于推动新兴产业发展的实施意见",
            "各省、自治区、直辖市有关部门：",
            *BODY,
            "某某部",
            "某某委员会",
            "某某科学院",
            "2024年1月8日",
        ],
        {"issuer": ["某某部", "某某委员会", "某某科学院"], "date": "2024-01-08"},
        id="deng-n-bumen-issuers-are-the-signers",
    ),
    pytest.param(
        ["某某部等三部门关于推动新兴产业发展的实施意见", "各有关单位：", *BODY],
        {"issuer": []},
        id="deng-n-bumen-without-signature-is-no-guess",
    ),
    pytest.param(
        ["中国人民银行 某某监管总局 某某委关于金融支持养老事业的指导意见", "各有关单位：", *BODY],
        {"issuer": ["中国人民银行", "某某监管总局", "某某委"]},
        id="joint-issuers-separated-by-spaces",
    ),
    pytest.param(
        [
            "某某市数据管理办法",
            "某某市人民政府令",
            "（第16号）",
            "《某某市数据管理办法》已经市政府常务会议通过，现予公布。",
            "市长 某某某",
            "2020年5月15日",
            "第一条 为了规范管理，制定本办法。",
            "第二条 本办法自公布之日起施行。",
        ],
        {
            "title": "某某市数据管理办法",
            "doc_number": "某某市人民政府令第16号",
            "issuer": ["某某市人民政府"],
            "date": "2020-05-15",
        },
        id="order-with-bracketed-serial",
    ),
    pytest.param(
        [
            "某某银行令〔2016〕第3号",
            "根据有关法律规定，某某银行修订了本办法，现予发布。",
            "行 长 某某某",
            "2016年12月28日",
            "某某交易报告管理办法",
            "第一条 为了规范报告，制定本办法。",
            "第二条 本办法自发布之日起施行。",
        ],
        {"doc_number": "某某银行令〔2016〕第3号", "issuer": ["某某银行"], "date": "2016-12-28"},
        id="order-with-year-in-brackets",
    ),
    pytest.param(
        [
            "某某交易报告管理办法",
            "某某银行令",
            "（〔2007〕第 1 号）",
            "根据有关法律规定，某某银行制定了本办法，现予发布。",
            "行长：某某某",
            "二○○七年六月十一日",
            "第一条 为了规范报告，制定本办法。",
            "第二条 本办法自发布之日起施行。",
        ],
        {"title": "某某交易报告管理办法", "doc_number": "某某银行令〔2007〕第1号", "issuer": ["某某银行"]},
        id="order-below-its-title-with-bracketed-year-serial",
    ),
    pytest.param(
        [
            "某某委员会关于组织申报2024年度项目的通知",
            "某基金函字〔2024〕58号",
            "各有关单位：",
            "现将有关事项通知如下：",
            *BODY,
            "某某省基础研究基金委员会",
            "2024年12月10日",
            "原文链接：https://example.gov.cn/post_1.html",
        ],
        {"issuer": ["某某省基础研究基金委员会"], "date": "2024-12-10", "doc_number": "某基金函字〔2024〕58号"},
        id="signature-and-date-followed-by-source-link",
    ),
    pytest.param(
        ["某某银行 某某委关于防范虚拟货币风险的通知（银发〔2026〕42号）", "各省、自治区、直辖市人民政府：", *BODY],
        {"title": "某某银行 某某委关于防范虚拟货币风险的通知", "doc_number": "银发〔2026〕42号"},
        id="doc-number-only-in-the-title-brackets",
    ),
    pytest.param(
        ["关于印发《某某标识办法》的通知", "各有关单位：", "现将《某某标识办法》印发给你们。", *BODY],
        {"title": "关于印发《某某标识办法》的通知", "issuer": [], "doc_number": None, "date": None},
        id="no-issuer-printed-is-null-never-a-guess",
    ),
    pytest.param(
        ["# 某某银行 某某委关于支持养老金融的指导意见", "**版本**: 现行有效", "---", "各有关单位：", *BODY],
        {"title": "某某银行 某某委关于支持养老金融的指导意见", "issuer": ["某某银行", "某某委"]},
        id="markdown-marks-are-not-an-issuer",
    ),
    pytest.param(
        ["某某事件报告管理办法", "（2025年9月11日 某某信息办公室）", "第一条 为了规范，制定。", "第二条 施行。"],
        {"issuer": ["某某信息办公室"], "date": "2025-09-11"},
        id="dating-note-under-a-rules-title",
    ),
    pytest.param(
        ["某某数据安全管理办法", "（2024年12月1日起施行）", "第一条 为了规范，制定。", "第二条 施行。"],
        {"issuer": [], "date": "2024-12-01"},
        id="effective-date-note-names-no-body",
    ),
    pytest.param(
        [
            "某市市容管理条例",
            "2012年8月30日 某市第十三届人民代表大会常务委员会第十次会议通过",
            "2018年8月29日 某市第十五届人民代表大会常务委员会第五次会议《关于修改部分地方性法规的决定》修正",
            "2018年11月29日 某省第十三届人民代表大会常务委员会第七次会议批准的《某市人民代表大会常务委员会关于"
            "修改部分地方性法规的决定》修正",
            "第一条 为了加强管理，制定本条例。",
            "第二条 本条例自公布之日起施行。",
        ],
        {"issuer": ["某市人民代表大会常务委员会"], "date": "2018-08-29"},
        id="city-regulation-approved-by-the-province-is-the-citys",
    ),
    pytest.param(
        ["某某管理条例", "1987年8月22日 国务院发布", "第一条 为了管理，制定本条例。", "第二条 本条例施行。"],
        {"issuer": ["国务院"], "date": "1987-08-22"},
        id="record-body-that-published-it",
    ),
    pytest.param(
        ["某某暂行规定", "1997年4月10日 某某总署第61号令发布", "第一条 为了规范，制定。", "第二条 施行。"],
        {"issuer": ["某某总署"], "doc_number": "某某总署第61号令"},
        id="record-order-serial-before-ling",
    ),
    pytest.param(
        ["某某条例", "2014年5月28日 某省人大常委会第十次会议通过", "总则", "第一条 为了规范，制定。", "第二条 施行。"],
        {"title": "某某条例"},
        id="chapter-name-without-its-marker-is-no-title-line",
    ),
    pytest.param(
        [
            "某某规定",
            "2002年9月18日 国务院第63次常务会议通过",
            "2002年10月1日 中华人民共和国国务院令第364号公布",
            "2002年12月1日 施行",
            "第一条 为了保护未成年人，制定本规定。",
            "第二条 本规定自公布之日起施行。",
        ],
        {
            "title": "某某规定",
            "doc_number": "中华人民共和国国务院令第364号",
            "issuer": ["国务院"],
            "date": "2002-10-01",
        },
        id="law-database-record-promulgation",
    ),
    pytest.param(
        [
            "某某市设施管理办法",
            "1990年7月20日 某某市第十届人民代表大会常务委员会第十七次会议通过",
            "1990年8月30日 某某省第七届人民代表大会常务委员会第十七次会议批准",
            "根据2017年10月27日某某市第十六届人民代表大会常务委员会第四次会议《关于修改部分法规的决定》第六次修正",
            "第一条 为了加强管理，制定本办法。",
            "第二条 本办法自公布之日起施行。",
        ],
        {
            "title": "某某市设施管理办法",
            "issuer": ["某某市人民代表大会常务委员会"],
            "date": "2017-10-27",
            "doc_number": None,
        },
        id="law-database-record-latest-amendment",
    ),
    pytest.param(
        [
            "关于印发《某某标识办法》的通知",
            "某办通字〔2025〕2号",
            "各有关单位：",
            "现将《某某标识办法》印发给你们。",
            "某某信息办公室 某某部 某某总局 2025年3月7日",
            "某某标识办法",
            "第一条 为了规范标识，制定本办法。",
            "第二条 本办法自发布之日起施行。",
        ],
        {"issuer": ["某某信息办公室", "某某部", "某某总局"], "date": "2025-03-07", "doc_number": "某办通字〔2025〕2号"},
        id="signers-and-date-on-one-line",
    ),
    pytest.param(
        [
            "某某银行某某保护实施办法（人民银行〔2020〕5号令）",
            "《某某保护实施办法》已经行务会议审议通过，现予发布。",
            "2020年9月15日",
            "第一条 为了保护消费者，制定本办法。",
            "第二条 本办法自发布之日起施行。",
        ],
        {"title": "某某银行某某保护实施办法", "doc_number": "人民银行〔2020〕5号令", "date": "2020-09-15"},
        id="order-written-number-first",
    ),
    pytest.param(
        [
            "某某条例",
            "1990年5月6日 中华人民共和国某某管理局令第7号发布",
            "2012年11月9日 《国务院关于修改和废止部分行政法规的决定》第一次修订",
            "2020年12月14日 《国务院关于修改某某条例的决定》第二次修订）",
            "## 第一章 总 则",
            "第一条 为了规范管理，制定本条例。",
            "第二条 本条例自公布之日起施行。",
        ],
        {
            "title": "某某条例",
            "doc_number": "中华人民共和国某某管理局令第7号",
            "issuer": ["国务院"],
            "date": "2020-12-14",
        },
        id="law-database-record-amended-by-decision",
    ),
    pytest.param(
        [
            "某某优待条例",
            "2024年8月5日 中华人民共和国国务院、中华人民共和国中央军事委员会令第788号第三次修订",
            "第一条 为了保障权益，制定本条例。",
            "第二条 本条例自公布之日起施行。",
        ],
        {
            "doc_number": "中华人民共和国国务院、中华人民共和国中央军事委员会令第788号",
            "issuer": ["国务院", "中央军事委员会"],
        },
        id="joint-order-in-a-record",
    ),
    pytest.param(
        [
            "# 某某银行执法检查规定",
            "*2022年4月14日发布，自2022年6月1日起施行*",
            "---",
            "## 第一章 总则",
            "**第一条** 为了规范执法检查，制定本规定。",
            "**第二条** 本规定自2022年6月1日起施行。",
        ],
        {"title": "某某银行执法检查规定", "date": "2022-04-14"},
        id="markdown-record-and-chapter-line-not-title",
    ),
    pytest.param(
        [
            "某某规定",
            "（2022年4月14日某某银行令〔2022〕第2号公布 自2022年6月1日起施行）",
            "第一条 为了规范，制定本规定。",
            "第二条 本规定自公布之日起施行。",
        ],
        {"doc_number": "某某银行令〔2022〕第2号", "issuer": ["某某银行"]},
        id="order-in-a-publication-note-without-its-date",
    ),
    pytest.param(
        [
            "某某厅关于印发某某行动计划(2021—2023年)的通知",
            "某某厅关于印发某某行动计划（2021-2023年）的通知",
            "各有关单位：",
            *BODY,
        ],
        {"title": "某某厅关于印发某某行动计划（2021-2023年）的通知"},
        id="title-repeated-with-other-brackets-and-dashes",
    ),
    pytest.param(
        ["中共某某省某某局党组关于某某同志职务任免的通知", "各处室：", "经研究，决定：", "某某同志任某某处副处长。"],
        {"issuer": ["中共某某省某某局党组"]},
        id="party-group-is-an-issuer",
    ),
    pytest.param(
        [
            "# 中华人民共和国某某法",
            "（1996年3月17日第八届全国人民代表大会第四次会议通过 根据2009年8月27日第十一届全国人民代表大会常务委员会"
            "第十次会议《关于修改部分法律的决定》第一次修正 "
            "2021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订）",
            "## 目录",
            "- 第一章 总则",
            "- 第二章 附则",
            "## 第一章 总则",
            "第一条 为了规范管理，制定本法。",
            "第二条 本法自公布之日起施行。",
        ],
        {"title": "中华人民共和国某某法", "issuer": ["全国人民代表大会常务委员会"], "date": "2021-01-22"},
        id="law-with-bracketed-record-and-table-of-contents",
    ),
    pytest.param(
        [
            "某某部办公厅 某某部办公厅 关于组织开展典型案例推荐工作的通知",
            "首页",
            ">",
            "文件发布",
            "某某部办公厅 某某部办公厅",
            "关于组织开展典型案例推荐工作的通知",
            "各有关单位：",
            *BODY,
        ],
        {"title": "某某部办公厅 某某部办公厅关于组织开展典型案例推荐工作的通知"},
        id="page-copy-of-a-title-set-over-two-lines",
    ),
    pytest.param(
        ["某某省人民政府办公厅转发某某厅关于加强某项工作意见的通知", "各市人民政府：", *BODY],
        {"issuer": ["某某省人民政府办公厅"]},
        id="zhuanfa-is-not-part-of-the-issuer",
    ),
    pytest.param(
        [
            "# 某某银行关于加强终端管理的通知（银发〔2021〕259号）**版本**: 现行有效",
            "**来源**: /a/b.pdf**更新时间**: 2026-02-18",
            "---",
            "各有关单位：",
            *BODY,
        ],
        {"title": "某某银行关于加强终端管理的通知", "doc_number": "银发〔2021〕259号"},
        id="markdown-label-glued-to-the-title-line",
    ),
    pytest.param(
        ["某某部办公厅关于开展申报工作的通知", "某厅科函", "〔", "2025", "〕", "349", "号", "各有关单位：", *BODY],
        {"title": "某某部办公厅关于开展申报工作的通知", "doc_number": "某厅科函〔2025〕349号"},
        id="doc-number-split-into-inline-runs",
    ),
    pytest.param(
        ["某某部办公厅关于开展", "申报工作的通知", "某厅函〔2025〕3号", "各有关单位：", *BODY],
        {"title": "某某部办公厅关于开展申报工作的通知", "doc_number": "某厅函〔2025〕3号"},
        id="title-line-before-a-number-is-not-part-of-it",
    ),
]


@pytest.mark.parametrize(("lines", "expected"), FORMS)
def test_metadata_forms(lines, expected):
    meta = parse_lines(lines).metadata.model_dump(mode="json")
    assert {key: meta[key] for key in expected} == expected


LABELS = [
    pytest.param(
        ["发文机关：某某部", "发文字号：某部发〔2025〕1号", "成文日期：2025-06-07"],
        {"issuer": "某某部", "doc_number": "某部发〔2025〕1号", "date": "2025-06-07"},
        id="value-on-the-line",
    ),
    pytest.param(
        [
            "发文机关：",
            "某某部办公厅",
            "标　　题：",
            "某某部办公厅关于开展试点的通知",
            "发文字号：",
            "某厅函〔2024〕3号",
        ],
        {"issuer": "某某部办公厅", "title": "某某部办公厅关于开展试点的通知", "doc_number": "某厅函〔2024〕3号"},
        id="value-on-the-next-line",
    ),
    pytest.param(
        ["文号：无", "发布时间：2020-02-11"],
        {"doc_number": None, "published_at": "2020-02-11"},
        id="wenhao-wu-means-none",
    ),
]


@pytest.mark.parametrize(("lines", "labels"), LABELS)
def test_label_lines_are_read_not_joined_into_the_title(lines, labels):
    front = read_front([*lines, "某某部关于开展试点的通知", "各有关单位："])
    assert {key: front.labels.get(key) for key in labels} == labels
    assert front.title_lines == ["某某部关于开展试点的通知"]


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ({"doc_number": "无"}, {}),
        ({"doc_number": "国办发〔2018〕115号"}, {"doc_number": "国办发〔2018〕115号"}),
        ({"title": "首页 > 政策文件 > 正文"}, {}),
        ({"issuer": "《某某局关于…》解读"}, {}),
        ({"date": "2024-13-45"}, {}),
        ({"date": "2018年12月04日"}, {"date": "2018年12月04日"}),
        ({"title": "粤公网安备44010402001594号 版权所有：某某局"}, {}),
    ],
)
def test_stated_values_that_are_placeholders_or_chrome_fill_nothing(source, kept):
    assert stated_fields({}, source) == kept


def test_labels_in_the_text_beat_the_container():
    assert stated_fields({"doc_number": None}, {"doc_number": "某发〔2020〕1号"}) == {}


@pytest.mark.parametrize(
    "head",
    [
        ["某某部关于开展试点的通知", "首页", ">", "某某部", ">", "机关司局", ">", "文件发布"],
        ["【法宝引证码】CLI.1.234", "原文链接：https://example.com/x.html", "某某部关于开展试点的通知"],
        [
            "标题：某某部关于开展试点的通知",
            "链接：http://www.example.gov.cn/post_1.html",
            "正文",
            "某某部关于开展试点的通知",
        ],
        ["===PAGE 1===", "--- 第1页 ---", "- 2 -", "1 / 21", "某某部关于开展试点的通知"],
        ["某某部关于开展试点的通知", "相关文件：某某部关于印发某某办法的通知"],
        ["某某部关于开展试点的通知", "听全文"],  # a read-aloud button
    ],
    ids=[
        "breadcrumb",
        "database-citation-and-link",
        "crawler-labels",
        "pdf-dump-page-markers",
        "related-document",
        "read-aloud-button",
    ],
)
def test_page_furniture_never_becomes_the_title(head):
    d = parse_lines([*head, "各有关单位：", *BODY])
    assert d.metadata.title == "某某部关于开展试点的通知"


@pytest.mark.parametrize(
    "cover",
    [
        ["《某某条例》已经2024年2", "月23日国务院第26次常务会议通过，现予公布，自2024年7月1日起", "施行。"],
        ["《某某办法》已由某某委员会于2024年11月8日修订通过，现予公布，自2025年", "1月1日起施行。"],
    ],
    ids=["yijing", "yiyou"],
)
def test_an_orders_promulgation_sentence_is_cover_text_not_title(cover):
    """Regression: the 令's 《…》已经…通过，现予公布 sentence, wrapped in a PDF's text before its
    stop, was joined to the title."""
    signed = ["总理　某某", "2024年3月15日"]
    d = parse_lines(["某某条例", "（国务院令第778号）", *cover, *signed, "第一条 为了规范管理，制定本条例。"])
    assert d.metadata.title == "某某条例"
    assert d.cover.startswith("《某某")


@pytest.mark.parametrize(
    "head",
    [
        [
            "某某银行关于加强终端管理的通知（某发〔2021〕259号）",
            "某某银行各分行，各营业管理部，各中心支行，各副",
            "省级中心支行：",
            "为加强管理，现就有关事项通知如下：",
        ],
        ["某某省支付服务提质行动方案(2026-2028年)", "为深入贯彻有关部署，进一步改善服务环境，特制定本行动方案", "。"],
    ],
    ids=["addressees-wrapped", "opening-sentence-wrapped"],
)
def test_a_line_with_a_comma_after_a_whole_title_is_not_title(head):
    """Regression: in a PDF's text the addressees or the opening sentence, wrapped before their
    colon or stop, were joined to a title that already ended with its kind of document."""
    d = parse_lines([*head, "一、总体要求", "（一）做好相关工作。", "二、保障措施", "（一）加强组织领导。"])
    assert d.metadata.title == head[0].split("（某发")[0]


@pytest.mark.parametrize(
    ("order_head", "number", "issuers"),
    [
        (["某某信息办公室令", "第18号"], "某某信息办公室令第18号", ["某某信息办公室"]),
        (["某某信息办公室", "中华人民共和国某某部", "令", "第19号"], "某某信息办公室等二部门令第19号",
         ["某某信息办公室", "中华人民共和国某某部"]),
    ],
    ids=["one-body", "joint"],
)
def test_a_pages_title_and_date_above_the_order_it_carries(order_head, number, issuers):
    """Regression: a page put its title and publish date above the 令's head; the date ended the
    head, so the 令's number, its bodies and its own date were not read."""
    head = ["某某管理办法", "2025年02月14日", *order_head]
    cover = ["《某某管理办法》已经2024年5月20日某某会议审议通过，现予公布，自2025年5月1日起施行。"]
    d = parse_lines([*head, *cover, "主任　某某", "2025年2月12日", "某某管理办法", "第一条 为了规范管理，制定本办法。"])
    m = d.metadata
    assert (m.title, m.doc_number, m.issuer) == ("某某管理办法", number, issuers)
    assert (m.date, m.published_at) == (dt.date(2025, 2, 12), "2025-02-14")


def test_a_text_that_lost_its_title_takes_the_one_its_promulgation_sentence_names():
    """Regression: a text dump opening with 第232号 (its 某某令 line and title lost) had the serial
    for its title; the 令's sentence names the document it carries."""
    d = parse_lines(
        [
            "第232号",
            "《某某省人民政府关于废止〈某某认定办法〉的决定》已经2018年4月28日省人民政府常务会议审议通过，现予公布。",
            "省长　某某",
            "2018年5月9日",
            "为了更好地服务改革，省政府决定废止《某某认定办法》。",
        ]
    )
    assert d.metadata.title is None  # the carrier's own title line is not in the text
    assert d.title == "某某省人民政府关于废止《某某认定办法》的决定"


def test_a_record_wrapped_inside_its_bracket_is_not_title():
    """Regression: a PDF's text wrapped the record under a law's title (（2006年…会议通 /
    过2024年…修订）); each half read as a title line and both were joined to the title."""
    d = parse_lines(
        [
            "某某主席令",
            "（第三十八号）",
            "《某某法》已由某某委员会于2024年11月8日修订通过，现予公布。",
            "2024年11月8日",
            "某某法",
            "（2006年10月31日第十届某某委员会第二十四次会议通",
            "过2024年11月8日某某委员会第十二次会议修订）",
            "第一条 为了规范管理，制定本法。",
        ]
    )
    assert d.title == "某某法"
    record = "（2006年10月31日第十届某某委员会第二十四次会议通过2024年11月8日某某委员会第十二次会议修订）"
    assert d.metadata.notes == [record]
    assert d.preamble == ""  # the record is a note of the enclosed law, not its preamble


def test_a_title_wrapped_inside_its_bracket_is_one_title():
    d = parse_lines(["某某部关于印发某某规划（2021—", "2025年）的通知", "各有关单位：", *BODY])
    assert d.metadata.title == "某某部关于印发某某规划（2021—2025年）的通知"


@pytest.mark.parametrize(
    "head",
    [["中华人民共和国某某部公告", "（2024年第28号）"], ["中华人民共和国某某部公告（2024年 第28号）"]],
    ids=["number-under-title", "number-in-title"],
)
def test_a_notice_numbered_by_year_has_that_number(head):
    """Regression: a 公告's number (2024年第28号), under its title or in the title's brackets,
    was no document number, and stayed in the title."""
    body = ["现将有关事项公告如下：", "一、适用范围", "（一）做好相关工作。", "某某部", "2024年10月24日"]
    d = parse_lines([*head, *body])
    assert (d.metadata.title, d.metadata.doc_number) == ("中华人民共和国某某部公告", "2024年第28号")


def test_page_controls_under_the_date_are_no_enclosed_title():
    """Regression: 扫一扫在手机打开当前页 / 打印本页 关闭窗口, kept at the foot of a page's article,
    came after the date and became the document's title."""
    page = (
        "<html><body><div class='article'><p>某某局关于征求意见的公告</p>"
        "<p>为做好相关工作，现向社会公开征求意见，请于2020年3月27日前反馈。</p>"
        "<p>某某局</p><p>2020年3月18日</p><p>扫一扫在手机打开当前页</p><p>打印本页 关闭窗口</p>"
        "</div></body></html>"
    )
    d = policydoc.parse(page)
    assert d.title == d.metadata.title == "某某局关于征求意见的公告"
    # The page's controls are chrome; the notice encloses nothing: its own text, then its closing.
    assert "扫一扫" not in d.model_dump_json()
    assert d.preamble.startswith("为做好相关工作") and not d.cover
    assert d.closing == ["某某局", "2020年3月18日"]


def test_a_table_row_under_the_title_is_not_title():
    """Regression: a page that lists results in a table right under its title had the header row
    (序号 企业名称 …) joined to the title."""
    row = "<tr><td>{n}</td><td>某某县计量检定所</td><td>承担计量任务的授权{n}项</td></tr>"
    rows = "".join(row.format(n=n) for n in range(1, 6))
    page = (
        "<html><body><div id='zoom'><p>某某许可结果公示（第三批）</p><table>"
        f"<tr><td>序号</td><td>企业名称</td><td>许可内容</td></tr>{rows}"
        "</table><p>某某局</p><p>2020年3月18日</p></div></body></html>"
    )
    assert policydoc.parse(page).metadata.title == "某某许可结果公示（第三批）"


WRAPPED_SENTENCE_CASES = [
    (
        ["某某省人民政府办公厅关于规范文件管理的意见", "（征求意见稿，2024年5月）", "各市、县人民政府："],
        "某某省人民政府办公厅关于规范文件管理的意见（征求意见稿，2024年5月）",
        None,
        ["各市、县人民政府"],
    ),
    (
        ["某某市人民政府关于宣布", "《某某市绿化管理办法》已经失效的决定", "某府发〔2024〕3号", "各区人民政府："],
        "某某市人民政府关于宣布《某某市绿化管理办法》已经失效的决定",
        "某府发〔2024〕3号",
        ["各区人民政府"],
    ),
    (
        ["中共某某省委 某某省人民政府关于建设现代化产业体系", "，加快推进新型工业化的实施意见", "各市委、市人民政府："],
        "中共某某省委 某某省人民政府关于建设现代化产业体系，加快推进新型工业化的实施意见",
        None,
        ["各市委、市人民政府"],
    ),
    (["某某省市场监督管理局公告", "（第5号）"], "某某省市场监督管理局公告", "第5号", []),
    # third review: what a number line, a qualifier or a record under the title must not lose
    (
        ["国务院关于某某工作的通知", "国发〔2024〕5号", "国务院关于某某工作的通知", "各省人民政府："],
        "国务院关于某某工作的通知",
        "国发〔2024〕5号",
        ["各省人民政府"],
    ),
    (
        ["关于某某的实施意见", "某政发〔2024〕3号", "（试行）", "各区人民政府："],
        "关于某某的实施意见（试行）",
        "某政发〔2024〕3号",
        ["各区人民政府"],
    ),
    (
        ["关于某某管理办法", "（2023年11月征求意见稿）", "各区人民政府："],
        "关于某某管理办法（2023年11月征求意见稿）",
        None,
        ["各区人民政府"],
    ),
    (
        ["某某公报", "2024年第10号", "国务院关于促进某某产业发展的意见", "各省人民政府："],
        "某某公报国务院关于促进某某产业发展的意见",  # the masthead stays (no rule knows it)
        None,  # a gazette's issue is no 发文字号
        ["各省人民政府"],
    ),
]


@pytest.mark.parametrize(
    ("lines", "title", "number", "addressees"),
    WRAPPED_SENTENCE_CASES,
    ids=[
        "qualifier-with-comma",
        "title-reading-yijing",
        "title-wrapped-before-a-comma",
        "serial-under-a-gonggao",
        "title-repeated-after-number",
        "qualifier-after-number",
        "dated-qualifier",
        "gazette-issue",
    ],
)
def test_the_front_rules_for_wrapped_sentences_leave_real_titles_whole(lines, title, number, addressees):
    """Review cases: the rules that keep a PDF's wrapped sentences out of the title (a comma after
    a whole title, 《…》已经…, a bare 第N号, a number or a qualifier under the title) must not cut
    these titles or lose what follows."""
    m = parse_lines([*lines, "根据有关规定，现将有关事项通知如下：", "一、总体要求", "（一）做好相关工作。"]).metadata
    assert (m.title, m.doc_number, m.addressees) == (title, number, addressees)


def test_an_enclosed_plans_contents_are_not_its_title():
    """Regression: 目录 and the first entry of an enclosed plan's contents were joined to its title."""
    d = parse_lines(
        [
            "某某办公厅关于印发某某应急预案的函",
            "某办函〔2005〕57号",
            "各省人民政府：",
            "现将《某某应急预案》印发给你们，请认真贯彻执行。",
            "某某办公厅",
            "2005年6月11日",
            "某某应急预案",
            "目录",
            "1总则",
            "1.1编制目的",
            "为有效应对各种突发事件，制定本预案。",
        ]
    )
    assert d.title == "某某应急预案"


def test_a_cut_addressee_is_no_title_and_the_sentence_under_it_names_the_document():
    """Regression: a dump that kept only 各 of its addressee had 各 for its title."""
    sentence = "《关于某某工作的若干措施》已经省政府同意，现印发给你们，请认真贯彻执行。"
    lines = ["各", sentence, "2020年3月16日", "（此件主动公开）"]
    d = parse_lines([*lines, "为贯彻落实有关部署，提出以下措施。"])
    assert (d.metadata.title, d.title) == (None, "关于某某工作的若干措施")


def test_a_title_line_opening_with_book_brackets_stays_in_the_title():
    d = parse_lines(["某某部关于印发", "《某某试点工作方案》的通知", "各有关单位：", *BODY])
    assert d.metadata.title == "某某部关于印发《某某试点工作方案》的通知"


def test_many_joint_signers_are_all_issuers():
    # A notice with no numbered sections: the signature is read from the front part.
    signers = [f"某某{n}部" for n in "一二三四五六七八九十"]
    d = parse_lines(
        ["某某一部等十部门关于加强管理的通知", "各有关单位：", "请认真贯彻执行。", *signers, "2025年12月16日"]
    )
    assert d.metadata.issuer == signers


# Regressions on the wild documents they were found in (read from ../shared, never copied).
WILD = SHARED / "wild"
needs_wild = pytest.mark.skipif(not WILD.is_dir(), reason="../shared/wild is not beside the repository")


def wild(pattern: str) -> policydoc.PolicyDocument:
    return policydoc.parse(next(WILD.glob(pattern)))


@needs_wild
def test_gov_grid_wenhao_wu_is_no_doc_number():
    assert wild("jxcrawler/html/art_5400_1495569.html").metadata.doc_number is None


@needs_wild
def test_pdf_style_two_line_title_is_one_title():
    meta = wild("zhouynf/row35_*.html").metadata
    assert meta.title == "国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见"
    assert meta.issuer == ["国务院办公厅"]


@needs_wild
def test_yinfa_title_issuer():
    assert wild("jxcrawler/html/art_4969_1497540.html").metadata.issuer == ["江西省人民政府办公厅"]


@needs_wild
def test_order_number_and_issuer_of_a_municipal_order():
    meta = wild("pkulaw/中山市政务数据管理办法*.txt").metadata
    assert (meta.title, meta.doc_number, meta.issuer) == (
        "中山市政务数据管理办法",
        "中山市人民政府令第16号",
        ["中山市人民政府"],
    )


@needs_wild
def test_crawler_labels_and_breadcrumb_stay_out_of_the_title():
    meta = wild("aipolicy/miit/026_*.txt").metadata
    assert meta.title == "工业和信息化部关于制造业计量创新发展的意见"
    assert (meta.doc_number, str(meta.date)) == ("工信部科〔2025〕132号", "2025-06-07")


@needs_wild
def test_signature_before_a_source_link():
    meta = wild("dataextract/policy2.txt").metadata
    assert (meta.issuer, str(meta.date)) == (["广东省基础与应用基础研究基金委员会"], "2024-12-10")


# Whatever mix of page furniture and notice lines a crawler leaves, no field carries furniture.
_FURNITURE = [
    "首页",
    ">",
    "【法宝引证码】CLI.1.2",
    "原文链接：https://example.com/a",
    "正文",
    "**版本**: 现行有效",
    "---",
    "<!-- INFO END -->",
    "目录",
    "--- 第2页 ---",
    "扫一扫在手机打开当前页",
    "文号：无",
    "发文字号：",
    "无",
]
_NOTICE = [
    "某某部关于开展试点的通知",
    "某部发〔2024〕1号",
    "各有关单位：",
    "现将有关事项通知如下。",
    "某某部",
    "2024年1月2日",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_FURNITURE + _NOTICE), min_size=1, max_size=12))
def test_no_field_carries_page_furniture(lines):
    meta = parse_lines([*lines, *BODY]).metadata
    assert meta.title is None or not TITLE_CHROME.search(meta.title)
    assert meta.doc_number is None or meta.doc_number == "某部发〔2024〕1号"
    assert all(not TITLE_CHROME.search(i) and i not in NONE_VALUES for i in meta.issuer)


# Second review of the wrapped-sentence and page-furniture rules: each case once lost a
# signature, a date, a title or the addressees that the code before those rules kept.
NOTICE_BODY = [
    "为做好某某工作，现将有关事项通知如下。",
    "一、工作目标",
    "到2025年，基本建成某某体系。",
    "二、工作要求",
    "各单位要高度重视。",
]
SIGNED = ["某某局", "2024年5月1日"]


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        ([], ["1 / 1"]),  # a one-page PDF's footer
        (["5/1/24, 10:30 AM 关于开展某某工作的通知"], ["https://www.example.gov.cn/content_6948.htm 1/1"]),
        ([], ["file:///C:/Users/x/notice.html 1/1"]),
        (["■"], []),  # a stray mark above the title
    ],
    ids=["one-page-footer", "browser-header-and-footer", "file-footer", "stray-mark"],
)
def test_page_furniture_around_a_notice_leaves_its_parts_whole(head, tail):
    d = parse_lines([*head, "关于开展某某工作的通知", "各有关单位：", *NOTICE_BODY, *SIGNED, *tail])
    m = d.metadata
    assert (m.title, m.addressees, m.issuer) == ("关于开展某某工作的通知", ["各有关单位"], ["某某局"])
    assert str(m.date) == "2024-05-01" and d.closing == SIGNED


def test_an_unclosed_bracket_in_the_cover_joins_nothing_after_it():
    lines = [
        "关于印发某某实施方案的通知",
        "各区人民政府，市政府各部门：",
        "现将《某某实施方案》印发给你们（请结合实际认真贯彻执行。",  # a typo: the （ is never closed
        "某某市人民政府办公室",
        "2024年1月5日",
        "某某实施方案",
        "为做好某某工作，制定本方案。",
        "1）本方案适用于全市。",
        "一、总体要求",
        "坚持稳中求进。",
    ]
    d = parse_lines(lines)
    assert (d.title, d.metadata.issuer) == ("某某实施方案", ["某某市人民政府办公室"])
    assert str(d.metadata.date) == "2024-01-05"


def test_a_gazettes_issue_number_gives_way_to_the_documents_own():
    head = ["国务院公报", "2024年第10号", "国务院关于促进某某产业发展的意见", "国发〔2024〕5号"]
    body = ["各省、自治区、直辖市人民政府：", "为促进某某产业发展，现提出以下意见。", "一、总体要求", "坚持稳中求进。"]
    m = parse_lines([*head, *body]).metadata
    assert (m.doc_number, m.addressees) == ("国发〔2024〕5号", ["各省、自治区、直辖市人民政府"])


def test_an_order_numbered_by_year_joins_its_head():
    head = ["中国某某监督管理委员会令", "（2020年第6号）", "《某某案件管理办法》已经某某委务会议通过，现予公布。"]
    body = ["主席　某某", "2020年11月19日", "某某案件管理办法", "第一条　为了加强管理，制定本办法。"]
    d = parse_lines([*head, *body])
    assert d.metadata.doc_number == "中国某某监督管理委员会令2020年第6号"
    assert d.metadata.issuer == ["中国某某监督管理委员会"]
    assert "PD102" not in {x.code for x in check_document(d)}  # a well-formed number


def test_a_title_in_a_one_column_table_is_the_title():
    table = "| 某某办公室关于印发某某办法的通知 |\n| --- |\n| 某府办发〔2024〕3号 |\n\n"
    body = "各区人民政府：\n\n《某某办法》已经市政府同意，现印发给你们。\n\n某某办公室\n\n2024年1月1日\n"
    m = policydoc.parse(table + body, format="markdown").metadata
    assert (m.title, m.doc_number) == ("某某办公室关于印发某某办法的通知", "某府办发〔2024〕3号")
    assert m.addressees == ["各区人民政府"]


def test_a_codes_long_record_and_its_first_book_stay_out_of_its_title():
    amended = ["第八届全国人民代表大会第五次会议修订　根据修正案"] * 9
    record = ["（1979年7月1日第五届全国人民代表大会第二次会议通过　1997年3月14日", *amended, "修正）"]
    body = ["目录", "第一编　总则", "第一章　刑法的任务", "第一条　为了惩罚犯罪，保护人民，制定本法。"]
    assert parse_lines(["中华人民共和国刑法", *record, *body]).metadata.title == "中华人民共和国刑法"


# Third review: what a record under the title or a bare serial must not lose.
BODY_AFTER_ADDRESSEE = ["为做好某某工作，现通知如下。", "一、总体要求", "坚持稳中求进。"]


def test_a_record_with_a_date_on_a_line_of_its_own_is_still_one_record():
    record = ["（2006年10月31日第十届某某委员会第二十四次会议通过　根据", "2009年8月27日", "第十一届某某委员会修正）"]
    lines = ["中华人民共和国某某法", *record, "目录", "第一章　总则", "第一条　为了规范管理，制定本法。"]
    assert parse_lines(lines).title == "中华人民共和国某某法"


def test_a_masthead_table_above_the_title_is_no_title():
    table = "| 某某市人民政府 | 政务公开 |\n| --- | --- |\n| 政策文件 | 通知公告 |\n\n"
    body = "# 关于开展某某工作的通知\n\n各有关单位：\n\n为做好工作，现通知如下。\n\n一、总体要求\n\n坚持稳中求进。\n"
    assert policydoc.parse(table + body, format="markdown").metadata.title != "某某市人民政府 政务公开"


def test_a_serial_alone_is_well_formed_only_for_a_gonggao():
    notice = parse_lines(["某某局关于某某工作的通知", "（第5号）", "各有关单位：", *BODY_AFTER_ADDRESSEE])
    assert "PD102" in {x.code for x in check_document(notice)}
    gonggao = parse_lines(["某某市人民政府公告", "（第5号）", *BODY_AFTER_ADDRESSEE])
    assert "PD102" not in {x.code for x in check_document(gonggao)}


def test_a_spaced_out_heading_under_the_date_is_no_enclosed_title():
    """Regression: a page's 前 言 (Preface, spaced out and split at the space) under its date
    became the document's title."""
    d = parse_lines(["某某发展报告（2024）", "2024年11月30日", "前", "言", "2022年11月，某某会议提出加快发展。"])
    assert d.title == "某某发展报告（2024）"


@pytest.mark.parametrize("tail", [[], ["（此件公开发布）"]], ids=["signed", "with-disclosure"])
def test_a_notice_that_encloses_nothing_is_its_own_text_and_its_closing(tail):
    """Regression: a 复函 with no numbered sections put its whole text in ``cover`` (a cover
    letter's text) and its signature and date in the head: no preamble, no closing."""
    d = parse_lines(
        [
            "某某办公厅关于同意举办示范活动的复函",
            "某办函〔2004〕36号",
            "某某省人民政府：",
            "你省《关于举办示范活动的请示》收悉。经研究，现函复如下：",
            "同意举办示范活动。",
            "某某办公厅",
            "二〇〇四年四月二十七日",
            *tail,
        ]
    )
    assert not d.cover and d.preamble.startswith("你省《关于举办示范活动的请示》收悉")
    assert d.closing == ["某某办公厅", "二〇〇四年四月二十七日", *tail]
    assert (d.metadata.issuer, d.metadata.date) == (["某某办公厅"], dt.date(2004, 4, 27))


def test_a_download_link_under_the_date_is_no_enclosed_title():
    """Regression: 附件.zip, a page's download link under a letter's date, became its title."""
    d = parse_lines(["关于征求示范标准意见的函", "各有关单位：", "请反馈意见。", "2020年2月18日", "附件.zip"])
    assert d.title == "关于征求示范标准意见的函"


def test_a_pages_date_between_title_and_addressees_is_its_publish_date():
    """Regression: a page dump put its publish date under the title, above the addressees; it was
    read as the 成文日期, and the addressees stayed in the preamble."""
    d = parse_lines(
        [
            "关于规范示范行为的通知",
            "2025年08月01日",
            "各省、自治区、直辖市有关部门：",
            "为规范示范行为，现就有关工作通知如下：",
            "一、加强管理。",
            "二、强化监督。",
            "某某局办公室",
            "2025年7月28日",
        ]
    )
    m = d.metadata
    assert (m.date, m.published_at) == (dt.date(2025, 7, 28), "2025-08-01")
    assert m.addressees == ["各省、自治区、直辖市有关部门"]


@pytest.mark.parametrize("numbered", [True, False], ids=["after-sections", "no-sections"])
def test_a_signer_wrapped_over_two_lines_is_one_issuer(numbered):
    """Regression: a long signer broken over two lines (某某省市场监管局新型冠状病毒感染的 / 肺炎疫情
    防控工作领导小组) gave its second half as the issuer and left the first in the text."""
    body = ["一、加强管理。", "二、强化监督。"] if numbered else ["请认真做好相关工作。"]
    signed = ["某某省市场监管局新型冠状病毒感染的", "肺炎疫情防控工作领导小组", "2020年3月9日"]
    d = parse_lines(["关于做好示范工作的通知", "各有关单位：", *body, *signed])
    assert d.metadata.issuer == ["某某省市场监管局新型冠状病毒感染的肺炎疫情防控工作领导小组"]
    assert d.closing[-1] == "2020年3月9日" and "某某省市场监管局新型冠状病毒感染的" in d.closing
    # No first half: a closing formula, a contact, a file or a document named above the signer.
    aboves = ("特此通知", "张某13512345678", "合格信息.xlsx", "典型应用案例申报表", "某某区项目补充清单")
    for above in aboves:
        d = parse_lines(["关于做好示范工作的通知", "各有关单位：", *body, above, "某某局", "2020年3月9日"])
        assert d.metadata.issuer == ["某某局"], above


@pytest.mark.parametrize("head", ["附件 1.", "附件1."], ids=["spaced", "tight"])
def test_an_attachment_note_without_its_colon_is_no_annex(head):
    """Regression: 附件 1. / 某某指引 / 2. / 某某表 above the signature (the 附件说明 written without
    its colon) was read as annex 1, titled ".", which swallowed the signature and the date."""
    d = parse_lines(
        [
            "关于开展示范工作的通知",
            "各有关单位：",
            "一、加强管理。",
            "二、强化监督。",
            head,
            "示范平台建设指引",
            "2.",
            "示范平台推荐汇总表",
            "某某部办公厅",
            "2024年9月10日",
        ]
    )
    assert d.metadata.attachments == ["示范平台建设指引", "示范平台推荐汇总表"]
    assert d.closing == ["某某部办公厅", "2024年9月10日"] and d.annexes == []


def test_a_sentence_opening_with_an_annex_number_is_no_attachment_note():
    """Review finding: 附件1、2所列企业须于…处理。 (a sentence) above the date was read as a list
    without its colon, and took the next section's heading as its second item."""
    d = parse_lines(
        [
            "关于开展整改的通知",
            "各区：",
            "一、整改范围",
            "附件1、2所列企业须于2025年3月31日前完成整改，逾期未完成的依法处理。",
            "二、工作要求",
            "请各区认真落实。",
            "附件：1.某某企业名单",
            "2.某某单位名单",
            "某某市市场监督管理局",
            "2025年3月1日",
        ]
    )
    assert [s.marker for s in d.sections] == ["一、", "二、"]
    assert d.metadata.attachments == ["某某企业名单", "某某单位名单"]


def test_download_links_are_no_annexes_and_a_contact_note_no_title():
    """Regression: a page's download links 附件1.docx … became empty annexes titled .docx, and the
    bracketed contact note under the date, （联系科室：…，联系电话：…）, was glued to the plan's title."""
    d = parse_lines(
        [
            "关于印发示范招生工作方案的通知",
            "各幼儿园：",
            "现将《示范招生工作方案》印发给你们，请认真贯彻执行。",
            "某某区教育局",
            "2026年4月20日",
            "（联系科室：某某科，联系电话：12345678）",
            "示范招生工作方案",
            "一、招生对象。",
            "二、招生时间。",
            "附件1.docx",
            "附件2.xlsx",
        ]
    )
    assert d.annexes == [] and d.title == "示范招生工作方案"


def test_a_records_effective_date_under_the_cover_date_is_no_enclosed_title():
    """Regression: a law database put 1995年5月1日 施行 under the 印发 notice's date; it became the
    title of the enclosed document."""
    lines = [
        "# 某某实施办法",
        "关于印发《某某实施办法》的通知",
        "某发［1995］32号",
        "各有关部门：",
        "现将《某某实施办法》印发给你们，请遵照执行。",
        "某某部",
        "一九九五年三月二十六日",
        "1995年5月1日 施行",
        "第一条 为了规范，制定本办法。",
        "第二条 本办法自1995年5月1日起施行。",
    ]
    d = policydoc.parse("\n\n".join(lines).encode(), format="markdown")
    assert "施行" not in (d.title or "")


def test_a_news_sentence_opening_a_dump_without_title_is_no_title():
    """Regression: a crawler dump without its title line opened with 近期，某某局 / 感染的 / …, a
    sentence wrapped over lines, which became the title."""
    d = parse_lines(["近期，某某省市场监督管理局", "组织开展了食品安全监督抽检。", "一、抽检情况。", "二、处置要求。"])
    assert d.title is None and d.metadata.title is None


def test_a_consultation_note_under_the_date_is_part_of_the_closing():
    """Regression: （咨询电话：010－…） under the date, broken over three lines, was no closing
    line: the signers, the date and the note stayed in the last section."""
    closing = ["某某部办公厅", "2025年1月20日", "（咨询电话：", "010－62309514", "）"]
    d = parse_lines(["关于开展示范工作的通知", "各有关单位：", "一、加强管理。", "二、强化监督。", *closing])
    assert d.closing == ["某某部办公厅", "2025年1月20日", "（咨询电话：010－62309514）"]


@pytest.mark.parametrize(
    ("signers", "issuers"),
    [
        (["国家电网有限公司", "国家能源局"], ["国家能源局"]),  # a company is no issuer, nor half of one
        (["中华人民共和国拱北海关", "珠海市人民政府"], ["中华人民共和国拱北海关", "珠海市人民政府"]),
    ],
)
def test_co_signers_are_no_signer_wrapped_over_two_lines(signers, issuers):
    """Review finding: two co-signers were joined as one wrapped name."""
    head = ["关于做好示范工作的通知", "各有关单位：", "一、加强管理。", "二、加强监督。"]
    d = parse_lines([*head, *signers, "2025年3月1日"])
    assert d.metadata.issuer == issuers
    assert d.closing[-1] == "2025年3月1日" and signers[-1] in d.closing


def test_a_date_under_the_document_number_is_the_notices_own():
    """Review finding: in the gazette's layout (title / 国发〔2025〕3号 / 2025年3月1日 / addressees)
    the date is the notice's, not a page's publish date."""
    head = ["某某院关于示范工作的通知", "某发〔2025〕3号", "2025年3月1日", "各省、自治区、直辖市人民政府："]
    d = parse_lines([*head, "一、加强领导。", "二、强化保障。"])
    m = d.metadata
    assert (m.date, m.published_at, m.addressees) == (dt.date(2025, 3, 1), None, ["各省、自治区、直辖市人民政府"])


def test_a_dated_site_footer_is_cut_below_the_notices_own_date():
    """Second review: a page footer ending with a date (版权所有 … / 2025年3月5日) kept the footer in
    the text and took its date for the notice's."""
    d = parse_lines(
        [
            "关于做好示范工作的通知_某某市人民政府网",
            "首页 > 政策文件",
            "关于做好示范工作的通知",
            "各区：",
            "一、加强管理，认真落实各项要求。",
            "二、强化监督，确保工作取得实效。",
            "某某市某某局",
            "2025年3月1日",
            "【打印】【关闭】",
            "版权所有：某某市人民政府",
            "2025年3月5日",
        ]
    )
    assert d.closing == ["某某市某某局", "2025年3月1日"]
    assert d.metadata.date == dt.date(2025, 3, 1)


def test_a_wrapped_signer_may_continue_with_a_place():
    """Second review: 某某市高新技术产业 / 开发区管理委员会 is one signer (a place continues it)."""
    head = ["关于做好示范工作的通知", "各有关单位：", "一、加强管理。", "二、加强监督。"]
    d = parse_lines([*head, "某某市高新技术产业", "开发区管理委员会", "2025年3月1日"])
    assert d.metadata.issuer == ["某某市高新技术产业开发区管理委员会"]


def test_a_date_under_the_number_is_the_publish_date_when_the_closing_is_dated():
    head = ["某某院关于示范工作的通知", "某发〔2025〕3号", "2025年3月5日", "各省、自治区、直辖市人民政府："]
    d = parse_lines([*head, "一、加强领导。", "二、强化保障。", "某某院", "2025年3月1日"])
    assert (d.metadata.date, d.metadata.published_at) == (dt.date(2025, 3, 1), "2025-03-05")
