"""JSON, Markdown, notebook HTML and the targets table."""

from __future__ import annotations

import sys

import pytest

import policydoc
from policydoc.export import targets_rows


def test_markdown_keeps_markers_and_lists_targets(seed_text):
    md = seed_text.to_markdown()
    assert "## 三、基本原则" in md and "### （一）坚持党管人才" in md and "#### 1.健全技能人才发展政策体系" in md
    assert "| 新增技能人才 | 40000000 | 人 | 以上 | “十四五”期间 | 4000万人以上 | 二、目标任务 |" in md
    assert "## 附件 “技能中国行动”2021-2022年重点工作安排" in md


def test_notebook_html_has_metadata_tree_and_targets(seed_text):
    html = seed_text._repr_html_()
    assert "人社部发〔2021〕48号" in html and "<details" in html and "量化目标 (17)" in html


def test_json_round_trips(seed_html):
    assert policydoc.PolicyDocument.model_validate_json(seed_html.to_json()) == seed_html


def test_targets_rows_span_documents(seed_html, seed_text):
    rows = targets_rows([seed_html, seed_text])
    assert len(rows) == 33 and rows[0]["doc_number"] == "人社部发〔2021〕48号"


def test_targets_frame_without_pandas_says_how_to_get_it(seed_text, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if the [notebook] extra were not installed
    with pytest.raises(ImportError, match=r"policydoc\[notebook\]"):
        policydoc.targets_frame(seed_text)


def test_targets_frame(seed_text, seed_html):
    frame = policydoc.targets_frame([seed_text, seed_html])
    assert len(frame) == 33 and list(frame["raw"][:2]) == ["4000万人以上", "30%"]
    assert frame.loc[0, "low"] == 40_000_000 and frame.loc[0, "period_start"] == 2021


def test_quantities_frame_has_the_kind_and_its_targets_match_targets_frame(seed_text):
    doc = policydoc.parse(
        "一、主要目标\n到2025年，新增就业10万人，给予最高50万元奖励，5个工作日内办结。\n", format="text"
    )
    frame = policydoc.quantities_frame([doc, seed_text])
    assert list(frame["kind"][:3]) == ["target", "support", "deadline"]
    assert frame.columns[frame.columns.get_loc("kind") + 1] == "indicator"
    targets = frame[frame["kind"] == "target"].drop(columns="kind").reset_index(drop=True)
    assert targets.equals(policydoc.targets_frame([doc, seed_text]))
