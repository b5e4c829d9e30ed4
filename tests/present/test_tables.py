"""lib.present.tables: comparison tables as safe HTML, a column per outlet (no browser)."""

from __future__ import annotations

import lxml.html
import pandas as pd

from lib.present.tables import MAX_ROWS, claims_table_html, count_matrix_html

HOSTILE = '<img src=x onerror=alert(1)> "quoted" & [link](javascript:alert(1))'


def parse(markup: str):
    return lxml.html.fromstring(markup).xpath("//table")[0]


def test_count_matrix_has_a_column_per_outlet_in_order_and_escapes_everything():
    outlets = ["Daily Alpha", HOSTILE]
    table = pd.DataFrame(
        {"entity": ["Jane Doe", HOSTILE], "type": ["Person", HOSTILE], "Daily Alpha": [3, 0],
         HOSTILE: [1, 2], "mentions": [4, 2], "written": ["Doe ×3, Jane Doe ×1", HOSTILE]}
    )  # fmt: skip
    markup = count_matrix_html(
        table, "entity", "Entity", outlets, name="compare", sub="type",
        extra={"mentions": "Mentions"}, forms="written",
        notes={HOSTILE: HOSTILE}, cell_notes={("Jane Doe", "Daily Alpha"): "Doe ×3"},
    )  # fmt: skip
    assert "<img" not in markup and "<a " not in markup
    assert "&lt;img src=x onerror=alert(1)&gt;" in markup
    t = parse(markup)
    assert t.get("data-table") == "compare"
    heads = t.xpath(".//thead/tr/th")
    assert [h.get("data-outlet") for h in heads if h.get("data-outlet")] == outlets
    texts = [h.text_content() for h in heads]
    assert texts[:2] + texts[3:] == ["Entity", "Daily Alpha", "Mentions", "Written as"]
    assert texts[2] == HOSTILE[:39] + "…"  # a long name is shortened, in full on hover
    assert heads[2].get("title") == HOSTILE and heads[2].get("data-outlet") == HOSTILE
    first, second = t.xpath(".//tbody/tr")
    assert [c.text_content() for c in first] == ["Jane DoePerson", "3", "1", "4",
                                                 "Doe ×3, Jane Doe ×1"]  # fmt: skip
    assert first[1].get("title") == "Daily Alpha: Doe ×3"  # how that outlet wrote the name
    assert "cl-zero" in second[1].get("class")  # a 0 is drawn faint
    assert second[0].text_content() == HOSTILE + HOSTILE  # the name shown literally


def test_count_matrix_draws_at_most_max_rows():
    n = MAX_ROWS + 7
    table = pd.DataFrame({"speaker": [f"S{i}" for i in range(n)], "A": [1] * n})
    rows = parse(count_matrix_html(table, "speaker", "Speaker", ["A"], name="speakers"))
    assert len(rows.xpath(".//tbody/tr")) == MAX_ROWS


def test_claims_table_lists_each_figure_with_its_source_and_dashes_for_silence():
    summary = pd.DataFrame(
        {"claim_id": ["C01", "C02"], "counted": ["people evacuated", HOSTILE],
         "status": ["conflict", "single source"]}
    )  # fmt: skip
    cells = pd.DataFrame(
        {"claim_id": ["C01", "C01", "C01", "C02"], "outlet": ["A", "A", "B", "B"],
         "figure": ["~5,000", "6,000", "1,200", "≥3"], "said_by": ["Jane Smith", "", HOSTILE, ""]}
    )  # fmt: skip
    markup = claims_table_html(summary, cells, ["A", "B", "C"], notes={"C": "Article 3 · x.txt"})
    assert "<img" not in markup
    t = parse(markup)
    assert [h.get("data-outlet") for h in t.xpath(".//thead/tr/th[@data-outlet]")] == [
        "A", "B", "C"
    ]  # fmt: skip
    assert t.xpath(".//thead/tr/th[@data-outlet='C']")[0].get("title") == "Article 3 · x.txt"
    c01, c02 = t.xpath(".//tbody/tr")
    assert c01[0].text_content() == "C01people evacuatedconflict"
    assert c01.xpath(".//span[contains(@class, 'cl-conflict')]")
    assert [d.text_content() for d in c01[1].xpath("./div")] == ["~5,000Jane Smith", "6,000"]
    assert c01[2].text_content() == "1,200" + HOSTILE
    assert c01[3].text_content() == "—" and c02[1].text_content() == "—"
    assert c02[0].text_content() == "C02" + HOSTILE + "single source"


