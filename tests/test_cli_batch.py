"""The command line as users run it: a subprocess on real files (issue 13).

Batch correctness (unique outputs, JSON Lines resume, Ctrl-C, exit codes) and Unix
conventions (stdin/stdout, plain output when piped, --version, -h, options after the
subcommand, -q/-v, limits, progress).
"""

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

from .conftest import SAMPLES, SEED_HTML, SEED_TEXT

# A PDF the repository itself holds (samples/ keeps no copies of other people's documents).
SAMPLE_PDF = min(SAMPLES.glob("*.pdf"))


def pd(*args: str, stdin: bytes | None = None, env: dict | None = None, cwd: Path | None = None):
    """Run ``policydoc ARGS`` as a user would; stdout/stderr as text."""
    result = subprocess.run(
        [sys.executable, "-m", "policydoc", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        cwd=cwd,
        timeout=300,
        check=False,
    )
    result.out = result.stdout.decode("utf-8")  # type: ignore[attr-defined]
    result.err = result.stderr.decode("utf-8")  # type: ignore[attr-defined]
    return result


@pytest.fixture
def same_stem(tmp_path: Path) -> Path:
    """notice.pdf, notice.html and notice.txt side by side, plus a file policydoc does not read."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE_PDF, src / "notice.pdf")
    shutil.copy(SEED_HTML, src / "notice.html")
    shutil.copy(SEED_TEXT, src / "notice.txt")
    (src / "minutes.xlsx").write_bytes(b"PK\x03\x04 not really a docx")
    return src


# --- batch correctness ---------------------------------------------------------------------------


def test_same_name_different_formats_give_three_outputs(same_stem: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = pd("convert", str(same_stem), "-o", str(out), "--jobs", "2")
    assert result.returncode == 0, result.err
    assert sorted(p.name for p in out.glob("*.json")) == ["notice.html.json", "notice.pdf.json", "notice.txt.json"]
    formats = {json.loads(p.read_text("utf-8"))["source"]["format"] for p in out.glob("*.json")}
    assert formats == {"pdf", "sina", "pdf-text"}
    assert "3 converted" in result.err


def test_unsupported_files_are_listed_as_skipped_with_the_reason(same_stem: Path, tmp_path: Path):
    result = pd("convert", str(same_stem), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert f"skipped: {same_stem / 'minutes.xlsx'}: unsupported suffix .xlsx" in result.err
    assert "1 skipped" in result.err and result.returncode == 0


def test_folder_with_nothing_convertible_names_the_suffixes_read(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.xlsx").write_bytes(b"x")
    result = pd("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "nothing to read" in result.err and ".pdf" in result.err and ".html" in result.err


def test_two_inputs_never_write_the_same_output(tmp_path: Path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SEED_TEXT, tmp_path / folder / "n.txt")
    a, b = str(tmp_path / "a" / "n.txt"), str(tmp_path / "b" / "n.txt")
    out = tmp_path / "out"
    result = pd("convert", a, b, a, "-o", str(out), "--jobs", "1")  # the same file twice is converted once
    assert result.returncode == 0, result.err
    assert sorted(p.name for p in out.glob("*.json")) == ["n.txt.2.json", "n.txt.json"]
    assert json.loads((out / "n.txt.2.json").read_text("utf-8"))["source"]["path"] == b
    assert "2 converted" in result.err and "another input has the same name" in result.err


def _jsonl_sources(path: Path) -> list[str]:
    return [json.loads(line)["source"] for line in path.read_text("utf-8").splitlines()]


def test_jsonl_killed_midway_and_resumed_holds_every_document_once(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):  # a slow PDF between quick texts, so that the kill lands midway
        shutil.copy(SEED_TEXT, src / f"{i}a.txt")
        shutil.copy(SAMPLE_PDF, src / f"{i}b.pdf")
    target = tmp_path / "all.jsonl"
    args = [sys.executable, "-m", "policydoc", "convert", str(src), "--jsonl", str(target), "--jobs", "1", "-q"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and not (target.exists() and target.read_bytes().count(b"\n") >= 1):
        time.sleep(0.05)
    proc.kill()
    proc.wait(timeout=30)
    first = _jsonl_sources(target)  # every line that is there is whole
    assert 1 <= len(first) < 6, "the kill should land midway"
    result = pd("convert", str(src), "--jsonl", str(target), "--jobs", "2", "--resume")
    assert result.returncode == 0, result.err
    sources = _jsonl_sources(target)
    assert sorted(sources) == sorted(str(p) for p in src.iterdir())  # every document exactly once
    assert sources[: len(first)] == first  # the records already there are kept as they were
    assert f"{len(first)} already done" in result.err


def test_jsonl_resume_converts_a_changed_input_again(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED_TEXT, src / "a.txt")
    shutil.copy(SEED_HTML, src / "b.html")
    target = tmp_path / "all.jsonl"
    assert pd("convert", str(src), "--jsonl", str(target), "-j", "1").returncode == 0
    (src / "a.txt").write_bytes((src / "a.txt").read_bytes() + "\n另行通知。\n".encode())
    result = pd("convert", str(src), "--jsonl", str(target), "-j", "1", "--resume")
    assert "1 converted, 1 already done" in result.err
    rows = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert [Path(r["source"]).name for r in rows] == ["a.txt", "b.html", "a.txt"]
    assert rows[0]["sha256"] != rows[2]["sha256"] == rows[2]["doc"]["source"]["sha256"]


def test_jsonl_resume_cuts_a_torn_last_line_and_converts_its_input_again(tmp_path: Path):
    target = tmp_path / "all.jsonl"
    pd("convert", str(SEED_TEXT), str(SEED_HTML), "--jsonl", str(target), "-j", "1")
    whole = target.read_bytes()
    target.write_bytes(whole[: whole.index(b"\n") + 1] + whole[whole.index(b"\n") + 1 :][:50])  # a crash mid-line
    result = pd("convert", str(SEED_TEXT), str(SEED_HTML), "--jsonl", str(target), "-j", "1", "--resume")
    assert "1 converted, 1 already done" in result.err
    assert _jsonl_sources(target) == [str(SEED_TEXT), str(SEED_HTML)]


def test_jsonl_without_resume_starts_afresh(tmp_path: Path):
    target = tmp_path / "all.jsonl"
    pd("convert", str(SEED_TEXT), "--jsonl", str(target))
    pd("convert", str(SEED_TEXT), "--jsonl", str(target))
    assert len(_jsonl_sources(target)) == 1


SLOW_PDFS = 40


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
def test_ctrl_c_stops_workers_keeps_finished_work_and_exits_130(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "0-broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF")
    shutil.copy(SEED_TEXT, src / "1-quick.txt")
    # Enough PDFs that the run is still going when Ctrl-C arrives, however fast the machine.
    for i in range(SLOW_PDFS):
        shutil.copy(SAMPLE_PDF, src / f"{i + 2:02d}-slow.pdf")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "policydoc", "convert", str(src), "-o", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # A shell running the suite in the background ignores SIGINT, and children inherit that:
        # the CLI is tested as a user runs it, with Ctrl-C delivered.
        preexec_fn=_default_sigint,
    )
    deadline = time.time() + 120
    while time.time() < deadline and not (out.exists() and list(out.glob("*.json"))):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGINT)
    sent = time.time()
    _, stderr = proc.communicate(timeout=60)
    err = stderr.decode()
    assert proc.returncode == 130, err
    assert time.time() - sent < 15, "Ctrl-C must not wait for the running PDFs"
    assert "interrupted" in err and "failed →" in err and "Traceback" not in err
    assert not list(out.rglob("*.part")) and not (out / ".policydoc-tmp").exists()
    converted = list(out.glob("*.json"))
    assert 1 <= len(converted) < SLOW_PDFS + 1
    for produced in converted:
        json.loads(produced.read_text("utf-8"))  # what finished is whole
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert [Path(e["path"]).name for e in errors] == ["0-broken.pdf"]
    resumed = pd("convert", str(src), "-o", str(out), "--jobs", "2", "--resume", "-q")
    assert resumed.returncode == 1  # the broken PDF still fails; the rest is now done
    assert len(list(out.glob("*.json"))) == SLOW_PDFS + 1


@pytest.mark.parametrize(
    "command",
    [
        ["convert", "{missing}", "-o", "{tmp}/out"],
        ["convert", "{missing}", "--jsonl", "{tmp}/all.jsonl"],
        ["show", "{missing}"],
        ["targets", "{missing}"],
        ["validate", "{missing}"],
    ],
)
def test_a_missing_input_is_a_failed_input_exit_1(command: list[str], tmp_path: Path):
    args = [a.format(missing=tmp_path / "missing.pdf", tmp=tmp_path) for a in command]
    if args[0] != "show":
        args.insert(1, str(SEED_TEXT))  # the other inputs are still done
    result = pd(*args)
    assert result.returncode == 1, result.err
    assert "missing.pdf" in result.err + result.out and "no such file" in result.err + result.out
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "{seed}"],  # nowhere to write
        ["convert", "{seed}", "-o", "{tmp}/a", "--jsonl", "{tmp}/b"],
        ["convert", "{seed}", "-o", "{tmp}/a", "--jobs", "0"],
        ["convert", "{seed}", "-o", "{tmp}/a", "--jobs", "-2"],
        ["convert", "{seed}", "-o", "{tmp}/a", "--jobs", "many"],
        ["convert", "{seed}", "--jsonl", "-", "--resume"],
        ["targets", "{seed}", "--jobs", "0"],
        ["validate", "{seed}", "--format", "xml"],
        ["show", "{seed}", "--max-pages", "0"],
        ["convert", "{seed}", "-o", "{tmp}/a", "--no-such-option"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2(args: list[str], tmp_path: Path):
    result = pd(*(a.format(seed=SEED_TEXT, tmp=tmp_path) for a in args))
    assert result.returncode == 2, result.err
    assert "Traceback" not in result.err


# --- Unix conventions ----------------------------------------------------------------------------


def test_stdin_to_stdout_prints_the_json():
    result = pd("convert", "-", "-o", "-", stdin=SEED_TEXT.read_bytes())
    assert result.returncode == 0, result.err
    doc = json.loads(result.out)
    assert doc["metadata"]["doc_number"] == "人社部发〔2021〕48号" and len(doc["targets"]) == 17


def test_stdin_to_a_folder_is_stdin_json(tmp_path: Path):
    result = pd("convert", "-", "-o", str(tmp_path), stdin=SEED_HTML.read_bytes())
    assert result.returncode == 0, result.err
    doc = json.loads((tmp_path / "stdin.json").read_text("utf-8"))
    assert doc["source"]["path"] is None and doc["source"]["format"] == "sina"


def test_stdin_for_show_targets_validate():
    data = SEED_TEXT.read_bytes()
    assert "基本原则" in pd("show", "-", stdin=data).out
    assert "40000000" in pd("targets", "-", stdin=data).out
    result = pd("validate", "-", "--format", "json", stdin=data)
    assert result.returncode == 0 and json.loads(result.out) == {"-": []}


def test_jsonl_and_csv_to_stdout(tmp_path: Path):
    result = pd("convert", str(SEED_TEXT), str(SEED_HTML), "--jsonl", "-", "-j", "1")
    rows = [json.loads(line) for line in result.out.splitlines()]
    assert [r["source"] for r in rows] == [str(SEED_TEXT), str(SEED_HTML)] and all(r["ok"] for r in rows)
    result = pd("targets", str(SEED_TEXT), str(SEED_HTML), "--csv", "-", "-j", "2")
    lines = result.out.splitlines()
    assert lines[0].startswith("doc_title,doc_number") and len(lines) == 1 + 17 + 16
    assert not result.out.startswith("\ufeff")  # the byte-order mark is for files opened in Excel only


def test_csv_file_has_rows_in_input_order(tmp_path: Path):
    target = tmp_path / "t.csv"
    pd("targets", str(SEED_HTML), str(SEED_TEXT), "--csv", str(target), "-j", "2")
    rows = target.read_text("utf-8-sig").splitlines()[1:]
    sources = [row.rsplit(",", 1)[1] for row in rows]
    assert sources == [str(SEED_HTML)] * 16 + [str(SEED_TEXT)] * 17


def test_piped_output_prints_plain_full_values():
    result = pd("targets", str(SEED_TEXT))
    assert result.returncode == 0
    assert "40000000\t40000000\t人" in result.out  # not a truncated rich cell
    assert "…" not in result.out and "━" not in result.out and "│" not in result.out
    shown = pd("show", str(SEED_TEXT), env={"COLUMNS": "40"})
    assert "4000万人以上" in shown.out and "40000000" in shown.out and "…" not in shown.out
    assert "主送机关\t各省、自治区、直辖市及新疆生产建设兵团人力资源社会保障厅（局）\n" in shown.out
    assert "\n  三、基本原则 [principles]\n    （一）坚持党管人才\n" in shown.out


def test_version_and_short_help():
    from policydoc import __version__

    assert pd("--version").out.strip() == f"policydoc {__version__}"
    assert "convert" in pd("-h").out
    assert "--jsonl" in pd("convert", "-h").out


def test_options_after_the_subcommand(tmp_path: Path):
    result = pd("show", str(tmp_path / "missing.pdf"), "--debug")
    assert "Traceback" in result.err and "UnreadableFileError" in result.err
    result = pd("convert", str(SEED_TEXT), "-o", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 0 and result.err == ""
    assert pd("-q", "convert", str(SEED_TEXT), "-o", str(tmp_path / "out")).err == ""


def test_verbose_lists_each_input(tmp_path: Path):
    result = pd("convert", str(SEED_TEXT), str(SEED_HTML), "-o", str(tmp_path / "out"), "-v", "-j", "1")
    assert "ok" in result.err and str(SEED_TEXT) in result.err and str(SEED_HTML) in result.err
    assert "-> " not in result.err and "→" in result.err


def test_max_bytes_and_max_pages_limits(tmp_path: Path):
    result = pd("convert", str(SEED_TEXT), "-o", str(tmp_path / "a"), "--max-bytes", "1000")
    assert result.returncode == 1 and "TooLargeError" in result.err and "--max-bytes" in result.err
    result = pd("convert", str(SAMPLE_PDF), "-o", str(tmp_path / "b"), "--max-pages", "1")
    assert result.returncode == 1 and "TooLargeError" in result.err
    assert pd("convert", str(SEED_TEXT), "-o", str(tmp_path / "c"), "--max-bytes", "100000").returncode == 0


def test_progress_shows_file_count_rate_and_eta(tmp_path: Path):
    env = {"TTY_COMPATIBLE": "1"}  # rich draws the progress bar as on a terminal
    result = pd("targets", str(SEED_TEXT), str(SEED_HTML), "--csv", str(tmp_path / "t.csv"), "-j", "2", env=env)
    assert "reading" in result.err and "2/2" in result.err and "/s" in result.err and "ETA" in result.err
    result = pd("convert", str(SEED_TEXT), "-o", str(tmp_path / "out"), "-j", "1", env=env)
    assert "converting 001_ddd44863a8d9c8fd.txt" in result.err and "1/1" in result.err


# --- validate ------------------------------------------------------------------------------------


def test_validate_folders_and_jsonl_keeps_going_and_reports_per_file(tmp_path: Path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEED_TEXT, folder / "a.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.xlsx").write_bytes(b"x")
    pd("convert", str(SEED_HTML), "-o", str(folder))
    records = tmp_path / "all.jsonl"
    pd("convert", str(SEED_TEXT), str(tmp_path / "gone.pdf"), "--jsonl", str(records), "-j", "1")
    with records.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    result = pd("validate", str(folder), str(records), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.out)
    assert report[str(folder / "a.txt")] == []
    assert report[str(folder / "000_825415eff566e735.txt.json")] == []
    assert [d["code"] for d in report[str(folder / "empty.txt")]] == ["READ"]
    assert report[f"{records}:1"] == []
    assert [d["code"] for d in report[f"{records}:2"]] == ["READ"]  # the failure recorded by convert
    assert [d["code"] for d in report[f"{records}:3"]] == ["READ"]  # a line that is not JSON
    assert "notes.xlsx: unsupported suffix .xlsx" in result.err


# --- Parquet (optional extra) --------------------------------------------------------------------


def test_parquet_documents_and_targets(tmp_path: Path):
    pq = pytest.importorskip("pyarrow.parquet")
    docs = tmp_path / "docs.parquet"
    result = pd("convert", str(SEED_TEXT), str(SEED_HTML), "--parquet", str(docs), "-j", "1")
    assert result.returncode == 0, result.err
    table = pq.read_table(docs).to_pylist()
    assert [row["source"] for row in table] == [str(SEED_TEXT), str(SEED_HTML)]
    assert table[0]["doc_number"] == "人社部发〔2021〕48号" and table[0]["targets"] == 17
    assert json.loads(table[0]["json"])["metadata"]["doc_number"] == "人社部发〔2021〕48号"
    targets = tmp_path / "targets.parquet"
    assert pd("targets", str(SEED_TEXT), "--parquet", str(targets)).returncode == 0
    rows = pq.read_table(targets).to_pylist()
    assert len(rows) == 17 and rows[0]["low"] == 40000000 and rows[0]["unit"] == "人"


def test_a_file_that_takes_long_shows_as_such():
    from policydoc.cli import Report

    report = Report("converting", 3)
    report.status("gazette/big.pdf", 1.0)
    assert report.progress.tasks[0].description == "converting big.pdf"
    report.status("gazette/big.pdf", 12.4)
    assert report.progress.tasks[0].description == "converting big.pdf (running 12 s)"


def test_parse_bytes_is_the_pure_entry_point_the_workers_use():
    import policydoc

    for path in (SEED_TEXT, SEED_HTML):
        assert policydoc.parse_bytes(path.read_bytes(), str(path)) == policydoc.parse(path)
    anonymous = policydoc.parse_bytes(SEED_TEXT.read_bytes())
    assert anonymous.source.path is None and anonymous.sections == policydoc.parse(SEED_TEXT).sections
    with pytest.raises(policydoc.TooLargeError, match="stdin-ish"):
        policydoc.parse_bytes(b"x" * 100, "stdin-ish", max_bytes=10)


def test_outputs_beside_or_under_the_inputs_are_not_read_back(tmp_path: Path):
    for where in ("beside", "under"):
        src = tmp_path / where
        src.mkdir()
        shutil.copy(SEED_TEXT, src / "a.txt")
        outdir = src if where == "beside" else src / "json"
        for _ in range(2):  # the second run must not see the first run's outputs as inputs
            result = pd("convert", str(src), "-o", str(outdir), "-j", "1")
            assert result.returncode == 0 and "1 converted, 0 already done, 0 skipped" in result.err, result.err


def test_validate_a_convert_output_folder_reports_the_recorded_failures(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED_TEXT, src / "a.txt")
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    pd("convert", str(src), "-o", str(out), "-j", "1")
    report = json.loads(pd("validate", str(out), "--format", "json").out)
    assert report[str(out / "a.txt.json")] == []
    found = report[f"{out / 'errors.jsonl'}:1"]
    assert [(d["code"], d["location"]) for d in found] == [("READ", str(src / "empty.txt"))]


def test_a_stopped_pools_closed_wakeup_pipe_prints_no_traceback_at_exit():
    """Regression (flaky CI): after Ctrl-C, concurrent.futures' exit hook could write to the
    stopped pool's closed wakeup pipe; the OSError was printed as an "Exception ignored"
    traceback under the interruption summary."""
    import threading
    from types import SimpleNamespace

    from policydoc.batch.pool import _quiet_closed_wakeup

    seen = []
    quiet = _quiet_closed_wakeup(seen.append)
    quiet(SimpleNamespace(exc_value=OSError(9, "Bad file descriptor"), object=threading))
    assert seen == []
    other = SimpleNamespace(exc_value=ValueError("a real problem"), object=threading)
    quiet(other)
    assert seen == [other]
