"""Entity: one person, organisation or place across outlets, with every mention in context."""

import streamlit as st

from lib.present import charts, html
from lib.records import FORMS_PAGE, KWIC_PAGE
from lib.schema import LABEL_NAMES
from lib.ui import widgets
from lib.views import compare

MAX_KWIC = 300


view = widgets.get_view()
widgets.page_intro(
    "Entity",
    "Pick a person, organisation, place or group to see the names it goes by, which outlets "
    "name it and how often, and every mention in context, grouped by outlet.",
)
if widgets.require_outlets(view):
    a = view.analysis
    table = compare.entity_outlet_table(a.entities, view.selected)
    options = table["entity"].tolist()
    entity = st.selectbox(
        "Entity",
        options,
        key="entity",
        bind="query-params",
        help="Sorted by how many outlets name it",
    )
    if entity:
        row = table[table["entity"] == entity].iloc[0]
        c1, c2, c3 = st.columns(3)
        c1.metric("Type", LABEL_NAMES.get(row["label"], row["label"]))
        c2.metric("Outlets naming it", f"{row['outlets']} of {len(view.selected)}")
        c3.metric("Mentions", int(row["mentions"]))
        st.subheader("How each outlet writes it")
        st.caption(
            "Every form of the name each outlet used, with courtesy and job titles as "
            'written ("Mr.", "President"): house style, side by side.'
        )
        forms = view.memo(compare.entity_forms, entity)
        widgets.page_dataframe(forms, FORMS_PAGE, "entity_forms")
        counts = row[view.selected]
        silent = [o for o in view.selected if counts[o] == 0]
        st.subheader("By outlet")
        st.caption("Mentions per outlet. Outlets that never name it are listed below the chart.")
        st.plotly_chart(
            charts.outlet_counts_chart(counts.astype(int)), width="stretch", key="entity_chart"
        )
        if silent:
            st.caption("Not named by: " + html.md_escape(", ".join(silent)))
        st.subheader("Every mention in context")
        lines = view.memo(compare.mentions_in_context, entity)
        if len(lines) > MAX_KWIC:
            st.caption(f"The first {MAX_KWIC} of {len(lines)} mentions; the CSV has them all.")
        st.html(html.kwic_html(lines.head(MAX_KWIC)))
        widgets.csv_download(
            lines, "entity_mentions.csv", key="entity_download", headers=KWIC_PAGE.headers()
        )
