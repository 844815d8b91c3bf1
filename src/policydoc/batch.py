"""Batch conversion: many inputs to JSON, in worker processes, atomically, resumable.

Kept apart from the CLI so that notebooks and scripts can call ``convert_paths``.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from .api import parse
from .errors import PolicyDocError

INPUT_SUFFIXES = {".html", ".htm", ".shtml", ".md", ".txt", ".pdf", ".text", ".docx", ".doc", ".wps", ".rtf"}


DIED = "not converted: a worker process died (killed or out of memory); run again with --resume"
TMP_DIR = ".policydoc-tmp"  # under OUTDIR: temporary files live here until renamed into place


@dataclass(frozen=True, slots=True)
class Job:
    source: Path
    output: Path
    tmp_dir: Path | None = None
    jsonl: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    output: str | None
    error_type: str | None = None
    message: str | None = None
    skipped: bool = False
    line: str | None = None  # with --jsonl: the JSON line for this input

    @property
    def ok(self) -> bool:
        return self.error_type is None


def discover(paths: Iterable[Path]) -> Iterator[tuple[Path, Path]]:
    """(file, path relative to the root it was found under) for files and folders (recursive)."""
    for root in paths:
        if root.is_dir():
            for f in sorted(root.rglob("*")):
                if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES and not f.name.startswith("."):
                    yield f, f.relative_to(root)
        else:
            yield root, Path(root.name)


def plan(paths: Iterable[Path], outdir: Path, *, jsonl: bool = False) -> list[Job]:
    jobs = []
    for source, rel in discover(paths):
        name = rel.name[: -len(".pdf.txt")] if rel.name.endswith(".pdf.txt") else rel.stem
        jobs.append(Job(source, outdir / rel.parent / f"{name}.json", None if jsonl else outdir / TMP_DIR, jsonl))
    return jobs


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


def run_job(job: Job) -> Outcome:
    """Parse one input and write its JSON (or, for --jsonl, return the line); never raises."""
    source = str(job.source)
    try:
        doc = parse(job.source)
        if job.jsonl:
            row = {"ok": True, "source": source, "doc": json.loads(doc.model_dump_json())}
            return Outcome(source, None, line=json.dumps(row, ensure_ascii=False))
        write_atomic(job.output, doc.model_dump_json(indent=2), job.tmp_dir)
        return Outcome(source, str(job.output))
    except PolicyDocError as exc:
        error, message = type(exc).__name__, exc.message
    except Exception as exc:  # a bug must not stop the batch: report it like a bad file
        error, message = type(exc).__name__, f"internal error: {exc}"
    row = {"ok": False, "source": source, "error_type": error, "message": message}
    return Outcome(source, None, error, message, line=json.dumps(row, ensure_ascii=False) if job.jsonl else None)


def is_fresh(job: Job) -> bool:
    return job.output.exists() and job.output.stat().st_mtime >= job.source.stat().st_mtime


def convert_paths(
    jobs: list[Job],
    *,
    workers: int = 1,
    resume: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Convert every job; failures are outcomes, never exceptions."""
    outcomes: list[Outcome] = []

    def record(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)

    todo = []
    for job in jobs:
        if resume and is_fresh(job):
            record(Outcome(str(job.source), str(job.output), skipped=True))
        else:
            todo.append(job)
    try:
        if workers <= 1 or len(todo) <= 1:
            for job in todo:
                record(run_job(job))
        else:
            _run_pool(todo, workers, record)
    finally:
        for tmp in {job.tmp_dir for job in jobs if job.tmp_dir is not None}:
            shutil.rmtree(tmp, ignore_errors=True)
    return outcomes


def _run_pool(todo: list[Job], workers: int, record: Callable[[Outcome], None]) -> None:
    # Submit in bounded windows: memory stays flat however many files there are.
    pending: dict[Future[Outcome], Job] = {}
    queue = iter(todo)
    broken = False
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for job in itertools.islice(queue, workers * 8):
            pending[pool.submit(run_job, job)] = job
        while pending and not broken:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                job = pending.pop(future)
                try:
                    record(future.result())
                except BrokenProcessPool:
                    broken = True
                    record(Outcome(str(job.source), None, "WorkerDied", DIED))
            if not broken:
                for job in itertools.islice(queue, len(done)):
                    pending[pool.submit(run_job, job)] = job
    # A dead worker breaks the pool: what it had not finished is reported, never lost silently.
    for future, job in pending.items():
        finished = future.done() and not future.cancelled() and future.exception() is None
        record(future.result() if finished else Outcome(str(job.source), None, "WorkerDied", DIED))
    for job in queue:
        record(Outcome(str(job.source), None, "WorkerDied", DIED))
