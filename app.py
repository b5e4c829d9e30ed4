"""Coverage Lens: compare how news outlets report the same event.

Run with ``streamlit run app.py``. This script is the frame shared by every
page: it loads the corpus and analysis, draws the outlet filter in the sidebar,
and runs the page the user picked.
"""

import streamlit as st

from lib import ui

st.set_page_config(page_title="Coverage Lens", page_icon=":material/compare:", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/compare.py", title="Compare sources", icon=":material/table_chart:"),
    st.Page("pages/entity.py", title="Entity", icon=":material/person_search:"),
    st.Page("pages/cooccurrence.py", title="Co-occurrence", icon=":material/grid_on:"),
    st.Page("pages/figures.py", title="Figures", icon=":material/numbers:"),
    st.Page("pages/quotes.py", title="Quotes", icon=":material/format_quote:"),
    st.Page("pages/reader.py", title="Reader", icon=":material/article:"),
    st.Page("pages/sources.py", title="Your articles", icon=":material/upload_file:"),
]

page = st.navigation(PAGES)
st.sidebar.title("Coverage Lens")
view = ui.load_view()
if view is None:
    st.stop()
ui.set_view(view)
page.run()
