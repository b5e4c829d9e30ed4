"""The shared sidebar: which articles, your own articles, the story and outlet filters ->
:class:`View`."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from lib.analysis import analyze
from lib.corpus.document import Document
from lib.ingest.limits import Limits
from lib.ingest.status import NOTE, SKIPPED, statuses_to_problems
from lib.nlp.pipeline import ModelNotFound
from lib.present.html import md_escape
from lib.resolve.budget import CORPUS_NOTE
from lib.schema import STATUS_COLUMNS, Analysis, text_key
from lib.store.cache import corpus_key
from lib.store.worker import WorkerFailed
from lib.ui.janitor import current_session_id
from lib.ui.resources import (
    allow_long_file_names,
    example_analysis,
    example_corpus,
    janitor,
    parse_worker,
    shared_filters,
    shared_parts_cache,
    shared_views,
)
from lib.ui.session import (
    add_pasted,
    add_url,
    apply_edits,
    clear_user,
    read_upload_widget,
    status_row,
    upload_key,
    user_state,
)
from lib.views.filter import filter_outlets, filter_story

OUTLET_KEY = "outlet"


STORY_KEY = "story"


SOURCE_KEY = "source"


#: Corpus choices; the label is also the URL value (``?source=Your+articles``).
EXAMPLE, YOURS = "Example articles", "Your articles"


#: The paste box holds at most one article's worth of text (the per-article limit), so a
#: huge paste is cut in the browser where the user sees it, never dropped on the way.
PASTE_MAX_CHARS = Limits().max_doc_chars


#: Page computations kept per session (see View.memo).
MEMO_SIZE = 48


@dataclass
class View:
    """What every page works from: the analysis of the chosen story (``full``; the whole
    pile when no story is chosen) and that analysis filtered to the chosen outlets."""

    full: Analysis
    analysis: Analysis
    outlets: list[str]
    selected: list[str]
    source: str = EXAMPLE
    #: The whole pile, every story (the Stories page lists them).
    corpus: Analysis | None = None
    #: The chosen story's id, "" for all stories.
    story: str = ""
    documents: list[Document] = field(default_factory=list)
    statuses: pd.DataFrame = field(default_factory=pd.DataFrame)
    key: str = ""

    #: True when the analysis is of the unedited example (public): views are then shared
    #: by every session; a session's own articles and edits never leave the session.
    public: bool = False

    def memo(self, fn, *args):
        """``fn(self.analysis, *args)``, computed once per corpus, outlet choice and arguments.

        Reruns that only change the view (opening an expander, sorting, switching pages and
        back) reuse the result instead of recomputing tables from the analysis; for the
        public example the results are shared by all sessions.
        """
        name = f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', repr(fn))}"
        if "<lambda>" in name or "<locals>" in name:  # not one function: never shared
            name = repr(fn)
        key = (name, self.key, self.story, tuple(self.selected), args)
        if self.public:
            return shared_views().get_or_compute(key, lambda: fn(self.analysis, *args))
        store = st.session_state.setdefault("_memo", {})
        if key not in store:
            if len(store) >= MEMO_SIZE:
                store.pop(next(iter(store)))
            store[key] = fn(self.analysis, *args)
        return store[key]


def your_articles_sidebar() -> tuple[list[Document], pd.DataFrame]:
    """Upload / paste / URL inputs; returns this session's documents and per-file statuses."""
    state = user_state()
    sb = st.sidebar
    allow_long_file_names()  # a 10,000-character file name still reaches its status row
    sb.file_uploader(
        "Upload articles",
        accept_multiple_files=True,
        key=upload_key(),
        help="Text, Markdown, HTML, PDF or Word files, or a .zip of them (or a bundle saved "
        "from this app). They stay in this browser session only.",
    )
    read_upload_widget(state)
    with sb.expander("Paste an article"):
        with st.form("paste_form", clear_on_submit=True, border=False):
            st.text_area(
                "Article text",
                key="paste_text",
                height=160,
                max_chars=PASTE_MAX_CHARS,
                help=f"Up to {PASTE_MAX_CHARS:,} characters, the limit for one article (the "
                "counter below the box shows it). The box does not take a longer paste: "
                "upload a long article as a file instead, where it is cut with a note.",
            )
            st.text_input("Outlet", key="paste_outlet", placeholder="e.g. The Daily Example")
            st.text_input("Title", key="paste_title")
            st.form_submit_button("Add article", on_click=add_pasted, args=(state,))
            st.caption(
                f"Up to {PASTE_MAX_CHARS:,} characters; a longer text does not paste. "
                "Upload long articles as files."
            )
    with sb.expander("Add from a web address"):
        with st.form("url_form", clear_on_submit=True, border=False):
            st.text_input("Article URL", key="url_text", placeholder="https://…")
            st.form_submit_button("Fetch article", on_click=add_url, args=(state,))
    docs = state["uploaded"] + state["extra"]
    statuses = pd.concat(
        [
            state["upload_statuses"],
            pd.DataFrame(state["extra_statuses"], columns=STATUS_COLUMNS),
        ],
        ignore_index=True,
    )
    if docs or len(statuses):
        sb.button("Remove my articles", on_click=clear_user, args=(state,), key="clear_user")
    return docs, statuses


