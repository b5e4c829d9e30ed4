"""Small DataFrame helpers shared by the resolution passes."""

from __future__ import annotations

import pandas as pd


def rows(frame: pd.DataFrame, *columns: str):
    """Fast row iteration over plain Python values (Arrow-backed strings iterate slowly)."""
    return zip(*(frame[c].tolist() for c in columns), strict=True)


def pair_series(df: pd.DataFrame, a: str, b: str) -> pd.Series:
    """Series of ``(df[a], df[b])`` tuples on ``df``'s index (a dict-mappable key)."""
    return pd.Series(list(rows(df, a, b)), index=df.index, dtype=object)
