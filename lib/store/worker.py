"""Parsing in a supervised worker process, one document at a time, under a time budget.

The app parses articles here rather than in the server process, so that

- a document that takes longer than its budget is stopped (its worker is terminated and a
  fresh one starts for the next document) and reported, while the others are kept;
- the server's threads keep serving other sessions while a parse runs: spaCy holds the
  interpreter lock for long stretches, here it holds another process's, at a lower priority;
- the memory a parse needs lives in the worker, which exits after :data:`IDLE_EXIT_S`
  without work (or after :data:`RECYCLE_CHARS` characters), so it goes back to the system.

:class:`ParseWorker` is thread-safe: sessions that need parsing at the same time take turns.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path

#: The folder holding the ``lib`` package (the worker's working directory).
ROOT = Path(__file__).resolve().parent.parent.parent

#: Where the worker gets its pipeline: ``module:function`` returning a spaCy Language.
DEFAULT_LOADER = "lib.nlp.pipeline:get_nlp"


#: Seconds a new worker may take to load the pipeline (not part of any document's budget).
LOAD_TIMEOUT_S = 180.0


#: A worker with no work for this long exits, giving its memory back.
IDLE_EXIT_S = float(os.environ.get("COVERAGE_LENS_WORKER_IDLE_S", "300"))


#: A worker that has parsed this many characters is replaced after its current job.
RECYCLE_CHARS = 3_000_000


#: How much lower than the server the worker runs (``nice``), so pages stay responsive.
NICENESS = 5


class WorkerFailed(RuntimeError):
    """The worker could not load the pipeline (the message says why)."""


def budget_message(budget_s: float) -> str:
    """What a user reads for a document stopped by its time budget."""
    return (
        f"Skipped: took longer than {budget_s:g} s to analyse (the limit per article); "
        "the other articles are kept."
    )


def _serve(conn, loader: str, idle_s: float, niceness: int = NICENESS) -> None:
    """Worker process: load the pipeline, then parse one text per message until idle."""
    try:
        if niceness:
            os.nice(niceness)
    except (AttributeError, OSError):
        pass
    try:
        module, _, name = loader.partition(":")
        nlp = getattr(importlib.import_module(module), name)()
        from lib.extract.document import process_doc
        from lib.nlp.chunks import parse_text
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send(("failed", type(exc).__name__, str(exc)))
        return
    conn.send(("ready", "", ""))
    while conn.poll(idle_s):
        try:
            text = conn.recv()
        except EOFError:  # the server went away
            return
        if text is None:
            return
        try:
            part = process_doc(parse_text(nlp, text), text)
        except Exception as exc:  # noqa: BLE001 - one bad document never stops the others
            conn.send(("error", type(exc).__name__, ""))
        else:
            conn.send(("part", part, ""))


class _Duplex:
    """Two one-way pipe ends used as one connection (``send``/``recv``/``poll``/``close``)."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self._in = Connection(read_fd, writable=False)
        self._out = Connection(write_fd, readable=False)

    def send(self, obj) -> None:
        self._out.send(obj)

    def recv(self):
        return self._in.recv()

    def poll(self, timeout: float | None = None) -> bool:
        return self._in.poll(timeout)

    def close(self) -> None:
        for end in (self._in, self._out):
            try:
                end.close()
            except OSError:
                pass


def _launch(loader: str, idle_s: float, niceness: int = NICENESS):
    """Start ``python -m lib.store.worker`` with two pipes; returns (process, connection).

    A plain new interpreter, not ``multiprocessing``: inside ``streamlit run`` the main
    module is the app script, which a spawned child would run again, and forking a
    threaded server is unsafe.
    """
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    cmd = [sys.executable, "-m", "lib.store.worker", str(to_child_r), str(from_child_w)]
    try:
        proc = subprocess.Popen(
            [*cmd, loader, repr(float(idle_s)), str(int(niceness))],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            pass_fds=(to_child_r, from_child_w),
        )
    finally:
        os.close(to_child_r)
        os.close(from_child_w)
    return proc, _Duplex(from_child_r, to_child_w)


def _stop(holder: dict) -> None:
    proc, conn = holder.pop("proc", None), holder.pop("conn", None)
    if conn is not None:
        conn.close()
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


