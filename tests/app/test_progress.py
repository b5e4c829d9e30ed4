"""Honest progress: counts while the user's articles are parsed, no "analysed" line before
the work is done, and a time budget that skips one article with a message."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_app import APP, TIMEOUT, all_text
from tests.app.test_app_sources import ARTICLE

SECOND = (
    "Storm closes ports in the north\n\n"
    "A winter storm closed three ports on Friday, the harbour authority said. About 40 ships "
    "waited offshore, according to the coast guard."
)


def paste(at: AppTest, text: str, outlet: str) -> None:
    at.text_area(key="paste_text").input(text)
    at.text_input(key="paste_outlet").input(outlet)
    [b for b in at.button if "Add article" in b.label][0].click().run()
    assert not at.exception, at.exception


@pytest.fixture
def recorded(monkeypatch):
    """Every progress update and sidebar note of the run, in order."""
    from lib.ui import controller, progress, resources, sidebar

    events: list[tuple] = []

    class Recording(progress.Progress):
        def __call__(self, done, total):
            events.append(("progress", self.what, done, total))
            super().__call__(done, total)

    def note(where, n_docs, statuses, analysed):
        events.append(("note", n_docs, analysed))
        return original(where, n_docs, statuses, analysed)

    original = sidebar.articles_note
    monkeypatch.setattr(controller, "Progress", Recording)
    monkeypatch.setattr(resources, "Progress", Recording)
    monkeypatch.setattr(controller, "articles_note", note)
    return events


def test_parse_progress_counts_and_no_ready_line_while_running(recorded):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["source"] = "Your articles"
    at.run()
    paste(at, ARTICLE, "Iberia Today")
    paste(at, SECOND, "Harbour Post")
    progress = [e for e in recorded if e[0] == "progress"]
    assert ("progress", "your articles", 1, 1) in progress  # first paste: 1 to parse
    assert progress[-1] == ("progress", "your articles", 1, 1)  # second: only the new one
    notes = [e for e in recorded if e[0] == "note" and e[1] == 2]
    assert notes[0] == ("note", 2, None)  # "Analysing 2 article(s)…" before the work
    assert notes[-1] == ("note", 2, 2)  # counts only once it is done
    text = " ".join(c.value for c in at.sidebar.caption) + all_text(at)
    assert "2 article(s) analysed" in text
    assert "Analysing" not in text and "ready" not in text
    assert not at.exception


def test_article_over_the_time_budget_is_skipped_with_a_message(monkeypatch):
    from lib.parsing import make_parser
    from lib.ui import resources

    slow = make_parser(1, 2.0, loader="tests.parsing.slow_pipeline:make_nlp")
    monkeypatch.setattr(resources, "parser", lambda: slow)
    try:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.session_state["source"] = "Your articles"
        at.run()
        paste(at, SECOND, "Harbour Post")
        paste(at, ARTICLE + " [[slow]]", "Iberia Today")
        at.switch_page("app_pages/sources.py").run()
        assert not at.exception, at.exception
        statuses = at.session_state["_view"].statuses
        row = statuses[statuses["file"].str.contains("Iberia|pasted", regex=True)]
        assert "took longer than 2 s" in " ".join(row["message"])
        assert at.session_state["_view"].full.outlets == ["Harbour Post"]
    finally:
        slow.close()


def test_example_without_a_current_shipped_analysis_shows_parse_progress(
    recorded, monkeypatch, tmp_path
):
    from lib.ui import resources

    monkeypatch.setattr(resources, "SEED_ANALYSIS", tmp_path / "missing")
    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", "off")
    resources.example_corpus.clear()
    resources.example_analysis.clear()
    resources.disk_cache.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.run()
        assert not at.exception, at.exception
        progress = [e for e in recorded if e[0] == "progress"]
        assert progress == [("progress", "the example articles", k, 5) for k in range(1, 6)]
        assert len(at.session_state["_view"].full.documents) == 5
    finally:
        resources.example_corpus.clear()
        resources.example_analysis.clear()
        resources.disk_cache.clear()


def test_example_with_the_shipped_analysis_parses_nothing(recorded):
    from lib.ui import resources

    resources.example_corpus.clear()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    assert resources.example_corpus()[2] is not None, (
        "assets/seed-analysis is stale: python -m lib analyze --corpus seeds --out "
        "assets/seed-analysis"
    )
    assert not [e for e in recorded if e[0] == "progress"]
