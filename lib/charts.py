"""Plotly figures built from library tables (pure functions, no Streamlit)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.constants import LABEL_NAMES
from lib.cooccur import METRIC_LABELS

#: One colour per entity type, shared by charts and the Reader's highlights.
LABEL_COLOURS = {
    "PERSON": "#4C78A8",
    "ORG": "#F58518",
    "GPE": "#54A24B",
    "LOC": "#88D27A",
    "NORP": "#B279A2",
    "FAC": "#9D755D",
    "EVENT": "#E45756",
    "WORK_OF_ART": "#72B7B2",
    "LAW": "#BAB0AC",
}
HEATMAP_SCALES = {"count": "Blues", "jaccard": "Blues", "npmi": "RdBu"}
FONT = dict(family="Source Sans Pro, sans-serif", size=13)


def _outlet_label(outlet: str, width: int = 28) -> str:
    return outlet if len(outlet) <= width else outlet[: width - 1] + "…"


def entities_per_outlet_chart(table: pd.DataFrame, outlets: list[str] | None = None) -> go.Figure:
    """Horizontal stacked bars: distinct entities each outlet names, by type.

    Input columns: ``outlet, label, entities`` (see compare.entities_per_outlet); bars
    follow ``outlets`` (default: order of appearance), top to bottom.
    """
    fig = go.Figure()
    if outlets is None:
        outlets = list(dict.fromkeys(table["outlet"])) if not table.empty else []
    for label in [lab for lab in LABEL_COLOURS if lab in set(table.get("label", []))]:
        counts = table[table["label"] == label].set_index("outlet")["entities"]
        counts = counts.reindex(outlets, fill_value=0)
        fig.add_bar(
            y=[_outlet_label(o) for o in outlets],
            x=counts.tolist(),
            name=LABEL_NAMES.get(label, label),
            orientation="h",
            marker_color=LABEL_COLOURS[label],
            customdata=outlets,
            hovertemplate="%{customdata}<br>" + LABEL_NAMES.get(label, label) + ": %{x}"
            "<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        height=120 + 44 * max(len(outlets), 1),
        margin=dict(l=10, r=10, t=30, b=40),
        xaxis_title="Distinct entities named",
        yaxis=dict(autorange="reversed"),
        legend=dict(orientation="h", y=-0.25 if len(outlets) > 3 else -0.5),
        font=FONT,
    )
    return fig


def cooccurrence_heatmap(matrix: pd.DataFrame, metric: str = "count") -> go.Figure:
    """Heatmap of a square entity × entity matrix; hover names the pair and its value."""
    names = [str(n) for n in matrix.index]
    z = matrix.to_numpy(dtype=float)
    text = np.where(np.isnan(z), "", np.vectorize(_fmt_value)(np.nan_to_num(z), metric))
    label = METRIC_LABELS[metric]
    hover = np.array(
        [
            [f"{a} × {b}<br>{label}: {text[i, j] or '0'}" for j, b in enumerate(names)]
            for i, a in enumerate(names)
        ],
        dtype=object,
    )
    zmid = 0 if metric == "npmi" else None
    fig = go.Figure(
        go.Heatmap(
            z=np.where(np.isnan(z), 0 if metric != "npmi" else np.nan, z),
            x=names,
            y=names,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=HEATMAP_SCALES[metric],
            reversescale=metric == "npmi",
            zmid=zmid,
            zmin=-1 if metric == "npmi" else 0,
            zmax=1 if metric in ("npmi", "jaccard") else None,
            colorbar=dict(title=dict(text=label, side="right")),
            xgap=1,
            ygap=1,
        )
    )
    size = max(420, min(1100, 160 + 26 * len(names)))
    _add_click_layer(fig, names, hover, size)
    fig.update_layout(
        height=size,
        margin=dict(l=10, r=10, t=10, b=10),
        xaxis=dict(tickangle=-45, side="bottom", automargin=True),
        yaxis=dict(autorange="reversed", automargin=True),
        font=FONT,
        plot_bgcolor="#f4f4f4",
    )
    if len(names) <= 20:
        fig.update_traces(text=text, texttemplate="%{text}", textfont=dict(size=10))
    return fig


def _add_click_layer(fig: go.Figure, names: list[str], hover: np.ndarray, height: int) -> None:
    """Invisible square markers over every cell so a click selects it.

    Streamlit's chart selection ignores heatmap traces; a scatter point per cell carries
    the pair (x = column entity, y = row entity) back to the app instead.
    """
    n = max(len(names), 1)
    cell = max(6, int((height - 160) / n) - 2)
    xs = [b for _a in names for b in names]
    ys = [a for a in names for _b in names]
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers",
            marker=dict(symbol="square", size=cell, color="rgba(0,0,0,0)"),
            selected=dict(marker=dict(color="rgba(0,0,0,0.25)")),
            unselected=dict(marker=dict(opacity=1)),
            customdata=hover.ravel(),
            hovertemplate="%{customdata}<extra></extra>",
            showlegend=False,
            name="cells",
        )
    )
    fig.update_traces(hoverinfo="skip", hovertemplate=None, selector=dict(type="heatmap"))


def _fmt_value(v: float, metric: str) -> str:
    return f"{int(v)}" if metric == "count" else f"{v:.2f}"


def difference_heatmap(diff: pd.DataFrame, outlet_a: str, outlet_b: str) -> go.Figure:
    """Diverging heatmap of ``A - B`` co-occurrence counts; hover states both outlets."""
    names = [str(n) for n in diff.index]
    z = diff.to_numpy(dtype=float, copy=True)
    np.fill_diagonal(z, np.nan)
    bound = max(1.0, float(np.nanmax(np.abs(z))) if np.isfinite(z).any() else 1.0)
    hover = np.array(
        [
            [
                f"{a} × {b}<br>{outlet_a} − {outlet_b}: {z[i, j]:+.0f}" if i != j else a
                for j, b in enumerate(names)
            ]
            for i, a in enumerate(names)
        ],
        dtype=object,
    )
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=names,
            y=names,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale="RdBu",
            reversescale=True,
            zmid=0,
            zmin=-bound,
            zmax=bound,
            colorbar=dict(title=dict(text="A − B", side="right")),
            xgap=1,
            ygap=1,
        )
    )
    size = max(380, min(900, 140 + 24 * len(names)))
    fig.update_layout(
        height=size,
        margin=dict(l=10, r=10, t=10, b=10),
        xaxis=dict(tickangle=-45, automargin=True),
        yaxis=dict(autorange="reversed", automargin=True),
        font=FONT,
        plot_bgcolor="#f4f4f4",
    )
    return fig


def outlet_counts_chart(counts: pd.Series, label: str = "Mentions") -> go.Figure:
    """Horizontal bars of a per-outlet count (index: outlet), zero bars kept visible."""
    outlets = [str(o) for o in counts.index]
    fig = go.Figure(
        go.Bar(
            x=counts.to_numpy(),
            y=[_outlet_label(o) for o in outlets],
            orientation="h",
            customdata=outlets,
            hovertemplate="%{customdata}: %{x}<extra></extra>",
            marker_color="#4C78A8",
            text=counts.to_numpy(),
            textposition="outside",
        )
    )
    fig.update_layout(
        height=90 + 36 * max(len(outlets), 1),
        margin=dict(l=10, r=30, t=10, b=40),
        xaxis_title=label,
        yaxis=dict(autorange="reversed"),
        font=FONT,
    )
    return fig
