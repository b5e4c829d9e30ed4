"""An invented three-outlet event uploaded in a real browser at 1024×768 (the classroom
projector), read page by page: no error anywhere, and the Compare sources table of three
outlets fits the page without scrolling sideways (before: its "Written as" column ended
about 30 px past the frame)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import ROOT, assert_no_error, go_to, shot, wait_idle
from tests.browser.test_browser_upload import upload

pytestmark = pytest.mark.browser
EVENT = ROOT / "tests" / "fixtures" / "events" / "medical_study"
PAGES = ["Overview", "Compare sources", "Entity", "Quotes", "Figures", "Your articles"]


def test_an_uploaded_event_reads_on_every_page_and_compare_fits_1024(server, browser):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    page.goto(server + "/?source=Your+articles")
    wait_idle(page)
    upload(page, sorted(EVENT.iterdir()))
    for title in PAGES:
        go_to(page, title)
        page.wait_for_timeout(500)
        assert_no_error(page)
        shot(page, f"event_{title.lower().replace(' ', '_')}_1024")
    go_to(page, "Compare sources")
    table = page.locator("[data-testid='stMain'] table[data-table='compare']")
    table.wait_for(timeout=60_000)
    fit = table.evaluate(
        """t => { const w = t.closest('.cl-wrap');
                  return {scroll: w.scrollWidth, client: w.clientWidth,
                          heads: [...t.querySelectorAll('thead th')].map(h => h.innerText)}; }"""
    )
    assert fit["scroll"] <= fit["client"] + 1, fit
    assert {"Clinic Review", "Health Desk", "Medwatch Weekly"} <= {
        " ".join(h.split()) for h in fit["heads"]
    }
    context.close()
