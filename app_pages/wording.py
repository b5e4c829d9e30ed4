"""Wording: the words each outlet chooses that the others do not."""

import streamlit as st

from lib.present import charts, html
from lib.records import NAMING_PAGE, WORDING_PAGE
from lib.ui import widgets
from lib.views import wording

#: Outlets drawn in the chart at most (the table and CSV have all).
CHART_OUTLETS = 9

view = widgets.get_view()
widgets.page_intro(
    "Wording",
    "Which words and two-word phrases each outlet uses more than the other outlets covering "
    "the same story. Each bar is one word: the longer it is, the more clearly that outlet "
    "prefers it — not just because it writes more, but more often than the other outlets "
    "would by chance (a z-score of the log-odds ratio with the whole story as the prior, "
    "after Monroe, Colaresi & Quinn, 2008). Names, numbers and small words such as “the” are "
    "left out, so what remains is word choice: “slammed” against “criticised”, “migrants” "
    "against “immigrants”. Below the chart, pick a word to read the sentences that use it.",
)
if widgets.require_outlets(view):
    a = view.analysis
    if len(view.selected) < 2:
        st.info("Choose two or more outlets in the sidebar: words are distinctive against others.")
    elif a.statements.empty:
        st.info("No statements were found in the selected articles.")
    else:
        quoted = st.toggle(
            "Count words inside quotation marks",
            value=False,
            key="wording_quoted",
            bind="query-params",
            help="Quoted words are the speaker's choice, not the outlet's: they are left out "
            "unless you switch this on.",
        )
        terms = view.memo(wording.wording_terms, quoted)
        if terms.empty:
            st.info("No outlet uses any word clearly more than the others.")
        else:
            counts = terms.groupby("outlet")["z"].sum()
            drawn = [o for o in widgets.shown_outlets(view, counts) if o in set(terms["outlet"])]
            if len(drawn) > CHART_OUTLETS:
                top = set(counts.reindex(drawn).sort_values(ascending=False).index[:CHART_OUTLETS])
                drawn = [o for o in drawn if o in top]
                st.caption(
                    f"The chart shows {CHART_OUTLETS} outlets with the most distinctive words; "
                    "the table below has all of them."
                )
            st.plotly_chart(
                charts.distinctive_terms_chart(terms, drawn), width="stretch", key="wording_chart"
            )

            st.subheader("The sentences behind a word")
            c1, c2 = st.columns(2)
            outlets = list(dict.fromkeys(terms["outlet"]))
            outlet = c1.selectbox("Outlet", outlets, key="wording_outlet", bind="query-params")
            options = terms.loc[terms["outlet"] == outlet, "term"].tolist()
            term = c2.selectbox("Word or phrase", options, key="wording_term", bind="query-params")
            if term:
                rows = wording.term_statements(a.statements, outlet, term)
                st.caption(  # user text, shown literally
                    f"{len(rows)} statement(s) of {html.md_escape(outlet)} use "
                    f"“{html.md_escape(term)}”."
                )
                items = "".join(
                    "<li>"
                    + html.highlight_spans(
                        r.text,
                        [(s, e, "EVENT", term) for s, e in wording.term_positions(r.text, term)],
                    )
                    + "</li>"
                    for r in rows.itertuples()
                )
                st.html(f"<ul style='line-height:1.6'>{items}</ul>")

            st.subheader("Every distinctive word")
            widgets.page_dataframe(terms, WORDING_PAGE, "wording_table", download="wording.csv")

        st.subheader("Same thing, different words")
        st.caption(
            "Where two outlets report the same fact (see the Facts page) and their sentences "
            "differ in one or two words between words they share, the pair is listed: what "
            "one outlet writes and what the other writes instead."
        )
        pairs = view.memo(wording.naming_differences)
        if pairs.empty:
            st.caption("No such pair in the selected articles.")
        else:
            widgets.page_dataframe(
                pairs, NAMING_PAGE, "wording_pairs_table", download="wording_pairs.csv"
            )
