"""The ``policydoc`` command (typer + rich).

Conventions shared by every command: ``-`` reads standard input or writes standard output;
data goes to stdout and everything else (progress, summaries, failures) to stderr; exit status
0 all good, 1 some inputs failed, 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from . import __version__
from .api import MAX_BYTES, parse_all, parse_all_bytes
from .batch import STDIN, Discovery, Job, JsonlSink, Outcome, discover, execute, is_fresh, plan, write_text
from .batch.dask import SchedulerUnreachable
from .batch.outputs import STDOUT, is_url
from .batch.pool import Run
from .errors import PolicyDocError
from .export.frame import COLUMNS, targets_rows
from .model import Collection, PolicyDocument, Provenance, Section
from .readers.pdf import MAX_PAGES, PDFEngineWarning
from .schema import schema_text

app = typer.Typer(
    name="policydoc",
    help="Chinese government policy notices to structured data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
err = Console(stderr=True, soft_wrap=True)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
SLOW = 5.0  # seconds: a file running longer shows its time in the progress line

state = {"debug": False, "quiet": False, "verbose": False}

# Options every command accepts, before or after its name (`policydoc convert … --debug`).
Debug = Annotated[bool, typer.Option("--debug", help="show tracebacks of failures")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="no progress and no summary; failures only")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="one line per input as it finishes")]
MaxBytes = Annotated[int, typer.Option("--max-bytes", min=1, help="refuse inputs larger than this")]
MaxPages = Annotated[int, typer.Option("--max-pages", min=1, help="refuse PDFs with more pages")]
Jobs = Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="worker processes (default: all cores)")]
# The table commands' (targets, refs) CSV output.
CsvFile = Annotated[
    str | None, typer.Option("--csv", metavar="FILE", help="write the table as CSV (UTF-8); - is stdout")
]


def _check_engine(engine: str | None) -> str | None:
    if engine is not None and engine not in ("pdfium", "pdfplumber"):
        raise typer.BadParameter(f"{engine!r}: choose pdfium or pdfplumber")
    return engine


Engine = Annotated[
    str | None,
    typer.Option("--engine", callback=_check_engine, help="PDF engine: pdfium (default) or pdfplumber"),
]


def _settings(debug: bool = False, quiet: bool = False, verbose: bool = False) -> None:
    if quiet and verbose:
        _usage("--quiet and --verbose exclude each other")
    state["debug"] = state["debug"] or debug
    state["quiet"] = state["quiet"] or quiet
    state["verbose"] = state["verbose"] or verbose


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"policydoc {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main(
    debug: Debug = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="print the version and exit")
    ] = False,
) -> None:
    """Chinese government policy notices (HTML, PDF, text) to structured JSON."""
    state.update(debug=debug, quiet=quiet, verbose=verbose)
    # A PDF read by the second engine says so in doc.warnings (W004), which show and validate
    # print: the Python warning would repeat it with a source line.
    warnings.filterwarnings("ignore", category=PDFEngineWarning)


def _usage(message: str) -> None:
    err.print(f"[red]error:[/] {escape(message)}")
    raise typer.Exit(EXIT_USAGE)


def _stdin() -> bytes:
    if sys.stdin is None or sys.stdin.isatty():
        _usage("'-' reads standard input, but nothing is piped in")
    return sys.stdin.buffer.read()


def _load(path: str, max_bytes: int = MAX_BYTES, max_pages: int = MAX_PAGES, engine: str | None = None) -> Collection:
    """Read the documents of one file for a command; a bad file is one clear line and exit 1."""
    try:
        if path == STDIN:
            return parse_all_bytes(_stdin(), None, max_bytes=max_bytes, max_pages=max_pages, engine=engine)
        return parse_all(Path(path), max_bytes=max_bytes, max_pages=max_pages, engine=engine)
    except PolicyDocError as exc:
        if state["debug"]:
            raise
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(EXIT_FAILED) from None


# --- progress and reporting ----------------------------------------------------------------------


class RateColumn(ProgressColumn):
    def render(self, task: Any) -> Text:
        return Text(f"{task.speed:.1f}/s" if task.speed else "–/s", style="progress.data.speed")


class Report:
    """Progress on stderr (current file, done/total, rate, ETA, failures) and the final summary."""

    def __init__(self, verb: str, total: int) -> None:
        self.verb = verb
        self.failures: list[Outcome] = []
        self.done = 0
        self.documents = 0  # documents in the inputs done (a compilation holds several)
        self.already = 0
        self.progress = Progress(
            TextColumn("{task.description}", markup=False),
            BarColumn(bar_width=20),
            MofNCompleteColumn(),
            RateColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TimeElapsedColumn(),
            console=err,
            disable=state["quiet"] or not err.is_terminal,
        )
        self.task = self.progress.add_task(verb, total=total, failed=0)

    def __enter__(self) -> Report:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def status(self, source: str, seconds: float) -> None:
        name = "<stdin>" if source == STDIN else Path(source).name
        slow = f" (running {seconds:.0f} s)" if seconds >= SLOW else ""
        self.progress.update(self.task, description=f"{self.verb} {name}{slow}")

    def outcome(self, outcome: Outcome) -> None:
        if outcome.skipped:
            self.already += 1
        elif outcome.ok:
            self.done += 1
            self.documents += outcome.documents
        else:
            self.failures.append(outcome)
        if state["verbose"]:
            if outcome.ok:
                written = outcome.outputs or ((outcome.output,) if outcome.output else ())
                where = f" → {written[0]}" + (f" … {written[-1]}" if len(written) > 1 else "") if written else ""
                several = f", {outcome.documents} documents" if outcome.documents > 1 else ""
                what = "already done" if outcome.skipped else f"ok ({outcome.format}{several}, {outcome.seconds:.1f} s)"
                self.progress.console.print(f"{what}: {escape(outcome.source)}{escape(where)}")
            else:
                self.progress.console.print(
                    f"[red]failed:[/] {escape(outcome.source)}: {escape(outcome.message or '')}"
                )
        self.progress.update(self.task, advance=1, failed=len(self.failures))

    def listed_failures(self) -> None:
        for f in self.failures:
            err.print(f"[red]failed:[/] {escape(f.source)}: {f.error_type}: {escape(f.message or '')}")


def _list_skipped(found: Discovery, suffixes: tuple[str, ...]) -> None:
    """Files passed over in folders are named with the reason; nothing at all is an error."""
    if not state["quiet"]:
        for source, reason in found.skipped:
            err.print(f"[yellow]skipped:[/] {escape(source)}: {reason}")
    if not found.found:
        err.print(f"[red]error:[/] nothing to read: policydoc reads {' '.join(suffixes)} (folders are searched)")
        raise typer.Exit(EXIT_FAILED)


def interruptible(command: Callable[..., None]) -> Callable[..., None]:
    """Ctrl-C outside the workers (while listing or hashing inputs, writing a line) also exits 130.

    click would turn it into "Aborted!" and status 1; the batch itself handles Ctrl-C in ``execute``.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except KeyboardInterrupt:
            err.print("[yellow]interrupted[/]")
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper


