"""Compare sources: which outlets name whom, and how often."""

import streamlit as st

from lib.schema import LABEL_NAMES
from lib.ui import widgets
from lib.views.compare import entity_outlet_wide

view = widgets.get_view()
widgets.page_intro(
    "Compare sources",
    "Each row is a person, organisation, place or group; each outlet column counts how often "
    "that outlet names it (0 = never). Click a column header to sort. Entities named by only "
    "some outlets show what the others left out.",
)
if widgets.require_outlets(view):
    link = widgets.demonym_toggle("compare_demonyms", False)
    table = view.memo(entity_outlet_wide, link)
    c1, c2 = st.columns([2, 1])
    chosen = widgets.entity_type_filter(view.analysis.mentions["label"], "compare_labels", c1)
    query = c2.text_input(
        "Find an entity", key="compare_query", bind="query-params", placeholder="e.g. a name"
    )
    shown = table[table["label"].isin(chosen)]
    if query.strip():
        shown = shown[shown["entity"].str.contains(query.strip(), case=False, regex=False)]
    st.caption(f"{len(shown)} of {len(table)} entities")
    config = {
        "entity": st.column_config.TextColumn("Entity", pinned=True),
        "label": st.column_config.TextColumn("Type"),
        "written_as": st.column_config.TextColumn(
            "Written as",
            help="Every form of the name each outlet used, with counts. The Entity page "
            "shows them outlet by outlet.",
            width="large",
        ),
        "outlets": st.column_config.NumberColumn("Outlets", help="Outlets naming it"),
        "mentions": st.column_config.NumberColumn("Mentions", help="Mentions across outlets"),
    }
    per_outlet = shown[view.selected].sum() if len(shown) else None
    outlet_columns = widgets.shown_outlets(view, per_outlet)
    columns = ["entity", "label", "outlets", "mentions", *outlet_columns, "written_as"]
    if len(outlet_columns) < len(view.selected):
        st.caption(
            f"Showing the {len(outlet_columns)} outlets with the most mentions as columns; "
            "the CSV has all of them."
        )
    st.dataframe(
        shown[columns].assign(label=shown["label"].map(lambda lab: LABEL_NAMES.get(lab, lab))),
        hide_index=True,
        width="stretch",
        height=min(36 * (len(shown) + 1) + 3, 640),
        column_config=config,
        key="compare_table",
    )
    widgets.csv_download(shown, "entities_by_outlet.csv", key="compare_download")