def test_rows_table_wraps_records_with_lines_under_values_and_escapes_everything():
    from lib.present.tables import rows_table_html

    rows = pd.DataFrame(
        {"figure": ["≥600,000", HOSTILE], "text": ["over 600,000", HOSTILE],
         "exact": ["600,000", ""], "words": [1200.0, 3.0],
         "sentence": ["NATO said over 600,000 were hurt.", HOSTILE]}
    )  # fmt: skip
    markup = rows_table_html(
        rows,
        [("figure", "Figure"), ("words", "Words"), ("sentence", HOSTILE)],
        name="figures",
        subs={"figure": [("text", "As written"), ("exact", "Exact value")]},
        numeric=("words",),
        wide=("sentence",),
        marks={"sentence": "text"},
        titles={"figure": {"≥600,000": HOSTILE}},
        helps={"words": HOSTILE},
    )
    table = parse(markup)
    assert table.get("data-table") == "figures" and "cl-rows" in table.get("class")
    assert [th.text_content() for th in table.xpath(".//thead//th")] == ["Figure", "Words", HOSTILE]
    first, second = table.xpath(".//tbody/tr")
    cells = first.xpath("./th|./td")
    assert cells[0].text_content() == "≥600,000As written: over 600,000Exact value: 600,000"
    assert cells[0].get("title") == HOSTILE and cells[1].text_content() == "1,200"
    assert cells[2].xpath(".//mark")[0].text_content() == "over 600,000"
    assert "Exact value" not in second.text_content()  # empty lines are left out
    assert HOSTILE in second.text_content()
    assert not table.xpath(".//img|.//a|.//script")  # nothing live


def test_rows_table_draws_at_most_max_rows():
    from lib.present.tables import rows_table_html

    rows = pd.DataFrame({"a": range(MAX_ROWS + 5)})
    assert len(parse(rows_table_html(rows, [("a", "A")], name="x")).xpath(".//tbody/tr")) == (
        MAX_ROWS
    )


def test_entity_bars_one_row_per_outlet_segments_by_type_and_escaped():
    from lib.present.bars import entity_bars_html

    table = pd.DataFrame(
        {"outlet": ["Alpha", "Alpha", HOSTILE], "label": ["PERSON", "GPE", "PERSON"],
         "entities": [4, 12, 2]}
    )  # fmt: skip
    markup = entity_bars_html(table, ["Alpha", HOSTILE, "Silent"], notes={"Alpha": HOSTILE})
    root = lxml.html.fromstring(markup)
    bars = root.xpath("//div[@data-chart='entities-per-outlet']")[0]
    rows = bars.xpath(".//div[contains(@class,'cl-bar ')]|.//div[@class='cl-bar']")
    assert [r.get("data-outlet") for r in rows] == ["Alpha", HOSTILE, "Silent"]
    alpha = rows[0].xpath(".//span[@class='cl-seg']")
    assert [s.get("data-label") for s in alpha] == ["PERSON", "GPE"]
    assert "width:100.00%" not in alpha[0].get("style") and alpha[1].text_content() == "12"
    assert rows[0].xpath(".//span[@class='cl-bar-total']")[0].text_content() == "16"
    assert rows[2].xpath(".//span[@class='cl-seg']") == [] and "Country" in bars.text_content()
    assert rows[0].xpath(".//div[@class='cl-bar-name']")[0].get("title") == HOSTILE
    assert not root.xpath("//img|//a|//script")


def test_headline_numbers_are_escaped_and_labelled():
    from lib.present.bars import stats_html

    root = lxml.html.fromstring(stats_html([("Articles", 1200), (HOSTILE, 3)]))
    stats = root.xpath("//div[@class='cl-stat']")
    assert [s.get("data-stat") for s in stats] == ["Articles", HOSTILE]
    assert stats[0].xpath("./b")[0].text_content() == "1,200"
    assert not root.xpath("//img|//a|//script")
