"""Supervised worker processes: the parser every path uses (see :mod:`lib.parsing`).

:class:`Workers` runs up to ``processes`` worker processes (:mod:`lib.parsing.process`,
started as ``python -m lib.parsing``)
and hands them chunks of texts. Supervision happens in the calling thread (one
``multiprocessing.connection.wait`` over the workers' pipes), so ``on_part``/``on_skip``
are called there, in arrival order, and a Streamlit progress bar can follow them.

- **Time budget.** Each text must be answered within ``budget_s`` seconds of the answer
  before it (a worker's pipeline load is not part of it). A worker over the budget is
  stopped: when its chunk was a single text, that text is skipped with
  :func:`~lib.parsing.budget_message`; otherwise the unanswered texts go back to the queue
  one by one, so only the slow text is ever skipped. A worker that dies (out of memory,
  killed) gets the same treatment; a single text that kills a worker twice is skipped.
- **Memory.** The pipeline lives in the workers, never in the caller; a worker exits after
  ``idle_exit_s`` without work and is replaced after :data:`RECYCLE_CHARS` characters, so
  the memory a parse needs goes back to the system.
- **Threads.** ``parse`` is thread-safe: sessions that need parsing at the same time take
  turns.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import weakref
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

from lib.parsing.interface import OnPart, OnSkip, budget_message
from lib.parsing.process import NICENESS, Duplex
from lib.settings import worker_idle_s

#: The folder holding the ``lib`` package (the workers' working directory).
ROOT = Path(__file__).resolve().parent.parent.parent

#: Where a worker gets its pipeline: ``module:function`` returning a spaCy Language.
DEFAULT_LOADER = "lib.nlp.pipeline:get_nlp"

#: Seconds a new worker may take to load the pipeline (not part of any text's budget).
LOAD_TIMEOUT_S = 180.0

#: A worker that has parsed this many characters is replaced after its current chunk.
RECYCLE_CHARS = 3_000_000

#: Most texts, and characters, sent to a worker at once (``nlp.pipe`` batches them; the
#: first answer of a chunk comes when its batch is parsed, well inside a text's budget).
CHUNK_TEXTS = 16
CHUNK_CHARS = 100_000


class WorkerFailed(RuntimeError):
    """A worker could not load the pipeline (the message says why)."""


@dataclass
class _Slot:
    """One worker process and the chunk it is working on."""

    proc: subprocess.Popen | None = None
    conn: Duplex | None = None
    chars: int = 0
    last_used: float = 0.0
    chunk: list[int] = field(default_factory=list)  # text indices sent, not yet answered
    deadline: float = 0.0


def _launch(loader: str, idle_s: float, niceness: int) -> tuple[subprocess.Popen, Duplex]:
    """Start ``python -m lib.parsing`` (a worker process) with two pipes."""
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    cmd = [sys.executable, "-m", "lib.parsing", str(to_child_r), str(from_child_w)]
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
    return proc, Duplex(from_child_r, to_child_w)


def _stop(slot: _Slot) -> None:
    proc, conn = slot.proc, slot.conn
    slot.proc = slot.conn = None
    if conn is not None:
        conn.close()
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def _stop_all(slots: list[_Slot]) -> None:
    for slot in slots:
        _stop(slot)


def _chunks(texts: Sequence[str], size: int) -> list[list[int]]:
    """Indices of ``texts`` in order, cut into chunks of at most ``size`` texts and
    :data:`CHUNK_CHARS` characters (a longer text goes alone)."""
    chunks: list[list[int]] = []
    chars = 0
    for i, text in enumerate(texts):
        if not chunks or len(chunks[-1]) >= size or chars + len(text) > CHUNK_CHARS:
            chunks.append([])
            chars = 0
        chunks[-1].append(i)
        chars += len(text)
    return chunks


class _Run:
    """The state of one :meth:`Workers.parse` call."""

    def __init__(self, texts: Sequence[str], on_part: OnPart, on_skip: OnSkip, size: int):
        self.texts, self.on_part, self.on_skip = texts, on_part, on_skip
        self.queue: deque[list[int]] = deque(_chunks(texts, size))
        self.deaths: dict[int, int] = {}  # text index -> workers it killed

    def retry_singly(self, indices: list[int]) -> None:
        self.queue.extendleft([i] for i in reversed(indices))


class Workers:
    """Up to ``processes`` supervised worker processes that parse texts with the project
    pipeline under a per-text time budget (None: no budget). ``loader`` names the
    pipeline factory (``module:function``; tests pass a small one); ``niceness`` how much
    lower than its parent a worker runs (a Dask worker's parses are the job itself: 0)."""

    def __init__(
        self,
        processes: int = 1,
        budget_s: float | None = None,
        *,
        loader: str = DEFAULT_LOADER,
        idle_exit_s: float | None = None,
        load_timeout_s: float = LOAD_TIMEOUT_S,
        chunk_texts: int = CHUNK_TEXTS,
        niceness: int = NICENESS,
    ) -> None:
        self.processes = max(1, int(processes))
        self.budget_s = budget_s
        self.loader = loader
        self.idle_exit_s = worker_idle_s() if idle_exit_s is None else idle_exit_s
        self.load_timeout_s = load_timeout_s
        self.chunk_texts = max(1, chunk_texts)
        self.niceness = niceness
        self.started = 0  # worker processes started so far (for tests and benchmarks)
        self._lock = threading.Lock()
        self._slots = [_Slot() for _ in range(self.processes)]
        self._finalizer = weakref.finalize(self, _stop_all, self._slots)

    # -- processes ----------------------------------------------------------------------

    def _start(self, slot: _Slot) -> None:
        proc, conn = _launch(self.loader, self.idle_exit_s, self.niceness)
        self.started += 1
        if not conn.poll(self.load_timeout_s):
            _stop(_Slot(proc, conn))
            raise WorkerFailed("the language pipeline did not load in time")
        try:
            kind, name, message = conn.recv()
        except (EOFError, OSError):
            kind, name, message = "failed", "WorkerFailed", "the worker process exited"
        if kind != "ready":
            _stop(_Slot(proc, conn))
            if name == "ModelNotFound":
                from lib.nlp.pipeline import ModelNotFound

                raise ModelNotFound(message)
            raise WorkerFailed(f"{name}: {message}")
        slot.proc, slot.conn, slot.chars = proc, conn, 0
        slot.last_used = time.monotonic()

    def _ready(self, slot: _Slot) -> Duplex:
        """The slot's connection, starting (or replacing a stale) worker when needed."""
        proc = slot.proc
        fresh = time.monotonic() - slot.last_used < self.idle_exit_s * 0.9
        if proc is None or proc.poll() is not None or not fresh or slot.chars >= RECYCLE_CHARS:
            _stop(slot)
            self._start(slot)
        return slot.conn  # type: ignore[return-value]

    def alive(self) -> int:
        """How many worker processes are running."""
        return sum(1 for s in self._slots if s.proc is not None and s.proc.poll() is None)

    def close(self) -> None:
        """Stop the worker processes (a later parse starts new ones)."""
        with self._lock:
            _stop_all(self._slots)

    # -- parsing ------------------------------------------------------------------------

    def parse(self, texts: Sequence[str], on_part: OnPart, on_skip: OnSkip) -> None:
        """Parse ``texts``, calling ``on_part(i, parts)`` or ``on_skip(i, message)`` once
        for each (in this thread); waits while another thread's parse runs."""
        texts = list(texts)
        size = max(1, min(self.chunk_texts, -(-len(texts) // self.processes)))
        run = _Run(texts, on_part, on_skip, size)
        with self._lock:
            try:
                while run.queue or any(s.chunk for s in self._slots):
                    self._hand_out(run)
                    self._collect(run)
            except BaseException:
                _stop_all(self._slots)  # unanswered chunks: their workers are useless now
                for slot in self._slots:
                    slot.chunk = []
                raise
            finally:
                now = time.monotonic()
                for slot in self._slots:
                    slot.last_used = now if slot.proc is not None else slot.last_used

    def _hand_out(self, run: _Run) -> None:
        for slot in self._slots:
            if slot.chunk or not run.queue:
                continue
            chunk = run.queue.popleft()
            conn = self._ready(slot)
            conn.send([run.texts[i] for i in chunk])
            slot.chunk = chunk
            slot.deadline = time.monotonic() + (self.budget_s or 0)

    def _collect(self, run: _Run) -> None:
        busy = [s for s in self._slots if s.chunk]
        timeout = None
        if self.budget_s is not None:
            timeout = max(0.0, min(s.deadline for s in busy) - time.monotonic())
        ready = wait([s.conn for s in busy], timeout)
        for slot in busy:
            if slot.conn in ready:
                self._answer(run, slot)
            elif self.budget_s is not None and time.monotonic() >= slot.deadline:
                self._overdue(run, slot)

    def _answer(self, run: _Run, slot: _Slot) -> None:
        i = slot.chunk[0]
        try:
            kind, value = slot.conn.recv()  # type: ignore[union-attr]
        except (EOFError, OSError):  # the worker died (out of memory, killed)
            self._died(run, slot)
            return
        slot.chunk.pop(0)
        slot.chars += len(run.texts[i])
        slot.deadline = time.monotonic() + (self.budget_s or 0)
        if kind == "part":
            run.on_part(i, value)
        else:
            run.on_skip(i, f"Skipped: the analysis failed ({value}).")

    def _overdue(self, run: _Run, slot: _Slot) -> None:
        chunk, slot.chunk = slot.chunk, []
        _stop(slot)
        if len(chunk) == 1:
            run.on_skip(chunk[0], budget_message(self.budget_s or 0))
        else:
            run.retry_singly(chunk)  # find which text is slow, one at a time

    def _died(self, run: _Run, slot: _Slot) -> None:
        chunk, slot.chunk = slot.chunk, []
        _stop(slot)
        if len(chunk) > 1:
            run.retry_singly(chunk)
            return
        i = chunk[0]
        run.deaths[i] = run.deaths.get(i, 0) + 1
        if run.deaths[i] >= 2:
            run.on_skip(i, "Skipped: the analysis of this article stopped unexpectedly.")
        else:
            run.retry_singly(chunk)
