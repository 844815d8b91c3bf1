"""Where batch results go: whole files renamed into place, append-only JSON Lines, Parquet.

A reader never sees half a file or half a line; what an interrupted run finished stays.
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

STDOUT = "-"


def is_url(target: str | Path) -> bool:
    """An fsspec URL (``s3://bucket/json``, ``file:///data``) rather than a local path."""
    return isinstance(target, str) and "://" in target


def join(root: str | Path, *parts: str) -> str:
    if is_url(root):
        return "/".join([str(root).rstrip("/"), *(p for p in parts if p not in ("", "."))])
    return str(Path(root).joinpath(*parts))


def write_atomic(path: Path, text: str, tmp_dir: Path | None = None) -> None:
    """Write through a temporary file and rename: a reader never sees half a file.

    ``tmp_dir`` (same file system) keeps the temporary files of a batch in one place,
    so that what a killed worker leaves behind is swept away with it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    where = tmp_dir or path.parent
    where.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=where, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(target: str, text: str, tmp_dir: str | None = None) -> None:
    """A local path atomically; an fsspec URL through its backend (object stores put whole objects)."""
    if not is_url(target):
        write_atomic(Path(target), text, Path(tmp_dir) if tmp_dir else None)
        return
    try:
        import fsspec
    except ImportError:  # pragma: no cover - depends on the environment
        raise RuntimeError(f"{target}: writing to a URL needs fsspec: pip install 'policydoc[dask]'") from None
    with fsspec.open(target, "w", encoding="utf-8", auto_mkdir=True) as fh:
        fh.write(text)


def remove(target: str) -> None:
    if is_url(target):
        import fsspec

        fs, path = fsspec.core.url_to_fs(target)
        if fs.exists(path):
            fs.rm(path)
    else:
        Path(target).unlink(missing_ok=True)


PART_SUFFIX = re.compile(r"#\d+\.json")  # what follows ``n.pdf`` in the name of one document's JSON


def stale_candidates(output: str) -> list[str]:
    """The JSON files of one input that exist now: ``n.pdf.json`` and every ``n.pdf#NN.json``."""
    stem = output.removesuffix(".json")
    if is_url(output):
        import fsspec

        fs, path = fsspec.core.url_to_fs(output)
        here = path.removesuffix(".json")
        found = [output] if fs.exists(path) else []
        return found + sorted(
            stem + p[len(here) :]
            for p in fs.glob(glob.escape(here) + "#*.json")
            if PART_SUFFIX.fullmatch(p[len(here) :])
        )
    found = [output] if Path(output).exists() else []
    return found + sorted(p for p in glob.glob(glob.escape(stem) + "#*.json") if PART_SUFFIX.fullmatch(p[len(stem) :]))


def remove_stale(candidates: Iterable[str], keep: Iterable[str]) -> None:
    kept = set(keep)
    for target in candidates:
        if target not in kept:
            remove(target)


# The (position, count) keys of records that come in groups, one group per input: the documents
# of a compilation, the chunks of a file. A group is written with one ``write``.
GROUP_KEYS = (("part", "parts"), ("chunk", "chunks"))


class JsonlSink:
    """JSON lines appended as each input finishes, all the lines of one input in a single ``write``.

    Killed at any moment, the file holds whole lines for everything finished. A crash of the
    machine may tear the last write: on resume a torn last line is cut off, and so are the
    lines of a last group left incomplete (fewer than its ``parts``/``chunks``), so that the
    input is converted again and never recorded twice. With ``resume`` the records already
    there are kept and their inputs, by source path and sha256, are not converted again.
    """

    def __init__(self, target: str, *, resume: bool = False) -> None:
        self.target = target
        self.done: dict[str, set[str | None]] = {}  # source → sha256 of the inputs recorded
        if target == STDOUT:
            self.fd = sys.stdout.fileno()
            sys.stdout.flush()
            return
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        if resume and path.exists():
            self._load(path)
            flags = os.O_WRONLY | os.O_APPEND
        else:
            flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND
        self.fd = os.open(path, flags, 0o644)

    def _load(self, path: Path) -> None:
        data = path.read_bytes()
        whole = data.rfind(b"\n") + 1
        rows: list[tuple[int, dict[str, Any]]] = []  # (offset of the line, record)
        offset = 0
        for line in data[:whole].splitlines(keepends=True):
            try:
                row = json.loads(line)
            except ValueError:
                row = None
            if isinstance(row, dict) and isinstance(row.get("source"), str):
                rows.append((offset, row))
            offset += len(line)
        cut = _incomplete_group(rows)
        if cut is not None:
            whole = rows[cut][0]
            rows = rows[:cut]
        if whole < len(data):
            os.truncate(path, whole)  # a torn line or group: its input is converted again
        for _, row in rows:
            self.done.setdefault(row["source"], set()).add(row.get("sha256"))

    def recorded(self, source: str) -> set[str | None]:
        return self.done.get(source, set())

    def write(self, record: dict[str, Any]) -> None:
        self.write_all([record])

    def write_all(self, records: list[dict[str, Any]]) -> None:
        """The lines of one input, in one ``write``: none or all of them reach the file."""
        if not records:
            return
        line = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
        view = memoryview(line)
        while view:  # one write for a regular file; the loop only guards short writes to pipes
            view = view[os.write(self.fd, view) :]
        for r in records:
            if isinstance(r.get("source"), str):
                self.done.setdefault(r["source"], set()).add(r.get("sha256"))

    def close(self) -> None:
        if self.target != STDOUT:
            os.close(self.fd)


def _incomplete_group(rows: list[tuple[int, dict[str, Any]]]) -> int | None:
    """Index of the first record of a last group that lacks records, else None."""
    if not rows:
        return None
    last = rows[-1][1]
    for position, count in GROUP_KEYS:
        if isinstance(last.get(count), int) and isinstance(last.get(position), int):
            if last[position] + 1 >= last[count]:
                return None
            first = len(rows) - 1
            while first > 0 and _same_group(rows[first - 1][1], last, count):
                first -= 1
            return first
    return None


def _same_group(row: dict[str, Any], last: dict[str, Any], count: str) -> bool:
    return row.get("source") == last.get("source") and row.get("sha256") == last.get("sha256") and count in row


def write_errors(outdir: str, failures: Iterable[Any]) -> str | None:
    """``OUTDIR/errors.jsonl``: one line per failed input; removed when nothing failed."""
    target = join(outdir, "errors.jsonl")
    lines = "".join(
        json.dumps({"path": f.source, "error_type": f.error_type, "message": f.message}, ensure_ascii=False) + "\n"
        for f in failures
    )
    if lines:
        write_text(target, lines)
        return target
    remove(target)
    return None


# --- Parquet (optional extra: pip install 'policydoc[parquet]') ---------------------------------

DOCUMENT_COLUMNS = (
    ("source", "string"),
    ("sha256", "string"),
    ("part", "int64"),
    ("format", "string"),
    ("pages", "int64"),
    ("title", "string"),
    ("doc_title", "string"),
    ("doc_number", "string"),
    ("issuer", "string"),
    ("date", "string"),
    ("addressees", "string"),
    ("sections", "int64"),
    ("annexes", "int64"),
    ("targets", "int64"),
    ("json", "string"),
)
TARGET_TYPES = {
    "low": "float64",
    "high": "float64",
    "period_start": "int64",
    "period_end": "int64",
    "in_table": "bool_",
}  # the other columns are strings


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ImportError("--parquet needs pyarrow: pip install 'policydoc[parquet]'") from None
    return pa, pq


def parquet_available() -> bool:
    try:
        _pyarrow()
    except ImportError:
        return False
    return True


def document_row(source: str, sha256: str | None, doc_json: str) -> dict[str, Any]:
    """One Parquet row per document: metadata columns, counts, and the whole JSON.

    ``part`` is the document's position in a file holding several (``doc.part.index``), else null."""
    doc = json.loads(doc_json)
    meta = doc.get("metadata") or {}

    def count(sections: list[dict]) -> int:
        return sum(1 + count(s.get("children") or []) for s in sections)

    return {
        "source": source,
        "sha256": sha256,
        "part": (doc.get("part") or {}).get("index"),
        "format": doc["source"].get("format"),
        "pages": doc["source"].get("pages"),
        "title": meta.get("title"),
        "doc_title": doc.get("title"),
        "doc_number": meta.get("doc_number"),
        "issuer": "、".join(meta.get("issuer") or []),
        "date": meta.get("date"),
        "addressees": "；".join(meta.get("addressees") or []),
        "sections": count(doc.get("sections") or []),
        "annexes": len(doc.get("annexes") or []),
        "targets": len(doc.get("targets") or []),
        "json": doc_json,
    }


class ParquetSink:
    """Rows written in row groups as they come (memory stays flat), renamed into place at close."""

    def __init__(self, target: str, columns: Iterable[tuple[str, str]], *, batch: int = 1000) -> None:
        pa, pq = _pyarrow()
        self.pa = pa
        self.schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in columns])
        self.path = Path(target)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.path.with_name(f".{self.path.name}.part")
        self.writer = pq.ParquetWriter(self.tmp, self.schema)
        self.rows: list[dict[str, Any]] = []
        self.batch = batch
        self.count = 0

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.count += len(self.rows)
            self.rows = []

    def close(self) -> None:
        """Finish the file with every row added so far (also after Ctrl-C: finished work is kept)."""
        self._flush()
        self.writer.close()
        os.replace(self.tmp, self.path)
