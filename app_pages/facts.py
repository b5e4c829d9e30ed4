"""Facts: what every outlet reports, what only one reports, and what each leaves out."""

import streamlit as st

from lib.present import tables
from lib.records import FACT_OUTLETS_PAGE, FACTS_PAGE
from lib.ui import widgets
from lib.views import facts
from lib.views.documents import outlet_notes

view = widgets.get_view()
widgets.page_intro(
    "Facts",
    "Each article is cut into statements (sentences, or clauses when a sentence says two "
    "things). Statements of different outlets that report the same thing — the same event, "
    "people and figures, in the same or other words — are lined up as one fact. A row per "
    "fact, a column per outlet with that outlet's wording; — means the outlet leaves the "
    "fact out. A sentence that reports several facts (a lead often does) appears in each. "
    "The matching is automatic, from shared words, names, figures and quotes: a "
    "paraphrase with no word in common can be missed, so read the sentences yourself.",
)
if widgets.require_outlets(view):
    a = view.analysis
    selected = tuple(view.selected)
    if a.facts.empty:
        st.info("No statements were found in the selected articles.")
    else:
        overview = view.memo(facts.facts_overview, selected)
        st.subheader("What each outlet reports")
        if len(selected) < 2:
            st.caption("Choose two or more outlets in the sidebar to compare what they report.")
        st.caption(
            "Only in this outlet: facts no other selected outlet reports. Left out by this "
            "outlet: facts other selected outlets report and this one does not."
        )
        by_outlet = view.memo(facts.outlets_overview, selected)
        shown_columns = [c for c in FACT_OUTLETS_PAGE.names() if c != "statements"]
        widgets.page_dataframe(
            by_outlet[shown_columns],
            FACT_OUTLETS_PAGE,
            "facts_outlets_table",
            columns=shown_columns,
        )

        st.subheader("Facts across outlets")
        c1, c2, c3 = st.columns([1, 1.2, 1.2])
        reported = c1.selectbox(
            "Reported by",
            list(facts.REPORTED),
            key="facts_reported",
            bind="query-params",
            help="Every outlet: facts all selected outlets report. Some outlets: more than "
            "one, not all. One outlet: facts a single outlet reports.",
        )
        outlet = c2.selectbox(
            "Outlet",
            [facts.EVERY_OUTLET, *selected],
            key="facts_outlet",
            bind="query-params",
        )
        focus = c3.selectbox(
            "Show for that outlet",
            list(facts.FOCUS),
            key="facts_focus",
            bind="query-params",
            disabled=outlet == facts.EVERY_OUTLET,
        )
        search = st.text_input(
            "Facts with a statement containing",
            key="facts_search",
            bind="query-params",
            placeholder="a word or phrase",
        )
        rows = facts.select_facts(
            overview,
            list(selected),
            facts.REPORTED[reported],
            None if outlet == facts.EVERY_OUTLET else outlet,
            facts.FOCUS[focus],
            search,
            a.facts,
        )
        st.caption(
            f"{len(rows)} of {len(overview)} facts. In each row the first outlet's wording "
            "is the reference. Where another outlet words a statement much like it, "
            "highlighted words are ones the reference does not use and struck-through words "
            "are the reference's words it replaces; statements told in other words are shown "
            "as written."
        )
        outlet_columns = widgets.shown_outlets(view, a.facts.groupby("outlet").size())
        if rows.empty:
            st.info("No fact matches these filters.")
        else:
            widgets.comparison_table(
                tables.facts_table_html(
                    rows,
                    a.facts,
                    outlet_columns,
                    labels=dict(zip(overview["fact_id"], overview["label"], strict=True)),
                    notes=outlet_notes(view.full),
                    dark=widgets.dark_theme(),
                ),
                len(rows),
                "facts",
            )
        widgets.csv_download(
            facts.fact_rows(a.facts, rows["fact_id"].tolist()),
            "facts.csv",
            key="facts_download",
            headers=FACTS_PAGE.headers(),
        )
