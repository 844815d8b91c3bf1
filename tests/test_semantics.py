"""Seed semantics, both formats: metadata, roles and views, targets."""

from __future__ import annotations

import pytest

SEED_TARGETS = [
    ("4000万人以上", 4e7, 4e7, "人", "以上"),
    ("30%", 30, 30, "%", "达到"),
    ("35%", 35, 35, "%", "达到"),
    ("2-3个百分点", 2, 3, "个百分点", "提高"),
    ("1个", 1, 1, "个", None),
    ("3个", 3, 3, "个", None),
    ("1个", 1, 1, "个", None),
    ("400个左右", 400, 400, "个", "左右"),
    ("300所左右", 300, 300, "所", "左右"),
    ("500个左右", 500, 500, "个", "左右"),
    ("100个左右", 100, 100, "个", "左右"),
    ("100所左右", 100, 100, "所", "左右"),
    ("100个左右", 100, 100, "个", "左右"),
    ("100个左右", 100, 100, "个", "左右"),
    ("100个左右", 100, 100, "个", "左右"),
    ("100个左右", 100, 100, "个", "左右"),
]


@pytest.fixture(params=["seed_html", "seed_text"])
def seed(request):
    return request.getfixturevalue(request.param)


def test_seed_metadata(seed):
    meta = seed.metadata
    assert meta.title == "人力资源社会保障部关于印发“技能中国行动”实施方案的通知"
    assert meta.issuer == ["人力资源社会保障部"]
    assert meta.doc_number == "人社部发〔2021〕48号"
    assert str(meta.date) == "2021-06-30"
    assert meta.addressees == ["各省、自治区、直辖市及新疆生产建设兵团人力资源社会保障厅（局）"]
    assert seed.title == "“技能中国行动”实施方案"


def test_seed_roles_and_views(seed):
    assert [s.role for s in seed.sections] == ["guiding_ideology", "objectives", "principles", "tasks", "safeguards"]
    assert seed.guiding_ideology.startswith("以习近平新时代中国特色社会主义思想为指导")
    assert [p.title for p in seed.principles] == ["坚持党管人才", "坚持服务发展", "坚持改革创新", "坚持需求导向"]
    assert len(seed.tasks) == 20
    assert [t.marker for t in seed.tasks] == [f"{n}." for n in range(1, 21)]
    assert seed.tasks[4].group == "实施“技能提升”行动"
    assert [s.title for s in seed.safeguards] == ["加强组织领导", "加大经费支持", "加大宣传引导"]
    assert "4000万人以上" in seed.objectives[0]


def test_seed_body_targets_are_exactly_these_16(seed):
    body = [t for t in seed.targets if not (t.section or "").startswith("附件")]
    assert [(t.raw, t.low, t.high, t.unit, t.qualifier) for t in body] == SEED_TARGETS
    first = body[0]
    assert first.indicator == "新增技能人才"
    assert (first.period.text, first.period.start, first.period.end) == ("“十四五”期间", 2021, 2025)
    assert first.section == "二、目标任务"
    assert body[4].indicator == "世界技能大赛综合训练中心"


def test_seed_annex_target_only_in_the_pdf_text(seed_html, seed_text):
    annex = [t for t in seed_text.targets if (t.section or "").startswith("附件")]
    assert [(t.raw, t.low, t.qualifier, t.period.text) for t in annex] == [("50个以上", 50, "以上", "每年")]
    assert len(seed_html.targets) == 16


def test_seed_news_fields(seed_html):
    news = seed_html.news
    assert (news.original_title, news.source, news.editor) == (
        "人力资源社会保障部印发“技能中国行动”实施方案",
        "人力资源社会保障部网站",
        "李思阳",
    )


def test_views_are_in_the_json_and_the_json_reads_back(seed_text):
    import json

    from policydoc import PolicyDocument

    data = json.loads(seed_text.model_dump_json())
    assert len(data["tasks"]) == 20 and len(data["principles"]) == 4
    assert PolicyDocument.model_validate_json(seed_text.model_dump_json()) == seed_text


def test_a_clause_naming_only_a_year_keeps_the_sentence_indicator():
    import policydoc

    doc = policydoc.parse(
        "一、主要目标\n到2023年，力争每万常住人口家庭医生数不低于4人，到2025年不低于4.66人。\n", format="text"
    )
    assert [(t.raw, t.indicator, t.period.end) for t in doc.targets] == [
        ("4人", "每万常住人口家庭医生数", 2023),
        ("4.66人", "每万常住人口家庭医生数", 2025),
    ]


def test_a_deadline_opening_the_paragraph_dates_the_targets_of_its_later_sentences():
    """Regression: 到2020年，…提升。全国农机总动力超过10亿千瓦… gave the targets of the second sentence
    no period; a past year (2019年，…完成) dates nothing that follows it."""
    import policydoc

    text = (
        "一、发展目标\n"
        "到2020年，农机装备产业科技创新能力持续提升。全国农机总动力超过10亿千瓦，综合机械化率达到70%。\n"
        "到2025年，农机装备品类基本齐全。全国农机总动力稳定在11亿千瓦左右。\n"
        "2019年，全国农机装备水平明显提高。力争综合机械化率达到75%。\n"
        "到2027年，全市基站总数达到1000个。目前，全市已建成基站500个。\n"
        "到2030年，产业体系基本建立。单位能耗在现有基础上下降15%。\n"
    )
    doc = policydoc.parse(text, format="text")
    assert [(t.raw, t.period.end if t.period else None) for t in doc.targets] == [
        ("10亿千瓦", 2020),
        ("70%", 2020),
        ("11亿千瓦左右", 2025),
        ("75%", None),
        ("1000个", 2027),
        ("15%", 2030),  # 在现有基础上: a target's words, not where things stand
    ]
    # Where things stand (目前，…已建成): no deadline dates it.
    assert [q.period for q in doc.quantities if q.raw == "500个"] == [None]
