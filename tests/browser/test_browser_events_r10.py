"""The round-10 invented event (a school levy vote; three plain-text files named as scrapers
save them, ``<outlet>_<date>_<headline words>.txt``) uploaded in a real browser: the outlets
come from the file names and show on Overview and Compare sources, every page reads
without an error, and no headline is shown as a quotation."""

from __future__ import annotations

import pytest

from tests.browser.helpers import ROOT, read_pages, shot, wait_idle
from tests.browser.test_browser_upload import upload

pytestmark = pytest.mark.browser
EVENT = ROOT / "tests" / "fixtures" / "events" / "levy_vote"
PAGES = ["Overview", "Compare sources", "Quotes"]


def test_outlets_named_by_their_file_names_read_on_every_page(server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(server + "/?source=Your+articles")
    wait_idle(page)
    upload(page, sorted(EVENT.iterdir()))
    shot(page, "r10_levy_your_articles")
    texts = read_pages(page, PAGES, "r10_levy")
    context.close()
    for outlet in ("courier", "ledger", "valley-news"):
        assert outlet in texts["Overview"], outlet
        assert outlet in texts["Compare sources"], outlet
    assert "Article 1" not in texts["Overview"]  # no outlet left unnamed
