"""Parsing and story grouping on a Dask cluster (``dask.distributed``), for the CLI.

``--scheduler tcp://HOST:8786`` connects to a running scheduler (``PYTHONPATH=. dask
scheduler`` and ``PYTHONPATH=. dask worker tcp://HOST:8786`` started in a copy of the
repository, in the project's environment: both import ``lib``); ``--scheduler local:N``
starts a ``LocalCluster`` of N worker processes on this machine for the run. The Streamlit
app never uses this: it stays a one-machine server.

Two executors plug into the one analysis path (:func:`lib.analysis.analyze`):

- :class:`DaskParser` is a parser (:class:`lib.parsing.Parser`: ``parse(texts, on_part,
  on_skip)`` and ``close()``), like :class:`lib.parsing.workers.Workers`. Texts go to the
  cluster in small batches (at most a few per worker in flight, so memory stays flat
  however long the pile); on each Dask worker the batch is parsed by that worker's own
  supervised :class:`~lib.parsing.workers.Workers`, so the per-article time budget holds
  on the cluster exactly as on one machine.
- :func:`dask_map` runs story grouping's scoring chunks and components
  (:func:`lib.resolve.linkage.cluster`) as Dask tasks; arguments shared by every task (the
  TF-IDF matrix) are scattered once.

Same code, same inputs: the tables are the same as without a cluster.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from lib.parsing.interface import OnPart, OnSkip
from lib.parsing.workers import DEFAULT_LOADER, Workers

#: Texts per task sent to a Dask worker.
BATCH_DOCS = 8


#: Tasks in flight per Dask worker (one parsing, the next ones queued).
IN_FLIGHT_PER_WORKER = 3


#: Seconds to wait for a scheduler (``tcp://``) or a new local cluster.
CONNECT_TIMEOUT_S = 30


class SchedulerError(ValueError):
    """A ``--scheduler`` value that is malformed or cannot be reached."""


def parse_spec(spec: str) -> tuple[str, str | int]:
    """``("tcp", "tcp://host:port")`` or ``("local", N)`` for a ``--scheduler`` value."""
    value = (spec or "").strip()
    if value.startswith("tcp://") and len(value) > len("tcp://"):
        return "tcp", value
    if value.startswith("local:"):
        count = value.partition(":")[2]
        if count.isdigit() and 1 <= int(count) <= 64:
            return "local", int(count)
        raise SchedulerError(f"--scheduler {value}: local:N needs N between 1 and 64")
    raise SchedulerError(f"--scheduler {value!r}: use tcp://HOST:PORT or local:N")


@contextmanager
def open_client(spec: str) -> Iterator:
    """A ``distributed.Client`` for ``spec`` (see :func:`parse_spec`), closed afterwards
    (with its LocalCluster, for ``local:N``)."""
    kind, value = parse_spec(spec)
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if kind == "local":
            cluster = LocalCluster(
                n_workers=int(value),
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # any free port: never in the way of another
                silence_logs=40,  # errors only: the CLI's stderr is for the user
            )
            client = Client(cluster, timeout=CONNECT_TIMEOUT_S)
        else:
            client = Client(str(value), timeout=CONNECT_TIMEOUT_S)
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise SchedulerError(f"cannot reach the Dask scheduler {value}: {exc}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ----------------------------------------------------------------------------- on a worker

#: This Dask worker's supervised parse workers, by (budget, loader).
_PARSERS: dict[tuple, Workers] = {}


def parse_batch(
    texts: list[str], budget_s: float | None, loader: str = DEFAULT_LOADER
) -> list[tuple[str, object]]:
    """Run on a Dask worker: ``("part", parts)`` or ``("skip", message)`` per text, parsed
    by this worker's :class:`~lib.parsing.workers.Workers` (started on first use, kept
    between tasks)."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    key = (budget_s, loader)
    worker = _PARSERS.get(key)
    if worker is None:
        worker = _PARSERS[key] = Workers(1, budget_s, loader=loader, niceness=0)
    out: list[tuple[str, object]] = [("skip", "")] * len(texts)

    def part(i: int, value) -> None:
        out[i] = ("part", value)

    def skip(i: int, message: str) -> None:
        out[i] = ("skip", message)

    worker.parse(texts, part, skip)
    return out


