"""The two seeds (Sina HTML and PDF-extracted text of one notice) give one outline."""

from __future__ import annotations

import pytest

from .outline import outline

TOP_TITLES = ["指导思想", "目标任务", "基本原则", "主要任务", "实施保障"]
PRINCIPLES = ["坚持党管人才", "坚持服务发展", "坚持改革创新", "坚持需求导向"]


@pytest.fixture(params=["seed_html", "seed_text"])
def seed(request):
    return request.getfixturevalue(request.param)


def test_seed_has_37_headings_5_top_level(seed):
    assert len(list(seed.walk())) == 37
    assert [s.title for s in seed.sections] == TOP_TITLES
    assert [s.marker for s in seed.sections] == ["一、", "二、", "三、", "四、", "五、"]


def test_seed_principles_are_the_four_children_of_section_three(seed):
    principles = seed.sections[2]
    assert [c.title for c in principles.children] == PRINCIPLES
    assert principles.children[0].text.startswith("加强党对技能人才工作的领导")
    assert all(c.level == 2 and c.style == "paren-cn" for c in principles.children)


def test_seed_tasks_are_20_items_in_5_groups_numbered_across_groups(seed):
    groups = seed.sections[3].children
    assert len(groups) == 5
    assert [len(g.children) for g in groups] == [4, 4, 4, 5, 3]
    tasks = [t for g in groups for t in g.children]
    assert [t.ordinal for t in tasks] == list(range(1, 21))
    assert all(t.marker == f"{t.ordinal}." and t.level == 3 for t in tasks)
    assert tasks[0].title == "健全技能人才发展政策体系"
    assert tasks[19].title == "加强职业资格证书国际互认"


def test_seed_has_three_safeguards(seed):
    assert [c.title for c in seed.sections[4].children] == ["加强组织领导", "加大经费支持", "加大宣传引导"]


def test_seed_html_and_pdf_text_agree_section_by_section(seed_html, seed_text):
    assert outline(seed_html) == outline(seed_text)
    assert seed_html.preamble == seed_text.preamble
    assert seed_html.cover == seed_text.cover
    assert seed_html.title == seed_text.title == "“技能中国行动”实施方案"


def test_page_break_mid_sentence_is_rejoined(seed_text):
    task1 = seed_text.sections[3].children[0].children[0]
    assert "形成更加完备的技能人才工作政策制度体系。" in task1.text


def test_pdf_text_has_the_annex_that_sina_dropped(seed_html, seed_text):
    assert seed_html.annexes == []
    [annex] = seed_text.annexes
    assert annex.label == "附件"
    assert annex.title == "“技能中国行动”2021-2022年重点工作安排"
    assert [s.marker for s in annex.sections] == [f"{n}、" for n in "一二三四五六七八九十"]
    assert annex.sections[7].title == "修订《中华人民共和国职业分类大典》"


def test_front_part_stays_out_of_the_body(seed_text):
    body = "".join(s.title + s.text for s in seed_text.walk())
    assert "人社部发" not in body
    assert "各省、自治区" not in body
    assert seed_text.cover.startswith("为贯彻落实习近平总书记")
    assert seed_text.preamble.startswith("技能是强国之基")


def test_sina_wrapper_is_news_not_body(seed_html):
    news = seed_html.news
    assert news.original_title == "人力资源社会保障部印发“技能中国行动”实施方案"
    assert news.source == "人力资源社会保障部网站"
    assert news.editor == "李思阳"
    assert len(news.summary) == 5
    text = seed_html.model_dump_json()
    assert "字体" not in text and "appendQr" not in text and "海量资讯" not in text
