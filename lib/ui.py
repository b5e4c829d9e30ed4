"""The one Streamlit module of ``lib``: cached loaders, the shared sidebar and page helpers.

Everything else in ``lib`` is plain Python; pages call these helpers and then
the library's table/chart functions.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from lib import ingest
from lib.cache import corpus_key
from lib.corpus import Document, load_corpus, load_folder
from lib.extract import Analysis, analyze, filter_outlets
from lib.pipeline import ModelNotFound, get_nlp

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
#: Optional corpus (folder, zip, bundle) shown instead of the bundled seeds.
CORPUS_ENV = "COVERAGE_LENS_CORPUS"
OUTLET_KEY = "outlet"
SOURCE_KEY = "source"
#: Corpus choices; the label is also the URL value (``?source=Your+articles``).
EXAMPLE, YOURS = "Example articles", "Your articles"
USER = "_user"  # session-state key of the user's own articles (never shared, never on disk)
EDITS = "_meta_edits"
META_FIELDS = ["outlet", "title", "published", "byline", "url"]
#: One parse at a time per server process: the shared spaCy pipeline is not documented as
#: thread-safe, and on Community Cloud's single CPU parallel parses would not be faster.
PARSE_LOCK = threading.Lock()
#: Page computations kept per session (see View.memo).
MEMO_SIZE = 48
#: Most outlet columns a wide table shows (the CSV download has them all).
MAX_OUTLET_COLUMNS = 30


@dataclass
class View:
    """What every page works from: the full analysis and the outlet-filtered one."""

    full: Analysis
    analysis: Analysis
    outlets: list[str]
    selected: list[str]
    source: str = EXAMPLE
    documents: list[Document] = field(default_factory=list)
    statuses: pd.DataFrame = field(default_factory=pd.DataFrame)
    key: str = ""

    def memo(self, fn, *args):
        """``fn(self.analysis, *args)``, computed once per corpus, outlet choice and arguments.

        Reruns that only change the view (opening an expander, sorting, switching pages and
        back) reuse the result instead of recomputing tables from the analysis.
        """
        store = st.session_state.setdefault("_memo", {})
        key = (getattr(fn, "__qualname__", repr(fn)), self.key, tuple(self.selected), args)
        if key not in store:
            if len(store) >= MEMO_SIZE:
                store.pop(next(iter(store)))
            store[key] = fn(self.analysis, *args)
        return store[key]


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
        from lib.cache import default_cache

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
        from lib.batch import documents_from_analysis, is_analysis_folder, load_analysis

        if is_analysis_folder(path):
            analysis = load_analysis(path)
            return documents_from_analysis(analysis), list(analysis.problems), analysis
        corpus = load_corpus(path)
    else:
        corpus = load_folder(SEEDS_DIR)
    return corpus.documents, corpus.problems, None


class _PartsOnly:
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
        return analyze(list(_documents), cached_nlp, cache=_PartsOnly(cache) if edited else cache)


def user_state() -> dict:
    """This session's own articles: upload results, pasted/fetched documents, parts cache."""
    if USER not in st.session_state:
        st.session_state[USER] = {
            "upload_key": None,
            "uploaded": [],
            "upload_statuses": pd.DataFrame(columns=ingest.STATUS_COLUMNS),
            "extra": [],
            "extra_statuses": [],
            "parts": PartsCache(),
            "analysis": (None, None),
        }
    return st.session_state[USER]


def _status_row(file: str, status: str, reason: str, message: str, doc=None) -> dict:
    return {
        "file": file,
        "status": status,
        "reason": reason,
        "message": message,
        "doc_id": doc.doc_id if doc is not None else "",
        "chars": len(doc.text) if doc is not None else 0,
    }


def upload_key() -> str:
    """Widget key of the uploader (a new key empties it after "Remove my articles")."""
    return f"upload_files_{st.session_state.get('upload_nonce', 0)}"


def _read_uploads(state: dict) -> None:
    files = st.session_state.get(upload_key()) or []
    key = tuple((f.name, f.size, f.file_id) for f in files)
    if key == state["upload_key"]:
        return
    existing = {d.doc_id for d in state["extra"]}
    with st.spinner("Reading your files…"):
        result = ingest.read_uploads([(f.name, f.getvalue()) for f in files], existing_ids=existing)
    state.update(upload_key=key, uploaded=result.documents, upload_statuses=result.statuses)
    state["analysis"] = (None, None)


def _user_ids(state: dict) -> set[str]:
    return {d.doc_id for d in state["uploaded"]} | {d.doc_id for d in state["extra"]}