def articles_note(where, n_docs: int, statuses: pd.DataFrame, analysed: int | None) -> None:
    """The sidebar line about this session's articles; "Analysing…" while work runs
    (``analysed`` None), the counts once it is done."""
    if not n_docs and not len(statuses):
        where.empty()
        return
    if analysed is None:
        where.caption(f"Analysing {n_docs} article(s)…")
        return
    skipped = int((statuses["status"] == SKIPPED).sum()) if len(statuses) else 0
    where.caption(
        f"{analysed} article(s) analysed"
        + (f", {skipped} file(s) skipped" if skipped else "")
        + " — details on the *Your articles* page."
    )


class Progress:
    """A progress bar with counts ("Parsed 12/40 articles") for ``analyze(progress=...)``."""

    def __init__(self, what: str, total: int) -> None:
        self.bar = st.progress(0.0, text=f"Analysing {what}: {total} article(s) to parse…")
        self.what = what

    def __call__(self, done: int, total: int) -> None:
        self.bar.progress(
            done / max(total, 1), text=f"Analysing {self.what}: parsed {done}/{total} articles"
        )

    def close(self) -> None:
        self.bar.empty()


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


def story_label(stories: pd.DataFrame, story: str) -> str:
    """How the story selector shows a story id ("" is every story)."""
    if not story:
        return f"All {len(stories)} stories"
    row = stories[stories["story_id"] == story]
    if row.empty:
        return story
    n = int(row["articles"].iloc[0])
    return f"{story} · {row['label'].iloc[0]} ({n} article{'s' if n != 1 else ''})"


def set_story(story: str) -> None:
    """Make ``story`` ("" for all) the chosen story and put it in the address (``?story=S2``;
    no parameter for all stories). Call from a callback or before the selector is drawn."""
    st.session_state[STORY_KEY] = story
    if story:
        st.query_params[STORY_KEY] = story
    else:
        st.query_params.pop(STORY_KEY, None)


def story_filter(stories: pd.DataFrame, where=None) -> str:
    """Sidebar select of one story (or all), mirrored in the URL (``?story=S2``); drawn only
    when the pile holds more than one story. The address is the truth: a link with
    ``?story=`` opens that story; an id the pile does not have (an old link, a regrouped
    pile) falls back to all stories.

    Not ``bind="query-params"``: a bound select box would put its shown label in the URL,
    not the story id.
    """
    options = ["", *stories["story_id"].tolist()]
    wanted = st.query_params.get(STORY_KEY, "")
    if wanted not in options:
        wanted = ""
    if st.session_state.get(STORY_KEY) != wanted or (STORY_KEY in st.query_params) != bool(
        wanted
    ):
        set_story(wanted)
    return (where or st.sidebar).selectbox(
        "Story",
        options,
        format_func=lambda s: story_label(stories, s),
        key=STORY_KEY,
        on_change=lambda: set_story(st.session_state.get(STORY_KEY) or ""),
        help="This pile holds several stories (articles grouped by event: the same people, "
        "places and days). Every page shows only the chosen story; the Stories page lists "
        "them all.",
    ) or ""


def _analyse_user(documents: list[Document], key: str, problems) -> Analysis:
    """Analysis of this session's articles, kept in the session (not in shared caches);
    parsed in the server's worker process under the per-article time budget."""
    state = user_state()
    if state["analysis"][0] != key:
        progress = Progress("your articles", len(documents))
        try:
            analysis = analyze(
                documents,
                None,
                cache=state["parts"],
                problems=problems,
                parser=parse_worker().parse,
                progress=progress,
            )
        finally:
            progress.close()
        state["parts"].keep_only(text_key(d.text) for d in documents)
        state["analysis"] = (key, analysis)
    return state["analysis"][1]


