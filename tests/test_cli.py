"""The command line, through typer's runner and as a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policydoc.cli import app

from .conftest import ROOT, SEED_HTML, SEED_PDF, SEED_TEXT

runner = CliRunner()


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """The seeds plus a broken PDF and an empty file, in a small tree."""
    src = tmp_path / "in"
    (src / "sina").mkdir(parents=True)
    shutil.copy(SEED_HTML, src / "sina" / SEED_HTML.name)
    shutil.copy(SEED_TEXT, src / SEED_TEXT.name)
    (src / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF")
    (src / "empty.txt").write_bytes(b"")
    return src


def test_convert_batch_mirrors_tree_and_reports_bad_files(batch: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(batch), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert (out / "sina" / "000_825415eff566e735.txt.json").exists()
    assert (out / "001_ddd44863a8d9c8fd.txt.json").exists()
    assert not (out / "broken.pdf.json").exists() and not (out / "empty.txt.json").exists()
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(e["path"]).name for e in errors) == ["broken.pdf", "empty.txt"]
    assert {e["error_type"] for e in errors} == {"UnsupportedFormatError", "EmptyDocumentError"}
    assert "broken.pdf" in result.output and "empty.txt" in result.output
    assert not list(out.rglob("*.part")) and not (out / ".policydoc-tmp").exists()


def test_convert_resume_skips_fresh_outputs(batch: Path, tmp_path: Path):
    out = tmp_path / "out"
    runner.invoke(app, ["convert", str(batch), "-o", str(out), "--jobs", "1"])
    before = (out / "001_ddd44863a8d9c8fd.txt.json").stat().st_mtime_ns
    result = runner.invoke(app, ["convert", str(batch), "-o", str(out), "--resume", "--jobs", "1"])
    assert result.exit_code == 1  # the two bad files still fail
    assert (out / "001_ddd44863a8d9c8fd.txt.json").stat().st_mtime_ns == before
    assert "2 already done" in result.output


def test_convert_jsonl(batch: Path, tmp_path: Path):
    target = tmp_path / "all.jsonl"
    result = runner.invoke(app, ["convert", str(batch), "--jsonl", str(target)])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 4 and sum(r["ok"] for r in rows) == 2


def test_usage_errors_exit_2(tmp_path: Path):
    assert runner.invoke(app, ["convert", str(tmp_path)]).exit_code == 2  # nowhere to write
    assert runner.invoke(app, ["convert", str(tmp_path), "-o", "a", "--jsonl", "b"]).exit_code == 2
    assert runner.invoke(app, ["convert", str(SEED_TEXT), "-o", str(tmp_path), "--jobs", "0"]).exit_code == 2


def test_show_missing_file_is_one_clear_line(tmp_path: Path):
    result = runner.invoke(app, ["show", str(tmp_path / "missing.pdf")])
    assert result.exit_code == 1
    assert "missing.pdf: no such file" in result.output
    assert "Traceback" not in result.output


def test_show_and_targets(tmp_path: Path):
    result = runner.invoke(app, ["show", str(SEED_TEXT)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "基本原则" in result.output and "[principles]" in result.output and "4000万人以上" in result.output
    assert "40000000" in result.output and "e+07" not in result.output
    csv_file = tmp_path / "t.csv"
    result = runner.invoke(app, ["targets", str(SEED_TEXT), str(SEED_HTML), "--csv", str(csv_file)])
    assert result.exit_code == 0
    lines = csv_file.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("doc_title,doc_number") and len(lines) == 1 + 17 + 16


def test_schema_command_prints_the_committed_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads((ROOT / "schemas" / "policydoc.schema.json").read_text("utf-8"))


def test_validate_json_and_notices(tmp_path: Path):
    out = tmp_path / "out"
    runner.invoke(app, ["convert", str(SEED_TEXT), "-o", str(out)])
    good = out / "001_ddd44863a8d9c8fd.txt.json"
    result = runner.invoke(app, ["validate", str(good), str(SEED_TEXT), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {str(good): [], str(SEED_TEXT): []}
    data = json.loads(good.read_text("utf-8"))
    data["metadata"]["date"] = "not a date"
    del data["source"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    result = runner.invoke(app, ["validate", str(bad), "--format", "json"])
    assert result.exit_code == 1
    found = json.loads(result.stdout)[str(bad)]
    assert {d["location"] for d in found} >= {"$", "$.metadata.date"}


def _children(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.parent.name))
    return kids


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the worker processes")
def test_killed_worker_leaves_no_partial_file(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        shutil.copy(SEED_PDF, src / f"n{i:02d}.pdf")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "policydoc", "convert", str(src), "-o", str(out), "--jobs", "2", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.time() + 60
    workers: list[int] = []
    while time.time() < deadline and not (out.exists() and list(out.glob("*.json"))):
        time.sleep(0.05)
    while time.time() < deadline and len(workers := [k for k in _children(proc.pid)]) < 1:
        time.sleep(0.05)
    assert workers, "no worker process seen"
    os.kill(max(workers), signal.SIGKILL)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 1, stderr.decode()
    assert not list(out.rglob("*.part")) and not (out / ".policydoc-tmp").exists()
    for produced in out.glob("*.json"):
        json.loads(produced.read_text("utf-8"))  # every file there is whole
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert errors and all(e["error_type"] == "WorkerDied" for e in errors)
    assert len(errors) + len(list(out.glob("*.json"))) == 40
