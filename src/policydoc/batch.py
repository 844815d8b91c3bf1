"""Batch conversion: many inputs to JSON, in worker processes, atomically, resumable.

Kept apart from the CLI so that notebooks and scripts can call ``convert_paths``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .api import parse
from .errors import PolicyDocError

INPUT_SUFFIXES = {".html", ".htm", ".shtml", ".md", ".txt", ".pdf", ".text"}


@dataclass(frozen=True, slots=True)
class Job:
    source: Path
    output: Path


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    output: str | None
    error_type: str | None = None
    message: str | None = None
    skipped: bool = False

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


def plan(paths: Iterable[Path], outdir: Path) -> list[Job]:
    jobs = []
    for source, rel in discover(paths):
        name = rel.name[: -len(".pdf.txt")] if rel.name.endswith(".pdf.txt") else rel.stem
        jobs.append(Job(source, outdir / rel.parent / f"{name}.json"))
    return jobs


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file and rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run_job(job: Job) -> Outcome:
    try:
        doc = parse(job.source)
        write_atomic(job.output, doc.model_dump_json(indent=2))
        return Outcome(str(job.source), str(job.output))
    except PolicyDocError as exc:
        return Outcome(str(job.source), None, type(exc).__name__, exc.message)
    except Exception as exc:  # a bug must not stop the batch: report it like a bad file
        return Outcome(str(job.source), None, type(exc).__name__, f"internal error: {exc}")


def run_to_dict(job: Job) -> dict:
    """For --jsonl: the document as a dict, or the failure."""
    try:
        return {"ok": True, "source": str(job.source), "doc": json.loads(parse(job.source).model_dump_json())}
    except PolicyDocError as exc:
        return {"ok": False, "source": str(job.source), "error_type": type(exc).__name__, "message": exc.message}
    except Exception as exc:
        return {
            "ok": False,
            "source": str(job.source),
            "error_type": type(exc).__name__,
            "message": f"internal error: {exc}",
        }


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
    todo = []
    for job in jobs:
        if resume and is_fresh(job):
            outcome = Outcome(str(job.source), str(job.output), skipped=True)
            outcomes.append(outcome)
            if on_outcome:
                on_outcome(outcome)
        else:
            todo.append(job)
    if workers <= 1 or len(todo) <= 1:
        results: Iterable[Outcome] = map(run_job, todo)
        for outcome in results:
            outcomes.append(outcome)
            if on_outcome:
                on_outcome(outcome)
        return outcomes
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # chunks keep inter-process traffic low; results stream back in order
        for outcome in pool.map(run_job, todo, chunksize=4):
            outcomes.append(outcome)
            if on_outcome:
                on_outcome(outcome)
    return outcomes