def _exit(report: Report, interrupted: bool, unfinished: int) -> None:
    if interrupted:
        err.print(f"[yellow]interrupted:[/] {unfinished} not done; run the same command again with --resume")
        raise typer.Exit(EXIT_INTERRUPTED)
    raise typer.Exit(EXIT_FAILED if report.failures else EXIT_OK)


# --- convert -------------------------------------------------------------------------------------


@app.command()
@interruptible
def convert(
    paths: Annotated[list[str], typer.Argument(help="files and folders (searched recursively); - is stdin")],
    outdir: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", metavar="DIR", help="folder (or fsspec URL) for one JSON per input; - is stdout"
        ),
    ] = None,
    jsonl: Annotated[
        str | None, typer.Option("--jsonl", metavar="FILE", help="write one JSON Lines file; - is stdout")
    ] = None,
    parquet: Annotated[
        Path | None, typer.Option("--parquet", metavar="FILE", help="one Parquet row per document (extra: parquet)")
    ] = None,
    chunks: Annotated[
        str | None,
        typer.Option("--chunks", metavar="FILE", help="also write every document's chunks as JSON Lines; - is stdout"),
    ] = None,
    max_chars: Annotated[int, typer.Option("--max-chars", min=1, help="longest chunk, in characters")] = 800,
    jobs: Jobs = None,
    resume: Annotated[bool, typer.Option("--resume", help="skip inputs already converted")] = False,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="run on a Dask scheduler (tcp://host:8786, or local for a LocalCluster; extra: dask)",
        ),
    ] = None,
    max_bytes: MaxBytes = MAX_BYTES,
    max_pages: MaxPages = MAX_PAGES,
    engine: Engine = None,
    debug: Debug = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Convert notices to JSON: one file per document mirroring the input tree, JSON Lines or Parquet.

    A file holding several documents (a compilation, a gazette issue) gives one JSON per
    document, ``notice.pdf#01.json`` …, and one JSON line per document.
    """
    from .batch.outputs import DOCUMENT_COLUMNS, ParquetSink, document_row, parquet_available, write_errors

    _settings(debug, quiet, verbose)
    if outdir is not None and jsonl is not None:
        _usage("give -o OUTDIR or --jsonl FILE, not both")
    if outdir is None and jsonl is None and parquet is None and chunks is None:
        _usage("say where to write: -o OUTDIR, --jsonl FILE, --parquet FILE or --chunks FILE")
    if sum(target == STDOUT for target in (outdir, jsonl, chunks)) > 1:
        _usage("only one output can go to standard output")
    if resume and STDOUT in (outdir, jsonl, chunks):
        _usage("--resume needs a folder or a file to resume from, not standard output")
    if parquet is not None and not parquet_available():
        _usage("--parquet needs pyarrow: pip install 'policydoc[parquet]'")
    if dask is not None and not _dask_available():
        _usage("--dask needs dask.distributed: pip install 'policydoc[dask]'")
    if dask is not None and STDIN in paths:
        _usage("standard input cannot be sent to a Dask cluster; save it to a file")
    local_out = outdir is not None and outdir != STDOUT and not is_url(outdir)
    found = discover(paths, exclude=Path(outdir) if local_out else None)
    _list_skipped(found, _suffixes())
    to_stdout = outdir == STDOUT
    if to_stdout and len(found.found) > 1:
        _usage("-o - prints one document; for several use --jsonl -")
    want = "json" if (jsonl is not None or parquet is not None or to_stdout) else "nothing"
    data = _stdin() if any(source == STDIN for source, _ in found.found) else None
    todo, renamed = plan(
        found.found,
        None if outdir in (None, STDOUT) else outdir,
        want=want,
        data=data,
        max_bytes=max_bytes,
        max_pages=max_pages,
        engine=engine,
        max_chars=max_chars if chunks is not None else None,
    )
    for source, output in renamed:
        err.print(f"[yellow]note:[/] {escape(source)} → {escape(output)} (another input has the same name)")
    workers = jobs or os.cpu_count() or 1
    sink = JsonlSink(jsonl, resume=resume) if jsonl is not None else None
    chunk_sink = JsonlSink(chunks, resume=resume) if chunks is not None else None
    table = ParquetSink(str(parquet), DOCUMENT_COLUMNS) if parquet is not None else None
    report = Report("converting", len(todo))

    def record(outcome: Outcome) -> None:
        # WorkerDied is no verdict on the file: it is left out of the JSON Lines, to be retried.
        # An input already recorded in a sink (resumed with another sink behind) is not recorded twice.
        if sink is not None and not outcome.skipped and outcome.error_type != "WorkerDied":
            if outcome.sha256 is None or outcome.sha256 not in sink.recorded(outcome.source):
                sink.write_all(outcome.records())
        if chunk_sink is not None and outcome.chunks and outcome.sha256 not in chunk_sink.recorded(outcome.source):
            chunk_sink.write_all(outcome.chunks)
        if outcome.ok and not outcome.skipped and outcome.payload is not None:
            if table is not None:
                table.add([document_row(outcome.source, outcome.sha256, doc) for doc in outcome.payload])
            if to_stdout:  # several documents: one JSON after another, as jq reads them
                for doc in outcome.payload:
                    sys.stdout.write(json.dumps(json.loads(doc), ensure_ascii=False, indent=2) + "\n")
        report.outcome(outcome)

    try:
        with report:
            if resume:
                todo = _resume(todo, [s for s in (sink, chunk_sink) if s is not None], outdir is not None, report)
            run = execute(todo, workers=workers, record=record, status=report.status, dask=dask)
    except SchedulerUnreachable as exc:
        _usage(str(exc))
    finally:
        for opened in (sink, chunk_sink):
            if opened is not None:
                opened.close()
        if table is not None:
            table.close()
    if outdir is not None and not to_stdout:
        write_errors(outdir, report.failures)
    if not state["quiet"]:
        where = "standard output" if STDOUT in (outdir, jsonl) else outdir or jsonl or parquet or chunks
        several = f" ({report.documents} documents)" if report.documents > report.done else ""
        err.print(
            f"{report.done} converted{several}, {report.already} already done, {len(found.skipped)} skipped, "
            f"{len(report.failures)} failed → {where}"
        )
    report.listed_failures()
    _exit(report, run.interrupted, run.unfinished)


def _resume(todo: list[Job], sinks: list[JsonlSink], to_files: bool, report: Report) -> list[Job]:
    """Drop the jobs already done everywhere: outputs newer than their input (``-o``), and
    JSON Lines records of the same bytes in every JSON Lines file written (``--jsonl``, ``--chunks``)."""
    import hashlib

    left = []
    for job in todo:
        done = is_fresh(job) if to_files else True
        if done and sinks:
            done = all(sink.recorded(job.source) for sink in sinks) and Path(job.source).is_file()
            if done:
                sha256 = hashlib.sha256(Path(job.source).read_bytes()).hexdigest()
                done = all(sha256 in sink.recorded(job.source) for sink in sinks)
        if done:
            report.outcome(Outcome(job.source, job.output, skipped=True))
        else:
            left.append(job)
    return left


def _dask_available() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def _suffixes() -> tuple[str, ...]:
    from .batch import INPUT_SUFFIXES

    return INPUT_SUFFIXES


# --- show ----------------------------------------------------------------------------------------


@app.command()
@interruptible
def show(
    path: Annotated[str, typer.Argument(help="a notice: HTML, PDF or text; - is stdin")],
    number: Annotated[
        int, typer.Option("--doc", "-d", min=1, help="in a file of several documents, which one to show (1 = first)")
    ] = 1,
    max_bytes: MaxBytes = MAX_BYTES,
    max_pages: MaxPages = MAX_PAGES,
    engine: Engine = None,
    debug: Debug = False,
) -> None:
    """Metadata, the section tree with roles, and targets (plain text when piped).

    A file holding several documents lists them first (title, where each starts and ends,
    sections), then shows the first in full, or the one ``--doc N`` names.
    """
    _settings(debug)
    collection = _load(path, max_bytes, max_pages, engine)
    out = Console(soft_wrap=True)
    if number > len(collection.documents):
        _usage(f"--doc {number}: {path} holds {len(collection.documents)} document(s)")
    if len(collection.documents) > 1:
        _print_documents(out, collection)
    doc = collection.documents[number - 1]
    m = doc.metadata
    facts = [
        ("标题", m.title),
        ("文件", doc.title if doc.title != m.title else None),
        ("发文机关", "、".join(m.issuer)),
        ("发文字号", m.doc_number),
        ("成文日期", m.date and m.date.isoformat()),
        ("主送机关", "；".join(m.addressees)),
        ("附件", "；".join(m.attachments)),
        ("格式", doc.source.format),
        ("文档", f"{number}/{len(collection.documents)}" if len(collection.documents) > 1 else None),
    ]
    _print_facts(out, [(key, str(value)) for key, value in facts if value])
    _print_warnings(out, doc)
    _print_outline(out, doc, doc.title or m.title or Path(path).name)
    if doc.targets:
        _print_targets(out, targets_rows([doc]), with_doc=False)


def _where(p: Provenance | None) -> str:
    if p is None:
        return ""
    if p.page is not None:
        return f"p.{p.page}" + (f" l.{p.line}" if p.line is not None else "")
    if p.line is not None:
        return f"l.{p.line}"
    return f"el.{p.element}" if p.element is not None else ""


def _count(sections: list[Section]) -> int:
    return sum(1 + _count(s.children) for s in sections)


def _print_documents(out: Console, collection: Collection) -> None:
    """The documents of a file of several: number, title, where it starts–ends, sections."""
    rows = [
        (
            str(i),
            doc.title or doc.metadata.title or "",
            f"{_where(doc.part.first if doc.part else None)}–{_where(doc.part.last if doc.part else None)}",
            str(_count(doc.sections)),
        )
        for i, doc in enumerate(collection.documents, 1)
    ]
    heading = f"{len(rows)} documents" + (f" in {collection.title}" if collection.title else "")
    if not out.is_terminal:
        sys.stdout.write(f"# {heading}\n" + "".join("\t".join(row) + "\n" for row in rows) + "\n")
        return
    from rich.table import Table

    table = Table(title=heading)
    for column in ("#", "title", "range", "sections"):
        table.add_column(column)
    for row in rows:
        table.add_row(*(escape(v) for v in row))
    out.print(table)


def _print_facts(out: Console, facts: list[tuple[str, str]]) -> None:
    if not out.is_terminal:  # piped: whole values, one per line, never cut to the width
        sys.stdout.write("".join(f"{key}\t{value}\n" for key, value in facts))
        return
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    for key, value in facts:
        grid.add_row(f"[bold]{key}[/]", escape(value))
    out.print(grid)


def _print_warnings(out: Console, doc: PolicyDocument) -> None:
    """What the reader repaired or guessed (undecodable bytes, a detected encoding …)."""
    for w in doc.warnings:
        if out.is_terminal:
            out.print(f"[yellow]warning {w.code}[/] {escape(w.message)}")
        else:
            sys.stdout.write(f"warning\t{w.code}\t{w.message}\n")


def _print_outline(out: Console, doc: PolicyDocument, title: str) -> None:
    """The section tree: rich guides on a terminal, two spaces per level when piped."""
    from rich.tree import Tree

    plain = not out.is_terminal
    lines = [title]
    tree = Tree(f"[bold]{escape(title)}[/]")

    def add(node: Tree, sections: list[Section], depth: int) -> None:
        for s in sections:
            role = f" [{s.role}]" if s.role else ""
            lines.append("  " * depth + f"{s.marker}{s.title}{role}")
            label = f"[bold]{escape(s.marker)}[/]{escape(s.title)}" + (
                f" [dim]{escape(role.strip())}[/]" if role else ""
            )
            add(node.add(label), s.children, depth + 1)

    add(tree, doc.sections, 1)
    for annex in doc.annexes:
        lines.append(f"  {annex.label} {annex.title or ''}".rstrip())
        add(tree.add(f"[bold]{escape(annex.label)}[/] {escape(annex.title or '')}"), annex.sections, 2)
    if plain:
        sys.stdout.write("\n".join(lines) + "\n")
    else:
        out.print(tree)


def _fmt(value: object) -> str:
    """Numbers in full (40000000, not 4e+07): users compare them with the text."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    return str(value)


