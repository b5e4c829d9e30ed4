"""The stories timeline's date axis (lib.present.timeline)."""

from __future__ import annotations

import pandas as pd

from lib.present.timeline import DAY_MS, story_timeline


def _figure(days: list[str]):
    stories = pd.DataFrame({"story_id": ["S1", "S2"], "label": ["Ada Roe", "Harwick"]})
    rows = pd.DataFrame(
        {"story_id": ["S1", "S2"][: len(days)], "day": days, "articles": [2, 1][: len(days)]}
    )
    return story_timeline(stories, rows)


def test_a_two_day_pile_is_ticked_once_a_day():
    axis = _figure(["2016-07-25", "2016-07-26"]).layout.xaxis
    # plotly's own ticks fall every few hours here and print each date several times
    assert axis.dtick == DAY_MS
    assert axis.range[0] < "2016-07-25" < "2016-07-26" < axis.range[1]


def test_a_long_pile_keeps_plotlys_own_ticks():
    axis = _figure(["2016-01-02", "2016-06-01"]).layout.xaxis
    assert axis.dtick is None and axis.range is None
