"""The structure stage on small crafted documents: continuity, levels, front, closing, annexes."""

from __future__ import annotations

import policydoc


def parse(text: str) -> policydoc.PolicyDocument:
    return policydoc.parse(text.strip() + "\n", format="text")


def markers(doc):
    return [(s.level, s.marker) for s in doc.walk()]


def test_a_body_line_that_starts_with_a_number_is_not_a_heading():
    doc = parse("""
一、总体要求
2021年，全国新增就业1000万人。
1.5万亩以上的耕地要保护。
第十三条第四款规定的情形除外。
二、主要任务
""")
    assert markers(doc) == [(1, "一、"), (1, "二、")]
    assert "1.5万亩以上" in doc.sections[0].text and "第十三条第四款" in doc.sections[0].text


def test_second_level_numbering_may_run_on_across_top_level_sections():
    doc = parse("""
一、甲
（一）子一。
（二）子二。
二、乙
（三）子三。
（四）子四。
""")
    assert markers(doc) == [(1, "一、"), (2, "（一）"), (2, "（二）"), (1, "二、"), (2, "（三）"), (2, "（四）")]


def test_second_level_numbering_may_restart_under_each_section():
    doc = parse("""
一、甲
（一）子一。
（二）子二。
二、乙
（一）子一。
""")
    assert markers(doc) == [(1, "一、"), (2, "（一）"), (2, "（二）"), (1, "二、"), (2, "（一）")]


def test_a_skipped_or_repeated_ordinal_is_body_text():
    doc = parse("""
一、甲
四、结转下年度继续办理
二、乙
二、乙又
""")
    assert markers(doc) == [(1, "一、"), (1, "二、")]
    assert doc.sections[0].text == "四、结转下年度继续办理"


def test_levels_come_from_the_order_styles_appear_even_when_levels_are_skipped():
    doc = parse("""
一、甲
1.子一。正文。
2.子二。
二、乙
1.子一。
""")
    assert markers(doc) == [(1, "一、"), (2, "1."), (2, "2."), (1, "二、"), (2, "1.")]


def test_chapters_hold_articles_that_hold_items():
    doc = parse("""
第一章 总则
第一条 为了规范管理，制定本办法。
第二条 下列情形适用本办法：
（一）甲；
（二）乙。
有前款情形的，从其规定。
第二章 附则
第三条 本办法自公布之日起施行。
""")
    assert markers(doc) == [
        (1, "第一章"),
        (2, "第一条"),
        (2, "第二条"),
        (3, "（一）"),
        (3, "（二）"),
        (1, "第二章"),
        (2, "第三条"),
    ]
    chapter = doc.sections[0]
    assert chapter.title == "总则"
    article = chapter.children[1]
    assert article.title == "" and article.text == "下列情形适用本办法："
    assert article.tail == "有前款情形的，从其规定。"  # the next 款 is the article's, after its items
    assert article.children[-1].text == ""
    assert doc.sections[1].children[0].ordinal == 3  # articles run on across chapters


def test_an_article_caption_is_its_title():
    doc = parse("""
第一条 【培育对象】已在税务部门登记的个体工商户。
第二条 【支持】给予2万元支持。
""")
    assert [(s.title, s.text) for s in doc.sections] == [
        ("培育对象", "已在税务部门登记的个体工商户。"),
        ("支持", "给予2万元支持。"),
    ]


def test_articles_numbered_like_sections_inside_chapters():
    doc = parse("""
第一章 总 则
一、国务院工作以邓小平理论为指导。
二、国务院组成人员要履行职责。
第二章 组成人员职责
三、国务院由下列人员组成。
""")
    assert markers(doc) == [(1, "第一章"), (2, "一、"), (2, "二、"), (1, "第二章"), (2, "三、")]
    assert doc.sections[0].title == "总则"


def test_inline_heading_splits_at_the_first_full_stop_outside_quotes():
    doc = parse("""
一、主要任务
（一）实施“技能提升。”行动。大力开展培训。
（二）坚持党管人才
""")
    first, second = doc.sections[0].children
    assert (first.title, first.text) == ("实施“技能提升。”行动", "大力开展培训。")
    assert (second.title, second.text) == ("坚持党管人才", "")


def test_dash_items_stay_paragraphs_of_their_section():
    doc = parse("""
一、基本原则
——全国统筹。坚持全国一盘棋。
——分类指导。因地制宜。
二、主要任务
""")
    assert doc.sections[0].text == "——全国统筹。坚持全国一盘棋。\n——分类指导。因地制宜。"


def test_front_part_signature_enclosed_title_and_annex():
    doc = parse("""
某某部关于印发
某某方案的通知
某发〔2024〕1号
各省、自治区、直辖市人民政府，国务院各部委：
现将《某某方案》印发给你们，请认真贯彻执行。
附件：1.某某方案
2.某某清单
某某部
2024年5月6日
（此件公开发布）
某某方案
为做好工作，制定本方案。
一、总体要求
做好工作。
附件2
某某清单
一、甲。
二、乙。
""")
    meta = doc.metadata
    assert meta.title == "某某部关于印发某某方案的通知"
    assert meta.doc_number == "某发〔2024〕1号"
    assert meta.addressees == ["各省、自治区、直辖市人民政府", "国务院各部委"]
    assert meta.attachments == ["某某方案", "某某清单"]
    assert str(meta.date) == "2024-05-06" and meta.issuer == ["某某部"]
    assert meta.notes == ["（此件公开发布）"]
    assert doc.title == "某某方案"
    assert doc.cover == "现将《某某方案》印发给你们，请认真贯彻执行。"
    assert doc.preamble == "为做好工作，制定本方案。"
    assert markers(doc) == [(1, "一、")]
    [annex] = doc.annexes
    assert (annex.label, annex.title, len(annex.sections)) == ("附件2", "某某清单", 2)