def _print_targets(out: Console, rows: list[dict], *, with_doc: bool) -> None:
    """A rich table on a terminal; tab-separated full values when piped (`targets | cat`)."""
    columns = (["doc_number"] if with_doc else []) + ["indicator", "low", "high", "unit", "qualifier", "period", "raw"]
    if not out.is_terminal:
        import csv

        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_fmt(row[c]) for c in columns] for row in rows)
        return
    from rich.table import Table

    table = Table(title="量化目标", show_lines=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(escape(_fmt(row[c])) for c in columns))
    out.print(table)


# --- targets -------------------------------------------------------------------------------------


def _rows_of(
    paths: list[str], want: str, *, jobs: int | None, max_bytes: int, max_pages: int, engine: str | None
) -> tuple[list[dict], Report, Run]:
    """The table rows (``want``: targets or refs) of every input, read in the worker pool, in input order."""
    found = discover(paths)
    _list_skipped(found, _suffixes())
    data = _stdin() if any(source == STDIN for source, _ in found.found) else None
    todo, _ = plan(found.found, None, want=want, data=data, max_bytes=max_bytes, max_pages=max_pages, engine=engine)
    by_source: dict[str, list[dict]] = {}
    report = Report("reading", len(todo))

    def record(outcome: Outcome) -> None:
        if outcome.ok:
            by_source[outcome.source] = outcome.payload
        report.outcome(outcome)

    with report:
        run = execute(todo, workers=jobs or os.cpu_count() or 1, record=record, status=report.status)
    return [row for job in todo for row in by_source.get(job.source, [])], report, run