def _add_pasted(state: dict) -> None:
    text = st.session_state.get("paste_text", "")
    outlet = st.session_state.get("paste_outlet", "")
    title = st.session_state.get("paste_title", "")
    label = f"pasted: {title or outlet or 'untitled'}"
    try:
        doc = ingest.document_from_paste(text, outlet, title, existing_ids=_user_ids(state))
    except ValueError as exc:
        state["extra_statuses"].append(_status_row(label, ingest.SKIPPED, "empty file", str(exc)))
        return
    note = "; ".join(doc.notes)
    state["extra"].append(doc)
    state["extra_statuses"].append(_status_row(label, ingest.ANALYSED, "", note, doc))


def _add_url(state: dict) -> None:
    url = (st.session_state.get("url_text") or "").strip()
    if not url:
        return
    with st.spinner("Fetching the article…"):
        doc, status = ingest.fetch_url(url, existing_ids=_user_ids(state))
    if doc is not None:
        state["extra"].append(doc)
    state["extra_statuses"].append({c: status.get(c, "") for c in ingest.STATUS_COLUMNS})


def _clear_user(state: dict) -> None:
    st.session_state.pop(USER, None)
    st.session_state.pop(EDITS, None)
    st.session_state["upload_nonce"] = st.session_state.get("upload_nonce", 0) + 1


def your_articles_sidebar() -> tuple[list[Document], pd.DataFrame]:
    """Upload / paste / URL inputs; returns this session's documents and per-file statuses."""
    state = user_state()
    sb = st.sidebar
    sb.file_uploader(
        "Upload articles",
        accept_multiple_files=True,
        key=upload_key(),
        help="Text, Markdown, HTML, PDF or Word files, or a .zip of them (or a bundle saved "
        "from this app). They stay in this browser session only.",
    )
    _read_uploads(state)
    with sb.expander("Paste an article"):
        with st.form("paste_form", clear_on_submit=True, border=False):
            st.text_area("Article text", key="paste_text", height=160)
            st.text_input("Outlet", key="paste_outlet", placeholder="e.g. The Daily Example")
            st.text_input("Title", key="paste_title")
            st.form_submit_button("Add article", on_click=_add_pasted, args=(state,))
    with sb.expander("Add from a web address"):
        with st.form("url_form", clear_on_submit=True, border=False):
            st.text_input("Article URL", key="url_text", placeholder="https://…")
            st.form_submit_button("Fetch article", on_click=_add_url, args=(state,))
    docs = state["uploaded"] + state["extra"]
    statuses = pd.concat(
        [
            state["upload_statuses"],
            pd.DataFrame(state["extra_statuses"], columns=ingest.STATUS_COLUMNS),
        ],
        ignore_index=True,
    )
    if docs or len(statuses):
        skipped = int((statuses["status"] == ingest.SKIPPED).sum()) if len(statuses) else 0
        sb.caption(
            f"{len(docs)} article(s) ready"
            + (f", {skipped} file(s) skipped" if skipped else "")
            + " — details on the *Your articles* page."
        )
        sb.button("Remove my articles", on_click=_clear_user, args=(state,), key="clear_user")
    return docs, statuses


def apply_edits(documents: list[Document]) -> list[Document]:
    """Documents with this session's metadata edits (from the *Your articles* page) applied."""
    edits = st.session_state.get(EDITS, {})
    out = []
    for doc in documents:
        change = {k: v for k, v in edits.get(doc.doc_id, {}).items() if k in META_FIELDS}
        out.append(replace(doc, **change) if change else doc)
    return out


def outlet_filter(outlets: list[str], where=None) -> list[str]:
    """Sidebar multiselect shared by every page, mirrored in the URL (``?outlet=A&outlet=B``).

    All outlets are selected by default (no query parameter); ``?outlet=`` selects none.
    """
    previous = st.session_state.get("_outlet_options")
    current = st.session_state.get(OUTLET_KEY)
    if current is not None and previous is not None and set(previous) != set(outlets):
        # the corpus changed (new articles, an edited outlet): keep the user's choices and
        # show outlets that were not there before
        fresh = [o for o in outlets if o not in previous]
        st.session_state[OUTLET_KEY] = [o for o in outlets if o in current or o in fresh]
    st.session_state["_outlet_options"] = list(outlets)
    return (where or st.sidebar).multiselect(
        "Outlets",
        options=outlets,
        default=outlets,
        key=OUTLET_KEY,
        bind="query-params",
        help="Every page shows only the outlets chosen here. The address bar keeps the choice, "
        "so a copied link reopens the same view.",
        placeholder="Choose outlets",
    )


def _analyse_user(documents: list[Document], key: str, problems) -> Analysis:
    """Analysis of this session's articles, kept in the session (not in shared caches)."""
    state = user_state()
    if state["analysis"][0] != key:
        with st.spinner(f"Analysing {len(documents)} article(s)…"):
            with PARSE_LOCK:
                analysis = analyze(documents, cached_nlp, cache=state["parts"], problems=problems)
            state["analysis"] = (key, analysis)
    return state["analysis"][1]