# ----------------------------------------------------------------------------- on the client


def worker_count(client) -> int:
    """Workers the scheduler has now (at least 1)."""
    try:
        return max(1, len(client.scheduler_info().get("workers", {})))
    except Exception:  # noqa: BLE001 - a count for sizing only
        return 1


class DaskParser:
    """``parse(texts, on_part, on_skip)`` on a Dask cluster (see the module docstring)."""

    def __init__(
        self,
        client,
        budget_s: float | None,
        *,
        loader: str = DEFAULT_LOADER,
        batch_docs: int = BATCH_DOCS,
    ) -> None:
        self.client = client
        self.budget_s = budget_s
        self.loader = loader
        self.batch_docs = batch_docs

    def close(self) -> None:
        """Nothing to stop here: the client and its cluster are closed by
        :func:`open_client`, each Dask worker's parse workers when it exits."""

    def parse(self, texts: Sequence[str], on_part: OnPart, on_skip: OnSkip) -> None:
        """Parse ``texts``; ``on_part(i, parts)`` / ``on_skip(i, message)`` are called here,
        in the order batches finish."""
        from distributed import as_completed

        starts = iter(range(0, len(texts), self.batch_docs))
        limit = IN_FLIGHT_PER_WORKER * worker_count(self.client)
        running = as_completed()
        where = {}

        def submit() -> bool:
            start = next(starts, None)
            if start is None:
                return False
            batch = list(texts[start : start + self.batch_docs])
            future = self.client.submit(parse_batch, batch, self.budget_s, self.loader, pure=False)
            where[future.key] = start
            running.add(future)
            return True

        for _ in range(limit):
            if not submit():
                break
        for future in running:
            start = where.pop(future.key)
            results = future.result()
            future.release()
            for k, (kind, value) in enumerate(results):
                if kind == "part":
                    on_part(start + k, value)  # type: ignore[arg-type]
                else:
                    on_skip(start + k, value)  # type: ignore[arg-type]
            submit()


def dask_map(client) -> Callable[[Callable, list], list]:
    """A ``map_fn(fn, argument_tuples) -> results`` (in order) running each call as a Dask
    task; an argument object shared by several calls (the TF-IDF matrix, the days) is
    scattered to the cluster once."""

    def run(fn: Callable, args: list[tuple]) -> list:
        if not args:
            return []
        seen: dict[int, int] = {}
        for tup in args:
            for value in tup:
                seen[id(value)] = seen.get(id(value), 0) + 1
        shared = {}
        for value in args[0]:
            if seen[id(value)] > 1 and id(value) not in shared and _big(value):
                shared[id(value)] = client.scatter(value, broadcast=False, hash=False)
        futures = [
            client.submit(fn, *[shared.get(id(v), v) for v in tup], pure=False) for tup in args
        ]
        results = client.gather(futures)
        for future in futures:
            future.release()
        return results

    return run


def _big(value) -> bool:
    """Worth scattering once: arrays and matrices (not settings or small scalars)."""
    return hasattr(value, "shape") and getattr(value, "size", 0) > 1000


def dask_imap(client, in_flight: int | None = None):
    """A ``run(fn, argument_tuples)`` yielding ``fn(*args)`` of each tuple in order, each
    a Dask task, with at most ``in_flight`` tasks (default: two per worker) submitted
    ahead, so the arguments of a long stream are never all in memory."""

    def run(fn: Callable, args) -> Iterator:
        window = in_flight or 2 * worker_count(client)
        queue: list = []
        for tup in args:
            queue.append(client.submit(fn, *tup, pure=False))
            if len(queue) > window:
                yield _take(queue.pop(0))
        while queue:
            yield _take(queue.pop(0))

    return run


def _take(future):
    result = future.result()
    future.release()
    return result
