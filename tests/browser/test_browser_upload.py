"""Bring your own articles, in a real browser: upload, status table, XSS inert, isolation."""

from __future__ import annotations

import pytest

from tests.browser.helpers import (
    ROOT,
    assert_no_error,
    go_to,
    shot,
    wait_idle,
)

pytestmark = pytest.mark.browser
FIXTURES = ROOT / "tests" / "fixtures" / "upload"
GOOD = ["harbour_daily.txt", "coastal_times.md", "euro_wire_latin1.txt", "hostile.html"]


def new_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return context, page, dialogs


def open_yours(browser, server, path: str = "/"):
    """A new browser context on ``path`` with *Your articles* chosen; (context, page, dialogs)."""
    context, page, dialogs = new_page(browser)
    page.goto(server + path + "?source=Your+articles")
    wait_idle(page)
    return context, page, dialogs


def upload(page, paths) -> None:
    page.locator("[data-testid='stSidebar'] input[type='file']").set_input_files(
        [str(p) for p in paths]
    )
    page.wait_for_timeout(500)
    wait_idle(page)


def grid_text(page, index: int = 0) -> str:
    """Text of a dataframe's accessible grid (glide renders cells on a canvas)."""
    grid = page.locator("[data-testid='stDataFrame'] [role='grid']").nth(index)
    grid.wait_for(state="attached", timeout=30_000)
    return grid.inner_text()


def test_upload_flow_updates_every_page(server, browser, tmp_path):
    files = [FIXTURES / name for name in GOOD]
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    files += [tmp_path / "empty.txt", tmp_path / "photo.txt"]
    context, page, dialogs = open_yours(browser, server, "/sources")
    assert "Nothing added yet" in page.inner_text("[data-testid='stMain']")
    upload(page, files)
    assert_no_error(page)
    status = grid_text(page, 0)
    for name in GOOD + ["empty.txt", "photo.txt"]:
        assert name in status
    assert "The file is empty" in status
    assert "not text" in status
    shot(page, "upload_status")

    # edit the first article's outlet in the metadata editor (a canvas grid)
    grid = page.locator("[data-testid='stDataFrame']").nth(1)
    grid.scroll_into_view_if_needed()
    editor = grid.bounding_box()
    page.mouse.dblclick(editor["x"] + 150, editor["y"] + 52)
    box = page.locator("textarea.gdg-input")
    box.wait_for(timeout=10_000)
    box.fill("Harbour Daily")
    box.press("Enter")
    page.wait_for_timeout(800)
    wait_idle(page)
    shot(page, "upload_metadata_edited")

    go_to(page, "Overview")
    body = page.inner_text("[data-testid='stMain']")
    assert "Articles" in body
    docs = grid_text(page, 0)
    assert "Coastal Times" in docs  # outlet from "published on X"
    assert "Harbour Daily" in docs  # edit applied (the article had no outlet before)
    assert "photo" not in docs and "empty" not in docs
    shot(page, "upload_overview")

    go_to(page, "Reader")
    page.get_by_text("Article", exact=True).first.wait_for()
    shot(page, "upload_reader")
    for title in ("Co-occurrence", "Figures", "Quotes", "Compare sources"):
        go_to(page, title)
        assert_no_error(page)
        shot(page, "upload_" + title.lower().replace(" ", "_").replace("-", ""))
    assert dialogs == []
    context.close()


def test_latin1_decoded_in_reader(server, browser):
    context, page, _ = open_yours(browser, server, "/reader")
    upload(page, [FIXTURES / "euro_wire_latin1.txt"])
    main = page.locator("[data-testid='stMain']")
    # the article's paragraphs are drawn after its header: wait for them (fails if never drawn)
    main.get_by_text("café owners", exact=False).first.wait_for(timeout=30_000)
    text = main.inner_text()
    assert "café owners" in text and "€10 million" in text
    context.close()


def test_xss_payload_is_inert(server, browser):
    context, page, dialogs = open_yours(browser, server, "/reader")
    upload(page, [FIXTURES / "xss_payload.txt", FIXTURES / "hostile.html"])
    main = page.inner_text("[data-testid='stMain']")
    assert "onerror" in main  # shown literally, as text
    assert page.locator("[data-testid='stMain'] img[src='x']").count() == 0
    for title in ("Quotes", "Overview", "Co-occurrence", "Your articles"):
        go_to(page, title)
        assert page.locator("[data-testid='stMain'] img[src='x']").count() == 0
    page.wait_for_timeout(1000)
    assert dialogs == [], dialogs
    shot(page, "xss_sources")
    context.close()


