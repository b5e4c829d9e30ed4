"""Hostile input and a hostile machine, through the app as a user meets them (AppTest):
a cache folder that cannot be written, the corpus time budget, live links and emoji
shortcodes in user text, invisible characters in names, oversized pastes and file names."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_app import APP, TIMEOUT


@pytest.fixture(autouse=True)
def _clear_caches():
    import streamlit as st

    st.cache_data.clear()
    yield


@pytest.fixture
def example_folder(tmp_path, monkeypatch):
    """``COVERAGE_LENS_CORPUS`` set to a folder of two invented articles (so the example
    is analysed, not read from the shipped analysis); the shared resources are reset."""
    from lib.ui import resources

    folder = tmp_path / "example"
    folder.mkdir()
    for name, outlet in (("a", "Daily A"), ("b", "Herald B")):
        (folder / f"{name}.txt").write_text(
            f"Flood closes the bridge\n\nAbout 1,200 residents were evacuated, {outlet} "
            "reported. “We will rebuild every home that was lost,” Governor Elena Marsh "
            "said.\n",
            encoding="utf-8",
        )
    monkeypatch.setenv("COVERAGE_LENS_CORPUS", str(folder))
    clear = (resources.example_corpus, resources.shared_analyses, resources.shared_parts_cache)
    for resource in clear:
        resource.clear()
    yield folder
    for resource in clear:
        resource.clear()


def _status_rows(at: AppTest):
    at.switch_page("app_pages/sources.py").run()
    assert not at.exception, at.exception
    return at.dataframe[0].value.to_dict("records")


def test_read_only_cache_folder_the_example_still_opens_with_a_note(
    example_folder, tmp_path, monkeypatch
):
    from tests.helpers import read_only

    cache = tmp_path / "cache"
    (cache / "docs").mkdir(parents=True)
    (cache / "corpora").mkdir()
    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", str(cache))
    with read_only(cache):
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.run()
        assert not at.exception, at.exception
        assert not at.error, [e.value for e in at.error]
        assert len(at.session_state["_view"].full.documents) == 2
        rows = _status_rows(at)
    notes = [r for r in rows if r["status"] == "Note"]
    assert len(notes) == 1 and "cannot be written" in notes[0]["message"], rows
    assert sorted(p.name for p in cache.rglob("*")) == ["corpora", "docs"]


def test_corpus_budget_cut_is_a_note_on_your_articles(example_folder, monkeypatch):
    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", "off")
    monkeypatch.setenv("COVERAGE_LENS_CORPUS_BUDGET_S", "0")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    rows = _status_rows(at)
    notes = [r["message"] for r in rows if r["status"] == "Note" and r["file"] == "All articles"]
    assert any(m.startswith("Claims across outlets were not computed") for m in notes), rows
    assert any(m.startswith("Quote grouping stopped") for m in notes), rows
