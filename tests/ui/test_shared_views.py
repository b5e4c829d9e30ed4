"""The example's filtered views are computed once for all sessions; a session's own
articles stay in that session."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lib.views.filter import filter_outlets
from tests.app.test_app import APP, TIMEOUT
from tests.app.test_app_sources import ARTICLE


def view_of(outlets=None, source=None):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if outlets is not None:
        at.session_state["outlet"] = outlets
    if source is not None:
        at.session_state["source"] = source
    at.run()
    assert not at.exception, at.exception
    return at, at.session_state["_view"]


def count_rows(analysis):
    return len(analysis.mentions)


def per_outlet(analysis):
    return analysis.mentions.groupby("outlet").size()


def test_two_sessions_share_the_example_views():
    _, first = view_of()
    chosen = first.outlets[:2]
    _, a = view_of(chosen)
    _, b = view_of(chosen)
    assert a.public and b.public
    assert a.analysis is b.analysis  # one filtered analysis for both sessions
    assert a.memo(count_rows) == b.memo(count_rows) == count_rows(filter_outlets(a.full, chosen))
    assert a.memo(per_outlet) is b.memo(per_outlet)  # computed once, by whichever came first


def test_a_sessions_own_articles_are_never_shared():
    view_of()  # a session on the example fills the shared stores
    at, _ = view_of(source="Your articles")
    at.text_area(key="paste_text").input(ARTICLE)
    at.text_input(key="paste_outlet").input("Iberia Today")
    [b for b in at.button if "Add article" in b.label][0].click().run()
    at.switch_page("app_pages/compare.py").run()
    assert not at.exception, at.exception
    view = at.session_state["_view"]
    assert not view.public and view.outlets == ["Iberia Today"]
    from lib.ui.resources import shared_filters, shared_views

    assert any(k[1] == view.key for k in at.session_state["_memo"])  # kept in the session
    shared = shared_views().keys() + shared_filters().keys()
    assert shared and not [k for k in shared if view.key in k]  # and nowhere else
