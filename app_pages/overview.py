"""Overview: what the app is for, the articles, and how many entities each outlet names."""

import streamlit as st

from lib.present import charts
from lib.records import OVERVIEW_PAGE, OVERVIEW_STORIES_PAGE
from lib.ui import widgets
from lib.views import compare

view = widgets.get_view()
widgets.page_intro(
    "Coverage Lens",
    "Coverage Lens lines up several news reports of the same event so you can see, outlet by "
    "outlet, who and what each one names. Pick outlets in the sidebar; every page follows "
    "that choice.",
)
if widgets.require_outlets(view):
    docs = view.analysis.documents
    col1, col2, col3 = st.columns(3)
    col1.metric("Articles", len(docs))
    col2.metric("Outlets", docs["outlet"].nunique())
    col3.metric("Distinct entities", view.analysis.entities["entity"].nunique())

    st.subheader("Articles")
    st.caption(
        "One row per article. Outlet, title, date and byline come from the manifest or "
        "from the article text; *Article N* (its place in the list) means the text does not "
        "name its outlet."
    )
    shown = OVERVIEW_STORIES_PAGE if widgets.many_stories() and not view.story else OVERVIEW_PAGE
    st.dataframe(
        docs[shown.names()],
        hide_index=True,
        width="stretch",
        column_config=widgets.column_config(shown),
        key="overview_documents",
    )

    st.subheader("Entities per outlet")
    st.caption(
        "How many distinct people, organisations, places and groups each outlet names, "
        "by type. Longer bars mean more actors in the story."
    )
    per_outlet = compare.entities_per_outlet(view.analysis.entities)
    totals = per_outlet.groupby("outlet")["entities"].sum() if len(per_outlet) else None
    bars = widgets.shown_outlets(view, totals)
    if len(bars) < len(view.selected):
        st.caption(f"The {len(bars)} outlets naming the most entities are shown.")
    st.plotly_chart(
        charts.entities_per_outlet_chart(
            per_outlet, [o for o in view.analysis.outlets if o in bars]
        ),
        width="stretch",
        key="overview_entities_chart",
    )
