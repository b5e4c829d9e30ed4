"""Coverage Lens: compare how news outlets report the same event.

Run with ``streamlit run app.py``. This script is the frame shared by every
page: it loads the corpus and analysis, draws the outlet filter in the sidebar,
and runs the page the user picked. Pages live in ``app_pages/`` (not ``pages/``, which
Streamlit would also treat as an old-style multipage folder).
"""

from pathlib import Path

import streamlit as st

from lib.ui import sidebar, widgets

# a local icon: a material/emoji page icon is fetched from Google or a CDN by every browser
ICON = Path(__file__).parent / "assets" / "icon.png"
st.set_page_config(page_title="Coverage Lens", page_icon=str(ICON), layout="wide")

PAGES = [
    st.Page("app_pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("app_pages/compare.py", title="Compare sources", icon=":material/table_chart:"),
    st.Page("app_pages/entity.py", title="Entity", icon=":material/person_search:"),
    st.Page("app_pages/cooccurrence.py", title="Co-occurrence", icon=":material/grid_on:"),
    st.Page("app_pages/figures.py", title="Figures", icon=":material/numbers:"),
    st.Page("app_pages/quotes.py", title="Quotes", icon=":material/format_quote:"),
    st.Page("app_pages/reader.py", title="Reader", icon=":material/article:"),
    st.Page("app_pages/sources.py", title="Your articles", icon=":material/upload_file:"),
]

page = st.navigation(PAGES)
st.sidebar.title("Coverage Lens")
view = sidebar.load_view()
if view is None:
    st.stop()
widgets.set_view(view)
page.run()
