"""A round-9 invented event (a hurricane across two states, three outlets, one of them a
plain-text file named after its outlet) uploaded in a real browser and read on the pages a
user checks names and sources on: Compare sources, Entity, Quotes and Figures. No error
anywhere; the pages show one row per person, place and storm as the analysis has them."""

from __future__ import annotations

import pytest

from tests.browser.helpers import ROOT, read_pages, wait_idle
from tests.browser.test_browser_upload import upload

pytestmark = pytest.mark.browser
EVENT = ROOT / "tests" / "fixtures" / "events" / "hurricane_landfall"
PAGES = ["Overview", "Compare sources", "Entity", "Quotes", "Figures"]


def test_a_hurricane_event_reads_on_the_entity_quote_and_figure_pages(server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(server + "/?source=Your+articles")
    wait_idle(page)
    upload(page, sorted(EVENT.iterdir()))
    texts = read_pages(page, PAGES, "r9_hurricane")
    context.close()
    assert "Bayou Radio" in texts["Overview"]  # the plain-text file's outlet
    rows = [line.strip() for line in texts["Compare sources"].splitlines()]
    for name in ("Lucien Arceneaux Sr. Civic Center", "Hurricane Odalys", "Delmont, Louisiana",
                 "Delmont, Mississippi", "Lucien Arceneaux", "Warren Pickett"):  # fmt: skip
        assert name in rows, name
    assert not {"Odalys", "Civic Center", "Delmont", "Parish", "Warren Pickette"} & set(rows)
    assert "Country / state / city" in rows  # a state or a parish is no "Country / city"
    assert "Lucien Arceneaux" in texts["Quotes"] and "Annette Broussard" in texts["Quotes"]
