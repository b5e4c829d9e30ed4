"""An invented three-outlet event uploaded as users upload it (an HTML page, ``fox.txt``, a
plain-text wire copy) through the app's own upload reading, then read on its pages (issue
23: outlets from the page title and the file name, headlines, speakers)."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_app import APP, TIMEOUT, html_table, rows_of
from tests.helpers import ROOT

EVENT = ROOT / "tests" / "fixtures" / "events" / "transit_board"


@pytest.fixture(autouse=True)
def _clear_caches():
    import streamlit as st

    st.cache_data.clear()
    yield


def uploaded(page: str, folder=EVENT) -> AppTest:
    """The app on ``page`` with the event's files read as the uploader reads them."""
    from lib.ingest.uploads import read_uploads
    from lib.ui.session import USER, PartsCache

    result = read_uploads([(p.name, p.read_bytes()) for p in sorted(folder.iterdir())])
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
    assert set(rows) == {"The Meridian Post", "fox", "Capitol Wire"}
    assert "Castellane Appoints Ex-Aide to Lead Transit Board" in rows["The Meridian Post"]["title"]
    assert "|" not in rows["The Meridian Post"]["title"]


def test_uploaded_event_speakers_on_the_quotes_page():
    rows = rows_of(uploaded("app_pages/quotes.py"), "quotes")
    speakers = {r["quote"].strip('“”" '): r["speaker"] for r in rows}
    said = {q[:25]: s for q, s in speakers.items()}
    assert said["There is no conflict here"[:25]].startswith("Edwin Castellane")
    assert said["I know how much riders ha"].startswith("Rafael Odunsi")
    assert not any("Knows the System" in q for q in speakers)  # the headline's quotation


# -- a business event uploaded with a Word file (audit, round 7) --------------------------------

RECALL = {"Motor City Business", "marketline", "Great Lakes Business Journal"}


@pytest.fixture(scope="module")
def recall(tmp_path_factory):
    from tests.test_invented_events import event_folder

    return event_folder("brake_recall", tmp_path_factory.mktemp("upload"))


def test_uploaded_business_event_outlets_titles_and_quotes(recall):
    rows = {r["outlet"]: r for r in rows_of(uploaded("app_pages/overview.py", recall), "articles")}
    assert set(rows) == RECALL  # the Word file's outlet from its byline line
    assert "Halloran Recall Tests a Family Name" in rows["Great Lakes Business Journal"]["title"]
    assert "AUTOS" not in rows["Great Lakes Business Journal"]["title"]
    quotes = rows_of(uploaded("app_pages/quotes.py", recall), "quotes")
    said = {r["quote"].strip('“”" ')[:20]: r["speaker"] for r in quotes}
    assert said["We should have moved"].startswith("Devika Raman")
    assert said["no family should hav"].startswith("Gregory Pell")


def test_uploaded_business_event_figures_name_every_outlet(recall):
    rows = rows_of(uploaded("app_pages/figures.py", recall), "figures")
    text = " ".join(" ".join(r.values()) for r in rows)
    assert "180,000" in text and "$38.12" in text
    for outlet in RECALL:
        assert outlet in text


def test_a_file_named_outlet_and_the_same_outlet_named_in_full_are_one_outlet(tmp_path):
    """ "fox.txt" beside a page titled "… | Fox News": one outlet "Fox News" on every page
    and in the metadata a user edits (before: two outlets, "fox" and "Fox News")."""
    for p in sorted(EVENT.iterdir()):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    page = (EVENT / "meridian_post.html").read_text().replace("The Meridian Post", "Fox News")
    (tmp_path / "meridian_post.html").write_text(page)
    rows = rows_of(uploaded("app_pages/overview.py", tmp_path), "articles")
    assert sorted(r["outlet"] for r in rows) == ["Capitol Wire", "Fox News", "Fox News"]
    at = uploaded("app_pages/sources.py", tmp_path)
    meta = at.dataframe[1].value  # the metadata editor under the files' statuses
    assert dict(zip(meta["doc_id"], meta["outlet"], strict=True))["fox"] == "Fox News"


def test_the_reader_shows_the_headline_as_a_headline(recall):
    """The title line on top of an article is drawn as a headline, not as body text; a
    text whose first line is prose has no headline."""
    from lib.present.html import HEADLINE_STYLE, highlight_html

    at = uploaded("app_pages/reader.py", recall)
    drawn = [e.proto.body for e in at.get("html") if "Halloran" in e.proto.body]
    assert drawn and HEADLINE_STYLE in drawn[0]
    assert drawn[0].index(HEADLINE_STYLE) < drawn[0].index("Halloran")
    empty = highlight_html("Water rose.\n\nIt rained.", pd.DataFrame(
        columns=["start_char", "end_char", "label", "entity"]))  # fmt: skip
    assert HEADLINE_STYLE not in empty


