"""What a batch converts, where each result goes, and the worker function that does one input."""

from __future__ import annotations

import hashlib
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from ..api import MAX_BYTES, parse_all_bytes
from ..errors import PolicyDocError, TooLargeError, UnreadableFileError
from ..readers.pdf import MAX_PAGES, PDFEngineWarning
from .outputs import is_url, join, remove_stale, stale_candidates, write_text

INPUT_SUFFIXES = (".html", ".htm", ".shtml", ".md", ".txt", ".text", ".pdf", ".ofd", ".docx", ".doc", ".wps", ".rtf")
STDIN = "-"  # the conventional name for standard input
STDIN_OUTPUT = "stdin"  # its output name under OUTDIR: OUTDIR/stdin.json
DIED = "not converted: a worker process died (killed or out of memory); run again with --resume"
TMP_DIR = ".policydoc-tmp"  # under OUTDIR: temporary files live here until renamed into place
# What a job sends back to the process that runs the batch, besides success or failure.
WANTS = ("nothing", "json", "targets", "refs")
# A file holding several documents: one JSON each, ``notice.pdf#01.json`` … (``#`` then the
# 1-based position, zero-padded to the width of the count so that names sort in file order).
PART_NAME = regex.compile(r"#\d+$")


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
    max_chars: int | None = None  # also cut every document into chunks of this size (--chunks)


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    output: str | None
    error_type: str | None = None
    message: str | None = None
    skipped: bool = False  # already done (--resume)
    sha256: str | None = None
    # want="json": one JSON text per document; "targets"/"refs": their rows, documents in file order
    payload: Any = None
    seconds: float = 0.0
    format: str | None = None  # the format the input was read as (sina, pdf, pdf-text, docx …)
    documents: int = 0  # how many documents the file holds (a compilation holds several)
    outputs: tuple[str, ...] = ()  # the JSON files written: ``output``, or one per document
    chunks: list[dict[str, Any]] | None = None  # the chunk records (Job.max_chars)

    @property
    def ok(self) -> bool:
        return self.error_type is None

    def records(self) -> list[dict[str, Any]]:
        """The JSON Lines records of this input, one per document.

        ``{"ok", "source", "sha256", "doc"}``, as for a file holding one document; with several,
        each record also has ``part`` (0-based, ``doc.part.index``) and ``parts`` (how many);
        a failure is one ``{"ok": false, "source", "sha256", "error_type", "message"}``.
        """
        import json

        if not self.ok:
            row = {"ok": False, "source": self.source, "sha256": self.sha256}
            return [{**row, "error_type": self.error_type, "message": self.message}]
        docs = self.payload or []
        if len(docs) == 1:
            return [{"ok": True, "source": self.source, "sha256": self.sha256, "doc": json.loads(docs[0])}]
        return [
            {
                "ok": True,
                "source": self.source,
                "sha256": self.sha256,
                "part": i,
                "parts": len(docs),
                "doc": json.loads(d),
            }
            for i, d in enumerate(docs)
        ]


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
    stem = PART_NAME.sub("", f.name.removesuffix(".json"))  # n.pdf#03.json
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
    max_chars: int | None = None,
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
                max_chars,
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


def part_output(output: str, index: int, count: int) -> str:
    """``OUTDIR/n.pdf.json`` → ``OUTDIR/n.pdf#03.json`` for the third of ten or more documents."""
    return f"{output.removesuffix('.json')}#{index + 1:0{len(str(count))}d}.json"


def run_job(job: Job) -> Outcome:
    """Convert one input: write its JSON (if it has an output) and return what was asked; never raises.

    A file holding several documents (``parse_all``) gives one JSON per document and one
    payload item per document; a file holding one is written exactly as ``parse()`` reads it.
    Runs in a worker process or a Dask task: everything it needs travels in ``job``.
    """
    started = time.perf_counter()
    sha256 = None
    try:
        data = read_input(job)
        sha256 = hashlib.sha256(data).hexdigest()
        with warnings.catch_warnings():  # the PDF engine fallback is in each document's warnings (W004)
            warnings.simplefilter("ignore", PDFEngineWarning)
            docs = parse_all_bytes(
                data,
                None if job.source == STDIN else job.source,
                max_bytes=job.max_bytes,
                max_pages=job.max_pages,
                engine=job.engine,
            ).documents
        outputs: tuple[str, ...] = ()
        if job.output is not None:
            outputs = (
                (job.output,)
                if len(docs) == 1
                else tuple(part_output(job.output, i, len(docs)) for i in range(len(docs)))
            )
            for doc, output in zip(docs, outputs, strict=True):
                write_text(output, doc.model_dump_json(indent=2), job.tmp_dir)
            # What an earlier run wrote for this input and this run did not (it held more documents, or one).
            remove_stale(stale_candidates(job.output), keep=outputs)
        payload: Any = None
        if job.want == "json":
            payload = [doc.model_dump_json() for doc in docs]
        elif job.want == "targets":
            from ..export.frame import targets_rows

            payload = targets_rows(docs)
        elif job.want == "refs":
            from .rows import reference_rows

            payload = reference_rows(docs, job.source)
        chunks = None
        if job.max_chars is not None:
            from .rows import chunk_records

            chunks = chunk_records(docs, job.source, sha256, job.max_chars)
        return Outcome(
            job.source,
            job.output,
            sha256=sha256,
            payload=payload,
            seconds=time.perf_counter() - started,
            format=docs[0].source.format,
            documents=len(docs),
            outputs=outputs,
            chunks=chunks,
        )
    except PolicyDocError as exc:
        error, message = type(exc).__name__, exc.message
    except Exception as exc:  # a bug must not stop the batch: report it like a bad file
        error, message = type(exc).__name__, f"internal error: {exc}"
    return Outcome(job.source, None, error, message, sha256=sha256, seconds=time.perf_counter() - started)


def is_fresh(job: Job) -> bool:
    """--resume with -o: the output (or the first document's, for a file of several) is not older than its input."""
    if job.output is None or job.source == STDIN:
        return False
    if is_url(job.output):
        return bool(stale_candidates(job.output))
    src = Path(job.source)
    if not src.exists():
        return False
    written = [Path(job.output), *(Path(p) for p in stale_candidates(job.output))]
    return any(out.exists() and out.stat().st_mtime >= src.stat().st_mtime for out in written)
