"""Classroom polish on a 1024×768 projector, in a real browser: a link to uploaded articles
explains itself and a shared bundle brings its view back; a readable heatmap whose clicked
cell is in the link; "Analysing 3 articles…" while uploads are analysed; reporting verbs as
written and a claim link that is not in view; downloads on the Overview and the Reader.

Screenshots land in ``artifacts/screenshots/classroom_*.png``.
"""

from __future__ import annotations

import io
import urllib.parse

import pandas as pd
import pytest

from tests.browser.helpers import (
    ROOT,
    assert_no_error,
    shot,
    streamlit_server,
    wait_idle,
)

pytestmark = pytest.mark.browser
PROJECTOR = {"width": 1024, "height": 768}
FIXTURES = ROOT / "tests" / "fixtures" / "upload"
MAIN = "[data-testid='stMain']"
SIDEBAR = "[data-testid='stSidebar']"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=PROJECTOR, accept_downloads=True)
    pg = context.new_page()
    yield pg
    context.close()


def upload(page, paths) -> None:
    page.locator(f"{SIDEBAR} input[type='file']").set_input_files([str(p) for p in paths])


def chips(page, where: str = SIDEBAR) -> list[str]:
    box = page.locator(f"{where} [data-testid='stMultiSelect']").first
    box.locator("[data-tag]").first.wait_for(timeout=30_000)
    return [tag.get_attribute("aria-label") for tag in box.locator("[data-tag]").all()]


def shared_bundle(tmp_path):
    """A bundle the sender downloaded: two articles with their outlets."""
    from lib.corpus.parse import parse_document
    from lib.ingest.bundles import write_bundle

    docs = [
        parse_document("harbour", (FIXTURES / "harbour_daily.txt").read_text(), {"outlet": o})
        if o == "Harbour Daily"
        else parse_document("coastal", (FIXTURES / "coastal_times.md").read_text(), {"outlet": o})
        for o in ("Harbour Daily", "Coastal Times")
    ]
    path = tmp_path / "coverage-lens-bundle.zip"
    path.write_bytes(write_bundle(docs))
    return path


def test_a_link_to_uploads_says_they_were_private_and_the_bundle_brings_the_view(
    server, page, tmp_path
):
    link = f"{server}/cooccurrence?source=Your+articles&outlet=Harbour+Daily&co_window=paragraph"
    page.goto(link)
    wait_idle(page)
    main = page.inner_text(MAIN)
    assert "uploads are private" in main and "Download bundle" in main
    assert "No articles yet" not in main
    shot(page, "classroom_link_to_uploads")

    upload(page, [shared_bundle(tmp_path)])
    page.wait_for_function(
        "() => document.querySelector(\"[data-testid='stMain'] .js-plotly-plot\")",
        timeout=120_000,
    )
    wait_idle(page)
    assert_no_error(page)
    assert chips(page) == ["Harbour Daily"]  # the link's outlets
    assert "1 of 2 outlets" in page.inner_text(SIDEBAR)
    window = page.locator(f"{MAIN} [data-testid='stSelectbox']").first
    assert "paragraph" in window.text_content() + window.inner_html()  # the link's settings
    shot(page, "classroom_link_after_bundle")


def cell_boxes(page, plot: int) -> dict:
    """The printed numbers of heatmap ``plot`` (their boxes) and the size of one cell."""
    return (
        page.locator(f"{MAIN} .js-plotly-plot")
        .nth(plot)
        .evaluate(
            """p => {
          const box = e => { const b = e.getBoundingClientRect();
            return {l: b.left, r: b.right, t: b.top, b: b.bottom, w: b.width, h: b.height}; };
          const texts = [...p.querySelectorAll('.heatmaplayer text')]
            .filter(t => t.textContent.trim()).map(t => ({text: t.textContent, ...box(t)}));
          const image = box(p.querySelector('.heatmaplayer image'));
          const n = new Set([...p.querySelectorAll('.yaxislayer-above .ytick')]
            .map(t => t.textContent).filter(t => t)).size;
          const ticks = [...p.querySelectorAll('.colorbar .cbaxis text, .colorbar text')]
            .map(t => t.textContent);
          return {texts, cell_w: image.w / n, cell_h: image.h / n, n, ticks};
        }"""
        )
    )


def assert_readable(cells: dict) -> None:
    texts = cells["texts"]
    assert texts, "the cells carry numbers"
    for t in texts:
        assert t["w"] <= cells["cell_w"] and t["h"] <= cells["cell_h"] + 2, t
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            apart = a["r"] <= b["l"] + 0.5 or b["r"] <= a["l"] + 0.5
            apart = apart or a["b"] <= b["t"] + 0.5 or b["b"] <= a["t"] + 0.5
            assert apart, (a, b)  # no two numbers print over each other


