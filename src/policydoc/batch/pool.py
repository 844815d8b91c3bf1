"""Running jobs in local worker processes: bounded, interruptible, a dead worker reported."""

from __future__ import annotations

import itertools
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from .jobs import DIED, Job, Outcome, is_fresh, run_job

Record = Callable[[Outcome], None]
# Called with the input that has been running longest and for how many seconds.
Status = Callable[[str, float], None]
TICK = 0.25  # seconds between progress updates while workers are busy


@dataclass(slots=True)
class Run:
    interrupted: bool = False  # Ctrl-C: the workers were stopped
    unfinished: int = 0  # jobs neither finished nor failed (after Ctrl-C)


def execute(
    jobs: list[Job],
    *,
    workers: int,
    record: Record,
    status: Status | None = None,
    dask: str | None = None,
) -> Run:
    """Run every job, calling ``record`` with each outcome as it arrives.

    Ctrl-C stops the workers at once and returns what was left unfinished; finished work has
    been recorded already. ``dask`` is a scheduler address or ``"local"``.
    """
    status = status or (lambda source, seconds: None)
    try:
        if dask is not None:
            from .dask import run_dask

            return run_dask(jobs, dask, workers=workers, record=record, status=status)
        if workers <= 1 or len(jobs) <= 1:
            return _run_here(jobs, record, status)
        return _run_pool(jobs, workers, record, status)
    finally:
        for tmp in {job.tmp_dir for job in jobs if job.tmp_dir is not None}:
            shutil.rmtree(tmp, ignore_errors=True)


def _run_here(jobs: list[Job], record: Record, status: Status) -> Run:
    for i, job in enumerate(jobs):
        status(job.source, 0.0)
        try:
            outcome = run_job(job)
        except KeyboardInterrupt:
            return Run(interrupted=True, unfinished=len(jobs) - i)
        record(outcome)
    return Run()


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what to do with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_pool(todo: list[Job], workers: int, record: Record, status: Status) -> Run:
    # Submit in bounded windows: memory stays flat however many files there are.
    pending: dict[Future[Outcome], Job] = {}
    running_since: dict[Future[Outcome], float] = {}
    queue = iter(todo)
    broken = False
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint)
    try:
        for job in itertools.islice(queue, workers * 8):
            pending[pool.submit(run_job, job)] = job
        while pending and not broken:
            done, _ = wait(pending, timeout=TICK, return_when=FIRST_COMPLETED)
            for future in done:
                job = pending.pop(future)
                running_since.pop(future, None)
                try:
                    record(future.result())
                except BrokenProcessPool:
                    broken = True
                    record(Outcome(job.source, None, "WorkerDied", DIED))
            if not broken:
                for job in itertools.islice(queue, len(done)):
                    pending[pool.submit(run_job, job)] = job
            _report_slowest(pending, running_since, status)
    except KeyboardInterrupt:
        _stop(pool)
        return Run(interrupted=True, unfinished=len(pending) + sum(1 for _ in queue))
    pool.shutdown(wait=True)
    # A dead worker breaks the pool: what it had not finished is reported, never lost silently.
    for future, job in pending.items():
        finished = future.done() and not future.cancelled() and future.exception() is None
        record(future.result() if finished else Outcome(job.source, None, "WorkerDied", DIED))
    for job in queue:
        record(Outcome(job.source, None, "WorkerDied", DIED))
    return Run()


def _report_slowest(
    pending: dict[Future[Outcome], Job], running_since: dict[Future[Outcome], float], status: Status
) -> None:
    now = time.monotonic()
    for future in pending:
        if future.running():
            running_since.setdefault(future, now)
    if running_since:
        oldest = min(running_since, key=running_since.__getitem__)
        status(pending[oldest].source, now - running_since[oldest])


def _stop(pool: ProcessPoolExecutor) -> None:
    """Kill the workers now: a long PDF must not hold Ctrl-C for minutes."""
    # At exit, concurrent.futures wakes the executor's manager thread through a pipe that the
    # stopped pool may have closed already: the OSError it raises there is reported as an
    # "Exception ignored" traceback on the way out, after a clean interruption. It is not shown.
    sys.unraisablehook = _quiet_closed_wakeup(sys.unraisablehook)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)


def _quiet_closed_wakeup(hook: Callable[[Any], object]) -> Callable[[Any], object]:
    """``hook``, except for an OSError raised while the threading module shuts down."""

    def quiet(unraisable: Any) -> object:
        if isinstance(unraisable.exc_value, OSError) and unraisable.object is threading:
            return None
        return hook(unraisable)

    return quiet


def convert_paths(
    jobs: list[Job],
    *,
    workers: int = 1,
    resume: bool = False,
    on_outcome: Record | None = None,
) -> list[Outcome]:
    """Convert every job (for scripts); failures are outcomes, never exceptions.

    With ``resume``, jobs whose output is newer than their input are skipped.
    """
    outcomes: list[Outcome] = []

    def record(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)

    todo = []
    for job in jobs:
        if resume and is_fresh(job):
            record(Outcome(job.source, job.output, skipped=True))
        else:
            todo.append(job)
    run = execute(todo, workers=workers, record=record)
    if run.interrupted:
        raise KeyboardInterrupt
    return outcomes