@app.command()
@interruptible
def targets(
    paths: Annotated[list[str], typer.Argument(help="files and folders; - is stdin")],
    csv_file: CsvFile = None,
    parquet: Annotated[
        Path | None, typer.Option("--parquet", metavar="FILE", help="one Parquet row per target (extra: parquet)")
    ] = None,
    jobs: Jobs = None,
    max_bytes: MaxBytes = MAX_BYTES,
    max_pages: MaxPages = MAX_PAGES,
    engine: Engine = None,
    debug: Debug = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """The targets of many documents as one table, in input order."""
    from .batch.outputs import TARGET_TYPES, ParquetSink, parquet_available

    _settings(debug, quiet, verbose)
    if parquet is not None and not parquet_available():
        _usage("--parquet needs pyarrow: pip install 'policydoc[parquet]'")
    rows, report, run = _rows_of(
        paths, "targets", jobs=jobs, max_bytes=max_bytes, max_pages=max_pages, engine=engine
    )
    if csv_file is not None:
        _write_csv(csv_file, rows)
    if parquet is not None:
        table = ParquetSink(str(parquet), [(c, TARGET_TYPES.get(c, "string")) for c in COLUMNS])
        table.add(rows)
        table.close()
    if csv_file is None and parquet is None:
        _print_targets(Console(soft_wrap=True), rows, with_doc=True)
    elif not state["quiet"]:
        err.print(f"{len(rows)} targets from {report.done} documents → {csv_file or parquet}")
    report.listed_failures()
    _exit(report, run.interrupted, run.unfinished)


# --- refs ----------------------------------------------------------------------------------------


@app.command()
@interruptible
def refs(
    paths: Annotated[list[str], typer.Argument(help="files and folders; - is stdin")],
    csv_file: CsvFile = None,
    jobs: Jobs = None,
    max_bytes: MaxBytes = MAX_BYTES,
    max_pages: MaxPages = MAX_PAGES,
    engine: Engine = None,
    debug: Debug = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """The documents each notice cites (《title》, 文号), as one table, in input order."""
    from .batch.rows import REFERENCE_COLUMNS

    _settings(debug, quiet, verbose)
    rows, report, run = _rows_of(paths, "refs", jobs=jobs, max_bytes=max_bytes, max_pages=max_pages, engine=engine)
    if csv_file is not None:
        _write_csv(csv_file, rows, REFERENCE_COLUMNS)
        if not state["quiet"]:
            err.print(f"{len(rows)} references from {report.done} files → {csv_file}")
    else:
        _print_references(Console(soft_wrap=True), rows, REFERENCE_COLUMNS)
    report.listed_failures()
    _exit(report, run.interrupted, run.unfinished)


def _print_references(out: Console, rows: list[dict], columns: tuple[str, ...]) -> None:
    """Tab-separated full values when piped; on a terminal a table of who cites what, where."""
    if not out.is_terminal:
        import csv

        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_fmt(row[c]) for c in columns] for row in rows)
        return
    from rich.table import Table

    table = Table(title="引用文件")
    for column in ("citing", "doc_number", "title", "section"):
        table.add_column(column)
    for row in rows:
        citing = row["citing_number"] or row["citing_title"] or Path(row["source"]).name
        table.add_row(*(escape(_fmt(v)) for v in (citing, row["doc_number"], row["title"], row["section"])))
    out.print(table)


