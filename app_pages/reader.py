"""Reader: one article with its entities highlighted."""

import streamlit as st

from lib.present import html
from lib.ui import widgets

view = widgets.get_view()
widgets.page_intro(
    "Reader",
    "Read one article with every person, organisation, place and group highlighted by type. "
    "Lines set aside as page furniture (share buttons, appeals, captions) are listed below the "
    "text; they are not analysed.",
)
if widgets.require_outlets(view):
    docs = view.analysis.documents
    labels = {row.doc_id: f"{row.outlet} — {row.title or row.doc_id}" for row in docs.itertuples()}
    doc_id = st.selectbox(
        "Article", list(labels), format_func=labels.get, key="reader_doc", bind="query-params"
    )
    meta = docs.set_index("doc_id").loc[doc_id]
    text_row = view.analysis.texts.set_index("doc_id").loc[doc_id]
    cols = st.columns(4)
    cols[0].markdown(f"**Outlet**  \n{html.md_escape(meta['outlet'])}")
    cols[1].markdown(f"**Published**  \n{html.md_escape(meta['published'] or '—')}")
    cols[2].markdown(f"**Byline**  \n{html.md_escape(meta['byline'] or '—')}")
    cols[3].markdown(f"**Words**  \n{meta['words']}")
    if meta["url"]:
        st.markdown(html.link_html(meta["url"]), unsafe_allow_html=True)  # escaped, http(s) only
    mentions = view.analysis.mentions[view.analysis.mentions["doc_id"] == doc_id]
    st.html(html.legend_html(sorted(mentions["label"].unique())))
    st.html(html.highlight_html(text_row["text"], mentions))
    with st.expander(
        f"Set-aside page furniture ({len(text_row['boilerplate'].splitlines())} lines)"
    ):
        if text_row["boilerplate"]:
            st.code(text_row["boilerplate"], language=None, wrap_lines=True)
        else:
            st.write("Nothing was set aside for this article.")