def _mark_skipped(statuses: pd.DataFrame, documents, analysis: Analysis) -> pd.DataFrame:
    """Status rows of articles the analysis left out (over the time budget) say so."""
    kept = set(analysis.documents["doc_id"])
    messages = dict(analysis.problems)
    lost = {d.doc_id: d.source_name or d.doc_id for d in documents if d.doc_id not in kept}
    if not lost or statuses.empty:
        return statuses
    statuses = statuses.copy()
    for i, doc_id in statuses["doc_id"].items():
        if doc_id in lost:
            statuses.loc[i, "status"] = SKIPPED
            statuses.loc[i, "reason"] = "analysis time exceeded"
            statuses.loc[i, "message"] = messages.get(lost[doc_id], "Skipped.")
    return statuses


def _with_notes(statuses: pd.DataFrame, analysis: Analysis) -> pd.DataFrame:
    """Status rows plus a note for each corpus-level pass the corpus time budget cut."""
    notes = [status_row(name, NOTE, "", m) for name, m in analysis.problems if name == CORPUS_NOTE]
    if not notes:
        return statuses
    return pd.concat([statuses, pd.DataFrame(notes, columns=STATUS_COLUMNS)], ignore_index=True)


def _example(documents_and_problems) -> tuple[list[Document], str, Analysis, pd.DataFrame, bool]:
    base, problems, precomputed = documents_and_problems
    documents = apply_edits(base)
    edited = documents != base
    key = corpus_key(documents)
    if precomputed is not None and not edited:
        analysis = precomputed
    else:
        progress = Progress("the example articles", len(documents))
        try:
            analysis = example_analysis(key, documents, edited, progress)
        finally:
            progress.close()
    problems = [*problems, *(p for p in analysis.problems if p not in problems)]  # + budget
    rows = [
        status_row(name, NOTE if name == CORPUS_NOTE else SKIPPED, "", reason)
        for name, reason in problems
    ]
    warning = "" if precomputed is not None and not edited else shared_parts_cache().warning
    if warning:
        rows.append(status_row("Disk cache", NOTE, "", warning))
    statuses = pd.DataFrame(rows, columns=STATUS_COLUMNS)
    return documents, key, analysis, statuses, not edited


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
    session_id = current_session_id()
    if session_id:
        janitor().register(session_id)
    try:
        public = False
        if source == YOURS:
            documents, statuses = your_articles_sidebar()
            note = st.sidebar.empty()
            documents = apply_edits(documents)
            key = corpus_key(documents)
            articles_note(note, len(documents), statuses, None)
            analysis = _analyse_user(documents, key, statuses_to_problems(statuses))
            statuses = _with_notes(_mark_skipped(statuses, documents, analysis), analysis)
            articles_note(note, len(documents), statuses, len(analysis.documents))
        else:
            documents, key, analysis, statuses, public = _example(example_corpus())
    except ModelNotFound as exc:
        st.error(f"The English language model is missing. {md_escape(str(exc))}")
        return None
    except WorkerFailed as exc:
        st.error(
            f"The language pipeline could not be started ({md_escape(str(exc))}). Try again later."
        )
        return None
    except (OSError, ValueError) as exc:  # an unreadable COVERAGE_LENS_CORPUS, say
        st.error(f"The example articles could not be opened: {md_escape(str(exc))}")
        return None
    with filter_box:
        story = story_filter(analysis.stories, st) if len(analysis.stories) > 1 else ""
        full = _filtered(key, analysis, story, None, public)
        outlets = full.outlets
        selected = outlet_filter(outlets, st) if outlets else []
        st.caption(f"{len(selected)} of {len(outlets)} outlets · {len(full.documents)} articles")
    return View(
        full=full,
        analysis=_filtered(key, analysis, story, selected, public),
        outlets=outlets,
        selected=selected,
        source=source,
        corpus=analysis,
        story=story,
        documents=documents,
        statuses=statuses,
        key=key,
        public=public,
    )


def _scope(analysis: Analysis, story: str, selected: list[str] | None) -> Analysis:
    scoped = filter_story(analysis, story)
    return scoped if selected is None else filter_outlets(scoped, selected)


def _filtered(
    key: str, analysis: Analysis, story: str, selected: list[str] | None, public: bool
) -> Analysis:
    """The analysis of one story (all when ``story`` is "") and, unless ``selected`` is
    None, of the selected outlets: shared by all sessions for the public example, else kept
    per session for the last corpus/choices."""
    if not story and selected is None:
        return analysis
    choice = (key, story, None if selected is None else tuple(selected))
    if public:
        return shared_filters().get_or_compute(choice, lambda: _scope(analysis, story, selected))
    cache = st.session_state.setdefault("_filtered", {})
    if choice not in cache:
        if len(cache) >= 2:  # the story scope and its outlet filter of the last choice
            cache.pop(next(iter(cache)))
        cache[choice] = _scope(analysis, story, selected)
    return cache[choice]
