"""lib.present.charts: figure objects, asserted without a browser."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.present.charts import cooccurrence_heatmap


def matrix():
    names = ["NATO", "Ukraine", "Russia"]
    return pd.DataFrame([[0, 3, 7], [3, 0, 12], [7, 12, 0]], index=names, columns=names)


def test_heatmap_speaks_words_and_counts_in_whole_numbers():
    fig = cooccurrence_heatmap(matrix(), "count", "paragraph")
    assert isinstance(fig, go.Figure)
    heat = fig.data[0]
    assert heat.colorbar.title.text == "paragraphs together"
    assert heat.colorbar.tickformat == "d" and float(heat.colorbar.dtick).is_integer()
    assert "Ukraine × Russia<br>paragraphs together: 12" in heat.customdata[1][2]


def test_heatmap_measures_have_reader_names():
    jaccard = cooccurrence_heatmap(matrix() / 12, "jaccard", "paragraph").data[0]
    assert jaccard.colorbar.title.text == "share of paragraphs together"
    npmi = cooccurrence_heatmap(matrix() / 12, "npmi").data[0]
    assert npmi.colorbar.title.text == "more often than chance" and npmi.zmid == 0


def test_the_exact_measure_names_are_in_the_help():
    from lib.views.cooccur import METRIC_HELP, METRIC_LABELS

    assert "Jaccard" in METRIC_HELP["jaccard"] and "NPMI" in METRIC_HELP["npmi"]
    assert not any("jaccard" in v.lower() or "npmi" in v.lower() for v in METRIC_LABELS.values())


def test_cell_numbers_are_short_enough_for_twenty_entities():
    from lib.present.charts import cell_text

    assert [cell_text(v, "npmi") for v in (0.53, -0.21, 1.0, -1.0, 0.04, -0.04)] == [
        ".5", "−.2", "1", "−1", "0", "0",
    ]  # fmt: skip
    assert [cell_text(v, "jaccard") for v in (0.234, 1.0, 0.0)] == ["23%", "100%", "0%"]
    assert cell_text(12.0, "count") == "12"
    names = [f"Entity {i}" for i in range(20)]
    values = np.random.default_rng(0).uniform(-1, 1, (20, 20))
    fig = cooccurrence_heatmap(pd.DataFrame(values, index=names, columns=names), "npmi")
    heat = fig.data[0]
    assert heat.texttemplate == "%{text}" and heat.textfont.size <= 10
    assert max(len(t) for row in heat.text for t in row) <= 3
    many = [f"E{i}" for i in range(21)]
    big = cooccurrence_heatmap(pd.DataFrame(1.0, index=many, columns=many), "count").data[0]
    assert big.texttemplate is None  # too many cells for numbers: hover only


def test_a_chosen_cell_is_drawn_selected():
    fig = cooccurrence_heatmap(matrix(), "count", selected=("Ukraine", "Russia"))
    cells = fig.data[1]
    assert list(cells.selectedpoints) == [1 * 3 + 2]
    assert cells.x[5] == "Russia" and cells.y[5] == "Ukraine"
    outline = fig.data[2]  # drawn around the chosen cell
    assert (outline.x, outline.y, outline.marker.symbol) == (
        ("Russia",),
        ("Ukraine",),
        "square-open",
    )
    assert (
        cooccurrence_heatmap(matrix(), selected=("Nobody", "Russia")).data[1].selectedpoints is None
    )


def test_outlet_difference_has_numbers_and_a_key_naming_both_outlets():
    from lib.present.charts import difference_heatmap

    diff = pd.DataFrame([[0, 2, -1], [2, 0, 0], [-1, 0, 0]], index=list("ABC"), columns=list("ABC"))
    heat = difference_heatmap(diff, "The <b>Daily</b>", "Wire").data[0]
    assert [list(r) for r in heat.text] == [["", "+2", "−1"], ["+2", "", ""], ["−1", "", ""]]
    ticks = " ".join(heat.colorbar.ticktext)
    assert "more in<br>The &lt;b&gt;Daily&lt;/b&gt;" in ticks and "more in<br>Wire" in ticks
