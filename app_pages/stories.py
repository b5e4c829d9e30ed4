"""Stories: the events a pile of articles is about, and which one every page shows."""

import streamlit as st

from lib.present.timeline import story_timeline
from lib.records import STORIES_PAGE
from lib.ui import widgets
from lib.views.stories import stories_table, story_days

view = widgets.get_view()
widgets.page_intro(
    "Stories",
    "A pile of articles often covers several events. Coverage Lens groups the articles into "
    "stories (the same people, places and days) and compares outlets within one story at a "
    "time. Choose a story here or in the sidebar: every page then shows only its articles.",
    story_line=False,
)
corpus = view.corpus if view.corpus is not None else view.full
stories = corpus.stories
if corpus.documents.empty:
    widgets.require_outlets(view)
elif len(stories) <= 1:
    st.info(f"All {len(corpus.documents)} articles are about one story; every page shows it.")
else:
    table = stories_table(stories, corpus.documents)
    docs = corpus.documents
    col1, col2, col3 = st.columns(3)
    col1.metric("Stories", len(stories))
    col2.metric("Articles", len(docs))
    col3.metric("Outlets", docs["outlet"].nunique())
    if view.story:
        st.caption(
            f"Every page shows story {view.story} only. Choose *All stories* in the sidebar "
            "to see the whole pile again."
        )
    st.subheader("Stories in this pile")
    st.caption(
        "Largest first. Click a row to show that story on every page. A story is named by "
        "the people, places and organisations most of its articles name, and its dates; "
        "scroll the table sideways for every name, or download it."
    )
    chosen = table.index[table["story_id"] == view.story].tolist()
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        on_select=widgets.choose_story,
        selection_mode="single-row",
        selection_default={"selection": {"rows": chosen}} if chosen else None,
        key=widgets.STORY_TABLE_KEY,
        column_order=STORIES_PAGE.names(),
        column_config=widgets.column_config(STORIES_PAGE),
    )
    st.subheader("When each story was reported")
    days = story_days(docs)
    undated = int(docs["published"].fillna("").eq("").sum())
    if days.empty:  # an empty chart with made-up axes explains nothing
        st.info(
            "No article of this pile has a date, so there is no timeline. A date comes from "
            "the article (a dateline or a date line under the headline), its web page, or a "
            "file name such as `outlet_2024-10-28_headline.txt`; you can also type one on "
            "*Your articles*."
        )
    else:
        st.caption(
            "One row per story, a dot for each day it was reported (bigger: more articles)."
            + (f" {undated} article(s) have no date and are not drawn." if undated else "")
        )
        st.plotly_chart(
            story_timeline(stories, days, view.story), width="stretch", key="stories_timeline"
        )
    widgets.csv_download(
        table, "stories.csv", key="stories_download", headers=STORIES_PAGE.headers()
    )
