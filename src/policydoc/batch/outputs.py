"""Where batch results go: whole files renamed into place, append-only JSON Lines, Parquet.

A reader never sees half a file or half a line; what an interrupted run finished stays.
"""

from __future__ import annotations

import json
import os
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


class JsonlSink:
    """One JSON line per input, appended as each finishes with a single ``write``.

    Killed at any moment, the file holds whole lines for everything finished (a torn last
    line, after a crash of the machine, is cut off on resume). With ``resume`` the records
    already there are kept and their inputs, by source path and sha256, are not converted again.
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
        if whole < len(data):
            os.truncate(path, whole)  # a line torn by a crash: its input is converted again
        for line in data[:whole].splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if isinstance(row, dict) and isinstance(row.get("source"), str):
                self.done.setdefault(row["source"], set()).add(row.get("sha256"))

    def recorded(self, source: str) -> set[str | None]:
        return self.done.get(source, set())

    def write(self, record: dict[str, Any]) -> None:
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        view = memoryview(line)
        while view:  # one write for a regular file; the loop only guards short writes to pipes
            view = view[os.write(self.fd, view) :]

    def close(self) -> None:
        if self.target != STDOUT:
            os.close(self.fd)


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
    """One Parquet row per document: metadata columns, counts, and the whole JSON."""
    doc = json.loads(doc_json)
    meta = doc.get("metadata") or {}

    def count(sections: list[dict]) -> int:
        return sum(1 + count(s.get("children") or []) for s in sections)

    return {
        "source": source,
        "sha256": sha256,
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
