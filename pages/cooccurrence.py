"""Co-occurrence: which entities the coverage names together."""

import streamlit as st

from lib import charts, cooccur, render, ui
from lib.constants import LABEL_NAMES

view = ui.get_view()
ui.page_intro(
    "Co-occurrence",
    "Each cell shows how often two entities appear in the same sentence (or paragraph, or "
    "article) across the selected outlets. Darker means more often together. Rows and columns "
    "are ordered so entities that travel together form blocks. Click a cell to read the "
    "sentences behind it.",
)
if ui.require_outlets(view):
    a = view.analysis
    labels = sorted(a.mentions["label"].unique(), key=lambda lab: LABEL_NAMES.get(lab, lab))
    c1, c2, c3, c4 = st.columns([1, 1, 1, 2])
    window = c1.selectbox(
        "Window", cooccur.WINDOWS, key="co_window", help="What counts as 'together'"
    )
    metric = c2.selectbox(
        "Measure",
        cooccur.METRICS,
        format_func=cooccur.METRIC_LABELS.get,
        key="co_metric",
        help="Windows shared: raw count. Jaccard: shared / either. NPMI: association beyond "
        "chance, from -1 (never together) to 1 (always together).",
    )
    top_n = c3.slider(
        "Top entities", 5, 40, 15, key="co_top_n", help="The entities named in the most articles"
    )
    chosen = c4.multiselect(
        "Entity types",
        labels,
        default=labels,
        format_func=lambda lab: LABEL_NAMES.get(lab, lab),
        key="co_labels",
    )
    min_count = st.slider("Minimum windows shared", 1, 10, 1, key="co_min_count")
    top = cooccur.top_entities(a.mentions, top_n, chosen)
    pairs = cooccur.cooccurrence(
        a.mentions, a.sentences, window=window, min_count=min_count, entities=top
    )
    if len(top) < 2 or pairs.empty:
        st.info(
            "Not enough entities co-occur with these settings. Try a wider window, more "
            "entity types or a lower minimum."
        )
    else:
        matrix = cooccur.cooccurrence_matrix(pairs, top, metric)
        event = st.plotly_chart(
            charts.cooccurrence_heatmap(matrix, metric),
            width="stretch",
            key="co_heatmap",
            on_select="rerun",
            selection_mode="points",
        )
        points = (event or {}).get("selection", {}).get("points", []) if event else []
        st.subheader("Evidence")
        if points:
            ea, eb = points[0].get("y"), points[0].get("x")
        else:
            ea, eb = pairs.iloc[0]["entity_a"], pairs.iloc[0]["entity_b"]
            st.caption("Showing the strongest pair; click a cell above to choose another.")
        if ea == eb:
            st.info("That cell is an entity with itself; pick an off-diagonal cell.")
        else:
            ev = cooccur.evidence(a.mentions, a.sentences, ea, eb, window=window)
            st.markdown(f"**{ea}** and **{eb}**: {len(ev)} sentence(s)")
            st.html(render.evidence_html(ev))
        st.subheader("Pairs")
        ui.csv_download(pairs, f"cooccurrence_{window}.csv", key="co_download")
        st.dataframe(pairs, hide_index=True, width="stretch", height=320, key="co_pairs")
