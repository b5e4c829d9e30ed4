"""A pile of several stories in a real browser: upload a mixed zip, pick a story, and every
page shows that story only; the seeds (one story) look as before."""

from __future__ import annotations

import zipfile

import pytest

from tests.browser.helpers import ROOT, assert_no_error, go_to, shot, wait_idle

pytestmark = pytest.mark.browser
PILE = ROOT / "tests" / "fixtures" / "stories"
PAGES = ["Overview", "Compare sources", "Entity", "Co-occurrence", "Figures", "Quotes", "Reader"]


def mixed_zip(tmp_path):
    path = tmp_path / "mixed_pile.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for article in sorted(PILE.glob("*.txt")):
            zf.write(article, article.name)
    return path


def nav_titles(page) -> list[str]:
    return [a.inner_text().strip() for a in page.locator("[data-testid='stSidebarNav'] a").all()]


def main_text(page) -> str:
    return page.inner_text("[data-testid='stMain']")


def choose_story(page, words: str) -> None:
    """Pick the story whose label contains ``words`` in the sidebar's Story box."""
    box = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(
        has_text="Story"
    )
    box.click()
    page.get_by_role("option").filter(has_text=words).first.click()
    wait_idle(page)


def test_seeds_have_no_stories_page(server, browser):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    page.goto(server + "/")
    wait_idle(page)
    assert "Stories" not in nav_titles(page)
    assert page.locator("[data-testid='stSidebar']").get_by_text("Story", exact=True).count() == 0
    context.close()


def test_mixed_zip_gives_stories_and_one_story_scopes_every_page(server, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    page.goto(server + "/?source=Your+articles")
    wait_idle(page)
    page.locator("[data-testid='stSidebar'] input[type='file']").set_input_files(
        str(mixed_zip(tmp_path))
    )
    page.wait_for_timeout(500)
    wait_idle(page)
    assert_no_error(page)
    # the frame lists the Stories page once it knows the pile holds several stories
    page.locator("[data-testid='stSidebarNav'] a", has_text="Stories").wait_for(timeout=60_000)
    wait_idle(page)

    go_to(page, "Stories")
    body = main_text(page)
    for words in ("Vellmora", "Kessane", "Carrow"):
        assert words in body
    assert page.locator("[data-testid='stPlotlyChart']").count() == 1
    shot(page, "stories_all")

    choose_story(page, "Vellmora")
    assert "story=S" in page.url
    story = page.url.split("story=")[1].split("&")[0]
    assert f"Every page shows story {story} only" in main_text(page)
    shot(page, "stories_chosen")

    for title in PAGES:
        go_to(page, title)
        assert_no_error(page)
        assert f"story={story}" in page.url, (title, page.url)
        text = main_text(page)
        assert "Kessane" not in text and "Carrow" not in text, title
        shot(page, "story_" + title.lower().replace(" ", "_").replace("-", ""))
    go_to(page, "Overview")
    grid = page.locator("[data-testid='stDataFrame'] [role='grid']").first
    grid.wait_for(state="attached", timeout=30_000)
    assert "Vellmora" in grid.inner_text() and "Kessane" not in grid.inner_text()
    assert "3 articles" in page.inner_text("[data-testid='stSidebar']")
    go_to(page, "Figures")
    assert "1,200" in main_text(page)

    # all stories come back on request
    choose_story(page, "All 3 stories")
    assert "story=" not in page.url
    go_to(page, "Overview")
    grid = page.locator("[data-testid='stDataFrame'] [role='grid']").first
    assert "Kessane" in grid.inner_text() and "Vellmora" in grid.inner_text()
    context.close()
