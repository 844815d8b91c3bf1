"""Tasks and principles on synthetic notices: which sections carry the measures, which items are principles."""

from __future__ import annotations

import policydoc


def _parse(text: str) -> policydoc.PolicyDocument:
    return policydoc.parse(text.strip() + "\n", format="text")


PLAN = """
一、总体要求
（一）指导思想
以新发展理念为指导，推动产业高质量发展。
（二）基本原则
——全市统筹。统一规划，分步实施。
——需求牵引。以应用带动发展。
二、加快平台建设
（一）建设公共服务平台。建设一批平台。
（二）培育骨干企业。培育一批企业。
三、优化发展环境
（一）加大资金支持。统筹安排资金。
（二）加强人才培养。引进一批人才。
四、保障措施
（一）加强组织领导。建立协调机制。
五、附则
本方案自印发之日起施行。
"""


def test_tasks_are_the_measures_outside_the_frame_with_the_heading_above():
    doc = _parse(PLAN)
    assert [(t.marker, t.title, t.group) for t in doc.tasks] == [
        ("（一）", "建设公共服务平台", "加快平台建设"),
        ("（二）", "培育骨干企业", "加快平台建设"),
        ("（一）", "加大资金支持", "优化发展环境"),
        ("（二）", "加强人才培养", "优化发展环境"),
    ]


def test_leaf_items_under_groups_are_the_tasks():
    doc = _parse(
        """
一、重点任务
（一）实施技能提升行动
1.开展职业技能培训。每年培训一批。
2.推进技工院校建设。建设一批院校。
（二）实施人才评价行动
3.完善评价体系。健全制度。
二、组织实施
加强领导。
"""
    )
    assert [(t.marker, t.group) for t in doc.tasks] == [
        ("1.", "实施技能提升行动"),
        ("2.", "实施技能提升行动"),
        ("3.", "实施人才评价行动"),
    ]


def test_a_notice_of_top_level_measures_has_tasks_without_group():
    doc = _parse("\n".join(f"{n}、措施{n}。具体做法{n}。" for n in "一二三四五"))
    assert [t.marker for t in doc.tasks] == ["一、", "二、", "三、", "四、", "五、"]
    assert {t.group for t in doc.tasks} == {None}


def test_a_regulation_has_articles_not_tasks():
    doc = _parse("\n".join(f"第{n}条 本办法规定第{n}项事务。" for n in "一二三四五"))
    assert len(doc.sections) == 5 and doc.tasks == []


def test_dash_principles_keep_working():
    assert [(p.marker, p.title) for p in _parse(PLAN).principles] == [("——", "全市统筹"), ("——", "需求牵引")]


def test_unnumbered_principle_paragraphs_are_principles():
    doc = _parse(
        """
一、总体要求
（一）基本原则
前瞻部署、梯次培育。面向重大需求，超前布局。
创新驱动、应用牵引。以技术突破引领发展。
二、主要任务
（一）建设平台。建设一批平台。
"""
    )
    assert [p.title for p in doc.principles] == ["前瞻部署、梯次培育", "创新驱动、应用牵引"]
    assert doc.principles[0].text == "面向重大需求，超前布局。"


def test_several_principles_in_one_paragraph_split_at_each_jianchi():
    doc = _parse(
        """
一、基本原则
坚持党的全面领导，把领导贯穿全过程。坚持因地制宜，分类指导。
二、主要任务
（一）建设平台。建设一批平台。
"""
    )
    assert [p.title for p in doc.principles] == ["坚持党的全面领导", "坚持因地制宜"]


def test_a_principle_whose_text_opens_with_jianchi_is_one_principle():
    doc = _parse(
        """
一、基本原则
坚持融合发展。坚持体育加文化做法，拓展发展空间。
坚持因地制宜。立足各地特色资源。
二、主要任务
（一）建设平台。建设一批平台。
"""
    )
    assert [p.title for p in doc.principles] == ["坚持融合发展", "坚持因地制宜"]


def test_jianchi_lines_of_the_general_requirements_are_principles_when_there_is_no_principles_section():
    doc = _parse(
        """
一、总体要求
以新发展理念为指导，推动高质量发展。
坚持问题导向。从实际问题出发。
坚持市场驱动。激发市场主体活力。
二、主要任务
（一）建设平台。建设一批平台。
"""
    )
    assert [p.title for p in doc.principles] == ["坚持问题导向", "坚持市场驱动"]
    assert [t.title for t in doc.tasks] == ["建设平台"]


def test_prose_in_a_principles_section_is_not_an_item():
    doc = _parse(
        """
一、基本原则
各地区各部门在推进工作中要始终把握好以下几条原则，确保各项措施落到实处：
二、主要任务
（一）建设平台。建设一批平台。
"""
    )
    assert doc.principles == []