def test_closing_lines_leave_the_last_section():
    doc = parse("""
各市人民政府：
一、甲
做好工作。
二、乙
抓好落实。
某省人民政府
2022年9月7日
（此件公开发布）
""")
    assert doc.sections[-1].text == "抓好落实。"
    assert doc.closing == ["某省人民政府", "2022年9月7日", "（此件公开发布）"]
    assert str(doc.metadata.date) == "2022-09-07"


def test_news_agency_dateline_is_not_part_of_the_title():
    doc = parse("""
新华社北京7月11日电中共中央 国务院关于加强基层治理体系和治理能力现代化建设的意见
（2021年4月28日）
基层治理是国家治理的基石。
一、总体要求
""")
    assert doc.metadata.title == "中共中央 国务院关于加强基层治理体系和治理能力现代化建设的意见"
    assert doc.metadata.issuer == ["中共中央", "国务院"]
    assert str(doc.metadata.date) == "2021-04-28"


def test_a_regulation_republished_after_a_decision_stands_at_the_top():
    doc = parse("""
一、将第六条修改为：“公安机关负责居住登记。”
二、删除第十二条。
本决定自公布之日起施行。
某省流动人口服务和管理办法
（2011年8月26日省人民政府令第190号公布 2016年9月21日省人民政府令第223号修正）
第一条 为了保障流动人口合法权益，制定本办法。
第二条 本办法适用于本省。
""")
    assert markers(doc) == [(1, "一、"), (1, "二、"), (1, "第一条"), (1, "第二条")]


def test_attachment_items_with_their_title_on_the_next_line_are_not_headings():
    doc = parse("""
某部关于某事的通知
各省人民政府：
一、甲
做好工作。
附件：1.
某某清单
2.
某某名单
某部
2024年5月6日
""")
    assert markers(doc) == [(1, "一、")]
    assert doc.metadata.attachments == ["某某清单", "某某名单"]


def test_a_signature_after_bare_attachment_numbers_stays_the_signature():
    doc = parse("""
某部关于某事的通知
各省人民政府：
一、甲
做好工作。
附件：1.
2.
3.
某省市场监管局
2024年5月6日
""")
    assert markers(doc) == [(1, "一、")]
    assert doc.metadata.issuer == ["某省市场监管局"]


def test_a_chapter_never_nests_under_an_article_when_the_first_chapter_heading_is_missing():
    doc = parse("""
第一条 为了规范管理，制定本办法。
第二条 本办法适用于全市。
第二章 管理
第三条 各部门负责管理。
第三章 附则
第四条 本办法自公布之日起施行。
""")
    assert markers(doc) == [(1, "第一条"), (1, "第二条"), (1, "第二章"), (2, "第三条"), (1, "第三章"), (2, "第四条")]


def test_a_file_that_is_one_annex_takes_the_annex_title():
    """Regression: a file holding an annex alone (附件 / its title / its body) had no title."""
    doc = parse("附件\n某某执法规范（试行）\n第一章 总则\n第一条 为了规范执法，制定本规范。\n第二条 本规范适用于全省。")
    assert doc.title == "某某执法规范（试行）"
    assert doc.metadata.title is None and doc.sections == [] and len(doc.annexes) == 1


def test_a_table_of_contents_is_no_second_tree():
    """Regression: 目录 / 第一章 总则 / 第二章 … above the body became a tree of empty chapters
    before the real ones. (A contents with page numbers is a compilation's outline: kept.)"""
    contents = ["目录", "第一章 总则", "第一节 一般规定", "第二章 附则"]
    body = ["第一章 总则", "第一节 一般规定", "第一条 为了规范，制定本法。", "第二章 附则", "第二条 施行。"]
    doc = policydoc.parse("\n".join(["示范法", *contents, *body]), format="text")
    assert [(s.marker, s.title) for s in doc.sections] == [("第一章", "总则"), ("第二章", "附则")]
    assert doc.preamble.endswith(contents[-1])  # kept, as text


def test_an_annex_title_stops_at_a_label_with_its_value():
    """Regression: 附件 / 某某工作组名单 / 组　长：某某 省长 / 副组长：… took the list's first lines
    into the annex title."""
    doc = parse(
        "\n".join(
            [
                "关于成立示范工作组的通知",
                "一、工作目标。做好示范工作。",
                "某某省人民政府办公厅",
                "2021年3月1日",
                "附件",
                "某某示范工作组名单",
                "组　长：某某某 省长",
                "副组长：某某某 副省长",
            ]
        )
    )
    assert [(a.label, a.title) for a in doc.annexes] == [("附件", "某某示范工作组名单")]
