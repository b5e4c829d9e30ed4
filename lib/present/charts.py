"""Plotly figures built from view tables (pure functions ``DataFrame -> go.Figure``)."""

from __future__ import annotations

from html import escape, unescape

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.corpus.document import display_name
from lib.views.cooccur import metric_label
from lib.views.figures import clean_text, format_figure

#: Measures that run from negative to positive get a diverging colour scale.
DIVERGING_METRICS = frozenset({"npmi"})
FONT = dict(family="Source Sans Pro, sans-serif", size=13)


def chart_text(text) -> str:
    """User text as plotly shows it literally: plotly reads labels, ticks, titles and hover
    text as a subset of HTML (``<a href>``, ``<b>``, ``<br>``), so ``<``, ``>`` and ``&`` are
    escaped; bidi controls are dropped. :func:`label_text` turns it back."""
    return escape(display_name(str(text)), quote=False)


def label_text(label) -> str:
    """The text behind a :func:`chart_text` label (e.g. a clicked heatmap cell's entity)."""
    return unescape(str(label)) if label is not None else ""


def _outlet_label(outlet: str, width: int = 28) -> str:
    outlet = display_name(outlet)
    return chart_text(outlet if len(outlet) <= width else outlet[: width - 1] + "…")


def _outlet_labels(outlets: list[str], width: int = 28) -> list[str]:
    """Axis labels, one per outlet, unique even when two names share their first
    ``width`` characters (a bar per outlet, never two merged into one)."""
    labels, seen = [], {}
    for outlet in outlets:
        label = _outlet_label(outlet, width)
        seen[label] = seen.get(label, 0) + 1
        labels.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return labels


#: Heatmaps print a number in each cell up to this many entities (beyond, hover only).
MAX_LABELLED_ENTITIES = 20


def cell_text(v: float, metric: str) -> str:
    """A cell's number, short enough to fit a cell of a 20-entity heatmap at 1024 px:
    counts whole, shares in percent ("23%"), NPMI to one decimal without the leading
    zero ("−.2", ".5", "1")."""
    if metric == "count":
        return f"{int(v)}"
    if metric == "jaccard":
        return f"{round(v * 100)}%"
    text = f"{v:.1f}".replace("-", "−")
    text = text.replace("0.", ".") if text not in ("0.0", "−0.0") else "0"
    return text[:-2] if text.endswith(".0") else text


def _hover_value(v: float, metric: str) -> str:
    return f"{int(v)}" if metric == "count" else f"{v:.2f}"


def _text_size(n: int) -> int:
    """Font size of the cell numbers for ``n`` entities (smaller as cells get smaller)."""
    return 12 if n <= 10 else 11 if n <= 15 else 10


