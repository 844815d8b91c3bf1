"""Every real document in ../shared parses; notices get a tree (skipped when ../shared is absent)."""

from __future__ import annotations

import json

import pytest

import policydoc

from .conftest import ROOT, SHARED, needs_shared, parsed

CORPUS = SHARED / "corpus"
FILES = (
    sorted(p for p in [*CORPUS.rglob("*"), *(SHARED / "seeds").glob("*")] if p.is_file() and p.suffix != ".tsv")
    if SHARED.is_dir()
    else []
)
# Not notices with a numbered body: news summaries, an annex that is one big table,
# and a notice whose body is three unnumbered paragraphs (its annex is a name list).
NO_TREE_EXPECTED = {
    "guowuyuan-shisiwu-shuzi-jingji-guihua-2022-summary.md",
    "zhejiang-zhaoshang-yinzi-zhidao-yijian-2022-summary.md",
    "jiangxi-rongque-shenpi-fujian1-qingdan-2020.pdf",
    "cq-jjxxw-gongyi-meishu-dashi-2024.html",
    "cq-jiaotong-chufa-caoliang-jizhun-2024.html",
}


@pytest.fixture(scope="module")
def validator():
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "schemas" / "policydoc.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@needs_shared
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_real_document_parses_and_its_json_validates(path, validator):
    doc = parsed(path)
    if path.name not in NO_TREE_EXPECTED:
        assert doc.sections, f"{path.name}: empty section tree"
    errors = [e.message for e in validator.iter_errors(json.loads(doc.to_json()))]
    assert errors == []


def doc(name: str) -> policydoc.PolicyDocument:
    [path] = [p for p in FILES if p.name == name]
    return parsed(path)


@needs_shared
def test_numbering_continuous_across_sections_govcn_2019_4():
    d = doc("govcn-guofa-2019-4-zhiye-jiaoyu-gaige-fangan.html")
    assert len(d.sections) == 7
    items = [c for s in d.sections for c in s.children]
    assert [c.ordinal for c in items] == list(range(1, 21))
    assert d.title == "国家职业教育改革实施方案"
    assert d.metadata.doc_number == "国发〔2019〕4号"


@needs_shared
def test_numbering_restarting_per_section_keji_lunli():
    d = doc("zhongban-guoban-keji-lunli-zhili-2022.md")
    firsts = [s.children[0].ordinal for s in d.sections if s.children]
    assert firsts and all(n == 1 for n in firsts)


@needs_shared
def test_chapters_articles_items_in_regulation():
    d = doc("scjgj-gz-shichang-zhuti-dengji-tiaoli-ling746.html")
    assert [s.marker for s in d.sections][:2] == ["第一章", "第二章"]
    articles = [a for s in d.sections for a in s.children if a.style == "article"]
    assert [a.ordinal for a in articles] == list(range(1, 56))
    # 第八条 has two separate （一）… runs
    eighth = articles[7]
    assert [c.ordinal for c in eighth.children].count(1) == 2


@needs_shared
def test_articles_numbered_like_sections_inside_chapters_gongzuo_guize():
    d = doc("govcn-guofa-2004-18-guowuyuan-gongzuo-guize.html")
    assert all(s.style == "chapter" for s in d.sections) and len(d.sections) == 10
    assert d.sections[0].title == "总则"
    numbered = [c for s in d.sections for c in s.children]
    assert [c.ordinal for c in numbered] == list(range(1, len(numbered) + 1))
    assert numbered[11].marker == "十二、" and d.sections[2].children[0] is numbered[11]


@needs_shared
def test_annex_with_its_own_tree_does_not_merge_into_the_measures():
    d = doc("gz-jiuye-jianxi-jidi-banfa-2019.html")
    assert d.sections[0].marker == "第一章" and d.sections[-1].marker == "第五章"
    [annex] = d.annexes
    assert annex.sections and annex.sections[0].marker == "一、"


@needs_shared
def test_table_cells_never_become_headings():
    d = doc("cq-jiaotong-chufa-caoliang-jizhun-2024.html")
    assert [a.label for a in d.annexes] == ["附件1", "附件2", "附件3", "附件4", "附件5"]
    assert d.metadata.title.startswith("重庆市交通运输委员会关于印发")
    assert d.metadata.doc_number == "渝交规〔2024〕2号"
    assert len(d.metadata.attachments) == 5


@needs_shared
def test_pdf_extracted_text_with_broken_line_spaces():
    d = doc("nhsa-zhineng-jianguan-gaige-shidian-2025.pdf.txt")
    assert d.source.format == "pdf-text"
    assert "提炼典型经验" in d.preamble
    assert d.metadata.doc_number == "医保办函〔2025〕40号"


@needs_shared
def test_annex_label_in_a_table_cell_starts_the_annex():
    d = doc("gz-weijian-jiating-yisheng-qianyue-2023.html")
    assert [(a.label, a.title) for a in d.annexes] == [
        ("附件1", "广州市家庭医生签约服务质量监测指标体系（2023年版）"),
        ("附件2", "关于推进广州市家庭医生签约服务高质量发展工作的任务分工表"),
    ]
    body_targets = [t for t in d.targets if not (t.section or "").startswith("附件")]
    # 24 quantities of the body before kinds: 等6类困难群体 counts a list, 3个月内出台 is a
    # deadline, 服务费的80%/20%用于… is an allocation rule (standard)
    assert len(body_targets) == 20


@needs_shared
def test_pdf_table_rows_that_look_like_headings_stay_table_text():
    d = doc("huaian-hongzequ-2024-zhengfu-xinxi-gongkai-niandu-baogao.pdf")
    assert [s.marker for s in d.sections] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert d.sections[3].title == "政府信息公开行政复议、行政诉讼情况"
    assert len(d.sections[0].children) == 5 and not d.sections[2].children


@needs_shared
def test_quantities_read_from_table_rows_are_flagged_and_penalties_are_no_targets():
    schedule = doc("cq-jiaotong-chufa-caoliang-jizhun-2024.html")
    penalties = [q for q in schedule.quantities if q.kind == "penalty"]
    assert penalties and all(q.in_table for q in penalties)
    assert not schedule.targets
    plan = doc("gz-weijian-jiating-yisheng-qianyue-2023.html").targets
    assert not any(t.in_table for t in plan if not (t.section or "").startswith("附件"))
