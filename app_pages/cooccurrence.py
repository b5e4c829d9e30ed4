"""Co-occurrence: which entities the coverage names together, and how outlets differ."""

import streamlit as st

from lib.present import charts, html
from lib.records import PAIRS_PAGE
from lib.ui import widgets
from lib.views import cooccur

#: The clicked cell's pair in the address bar (``?co_pair=A&co_pair=B``).
PAIR_KEY = "co_pair"

view = widgets.get_view()
widgets.page_intro(
    "Co-occurrence",
    "Each cell shows how often two entities appear in the same sentence (or paragraph, or "
    "article) across the selected outlets. Darker means more often together. Rows and columns "
    "are ordered so entities that travel together form blocks. Click a cell to read the "
    "sentences behind it; the address bar keeps the cell, so a copied link shows the same "
    "pair.",
)
if widgets.require_outlets(view):
    a = view.analysis
    c1, c2, c3, c4 = st.columns([1, 1.5, 1.1, 1.1])
    window = c1.selectbox(
        "Window",
        cooccur.WINDOWS,
        key="co_window",
        bind="query-params",
        help="What counts as 'together'",
    )
    metric = c2.selectbox(
        "Measure",
        cooccur.METRICS,
        format_func=lambda m: cooccur.METRIC_LABELS[m].capitalize(),
        key="co_metric",
        bind="query-params",
        help="  \n".join(
            f"**{cooccur.METRIC_LABELS[m].capitalize()}**: {cooccur.METRIC_HELP[m]}."
            for m in cooccur.METRICS
        ),
    )
    top_n = c3.slider(
        "Top entities",
        5,
        40,
        15,
        key="co_top_n",
        bind="query-params",
        help="The entities named in the most articles",
    )
    min_count = c4.slider("Minimum shared", 1, 10, 1, key="co_min_count", bind="query-params")
    c5, c6 = st.columns([2, 1])
    link = widgets.demonym_toggle("co_demonyms", True, c6)
    mentions = view.memo(cooccur.linked_mentions, link)
    chosen = widgets.entity_type_filter(a.mentions["label"], "co_labels", c5)
    top, pairs = view.memo(cooccur.top_pairs, link, window, min_count, top_n, tuple(chosen))
    if len(top) < 2 or pairs.empty:
        st.info(
            "Not enough entities co-occur with these settings. Try a wider window, more "
            "entity types or a lower minimum."
        )
    else:
        matrix = cooccur.cooccurrence_matrix(pairs, top, metric)
        clicked = widgets.chart_points("co_heatmap")  # a cell clicked in the last run
        if clicked:
            chosen = (
                charts.label_text(clicked[0].get("y")),
                charts.label_text(clicked[0].get("x")),
            )
            widgets.set_url_pair(PAIR_KEY, chosen)  # the link shows this pair
        else:
            chosen = widgets.url_pair(PAIR_KEY)  # a pair from the link, or none
        st.plotly_chart(
            charts.cooccurrence_heatmap(matrix, metric, window, selected=chosen),
            width="stretch",
            key="co_heatmap",
            on_select="rerun",
            selection_mode="points",
        )
        st.subheader("Evidence")
        if chosen:
            ea, eb = chosen
            if ea not in set(matrix.index) or eb not in set(matrix.index):
                st.caption(
                    "The pair in the address is not among the entities drawn above (other "
                    "settings or outlets); its sentences are below all the same."
                )
        else:
            ea, eb = pairs.iloc[0]["entity_a"], pairs.iloc[0]["entity_b"]
            st.caption("Showing the strongest pair; click a cell above to choose another.")
        if ea == eb:
            st.info("That cell is an entity with itself; pick an off-diagonal cell.")
        else:
            ev = cooccur.evidence(mentions, a.sentences, ea, eb, window=window)
            st.markdown(
                f"**{html.md_escape(ea)}** and **{html.md_escape(eb)}**: {len(ev)} sentence(s)",
                help="Sentences naming both (for paragraph or article windows: the sentences "
                "naming either, inside windows that contain both)",
            )
            st.html(html.evidence_html(ev))

        st.subheader("How two outlets differ")
        if len(view.selected) < 2:
            st.caption("Select at least two outlets in the sidebar to compare them.")
        else:
            d1, d2 = st.columns(2)
            oa = d1.selectbox(
                "Outlet A", view.selected, index=0, key="co_outlet_a", bind="query-params"
            )
            ob = d2.selectbox(
                "Outlet B", view.selected, index=1, key="co_outlet_b", bind="query-params"
            )
            diff = cooccur.outlet_difference(
                mentions, a.sentences, list(matrix.index), window, oa, ob
            )
            st.html(html.difference_legend_html(oa, ob, window))
            st.plotly_chart(
                charts.difference_heatmap(diff, oa, ob),
                width="stretch",
                key="co_diff",
            )

        st.subheader("Pairs")
        widgets.csv_download(
            pairs, f"cooccurrence_{window}.csv", key="co_download", headers=PAIRS_PAGE.headers()
        )
        widgets.page_dataframe(pairs[PAIRS_PAGE.names()], PAIRS_PAGE, "co_pairs", height=320)
