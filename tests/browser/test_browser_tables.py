"""The comparison tables on a 1024×768 projector (and at 1440×900): every selected outlet is
drawn as a readable, uncut column of the Compare, Figures (claims) and Quotes (speakers)
tables, with a cell of its own in view."""

from __future__ import annotations

import pytest

from tests.browser.helpers import SHOTS, assert_no_error, wait_idle

pytestmark = pytest.mark.browser

TABLES = [("compare", "compare"), ("figures", "claims"), ("quotes", "speakers"), ("facts", "facts")]
SIZES = [(1024, 768), (1440, 900)]


def chosen_outlets(page) -> list[str]:
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']")
    box.locator("[data-tag]").first.wait_for(timeout=30_000)
    return [tag.get_attribute("aria-label") for tag in box.locator("[data-tag]").all()]


def outlet_columns(page, name: str) -> dict[str, dict]:
    """Each outlet header of table ``name``: its text, box, whether its text is cut, and the
    box of the first row's cell in that column."""
    table = page.locator(f"table[data-table='{name}']")
    table.wait_for(timeout=60_000)
    table.evaluate("t => t.closest('.cl-wrap').scrollIntoView({block: 'center'})")
    page.wait_for_timeout(300)
    return table.evaluate(
        """t => {
          const out = {};
          const heads = [...t.querySelectorAll('thead th')];
          const first = t.querySelector('tbody tr');
          heads.forEach((th, i) => {
            if (!th.dataset.outlet) return;
            const cell = first ? first.children[i] : null;
            const box = r => { const b = r.getBoundingClientRect();
              return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
            out[th.dataset.outlet] = {
              text: th.innerText.replace(/\\s+/g, ' ').trim(),
              head: box(th), cell: cell ? box(cell) : null,
              cut: th.scrollWidth > th.clientWidth + 1,
            };
          });
          return out;
        }"""
    )


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_selected_outlet_is_visible_in_each_comparison_table(server, browser, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    checked = 0
    for path, name in TABLES:
        page.goto(f"{server}/{path}")
        wait_idle(page)
        assert_no_error(page)
        outlets = chosen_outlets(page)
        assert len(outlets) == 5  # the five seed articles
        main = page.locator("[data-testid='stMain']").bounding_box()
        columns = outlet_columns(page, name)
        assert list(columns) == outlets, (name, list(columns))
        for outlet, col in columns.items():
            assert col["text"] == outlet and not col["cut"], (name, col)
            for part in ("head", "cell"):
                box = col[part]
                assert box and main["x"] <= box["left"] and box["right"] <= width, (name, col)
                assert 0 <= box["top"] and box["bottom"] <= height, (name, part, col)
            checked += 1
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"table_{name}_{width}.png"))
    assert checked == 5 * len(TABLES)
    context.close()


def multiselect_clipping(page, where: str) -> list[dict]:
    """Each multiselect under ``where``: its chips and whether any is cut off (outside the
    box's visible area) or hidden behind a scroll inside the box."""
    page.locator(f"{where} [data-testid='stMultiSelect'] [data-tag]").first.wait_for(timeout=30_000)
    return page.locator(where).first.evaluate(
        """root => [...root.querySelectorAll('[data-testid="stMultiSelect"]')].map(ms => {
          const combo = ms.querySelector('.react-aria-ComboBox');
          const view = combo.getBoundingClientRect();
          const inner = combo.querySelector(':scope > div > div');
          const tags = [...ms.querySelectorAll('[data-tag]')];
          const cut = tags.filter(t => { const b = t.getBoundingClientRect();
            return b.left < view.left - 1 || b.right > view.right + 1
              || b.top < view.top - 1 || b.bottom > view.bottom + 1; });
          return {chips: tags.map(t => t.getAttribute('aria-label')),
                  cut: cut.map(t => t.getAttribute('aria-label')),
                  scrolls: inner.scrollHeight > inner.clientHeight + 1
                    || inner.scrollWidth > inner.clientWidth + 1};
        })"""
    )


def sideways(page, name: str, width: int) -> dict:
    """Table ``name``: does its frame scroll sideways, and which headers end past ``width``."""
    table = page.locator(f"[data-testid='stMain'] table[data-table='{name}']")
    table.wait_for(timeout=60_000)
    return table.evaluate(
        """(t, width) => {
          const wrap = t.closest('.cl-wrap');
          const heads = [...t.querySelectorAll('thead th')];
          return {scrolls: wrap.scrollWidth > wrap.clientWidth + 1,
                  past: heads.filter(h => h.getBoundingClientRect().right > width + 1)
                    .map(h => h.innerText),
                  heads: heads.map(h => h.innerText.replace(/\\s+/g, ' '))};
        }""",
        width,
    )


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_filters_and_record_tables_fit_without_cutting_or_sideways_scrolling(
    server, browser, width, height
):
    """The sidebar outlet box shows every chosen outlet, the entity-type and figure filters
    every chosen option, and the Overview's articles, all figures and all quotes tables fit
    the page (their text wraps) with every header in view."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    checked = []
    for path, table, filters in [
        ("", "articles", 0),
        ("compare", None, 1),
        ("cooccurrence", None, 1),
        ("figures", "figures", 2),
        ("quotes", "quotes", 0),
    ]:
        page.goto(f"{server}/{path}")
        wait_idle(page)
        assert_no_error(page)
        (outlets,) = multiselect_clipping(page, "[data-testid='stSidebar']")
        assert len(outlets["chips"]) == 5 and outlets["cut"] == [] and not outlets["scrolls"]
        if filters:
            boxes = multiselect_clipping(page, "[data-testid='stMain']")
            assert len(boxes) == filters, path
            for box in boxes:
                assert box["chips"] and box["cut"] == [] and not box["scrolls"], (path, box)
        if table:
            fit = sideways(page, table, width)
            assert not fit["scrolls"] and fit["past"] == [], (table, fit)
            checked.append(table)
        page.screenshot(path=str(SHOTS / f"fit_{path or 'overview'}_{width}.png"))
    page.goto(f"{server}/")
    wait_idle(page)
    heads = sideways(page, "articles", width)["heads"]
    assert {"Byline", "Words", "Entities"} <= set(heads)
    assert checked == ["articles", "figures", "quotes"]
    context.close()
