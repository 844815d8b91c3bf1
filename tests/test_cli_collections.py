"""The command line on files that hold several documents, chunks and references (issues 16, 15).

A subprocess on real files: the compilation in ``../shared/compilations`` (18 items behind a
table of contents), a decision followed by the regulation it revises (two documents), and
the samples, which hold one document each and must be converted exactly as before.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

import policydoc
from policydoc.batch import discover
from policydoc.batch.outputs import JsonlSink
from policydoc.batch.rows import REFERENCE_COLUMNS

from .conftest import SEED_HTML, SEED_TEXT, SHARED, needs_shared
from .test_cli_batch import pd

COMPILATION = SHARED / "compilations" / "neijiang-fanxiang-huibian.txt"
DECISION = SHARED / "corpus" / "regulation" / "jiangxi-liudong-renkou-banfa-xiugai-jueding-ling223.html"
REGULATIONS = SHARED / "corpus" / "regulation"


def expected_titles() -> list[str]:
    with COMPILATION.with_suffix(".docs.tsv").open(encoding="utf-8") as tsv:
        return [row["title"] for row in csv.DictReader(tsv, delimiter="\t")]


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``convert -o`` of the compilation, the decision and both seeds, in two workers."""
    out = tmp_path_factory.mktemp("collections") / "out"
    result = pd("convert", str(COMPILATION), str(DECISION), str(SEED_HTML), str(SEED_TEXT), "-o", str(out), "-j", "2")
    assert result.returncode == 0, result.err
    assert "4 converted (22 documents)" in result.err
    return out


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``convert --jsonl --chunks`` of the same inputs, in input order (one worker)."""
    where = tmp_path_factory.mktemp("records")
    args = [str(COMPILATION), str(DECISION), str(SEED_HTML), str(SEED_TEXT)]
    result = pd(
        "convert", *args, "--jsonl", str(where / "docs.jsonl"), "--chunks", str(where / "chunks.jsonl"), "-j", "1"
    )
    assert result.returncode == 0, result.err
    return where


# --- convert -o: one JSON per document ------------------------------------------------------------


@needs_shared
def test_a_compilation_gives_one_json_per_document_named_by_its_position(converted: Path):
    names = sorted(p.name for p in converted.glob(f"{COMPILATION.name}*"))
    assert names == [f"{COMPILATION.name}#{n:02d}.json" for n in range(1, 19)]  # no plain .txt.json
    docs = [policydoc.PolicyDocument.model_validate_json((converted / name).read_text("utf-8")) for name in names]
    assert [d.title for d in docs] == expected_titles()
    assert [d.part.index for d in docs] == list(range(18))


@needs_shared
def test_a_decision_and_the_regulation_it_revises_are_two_linked_files(converted: Path):
    first, second = (json.loads((converted / f"{DECISION.name}#{n}.json").read_text("utf-8")) for n in (1, 2))
    assert not (converted / f"{DECISION.name}.json").exists()
    assert first["part"]["amends"] == 1 and second["part"]["part_of"] == 0
    assert "修改" in first["title"] and second["title"] in first["title"]


@needs_shared
def test_a_file_holding_one_document_is_written_exactly_as_before(converted: Path):
    for seed in (SEED_HTML, SEED_TEXT):
        written = (converted / f"{seed.name}.json").read_text("utf-8")
        assert written == policydoc.parse(seed).model_dump_json(indent=2)
        assert not list(converted.glob(f"{seed.name}#*"))


@needs_shared
def test_outputs_of_an_earlier_run_that_no_longer_apply_are_removed(tmp_path: Path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(DECISION, src / "notice.html")
    assert pd("convert", str(src), "-o", str(out), "-j", "1").returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["notice.html#1.json", "notice.html#2.json"]
    shutil.copy(SEED_HTML, src / "notice.html")  # the same name now holds one document
    result = pd("convert", str(src), "-o", str(out), "-j", "1", "--resume")
    assert result.returncode == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == ["notice.html.json"]


def test_a_folder_converted_into_itself_does_not_read_the_documents_it_wrote(tmp_path: Path):
    for name in ("a.html", "a.html.json", "a.html#1.json", "a.html#12.json", "a.html.2#03.json", "b#1.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = discover([tmp_path], exclude=tmp_path)
    assert sorted(rel.name for _, rel in found.found) == ["a.html", "b#1.txt"]


# --- JSON Lines: one line per document, resumable ------------------------------------------------


@needs_shared
def test_json_lines_hold_one_record_per_document_with_its_part(records: Path):
    rows = jsonl(records / "docs.jsonl")
    assert len(rows) == 18 + 2 + 1 + 1
    compilation = [r for r in rows if r["source"] == str(COMPILATION)]
    assert [(r["part"], r["parts"]) for r in compilation] == [(i, 18) for i in range(18)]
    assert [r["doc"]["title"] for r in compilation] == expected_titles()
    assert len({r["sha256"] for r in compilation}) == 1
    seed = next(r for r in rows if r["source"] == str(SEED_TEXT))
    assert set(seed) == {"ok", "source", "sha256", "doc"}  # one document: the record of before
    assert seed["doc"] == json.loads(policydoc.parse(SEED_TEXT).model_dump_json())


@needs_shared
def test_resume_after_a_torn_group_converts_that_file_again_without_duplicates(records: Path, tmp_path: Path):
    docs, chunks = tmp_path / "docs.jsonl", tmp_path / "chunks.jsonl"
    whole_docs = (records / "docs.jsonl").read_bytes().splitlines(keepends=True)
    whole_chunks = (records / "chunks.jsonl").read_bytes().splitlines(keepends=True)
    # A crash of the machine in the middle of the compilation's write: ten of its 18 lines and half a line.
    docs.write_bytes(b"".join(whole_docs[:10]) + whole_docs[10][:40])
    chunks.write_bytes(b"".join(whole_chunks[:7]))
    args = [str(COMPILATION), str(DECISION), str(SEED_HTML), str(SEED_TEXT)]
    result = pd("convert", *args, "--jsonl", str(docs), "--chunks", str(chunks), "-j", "1", "--resume")
    assert result.returncode == 0, result.err
    assert "4 converted" in result.err
    for written, whole in ((docs, whole_docs), (chunks, whole_chunks)):
        rows = jsonl(written)
        keys = Counter((r["source"], r.get("part"), r.get("chunk")) for r in rows)
        assert len(rows) == len(whole) and max(keys.values()) == 1
    again = pd("convert", *args, "--jsonl", str(docs), "--chunks", str(chunks), "-j", "2", "--resume")
    assert "0 converted, 4 already done" in again.err
    assert len(jsonl(docs)) == len(whole_docs)


def test_a_sink_cuts_off_a_last_group_left_incomplete(tmp_path: Path):
    target = tmp_path / "x.jsonl"
    group = [{"source": "a", "sha256": "1", "part": i, "parts": 3} for i in range(3)]
    lines = [json.dumps(r) + "\n" for r in [{"source": "z", "sha256": "0"}, *group]]
    target.write_text("".join(lines[:3]), encoding="utf-8")  # the group of "a" lacks its last record
    sink = JsonlSink(str(target), resume=True)
    sink.close()
    assert sink.recorded("a") == set() and sink.recorded("z") == {"0"}
    assert target.read_text(encoding="utf-8") == lines[0]


# --- --chunks -------------------------------------------------------------------------------------


@needs_shared
def test_chunks_of_every_document_as_json_lines(records: Path):
    rows = jsonl(records / "chunks.jsonl")
    assert {r["source"] for r in rows} == {str(p) for p in (COMPILATION, DECISION, SEED_HTML, SEED_TEXT)}
    compilation = [r for r in rows if r["source"] == str(COMPILATION)]
    assert {r["part"] for r in compilation} == set(range(18))
    assert [r["chunk"] for r in compilation] == list(range(len(compilation)))
    assert {r["chunks"] for r in compilation} == {len(compilation)}
    assert {r["title"] for r in compilation} == set(expected_titles())


def test_chunks_of_the_samples_are_the_documents_chunks(tmp_path: Path):
    target = tmp_path / "chunks.jsonl"
    result = pd("convert", str(SEED_HTML), str(SEED_TEXT), "--chunks", str(target), "--max-chars", "300", "-j", "1")
    assert result.returncode == 0, result.err
    rows = jsonl(target)
    for seed in (SEED_HTML, SEED_TEXT):
        mine = [r for r in rows if r["source"] == str(seed)]
        expected = policydoc.parse(seed).chunks(300)
        assert [r["text"] for r in mine] == [c.text for c in expected]
        assert [r["heading_path"] for r in mine] == [c.heading_path for c in expected]
        assert all(len(r["text"]) <= 300 for r in mine)
        assert {r["doc_number"] for r in mine} == {"人社部发〔2021〕48号"}
        assert all(r["part"] is None for r in mine)
    assert any(r["provenance"] and "line" in r["provenance"] for r in rows)
    assert list(rows[0]) == [
        *("source", "sha256", "part", "chunk", "chunks", "title", "doc_number", "heading_path", "provenance", "text")
    ]


def test_chunks_to_standard_output_next_to_another_output_on_it_is_a_usage_error():
    result = pd("convert", str(SEED_TEXT), "--jsonl", "-", "--chunks", "-")
    assert result.returncode == 2 and "standard output" in result.err


# --- show -----------------------------------------------------------------------------------------


@needs_shared
def test_show_lists_the_documents_of_a_compilation_before_the_first():
    result = pd("show", str(COMPILATION))
    assert result.returncode == 0, result.err
    head, _, details = result.out.partition("\n\n")
    lines = head.splitlines()
    assert lines[0].startswith("# 18 documents")
    assert [line.split("\t")[1] for line in lines[1:]] == expected_titles()
    assert lines[1].split("\t")[2] == "l.30–l.60"
    assert details.startswith(f"标题\t{expected_titles()[0]}\n")
    assert "文档\t1/18" in details


@needs_shared
def test_show_doc_picks_one_document_of_the_file():
    result = pd("show", str(DECISION), "--doc", "2")
    assert result.returncode == 0, result.err
    assert "文档\t2/2" in result.out
    assert "\n  第一条" in result.out  # the revised regulation's own articles
    assert pd("show", str(DECISION), "--doc", "3").returncode == 2


def test_show_of_a_single_document_lists_nothing_first():
    result = pd("show", str(SEED_TEXT))
    assert result.returncode == 0, result.err
    assert result.out.startswith("标题\t") and "documents" not in result.out and "文档\t" not in result.out


# --- refs -----------------------------------------------------------------------------------------


def test_refs_of_the_samples_when_piped_are_tab_separated_full_values():
    result = pd("refs", str(SEED_HTML), str(SEED_TEXT), "-j", "1")
    assert result.returncode == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out), delimiter="\t"))
    assert result.out.splitlines()[0].split("\t") == list(REFERENCE_COLUMNS)
    expected = [r for seed in (SEED_HTML, SEED_TEXT) for r in policydoc.parse(seed).references]
    assert [r["title"] for r in rows] == [r.title or "" for r in expected]
    assert {r["citing_number"] for r in rows} == {"人社部发〔2021〕48号"}
    assert any(r["title"] == "技能人才薪酬分配指引" for r in rows)


@needs_shared
def test_refs_of_a_corpus_folder_in_the_worker_pool_as_csv(tmp_path: Path):
    target = tmp_path / "refs.csv"
    result = pd("refs", str(REGULATIONS), "--csv", str(target), "-j", "2")
    assert result.returncode in (0, 1), result.err
    with target.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    # The decision cites the regulation it revises; its revised text is a document of its own.
    decision = [r for r in rows if r["source"] == str(DECISION)]
    assert any(r["title"] == "江西省流动人口服务和管理办法" and r["part"] == "0" for r in decision)
    sources = [r["source"] for r in rows]
    assert sources == sorted(sources, key=lambda s: sorted(map(str, REGULATIONS.rglob("*"))).index(s))


@needs_shared
def test_parquet_has_one_row_per_document_with_its_part(tmp_path: Path):
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "docs.parquet"
    result = pd("convert", str(DECISION), str(SEED_TEXT), "--parquet", str(target), "-j", "1")
    assert result.returncode == 0, result.err
    rows = pq.read_table(target).select(["source", "part", "doc_title"]).to_pylist()
    assert [(r["source"], r["part"]) for r in rows] == [(str(DECISION), 0), (str(DECISION), 1), (str(SEED_TEXT), None)]


@needs_shared
def test_validate_checks_a_file_of_several_documents_document_by_document():
    result = pd("validate", str(DECISION), str(SEED_TEXT), "--format", "json")
    report = json.loads(result.out)
    assert list(report) == [f"{DECISION}#1", f"{DECISION}#2", str(SEED_TEXT)]
