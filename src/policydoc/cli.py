"""The ``policydoc`` command (typer + rich)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .api import parse
from .batch import Job, Outcome, convert_paths, plan, write_atomic
from .errors import PolicyDocError
from .export.frame import COLUMNS, targets_rows
from .model import PolicyDocument, Section
from .schema import schema_text

app = typer.Typer(
    name="policydoc",
    help="Chinese government policy notices to structured data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)


state = {"debug": False}


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="show tracebacks of failures")] = False,
) -> None:
    """Chinese government policy notices (HTML, PDF, text) to structured JSON."""
    state["debug"] = debug


def _load(path: Path) -> PolicyDocument:
    """Parse one notice for a command; a bad file is one clear line and exit 1."""
    try:
        return parse(path)
    except PolicyDocError as exc:
        if state["debug"]:
            raise
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from None


@app.command()
def convert(
    paths: Annotated[list[Path], typer.Argument(help="files and folders (searched recursively)")],
    outdir: Annotated[Path | None, typer.Option("-o", "--output", help="folder for one JSON per input")] = None,
    jsonl: Annotated[Path | None, typer.Option("--jsonl", help="write one JSON Lines file instead")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="worker processes (default: all cores)")] = 0,
    resume: Annotated[bool, typer.Option("--resume", help="skip inputs whose JSON is newer")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Convert notices to JSON, mirroring the input tree under OUTDIR."""
    if (outdir is None) == (jsonl is None):
        err.print("[red]error:[/] give exactly one of -o OUTDIR or --jsonl FILE")
        raise typer.Exit(2)
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        err.print(f"[red]error:[/] {p}: no such file or directory")
    if missing:
        raise typer.Exit(2)
    root = outdir if outdir is not None else Path(".")
    todo = plan(paths, root, jsonl=jsonl is not None)
    workers = jobs or os.cpu_count() or 1
    show = not quiet and err.is_terminal
    failures: list[Outcome] = []
    with Progress(
        TextColumn("converting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=err,
        disable=not show,
    ) as progress:
        task = progress.add_task("convert", total=len(todo), failed=0)

        def done(outcome: Outcome) -> None:
            if not outcome.ok:
                failures.append(outcome)
            progress.update(task, advance=1, failed=len(failures))

        if jsonl is not None:
            _convert_jsonl(todo, jsonl, workers, done)
        else:
            outcomes = convert_paths(todo, workers=workers, resume=resume, on_outcome=done)
            converted = sum(1 for o in outcomes if o.ok and not o.skipped)
            skipped = sum(1 for o in outcomes if o.skipped)
    if outdir is not None:
        lines = "".join(
            json.dumps({"path": f.source, "error_type": f.error_type, "message": f.message}, ensure_ascii=False) + "\n"
            for f in failures
        )
        errors_file = outdir / "errors.jsonl"
        if failures:
            write_atomic(errors_file, lines)
        elif errors_file.exists():
            errors_file.unlink()
        if not quiet:
            err.print(f"{converted} converted, {skipped} skipped, {len(failures)} failed → {outdir}")
    for f in failures:
        err.print(f"[red]failed:[/] {f.source}: {f.error_type}: {f.message}")
    raise typer.Exit(1 if failures else 0)


@app.command()
def show(path: Annotated[Path, typer.Argument(help="a notice: HTML, PDF or text")]) -> None:
    """Metadata, the section tree with roles, and targets, in the terminal."""
    from rich.table import Table
    from rich.tree import Tree

    doc = _load(path)
    out = Console(soft_wrap=True)
    m = doc.metadata
    facts = Table.grid(padding=(0, 2))
    for key, value in (
        ("标题", m.title),
        ("文件", doc.title if doc.title != m.title else None),
        ("发文机关", "、".join(m.issuer)),
        ("发文字号", m.doc_number),
        ("成文日期", m.date and m.date.isoformat()),
        ("主送机关", "；".join(m.addressees)),
        ("附件", "；".join(m.attachments)),
        ("格式", doc.source.format),
    ):
        if value:
            facts.add_row(f"[bold]{key}[/]", str(value))
    out.print(facts)
    for w in doc.warnings:
        out.print(f"[yellow]warning {w.code}[/] {escape(w.message)}")
    tree = Tree(f"[bold]{doc.title or m.title or path.name}[/]")

    def add(node: Tree, sections: list[Section]) -> None:
        for s in sections:
            role = f" [dim]\\[{s.role}][/]" if s.role else ""
            add(node.add(f"[bold]{escape(s.marker)}[/]{escape(s.title)}{role}"), s.children)

    add(tree, doc.sections)
    for annex in doc.annexes:
        add(tree.add(f"[bold]{escape(annex.label)}[/] {escape(annex.title or '')}"), annex.sections)
    out.print(tree)
    if doc.targets:
        out.print(_targets_table(targets_rows([doc]), with_doc=False))


def _fmt(value: object) -> str:
    """Numbers in full (40000000, not 4e+07): users compare them with the text."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    return str(value)


def _targets_table(rows: list[dict], *, with_doc: bool) -> Any:
    from rich.table import Table

    table = Table(title="量化目标", show_lines=False)
    columns = (["doc_number"] if with_doc else []) + ["indicator", "low", "high", "unit", "qualifier", "period", "raw"]
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(escape(_fmt(row[c])) for c in columns))
    return table


@app.command()
def targets(
    paths: Annotated[list[Path], typer.Argument(help="files and folders")],
    csv_file: Annotated[Path | None, typer.Option("--csv", help="write the table as CSV (UTF-8)")] = None,
) -> None:
    """The targets of many documents as one table."""
    import csv

    from .batch import discover

    rows: list[dict] = []
    failed = 0
    for source, _ in discover(paths):
        try:
            rows += targets_rows([parse(source)])
        except PolicyDocError as exc:
            failed += 1
            err.print(f"[red]failed:[/] {exc}")
    if csv_file is not None:
        csv_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = csv_file.with_name(f".{csv_file.name}.part")
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(COLUMNS))
            writer.writeheader()
            writer.writerows(rows)
        os.replace(tmp, csv_file)
        err.print(f"{len(rows)} targets → {csv_file}")
    else:
        Console().print(_targets_table(rows, with_doc=True))
    raise typer.Exit(1 if failed else 0)


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="write to a file instead of stdout")] = None,
) -> None:
    """The JSON Schema (draft 2020-12) of policydoc's JSON."""
    text = schema_text()
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="notices (HTML, PDF, text) or JSON files")],
    fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """Check notices (numbering, annexes, document number, date) or JSON against the schema."""
    from .validate import check_document, check_json

    if fmt not in ("text", "json"):
        err.print("[red]error:[/] --format is text or json")
        raise typer.Exit(2)
    report: dict[str, list] = {}
    for path in paths:
        if not path.exists() or path.is_dir():
            err.print(f"[red]error:[/] {path}: {'is a directory' if path.is_dir() else 'no such file'}")
            raise typer.Exit(2)
        if path.suffix.lower() == ".json":
            found = check_json(path)
        else:
            found = check_document(_load(path))
        report[str(path)] = [d.as_dict() for d in found]
    errors = sum(1 for found in report.values() for d in found if d["severity"] == "error")
    if fmt == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        out = Console(soft_wrap=True)
        for path, found in report.items():
            if not found:
                out.print(f"[green]ok[/] {escape(path)}")
            for d in found:
                colour = "red" if d["severity"] == "error" else "yellow"
                page = f" (page {d['page']})" if d["page"] else ""
                out.print(
                    f"{escape(path)}: [{colour}]{d['severity']}[/] {d['code']} {escape(d['location'])}{page}: "
                    f"{escape(d['message'])}"
                )
    raise typer.Exit(1 if errors else 0)


def _convert_jsonl(todo: list[Job], target: Path, workers: int, done: Callable[[Outcome], None]) -> None:
    """One JSON line per input, written as results arrive; the file appears only when complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    try:
        with tmp.open("w", encoding="utf-8") as fh:

            def write(outcome: Outcome) -> None:
                failure = {
                    "ok": False,
                    "source": outcome.source,
                    "error_type": outcome.error_type,
                    "message": outcome.message,
                }  # a worker that died returned no line
                fh.write((outcome.line or json.dumps(failure, ensure_ascii=False)) + "\n")
                done(outcome)

            convert_paths(todo, workers=workers, on_outcome=write)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def run() -> None:  # pragma: no cover - console entry for `python -m policydoc`
    app(prog_name="policydoc")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
