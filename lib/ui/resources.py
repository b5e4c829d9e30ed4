"""Process-wide cached resources shared by every session: the spaCy pipeline, the example
corpus and its analysis. Only public texts (the example) reach these caches."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import streamlit as st

from lib.analysis import analyze
from lib.corpus.document import Document
from lib.ingest.local import load_corpus
from lib.nlp.pipeline import get_nlp
from lib.schema import Analysis
from lib.store.cache import default_cache
from lib.store.folders import documents_from_analysis, is_analysis_folder, load_analysis

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "seeds"


#: Optional corpus (folder, zip, bundle) shown instead of the bundled seeds.
CORPUS_ENV = "COVERAGE_LENS_CORPUS"


#: One parse at a time per server process: the shared spaCy pipeline is not documented as
#: thread-safe, and on Community Cloud's single CPU parallel parses would not be faster.
PARSE_LOCK = threading.Lock()


class PartsCache(dict):
    """In-memory per-document NLP results (``get``/``put`` as ``extract.analyze`` expects)."""

    def put(self, key: str, parts) -> None:
        self[key] = parts


@st.cache_resource(show_spinner=False)
def cached_nlp():
    """The spaCy pipeline, loaded once per server process and shared by all sessions."""
    return get_nlp()


@st.cache_resource(show_spinner=False)
def shared_parts_cache():
    """Per-document results of the example corpus, shared by sessions (public texts only)."""
    try:
        disk = default_cache()
    except Exception:  # noqa: BLE001 - no disk cache is fine; fall back to memory
        disk = None
    return disk if disk is not None else PartsCache()


@st.cache_resource(show_spinner=False)
def example_corpus() -> tuple[list[Document], list[tuple[str, str]], Analysis | None]:
    """The example corpus: ``$COVERAGE_LENS_CORPUS`` if set, else the bundled seeds.

    ``COVERAGE_LENS_CORPUS`` may name a folder, zip or bundle of articles, or an analysis
    folder written by ``python -m lib analyze``; the latter comes with its precomputed
    Analysis (third item), so the app opens it without spaCy. Shared, read-only.
    """
    path = os.environ.get(CORPUS_ENV)
    if path:
        if is_analysis_folder(path):
            analysis = load_analysis(path)
            return documents_from_analysis(analysis), list(analysis.problems), analysis
        corpus = load_corpus(path)
    else:
        corpus = load_corpus(SEEDS_DIR)
    return corpus.documents, corpus.problems, None


class PartsOnly:
    """A view of a cache that shares per-document results (keyed by public text) but never
    stores or reads whole analyses, so a user's metadata edits are not written to disk."""

    def __init__(self, cache) -> None:
        self._cache = cache

    def get(self, key: str):
        return self._cache.get(key)

    def put(self, key: str, parts) -> None:
        self._cache.put(key, parts)


@st.cache_data(show_spinner=False, max_entries=8)
def cached_analysis(key: str, _documents: tuple[Document, ...], edited: bool = False) -> Analysis:
    """Analysis of the example corpus; ``key`` (see ``lib.cache.corpus_key``) identifies it.

    Unedited, the whole analysis may come from (and go to) the disk cache; with the user's
    metadata edits only per-document results are shared.
    """
    cache = shared_parts_cache()
    with PARSE_LOCK:
        return analyze(list(_documents), cached_nlp, cache=PartsOnly(cache) if edited else cache)