def test_heatmap_numbers_are_readable_and_the_clicked_cell_is_in_the_link(server, browser):
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    query = urllib.parse.urlencode({"co_metric": "More often than chance", "co_top_n": 20})
    page.goto(f"{server}/cooccurrence?{query}")
    wait_idle(page)
    page.wait_for_selector(f"{MAIN} .js-plotly-plot .heatmaplayer", timeout=60_000)
    assert_no_error(page)
    heat = cell_boxes(page, 0)
    assert heat["n"] == 20
    assert_readable(heat)
    assert any("more often than chance" in t for t in heat["ticks"])
    shot(page, "classroom_heatmap_npmi_20")

    diff = cell_boxes(page, 1)  # A − B for two outlets: numbers and a key naming both
    assert_readable(diff)
    assert all(t["text"][0] in "+−" for t in diff["texts"])
    outlet_a, outlet_b = chips(page)[:2]  # the outlets A and B chosen by default
    key = " ".join(diff["ticks"])
    assert f"more in{outlet_a}" in key and f"more in{outlet_b}" in key
    assert "names the pair together more often" in page.inner_text(MAIN)

    cell = page.locator(f"{MAIN} .js-plotly-plot .scatterlayer .point").nth(1).bounding_box()
    page.mouse.click(cell["x"] + cell["width"] / 2, cell["y"] + cell["height"] / 2)
    page.wait_for_timeout(500)
    wait_idle(page)
    page.wait_for_function("() => location.search.split('co_pair=').length === 3")
    evidence = page.locator(f"{MAIN} [data-testid='stMarkdown']", has_text="sentence(s)")
    pair = evidence.first.inner_text()
    link = page.url
    context.close()

    fresh = browser.new_context(viewport=PROJECTOR)
    colleague = fresh.new_page()
    colleague.goto(link)
    wait_idle(colleague)
    colleague.wait_for_selector(f"{MAIN} .js-plotly-plot .heatmaplayer", timeout=60_000)
    text = colleague.inner_text(MAIN)
    assert pair in text and "Showing the strongest pair" not in text
    shot(colleague, "classroom_heatmap_from_link")
    fresh.close()


def test_upload_screen_says_analysing_while_it_works(browser):
    """A new server (its parse worker not started yet): while three uploads are analysed the
    page says "Analysing 3 articles…" with a progress bar, never "No articles yet", and the
    sidebar says so where the outlet filter will be, never "0 of 0 outlets"."""
    files = [FIXTURES / n for n in ("harbour_daily.txt", "coastal_times.md", "hostile.html")]
    with streamlit_server() as url:
        context = browser.new_context(viewport=PROJECTOR)
        page = context.new_page()
        page.goto(url + "/?source=Your+articles")
        wait_idle(page)
        assert "outlet filter appears here once" in page.inner_text(SIDEBAR)
        upload(page, files)
        page.wait_for_function(
            "() => (document.querySelector(\"[data-testid='stMain']\") || {}).innerText"
            "?.includes('Analysing 3 articles…')",
            timeout=60_000,
            polling=50,
        )
        main, side = page.inner_text(MAIN), page.inner_text(SIDEBAR)
        assert "No articles yet" not in main + side and "0 of 0 outlets" not in side
        assert "Analysing 3 articles…" in side
        assert page.locator(f"{MAIN} [data-testid='stProgress']").count() == 1
        shot(page, "classroom_analysing")
        wait_idle(page, timeout=180_000)
        page.locator(f"{MAIN} table[data-table='articles']").wait_for(timeout=60_000)
        assert "Analysing" not in page.inner_text(MAIN) + page.inner_text(SIDEBAR)
        assert "3 articles" in page.inner_text(SIDEBAR)
        shot(page, "classroom_analysed")
        context.close()


def column_texts(page, table: str, column: str) -> list[str]:
    return page.locator(f"{MAIN} table[data-table='{table}']").evaluate(
        """(t, col) => {
          const i = [...t.querySelectorAll('thead th')].findIndex(th => th.dataset.col === col);
          return [...t.querySelectorAll('tbody tr')].map(r => r.children[i].innerText);
        }""",
        column,
    )


def test_reporting_verbs_as_written_and_a_claim_link_not_in_view(server, page):
    page.goto(server + "/quotes")
    wait_idle(page)
    verbs = set(column_texts(page, "quotes", "verb_text"))
    assert {"told", "labeling", "characterized"} <= verbs
    assert not {"tell", "label", "characterize"} & verbs
    assert page.locator(f"{MAIN} [data-testid='stExpander']", has_text="· labeling").count()
    shot(page, "classroom_quotes_verbs")

    label = urllib.parse.quote("C99 · dragons sighted (agree)")
    page.goto(f"{server}/figures?figures_claim={label}")
    wait_idle(page)
    warning = page.locator(f"{MAIN} [data-testid='stAlert']").first.inner_text()
    assert "dragons sighted" in warning and "is not in this view" in warning
    shot(page, "classroom_claim_not_in_view")


def download(page, name: str) -> bytes:
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name=name).first.click()
    return info.value.path().read_bytes()


def test_overview_and_reader_downloads_and_the_bundle_note(server, page):
    page.goto(server + "/")
    wait_idle(page)
    articles = pd.read_csv(io.BytesIO(download(page, "Download CSV")), encoding="utf-8-sig")
    assert list(articles.columns[:6]) == [
        "Outlet", "Title", "Published", "Byline", "Words", "Entities",
    ]  # fmt: skip
    assert len(articles) == 5

    page.goto(server + "/reader")
    wait_idle(page)
    text = download(page, "Download text").decode("utf-8")
    assert text.startswith("Outlet: ") and "North Korean" in text
    entities = pd.read_csv(io.BytesIO(download(page, "Download entities (CSV)")))
    assert {"Entity", "Type", "As written", "Start", "End"} <= set(entities.columns)
    body = text.split("\n\n", 1)[1]
    first = entities.iloc[0]
    assert body[int(first["Start"]) : int(first["End"])] == first["As written"]
    shot(page, "classroom_reader_downloads")

    page.goto(server + "/sources")
    wait_idle(page)
    assert "keeps them" in page.inner_text(MAIN)  # renamed outlets: the bundle keeps them
    shot(page, "classroom_sources_rename_note")
