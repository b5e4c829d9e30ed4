"""The app's controller: which articles, their analysis, the story and outlet choices ->
:class:`View`.

``app.py`` calls :func:`load_view` once per run; it draws the sidebar (:mod:`lib.ui.sidebar`),
gets the analysis (the example's from the shared caches of :mod:`lib.ui.resources`, a
session's own articles or edited example from its session state), scopes it to the chosen
story and outlets and hands pages a :class:`View`, whose :meth:`View.memo` caches page
tables in the right place (shared for the public example, this session only otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from lib.corpus.document import Document, one_name_per_outlet
from lib.ingest.status import NOTE, SKIPPED, status_row, statuses_to_problems
from lib.nlp.pipeline import ModelNotFound
from lib.parsing import WorkerFailed
from lib.present.html import md_escape
from lib.resolve.budget import CORPUS_NOTE
from lib.schema import STATUS_COLUMNS, Analysis
from lib.store.cache import corpus_key
from lib.ui import resources
from lib.ui.janitor import current_session_id
from lib.ui.progress import MainArea, Progress, articles_phrase
from lib.ui.session import apply_edits, own_analysis, user_state
from lib.ui.sidebar import (
    EXAMPLE,
    YOURS,
    articles_note,
    outlet_filter,
    source_choice,
    story_filter,
    your_articles_sidebar,
)


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

    #: True when the analysis is of the unedited example (public): page tables are then
    #: shared by every session; a session's own articles and edits never leave the session.
    public: bool = False

    def memo(self, fn, *args):
        """``fn(self.analysis, *args)``, computed once per corpus, outlet choice and
        arguments (Streamlit's ``st.cache_data``: shared for the public example, this
        session's only otherwise), so reruns that only change the view reuse it."""
        name = f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', repr(fn))}"
        if "<lambda>" in name or "<locals>" in name:  # not one function: never shared
            return fn(self.analysis, *args)
        cached = resources.public_view if self.public else resources.private_view
        scope = (self.story, tuple(self.selected))
        return cached(name, self.key, scope, args, fn, self.analysis)


def _analyse_own(
    documents: list[Document], key: str, problems, cache, what: str, main: MainArea | None
) -> Analysis:
    """This session's own analysis (its articles, or the example with its metadata edits),
    kept in its session state; parsed in the server's worker under the time budget; the
    progress shows in ``main``, in place of the page."""
    from lib.analysis import analyze  # only when parsing: a new server's first page skips it

    kept = own_analysis()
    if kept.get("key") != key:
        progress = Progress(what, len(documents), main)
        try:
            analysis = analyze(
                documents,
                resources.parser(),
                cache=cache,
                whole=False,  # metadata that is this session's own is never cached
                problems=problems,
                progress=progress,
            )
        finally:
            progress.close()
        kept.update(key=key, analysis=analysis)
    return kept["analysis"]


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


def _yours(main: MainArea | None, filter_box) -> tuple[list[Document], str, Analysis, pd.DataFrame]:
    """This session's articles and their analysis; while they are analysed, the sidebar
    says "Analysing 3 articles…" in ``filter_box`` (never "0 of 0 outlets")."""
    documents, statuses = your_articles_sidebar()
    note = st.sidebar.empty()
    documents = apply_edits(one_name_per_outlet(documents))  # "fox" beside "Fox News": one
    key = corpus_key(documents)
    articles_note(note, len(documents), statuses, None)
    problems = statuses_to_problems(statuses)
    parts = user_state()["parts"]
    if own_analysis().get("key") != key:
        filter_box.caption(f"Analysing {articles_phrase(len(documents))}…")
    analysis = _analyse_own(documents, key, problems, parts, "your articles", main)
    parts.keep_only(documents)
    statuses = _with_notes(_mark_skipped(statuses, documents, analysis), analysis)
    articles_note(note, len(documents), statuses, len(analysis.documents))
    return documents, key, analysis, statuses


def _example(main: MainArea | None) -> tuple[list[Document], str, Analysis, pd.DataFrame, bool]:
    base, problems, precomputed = resources.example_corpus()
    documents = apply_edits(base)
    edited = documents != base
    key = corpus_key(documents)
    if edited:  # the example with this session's metadata edits: the session's own
        analysis = _analyse_own(
            documents, key, problems, resources.disk_cache(), "the example articles", main
        )
    elif precomputed is not None:
        analysis = precomputed
    else:
        analysis = resources.example_analysis(key, documents)
    problems = [*problems, *(p for p in analysis.problems if p not in problems)]  # + budget
    rows = [
        status_row(name, NOTE if name == CORPUS_NOTE else SKIPPED, "", reason)
        for name, reason in problems
    ]
    warning = "" if precomputed is not None and not edited else resources.cache_warning()
    if warning:
        rows.append(status_row("Disk cache", NOTE, "", warning))
    statuses = pd.DataFrame(rows, columns=STATUS_COLUMNS)
    return documents, key, analysis, statuses, not edited


def load_view(main: MainArea | None = None) -> View | None:
    """Draw the shared sidebar (source, articles, outlet filter) and return the :class:`View`;
    while articles are analysed, ``main`` shows the progress in place of the page."""
    source = source_choice()
    filter_box = st.sidebar.empty()  # "Analysing 3 articles…", then the story/outlet filter
    session_id = current_session_id()
    if session_id:
        resources.janitor().register(session_id)
    try:
        if source == YOURS:
            documents, key, analysis, statuses = _yours(main, filter_box)
            public = False
        else:
            documents, key, analysis, statuses, public = _example(main)
    except ModelNotFound as exc:
        _error(main, f"The English language model is missing. {md_escape(str(exc))}")
        return None
    except WorkerFailed as exc:
        _error(
            main,
            f"The language pipeline could not be started ({md_escape(str(exc))}). Try again later.",
        )
        return None
    except (OSError, ValueError) as exc:  # an unreadable COVERAGE_LENS_CORPUS, say
        _error(main, f"The example articles could not be opened: {md_escape(str(exc))}")
        return None
    with filter_box.container():
        story = story_filter(analysis.stories, st) if len(analysis.stories) > 1 else ""
        full = _scoped(key, analysis, story, None, public)
        outlets = full.outlets
        selected = outlet_filter(outlets, st) if outlets else []
        st.caption(
            f"{len(selected)} of {len(outlets)} outlets · {len(full.documents)} articles"
            if outlets
            else "The outlet filter appears here once articles are read."
        )
    return View(
        full=full,
        analysis=_scoped(key, analysis, story, selected, public),
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


def _error(main: MainArea | None, message: str) -> None:
    """An error in the page's place (the progress, if any, gives way to it)."""
    (main.body() if main is not None else st).error(message)


def _scoped(key: str, analysis: Analysis, story: str, selected, public: bool) -> Analysis:
    """The analysis of one story (all when ``story`` is "") and, unless ``selected`` is
    None, of the selected outlets: Streamlit-cached, shared by all sessions for the public
    example, this session's own otherwise."""
    if not story and selected is None:
        return analysis
    scope = (story, None if selected is None else tuple(selected))
    cached = resources.public_filtered if public else resources.private_filtered
    return cached(key, scope, analysis)
