"""Figures: every number each outlet reports, grouped into claims across outlets."""

import streamlit as st

from lib.extract.figures import QUALIFIERS
from lib.present import charts, html, tables
from lib.records import CLAIMS_PAGE, FIGURES_PAGE
from lib.ui import widgets
from lib.views.documents import outlet_notes
from lib.views.export import readable
from lib.views.figures import (
    DEFAULT_HIDDEN_KINDS,
    KIND_NAMES,
    QUALIFIER_NAMES,
    STATUS_HELP,
    claim_cells_by_outlet,
    claim_reason,
    claims_by_outlet,
    figure_rows,
)

view = widgets.get_view()
widgets.page_intro(
    "Figures",
    "Numbers each outlet reports, what they count, whose they are and who said them. Figures "
    "that report the same measurement (same unit, what is counted, whose, event, place and "
    "time) are grouped into claims: a row per claim, a column per outlet (— means the outlet "
    "does not report it). ~ means about, ≥ at least, ≤ at most. Each figure stands for a "
    "range of values (its rounding as written and its qualifier); outlets agree when those "
    "ranges share a value.",
)


def claims_across_outlets(view):
    """The claim x outlet table and its CSV; returns the claims summary."""
    a = view.analysis
    summary = view.memo(claims_by_outlet)
    counts = a.claims.groupby("outlet").size()
    outlet_columns = widgets.shown_outlets(view, counts)
    st.subheader("Claims across outlets")
    st.caption(
        "Each cell gives the figure and, under it, who said it (hover a figure for the "
        "values it stands for); — means the outlet does not report it. Status — agree: "
        "the ranges share a value; differ: they do not, but the outlets may count it "
        "another way or one may be an update; conflict: the same measurement, holder "
        "and time with values that cannot all be true; single source: one outlet."
    )
    show_intervals = st.toggle(
        "Show what each figure stands for",
        value=False,
        key="figures_show_intervals",
        bind="query-params",
        help="The range of values a figure allows: “$139 million” is 138.5 to 139.5 "
        "million as rounded; “about 5,000” 4,500 to 5,500; “at least 40” 40 or more.",
    )
    if len(outlet_columns) < len(view.selected):
        st.caption(
            f"Showing the {len(outlet_columns)} outlets reporting the most figures; "
            "the CSV has all of them."
        )
    widgets.comparison_table(
        tables.claims_table_html(
            summary,
            view.memo(claim_cells_by_outlet),
            outlet_columns,
            notes=outlet_notes(view.full),
            dark=widgets.dark_theme(),
            intervals=show_intervals,
        ),
        len(summary),
        "claims",
    )
    widgets.csv_download(
        summary,
        "claims_by_outlet.csv",
        "figures_claims_download",
        headers=CLAIMS_PAGE.headers(),
    )
    return summary


def one_claim(view, summary) -> None:
    """One chosen claim: why its figures were grouped, a chart, the sentences."""
    a = view.analysis
    st.subheader("One claim, outlet by outlet")
    labels = {
        row.claim_id: f"{row.claim_id} · {row.counted} ({row.status})"
        for row in summary.itertuples()
    }
    claim_id = st.selectbox(
        "Claim", list(labels), format_func=labels.get, key="figures_claim", bind="query-params"
    )
    rows = a.claims[a.claims["claim_id"] == claim_id]
    status = rows["status"].iloc[0]
    reason = html.md_escape(claim_reason(rows))
    st.caption(
        f"Status: **{status}** — {STATUS_HELP.get(status, '')}: {reason}."
        " Each marker is one figure; its shape shows the qualifier."
    )
    if st.toggle(
        "Why were these grouped?", value=False, key="figures_show_why", bind="query-params"
    ):
        st.markdown(f"**Grouped because** {html.md_escape(rows['why'].iloc[0])}.")
        related = html.md_escape(rows["related"].iloc[0])
        if related:
            st.markdown(
                f"**Related measurements:** {related}. Their values differ, but what they "
                "count, the event or the time is not clearly the same, so they are shown "
                "side by side, not as a conflict."
            )
    st.plotly_chart(charts.claim_chart(rows, view.selected), width="stretch", key="figures_chart")
    with st.expander("The sentences behind this claim", expanded=False):
        for row in rows.itertuples():
            who = f" — attributed to {row.said_by}" if row.said_by else ""
            st.html(html.figure_sentence_html(row.outlet, row.sentence, row.text, who))


def all_figures(view) -> None:
    """Every figure, filtered by qualifier, kind and what is counted; CSV."""
    a = view.analysis
    st.subheader("All figures")
    qualifiers = [q for q in QUALIFIERS if q in set(a.figures["qualifier"])]
    kinds = [k for k in KIND_NAMES if k in set(a.figures["kind"].fillna("count"))]
    c1, c2, c3 = st.columns([3, 3, 2])
    chosen = c1.multiselect(
        "Qualifiers",
        qualifiers,
        default=qualifiers,
        format_func=QUALIFIER_NAMES.get,
        key="figures_qualifiers",
        bind="query-params",
    )
    chosen_kinds = c2.multiselect(
        "Kinds",
        kinds,
        default=[k for k in kinds if k not in DEFAULT_HIDDEN_KINDS],
        format_func=KIND_NAMES.get,
        key="figures_kinds",
        bind="query-params",
        help="Counts of one (“one resident said”) are hidden until you pick them.",
    )
    query = c3.text_input("What is counted contains", key="figures_query", bind="query-params")
    show_how = st.toggle(
        "Show how each source was found",
        value=False,
        key="figures_show_how",
        bind="query-params",
        help="Named in the sentence, “according to”, a pronoun or a role read as a "
        "person, or carried over from the previous sentence.",
    )
    flat = figure_rows(a.figures, chosen, query, chosen_kinds)
    names = {"qualifier": QUALIFIER_NAMES, "kind": KIND_NAMES}
    shown = [c for c in FIGURES_PAGE.names() if show_how or c != "how_found"]
    st.dataframe(
        readable(flat[shown], {}, names),
        hide_index=True,
        width="stretch",
        column_config=widgets.column_config(FIGURES_PAGE, shown),
        key="figures_table",
    )
    widgets.csv_download(
        flat, "figures.csv", "figures_download", headers=FIGURES_PAGE.headers(), values=names
    )


if widgets.require_outlets(view):
    if view.analysis.figures.empty:
        st.info("No figures were found in the selected articles.")
    else:
        summary = claims_across_outlets(view)
        one_claim(view, summary)
        all_figures(view)
