"""JSON, Markdown, notebook HTML and the tables (documents, tasks, targets, quantities)."""

from __future__ import annotations

import sys

import pytest

import policydoc
from policydoc.export import targets_rows

from .conftest import SHARED, needs_shared, parsed


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


def test_documents_frame_has_one_row_per_document_with_counts(seed_text, seed_html):
    frame = policydoc.documents_frame([seed_html, seed_text])
    assert list(frame.columns[:3]) == ["format", "doc_number", "date"] and frame.columns[-1] == "source"
    assert list(frame["format"]) == ["sina", "pdf-text"]
    row = frame.iloc[1]
    assert (row["sections"], row["tasks"], row["targets"], row["annexes"]) == (37, 20, 17, 1)
    assert row["quantities"] == len(seed_text.quantities) and row["references"] == len(seed_text.references)
    assert row["title"] == "“技能中国行动”实施方案" and row["issuer"] == "人力资源社会保障部"
    assert all(str(frame[c].dtype) == "int64" for c in ("sections", "tasks", "targets", "annexes"))


def test_tasks_frame_has_one_row_per_task_with_its_provenance(seed_text):
    frame = policydoc.tasks_frame(seed_text)
    assert len(frame) == len(seed_text.tasks) == 20
    assert list(frame.columns) == [
        "doc_number",
        "marker",
        "title",
        "group",
        "page",
        "line",
        "element",
        "doc_title",
        "text",
    ]
    first = frame.iloc[0]
    assert (first["marker"], first["title"]) == ("1.", "健全技能人才发展政策体系")
    assert first["group"] == seed_text.tasks[0].group and first["text"] == seed_text.tasks[0].text
    # The text copied out of a PDF gives lines; every task is found in the tree again.
    assert str(frame["line"].dtype) == "Int64" and frame["line"].notna().all()
    assert frame["line"].is_monotonic_increasing


def test_tasks_frame_of_a_web_page_gives_elements(seed_html):
    frame = policydoc.tasks_frame(seed_html)
    assert frame["element"].notna().all() and frame["page"].isna().all()


def test_frames_keep_integral_amounts_as_integers(seed_text):
    frame = policydoc.targets_frame(seed_text)
    assert str(frame["low"].dtype) == "Int64" and frame.loc[0, "low"] == 40_000_000
    assert "40000000.0" not in frame.to_string() and "40000000" in frame.to_string()
    assert str(frame["period_start"].dtype) == "Int64"


def test_frames_keep_a_column_with_a_fraction_as_float():
    doc = policydoc.parse("一、主要目标\n到2025年，新增就业10万人，覆盖率达到92.5%。\n", format="text")
    frame = policydoc.targets_frame(doc)
    assert list(frame["low"]) == [100_000, 92.5] and str(frame["low"].dtype) == "float64"


def test_frames_take_a_collection_as_its_documents(seed_text):
    collection = policydoc.Collection(source=seed_text.source, documents=[seed_text, seed_text])
    assert len(policydoc.documents_frame(collection)) == 2 and len(policydoc.tasks_frame(collection)) == 40


def test_tasks_rows_need_no_pandas(seed_text, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    from policydoc.export import documents_rows, tasks_rows

    assert len(tasks_rows([seed_text])) == 20 and documents_rows([seed_text])[0]["tasks"] == 20


def test_frames_of_no_documents_are_empty_with_their_columns():
    for frame in (policydoc.documents_frame([]), policydoc.tasks_frame([]), policydoc.targets_frame([])):
        assert frame.empty and len(frame.columns) > 5


@needs_shared
def test_every_corpus_task_is_found_again_in_its_tree_in_reading_order():
    paths = sorted(p for p in (SHARED / "corpus").rglob("*") if p.suffix in {".html", ".pdf", ".txt", ".md"})
    docs = [parsed(p) for p in paths]
    frame = policydoc.tasks_frame(docs)
    assert len(frame) == sum(len(d.tasks) for d in docs) > 300
    where = frame[["page", "line", "element"]]
    assert where.notna().any(axis=1).all(), "a task whose section was not found again"
    for _, rows in frame.assign(source=[d.source.path for d in docs for _ in d.tasks]).groupby("source"):
        key = rows["element"] if rows["element"].notna().all() else rows["page"].fillna(0) * 100_000 + rows["line"]
        assert key.is_monotonic_increasing
    documents = policydoc.documents_frame(docs)
    assert list(documents["tasks"]) == [len(d.tasks) for d in docs]
    assert (documents["sections"] >= documents["tasks"]).all()  # tasks are sections of the tree
