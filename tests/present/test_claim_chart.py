"""lib.present.charts.claim_chart: one claim's values per outlet, as a figure object."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.present.charts import claim_chart


def claim_of(claims, value):
    cid = claims.loc[claims["value"] == value, "claim_id"].iloc[0]
    return claims[claims["claim_id"] == cid]


def test_claim_chart(flood_claims):
    rows = claim_of(flood_claims, 6000)
    fig = claim_chart(rows)
    assert isinstance(fig, go.Figure)
    assert fig.layout.xaxis.title.text == "Value"
    assert fig.layout.yaxis.title.text == "Outlet"
    hover = " ".join(t for trace in fig.data for t in trace.hovertext)
    assert "Jane Smith" in hover
    assert {trace.name for trace in fig.data} == {"approximately"}  # "about", "nearly", "some"


def test_claim_chart_range_segment():
    rows = pd.DataFrame(
        [
            dict(
                outlet="A",
                value=1500.0,
                value_max=3000.0,
                qualifier="range",
                unit="",
                text="x",
                said_by="",
                counted="troops",
                status="agree",
            ),
            dict(
                outlet="B",
                value=2000.0,
                value_max=2000.0,
                qualifier="exact",
                unit="",
                text="y",
                said_by="Someone",
                counted="troops",
                status="agree",
            ),
        ]
    )
    fig = claim_chart(rows)
    (range_trace,) = [t for t in fig.data if t.name == "range"]
    assert list(range_trace.error_x.array) == [750.0]
    assert list(range_trace.x) == [2250.0]


def test_outlet_labels_are_unique_and_shown_without_bidi_controls():
    from lib.present.charts import _outlet_labels, outlet_counts_chart

    a, b = (
        "The Very Long Name Of A Regional Outlet North",
        "The Very Long Name Of A Regional Outlet South",
    )
    labels = _outlet_labels([a, b, "rtl_\u202etxt.exe"])
    assert len(set(labels)) == 3 and labels[1].endswith("(2)")
    assert labels[2] == "rtl_txt.exe"
    fig = outlet_counts_chart(pd.Series([3, 4], index=[a, b]))
    assert len(set(fig.data[0].y)) == 2  # two bars, not one merged bar


def test_a_chart_of_counts_has_whole_ticks():
    """Mentions per outlet 3, 3, 2: ticks 0, 1, 2, 3, never "0.5 mentions"."""
    from lib.present.charts import count_step, outlet_counts_chart

    fig = outlet_counts_chart(pd.Series([3, 3, 2], index=["a", "b", "c"]))
    assert (fig.layout.xaxis.dtick, fig.layout.xaxis.tickformat) == (1, "d")
    assert [count_step(n) for n in (0, 6, 7, 30, 140, 5000)] == [1, 1, 2, 5, 25, 1000]
