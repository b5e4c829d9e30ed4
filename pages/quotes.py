"""Quotes: who is quoted, by which outlets, and how each outlet worded it."""

import streamlit as st

from lib import quotes, render, ui

ALL = "All speakers"
GROUPS_PER_PAGE = 15


def speakers_by_outlet(analysis, direct_only: bool):
    """Speaker × outlet quote counts (see quotes.speaker_matrix)."""
    return quotes.speaker_matrix(analysis.quotes, direct_only=direct_only)


view = ui.get_view()
ui.page_intro(
    "Quotes",
    "Who each outlet quotes and how. The matrix counts quotes per speaker and outlet. Below, "
    "the same quote as carried by different outlets is lined up: struck-through words are "
    "missing from that outlet's version, highlighted words are added or changed.",
)
if ui.require_outlets(view):
    a = view.analysis
    if a.quotes.empty:
        st.info("No quotes were found in the selected articles.")
    else:
        c1, c2 = st.columns([2, 1])
        speakers = [ALL] + sorted(s for s in a.quotes["speaker"].unique() if s)
        speaker = c1.selectbox("Speaker", speakers, key="quotes_speaker")
        direct_only = c2.toggle(
            "Full quotes only",
            value=False,
            key="quotes_direct_only",
            help="Hide short quoted fragments such as scare quotes",
        )
        shown = a.quotes if speaker == ALL else a.quotes[a.quotes["speaker"] == speaker]
        if direct_only:
            shown = shown[shown["kind"] == "direct"]

        st.subheader("Who is quoted, by outlet")
        st.caption(
            "Number of quotes (full quotes and fragments) each outlet attributes to each "
            "speaker; 0 means the outlet does not quote them."
        )
        matrix = view.memo(speakers_by_outlet, direct_only)
        matrix = matrix.reindex(columns=ui.shown_outlets(view, matrix.sum()), fill_value=0)
        st.dataframe(matrix.rename_axis("Speaker"), width="stretch", key="quotes_matrix")

        st.subheader("The same quote across outlets")
        groups = shown[shown["group_size"] > 1]
        if groups.empty:
            st.caption("No quote in this selection is carried by more than one outlet.")
        group_ids = sorted(groups["group_id"].unique())
        pages = max(1, -(-len(group_ids) // GROUPS_PER_PAGE))
        page_no = 1
        if pages > 1:
            page_no = st.number_input(
                f"Page (of {pages}, {GROUPS_PER_PAGE} quotes each)",
                min_value=1,
                max_value=pages,
                value=1,
                key="quotes_page",
            )
        first = (page_no - 1) * GROUPS_PER_PAGE
        visible = set(group_ids[first : first + GROUPS_PER_PAGE])
        for _group_id, grp in groups[groups["group_id"].isin(visible)].groupby(
            "group_id", sort=True
        ):
            base = grp.iloc[0]
            title = f"{base['speaker'] or 'Unattributed'} — {base['quote'][:90]}"
            with st.expander(title + ("…" if len(base["quote"]) > 90 else ""), expanded=True):
                st.html(render.quote_group_html(grp))

        st.subheader("All quotes")
        cols = ["outlet", "speaker", "quote", "kind", "verb", "group_id"]
        st.dataframe(
            shown[cols],
            hide_index=True,
            width="stretch",
            column_config={
                "quote": st.column_config.TextColumn("Quote", width="large"),
                "verb": st.column_config.TextColumn("Reporting verb"),
                "group_id": st.column_config.TextColumn("Group"),
            },
            key="quotes_table",
        )
        ui.csv_download(shown[cols + ["sentence_id"]], "quotes.csv", key="quotes_download")
