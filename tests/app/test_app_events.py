"""An invented three-outlet event uploaded as users upload it (an HTML page, ``fox.txt``, a
plain-text wire copy) through the app's own upload reading, then read on its pages (issue
23: outlets from the page title and the file name, headlines, speakers)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_app import APP, TIMEOUT, rows_of
from tests.helpers import ROOT

EVENT = ROOT / "tests" / "fixtures" / "events" / "transit_board"


@pytest.fixture(autouse=True)
def _clear_caches():
    import streamlit as st

    st.cache_data.clear()
    yield


def uploaded(page: str) -> AppTest:
    """The app on ``page`` with the event's files read as the uploader reads them."""
    from lib.ingest.uploads import read_uploads
    from lib.ui.session import USER, PartsCache

    result = read_uploads([(p.name, p.read_bytes()) for p in sorted(EVENT.iterdir())])
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["source"] = "Your articles"
    at.session_state[USER] = {
        "upload_key": (),  # what the empty uploader gives: the files stay as read
        "uploaded": result.documents,
        "upload_statuses": result.statuses,
        "extra": [],
        "extra_statuses": [],
        "parts": PartsCache(),
    }
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def test_uploaded_event_outlets_and_titles_on_the_overview():
    rows = {r["outlet"]: r for r in rows_of(uploaded("app_pages/overview.py"), "articles")}
    assert set(rows) == {"The Meridian Post", "fox", "capitol wire"}
    assert "Castellane Appoints Ex-Aide to Lead Transit Board" in rows["The Meridian Post"]["title"]
    assert "|" not in rows["The Meridian Post"]["title"]


def test_uploaded_event_speakers_on_the_quotes_page():
    rows = rows_of(uploaded("app_pages/quotes.py"), "quotes")
    speakers = {r["quote"].strip("“”\" "): r["speaker"] for r in rows}
    said = {q[:25]: s for q, s in speakers.items()}
    assert said["There is no conflict here"[:25]].startswith("Edwin Castellane")
    assert said["I know how much riders ha"].startswith("Rafael Odunsi")
    assert not any("Knows the System" in q for q in speakers)  # the headline's quotation
