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


CALLS: list[str] = []


def per_outlet(analysis):
    CALLS.append("per_outlet")
    return analysis.mentions.groupby("outlet").size()


def test_two_sessions_share_the_example_views():
    _, first = view_of()
    chosen = first.outlets[:2]
    _, a = view_of(chosen)
    _, b = view_of(chosen)
    assert a.public and b.public
    assert a.analysis is b.analysis  # one filtered analysis for both sessions
    assert a.memo(count_rows) == b.memo(count_rows) == count_rows(filter_outlets(a.full, chosen))
    CALLS.clear()
    assert a.memo(per_outlet).equals(b.memo(per_outlet))  # a copy for each session (cache_data)
    assert CALLS == ["per_outlet"]  # computed once, by whichever came first


def test_a_sessions_own_articles_are_never_shared(monkeypatch):
    from lib.ui import resources

    seen = {"public": [], "private": []}

    def recording(kind, cached):
        def call(*args, **kwargs):
            seen[kind].append(args[1] if len(args) > 1 else args[0])  # the corpus key
            return cached(*args, **kwargs)

        return call

    for name in ("public_view", "public_filtered"):
        monkeypatch.setattr(resources, name, recording("public", getattr(resources, name)))
    for name in ("private_view", "private_filtered"):
        monkeypatch.setattr(resources, name, recording("private", getattr(resources, name)))
    view_of()  # a session on the example fills the shared caches
    at, _ = view_of(source="Your articles")
    at.text_area(key="paste_text").input(ARTICLE)
    at.text_input(key="paste_outlet").input("Iberia Today")
    [b for b in at.button if "Add article" in b.label][0].click().run()
    at.switch_page("app_pages/compare.py").run()
    assert not at.exception, at.exception
    view = at.session_state["_view"]
    assert not view.public and view.outlets == ["Iberia Today"]
    assert view.key in seen["private"]  # the session's tables: session-scoped caches
    assert seen["public"] and view.key not in seen["public"]  # never the shared ones
