"""Whose measurement each figure is and which time it is about, across the corpus.

- ``holder``: the canonical entity of the figure's holder (:mod:`lib.extract.holder`) when
  it names one ("Donald Trump" for "Trump's net worth", "his age"), else the holder as
  written ("the couple"); ``holder_entity``: the canonical entity only ("" otherwise).
- ``time``: the date the figure is about (:func:`lib.extract.measure.time_text`) resolved
  against its article's published date with dateparser: "2017-03-22" for "Wednesday" in
  an article of 24 March 2017 (the article's own weekday is its own day: "Monday" or "Monday
  morning" in a Monday paper), "2016" for "last year", "2011-03" for "March 2011",
  "2017-W11" for "last week"; an expression that names no date of its own ("the previous
  night", "overnight") is kept as written, and a relative one in an article without a
  date too. :func:`time_span` turns a resolved time back into the days it covers, so
  claims can tell "2017" and "2017-03-22" (compatible) from "2017-03-21" and
  "2017-03-22" (different times).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import pandas as pd

from lib.resolve.speakers import entity_at

#: A part of the day after a weekday ("Thursday morning" is Thursday).
PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$")
YEAR_ONLY = re.compile(r"^(?:in\s+)?(1[89]\d\d|20\d\d|2100)$", re.I)
#: dateparser periods kept, with the resolved time's format.
PERIOD_FORMAT = {
    "year": "%Y",
    "month": "%Y-%m",
    "day": "%Y-%m-%d",
    "part_of_day": "%Y-%m-%d",
}
LEADING_ARTICLE = re.compile(r"^(?:the|on|in|at|during|by)\s+", re.I)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def holder_columns(figs: pd.DataFrame, spans) -> tuple[pd.Series, pd.Series]:
    """(holder, holder_entity) per figure row (see the module docstring)."""
    if figs.empty or "holder_text" not in figs:
        empty = pd.Series("", index=figs.index, dtype=object)
        return empty, empty.copy()
    shown, entity = [], []
    cols = ["doc_id", "holder_text", "holder_start", "holder_end"]
    for doc_id, text, start, end in figs[cols].itertuples(index=False):
        text = text if isinstance(text, str) else ""
        name = ""
        several = " and " in text or " & " in text  # "Baptiste and Moreau": as written
        if text and not several and start is not None and not pd.isna(start) and int(start) >= 0:
            name = entity_at(spans, doc_id, int(start), int(end))[0]
        shown.append(name or text)
        entity.append(name)
    return (
        pd.Series(shown, index=figs.index, dtype=object),
        pd.Series(entity, index=figs.index, dtype=object),
    )


def resolve_times(figs: pd.DataFrame, published: dict[str, str]) -> pd.Series:
    """``time`` per figure row: its ``time_text`` resolved against the published date of
    its document (``published``: doc_id -> date as written; see the module docstring)."""
    if figs.empty or "time_text" not in figs:
        return pd.Series("", index=figs.index, dtype=object)
    out = []
    for doc_id, text in figs[["doc_id", "time_text"]].itertuples(index=False):
        text = text.strip() if isinstance(text, str) else ""
        out.append(resolve_time(text, published.get(doc_id, "")) if text else "")
    return pd.Series(out, index=figs.index, dtype=object)


@functools.lru_cache(maxsize=4096)
def publication_date(published: str) -> dt.datetime | None:
    """The article's date as a datetime (dateutil, fuzzy), or None."""
    if not isinstance(published, str) or not published.strip():
        return None
    from dateutil import parser

    try:
        return parser.parse(published, fuzzy=True, default=dt.datetime(1900, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None


@functools.lru_cache(maxsize=8192)
def resolve_time(text: str, published: str = "") -> str:
    """One time expression resolved (see the module docstring)."""
    written = LEADING_ARTICLE.sub("", " ".join(text.split())).strip()
    year = YEAR_ONLY.match(text.strip())
    if year:
        return year.group(1)
    base = publication_date(published)
    if base is None and not re.search(r"\b(1[89]\d\d|20\d\d)\b", text):
        return written  # relative to a date nobody gave: as written
    day = PART_OF_DAY.sub("", written.lower().rstrip(".,"))  # "Monday morning": Monday
    if base is not None and day == WEEKDAYS[base.weekday()]:
        return base.strftime(PERIOD_FORMAT["day"])  # "on Monday" in Monday's paper: that day
    found = _parse(text, base or dt.datetime(2000, 1, 1))
    if found is None:
        return written
    date, period = found
    if period == "week":
        iso = date.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    if period not in PERIOD_FORMAT:
        return written
    return date.strftime(PERIOD_FORMAT[period])


def _parse(text: str, base: dt.datetime) -> tuple[dt.datetime, str] | None:
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base.replace(tzinfo=None),
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError, TypeError, KeyError):
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


@functools.lru_cache(maxsize=8192)
def time_span(time: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a resolved ``time`` covers ("2017" -> the year, "2017-W11" ->
    that week), or None when it is no resolved date (as written, or "")."""
    try:
        if re.fullmatch(r"\d{4}", time):
            y = int(time)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if re.fullmatch(r"\d{4}-\d\d", time):
            first = dt.date.fromisoformat(time + "-01")
            nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, nxt - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}-W\d\d", time):
            first = dt.date.fromisocalendar(int(time[:4]), int(time[6:]), 1)
            return first, first + dt.timedelta(days=6)
        if re.fullmatch(r"\d{4}-\d\d-\d\d", time):
            day = dt.date.fromisoformat(time)
            return day, day
    except ValueError:
        return None
    return None


def times_compatible(a: str, b: str) -> bool | None:
    """True when two resolved times can be one (one holds the other or they overlap),
    False when they are different times, None when either is not a resolved date."""
    if not a or not b:
        return None
    sa, sb = time_span(a), time_span(b)
    if sa is None or sb is None:
        same = a.lower() == b.lower()
        return None if (sa is None) != (sb is None) or not same else True
    return sa[0] <= sb[1] and sb[0] <= sa[1]
