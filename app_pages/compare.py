"""Compare sources: which outlets name whom, and how often."""

import streamlit as st

from lib.present import tables
from lib.records import COMPARE_PAGE
from lib.schema import LABEL_NAMES
from lib.ui import widgets
from lib.views.compare import (
    COMPARE_SORTS,
    cell_forms,
    entity_outlet_wide,
    sort_compare,
)
from lib.views.documents import outlet_notes

HEADERS = COMPARE_PAGE.headers()

view = widgets.get_view()
widgets.page_intro(
    "Compare sources",
    "Each row is a person, organisation, place or group; each outlet column counts how often "
    "that outlet names it (0 = never, darker = more often). Entities named by only some "
    "outlets show what the others left out. Hover an outlet's name for its article, a count "
    "for how that outlet wrote the name.",
)
if widgets.require_outlets(view):
    link = widgets.demonym_toggle("compare_demonyms", False)
    table = view.memo(entity_outlet_wide, link)
    c1, c2, c3 = st.columns([5, 3, 3])
    chosen = widgets.entity_type_filter(view.analysis.mentions["label"], "compare_labels", c1)
    query = c2.text_input(
        "Find an entity", key="compare_query", bind="query-params", placeholder="e.g. a name"
    )
    sorts = {**COMPARE_SORTS, **{o: f"Mentions in {o}" for o in view.selected}}
    order = c3.selectbox(
        "Sort by", list(sorts), format_func=sorts.get, key="compare_sort", bind="query-params"
    )
    shown = table[table["label"].isin(chosen)]
    if query.strip():
        shown = shown[shown["entity"].str.contains(query.strip(), case=False, regex=False)]
    shown = sort_compare(shown, order)
    st.caption(f"{len(shown)} of {len(table)} entities")
    per_outlet = shown[view.selected].sum() if len(shown) else None
    outlet_columns = widgets.shown_outlets(view, per_outlet)
    if len(outlet_columns) < len(view.selected):
        st.caption(
            f"Showing the {len(outlet_columns)} outlets with the most mentions as columns; "
            "the CSV has all of them."
        )
    widgets.comparison_table(
        tables.count_matrix_html(
            shown.assign(type=shown["label"].map(lambda lab: LABEL_NAMES.get(lab, lab))),
            "entity",
            HEADERS["entity"],
            outlet_columns,
            name="compare",
            sub="type",
            extra={c: HEADERS[c] for c in ("outlets", "mentions")},
            forms="written",
            forms_label=HEADERS["written"],
            notes=outlet_notes(view.full),
            cell_notes=view.memo(cell_forms, link),
            dark=widgets.dark_theme(),
        ),
        len(shown),
        "entities",
    )
    widgets.csv_download(shown, "entities_by_outlet.csv", key="compare_download", headers=HEADERS)
