"""Process-wide resources shared by every session: the example corpus and its analysis, the
parse worker and the memory janitor. Only public texts (the example) reach shared analyses.

Nothing here serialises cached reads: a session whose analysis is ready never waits for
another session's parse. Parsing happens in one worker process (:mod:`lib.store.worker`),
so spaCy is never loaded in the server process and a parse does not hold its interpreter
lock; an analysis of the example that is being computed is waited for only by sessions
that need that same analysis.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from lib.analysis import analyze
from lib.corpus.document import Document
from lib.ingest.limits import DOC_ANALYSIS_BUDGET_S
from lib.ingest.local import load_corpus
from lib.schema import Analysis
from lib.store.cache import default_cache
from lib.store.folders import (
    documents_from_analysis,
    fresh_analysis,
    is_analysis_folder,
    load_analysis,
)
from lib.store.worker import ParseWorker
from lib.ui.janitor import Janitor

_LOG = logging.getLogger(__name__)


ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS_DIR = ROOT / "seeds"


#: The seeds' precomputed analysis, shipped with the app (regenerate with
#: ``python -m lib analyze --corpus seeds --out assets/seed-analysis``); used only while its
#: analysis version and document hashes match, else the seeds are analysed again.
SEED_ANALYSIS = ROOT / "assets" / "seed-analysis"


#: Optional corpus (folder, zip, bundle) shown instead of the bundled seeds.
CORPUS_ENV = "COVERAGE_LENS_CORPUS"


#: Shared analyses kept (the example, plus versions with one session's metadata edits).
SHARED_ANALYSES = 8


#: Outlet-filtered analyses of the example kept for all sessions (each can be large).
SHARED_FILTERS = 8


#: Page tables of the example kept for all sessions (a session alone kept 48 before).
SHARED_VIEWS = 64


class PartsCache(dict):
    """In-memory per-document NLP results (``get``/``put`` as ``analyze`` expects).

    ``warning`` says why the disk cache is not used (a folder that cannot be written)."""

    warning = ""

    def put(self, key: str, parts) -> None:
        self[key] = parts

    def keep_only(self, keys) -> None:
        """Drop every entry not in ``keys`` (the session keeps only its current articles)."""
        for key in set(self) - set(keys):
            del self[key]


@st.cache_resource(show_spinner=False)
def parse_worker() -> ParseWorker:
    """The server's parse worker process (started on first use, exits when idle)."""
    return ParseWorker(budget_s=DOC_ANALYSIS_BUDGET_S)


#: Longest multipart part header Streamlit's upload endpoint accepts once
#: :func:`allow_long_file_names` ran (python-multipart's default is 4,224 bytes).
UPLOAD_HEADER_BYTES = 64 * 1024


@st.cache_resource(show_spinner=False)
def allow_long_file_names() -> bool:
    """Let a file with a long name (up to about 60,000 characters) reach the app.

    Streamlit parses uploads with python-multipart, whose per-header limit (4 KB) refuses
    a file whose *name* is longer: the uploader shows the file in red and the app never
    hears of it, so it cannot get a status row. The limit is raised for this server (the
    body stays bounded by ``server.maxUploadSize``). Returns False when the parser is not
    the one expected (nothing is changed then)."""
    try:
        import python_multipart

        defaults = python_multipart.MultipartParser.__init__.__kwdefaults__
    except (ImportError, AttributeError):
        return False
    if not isinstance(defaults, dict) or "max_header_size" not in defaults:
        return False
    defaults["max_header_size"] = max(defaults["max_header_size"], UPLOAD_HEADER_BYTES)
    return True


@st.cache_resource(show_spinner=False)
def janitor() -> Janitor:
    """Frees what sessions that have left still hold (see :mod:`lib.ui.janitor`)."""
    return Janitor()


