"""`convert --dask local` gives the same documents as the process pool (dask[distributed] is a test extra)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import SAMPLES, SHARED
from .test_cli_batch import pd

pytest.importorskip("distributed")


def _inputs(tmp_path: Path) -> Path:
    """The samples, and the three smallest corpus documents when ../shared is present."""
    src = tmp_path / "in"
    shutil.copytree(SAMPLES, src / "samples")
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        files = [f for f in corpus.rglob("*") if f.is_file() and f.suffix in (".md", ".html", ".txt", ".pdf")]
        for f in sorted(files, key=lambda f: (f.stat().st_size, f.name))[:3]:
            (src / "corpus").mkdir(exist_ok=True)
            shutil.copy(f, src / "corpus" / f.name)
    return src


def _documents(folder: Path) -> dict[str, dict]:
    return {str(p.relative_to(folder)): json.loads(p.read_text("utf-8")) for p in sorted(folder.rglob("*.json"))}


def test_dask_local_cluster_matches_the_process_pool(tmp_path: Path):
    src = _inputs(tmp_path)
    pool = pd("convert", str(src), "-o", str(tmp_path / "pool"), "--jobs", "2")
    assert pool.returncode == 0, pool.err
    # Workers write the outputs themselves, here through an fsspec URL as they would to s3://.
    url = (tmp_path / "dask").as_uri()
    dask = pd("convert", str(src), "-o", url, "--dask", "local", "--jobs", "2")
    assert dask.returncode == 0, dask.err
    expected = _documents(tmp_path / "pool")
    assert len(expected) == len([f for f in src.rglob("*") if f.is_file()])
    assert _documents(tmp_path / "dask") == expected
    again = pd("convert", str(src), "-o", url, "--dask", "local", "--jobs", "1", "--resume")
    assert f"0 converted, {len(expected)} already done" in again.err


def test_dask_local_jsonl(tmp_path: Path):
    target = tmp_path / "all.jsonl"
    seed = str(SAMPLES / "001_ddd44863a8d9c8fd.txt")
    result = pd("convert", seed, "--jsonl", str(target), "--dask", "local", "-j", "1")
    assert result.returncode == 0, result.err
    (row,) = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert row["ok"] and row["doc"]["metadata"]["doc_number"] == "人社部发〔2021〕48号"


def test_unreachable_scheduler_is_a_usage_error(tmp_path: Path):
    result = pd("convert", str(SAMPLES / "001_ddd44863a8d9c8fd.txt"), "-o", str(tmp_path), "--dask", "tcp://127.0.0.1:9")
    assert result.returncode == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.err
    assert "Traceback" not in result.err