def load_view() -> View | None:
    """Draw the shared sidebar (source, articles, outlet filter) and return the :class:`View`."""
    source = st.sidebar.segmented_control(
        "Articles",
        [EXAMPLE, YOURS],
        default=EXAMPLE,
        required=True,
        key=SOURCE_KEY,
        bind="query-params",
        help="The example is five reports of one event. Choose *Your articles* to upload, "
        "paste or fetch your own; they stay private to this browser session.",
    )
    filter_box = st.sidebar.container()
    try:
        if source == YOURS:
            documents, statuses = your_articles_sidebar()
            documents = apply_edits(documents)
            key = corpus_key(documents)
            analysis = _analyse_user(documents, key, ingest.statuses_to_problems(statuses))
        else:
            with st.spinner("Loading the language model and analysing the articles…"):
                base, problems, precomputed = example_corpus()
                documents = apply_edits(base)
                edited = documents != base
                key = corpus_key(documents)
                if precomputed is not None and not edited:
                    analysis = precomputed
                else:
                    analysis = cached_analysis(key, tuple(documents), edited)
            statuses = pd.DataFrame(
                [_status_row(name, ingest.SKIPPED, "", reason) for name, reason in problems],
                columns=ingest.STATUS_COLUMNS,
            )
    except ModelNotFound as exc:
        st.error(f"The English language model is missing. {exc}")
        return None
    except (OSError, ValueError) as exc:  # an unreadable COVERAGE_LENS_CORPUS, say
        st.error(f"The example articles could not be opened: {exc}")
        return None
    outlets = analysis.outlets
    with filter_box:
        selected = outlet_filter(outlets, st) if outlets else []
        st.caption(
            f"{len(selected)} of {len(outlets)} outlets · {len(analysis.documents)} articles"
        )
    return View(
        full=analysis,
        analysis=_filtered(key, analysis, selected),
        outlets=outlets,
        selected=selected,
        source=source,
        documents=documents,
        statuses=statuses,
        key=key,
    )


def _filtered(key: str, analysis: Analysis, selected: list[str]) -> Analysis:
    """The outlet-filtered analysis, kept per session for the last corpus/choice."""
    cache = st.session_state.get("_filtered")
    if cache is None or cache[0] != (key, tuple(selected)):
        cache = ((key, tuple(selected)), filter_outlets(analysis, selected))
        st.session_state["_filtered"] = cache
    return cache[1]


def shown_outlets(view: View, counts: pd.Series | None = None) -> list[str]:
    """Outlets to show as columns: all selected, or the busiest MAX_OUTLET_COLUMNS of them."""
    if len(view.selected) <= MAX_OUTLET_COLUMNS:
        return list(view.selected)
    if counts is None:
        return list(view.selected[:MAX_OUTLET_COLUMNS])
    top = counts.reindex(view.selected).fillna(0).sort_values(ascending=False)
    keep = set(top.index[:MAX_OUTLET_COLUMNS])
    return [o for o in view.selected if o in keep]


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
    """Tell the user when there is nothing to show; returns True when the page can render."""
    if view.full.documents.empty:
        st.info(
            "No articles yet. Upload files, paste an article or add a web address in the "
            "sidebar, or switch back to the example articles."
        )
        return False
    if not view.selected:
        st.info(
            "No outlet is selected. Choose one or more outlets in the sidebar to see this view."
        )
        return False
    return True


def entity_type_filter(labels, key: str, where=None) -> list[str]:
    """Multiselect of entity types (all chosen by default), shown with readable names."""
    from lib.constants import LABEL_NAMES

    options = sorted(set(labels), key=lambda lab: LABEL_NAMES.get(lab, lab))
    return (where or st).multiselect(
        "Entity types",
        options,
        default=options,
        format_func=lambda lab: LABEL_NAMES.get(lab, lab),
        key=key,
    )


def demonym_toggle(key: str, default: bool, where=None) -> bool:
    """The "Nationalities as countries" switch (North Korean -> North Korea)."""
    return (where or st).toggle(
        "Nationalities as countries",
        value=default,
        key=key,
        help="Count 'North Korean' or 'Ukrainian' as the country they belong to",
    )


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


def record_edits(before: pd.DataFrame, after: pd.DataFrame) -> bool:
    """Store metadata edits from the editor in the session; True when something changed."""
    edits = st.session_state.setdefault(EDITS, {})
    changed = False
    for old, new in zip(before.to_dict("records"), after.to_dict("records"), strict=True):
        for field_name in META_FIELDS:
            value = "" if pd.isna(new[field_name]) else str(new[field_name]).strip()
            if value != (old[field_name] or ""):
                edits.setdefault(old["doc_id"], {})[field_name] = value
                changed = True
    return changed