@st.cache_resource(show_spinner=False)
def shared_parts_cache():
    """Per-document results of the example corpus, shared by sessions (public texts only).

    The disk cache when it can be used; in memory when caching is off or its folder cannot
    be created. A folder that cannot be written is still read; either way ``warning`` says
    so once (the server log, and a note on the *Your articles* page)."""
    try:
        disk = default_cache(on_warning=_LOG.warning)
    except Exception as exc:  # noqa: BLE001 - no disk cache is fine; fall back to memory
        _LOG.warning("disk cache unavailable: %s", exc)
        disk = None
    if disk is not None and (disk.writable or disk.docs_dir.is_dir()):
        return disk
    memory = PartsCache()
    memory.warning = disk.warning if disk is not None else ""
    return memory


@st.cache_resource(show_spinner=False)
def example_corpus() -> tuple[list[Document], list[tuple[str, str]], Analysis | None]:
    """The example corpus: ``$COVERAGE_LENS_CORPUS`` if set, else the bundled seeds.

    Returns ``(documents, problems, analysis)``: ``analysis`` is precomputed (an analysis
    folder named by ``COVERAGE_LENS_CORPUS``, or the shipped seed analysis while it is
    current), so the first page needs no spaCy; None means it must be computed.
    """
    path = os.environ.get(CORPUS_ENV)
    if path:
        if is_analysis_folder(path):
            analysis = load_analysis(path)
            return documents_from_analysis(analysis), list(analysis.problems), analysis
        corpus = load_corpus(path)
        return corpus.documents, corpus.problems, None
    corpus = load_corpus(SEEDS_DIR)
    return corpus.documents, corpus.problems, fresh_analysis(SEED_ANALYSIS, corpus.documents)


class PartsOnly:
    """A view of a cache that shares per-document results (keyed by public text) but never
    stores or reads whole analyses, so a user's metadata edits are not written to disk."""

    def __init__(self, cache) -> None:
        self._cache = cache

    def get(self, key: str):
        return self._cache.get(key)

    def put(self, key: str, parts) -> None:
        self._cache.put(key, parts)


class SharedResults:
    """Results computed from public corpora (analyses, filtered analyses, page tables) by
    key, shared read-only by every session.

    A lookup takes no lock that a parse holds; computing one key makes only the sessions
    that want that key wait (one computation per key). Keeps the last ``size`` keys.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()  # guards the dicts only, never held while computing
        self._computing: dict = {}

    def get(self, key):
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def keys(self) -> list:
        with self._lock:
            return list(self._items)

    def get_or_compute(self, key, compute: Callable):
        found = self.get(key)
        if found is not None:
            return found
        with self._lock:
            key_lock = self._computing.setdefault(key, threading.Lock())
        with key_lock:
            found = self.get(key)
            if found is None:
                found = compute()
                with self._lock:
                    self._items[key] = found
                    while len(self._items) > self.size:
                        self._items.popitem(last=False)
        with self._lock:
            self._computing.pop(key, None)
        return found


@st.cache_resource(show_spinner=False)
def shared_analyses() -> SharedResults:
    """Analyses of the example corpus (and of its versions with one session's edits)."""
    return SharedResults(SHARED_ANALYSES)


@st.cache_resource(show_spinner=False)
def shared_views() -> SharedResults:
    """Page tables of the unedited example, shared by every session: ten students choosing
    the same outlets compute each view once."""
    return SharedResults(SHARED_VIEWS)


@st.cache_resource(show_spinner=False)
def shared_filters() -> SharedResults:
    """Outlet-filtered analyses of the unedited example, shared by every session."""
    return SharedResults(SHARED_FILTERS)


def example_analysis(
    key: str, documents: list[Document], edited: bool, progress: Callable | None = None
) -> Analysis:
    """Analysis of the example corpus; ``key`` (see ``lib.store.cache.corpus_key``) names it.

    Unedited, the whole analysis may come from (and go to) the disk cache; with the user's
    metadata edits only per-document results are shared. ``progress(done, total)`` reports
    parsing (only the session that computes it sees progress).
    """

    def compute() -> Analysis:
        cache = shared_parts_cache()
        return analyze(
            documents,
            None,
            cache=PartsOnly(cache) if edited else cache,
            parser=parse_worker().parse,
            progress=progress,
        )

    return shared_analyses().get_or_compute(key, compute)
