"""A pile of several stories in AppTest: the Stories page, ``?story=`` and every page scoped
to the chosen story; an unknown story id falls back to all stories."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_app import PAGES as ONE_STORY_PAGES
from tests.helpers import ROOT

APP = str(ROOT / "app.py")
PILE = ROOT / "tests" / "fixtures" / "stories"
#: The seeds' pages (one story: the Stories page is hidden there) and the Stories page.
PAGES = [*ONE_STORY_PAGES, "app_pages/stories.py"]


@pytest.fixture
def pile_example(monkeypatch):
    """The fixture pile as the app's example corpus (``COVERAGE_LENS_CORPUS``)."""
    from lib.ui.resources import example_corpus

    monkeypatch.setenv("COVERAGE_LENS_CORPUS", str(PILE))
    example_corpus.clear()
    yield
    monkeypatch.delenv("COVERAGE_LENS_CORPUS")
    example_corpus.clear()


def open_app(page: str, story: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    if story is not None:
        at.query_params["story"] = story
    at.run()
    assert not at.exception, at.exception
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def view(at: AppTest):
    return at.session_state["_view"]


def test_stories_page_lists_the_pile(pile_example):
    at = open_app("app_pages/stories.py")
    assert at.title[0].value == "Stories"
    assert [m.value for m in at.metric][:2] == ["3", "8"]
    table = at.dataframe[0].value
    assert table["story_id"].tolist() == ["S1", "S2", "S3"]
    assert view(at).story == "" and len(view(at).full.documents) == 8


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_the_chosen_story_only(pile_example, page):
    at = open_app(page, story="S2")
    v = view(at)
    assert v.story == "S2"
    assert set(v.analysis.documents["story_id"]) == {"S2"}
    assert len(v.analysis.documents) == 3 and len(v.corpus.documents) == 8
    assert set(v.analysis.mentions["doc_id"]) <= set(v.analysis.documents["doc_id"])
    if page not in ("app_pages/stories.py", "app_pages/sources.py"):
        assert any("Showing story S2" in c.value for c in at.caption)
    if page == "app_pages/facts.py":
        # facts of the chosen story only, and every statement comes from its articles
        assert set(v.analysis.facts["doc_id"]) <= set(v.analysis.documents["doc_id"])
        assert not v.analysis.facts.empty
        assert not any(e.value for e in at.error)


def test_unknown_story_falls_back_to_all(pile_example):
    at = open_app("app_pages/overview.py", story="S99")
    assert view(at).story == ""
    assert len(view(at).analysis.documents) == 8
    assert "story" not in at.query_params


def test_one_story_has_no_selector():
    at = open_app("app_pages/overview.py")
    assert view(at).story == "" and len(view(at).corpus.stories) == 1
    assert not any(s.label == "Story" for s in at.sidebar.selectbox)
    assert not any("different stories" in c.value for c in at.caption)


def test_every_page_is_tested_here():
    """A new page joins the list in tests/app/test_app.py, never two lists."""
    assert sorted(PAGES) == sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "app_pages").glob("*.py")
    )


def test_a_pile_without_dates_says_so_instead_of_an_empty_timeline(tmp_path, monkeypatch):
    """No article of the pile has a date: the page explains where a date comes from, and
    draws no empty chart with made-up axes (before: a blank plot over the year 2000)."""
    from lib.ui.resources import example_corpus

    for path in PILE.iterdir():
        lines = path.read_text(encoding="utf-8").splitlines()
        undated = [line for line in lines if not line.strip().startswith(("March", "April"))]
        (tmp_path / path.name).write_text("\n".join(undated), encoding="utf-8")
    monkeypatch.setenv("COVERAGE_LENS_CORPUS", str(tmp_path))
    example_corpus.clear()
    try:
        at = open_app("app_pages/stories.py")
        assert (view(at).full.documents["published"].fillna("") == "").all()
        assert any("has a date" in i.value for i in at.info)
        assert not at.get("plotly_chart")
    finally:
        example_corpus.clear()


def test_a_date_in_the_file_name_dates_the_article():
    """ "ledger_2025-03-09_strike-ends.txt" with no date in its text: published 2025-03-09;
    a date the text gives wins."""
    from lib.corpus.parse import parse_document

    body = "Workers at the Carrow mill ended their strike on Sunday, the union said."
    named = {"source_name": "ledger_2025-03-09_strike-ends.txt"}
    doc = parse_document("a", f"Strike ends\n\n{body}", named)
    assert doc.published == "2025-03-09"
    dated = parse_document("b", f"Strike ends\n\nMarch 8, 2025\n\n{body}", named)
    assert dated.published == "2025-03-08"
