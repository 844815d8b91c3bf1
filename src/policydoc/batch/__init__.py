"""Batch conversion: many inputs, in worker processes or on a Dask cluster, atomically, resumable.

Kept apart from the CLI so that notebooks and scripts can call ``convert_paths``:

- ``jobs``: what to convert (discovery, unique output names) and the worker function ``run_job``;
- ``pool``: running jobs in local worker processes (interruptible, a dead worker reported);
- ``dask``: running the same jobs as Dask tasks;
- ``outputs``: where results go (atomic files, append-only JSON Lines with resume, Parquet).
"""

from .jobs import (
    DIED,
    INPUT_SUFFIXES,
    STDIN,
    TMP_DIR,
    Discovery,
    Job,
    Outcome,
    discover,
    is_fresh,
    plan,
    run_job,
)
from .outputs import JsonlSink, write_atomic, write_text
from .pool import Run, convert_paths, execute

__all__ = [
    "DIED",
    "INPUT_SUFFIXES",
    "STDIN",
    "TMP_DIR",
    "Discovery",
    "Job",
    "JsonlSink",
    "Outcome",
    "Run",
    "convert_paths",
    "discover",
    "execute",
    "is_fresh",
    "plan",
    "run_job",
    "write_atomic",
    "write_text",
]
