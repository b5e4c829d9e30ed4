"""The stories of a pile as the Stories page shows them (plain pandas)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from lib.records import STORIES_PAGE
from lib.resolve.stories import parse_day


def stories_table(stories: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The Stories page's table (:data:`lib.records.STORIES_PAGE`): the ``stories`` table
    with ``outlet_names`` ("A, B, C" in document order) and the names comma-separated."""
    names = documents.groupby("story_id", sort=False)["outlet"].agg(
        lambda s: ", ".join(dict.fromkeys(s))
    )
    out = stories.assign(
        outlet_names=stories["story_id"].map(names).fillna(""),
        top_entities=stories["top_entities"].str.replace("; ", ", ", regex=False),
    )
    return out[STORIES_PAGE.csv_names()].reset_index(drop=True)


def story_days(documents: pd.DataFrame) -> pd.DataFrame:
    """``story_id, day, articles``: how many articles of each story were published on each
    day (articles without a date left out), in story then day order."""
    days = documents["published"].fillna("").map(parse_day)
    known = documents.assign(day=days)[days.notna()]
    if known.empty:
        return pd.DataFrame(columns=["story_id", "day", "articles"])
    counts = known.groupby(["story_id", "day"]).size().rename("articles").reset_index()
    counts["day"] = [date.fromordinal(int(d)).isoformat() for d in counts["day"]]
    order = {sid: k for k, sid in enumerate(dict.fromkeys(documents["story_id"]))}
    rank = counts["story_id"].map(lambda s: int(str(s)[1:]) if str(s)[1:].isdigit() else order[s])
    return counts.iloc[rank.argsort(kind="stable")].reset_index(drop=True)
