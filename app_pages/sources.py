"""Your articles: what was read, what was skipped and why, metadata editing, bundle export."""

import streamlit as st

from lib.ingest.bundles import write_bundle
from lib.records import METADATA_PAGE, STATUS_PAGE
from lib.ui import session, sidebar, widgets
from lib.views.documents import metadata_table, status_table

view = widgets.get_view()
widgets.page_intro(
    "Your articles",
    "Choose *Your articles* in the sidebar to upload files (text, Markdown, HTML, PDF, Word or "
    "a .zip), paste an article or fetch one from a web address. They stay in this browser "
    "session only: nobody else using the app can see them. Check below what was read, fix the "
    "outlet, title or date where needed, and save everything as a bundle to reopen later.",
)

st.subheader("Files")
if view.statuses.empty:
    if view.source == sidebar.YOURS and widgets.opened_on_uploads():
        st.info(widgets.PRIVATE_UPLOADS, icon=":material/lock:")
    elif view.source == sidebar.YOURS:
        st.info("Nothing added yet: use the sidebar to upload, paste or fetch articles.")
    else:
        st.caption(f"Showing the example articles: {len(view.documents)} read, none skipped.")
else:
    table = status_table(view.statuses)
    st.caption(
        "One row per file (a .zip lists each file inside it). Skipped files were not "
        "analysed; the reason says why. Everything else was read. *Note* rows are about "
        "all articles at once (a pass cut by the time budget, a cache that cannot be saved)."
    )
    widgets.page_dataframe(  # every column in view at 1024 px, a long file name whole
        table[STATUS_PAGE.names()], STATUS_PAGE, "sources_status", fit=STATUS_PAGE.names()
    )

st.subheader("Metadata")
if not view.documents:
    st.caption("Metadata appears here once articles are read.")
else:
    st.caption(
        "Edit a cell to correct the outlet, title, date, byline or address; every page "
        "updates at once. An empty outlet shows as *Article N*, N being its place in the list. "
        "Renamed outlets and other edits last as long as this browser session; **Download "
        "bundle** below keeps them (it saves the metadata as edited here), so uploading the "
        "bundle again, or sharing it, brings them back."
    )
    meta = metadata_table(view.documents, session.META_FIELDS)
    edited = st.data_editor(
        meta,
        hide_index=True,
        width="stretch",
        disabled=["doc_id"],
        num_rows="fixed",
        column_config=widgets.column_config(METADATA_PAGE),
        key=f"meta_editor_{view.source}",
    )
    if session.record_edits(meta, edited):
        st.rerun()
    st.download_button(
        "Download bundle (.zip)",
        data=write_bundle(view.documents),
        file_name="coverage-lens-bundle.zip",
        mime="application/zip",
        icon=":material/archive:",
        help="All articles with the metadata above in one file. Upload it again (or give it "
        "to the command line: python -m lib documents --corpus bundle.zip) to reproduce "
        "this analysis.",
        key="sources_bundle",
    )
