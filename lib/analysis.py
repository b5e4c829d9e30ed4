"""Documents -> :class:`~lib.schema.Analysis`: cache lookups, parsing, corpus-level passes.

Work is split in two so it can be cached per document: :func:`lib.extract.document.
process_doc` turns one parsed Doc into plain records (keyed by the text's hash, so it
survives metadata edits), and :func:`lib.resolve.assemble.assemble` runs the corpus-level
passes. spaCy ``Doc``/``Span`` objects never leave ``lib.nlp`` and ``lib.extract``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from lib.corpus.document import Document
from lib.records import Parts
from lib.resolve.assemble import assemble
from lib.resolve.budget import CORPUS_NOTE
from lib.schema import Analysis, text_key
from lib.store.cache import corpus_key
from lib.store.parallel import parse_parts


def analyze(
    documents: Iterable[Document],
    nlp,
    *,
    problems: Sequence[tuple[str, str]] = (),
    batch_size: int = 32,
    cache=None,
    n_process: int = 1,
    progress: Callable[[int, int], None] | None = None,
    parser=None,
    map_fn=None,
    stories: Sequence[str] | None = None,
) -> Analysis:
    """Analyse documents with ``nlp`` and return an :class:`Analysis`.

    ``cache`` (optional) has ``get(key) -> parts | None`` and ``put(key, parts)``;
    documents whose text is cached are not parsed again. When it also has
    ``get_analysis``/``put_analysis`` (:class:`lib.store.cache.DiskCache`), the whole
    Analysis is cached by :func:`lib.store.cache.corpus_key`, so reopening an unchanged
    corpus skips the corpus-level passes too. ``n_process > 1`` parses with a pool of
    worker processes (:func:`lib.store.parallel.parse_parts`). ``nlp`` may be a function
    returning the pipeline (``get_nlp``): called only if some document is not cached.

    ``progress(done, total)`` is called as each uncached document is parsed (and once with
    ``(n, n)`` on a whole-analysis hit). ``parser`` (optional) replaces in-process parsing:
    ``parser(texts, on_part, on_skip)``, e.g. :meth:`lib.store.worker.ParseWorker.parse`
    with a per-document time budget; a document it skips is left out of the Analysis and
    listed in ``problems`` as ``(source name, message)``. ``map_fn`` and ``stories`` (each
    document's story id, when known: otherwise grouped): as in ``assemble``.
    """
    docs = list(documents)
    whole = None
    if cache is not None and hasattr(cache, "get_analysis"):
        whole = corpus_key(docs)
        found = cache.get_analysis(whole)
        if found is not None:
            found.problems = list(problems)
            if progress is not None:
                progress(len(docs), len(docs))
            return found
    keys = [text_key(d.text) for d in docs]
    parts: list[Parts | None] = [cache.get(k) if cache is not None else None for k in keys]
    todo = [i for i, p in enumerate(parts) if p is None]
    done = 0
    skipped: dict[int, str] = {}

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, len(todo))

    def on_part(n: int, part: Parts) -> None:
        i = todo[n]
        parts[i] = part
        if cache is not None:
            cache.put(keys[i], part)
        step()

    def on_skip(n: int, message: str) -> None:
        skipped[todo[n]] = message
        step()

    if todo and parser is not None:
        parser([docs[i].text for i in todo], on_part, on_skip)
    elif todo:
        if callable(nlp) and not hasattr(nlp, "pipe"):
            nlp = nlp()  # a lazy loader: only load the model when something needs parsing
        parse_parts(
            [docs[i].text for i in todo],
            nlp,
            processes=n_process,
            batch_size=batch_size,
            on_part=on_part,
        )
    if skipped:
        docs, parts, problems = _without(skipped, docs, parts, problems)
        whole = None  # an analysis missing documents is never cached whole
    if stories is not None and skipped:
        stories = [s for i, s in enumerate(stories) if i not in skipped]
    analysis = assemble(docs, parts, problems=problems, map_fn=map_fn, stories=stories)
    if whole is not None and not _cut_short(analysis):
        cache.put_analysis(whole, analysis)
    return analysis


def _cut_short(analysis: Analysis) -> bool:
    """Did the corpus time budget cut a pass? (such an analysis is not cached whole)"""
    return any(name == CORPUS_NOTE for name, _ in analysis.problems)


def _without(skipped: dict[int, str], docs: list, parts: list, problems) -> tuple:
    """Documents and parts without the skipped ones, and problems listing them."""
    listed = [(docs[i].source_name or docs[i].doc_id, skipped[i]) for i in sorted(skipped)]
    keep = [i for i in range(len(docs)) if i not in skipped]
    return [docs[i] for i in keep], [parts[i] for i in keep], [*problems, *listed]
