"""Coverage Lens: compare how news outlets report the same event.

Run with ``streamlit run app.py``. This script is the frame shared by every
page: it loads the corpus and analysis, draws the outlet filter in the sidebar,
and runs the page the user picked. Pages live in ``app_pages/`` (not ``pages/``, which
Streamlit would also treat as an old-style multipage folder).
"""

from pathlib import Path

import streamlit as st

from lib.ui import controller, widgets

# a local icon: a material/emoji page icon is fetched from Google or a CDN by every browser
ICON = Path(__file__).parent / "assets" / "icon.png"
st.set_page_config(page_title="Coverage Lens", page_icon=str(ICON), layout="wide")

# the Stories page is listed only for a pile of several stories (a one-story corpus such as
# the seeds looks as before); the frame reruns once when the pile turns out otherwise
STORIES = "app_pages/stories.py"
# no icons: the nav's material icons are font ligatures, shown as raw words ("table_chart",
# "upload_file") until the icon font arrives, which a busy or slow start delays
PAGES = [
    st.Page("app_pages/overview.py", title="Overview", default=True),
    STORIES,
    st.Page("app_pages/compare.py", title="Compare sources"),
    st.Page("app_pages/entity.py", title="Entity"),
    st.Page("app_pages/cooccurrence.py", title="Co-occurrence"),
    st.Page("app_pages/figures.py", title="Figures"),
    st.Page("app_pages/quotes.py", title="Quotes"),
    st.Page("app_pages/facts.py", title="Facts"),
    st.Page("app_pages/wording.py", title="Wording"),
    st.Page("app_pages/reader.py", title="Reader"),
    st.Page("app_pages/sources.py", title="Your articles"),
]

many = widgets.many_stories()
story_page = st.Page(STORIES, title="Stories", visibility="visible" if many else "hidden")
page = st.navigation([story_page if p == STORIES else p for p in PAGES])
widgets.keep_app_params(page)  # a page clicked mid-run keeps ?outlet=, ?source=, ?story=
st.sidebar.title("Coverage Lens")
view = controller.load_view()
if view is None:
    st.stop()
widgets.set_view(view)
if widgets.many_stories() != many:
    st.rerun()  # list (or hide) the Stories page for this pile
page.run()