def test_sessions_are_isolated(server, browser):
    ctx_a, page_a, _ = open_yours(browser, server, "/")
    upload(page_a, [FIXTURES / "harbour_daily.txt"])
    assert "Port strike halts" in grid_text(page_a, 0)

    ctx_b, page_b, _ = open_yours(browser, server, "/")
    assert "No articles yet" in page_b.inner_text("[data-testid='stMain']")
    page_b.goto(server + "/")
    wait_idle(page_b)
    assert "Port strike halts" not in grid_text(page_b, 0)
    ctx_a.close()
    ctx_b.close()


EVIL = "http://evil.example"
PIXEL = f'<img src="{EVIL}/pixel.png"> ![pixel]({EVIL}/md.png) [click]({EVIL}/go)'


def paste(page, text: str, outlet: str, title: str) -> None:
    sidebar = page.locator("[data-testid='stSidebar']")
    form = sidebar.locator("[data-testid='stForm']").first
    if not form.is_visible():
        sidebar.get_by_text("Paste an article").click()
    form.locator("textarea").fill(text)
    inputs = form.locator("input[type='text']")
    inputs.nth(0).fill(outlet)
    inputs.nth(1).fill(title)
    form.get_by_role("button", name="Add article").click()
    page.wait_for_timeout(500)
    wait_idle(page)


def test_pasted_tracking_pixels_fetch_nothing_on_any_page(server, browser):
    """Hostile outlet, title, speaker context and quote text with an HTML image, a Markdown
    image and links: every page is opened, every request recorded, none leaves the app's
    host and no live image or link to the other host is in the page."""
    from urllib.parse import urlparse

    context, page, dialogs = open_yours(browser, server, "/")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    body = (
        f"Storm hits the coast {PIXEL}\n\n“The damage is {PIXEL} everywhere,” said Maria "
        "Lopez, a city spokeswoman. About 300 homes were damaged, Lopez said."
    )
    paste(page, body, f"Coast News {PIXEL}", f"Storm {PIXEL}")
    paste(page, body.replace("Storm hits", "A storm hit"), f"Bay Post {PIXEL}", "Storm")
    titles = ["Compare sources", "Entity", "Co-occurrence", "Figures", "Quotes", "Reader"]
    visited = 0
    for title in titles + ["Your articles", "Overview"]:
        go_to(page, title)
        assert_no_error(page)
        main = page.locator("[data-testid='stMain']")
        assert main.locator(f"img[src^='{EVIL}'], a[href^='{EVIL}']").count() == 0, title
        if title in ("Quotes", "Reader"):  # the markup is there, shown as text
            main.get_by_text(f'<img src="{EVIL}/pixel.png">').first.wait_for(timeout=30_000)
        visited += 1
    page.wait_for_timeout(1000)
    context.close()
    host = urlparse(server).hostname
    assert visited == 8 and len(requests) > 10  # every page, and the recording worked
    foreign = [u for u in requests if urlparse(u).hostname not in (host, None)]
    assert foreign == [] and dialogs == []


def test_a_ten_thousand_character_file_name_gets_its_status_row(server, browser):
    """Streamlit's upload parser refuses part headers over 4 KB by default, so a file with
    a very long name never reached the app (a red chip, no row); it now gets its row."""
    context, page, dialogs = open_yours(browser, server, "/sources")
    long_name = "a" * 10_000 + ".txt"
    text = b"Flood report\n\nAbout 1,200 residents were evacuated, officials said on Monday.\n"
    page.locator("[data-testid='stSidebar'] input[type='file']").set_input_files(
        [{"name": long_name, "mimeType": "text/plain", "buffer": text}]
    )
    page.wait_for_timeout(1000)
    wait_idle(page)
    assert_no_error(page)
    sidebar = page.inner_text("[data-testid='stSidebar']")
    assert "Error" not in sidebar and "400" not in sidebar, sidebar
    status = grid_text(page, 0)
    assert "aaaaaaaa" in status and "Analysed" in status, status
    shot(page, "upload-long-file-name")
    context.close()
    assert dialogs == []


def test_paste_box_holds_one_article_and_shows_the_limit(server, browser):
    """The paste box takes one article's worth of text (the per-article limit) and shows
    the limit; a longer paste is refused in the box, where the user sees it, instead of
    being dropped on the way to the server."""
    from lib.ingest.limits import Limits

    limit = Limits().max_doc_chars
    context, page, _ = open_yours(browser, server, "/sources")
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("Paste an article").click()
    box = sidebar.locator("[data-testid='stForm'] textarea").first
    sentence = "The river rose two metres overnight, officials said. "
    box.fill((sentence * 4_000)[:limit])
    assert len(box.input_value()) == limit
    assert f"{limit}/{limit}" in sidebar.inner_text()
    box.fill(sentence * 6_000)  # 318,000 characters: not taken
    assert len(box.input_value()) == limit
    assert f"Up to {limit:,} characters" in sidebar.inner_text()
    context.close()
