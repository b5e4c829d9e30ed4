"""Reader: one article with its entities highlighted."""

import streamlit as st

from lib.nlp.headline import title_end
from lib.present import html
from lib.records import READER_ENTITIES_PAGE
from lib.ui import widgets
from lib.views.documents import article_entities, article_text_file

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
    d1, d2, _ = st.columns([1, 1.5, 1.5])
    with d1:
        st.download_button(
            "Download text",
            data=article_text_file(meta, text_row["text"]),
            file_name=f"{doc_id}.txt",
            mime="text/plain",
            icon=":material/download:",
            help="The article as analysed (furniture set aside), its outlet, title, date and "
            "address on top.",
            key="reader_text_download",
        )
    with d2:
        widgets.csv_download(
            article_entities(mentions),
            f"{doc_id}_entities.csv",
            key="reader_entities_download",
            label="Download entities (CSV)",
            headers=READER_ENTITIES_PAGE.headers(),
        )
    st.html(html.legend_html(sorted(mentions["label"].unique())))
    headline = title_end(text_row["text"]) > 0  # the title line, read as the headline
    st.html(html.highlight_html(text_row["text"], mentions, headline=headline))
    with st.expander(
        f"Set-aside page furniture ({len(text_row['boilerplate'].splitlines())} lines)"
    ):
        if text_row["boilerplate"]:
            st.code(text_row["boilerplate"], language=None, wrap_lines=True)
        else:
            st.write("Nothing was set aside for this article.")
