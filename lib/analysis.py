"""Documents -> :class:`~lib.schema.Analysis`: cache lookups, parsing, corpus-level passes.

Work is split in two so it can be cached per document: a parser (:mod:`lib.parsing`, the
one parse path) turns each text into its :class:`~lib.records.Parts` (keyed by the text's
hash, so they survive metadata edits), and :func:`lib.resolve.assemble.assemble` runs the
corpus-level passes. spaCy ``Doc``/``Span`` objects never leave the parser.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

from lib.corpus.document import Corpus, Document
from lib.ingest.limits import DOC_ANALYSIS_BUDGET_S
from lib.parsing import Parser, make_parser
from lib.records import Parts
from lib.resolve.assemble import assemble
from lib.resolve.budget import CORPUS_NOTE
from lib.schema import Analysis
from lib.store.cache import corpus_key
from lib.versions import text_key


def analyze(
    documents: Iterable[Document],
    parser: Parser | None,
    *,
    problems: Sequence[tuple[str, str]] = (),
    cache=None,
    whole: bool = True,
    progress: Callable[[int, int], None] | None = None,
    map_fn=None,
    stories: Sequence[str] | None = None,
) -> Analysis:
    """Analyse documents, parsing with ``parser`` only those not in ``cache``.

    ``cache`` (optional) has ``get(key) -> Parts | None`` and ``put(key, parts)``
    (:class:`lib.store.cache.DiskCache`, or a session's own store). When it also has
    ``get_analysis``/``put_analysis`` and ``whole`` is true, the whole Analysis is cached by
    :func:`lib.store.cache.corpus_key`, so reopening an unchanged corpus skips the
    corpus-level passes too (``whole=False`` when metadata is a user's own edits).
    ``parser`` may be None when everything is cached.

    ``progress(done, total)`` is called as each uncached document is parsed or skipped
    (and once with ``(n, n)`` on a whole-analysis hit). A document the parser skips (over
    its time budget) is left out of the Analysis and listed in ``problems`` as
    ``(source name, message)``. ``map_fn``: where story grouping runs its tasks (as in
    :func:`lib.resolve.assemble.assemble`; a Dask cluster's, :mod:`lib.parsing.cluster`).
    ``stories`` (optional): each document's story id instead of grouping them (reports
    known to be of one event: one story); such an analysis is not cached whole.
    """
    docs = list(documents)
    whole_key = None
    whole = whole and stories is None
    if whole and cache is not None and hasattr(cache, "get_analysis"):
        whole_key = corpus_key(docs)
        found = cache.get_analysis(whole_key)
        if found is not None:
            found.problems = list(problems)
            if progress is not None:
                progress(len(docs), len(docs))
            return found
    keys = [text_key(d.text) for d in docs]
    parts: list[Parts | None] = [cache.get(k) if cache is not None else None for k in keys]
    todo = [i for i, p in enumerate(parts) if p is None]
    skipped: dict[int, str] = {}
    if todo:
        if parser is None:
            raise ValueError("some documents are not cached and no parser was given")
        _parse(parser, [docs[i].text for i in todo], todo, parts, skipped, cache, keys, progress)
    if skipped:
        if stories is not None:
            stories = [s for i, s in enumerate(stories) if i not in skipped]
        docs, parts, problems = _without(skipped, docs, parts, problems)
        whole_key = None  # an analysis missing documents is never cached whole
    analysis = assemble(docs, parts, problems=problems, map_fn=map_fn, stories=stories)
    if whole_key is not None and not _cut_short(analysis):
        cache.put_analysis(whole_key, analysis)
    return analysis


def _cut_short(analysis: Analysis) -> bool:
    """Did the corpus time budget cut a pass? (such an analysis is not cached whole)"""
    return any(name == CORPUS_NOTE for name, _ in analysis.problems)


def analyse_corpus(
    corpus,
    *,
    processes: int = 1,
    cache=True,
    budget_s: float | None = DOC_ANALYSIS_BUDGET_S,
    progress: Callable[[int, int], None] | None = None,
) -> Analysis:
    """The analysis of ``corpus``: a folder, ``.zip``, bundle or file of articles, an
    analysis folder (read back, no parsing), a :class:`~lib.corpus.document.Corpus` or a
    list of Documents.

    Articles are parsed in ``processes`` supervised worker processes, each under
    ``budget_s`` seconds (an article over it is left out and listed in ``problems``), with
    the disk cache of per-article results (``cache``: True for the default one, False or
    None for none, or a cache object). Files that could not be read are listed in
    ``problems`` too.
    """
    from lib.ingest.local import load_corpus
    from lib.store.cache import default_cache
    from lib.store.folders import is_analysis_folder, load_analysis

    if isinstance(corpus, (str, os.PathLike)):
        if is_analysis_folder(corpus):
            return load_analysis(corpus)
        corpus = load_corpus(corpus)
    if isinstance(corpus, Corpus):
        documents, problems = corpus.documents, corpus.problems
    else:
        documents, problems = list(corpus), []
    parser = make_parser(processes, budget_s)
    try:
        return analyze(
            documents,
            parser,
            problems=problems,
            cache=default_cache() if cache is True else (cache or None),
            progress=progress,
        )
    finally:
        parser.close()


def _parse(parser: Parser, texts, todo, parts, skipped, cache, keys, progress) -> None:
    """Parse the texts of the documents at ``todo``, filling ``parts`` and ``skipped``."""
    done = 0

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

    parser.parse(texts, on_part, on_skip)


def _without(skipped: dict[int, str], docs: list, parts: list, problems) -> tuple:
    """Documents and parts without the skipped ones, and problems listing them."""
    listed = [(docs[i].source_name or docs[i].doc_id, skipped[i]) for i in sorted(skipped)]
    keep = [i for i in range(len(docs)) if i not in skipped]
    return [docs[i] for i in keep], [parts[i] for i in keep], [*problems, *listed]
