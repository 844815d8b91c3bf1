"""What a batch converts, where each result goes, and the worker function that does one input."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..api import MAX_BYTES, parse_bytes
from ..errors import PolicyDocError, TooLargeError, UnreadableFileError
from ..readers.pdf import MAX_PAGES
from .outputs import is_url, join, write_text

INPUT_SUFFIXES = (".html", ".htm", ".shtml", ".md", ".txt", ".text", ".pdf", ".ofd", ".docx", ".doc", ".wps", ".rtf")
STDIN = "-"  # the conventional name for standard input
STDIN_OUTPUT = "stdin"  # its output name under OUTDIR: OUTDIR/stdin.json
DIED = "not converted: a worker process died (killed or out of memory); run again with --resume"
TMP_DIR = ".policydoc-tmp"  # under OUTDIR: temporary files live here until renamed into place
# What a job sends back to the process that runs the batch, besides success or failure.
WANTS = ("nothing", "json", "targets")


@dataclass(frozen=True, slots=True)
class Job:
    source: str  # a path, or "-" for standard input (then ``data`` holds the bytes)
    output: str | None = None  # the JSON file the worker writes (a path or an fsspec URL)
    want: str = "nothing"  # one of WANTS
    tmp_dir: str | None = None
    data: bytes | None = field(default=None, repr=False)
    max_bytes: int = MAX_BYTES
    max_pages: int = MAX_PAGES
    engine: str | None = None  # the PDF engine (None: the default); travels to Dask workers too


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    output: str | None
    error_type: str | None = None
    message: str | None = None
    skipped: bool = False  # already done (--resume)
    sha256: str | None = None
    payload: Any = None  # the document's JSON text (want="json") or its target rows (want="targets")
    seconds: float = 0.0
    format: str | None = None  # the format the input was read as (sina, pdf, pdf-text, docx …)

    @property
    def ok(self) -> bool:
        return self.error_type is None

    def record(self) -> dict[str, Any]:
        """The JSON Lines record: ``{"ok", "source", "sha256", "doc" | "error_type", "message"}``."""
        import json

        if self.ok:
            return {"ok": True, "source": self.source, "sha256": self.sha256, "doc": json.loads(self.payload)}
        row = {"ok": False, "source": self.source, "sha256": self.sha256}
        return {**row, "error_type": self.error_type, "message": self.message}


@dataclass(slots=True)
class Discovery:
    """The inputs found under the paths given, and the files passed over with the reason."""

    found: list[tuple[str, Path]] = field(default_factory=list)  # (input, path relative to its root)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)


def discover(paths: Iterable[str | Path], *, exclude: Path | None = None, suffixes=INPUT_SUFFIXES) -> Discovery:
    """Files and folders (searched recursively) to inputs; ``-`` is standard input.

    A file named explicitly is always an input (its content decides the format); in a folder
    only ``suffixes`` are read, and the others are listed as skipped. Hidden files and the
    output folder (``exclude``) are passed over silently.
    """
    out = Discovery()
    excluded = exclude.resolve() if exclude is not None else None
    for given in paths:
        root = Path(given)
        if str(given) == STDIN:
            out.found.append((STDIN, Path(STDIN_OUTPUT)))
        elif root.is_dir():
            for f in sorted(root.rglob("*")):
                rel = f.relative_to(root)
                if not f.is_file() or any(part.startswith(".") for part in rel.parts):
                    continue
                if excluded is not None and _is_output(f, root, excluded):
                    continue
                if f.suffix.lower() in suffixes:
                    out.found.append((str(f), rel))
                else:
                    out.skipped.append((str(f), f"unsupported suffix {f.suffix or '(none)'}"))
        else:
            out.found.append((str(root), Path(root.name)))  # a missing file fails like a bad one
    return out


def _is_output(f: Path, root: Path, outdir: Path) -> bool:
    """A file ``convert -o OUTDIR`` writes: anything under an OUTDIR inside the input folder, or,
    when OUTDIR is the input folder itself, ``errors.jsonl`` and the ``notice.pdf.json`` beside the inputs."""
    if outdir != root.resolve():
        return outdir in f.resolve().parents
    stem = f.name.removesuffix(".json")
    stem = stem.rsplit(".", 1)[0] if stem.rsplit(".", 1)[-1].isdigit() else stem  # n.pdf.2.json
    return f.name == "errors.jsonl" or (f.suffix == ".json" and Path(stem).suffix.lower() in INPUT_SUFFIXES)


def plan(
    found: Iterable[tuple[str, Path]],
    outdir: str | Path | None,
    *,
    want: str = "nothing",
    data: bytes | None = None,
    max_bytes: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
    engine: str | None = None,
) -> tuple[list[Job], list[tuple[str, str]]]:
    """Jobs with unique outputs: ``a/notice.pdf`` → ``OUTDIR/a/notice.pdf.json``.

    The input's whole name is kept, so ``notice.pdf`` and ``notice.html`` never meet. Two
    different inputs that would still write the same file (``x/n.pdf`` and ``y/n.pdf`` given as
    files) get numbered names, ``n.pdf.json`` then ``n.pdf.2.json``, in the order given; the
    same file given twice is converted once. Returns the jobs and the renamings made.
    """
    jobs: list[Job] = []
    renamed: list[tuple[str, str]] = []
    seen_sources: set[str] = set()
    taken: set[str] = set()
    for source, rel in found:
        key = source if source == STDIN else str(Path(source).resolve())
        if key in seen_sources:
            continue
        seen_sources.add(key)
        output = tmp_dir = None
        if outdir is not None:
            output = _unique(join(outdir, rel.parent.as_posix(), rel.name), taken)
            if output != join(outdir, rel.parent.as_posix(), rel.name) + ".json":
                renamed.append((source, output))
            tmp_dir = None if is_url(str(outdir)) else str(Path(outdir) / TMP_DIR)
        jobs.append(
            Job(
                source,
                output,
                want,
                tmp_dir,
                data if source == STDIN else None,
                max_bytes,
                max_pages,
                engine,
            )
        )
    return jobs, renamed


def _unique(stem: str, taken: set[str]) -> str:
    n = 1
    while (candidate := f"{stem}{'' if n == 1 else f'.{n}'}.json").casefold() in taken:
        n += 1  # casefold: the same name on a case-insensitive file system
    taken.add(candidate.casefold())
    return candidate


def read_input(job: Job) -> bytes:
    """The bytes of one input, refused before reading when over the size limit."""
    if job.data is not None:
        if len(job.data) > job.max_bytes:
            raise TooLargeError(
                f"{len(job.data)} bytes exceed the limit of {job.max_bytes} (raise --max-bytes)", "<stdin>"
            )
        return job.data
    path = Path(job.source)
    if not path.exists():
        raise UnreadableFileError("no such file", job.source)
    if path.is_dir():
        raise UnreadableFileError("is a directory, not a file", job.source)
    try:
        size = path.stat().st_size
        if size > job.max_bytes:
            raise TooLargeError(f"{size} bytes exceed the limit of {job.max_bytes} (raise --max-bytes)", job.source)
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(f"cannot be read ({exc.strerror or exc})", job.source) from None


def run_job(job: Job) -> Outcome:
    """Convert one input: write its JSON (if it has an output) and return what was asked; never raises.

    Runs in a worker process or a Dask task: everything it needs travels in ``job``.
    """
    started = time.perf_counter()
    sha256 = None
    try:
        data = read_input(job)
        sha256 = hashlib.sha256(data).hexdigest()
        doc = parse_bytes(
            data,
            None if job.source == STDIN else job.source,
            max_bytes=job.max_bytes,
            max_pages=job.max_pages,
            engine=job.engine,
        )
        if job.output is not None:
            write_text(job.output, doc.model_dump_json(indent=2), job.tmp_dir)
        payload: Any = None
        if job.want == "json":
            payload = doc.model_dump_json()
        elif job.want == "targets":
            from ..export.frame import targets_rows

            payload = targets_rows([doc])
        return Outcome(
            job.source,
            job.output,
            sha256=sha256,
            payload=payload,
            seconds=time.perf_counter() - started,
            format=doc.source.format,
        )
    except PolicyDocError as exc:
        error, message = type(exc).__name__, exc.message
    except Exception as exc:  # a bug must not stop the batch: report it like a bad file
        error, message = type(exc).__name__, f"internal error: {exc}"
    return Outcome(job.source, None, error, message, sha256=sha256, seconds=time.perf_counter() - started)


def is_fresh(job: Job) -> bool:
    """--resume with -o: the output exists and is not older than its input."""
    if job.output is None or job.source == STDIN:
        return False
    if is_url(job.output):
        import fsspec

        fs, path = fsspec.core.url_to_fs(job.output)
        return bool(fs.exists(path))
    out, src = Path(job.output), Path(job.source)
    return out.exists() and src.exists() and out.stat().st_mtime >= src.stat().st_mtime