def _write_csv(target: str, rows: list[dict], columns: tuple[str, ...] = COLUMNS) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    if target == STDOUT:
        sys.stdout.write(buffer.getvalue())
    else:  # the byte-order mark lets Excel read the file as UTF-8
        write_text(target, "\ufeff" + buffer.getvalue())


# --- schema and validate -------------------------------------------------------------------------


@app.command()
def schema(
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="write to a file; default or - is stdout")
    ] = None,
) -> None:
    """The JSON Schema (draft 2020-12) of policydoc's JSON."""
    text = schema_text()
    if output in (None, STDOUT):
        sys.stdout.write(text)
    else:
        write_text(output, text)


@app.command()
@interruptible
def validate(
    paths: Annotated[
        list[str], typer.Argument(help="notices (HTML, PDF, text), JSON or JSON Lines files, folders; - is stdin")
    ],
    fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    max_bytes: MaxBytes = MAX_BYTES,
    max_pages: MaxPages = MAX_PAGES,
    engine: Engine = None,
    debug: Debug = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Check notices (numbering, annexes, document number, date) or JSON against the schema, file by file.

    A file holding several documents is checked document by document, reported as ``FILE#N``.
    """
    from .validate import check_data, check_document, check_json, unreadable

    _settings(debug, quiet, verbose)
    if fmt not in ("text", "json"):
        _usage("--format is text or json")
    suffixes = (*_suffixes(), ".json", ".jsonl")
    found = discover(paths, suffixes=suffixes)
    _list_skipped(found, suffixes)
    report: dict[str, list] = {}
    for source, _ in found.found:
        kind = Path(source).suffix.lower()
        if kind == ".jsonl" and Path(source).is_file():
            for n, row in _jsonl_rows(source):
                key = f"{source}:{n}"
                if isinstance(row, Exception):
                    report[key] = [unreadable(key, f"not valid JSON: {row}").as_dict()]
                elif row.get("ok") is False or "error_type" in row:  # a failure recorded by convert
                    report[key] = [
                        unreadable(row.get("source") or row.get("path") or key, str(row.get("message"))).as_dict()
                    ]
                else:
                    report[key] = [d.as_dict() for d in check_data(row.get("doc", row))]
            continue
        if kind == ".json" and Path(source).is_file():
            report[source] = [d.as_dict() for d in check_json(Path(source))]
            continue
        try:
            if source == STDIN:
                docs = parse_all_bytes(_stdin(), None, max_bytes=max_bytes, max_pages=max_pages, engine=engine)
            else:
                docs = parse_all(Path(source), max_bytes=max_bytes, max_pages=max_pages, engine=engine)
        except PolicyDocError as exc:
            if state["debug"]:
                raise
            report[source] = [unreadable(source, exc.message).as_dict()]
            continue
        # A file of several documents is checked document by document (FILE#2, as convert names them):
        # one document's numbering does not continue the previous one's.
        for n, doc in enumerate(docs.documents, 1):
            key = source if len(docs.documents) == 1 else f"{source}#{n}"
            report[key] = [d.as_dict() for d in check_document(doc)]
    errors = sum(1 for found_here in report.values() for d in found_here if d["severity"] == "error")
    if fmt == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        out = Console(soft_wrap=True)
        for path, found_here in report.items():
            if not found_here and not state["quiet"]:
                out.print(f"[green]ok[/] {escape(path)}")
            for d in found_here:
                colour = "red" if d["severity"] == "error" else "yellow"
                page = ", ".join(f"{k} {d[k]}" for k in ("page", "line", "element") if d[k] is not None)
                page = f" ({page})" if page else ""
                out.print(
                    f"{escape(path)}: [{colour}]{d['severity']}[/] {d['code']} {escape(d['location'])}{page}: "
                    f"{escape(d['message'])}"
                )
    raise typer.Exit(EXIT_FAILED if errors else EXIT_OK)


def _jsonl_rows(source: str) -> Iterator[tuple[int, Any]]:
    """(line number, record or the exception that made it unreadable) for each non-blank line."""
    with open(source, encoding="utf-8", errors="replace") as lines:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                yield n, row if isinstance(row, dict) else ValueError("not a JSON object")
            except ValueError as exc:
                yield n, exc


def run() -> None:  # pragma: no cover - console entry for `python -m policydoc`
    app(prog_name="policydoc")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
