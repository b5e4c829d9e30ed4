"""Quotes: who is quoted, by which outlets, and how each outlet worded it."""

import streamlit as st

from lib.present import html, tables
from lib.records import QUOTES_PAGE
from lib.ui import widgets
from lib.views import quotes
from lib.views.documents import outlet_notes

GROUPS_PER_PAGE = 15


view = widgets.get_view()
widgets.page_intro(
    "Quotes",
    "Who each outlet quotes and how. The matrix counts quotes per speaker and outlet. Below, "
    "the same quote as carried by different outlets is lined up against the first outlet's "
    "wording (the reference): in each other version, highlighted words are ones the "
    "reference lacks (added or changed), struck-through words are the reference's words "
    "that version lacks, and … marks where a shorter excerpt starts or ends.",
)
if widgets.require_outlets(view):
    a = view.analysis
    if a.quotes.empty:
        st.info("No quotes were found in the selected articles.")
    else:
        c1, c2 = st.columns([2, 1])
        speaker = c1.selectbox(
            "Speaker", quotes.speaker_options(a.quotes), key="quotes_speaker", bind="query-params"
        )
        direct_only = c2.toggle(
            "Full quotes only",
            value=False,
            key="quotes_direct_only",
            bind="query-params",
            help="Hide short quoted fragments such as scare quotes",
        )
        shown = quotes.select_quotes(a.quotes, speaker, direct_only)

        st.subheader("Who is quoted, by outlet")
        st.caption(
            "Number of quotes (full quotes and fragments) each outlet attributes to each "
            "speaker; 0 means the outlet does not quote them, darker means more quotes."
        )
        matrix = view.memo(quotes.speakers_by_outlet, direct_only)
        outlet_columns = widgets.shown_outlets(view, matrix.sum())
        matrix = matrix.reindex(columns=outlet_columns, fill_value=0).reset_index()
        widgets.comparison_table(
            tables.count_matrix_html(
                matrix,
                "speaker",
                "Speaker",
                outlet_columns,
                name="speakers",
                notes=outlet_notes(view.full),
                dark=widgets.dark_theme(),
            ),
            len(matrix),
            "speakers",
        )

        st.subheader("The same quote across outlets")
        group_ids = quotes.shared_groups(shown)
        if not group_ids:
            st.caption("No quote in this selection is carried by more than one outlet.")
        pages = max(1, -(-len(group_ids) // GROUPS_PER_PAGE))
        page_no = 1
        if pages > 1:
            page_no = st.number_input(
                f"Page (of {pages}, {GROUPS_PER_PAGE} quotes each)",
                min_value=1,
                max_value=pages,
                value=1,
                key="quotes_page",
                bind="query-params",
            )
        first = (page_no - 1) * GROUPS_PER_PAGE
        visible = set(group_ids[first : first + GROUPS_PER_PAGE])
        for _group_id, grp in shown[shown["group_id"].isin(visible)].groupby("group_id", sort=True):
            base = grp.iloc[0]
            title = f"{base['speaker'] or 'Unattributed'} — {base['quote'][:90]}"
            title += "…" if len(base["quote"]) > 90 else ""
            with st.expander(html.md_escape(title), expanded=True):  # user text, shown literally
                st.html(html.quote_group_html(grp))

        st.subheader("All quotes")
        show_how = st.toggle(
            "Show how each speaker was found",
            value=False,
            key="quotes_show_how",
            bind="query-params",
            help="Named beside the quote, “according to”, a pronoun or a role read as a "
            "person, or carried over from the quote before: check any attribution yourself.",
        )
        rows = quotes.quote_rows(shown)
        cols = [c for c in QUOTES_PAGE.names() if show_how or c != "how_found"]
        st.dataframe(
            rows[cols],
            hide_index=True,
            width="stretch",
            column_config=widgets.column_config(QUOTES_PAGE, cols),
            key="quotes_table",
        )
        widgets.csv_download(
            rows, "quotes.csv", key="quotes_download", headers=QUOTES_PAGE.headers()
        )
