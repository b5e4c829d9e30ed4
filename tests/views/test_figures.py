"""lib.views.figures: figure labels and the claim x outlet table."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.present.charts import claim_chart
from lib.resolve.claims import build_claims
from lib.views.figures import claim_summary, format_figure
from tests.helpers import seed_rows


def test_seed_summary_table(seed_figures):
    claims = build_claims(seed_rows(seed_figures))
    outlets = list(dict.fromkeys(seed_rows(seed_figures)["outlet"]))
    table = claim_summary(claims, outlets)
    assert list(table.columns) == ["claim_id", "counted", "status", *outlets]
    first = table.iloc[0]
    assert first["status"] == "agree"
    cells = [first[o] for o in outlets]
    assert sum(c.startswith("≥600,000") for c in cells) == 4
    assert cells.count("—") == 1


def test_flood_summary(flood_claims):
    table = claim_summary(flood_claims, ["Daily Alpha", "Beta News", "Gamma Times", "Delta"])
    row = table[table["counted"].str.contains("evacuated")].iloc[0]
    assert row["Daily Alpha"] == "~5,000 (Jane Smith)"
    assert row["Beta News"] == "~5,000"  # "nearly 5,000": approximate, just under
    assert row["Delta"] == "—"


@pytest.mark.parametrize(
    ("args", "label"),
    [
        ((3000, 3000, "approx", ""), "~3,000"),
        ((10000, 10000, "at_most", ""), "≤10,000"),
        ((600000, 600000, "at_least", ""), "≥600,000"),
        ((1500, 3000, "range", ""), "1,500–3,000"),
        ((5.7e9, 5.7e9, "exact", "USD"), "$5.7 billion"),
        ((3e6, 3e6, "exact", "EUR"), "€3 million"),
        ((12, 12, "exact", "%"), "12%"),
        ((10, 15, "range", "%"), "10%–15%"),
        ((1000, 1000, "vague", ""), "thousands"),
        ((1.5e6, 1.5e6, "exact", ""), "1.5 million"),
        ((150, 150, "at_most", "km/h"), "≤150 km/h"),
        ((0.9, 0.9, "exact", "GBP"), "£0.90"),
        ((90, 90, "exact", "penny"), "90 pence"),
        ((9, 9, "approx", "cent"), "~9 cents"),
        ((38.1, 38.1, "exact", "USD"), "$38.10"),
    ],
)
def test_format_figure(args, label):
    assert format_figure(*args) == label


def test_summary_and_chart_tolerate_missing_speakers():
    rows = pd.DataFrame(
        [
            dict(
                claim_id="C01",
                counted="cars",
                status="conflict",
                outlet="A",
                doc_id="a",
                value=10.0,
                value_max=10.0,
                qualifier="exact",
                unit="",
                text="10",
                said_by=None,
                sentence="",
            ),
            dict(
                claim_id="C01",
                counted="cars",
                status="conflict",
                outlet="B",
                doc_id="b",
                value=12.0,
                value_max=12.0,
                qualifier="at_least",
                unit="",
                text="over 12",
                said_by=float("nan"),
                sentence="",
            ),
        ]
    )
    table = claim_summary(rows, ["A", "B"])
    assert table.iloc[0][["A", "B"]].tolist() == ["10", "≥12"]
    hover = " ".join(t for trace in claim_chart(rows).data for t in trace.hovertext)
    assert "nan" not in hover and "None" not in hover


def test_exact_values_and_change_labels():
    from lib.views.figures import exact_value

    assert exact_value(6.6) == "6.6"
    assert exact_value(43_885_310) == "43,885,310"
    assert exact_value(1500, 3000) == "1,500–3,000"
    assert format_figure(240, 273, "change", "") == "240 → 273"


def test_figure_rows_hide_counts_of_one_until_asked(flood_claims):
    import pandas as pd

    from lib.views.figures import figure_rows

    figs = pd.DataFrame(
        dict(outlet=["A", "A"], text=["one", "6.6"], value=[1.0, 6.6], value_max=[1.0, 6.6],
             qualifier=["exact", "exact"], unit=["", "magnitude"], kind=["one", "measure"],
             counted=["resident", "quake"], said_by=["", ""], said_by_how=["", ""],
             sentence=["s", "s"], predicate=["", "strike"], time_scope=["", ""])
    )  # fmt: skip
    shown = figure_rows(figs, ["exact"])
    assert list(shown["text"]) == ["6.6"] and list(shown["exact_value"]) == ["6.6"]
    assert list(figure_rows(figs, ["exact"], kinds=["one", "measure"])["text"]) == ["one", "6.6"]


def test_claim_cells_one_row_per_distinct_figure_in_claim_and_outlet_order():
    from lib.views.figures import claim_cells

    claims = pd.DataFrame(
        {"claim_id": ["C02", "C01", "C01", "C01", "C01"],
         "outlet": ["A", "B", "A", "A", "Z"], "value": [3.0, 5000.0, 5000.0, 5000.0, 1.0],
         "value_max": [3.0, 5000.0, 5000.0, 5000.0, 1.0],
         "qualifier": ["exact", "approx", "approx", "approx", "exact"],
         "unit": [""] * 5, "said_by": [None, "Jane Smith", "", "", ""],
         "low": [2.51, 4500.0, 4500.0, 4500.0, 1.0], "high": [3.49, 5500.0, 5500.0, 5500.0, 1.0]}
    )  # fmt: skip
    cells = claim_cells(claims, ["A", "B"])
    assert cells.to_dict("records") == [
        {"claim_id": "C02", "outlet": "A", "figure": "3", "said_by": "", "interval": "2.51–3.49"},
        {"claim_id": "C01", "outlet": "A", "figure": "~5,000", "said_by": "",
         "interval": "4,500–5,500"},
        {"claim_id": "C01", "outlet": "B", "figure": "~5,000", "said_by": "Jane Smith",
         "interval": "4,500–5,500"},
    ]  # outlet Z is not compared; a figure given twice by A is listed once  # fmt: skip


def test_claims_table_shows_intervals_on_demand_and_the_differ_badge():
    from lib.present.tables import claims_table_html
    from lib.views.figures import claim_cells, claim_summary

    claims = pd.DataFrame(
        {"claim_id": ["C01", "C01"], "counted": ["jobs"] * 2, "status": ["differ"] * 2,
         "outlet": ["A", "B"], "value": [139e6, 140_937_785.0],
         "value_max": [139e6, 140_937_785.0], "qualifier": ["exact"] * 2, "unit": ["USD"] * 2,
         "said_by": ["", ""], "low": [138.51e6, 140_937_784.51],
         "high": [139.49e6, 140_937_785.49]}
    )  # fmt: skip
    summary, cells = claim_summary(claims, ["A", "B"]), claim_cells(claims, ["A", "B"])
    hidden = claims_table_html(summary, cells, ["A", "B"])
    shown = claims_table_html(summary, cells, ["A", "B"], intervals=True)
    assert 'class="cl-badge cl-differ">differ<' in hidden
    assert 'title="stands for $138.5 million–$139.5 million"' in hidden
    assert "= $138.5 million–$139.5 million" in shown and "= $138.5" not in hidden


def test_figure_rows_mark_counted_phrases_read_from_context():
    from lib.views.figures import figure_rows

    figs = pd.DataFrame(
        dict(outlet=["A", "B"], text=["8%", "300"], value=[8.0, 300.0], value_max=[8.0, 300.0],
             qualifier=["exact", "exact"], unit=["%", ""], kind=["percent", "count"],
             counted=["Zentrix shares", "workers"], counted_how=["context", "noun"],
             said_by=["", ""], said_by_how=["", ""], sentence=["s", "s"],
             predicate=["", ""], time_scope=["", ""])
    )  # fmt: skip
    shown = figure_rows(figs, ["exact"])
    assert list(shown["counted"]) == ["Zentrix shares (from context)", "workers"]


@pytest.mark.parametrize(
    "args, label",
    [
        ((3.0, 3.0, "exact", "day"), "3 days"),
        ((1.0, 1.0, "exact", "day"), "1 day"),
        ((3.0, 3.0, "approx", "decade"), "~3 decades"),
        ((2.0, 3.0, "range", "century"), "2 centuries–3 centuries"),
        ((38.0, 38.0, "exact", "word"), "38 words"),
        ((5.0, 5.0, "exact", "km"), "5 km"),
        ((6.6, 6.6, "exact", "magnitude"), "magnitude 6.6"),
        ((70.0, 70.0, "exact", "mph"), "70 mph"),
    ],
)
def test_units_read_as_written(args, label):
    assert format_figure(*args) == label


def test_a_link_to_a_claim_whose_status_changed_still_finds_it():
    from lib.views.figures import linked_claim

    labels = {"C01": "C01 · soldiers killed (single source)", "C02": "C02 · troops (agree)"}
    assert linked_claim("C01 · soldiers killed (agree)", labels) == "C01"
    assert linked_claim("C09 · tanks (agree)", labels) is None
