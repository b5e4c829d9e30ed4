"""A parse worker process: load the pipeline once, then parse chunks of texts until idle.

Started by :class:`lib.parsing.workers.Workers` as ``python -m lib.parsing READ_FD WRITE_FD
LOADER IDLE_S [NICENESS]`` (a plain new interpreter, not ``multiprocessing``: inside
``streamlit run`` the main module is the app script, which a spawned child would run
again, and forking a threaded server is unsafe). It reads one list of texts per message
and answers one ``(kind, value)`` per text, in order: ``("part", Parts)`` or
``("error", exception name)``; ``None`` or ``idle_s`` seconds without a message ends it.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection

#: How much lower than the server the worker runs (``nice``), so pages stay responsive.
NICENESS = 5

#: Parsed once when a worker starts, so one-time loads are not part of any text's budget.
WARM_UP = "Officials said 12 people were evacuated on Monday, the mayor said."


def parse_texts(nlp, texts: Sequence[str], batch_size: int = 32) -> Iterator[tuple[str, object]]:
    """``("part", Parts)`` or ``("error", exception name)`` per text, in order: batched
    with ``nlp.pipe`` (long texts in blocks); when a batch fails, its texts one by one, so
    one bad text never costs the others."""
    from lib.extract.document import process_doc
    from lib.nlp.chunks import parse_text, pipe_texts

    done = 0
    try:
        for doc, text in zip(pipe_texts(nlp, texts, batch_size), texts, strict=False):
            yield _part(process_doc, doc, text)
            done += 1
        return
    except Exception:  # noqa: BLE001 - a batch failed in spaCy: retry its texts one by one
        pass
    for text in texts[done:]:
        try:
            doc = parse_text(nlp, text)
        except Exception as exc:  # noqa: BLE001 - one bad text never stops the others
            yield "error", type(exc).__name__
        else:
            yield _part(process_doc, doc, text)


def _part(process_doc, doc, text: str) -> tuple[str, object]:
    try:
        return "part", process_doc(doc, text)
    except Exception as exc:  # noqa: BLE001 - one bad text never stops the others
        return "error", type(exc).__name__


class Duplex:
    """Two one-way pipe ends used as one connection (``send``/``recv``/``poll``/``close``,
    and ``fileno`` for ``multiprocessing.connection.wait``)."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self._in = Connection(read_fd, writable=False)
        self._out = Connection(write_fd, readable=False)

    def send(self, obj) -> None:
        self._out.send(obj)

    def recv(self):
        return self._in.recv()

    def poll(self, timeout: float | None = None) -> bool:
        return self._in.poll(timeout)

    def fileno(self) -> int:
        return self._in.fileno()

    def close(self) -> None:
        for end in (self._in, self._out):
            try:
                end.close()
            except OSError:
                pass


def serve(
    conn, loader: str, idle_s: float, niceness: int = NICENESS, batch_size: int = 32
) -> None:
    """Load the pipeline named by ``loader`` (``module:function``), say ``ready`` (or
    ``failed`` with why), then answer chunks until told to stop or idle."""
    try:
        if niceness:
            os.nice(niceness)
    except (AttributeError, OSError):
        pass
    try:
        module, _, name = loader.partition(":")
        nlp = getattr(importlib.import_module(module), name)()
        # one-time loads (extractors, gazetteer, vocabularies) happen here, before "ready",
        # so no article's time budget pays for them
        list(parse_texts(nlp, [WARM_UP]))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send(("failed", type(exc).__name__, str(exc)))
        return
    conn.send(("ready", "", ""))
    while conn.poll(idle_s):
        try:
            texts = conn.recv()
        except EOFError:  # the server went away
            return
        if texts is None:
            return
        for answer in parse_texts(nlp, texts, batch_size):
            conn.send(answer)


def main(argv: Sequence[str] | None = None) -> None:
    args = list(argv or sys.argv[1:])
    read_fd, write_fd, loader, idle_s = args[:4]
    niceness = int(args[4]) if len(args) > 4 else NICENESS
    serve(Duplex(int(read_fd), int(write_fd)), loader, float(idle_s), niceness)

