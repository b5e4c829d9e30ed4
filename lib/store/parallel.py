"""Parsing many texts with worker processes.

:func:`parse_parts` is the parallel path of :func:`lib.analysis.analyze`: with
``processes > 1`` a pool of worker processes each loads the pipeline once and runs
``nlp.pipe`` + :func:`~lib.extract.document.process_doc` over chunks of texts, returning
plain per-document parts; the parent process only assembles them.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Sequence

from lib.extract.document import process_doc
from lib.nlp.chunks import pipe_texts
from lib.nlp.pipeline import get_nlp

#: Texts per task sent to a worker process (several nlp.pipe batches each).
CHUNK_DOCS = 64


_WORKER_NLP = None


def _worker_init() -> None:
    global _WORKER_NLP
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _WORKER_NLP = get_nlp()


def _worker_chunk(args: tuple[list[str], int]) -> list[dict]:
    texts, batch_size = args
    return [
        process_doc(doc, text)
        for doc, text in zip(pipe_texts(_WORKER_NLP, texts, batch_size), texts, strict=True)
    ]


def parse_parts(
    texts: Sequence[str],
    nlp,
    *,
    processes: int = 1,
    batch_size: int = 32,
    chunk_docs: int = CHUNK_DOCS,
    on_part: Callable[[int, dict], None] | None = None,
) -> list[dict]:
    """Per-document parts of ``texts`` (in order), parsed with ``processes`` processes.

    ``on_part(index, parts)`` is called as each document's parts arrive (for caching
    and progress). With one process (or few texts) this runs ``nlp.pipe`` here; with
    more, a ``multiprocessing`` pool (fork where available) in which each worker loads
    :func:`lib.pipeline.get_nlp` once. ``nlp`` is only used in-process.
    """
    texts = list(texts)
    out: list[dict | None] = [None] * len(texts)
    processes = max(1, min(int(processes), os.cpu_count() or 1, len(texts) // 8 or 1))
    if processes == 1:
        for i, (doc, text) in enumerate(
            zip(pipe_texts(nlp, texts, batch_size), texts, strict=True)
        ):
            out[i] = process_doc(doc, text)
            if on_part is not None:
                on_part(i, out[i])
        return out  # type: ignore[return-value]

    # small chunks near the end keep both workers busy; big ones amortise IPC
    size = max(8, min(chunk_docs, len(texts) // (processes * 4) or 8))
    starts = list(range(0, len(texts), size))
    tasks = [(texts[s : s + size], batch_size) for s in starts]
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    pool = ctx.Pool(processes, initializer=_worker_init)
    try:
        for s, chunk in zip(starts, pool.imap(_worker_chunk, tasks), strict=True):
            for k, part in enumerate(chunk):
                out[s + k] = part
                if on_part is not None:
                    on_part(s + k, part)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
    return out  # type: ignore[return-value]