class ParseWorker:
    """One supervised worker process that parses texts with the project pipeline.

    ``parse(texts, on_part, on_skip)`` sends one text at a time; a text not done within
    ``budget_s`` seconds (None: no budget) is stopped by terminating the worker, reported
    through ``on_skip(index, message)``, and a new worker takes the next text. ``loader``
    names the pipeline factory (``module:function``; tests pass a small one); ``niceness``
    how much lower than its parent the worker runs (a Dask worker's parses are the job
    itself and run at 0).
    """

    def __init__(
        self,
        budget_s: float | None = None,
        *,
        loader: str = DEFAULT_LOADER,
        idle_exit_s: float = IDLE_EXIT_S,
        load_timeout_s: float = LOAD_TIMEOUT_S,
        niceness: int = NICENESS,
    ) -> None:
        self.budget_s = budget_s
        self.niceness = niceness
        self.loader = loader
        self.idle_exit_s = idle_exit_s
        self.load_timeout_s = load_timeout_s
        self.started = 0  # workers started so far (for tests and the benchmark)
        self._lock = threading.Lock()
        self._holder: dict = {}
        self._last_used = 0.0
        self._chars = 0
        self._finalizer = weakref.finalize(self, _stop, self._holder)

    # -- process management -------------------------------------------------------------

    def _start(self):
        proc, conn = _launch(self.loader, self.idle_exit_s, self.niceness)
        self.started += 1
        if not conn.poll(self.load_timeout_s):
            _stop({"proc": proc, "conn": conn})
            raise WorkerFailed("the language pipeline did not load in time")
        try:
            kind, name, message = conn.recv()
        except (EOFError, OSError):
            kind, name, message = "failed", "WorkerFailed", "the worker process exited"
        if kind != "ready":
            _stop({"proc": proc, "conn": conn})
            if name == "ModelNotFound":
                from lib.nlp.pipeline import ModelNotFound

                raise ModelNotFound(message)
            raise WorkerFailed(f"{name}: {message}")
        self._holder.update(proc=proc, conn=conn)
        self._chars = 0
        self._last_used = time.monotonic()
        return conn

    def _connection(self):
        proc = self._holder.get("proc")
        fresh = time.monotonic() - self._last_used < self.idle_exit_s * 0.9
        if proc is not None and proc.poll() is None and fresh and self._chars < RECYCLE_CHARS:
            return self._holder["conn"]
        _stop(self._holder)
        return self._start()

    def alive(self) -> bool:
        """True while a worker process is running."""
        proc = self._holder.get("proc")
        return proc is not None and proc.poll() is None

    def close(self) -> None:
        """Stop the worker process (a later parse starts a new one)."""
        with self._lock:
            _stop(self._holder)

    # -- parsing ------------------------------------------------------------------------

    def _one(self, text: str) -> tuple[str, object]:
        """("part", parts) | ("skip", message) for one text; restarts a dead worker once."""
        for attempt in range(2):
            conn = self._connection()
            conn.send(text)
            if self.budget_s is not None and not conn.poll(self.budget_s):
                _stop(self._holder)
                return "skip", budget_message(self.budget_s)
            try:
                kind, value, _ = conn.recv()
            except (EOFError, OSError):  # the worker died (out of memory, killed)
                _stop(self._holder)
                if attempt == 0:
                    continue
                return "skip", "Skipped: the analysis of this article stopped unexpectedly."
            self._chars += len(text)
            if kind == "part":
                return "part", value
            return "skip", f"Skipped: the analysis failed ({value})."
        raise AssertionError("unreachable")

    def parse(
        self,
        texts: Sequence[str],
        on_part: Callable[[int, dict], None],
        on_skip: Callable[[int, str], None],
    ) -> None:
        """Parse ``texts`` in order, calling ``on_part(i, parts)`` or ``on_skip(i, message)``
        for each; waits while another thread's parse runs."""
        with self._lock:
            try:
                for i, text in enumerate(texts):
                    kind, value = self._one(text)
                    self._last_used = time.monotonic()
                    if kind == "part":
                        on_part(i, value)  # type: ignore[arg-type]
                    else:
                        on_skip(i, value)  # type: ignore[arg-type]
            finally:
                self._last_used = time.monotonic()
                if self._chars >= RECYCLE_CHARS:
                    _stop(self._holder)


def main(argv: Sequence[str] | None = None) -> None:
    """Worker entry point: ``python -m lib.store.worker READ_FD WRITE_FD LOADER IDLE_S
    [NICENESS]``."""
    args = list(argv or sys.argv[1:])
    read_fd, write_fd, loader, idle_s = args[:4]
    niceness = int(args[4]) if len(args) > 4 else NICENESS
    _serve(_Duplex(int(read_fd), int(write_fd)), loader, float(idle_s), niceness)


if __name__ == "__main__":
    main()
