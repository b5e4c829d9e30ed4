"""The shared sidebar's widgets: the articles choice, your own articles (upload, paste, web
address), the story and outlet filters, notes. It draws and reads widgets only; what to
analyse and show is :mod:`lib.ui.controller`'s job."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.ingest.limits import Limits
from lib.ingest.status import SKIPPED
from lib.schema import STATUS_COLUMNS
from lib.ui.resources import allow_long_file_names
from lib.ui.session import (
    add_pasted,
    add_url,
    clear_user,
    read_upload_widget,
    upload_key,
    user_state,
)

OUTLET_KEY = "outlet"
STORY_KEY = "story"
SOURCE_KEY = "source"

#: Corpus choices; the label is also the URL value (``?source=Your+articles``).
EXAMPLE, YOURS = "Example articles", "Your articles"

#: The paste box holds at most one article's worth of text (the per-article limit), so a
#: huge paste is cut in the browser where the user sees it, never dropped on the way.
PASTE_MAX_CHARS = Limits().max_doc_chars


def source_choice() -> str:
    """The "Articles" control: the example or your own (bound to ``?source=``)."""
    return st.sidebar.segmented_control(
        "Articles",
        [EXAMPLE, YOURS],
        default=EXAMPLE,
        required=True,
        key=SOURCE_KEY,
        bind="query-params",
        help="The example is five reports of one event. Choose *Your articles* to upload, "
        "paste or fetch your own; they stay private to this browser session.",
    )


def your_articles_sidebar() -> tuple[list, pd.DataFrame]:
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
