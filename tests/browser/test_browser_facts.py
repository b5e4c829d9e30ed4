"""The Facts and Wording pages in a real browser at 1024×768: on the seeds (controls kept in
the address bar, the chart drawn, the sentences behind a word) and on uploaded invented
articles."""

from __future__ import annotations

import pytest

from tests.browser.helpers import assert_no_error, go_to, shot, wait_idle
from tests.browser.test_browser_upload import upload
from tests.resolve.test_facts import FIRE

pytestmark = pytest.mark.browser


def small_page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    return context, context.new_page()


def badges(page) -> list[str]:
    table = page.locator("table[data-table='facts']")
    table.wait_for(timeout=60_000)
    return [b.inner_text() for b in table.locator(".cl-badge").all()]


def test_facts_page_keeps_its_controls_in_the_address(server, browser):
    context, page = small_page(browser)
    page.goto(f"{server}/facts?facts_reported=One+outlet")
    wait_idle(page)
    assert_no_error(page)
    found = badges(page)
    assert found and all(b.startswith("only ") for b in found)
    shot(page, "facts_one_outlet_1024")
    page.goto(f"{server}/facts?facts_outlet=TDPel+Media&facts_focus=Left+out+by+this+outlet")
    wait_idle(page)
    table = page.locator("table[data-table='facts']")
    table.wait_for(timeout=60_000)
    heads = [h.get_attribute("data-outlet") for h in table.locator("th[data-outlet]").all()]
    column = heads.index("TDPel Media")
    cells = table.locator("tbody tr").evaluate_all(
        f"rows => rows.map(r => r.children[{column + 1}].innerText.trim())"
    )
    assert cells and set(cells) == {"—"}
    # choosing in the page writes the address: a copied link reopens the view
    box = page.get_by_role("combobox", name="Reported by")
    box.scroll_into_view_if_needed()  # as a user would: its list opens below it
    page.wait_for_timeout(300)
    box.click()
    page.get_by_role("option", name="Every outlet").click(timeout=60_000)
    page.wait_for_timeout(500)
    wait_idle(page)
    assert "facts_reported=Every+outlet" in page.url
    assert "facts_outlet=TDPel+Media" in page.url
    shot(page, "facts_left_out_1024")
    context.close()


def test_wording_page_draws_words_and_their_sentences(server, browser):
    context, page = small_page(browser)
    page.goto(f"{server}/wording")
    wait_idle(page)
    assert_no_error(page)
    page.locator(".js-plotly-plot .bars").first.wait_for(timeout=30_000)
    main = page.locator("[data-testid='stMain']")
    assert "The sentences behind a word" in main.inner_text()
    assert main.locator("ul li mark").count() >= 1
    plot = page.locator(".js-plotly-plot").first.bounding_box()
    assert plot["x"] + plot["width"] <= 1024
    shot(page, "wording_1024")
    context.close()


def test_facts_and_wording_on_uploaded_articles(server, browser, tmp_path):
    files = []
    for key, (_outlet, text) in FIRE.items():
        path = tmp_path / f"{key}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    context, page = small_page(browser)
    page.goto(f"{server}/facts?source=Your+articles")
    wait_idle(page)
    upload(page, files)
    assert_no_error(page)
    table = page.locator("table[data-table='facts']")
    table.wait_for(timeout=90_000)
    assert table.locator("th[data-outlet]").count() == 3
    rows = table.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.children].slice(1).map(c => c.textContent.trim()))"
    )
    hospital = [r for r in rows if sum("hospital" in c for c in r) == 3]
    assert hospital, "the same fact in three outlets is one row"
    assert any(r.count("—") == 2 for r in rows), "a fact only one outlet reports"
    shot(page, "facts_uploaded_1024")
    go_to(page, "Wording")  # the uploads live in this session: click, do not reload
    assert_no_error(page)
    page.locator(".js-plotly-plot .bars").first.wait_for(timeout=30_000)
    pairs = page.locator("[data-testid='stMain']").inner_text()
    assert "Same thing, different words" in pairs
    shot(page, "wording_uploaded_1024")
    context.close()
