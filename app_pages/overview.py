"""Overview: what the app is for, the articles, and how many entities each outlet names.

Drawn as safe HTML (numbers, table and bars), not metrics, a data grid or a plotly chart:
this is the first page every visitor sees, and those would make the browser load and run
several megabytes of script before showing it (see README, Performance).
"""

import streamlit as st

from lib.present import bars, tables
from lib.records import OVERVIEW_PAGE, OVERVIEW_STORIES_PAGE
from lib.ui import widgets
from lib.views.documents import article_rows, entities_per_outlet, outlet_notes

view = widgets.get_view()
widgets.page_intro(
    "Coverage Lens",
    "Coverage Lens lines up several news reports of the same event so you can see, outlet by "
    "outlet, who and what each one names. Pick outlets in the sidebar; every page follows "
    "that choice.",
)
if widgets.require_outlets(view):
    docs = view.analysis.documents
    st.html(
        bars.stats_html(
            [
                ("Articles", len(docs)),
                ("Outlets", docs["outlet"].nunique()),
                ("Distinct entities", view.analysis.entities["entity"].nunique()),
            ]
        )
    )

    st.subheader("Articles")
    st.caption(
        "One row per article. Outlet, title, date and byline come from the manifest or "
        "from the article text; *Article N* (its place in the list) means the text does not "
        "name its outlet (hover it for the file)."
    )
    notes = outlet_notes(view.full)
    shown = OVERVIEW_STORIES_PAGE if widgets.many_stories() and not view.story else OVERVIEW_PAGE
    rows = article_rows(docs, shown)
    widgets.comparison_table(
        tables.rows_table_html(
            rows,
            [(c.name, c.header) for c in shown.columns],
            name="articles",
            numeric=("words", "entity_count"),
            wide=("title",),
            narrow=("story_id",),
            titles={"outlet": notes},
            helps={c.name: c.help for c in shown.columns if c.help},
            dark=widgets.dark_theme(),
        ),
        len(rows),
        "articles",
    )
    widgets.csv_download(rows, "articles.csv", "overview_download", headers=shown.headers())

    st.subheader("Entities per outlet")
    st.caption(
        "How many distinct people, organisations, places and groups each outlet names, "
        "by type. Longer bars mean more actors in the story; hover a segment for its count."
    )
    per_outlet = entities_per_outlet(view.analysis.entities)
    totals = per_outlet.groupby("outlet")["entities"].sum() if len(per_outlet) else None
    bar_outlets = widgets.shown_outlets(view, totals)
    if len(bar_outlets) < len(view.selected):
        st.caption(f"The {len(bar_outlets)} outlets naming the most entities are shown.")
    st.html(
        bars.entity_bars_html(
            per_outlet,
            [o for o in view.analysis.outlets if o in bar_outlets],
            notes=notes,
            dark=widgets.dark_theme(),
        )
    )
