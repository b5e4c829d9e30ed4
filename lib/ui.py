"""The one Streamlit module of ``lib``: cached loaders, the shared sidebar and page helpers.

Everything else in ``lib`` is plain Python; pages call these helpers and then
the library's table/chart functions.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from lib.constants import PIPELINE_VERSION
from lib.corpus import Document, load_folder
from lib.extract import Analysis, analyze, filter_outlets
from lib.pipeline import ModelNotFound, get_nlp

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
OUTLET_KEY = "outlet"


@dataclass
class View:
    """What every page works from: the full analysis and the outlet-filtered one."""

    full: Analysis
    analysis: Analysis
    outlets: list[str]
    selected: list[str]


@st.cache_resource(show_spinner=False)
def cached_nlp():
    """The spaCy pipeline, loaded once per server process and shared by all sessions."""
    return get_nlp()


@st.cache_data(show_spinner=False)
def cached_seed_documents() -> list[Document]:
    return load_folder(SEEDS_DIR).documents


def corpus_key(documents: list[Document]) -> str:
    """Cache key: the documents' content hashes plus the pipeline version."""
    h = hashlib.sha256(PIPELINE_VERSION.encode())
    for doc in documents:
        h.update(doc.content_hash.encode())
    return h.hexdigest()


@st.cache_data(show_spinner=False, max_entries=16)
def cached_analysis(key: str, _documents: tuple[Document, ...]) -> Analysis:
    """Analysis of ``_documents``; ``key`` (see :func:`corpus_key`) identifies them."""
    return analyze(list(_documents), cached_nlp())


def outlet_filter(outlets: list[str]) -> list[str]:
    """Sidebar multiselect shared by every page, mirrored in the URL (``?outlet=A&outlet=B``).

    All outlets are selected by default (no query parameter); ``?outlet=`` selects none.
    """
    return st.sidebar.multiselect(
        "Outlets",
        options=outlets,
        default=outlets,
        key=OUTLET_KEY,
        bind="query-params",
        help="Every page shows only the outlets chosen here. The address bar keeps the choice, "
        "so a copied link reopens the same view.",
        placeholder="Choose outlets",
    )


def load_view() -> View | None:
    """Load the corpus and analysis, draw the shared sidebar, and return the :class:`View`."""
    try:
        with st.spinner("Loading the language model and analysing the articles…"):
            documents = cached_seed_documents()
            analysis = cached_analysis(corpus_key(documents), tuple(documents))
    except ModelNotFound as exc:
        st.error(f"The English language model is missing. {exc}")
        return None
    outlets = analysis.outlets
    selected = outlet_filter(outlets)
    st.sidebar.caption(
        f"{len(selected)} of {len(outlets)} outlets · {len(analysis.documents)} articles"
    )
    return View(
        full=analysis,
        analysis=filter_outlets(analysis, selected),
        outlets=outlets,
        selected=selected,
    )


def set_view(view: View) -> None:
    st.session_state["_view"] = view


def get_view() -> View:
    """The View set by ``app.py`` for this run (pages call this first)."""
    view = st.session_state.get("_view")
    if view is None:
        _leave_legacy_page_mode()
        st.error("Open the app from its main page (streamlit run app.py).")
        st.stop()
    return view


def _leave_legacy_page_mode() -> None:
    """Recover when a deep link (``/figures``) is the first request after a server start.

    Streamlit then runs the page file directly in its legacy ``pages/`` folder mode,
    without ``app.py``; switching that mode off and rerunning runs ``app.py`` (with
    ``st.navigation``) on the same URL, so the user lands on the page they asked for.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - other Streamlit versions
        return
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def page_intro(title: str, text: str) -> None:
    st.title(title)
    st.caption(text)


def require_outlets(view: View) -> bool:
    """Tell the user when no outlet is selected; returns True when the page can render."""
    if not view.selected:
        st.info(
            "No outlet is selected. Choose one or more outlets in the sidebar to see this view."
        )
        return False
    return True


def csv_download(
    table: pd.DataFrame, file_name: str, key: str, label: str = "Download CSV"
) -> None:
    st.download_button(
        label,
        data=table.to_csv(index=False).encode("utf-8"),
        file_name=file_name,
        mime="text/csv",
        key=key,
        icon=":material/download:",
    )
