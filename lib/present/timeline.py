"""The stories timeline: when each story of a pile was reported (a pure ``-> go.Figure``)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.present.charts import FONT, chart_text

#: Most stories drawn (the largest first); the Stories page's table lists them all.
MAX_STORIES = 30


#: Colour of the span and the day markers; the chosen story's, and the others' when one is
#: chosen.
COLOUR = "#4C78A8"
CHOSEN = "#E45756"
OTHERS = "#B8C4D6"


def _row_label(story_id: str, label: str, width: int = 44) -> str:
    text = f"{story_id} · {label}"
    return chart_text(text if len(text) <= width else text[: width - 1] + "…")


#: Longest span in days ticked day by day (longer ones are ticked by plotly's own steps).
DAILY_TICKS_UP_TO = 14
DAY_MS = 86_400_000


def _day_axis(days: list[str]) -> dict:
    """A date axis whose ticks are whole days: over a short span ("25 Jul" to "26 Jul")
    plotly's own ticks fall every few hours and print the same date several times, so it
    is ticked once a day and padded half a day on each side."""
    axis = dict(type="date", tickformat="%d %b %Y", automargin=True)
    stamps = pd.to_datetime(pd.Series(days, dtype=object), errors="coerce").dropna()
    if stamps.empty:
        return axis
    first, last = stamps.min(), stamps.max()
    if (last - first).days <= DAILY_TICKS_UP_TO:
        half = pd.Timedelta(hours=12)
        axis.update(dtick=DAY_MS, tick0=first.isoformat(),
                    range=[(first - half).isoformat(), (last + half).isoformat()])  # fmt: skip
    return axis


def story_timeline(stories: pd.DataFrame, days: pd.DataFrame, chosen: str = "") -> go.Figure:
    """One row per story (``stories``: ``story_id, label`` in story order, at most
    :data:`MAX_STORIES`), a line from its first to its last day and a dot on each day it
    was reported, sized by its articles that day (``days``: ``story_id, day, articles``,
    ISO days). Stories without dates get an empty row; hover names the story, the day
    and the count. A ``chosen`` story is drawn in its own colour, the others faded."""
    shown = stories.head(MAX_STORIES)
    labels = {
        sid: _row_label(sid, lab)
        for sid, lab in zip(shown["story_id"], shown["label"].fillna(""), strict=True)
    }
    fig = go.Figure()
    xs, ys, sizes, hover, colours = [], [], [], [], []
    for sid, rows in days[days["story_id"].isin(labels)].groupby("story_id", sort=False):
        first, last = rows["day"].min(), rows["day"].max()
        colour = COLOUR if not chosen else CHOSEN if sid == chosen else OTHERS
        fig.add_scatter(
            x=[first, last],
            y=[labels[sid]] * 2,
            mode="lines",
            line=dict(color=colour, width=2),
            hoverinfo="skip",
            showlegend=False,
        )
        for day, n in zip(rows["day"], rows["articles"], strict=True):
            xs.append(day)
            ys.append(labels[sid])
            sizes.append(8 + 4 * min(int(n), 6))
            colours.append(colour)
            hover.append(f"{labels[sid]}<br>{day}: {int(n)} article{'s' if n != 1 else ''}")
    fig.add_scatter(
        x=xs,
        y=ys,
        mode="markers",
        marker=dict(color=colours, size=sizes, line=dict(color="white", width=1)),
        customdata=hover,
        hovertemplate="%{customdata}<extra></extra>",
        showlegend=False,
    )
    fig.update_layout(
        height=90 + 30 * max(len(labels), 1),
        margin=dict(l=10, r=10, t=10, b=30),
        xaxis=_day_axis(xs),
        yaxis=dict(
            categoryorder="array",
            categoryarray=list(labels.values()),
            autorange="reversed",
            automargin=True,
        ),
        font=FONT,
        plot_bgcolor="#f8f8f8",
    )
    return fig
