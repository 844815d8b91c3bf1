"""The ``policydoc`` command (typer + rich)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .batch import Job, Outcome, convert_paths, plan, run_to_dict, write_atomic

app = typer.Typer(
    name="policydoc",
    help="Chinese government policy notices to structured data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


@app.callback()
def main() -> None:
    """Chinese government policy notices (HTML, PDF, text) to structured JSON."""


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
    todo = plan(paths, root)
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
            _convert_jsonl(todo, jsonl, done)
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


def _convert_jsonl(todo: list[Job], target: Path, done: Callable[[Outcome], None]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    with tmp.open("w", encoding="utf-8") as fh:
        for job in todo:
            row = run_to_dict(job)
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            done(
                Outcome(row["source"], str(target))
                if row["ok"]
                else Outcome(row["source"], None, row["error_type"], row["message"])
            )
    os.replace(tmp, target)


def run() -> None:  # pragma: no cover - console entry for `python -m policydoc`
    app(prog_name="policydoc")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
