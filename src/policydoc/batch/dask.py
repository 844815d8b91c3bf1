"""The same jobs as Dask tasks: ``policydoc convert … --dask tcp://scheduler:8786`` (or ``local``).

Each task is ``run_job``: the worker reads its input, parses it and writes the JSON to the
output location itself (a shared file system path, or an fsspec URL such as ``s3://…``), so only
small outcomes travel back to the client. dask[distributed] is the optional extra
``policydoc[dask]``.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import time
from collections.abc import Iterator
from typing import Any

from .jobs import Job, Outcome, run_job
from .pool import TICK, Record, Run, Status

LOCAL = "local"
CONNECT_TIMEOUT = "10s"


class SchedulerUnreachable(Exception):
    """``--dask ADDRESS`` names no scheduler that answers: a usage error, not a failed input."""


@contextlib.contextmanager
def client_for(address: str, workers: int) -> Iterator[Any]:
    """A client of the scheduler at ``address``, or of a LocalCluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ImportError("--dask needs dask.distributed: pip install 'policydoc[dask]'") from None
    if address != LOCAL:
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise SchedulerUnreachable(f"cannot reach the Dask scheduler at {address} ({exc})") from None
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,  # parsing holds the GIL: one process per core
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def run_dask(jobs: list[Job], address: str, *, workers: int, record: Record, status: Status) -> Run:
    if not jobs:
        return Run()
    with client_for(address, workers) as client:
        slots = max(workers, sum(client.nthreads().values()) or 1)
        queue = iter(jobs)
        pending: dict[Any, Job] = {}
        started: dict[Any, float] = {}

        def submit(batch: int) -> None:
            for job in itertools.islice(queue, batch):
                future = client.submit(run_job, job, pure=False)
                pending[future] = job
                started[future] = time.monotonic()

        try:
            submit(slots * 4)  # bounded: millions of inputs are not millions of futures at once
            while pending:
                done = [f for f in pending if f.done()]
                if not done:
                    oldest = min(started, key=started.__getitem__)
                    status(pending[oldest].source, time.monotonic() - started[oldest])
                    time.sleep(TICK)
                    continue
                for future in done:
                    job = pending.pop(future)
                    started.pop(future, None)
                    try:
                        record(future.result())
                    except Exception as exc:  # the task's worker died (KilledWorker) or the cluster went away
                        message = f"not converted: the Dask task failed ({type(exc).__name__}: {exc}); run again"
                        record(Outcome(job.source, None, "WorkerDied", message))
                submit(len(done))
        except KeyboardInterrupt:
            client.cancel(list(pending))
            return Run(interrupted=True, unfinished=len(pending) + sum(1 for _ in queue))
    return Run()
