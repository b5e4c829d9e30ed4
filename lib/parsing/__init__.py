"""The one parse path: article texts -> per-article :class:`~lib.records.Parts`.

Every caller (the app, the CLI, benchmarks, tests) parses through one interface, a
*parser* with one method::

    parser.parse(texts, on_part, on_skip)   # on_part(i, parts) | on_skip(i, message)

called once per text, in the calling thread, while ``parse`` runs; ``close()`` frees what
it holds. :func:`lib.analysis.analyze` takes a parser and never parses by itself.

Executors behind it:

- :class:`~lib.parsing.workers.Workers` (the default everywhere): N supervised worker
  processes on this machine (``python -m lib.parsing``), each loading the pipeline
  once. Texts go out in chunks (``nlp.pipe`` batching); an article not done within the
  per-article time budget stops its worker, is reported through ``on_skip`` and the rest
  of its chunk is parsed again one at a time by a fresh worker. The app keeps one worker
  (started on first need, exiting when idle); ``python -m lib analyze --processes N``
  uses N.
- :class:`~lib.parsing.local.InProcess`: ``nlp.pipe`` in this process. No budget can be
  enforced on a thread, so only tests that pass a pipeline object ask for it.
- :class:`~lib.parsing.cluster.DaskParser` (``--scheduler tcp://HOST:8786`` or
  ``local:N``): the same two methods on a ``dask.distributed`` cluster. Small batches of
  texts are submitted as tasks; on each Dask worker a batch is parsed by that worker's own
  :class:`Workers` (so the per-article budget holds there too) and ``on_part`` /
  ``on_skip`` are called in the calling thread as batches finish. Another executor plugs
  in the same way: a class with ``parse`` and ``close``.
"""

from __future__ import annotations

from lib.parsing.interface import OnPart, OnSkip, Parser, budget_message
from lib.parsing.workers import WorkerFailed, Workers


def make_parser(processes: int = 1, budget_s: float | None = None, **options) -> Parser:
    """The parser for ``processes`` local worker processes under ``budget_s`` seconds per
    article (``options`` go to :class:`~lib.parsing.workers.Workers`)."""
    return Workers(processes, budget_s, **options)  # its processes start on first need


__all__ = [
    "OnPart",
    "OnSkip",
    "Parser",
    "WorkerFailed",
    "Workers",
    "budget_message",
    "make_parser",
]