# -- new kinds of events uploaded (audit, round 8) ----------------------------------------------

TRIAL = ROOT / "tests" / "fixtures" / "events" / "medical_study"


def test_uploaded_medical_study_outlets_titles_and_speakers():
    """A page titled "… | Clinic Review", a Markdown file whose byline line starts with its
    outlet, and "health_desk.txt" that nothing else names: three outlets, clean titles."""
    rows = {r["outlet"]: r for r in rows_of(uploaded("app_pages/overview.py", TRIAL), "articles")}
    assert set(rows) == {"Clinic Review", "Health Desk", "Medwatch Weekly"}
    assert rows["Clinic Review"]["title"].startswith("'A real step forward'")
    assert "|" not in rows["Clinic Review"]["title"]
    assert "Julian Osei-Tutu" in rows["Medwatch Weekly"]["byline"]
    quotes = rows_of(uploaded("app_pages/quotes.py", TRIAL), "quotes")
    said = {r["quote"].strip("“”\"' ")[:20]: r["speaker"] for r in quotes}
    assert said["This is a real step "].startswith("Imogen Saltonstall")
    assert said["We will price it res"].startswith("Marcus Fairweather")
    assert not any(q.startswith("A real step forward") for q in said)  # the headline's


#: The width of the page's main column at 1024 px with the sidebar open (pixels).
MAIN_AT_1024 = 670


def _status_widths(at: AppTest) -> dict[str, int]:
    import json

    named = {"small": 75, "medium": 200, "large": 400}  # Streamlit's named widths
    columns = json.loads(at.dataframe[0].proto.columns)  # the Files table
    return {
        name: named.get(c.get("width"), c.get("width") or 100)  # 100: sized by Streamlit
        for name, c in columns.items()
        if not c.get("hidden")
    }


def test_your_articles_shows_every_column_and_a_long_file_name_whole(tmp_path):
    """The Files table fits the page at 1024 px (before: "Document id" and "Characters"
    hid past its right edge), and a long file name is not cut ("great_lakes_business_jo…")."""
    widths = _status_widths(uploaded("app_pages/sources.py", TRIAL))
    assert set(widths) == {"file", "status", "message", "doc_id", "chars"}
    assert sum(widths.values()) <= MAIN_AT_1024, widths
    long = "clinic_review_cholesterol_trial_results.html"
    for p in TRIAL.iterdir():
        (tmp_path / (long if p.suffix == ".html" else p.name)).write_bytes(p.read_bytes())
    widths = _status_widths(uploaded("app_pages/sources.py", tmp_path))
    assert widths["file"] >= 8 * len(long), widths


@pytest.fixture(scope="module")
def election(tmp_path_factory):
    from tests.test_invented_events import event_folder

    return event_folder("election_night", tmp_path_factory.mktemp("upload"))


def test_uploaded_election_outlets_speakers_and_vote_shares(election):
    """An outlet named only by its page's ``og:site_name``, a Word file, a Markdown file with
    a print-edition note: three outlets; the winner's and the loser's quotes; one vote-share
    claim carried by all three."""
    overview = uploaded("app_pages/overview.py", election)
    rows = {r["outlet"]: r for r in rows_of(overview, "articles")}
    assert set(rows) == {"The Harbor Courier", "Northsound Daily", "Pacific Ledger"}
    assert rows["Northsound Daily"]["title"] == "Thorvaldsen wins Port Alder mayor's race."
    quotes = rows_of(uploaded("app_pages/quotes.py", election), "quotes")
    said = {r["quote"].strip("“”\"' ")[:20]: r["speaker"] for r in quotes}
    assert said["This city chose to b"].startswith("Margaret Thorvaldsen")
    assert said["She ran a good race "].startswith("Desmond Achterberg")
    table = html_table(uploaded("app_pages/figures.py", election), "claims")
    share = [tr for tr in table.xpath(".//tbody/tr") if "54.2%" in tr.text_content()]
    assert len(share) == 1  # one claim: "54.2 percent", "54 percent", "about 54 percent"
    cells = [td.text_content() for td in share[0].xpath("./td")]
    assert len(cells) == 3 and all("54" in c for c in cells), cells
