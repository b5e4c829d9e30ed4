"""lib.present.charts: figure objects, asserted without a browser."""

from __future__ import annotations

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
    assert cooccurrence_heatmap(matrix() / 12, "jaccard").data[0].colorbar.title.text == (
        "overlap (Jaccard)"
    )
    npmi = cooccurrence_heatmap(matrix() / 12, "npmi").data[0]
    assert npmi.colorbar.title.text == "association (NPMI)" and npmi.zmid == 0
