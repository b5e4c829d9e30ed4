"""The real app in headless Chromium: open it, change the outlet filter, see pages change."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import (
    assert_no_error,
    go_to,
    shot,
    wait_idle,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    yield pg
    context.close()


def grid_rows(page) -> int:
    """Rows (header included) of the Overview's articles table."""
    table = page.locator("[data-testid='stMain'] table[data-table='articles']")
    table.wait_for(timeout=30_000)
    return table.locator("tr").count()


def heatmap_state(page) -> tuple[list[str], list[str]]:
    """Row labels and cell texts of the co-occurrence heatmap."""
    page.wait_for_selector(".js-plotly-plot .heatmaplayer", timeout=30_000)
    ticks = page.locator(".js-plotly-plot .yaxislayer-above .ytick text").all_text_contents()
    cells = page.locator(".js-plotly-plot .heatmaplayer text").all_text_contents()
    return ticks, cells


def test_outlet_filter_changes_heatmap_and_table(server, page):
    page.goto(server + "/")
    wait_idle(page)
    assert_no_error(page)
    assert grid_rows(page) == 6  # header + 5 articles
    shot(page, "overview_all")

    go_to(page, "Co-occurrence")
    before = heatmap_state(page)
    assert len(before[0]) >= 10
    shot(page, "cooccurrence_all")

    sidebar = page.locator("[data-testid='stSidebar']")
    for outlet in (
        "Article 1",
        "ICARO Media Group",
        "Article 3",
    ):
        sidebar.get_by_role("button", name=f"Remove {outlet}").click()
        wait_idle(page)
    after = heatmap_state(page)
    assert after != before, "the heatmap follows the outlet filter"
    assert "outlet=TDPel+Media" in page.url or "outlet=TDPel%20Media" in page.url
    assert_no_error(page)
    shot(page, "cooccurrence_two_outlets")

    go_to(page, "Overview")
    assert grid_rows(page) == 3  # header + 2 articles
    assert "outlet=" in page.url, "the filter survives page changes in the address"
    shot(page, "overview_two_outlets")

    go_to(page, "Compare sources")
    assert_no_error(page)
    shot(page, "compare_two_outlets")
    go_to(page, "Reader")
    assert_no_error(page)
    shot(page, "reader_two_outlets")


def test_copied_link_reopens_same_view(server, page):
    page.goto(server + "/?outlet=TDPel+Media")
    wait_idle(page)
    assert grid_rows(page) == 2
    page.goto(server + "/?outlet=")
    wait_idle(page)
    assert "No outlet is selected" in page.inner_text("body")
    shot(page, "overview_no_outlet")


def test_clicking_a_heatmap_cell_shows_its_sentences(server, page):
    page.goto(server + "/cooccurrence")
    wait_idle(page)
    heatmap_state(page)
    ticks = page.locator(".js-plotly-plot .yaxislayer-above .ytick text").all_text_contents()
    main = page.locator("[data-testid='stMain']")
    assert "Showing the strongest pair" in main.inner_text()
    ticks = list(dict.fromkeys(ticks))
    # cells are clickable markers laid out row by row: index 1 is row 0, column 1
    cell = page.locator(".js-plotly-plot .scatterlayer .point").nth(1).bounding_box()
    page.mouse.click(cell["x"] + cell["width"] / 2, cell["y"] + cell["height"] / 2)
    page.wait_for_timeout(500)
    wait_idle(page)
    text = main.inner_text()
    assert "Showing the strongest pair" not in text

    pair = re.search(r"\n(.+?) and (.+?): (\d+) sentence", text)
    assert pair, text
    assert pair.group(1) in ticks and pair.group(2) in ticks and pair.group(1) != pair.group(2)
    if int(pair.group(3)):
        assert page.locator("[data-testid='stMain'] li mark").count() >= 2
    shot(page, "cooccurrence_clicked")


def test_no_request_leaves_the_app_host(server, browser):
    """Every page, at projector size: nothing is fetched from another host (fonts, icons,
    trackers), so the app works offline in a classroom and leaks nothing about its readers."""
    from urllib.parse import urlparse

    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/")
    wait_idle(page)
    titles = ["Compare sources", "Entity", "Co-occurrence", "Figures", "Quotes", "Reader"]
    for title in titles + ["Your articles", "Overview"]:
        go_to(page, title)
        assert_no_error(page)
    shot(page, "overview_1024")
    go_to(page, "Figures")
    shot(page, "figures_1024")
    context.close()
    app_host = urlparse(server).hostname
    assert len(requests) > 10  # the recording worked
    foreign = [
        u for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
        and urlparse(u).hostname not in (app_host, "localhost", "127.0.0.1")
    ]  # fmt: skip
    assert foreign == []


def test_a_copied_link_reopens_the_same_view(server, browser):
    """Page controls live in the URL: a link copied after changing them reopens them."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "/cooccurrence")
    wait_idle(page)
    page.wait_for_selector(".js-plotly-plot .heatmaplayer", timeout=60_000)
    assert_no_error(page)
    boxes = page.locator("[data-testid='stMain'] [data-testid='stSelectbox']")
    for index, option in ((0, "paragraph"), (1, "More often than chance")):
        boxes.nth(index).click()
        page.get_by_role("option", name=option).click(timeout=60_000)
        wait_idle(page)
        page.wait_for_selector(".js-plotly-plot .heatmaplayer", timeout=60_000)
    link = page.url
    assert "co_window=paragraph" in link and "co_metric=" in link
    context.close()
    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    page = fresh.new_page()
    page.goto(link)
    wait_idle(page)
    page.wait_for_selector(".js-plotly-plot .heatmaplayer", timeout=30_000)
    colour_bar = page.locator(".js-plotly-plot .colorbar").first.text_content()
    assert "more often than chance" in colour_bar  # the measure came back from the link
    boxes = page.locator("[data-testid='stMain'] [data-testid='stSelectbox']")
    assert "paragraph" in boxes.first.text_content() + boxes.first.inner_html()
    shot(page, "cooccurrence_from_link")
    fresh.close()
