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