def cooccurrence_heatmap(
    matrix: pd.DataFrame,
    metric: str = "count",
    window: str = "sentence",
    selected: tuple[str, str] | None = None,
) -> go.Figure:
    """Heatmap of a square entity × entity matrix; hover names the pair and its value; the
    colour bar names the measure in words ("sentences together"), whole-number ticks for
    counts. Up to MAX_LABELLED_ENTITIES entities each cell shows its number
    (:func:`cell_text`). ``selected`` (row entity, column entity) marks that cell as chosen.
    """
    names = [chart_text(n) for n in matrix.index]
    z = matrix.to_numpy(dtype=float)
    values = np.nan_to_num(z)
    text = np.where(np.isnan(z), "", np.vectorize(cell_text, otypes=[object])(values, metric))
    shown = np.where(np.isnan(z), "", np.vectorize(_hover_value, otypes=[object])(values, metric))
    label = metric_label(metric, window)
    hover = np.array(
        [
            [f"{a} × {b}<br>{label}: {shown[i, j] or '0'}" for j, b in enumerate(names)]
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
            colorscale="RdBu" if metric in DIVERGING_METRICS else "Blues",
            reversescale=metric == "npmi",
            zmid=zmid,
            zmin=-1 if metric == "npmi" else 0,
            zmax=1 if metric in ("npmi", "jaccard") else None,
            colorbar=dict(
                title=dict(text=label, side="right"),
                **(
                    {"tickformat": "d", "dtick": max(1, int(np.nanmax(z) // 5) or 1)}
                    if metric == "count" and np.isfinite(z).any()
                    else {"tickformat": ".0%"}
                    if metric == "jaccard"
                    else {}
                ),
            ),
            xgap=1,
            ygap=1,
        )
    )
    size = max(420, min(1100, 160 + 26 * len(names)))
    _add_click_layer(fig, list(matrix.index), names, hover, size, selected)
    fig.update_layout(
        height=size,
        margin=dict(l=10, r=10, t=10, b=10),
        xaxis=dict(tickangle=-45, side="bottom", automargin=True),
        yaxis=dict(autorange="reversed", automargin=True),
        font=FONT,
        plot_bgcolor="#f4f4f4",
    )
    if len(names) <= MAX_LABELLED_ENTITIES:
        fig.update_traces(
            text=text,
            texttemplate="%{text}",
            textfont=dict(size=_text_size(len(names))),
            selector=dict(type="heatmap"),
        )
    return fig


def _add_click_layer(
    fig: go.Figure,
    entities: list[str],
    names: list[str],
    hover: np.ndarray,
    height: int,
    selected: tuple[str, str] | None = None,
) -> None:
    """Invisible square markers over every cell so a click selects it; the ``selected``
    cell (row entity, column entity) is drawn as chosen.

    Streamlit's chart selection ignores heatmap traces; a scatter point per cell carries
    the pair (x = column entity, y = row entity) back to the app instead.
    """
    n = max(len(names), 1)
    cell = max(6, int((height - 160) / n) - 2)
    xs = [b for _a in names for b in names]
    ys = [a for a in names for _b in names]
    chosen = None
    if selected and selected[0] in entities and selected[1] in entities:
        chosen = [entities.index(selected[0]) * len(entities) + entities.index(selected[1])]
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers",
            marker=dict(symbol="square", size=cell, color="rgba(0,0,0,0)", line=dict(width=0)),
            selected=dict(marker=dict(color="rgba(0,0,0,0.25)")),
            unselected=dict(marker=dict(opacity=1)),
            selectedpoints=chosen,
            customdata=hover.ravel(),
            hovertemplate="%{customdata}<extra></extra>",
            showlegend=False,
            name="cells",
        )
    )
    if chosen:  # the chosen cell outlined, so a colleague opening the link sees which one
        fig.add_trace(
            go.Scatter(
                x=[names[entities.index(selected[1])]],
                y=[names[entities.index(selected[0])]],
                mode="markers",
                marker=dict(
                    symbol="square-open", size=cell + 2, color="#111", line=dict(width=2.5)
                ),
                hoverinfo="skip",
                showlegend=False,
                name="chosen",
            )
        )
    fig.update_traces(hoverinfo="skip", hovertemplate=None, selector=dict(type="heatmap"))


def _signed(v: float) -> str:
    return "" if not v or np.isnan(v) else f"{v:+.0f}".replace("-", "−")


def difference_heatmap(diff: pd.DataFrame, outlet_a: str, outlet_b: str) -> go.Figure:
    """Diverging heatmap of ``A - B`` co-occurrence counts, each cell's difference printed
    ("+2", "−1"; blank when equal) up to MAX_LABELLED_ENTITIES entities, and a colour bar
    that names both ends: red = more often together in A, blue = in B. Hover states both
    outlets."""
    names = [chart_text(n) for n in diff.index]
    z = diff.to_numpy(dtype=float, copy=True)
    np.fill_diagonal(z, np.nan)
    bound = max(1.0, float(np.nanmax(np.abs(z))) if np.isfinite(z).any() else 1.0)
    a_name, b_name = _outlet_label(outlet_a, 18), _outlet_label(outlet_b, 18)
    hover = np.array(
        [
            [
                f"{a} × {b}<br>{chart_text(outlet_a)} − {chart_text(outlet_b)}: {z[i, j]:+.0f}"
                if i != j
                else a
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
            colorbar=dict(
                title=dict(text="A − B", side="right"),
                tickvals=[-bound, 0, bound],
                ticktext=[
                    f"{-bound:.0f}: more in<br>{b_name}",
                    "0: same",
                    f"+{bound:.0f}: more in<br>{a_name}",
                ],
            ),
            xgap=1,
            ygap=1,
        )
    )
    if len(names) <= MAX_LABELLED_ENTITIES:
        fig.update_traces(
            text=np.vectorize(_signed, otypes=[object])(z),
            texttemplate="%{text}",
            textfont=dict(size=_text_size(len(names))),
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
            y=_outlet_labels(outlets),
            orientation="h",
            customdata=[chart_text(o) for o in outlets],
            hovertemplate="%{customdata}: %{x}<extra></extra>",
            marker_color="#4C78A8",
            text=counts.to_numpy(),
            textposition="outside",
        )
    )
    fig.update_layout(
        height=90 + 36 * max(len(outlets), 1),
        margin=dict(l=10, r=30, t=10, b=40),
        xaxis=dict(title=label, tickformat="d", dtick=count_step(counts.max()), rangemode="tozero"),
        yaxis=dict(autorange="reversed"),
        font=FONT,
    )
    return fig


def count_step(most) -> int:
    """A whole tick step for an axis of counts up to ``most`` (about six ticks): never
    "0.5 mentions"."""
    most = float(most) if pd.notna(most) else 0.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if most / step <= 6:
            return step
    return int(10 ** np.ceil(np.log10(most / 6)))


QUALIFIER_SYMBOLS = {
    "exact": ("circle", "exact"),
    "approx": ("diamond", "approximately"),
    "at_least": ("triangle-right", "at least (≥)"),
    "at_most": ("triangle-left", "at most (≤)"),
    "range": ("line-ns-open", "range"),
    "vague": ("circle-open", "vague (order of magnitude)"),
}


def _hover_line(r) -> str:
    """One figure's hover text; every piece of article text is HTML-escaped (plotly renders
    a subset of HTML in hover labels)."""
    label = format_figure(r.value, r.value_max, r.qualifier, getattr(r, "unit", ""))
    who = clean_text(r.said_by) or "—"
    return (
        f"<b>{chart_text(r.outlet)}</b><br>{chart_text(clean_text(r.text))}"
        f"<br>said by: {chart_text(who)}<br>{chart_text(label)}"
    )


def _claim_traces(fig: go.Figure, rows: pd.DataFrame) -> None:
    """One marker trace per qualifier (ranges as segments, ≈ as ±10 %), ≥/≤ as arrows."""
    for qual, (symbol, name) in QUALIFIER_SYMBOLS.items():
        part = rows[rows["qualifier"] == qual]
        if part.empty:
            continue
        x = part["value"].astype(float)
        error_x = None
        if qual == "range":
            x = (part["value"].astype(float) + part["value_max"].astype(float)) / 2
            half = (part["value_max"].astype(float) - part["value"].astype(float)) / 2
            error_x = {"type": "data", "array": half.tolist(), "visible": True, "width": 6}
        elif qual == "approx":
            error_x = {"type": "percent", "value": 10, "visible": True, "width": 4}
        fig.add_trace(
            go.Scatter(
                x=x,
                y=[chart_text(o) for o in part["outlet"]],
                mode="markers",
                name=name,
                marker={"symbol": symbol, "size": 14, "line": {"width": 2}},
                error_x=error_x,
                hovertext=[_hover_line(r) for r in part.itertuples()],
                hoverinfo="text",
            )
        )
        if qual not in ("at_least", "at_most"):
            continue
        # the arrow starts at the stated value and points where the true value may lie
        factor = 1.18 if qual == "at_least" else 0.82
        for r in part.itertuples():
            fig.add_annotation(
                x=float(r.value) * factor,
                y=chart_text(r.outlet),
                ax=float(r.value),
                ay=chart_text(r.outlet),
                axref="x",
                ayref="y",
                showarrow=True,
                arrowhead=2,
                arrowsize=1.2,
                text="",
            )


def claim_chart(claim_rows: pd.DataFrame, outlets=None) -> go.Figure:
    """Plotly figure of one claim: each outlet's value(s), ranges as segments, ≥/≤ as arrows.

    ``outlets`` (optional) fixes the rows top to bottom; outlets without a figure for the
    claim are kept and marked "not reported".
    """
    fig = go.Figure()
    if claim_rows is None or claim_rows.empty:
        fig.update_layout(title="No figures", xaxis_title="Value", yaxis_title="Outlet")
        return fig
    rows = claim_rows.copy()
    unit = next((u for u in rows.get("unit", pd.Series(dtype=str)).fillna("") if u), "")
    _claim_traces(fig, rows)
    vals = pd.concat([rows["value"], rows["value_max"].fillna(rows["value"])]).astype(float)
    positive = vals[vals > 0]
    log = bool(len(positive)) and positive.max() / positive.min() > 100
    status = rows["status"].iloc[0] if "status" in rows else ""
    title = chart_text(rows["counted"].iloc[0]) + (f" — {status}" if status else "")
    order = list(outlets) if outlets is not None else list(dict.fromkeys(rows["outlet"]))
    shown = [chart_text(o) for o in order]
    for outlet in order:
        if outlet not in set(rows["outlet"]):
            fig.add_annotation(
                x=0,
                xref="paper",
                y=chart_text(outlet),
                text="not reported",
                showarrow=False,
                xanchor="left",
                font={"color": "#888", "size": 12},
            )
    fig.update_layout(
        title=title,
        xaxis_title=f"Value ({unit})" if unit else "Value",
        yaxis_title="Outlet",
        xaxis_type="log" if log else "linear",
        legend_title="Qualifier",
        hovermode="closest",
        height=160 + 48 * max(len(order), 1),
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
    )
    fig.update_yaxes(
        categoryorder="array", categoryarray=shown[::-1], range=[-0.6, len(order) - 0.4]
    )
    fig.update_yaxes(automargin=True)
    if not log and len(positive):
        fig.update_xaxes(range=[0, float(positive.max()) * 1.3])
    fig.update_xaxes(tickformat=",")
    return fig


#: Terms drawn per outlet in the wording chart, and outlets drawn side by side per row.
WORDING_BARS = 12
WORDING_COLUMNS = 2
#: Longest term label drawn (the hover text has it whole).
TERM_CHARS = 24


def distinctive_terms_chart(table: pd.DataFrame, outlets: list[str]) -> go.Figure:
    """Small multiples, one per outlet: its most distinctive terms as horizontal bars whose
    length is the z-score of the log-odds ratio (see :mod:`lib.views.wording`); hover
    gives the counts behind each bar. ``table`` has WORDING_COLUMNS of lib.views.wording."""
    from plotly.subplots import make_subplots

    outlets = [o for o in outlets if (table["outlet"] == o).any()] if len(table) else []
    if not outlets:
        return go.Figure()
    cols = min(WORDING_COLUMNS, len(outlets))
    rows = -(-len(outlets) // cols)
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[_outlet_label(o, 34) for o in outlets],
        horizontal_spacing=0.22,
        vertical_spacing=0.5 / rows if rows > 1 else 0.1,
    )
    for k, outlet in enumerate(outlets):
        top = table[table["outlet"] == outlet].head(WORDING_BARS).iloc[::-1]
        hover = [
            f"<b>{chart_text(t.term)}</b><br>{chart_text(outlet)}: {t.count} use(s), "
            f"{t.per_1000:.1f} per 1,000 words<br>other outlets: {t.others} use(s), "
            f"{t.others_per_1000:.1f} per 1,000<br>z = {t.z:.2f}"
            for t in top.itertuples()
        ]
        fig.add_bar(
            x=top["z"].round(2).tolist(),
            y=[
                chart_text(t if len(t) <= TERM_CHARS else t[: TERM_CHARS - 1] + "…")
                for t in top["term"]
            ],
            orientation="h",
            marker_color="#4C78A8",
            hovertext=hover,
            hoverinfo="text",
            showlegend=False,
            row=k // cols + 1,
            col=k % cols + 1,
        )
    fig.update_xaxes(title_text="z (more used than the others →)", title_font_size=11)
    fig.update_yaxes(automargin=True, tickfont_size=12)
    fig.update_layout(
        height=max(320, 330 * rows),
        margin=dict(l=10, r=10, t=40, b=10),
        font=FONT,
        bargap=0.25,
    )
    return fig
