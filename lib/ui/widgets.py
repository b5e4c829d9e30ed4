"""Page helpers: the View of this run, titles, empty states, filters and downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.schema import LABEL_NAMES
from lib.ui.sidebar import View
from lib.views.export import csv_bytes

#: Most outlet columns a wide table shows (the CSV download has them all).
MAX_OUTLET_COLUMNS = 30


def shown_outlets(view: View, counts: pd.Series | None = None) -> list[str]:
    """Outlets to show as columns: all selected, or the busiest MAX_OUTLET_COLUMNS of them."""
    if len(view.selected) <= MAX_OUTLET_COLUMNS:
        return list(view.selected)
    if counts is None:
        return list(view.selected[:MAX_OUTLET_COLUMNS])
    top = counts.reindex(view.selected).fillna(0).sort_values(ascending=False)
    keep = set(top.index[:MAX_OUTLET_COLUMNS])
    return [o for o in view.selected if o in keep]


def set_view(view: View) -> None:
    st.session_state["_view"] = view


def get_view() -> View:
    """The View set by ``app.py`` for this run (pages call this first)."""
    view = st.session_state.get("_view")
    if view is None:
        st.error("Open the app from its main page (streamlit run app.py).")
        st.stop()
    return view


def page_intro(title: str, text: str) -> None:
    st.title(title)
    st.caption(text)


def require_outlets(view: View) -> bool:
    """Tell the user when there is nothing to show; returns True when the page can render."""
    if view.full.documents.empty:
        st.info(
            "No articles yet. Upload files, paste an article or add a web address in the "
            "sidebar, or switch back to the example articles."
        )
        return False
    if not view.selected:
        st.info(
            "No outlet is selected. Choose one or more outlets in the sidebar to see this view."
        )
        return False
    return True


def entity_type_filter(labels, key: str, where=None) -> list[str]:
    """Multiselect of entity types (all chosen by default), shown with readable names."""
    options = sorted(set(labels), key=lambda lab: LABEL_NAMES.get(lab, lab))
    return (where or st).multiselect(
        "Entity types",
        options,
        default=options,
        format_func=lambda lab: LABEL_NAMES.get(lab, lab),
        key=key,
        bind="query-params",
    )


def demonym_toggle(key: str, default: bool, where=None) -> bool:
    """The "Nationalities as countries" switch (North Korean -> North Korea)."""
    return (where or st).toggle(
        "Nationalities as countries",
        value=default,
        key=key,
        bind="query-params",
        help="Count 'North Korean' or 'Ukrainian' as the country they belong to",
    )


def csv_download(
    table: pd.DataFrame, file_name: str, key: str, label: str = "Download CSV"
) -> None:
    st.download_button(
        label,
        data=csv_bytes(table),
        file_name=file_name,
        mime="text/csv",
        key=key,
        icon=":material/download:",
    )
