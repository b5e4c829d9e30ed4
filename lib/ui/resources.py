"""What the app caches, all with Streamlit's own caches (bounded by ``max_entries``).

Shared by every session (``scope="global"``), public data only: the parser (one
supervised worker process, :mod:`lib.parsing`), the memory janitor, the disk cache, the
example corpus and its analysis, the example filtered by outlet, and the example's page
tables. A session's own data (its articles, its metadata edits) never goes there: its
filtered analyses and page tables are cached with ``scope="session"`` (only that session
reads them, and Streamlit drops them when the session ends), its analysis and parsed
articles live in its session state (:mod:`lib.ui.session`), and nothing of it is written
to disk.

Nothing here serialises cached reads: Streamlit computes one key once while the sessions
that want that key wait, and a session whose tables are ready never waits for another
session's parse (parsing runs in the worker process, not under a cache lock of theirs).
``st.cache_resource`` keeps analyses shared and read-only (pages never modify them);
``st.cache_data`` hands each page a copy of its table.
"""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from lib.analysis import analyze
from lib.corpus.document import Document
from lib.ingest.limits import DOC_ANALYSIS_BUDGET_S
from lib.ingest.local import load_corpus
from lib.parsing import Parser, make_parser
from lib.schema import Analysis
from lib.settings import example_corpus as example_corpus_setting
from lib.store.cache import DiskCache, default_cache
from lib.store.folders import (
    documents_from_analysis,
    fresh_analysis,
    is_analysis_folder,
    load_analysis,
)
from lib.ui.janitor import Janitor
from lib.ui.progress import Progress
from lib.views.filter import filter_outlets, filter_story

_LOG = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS_DIR = ROOT / "seeds"


#: The seeds' precomputed analysis, shipped with the app (regenerate with
#: ``python -m lib analyze --corpus seeds --out assets/seed-analysis``); used only while its
#: analysis version and document hashes match, else the seeds are analysed again.
SEED_ANALYSIS = ROOT / "assets" / "seed-analysis"


#: Analyses of the example kept (the example; another after COVERAGE_LENS_CORPUS changes).
SHARED_ANALYSES = 2
#: Outlet-filtered analyses of the example kept for all sessions (each can be large).
SHARED_FILTERS = 8
#: Page tables of the example kept for all sessions.
SHARED_VIEWS = 64
#: A session's own scoped analyses (the story, and its outlets) and page tables.
SESSION_FILTERS, SESSION_VIEWS = 2, 48


@st.cache_resource(show_spinner=False, max_entries=1)
def parser() -> Parser:
    """The server's parser: one worker process (started on first use, exits when idle),
    each article under the time budget."""
    return make_parser(1, DOC_ANALYSIS_BUDGET_S)


@st.cache_resource(show_spinner=False, max_entries=1)
def janitor() -> Janitor:
    """Frees what sessions that have left still hold (see :mod:`lib.ui.janitor`)."""
    return Janitor()


@st.cache_resource(show_spinner=False, max_entries=1)
def disk_cache() -> DiskCache | None:
    """The one disk cache (public texts only), or None when caching is off. A folder that
    cannot be written is still read; its ``warning`` says so once (the server log, and a
    note on the *Your articles* page)."""
    try:
        return default_cache(on_warning=_LOG.warning)
    except Exception as exc:  # noqa: BLE001 - no disk cache is fine
        _LOG.warning("disk cache unavailable: %s", exc)
        return None


def cache_warning() -> str:
    """Why the disk cache is not written ("" while it works or caching is off)."""
    disk = disk_cache()
    return disk.warning if disk is not None else ""


#: Longest multipart part header Streamlit's upload endpoint accepts once
#: :func:`allow_long_file_names` ran (python-multipart's default is 4,224 bytes).
UPLOAD_HEADER_BYTES = 64 * 1024


@st.cache_resource(show_spinner=False, max_entries=1)
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


@st.cache_resource(show_spinner=False, max_entries=1)
def example_corpus() -> tuple[list[Document], list[tuple[str, str]], Analysis | None]:
    """The example corpus: ``$COVERAGE_LENS_CORPUS`` if set, else the bundled seeds.

    Returns ``(documents, problems, analysis)``: ``analysis`` is precomputed (an analysis
    folder named by ``COVERAGE_LENS_CORPUS``, or the shipped seed analysis while it is
    current), so the first page needs no spaCy; None means it must be computed.
    """
    path = example_corpus_setting()
    if path:
        if is_analysis_folder(path):
            analysis = load_analysis(path)
            return documents_from_analysis(analysis), list(analysis.problems), analysis
        corpus = load_corpus(path)
        return corpus.documents, corpus.problems, None
    corpus = load_corpus(SEEDS_DIR)
    return corpus.documents, corpus.problems, fresh_analysis(SEED_ANALYSIS, corpus.documents)


@st.cache_resource(show_spinner=False, max_entries=SHARED_ANALYSES)
def example_analysis(key: str, _documents: list[Document]) -> Analysis:
    """Analysis of the unedited example corpus (``key``: its
    :func:`lib.store.cache.corpus_key`), from and to the disk cache. The session that
    computes it sees a progress bar (made and removed in here, so a cached answer
    replays nothing)."""
    progress = Progress("the example articles", len(_documents))
    try:
        return analyze(_documents, parser(), cache=disk_cache(), progress=progress)
    finally:
        progress.close()


def scope(analysis: Analysis, story: str, selected: tuple | None) -> Analysis:
    """``analysis`` of one story (all when ``story`` is "") and, unless ``selected`` is
    None, of those outlets."""
    scoped = filter_story(analysis, story)
    return scoped if selected is None else filter_outlets(scoped, list(selected))


@st.cache_resource(show_spinner=False, max_entries=SHARED_FILTERS)
def public_filtered(key: str, choice: tuple, _analysis: Analysis) -> Analysis:
    """The example's analysis for ``choice`` = (story, outlets or None), shared by every
    session."""
    return scope(_analysis, *choice)


@st.cache_resource(show_spinner=False, max_entries=SESSION_FILTERS, scope="session")
def private_filtered(key: str, choice: tuple, _analysis: Analysis) -> Analysis:
    """This session's analysis for ``choice`` = (story, outlets or None), this session
    only."""
    return scope(_analysis, *choice)


@st.cache_data(show_spinner=False, max_entries=SHARED_VIEWS)
def public_view(name: str, key: str, choice: tuple, args: tuple, _fn, _analysis):
    """A page table of the example (``_fn(_analysis, *args)``), shared by every session:
    ten students choosing the same outlets compute each table once."""
    return _fn(_analysis, *args)


@st.cache_data(show_spinner=False, max_entries=SESSION_VIEWS, scope="session")
def private_view(name: str, key: str, choice: tuple, args: tuple, _fn, _analysis):
    """A page table of this session's own analysis (this session only)."""
    return _fn(_analysis, *args)
