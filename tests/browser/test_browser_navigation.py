"""Navigation keeps the sidebar's choices, even when a page is clicked while a run is going.

This module gets its own fresh server (the ``server`` fixture is per module), so its first
test meets a cold start: the navigation is drawn at once while the sidebar still waits for
the language model and the analysis.
"""

from __future__ import annotations

import pytest

from tests.browser.helpers import assert_no_error, wait_idle

pytestmark = pytest.mark.browser

CHOICE = ["TDPel Media", "The Moscow Times"]
QUERY = "?" + "&".join("outlet=" + o.replace(" ", "+") for o in CHOICE)


def chosen_outlets(page) -> list[str]:
    """The outlets shown as chosen in the sidebar filter (its chips)."""
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']")
    box.locator("[data-tag]").first.wait_for(timeout=30_000)
    return [tag.get_attribute("aria-label") for tag in box.locator("[data-tag]").all()]


def click_page_at_once(page, url: str, title: str) -> bool:
    """Open ``url`` and click ``title`` in the navigation as soon as it is drawn; returns
    whether the script was still running then (the sidebar filter not drawn yet)."""
    page.goto(url)
    link = page.locator("[data-testid='stSidebarNav'] a", has_text=title).first
    link.wait_for(timeout=90_000)
    running = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").count() == 0
    link.click()
    wait_idle(page)
    page.wait_for_timeout(500)
    return running


def test_clicking_a_page_mid_run_keeps_the_outlet_filter(server, browser):
    """Three clicks made before the sidebar is drawn (the first on a cold start): each new
    page keeps ``?outlet=`` in the address and the two chosen outlets in the filter."""
    trips = [("/figures", "Quotes"), ("/", "Co-occurrence"), ("/quotes", "Compare sources")]
    mid_run = 0
    for start, title in trips:
        context = browser.new_context(viewport={"width": 1024, "height": 768})
        page = context.new_page()
        mid_run += click_page_at_once(page, server + start + QUERY, title)
        assert_no_error(page)
        assert page.locator("[data-testid='stMain'] h1").first.inner_text() == title
        assert all("outlet=" + o.replace(" ", "+") in page.url for o in CHOICE), page.url
        assert chosen_outlets(page) == CHOICE
        context.close()
    assert mid_run >= 1, "at least one click came while the script was still running"


def go(page, title: str) -> None:
    page.locator("[data-testid='stSidebarNav'] a", has_text=title).first.click()
    wait_idle(page)


def test_the_kept_filter_follows_later_changes(server, browser):
    """After a mid-run click, later choices are the ones kept: nothing stale comes back."""
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    click_page_at_once(page, server + "/" + QUERY, "Figures")
    assert chosen_outlets(page) == CHOICE
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_role("button", name=f"Remove {CHOICE[0]}").click()
    wait_idle(page)
    go(page, "Quotes")
    assert chosen_outlets(page) == CHOICE[1:]
    assert "outlet=" + CHOICE[0].replace(" ", "+") not in page.url
    sidebar.locator("[data-testid='stMultiSelect'] input").click()
    page.get_by_role("option", name="Select all").click()
    wait_idle(page)
    every = chosen_outlets(page)
    assert len(every) == 5  # the five seed articles' outlets
    go(page, "Compare sources")
    assert sorted(chosen_outlets(page)) == sorted(every)
    context.close()
