"""References between documents, retrieval chunks, and parsing many files."""

from __future__ import annotations

import re

import pytest

import policydoc
from policydoc.chunks import split_text
from policydoc.references import find

from .conftest import SEED_HTML, SEED_TEXT

# (paragraph, [(doc_number, title)] expected) — phrasing in the style of real notices.
CITATION_CASES = [
    (
        "根据《国务院办公厅关于促进3岁以下婴幼儿照护服务发展的指导意见》（国办发〔2019〕15号）精神，结合实际。",
        [("国办发〔2019〕15号", "国务院办公厅关于促进3岁以下婴幼儿照护服务发展的指导意见")],
    ),
    ("原《某区扶持办法》（穗天发改规字〔2024〕1号）同时废止。", [("穗天发改规字〔2024〕1号", "某区扶持办法")]),
    ("按照国发〔2019〕4号文件要求执行。", [("国发〔2019〕4号", None)]),
    ("依据《中华人民共和国市场主体登记管理条例》制定。", [(None, "中华人民共和国市场主体登记管理条例")]),
    ("（2021年7月27日中华人民共和国国务院令第746号公布）", [("中华人民共和国国务院令第746号", None)]),
    ("各地要落实《技能人才薪酬分配指引》，完善薪酬制度。", [(None, "技能人才薪酬分配指引")]),
    ("按照财税[2016]36号规定执行。", [("财税〔2016〕36号", None)]),
    # not citations: a newspaper, a book title naming no document type, a year range
    ("在《人民日报》发表文章，组织编写《大国工匠》读本。", []),
    ("2021—2025年期间持续推进。", []),
]


@pytest.mark.parametrize(("text", "expected"), CITATION_CASES, ids=[c[0][:12] for c in CITATION_CASES])
def test_citation_forms(text, expected):
    assert [(r.doc_number, r.title) for r in find(text, None)] == expected


def test_own_number_and_enclosed_title_are_not_references(seed_html):
    cited = {(r.doc_number, r.title) for r in seed_html.references}
    assert all(r.doc_number != "人社部发〔2021〕48号" for r in seed_html.references)
    assert (None, "“技能中国行动”实施方案") not in cited
    assert (None, "技能人才薪酬分配指引") in cited
    [ref] = [r for r in seed_html.references if r.title == "技能人才薪酬分配指引"]
    assert ref.section.startswith("四、主要任务")


def _han(text: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff]", text))


@pytest.mark.parametrize("max_chars", [80, 300, 2000])
def test_chunks_hold_the_whole_text_in_order_and_never_cross_a_section(seed_text, max_chars):
    chunks = seed_text.chunks(max_chars=max_chars)
    assert all(0 < len(c.text) <= max_chars for c in chunks)
    # Every section's own text is found, whole and in order, in the chunks of its own path.
    joined = {}
    for c in chunks:
        joined.setdefault(tuple(c.heading_path), []).append(c.text)
    for section in seed_text.walk():
        if section.text:
            path = [h for h in _path_to(seed_text.sections, section)]
            assert _han(section.text) in _han("".join(joined[tuple(path)]))
    # All the body text, in order.
    body = "".join(_han(c.text) for c in chunks)
    for section in seed_text.walk():
        assert _han(section.text) in body
    assert chunks[0].title == "“技能中国行动”实施方案" and chunks[0].doc_number == "人社部发〔2021〕48号"


def _path_to(sections, target, path=()):
    for s in sections:
        here = (*path, f"{s.marker}{s.title}")
        if s is target:
            return here
        found = _path_to(s.children, target, here)
        if found:
            return found
    return None


def test_task_chunk_carries_its_heading_path(seed_html):
    chunks = seed_html.chunks()
    [chunk] = [c for c in chunks if c.heading_path and c.heading_path[-1].startswith("1.健全技能人才发展政策体系")]
    assert chunk.heading_path[0] == "四、主要任务" and chunk.heading_path[1].startswith("（一）")
    assert chunk.text.startswith("1.健全技能人才发展政策体系")


def test_annex_chunks_carry_the_annex_label():
    doc = policydoc.parse(SEED_TEXT)
    annex_chunks = [c for c in doc.chunks() if c.heading_path and c.heading_path[0].startswith("附件")]
    assert annex_chunks and all(c.heading_path[0].startswith("附件 ") for c in annex_chunks)


@pytest.mark.parametrize(
    ("text", "max_chars", "pieces"),
    [
        ("一句话。", 10, ["一句话。"]),
        ("第一句。第二句。第三句。", 8, ["第一句。第二句。", "第三句。"]),
        ("甲" * 25, 10, ["甲" * 10, "甲" * 10, "甲" * 5]),
        ("短。" + "乙" * 12 + "。", 6, ["短。", "乙" * 6, "乙" * 6, "。"]),
    ],
)
def test_long_text_is_cut_at_sentence_ends_then_hard(text, max_chars, pieces):
    assert split_text(text, max_chars) == pieces


def test_parse_many_keeps_going_past_a_bad_file(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    results = list(policydoc.parse_many([SEED_HTML, tmp_path / "missing.pdf", bad, SEED_TEXT]))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["PolicyDocument", "UnreadableFileError", "EmptyDocumentError", "PolicyDocument"]
    assert results[1].path.endswith("missing.pdf")
